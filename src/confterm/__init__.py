"""confterm: a terminal schedule browser for conference attendees."""

__version__ = "0.1.0"
