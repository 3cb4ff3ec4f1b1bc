"""What Python's TOML parser says of a file it cannot read, in the reader's language: each of its messages as a
message of the catalogue with the value it names (a character, a key). A message it has not said before stays
as it says it."""

from __future__ import annotations

import re

from pcli.messages import Msg

_SAID = (
    (r"Invalid statement", "toml_e_statement"),
    (r"Expected newline or end of document after a statement", "toml_e_newline"),
    (r"Expected (?P<what>.+)", "toml_e_expected"),
    (r"Found invalid character (?P<what>.+)", "toml_e_character"),
    (r"Illegal character (?P<what>.+)", "toml_e_character"),
    (r"Cannot declare (?P<what>.+) twice", "toml_e_twice"),
    (r"Duplicate inline table key (?P<what>.+)", "toml_e_twice"),
    (r"Cannot overwrite a value", "toml_e_overwrite"),
    (r"Cannot mutate immutable namespace (?P<what>.+)", "toml_e_immutable"),
    (r"Cannot redefine namespace (?P<what>.+)", "toml_e_immutable"),
    (r"Expected '\]' at the end of a table declaration", "toml_e_table_end"),
    (r"Expected '\]\]' at the end of an array declaration", "toml_e_array_end"),
    (r"Expected '=' after a key in a key/value pair", "toml_e_equals"),
    (r"Invalid initial character for a key part", "toml_e_key"),
    (r"Unclosed array", "toml_e_unclosed_array"),
    (r"Unclosed inline table", "toml_e_unclosed_table"),
    (r"Unescaped '\\' in a string", "toml_e_backslash"),
    (r"Invalid hex value|Escaped character is not a Unicode scalar value", "toml_e_escape"),
    (r"Unterminated string", "toml_e_string"),
    (r"Invalid date or datetime", "toml_e_date"),
    (r"Invalid value", "toml_e_value"),
)
_PATTERNS = tuple((re.compile(f"{pattern}(?: \\(at end of document\\))?$"), key) for pattern, key in _SAID)


def toml_reason(message: str) -> Msg | str:
    """The parser's message (without its position) as a message of the catalogue, or as it is."""
    for pattern, key in _PATTERNS:
        m = pattern.match(message)
        if m:
            return Msg(key, **{k: _key(v) for k, v in m.groupdict().items()})
    return message


def _key(what: str) -> str:
    """A key as the file writes it: the parser names a dotted key as a tuple of its parts."""
    return ".".join(re.findall(r"'([^']*)'", what)) if what.startswith("(") else what
