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
# A key of MAX_KEY_PARTS parts or more is at least this long: only such keys (rare) are looked at closely.
_LONG = re.compile(rf"(?:^|[{{,])[ \t]*([A-Za-z0-9_.\- \t]{{{2 * MAX_KEY_PARTS - 1},}}?)[ \t]*(?:=|\]\]?)", re.M)


# A cheap sign that a key may be dotted deeply (four dots close together); only then is the text searched
# closely. A long key without dots costs the parser no more than its length, and is reported as unknown.
_DOTS = re.compile(r"\.[^.\n]{0,40}\.[^.\n]{0,40}\.[^.\n]{0,40}\.")


def check_keys(text: str, path: str) -> None:
    """Refuse keys too long or too deeply dotted, anywhere (inline tables too), before the parser meets them."""
    if not _DOTS.search(text):
        return
    for m in _LONG.finditer(text):
        key = m[1]
        if key.count(".") >= MAX_KEY_PARTS or len(key) > MAX_KEY_LENGTH:
            line = text.count("\n", 0, m.start()) + 1
            raise FactBaseError(path, "toml_key_too_big", line, parts=key.count(".") + 1, length=len(key),
                                max_parts=MAX_KEY_PARTS, max_length=MAX_KEY_LENGTH)  # fmt: skip


def parse_toml(text: str, path: str) -> dict[str, Any]:
    try:  # tomli's compiled wheels parse a large base 2-3x faster than the standard library, with the same API
        import tomli as tomllib
    except ModuleNotFoundError:
        import tomllib  # type: ignore[no-redef]

    check_keys(text, path)
    try:
        return tomllib.loads(text)
    except RecursionError:  # arrays or tables nested hundreds deep
        raise FactBaseError(path, "toml_too_deep") from None
    except tomllib.TOMLDecodeError as exc:
        from pcli.base.tomlerrors import toml_reason

        message = str(exc)
        m = _TOML_POSITION.search(message)
        if m:
            raise FactBaseError(path, "toml_syntax", int(m[1]), error=toml_reason(message[: m.start()]), column=m[2]) from None
        raise FactBaseError(path, "toml_syntax_nowhere", error=toml_reason(message)) from None
