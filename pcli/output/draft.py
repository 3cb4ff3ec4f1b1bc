"""`extract --format toml`: a draft [[figures]] block for each new number of an article, ready for a curator to
name, give an indicator, and paste into the base. Once the indicator is filled in, the draft passes
`validate --sources`: its quote is the shortest verbatim clause that holds the number, with the sentence's
clause that dates it as `context` where the clause itself gives no period.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from pcli.base.model import FactBase
from pcli.base.numbers import raw


def _string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def header(base: FactBase, path: str, source: str, out: IO[str]) -> None:
    out.write(f"# Draft figures for {path}: give each an id and an indicator, check it against the text, paste it\n"
              "# into the base, then run `pcli validate --sources DIR`.\n")  # fmt: skip
    if source not in base.sources:
        out.write("\n# The base has no source with this id yet: add one.\n")
        out.write(f'# [[sources]]\n# id = {_string(source)}\n# outlet = "FILL-IN"\n# language = "FILL-IN"\n')
        out.write(f"# file = {_string(path.rsplit('/', 1)[-1])}\n")


def block(row: Any, source: str, base: FactBase) -> str:
    """One [[figures]] block for a new number."""
    unit = base.units.get(row.unit)
    hint = f"an indicator whose unit is {row.unit}" if unit else "an indicator of the right unit"
    lines = [""]
    if row.same:
        lines.append(f"# the base holds this value as {row.same}: if it is that figure, add this citation to it instead")
    lines += ["[[figures]]", f'id = "new-{row.line}-{row.column}"  # line {row.line}, column {row.column}: name it',
             f'indicator = "FILL-IN"  # {hint} (pcli show figures)', f"value = {raw(row.value)}"]  # fmt: skip
    if row.period:
        lines.append(f"period = {_string(row.period)}  # as the text says; delete it if that is not the figure's period")
    else:
        lines.append("# no period: the sentence gives none, so the figure is undated")
    if row.qualifier:
        lines.append(f"qualifier = {_string(row.qualifier)}")
    citation = f"source = {_string(source)}, quote = {_string(row.clause)}"
    if row.context:
        citation += f", context = {_string(row.context)}"
    lines += ["citations = [", f"  {{ {citation} }},", "]"]
    return "\n".join(lines) + "\n"


def write(rows: Iterable[Any], base: FactBase, path: str, source: str, out: IO[str]) -> int:
    """The draft of every new number; how many blocks were written."""
    header(base, path, source, out)
    count = 0
    for row in rows:
        if row.status == "new":
            out.write(block(row, source, base))
            count += 1
    return count
