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


def parse_toml(text: str, path: str) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python < 3.11
        import tomli as tomllib  # type: ignore[no-redef,import-not-found,unused-ignore]

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _TOML_POSITION.search(message)
        if m:
            raise FactBaseError(path, "toml_syntax", int(m[1]), error=message[: m.start()], column=m[2]) from None
        raise FactBaseError(path, "toml_syntax_nowhere", error=message) from None
