"""The project's own errors: the CLI turns each into one line on stderr and exit code 2."""

from __future__ import annotations


class PcliError(Exception):
    """Base class of every error pcli reports to the user instead of crashing."""


class UsageError(PcliError):
    """An argument or query that pcli cannot act on."""


class FactBaseError(PcliError):
    """A fact base that cannot be read or does not follow the schema."""

    def __init__(self, path: str, message: str, line: int | None = None, more: int = 0) -> None:
        self.path = path
        self.line = line
        self.message = message
        self.more = more
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        tail = f" (and {self.more} more problem{'s' if self.more > 1 else ''}; run 'pcli validate')" if self.more else ""
        return f"{where}: {self.message}{tail}"
