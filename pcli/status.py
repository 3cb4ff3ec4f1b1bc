"""Exit codes, as grep has them; every command returns one."""

from enum import IntEnum


class ExitStatus(IntEnum):
    FOUND = 0
    NOT_FOUND = 1
    ERROR = 2  # bad usage or bad data
    INTERRUPTED = 130  # Ctrl-C
    PIPE_CLOSED = 141  # the reader of a pipe stopped early (128 + SIGPIPE), as a shell reports it
