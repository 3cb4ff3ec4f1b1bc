"""Text from the data made safe for the format it is published in, by that format's own rules: Markdown (its
inline, block and HTML syntax), RIS (one field a line) and links (http and https only). What could drive a
terminal is made visible by pcli.text.safe, which every output goes through as well."""

from __future__ import annotations

import re

from pcli.text import pattern

_LINE_BREAKS = pattern(r"[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
# Every character that opens Markdown's inline syntax (emphasis, code, links, images, HTML, entities, tables,
# strike-through); a backslash before ASCII punctuation makes it literal (CommonMark 2.4).
_INLINE = pattern(r"([\\`*_\[\]<>!&|~])")
_INLINE_BUT_BACKSLASH = pattern(r"([`*_\[\]<>!&~])")
# What opens a block at the start of a line: a heading, a quote, a list item, a setext underline, a fence.
_BLOCK_START = pattern(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def one_field(text: str) -> str:
    """The text on one line: every line break (CR, LF, NEL, the Unicode separators) becomes a space."""
    return _LINE_BREAKS().sub(" ", text)


def markdown(text: str) -> str:
    """One line of Markdown that renders as the text itself and nothing more: no link, image, HTML, heading,
    quote or list can come out of it."""
    escaped = _INLINE().sub(r"\\\1", one_field(text))
    return _BLOCK_START().sub(_literal_block_start, escaped, count=1)


def _literal_block_start(match: re.Match[str]) -> str:
    indent, opener = match[1], match[2]
    return indent + (opener + "\\" if opener[0].isdigit() else "\\" + opener)  # "1\." and "\#"


def markdown_cell(text: str) -> str:
    """A table cell already on one line (pcli.text.one_line: its backslashes doubled, its newlines written \\n),
    with the rest of Markdown's inline syntax made literal and its pipes escaped."""
    return _INLINE_BUT_BACKSLASH().sub(r"\\\1", text).replace("|", "\\|")


def html_escape(text: str) -> str:
    """Text as HTML shows it, quotes and all, as html.escape writes it (whose module imports every entity's name)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#x27;")


def link(url: str) -> str:
    """The URL when it is an http or https address with a host, with every character Markdown, RIS or HTML could
    misread percent-encoded; otherwise nothing (a `javascript:` or `data:` link is never published)."""
    from urllib.parse import quote, urlsplit

    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return ""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")
