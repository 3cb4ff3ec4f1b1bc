"""The project's own errors: the CLI says each in the reader's language on one line of stderr, with exit code 2."""

from __future__ import annotations

from typing import Any

from pcli.messages import Msg, say


class PcliError(Exception):
    """Base class of every error pcli reports to the user instead of crashing."""

    def __init__(self, key: str, /, **values: Any) -> None:
        self.message = Msg(key, **values)
        super().__init__(key)

    def say(self, lang: str = "en") -> str:
        return self.message.say(lang)

    def __str__(self) -> str:
        return self.say("en")


class UsageError(PcliError):
    """An argument or query that pcli cannot act on."""


class FactBaseError(PcliError):
    """A fact base that cannot be read or does not follow the schema: where, and what is wrong."""

    def __init__(self, path: str, key: str | Msg, line: int | None = None, more: int = 0, /, **values: Any) -> None:
        self.path, self.line, self.more = path, line, more
        self.detail = key if isinstance(key, Msg) else Msg(key, **values)  # what is wrong, without where
        super().__init__("where", where=f"{path}:{line}" if line else path, message=self.detail)

    def say(self, lang: str = "en") -> str:
        text = self.message.say(lang)
        return say("more_problems", lang, message=text, more=self.more) if self.more else text
