"""Reading a fact base file: its size, encoding and TOML syntax, each failure said in plain words with its line."""

from __future__ import annotations

import os
import re
from typing import Any

from pcli.errors import FactBaseError

MAX_BYTES = 512 * 1024 * 1024


def read_text(path: str) -> str:
    """The file's text, or a FactBaseError that says in plain words why it cannot be read."""
    try:
        size = os.stat(path).st_size
        if os.path.isdir(path):
            raise FactBaseError(path, "file_is_directory")
        if size > MAX_BYTES:
            raise FactBaseError(path, "file_too_large", size=size // 2**20, limit=MAX_BYTES // 2**20)
        with open(path, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise FactBaseError(path, "file_missing") from None
    except IsADirectoryError:
        raise FactBaseError(path, "file_is_directory") from None
    except PermissionError:
        raise FactBaseError(path, "file_permission") from None
    except OSError as exc:
        raise FactBaseError(path, "file_unreadable", reason=exc.strerror or str(exc)) from None
    if not data.strip():
        raise FactBaseError(path, "file_empty")
    if b"\0" in data:
        raise FactBaseError(path, "file_binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FactBaseError(path, "file_not_utf8", line, byte=f"0x{data[exc.start]:02x}") from None


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


MAX_KEY_PARTS = 32  # a dotted key of tens of thousands of parts takes the TOML parser quadratic time
MAX_KEY_LENGTH = 1024
_DOTTED = re.compile(rf"(?:[A-Za-z0-9_-]+[ \t]*\.[ \t]*){{{MAX_KEY_PARTS - 1},}}[A-Za-z0-9_-]+[ \t]*(?:=|\])")
_LONG_KEY = re.compile(rf"[A-Za-z0-9_-]{{{MAX_KEY_LENGTH + 1},}}[ \t]*=")


def check_keys(text: str, path: str) -> None:
    """Refuse keys too long or too deeply dotted, anywhere (inline tables too), before the parser meets them."""
    for pattern in (_DOTTED, _LONG_KEY):
        m = pattern.search(text)
        if m:
            key = m[0].rstrip("=] \t")
            line = text.count("\n", 0, m.start()) + 1
            raise FactBaseError(path, "toml_key_too_big", line, parts=key.count(".") + 1, length=len(key),
                                max_parts=MAX_KEY_PARTS, max_length=MAX_KEY_LENGTH)  # fmt: skip


def parse_toml(text: str, path: str) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python < 3.11
        import tomli as tomllib  # type: ignore[no-redef,import-not-found,unused-ignore]

    check_keys(text, path)
    try:
        return tomllib.loads(text)
    except RecursionError:  # arrays or tables nested hundreds deep
        raise FactBaseError(path, "toml_too_deep") from None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _TOML_POSITION.search(message)
        if m:
            raise FactBaseError(path, "toml_syntax", int(m[1]), error=message[: m.start()], column=m[2]) from None
        raise FactBaseError(path, "toml_syntax_nowhere", error=message) from None
