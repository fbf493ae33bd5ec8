"""Exit codes and the error for bad command-line input, in one place."""

from __future__ import annotations

EXIT_OK, EXIT_UNEXPECTED, EXIT_BAD_INPUT = 0, 1, 2
#: 128 + SIGPIPE, what a shell reports for a command whose reader closed the pipe.
EXIT_CLOSED_PIPE = 141


class UsageError(Exception):
    """Bad command-line input: reported in one line, exit code 2."""
