"""Saying things to people in their language. Every string pcli shows is in messages.tsv beside this file, keyed
by message, in English, Vietnamese and Indonesian side by side.

Code asks for a message by key with its values (`say("no_match", lang, query=…)`); it never assembles a
sentence in place. A value that is itself a message (`Msg`, or anything with a `say(lang)`) is said in the same
language. A test fails when a key lacks a language or a language's text names other values than the English.
"""

from __future__ import annotations

import os
from typing import Any

LANG_INDEX = {"en": 0, "vi": 1, "id": 2}


class Msg:
    """A message not yet said: its key and values, said later in the reader's language."""

    __slots__ = ("key", "values")

    def __init__(self, key: str, /, **values: Any) -> None:
        self.key, self.values = key, values

    def say(self, lang: str = "en") -> str:
        return say(self.key, lang, **self.values)

    def __str__(self) -> str:
        return self.say("en")


class Texts:
    """Text in three languages ({"en": …, "vi": …, "id": …}) said in the reader's language when the message is."""

    __slots__ = ("text",)

    def __init__(self, text: dict[str, str]) -> None:
        self.text = text

    def say(self, lang: str = "en") -> str:
        return self.text.get(lang) or self.text.get("en") or next(iter(self.text.values()), "")


def say(key: str, lang: str = "en", /, **values: Any) -> str:
    template = catalogue()[key][LANG_INDEX.get(lang, 0)]
    return template.format(**{k: v.say(lang) if hasattr(v, "say") else v for k, v in values.items()})


def word(key: str, lang: str = "en") -> str:
    """A single word or heading of the catalogue."""
    return catalogue()[key][LANG_INDEX.get(lang, 0)]


_CATALOGUE: dict[str, tuple[str, str, str]] = {}


def catalogue() -> dict[str, tuple[str, str, str]]:
    """Key → (English, Vietnamese, Indonesian), read from messages.tsv once (a plain split: no parser to import)."""
    if not _CATALOGUE:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "messages.tsv")
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.strip() and not line.startswith("#"):
                    key, en, vi, id_ = line.rstrip("\n").split("\t")
                    _CATALOGUE[key] = (en, vi, id_)
    return _CATALOGUE
