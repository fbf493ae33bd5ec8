"""The open conference: the service every screen is given (see ``service``)."""
