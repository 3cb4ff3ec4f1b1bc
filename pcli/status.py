"""Exit codes, as grep has them."""

from enum import IntEnum


class ExitStatus(IntEnum):
    FOUND = 0
    NOT_FOUND = 1
    ERROR = 2  # bad usage or bad data
    INTERRUPTED = 130  # Ctrl-C
