"""`extract --format toml`: the draft of everything a valid base needs for an article's new numbers, ready for a
curator to fill in and paste: a [[sources]] record, a [[topics]] stub, a [[units]] stub for each unit the base
lacks, and for each new figure an [[indicators]] stub and a [[figures]] block.

A figure the article states more than once (same value, unit, period and qualifier) is one block with a
citation for each mention. Each quote is the shortest verbatim clause that holds the number, with a `context`
that dates it where the clause gives no period, so that `validate --sources` proves it. What `validate` would
refuse (a percentage over 100 that is not a change, a count that is not whole) is drafted as a [[skips]] record
with the reason, and said.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from pcli.articles.phrases import GOAL_WORDS, states_any
from pcli.articles.units import UNIT_LABELS
from pcli.base.checks import FILL_IN
from pcli.base.model import FactBase
from pcli.base.numbers import raw

NEW_TOPIC = "new-topic"
_LANG_INDEX = {"en": 0, "vi": 1, "id": 2}


def _string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(text, ensure_ascii=False)


def _label(values: tuple[str, str, str]) -> str:
    return "{ " + ", ".join(f"{lang} = {_string(v)}" for lang, v in zip(("en", "vi", "id"), values, strict=True)) + " }"


def header(base: FactBase, path: str, source: str, lang: str, out: IO[str]) -> None:
    out.write(f"# Draft for {path}: fill in every {FILL_IN} (README: Curating a new article), check each figure\n"
              "# against the text, paste it all into the base, then run `pcli validate --sources DIR`.\n")  # fmt: skip
    if source not in base.sources:
        out.write(f"\n[[sources]]\nid = {_string(source)}\noutlet = {_string(FILL_IN)}  # who published it\n"
                  f"language = {_string(lang)}\nfile = {_string(path.rsplit('/', 1)[-1])}\n"
                  '# date = "YYYY-MM-DD"\n# url = "…"\n')  # fmt: skip


def _key(row: Any) -> tuple[object, ...]:
    """What makes two mentions one figure."""
    return (float(row.value), row.unit, row.period, row.qualifier, row.change, row.target)


def _refused(row: Any) -> str:
    """Why validate would refuse the number as a figure of its unit, or ""."""
    if row.unit_kind == "percent" and not row.change and row.value > 100:
        return f"a percentage over 100 ({raw(row.value)}) is refused unless it is a change: a share of a plan?"
    if row.unit_kind in ("count", "") and not float(row.value).is_integer():
        return f"a count must be whole ({raw(row.value)}): an average or a ratio, not a count"
    return ""


def _citation(row: Any, source: str) -> str:
    citation = f"source = {_string(source)}, quote = {_string(row.clause)}"
    if row.context:
        citation += f", context = {_string(row.context)}"
    return f"  {{ {citation} }},"


def _figure(rows: list[Any], source: str, base: FactBase) -> list[str]:
    """The [[indicators]] stub and [[figures]] block of one figure and all its mentions."""
    row = rows[0]
    name = f"{row.line}-{row.column}"
    unit = row.unit or f"new-unit-{name}"
    same_unit = [i.id for i in base.indicators.values() if i.unit == row.unit][:5]
    lines = [""]
    if row.same:
        lines.append(f"# the base holds this value as {row.same}: if it is that figure, add these citations to it instead")
    if len(rows) > 1:
        where = ", ".join(f"line {r.line}" for r in rows)
        lines.append(f"# stated {len(rows)} times ({where}): one figure with a citation each; split it if they differ")
    lines += ["[[indicators]]", f'id = "new-indicator-{name}"  # name it; or delete this stub and use one of the base\'s'
              + (f" ({', '.join(same_unit)})" if same_unit else ""),
              f'topic = "{NEW_TOPIC}"  # or one of the base\'s topics (pcli list topics)', f"unit = {_string(unit)}",
              f"label = {_label((FILL_IN, FILL_IN, FILL_IN))}"]  # fmt: skip
    if row.change:
        lines.append("change = true  # its values are changes")
    lines += ["", "[[figures]]", f'id = "new-{name}"  # line {row.line}, column {row.column}: name it',
              f'indicator = "new-indicator-{name}"', f"value = {raw(row.value)}"]  # fmt: skip
    lines += _attributes(row)
    lines += ["citations = [", *dict.fromkeys(_citation(r, source) for r in rows), "]"]
    return lines


def _attributes(row: Any) -> list[str]:
    lines = []
    if row.period and row.dated:
        lines.append(f"period = {_string(row.period)}  # as the text dates it; delete it if that is not the figure's period")
    elif row.period:
        lines.append(f"# period = {_string(row.period)}  # the article's first sentences date it, too far away to cite"
                     " as context: give a context within 800 characters that states it, or leave it undated")  # fmt: skip
    else:
        lines.append("# no period: the text gives none, so the figure is undated")
    if row.qualifier:
        lines.append(f"qualifier = {_string(row.qualifier)}")
    if row.target and states_any(f"{row.clause} {row.context}", GOAL_WORDS):
        lines.append('status = "target"  # the sentence sets it as a goal')
    lines.append(f'# place = "{FILL_IN}"  # the place it is about, if not the base\'s')
    return lines


def _skip(rows: list[Any], source: str, why: str) -> list[str]:
    row = rows[0]
    lines = ["", f"# validate would refuse it as a figure: {why}; drafted as a skip", "[[skips]]",
             f'id = "skip-{source}-{row.line}-{row.column}"', f"source = {_string(source)}",
             f"quote = {_string(row.clause)}", f"number = {_string(row.written)}",
             f"reason = {_string(FILL_IN)}  # why the base does not hold it as a figure"]  # fmt: skip
    for other in rows[1:]:
        lines += ["", "[[skips]]", f'id = "skip-{source}-{other.line}-{other.column}"', f"source = {_string(source)}",
                  f"quote = {_string(other.clause)}", f"number = {_string(other.written)}",
                  f"reason = {_string(FILL_IN)}"]  # fmt: skip
    return lines


def _units(groups: list[list[Any]], base: FactBase, lang: str) -> list[str]:
    """A [[units]] stub for each unit the figures name that the base lacks."""
    lines: list[str] = []
    seen: set[str] = set()
    for rows in groups:
        row = rows[0]
        if not row.unit and not _refused(row):  # no word near it says what it counts
            lines += ["", "[[units]]", f'id = "new-unit-{row.line}-{row.column}"  # what the number at line {row.line}'
                      f", column {row.column} counts: no word near it says", 'kind = "count"',
                      f"label = {_label((FILL_IN, FILL_IN, FILL_IN))}"]  # fmt: skip
        if not row.unit or row.unit in base.units or row.unit in seen or _refused(row):
            continue
        seen.add(row.unit)
        labels = list(UNIT_LABELS.get(row.unit, (FILL_IN, FILL_IN, FILL_IN)))
        if row.unit not in UNIT_LABELS:
            labels[_LANG_INDEX.get(lang, 0)] = row.unit_words
        kind = row.unit_kind or "count"
        lines += [
            "",
            "[[units]]",
            f"id = {_string(row.unit)}",
            f'kind = "{kind}"',
            f"label = {_label((labels[0], labels[1], labels[2]))}",
        ]
    return lines


def write(rows: Iterable[Any], base: FactBase, path: str, source: str, out: IO[str], lang: str = "en") -> int:
    """The draft of every new number; how many figures and skips were drafted."""
    groups: dict[tuple[object, ...], list[Any]] = {}
    for row in rows:
        if row.status == "new":
            groups.setdefault(_key(row), []).append(row)
    header(base, path, source, lang, out)
    blocks = list(groups.values())
    figures = [rows for rows in blocks if not _refused(rows[0])]
    lines = _units(blocks, base, lang)
    if figures and NEW_TOPIC not in base.topics:
        lines += ["", "[[topics]]", f'id = "{NEW_TOPIC}"  # or delete it and use the base\'s topics',
                  f"label = {_label((FILL_IN, FILL_IN, FILL_IN))}"]  # fmt: skip
    for group in blocks:
        why = _refused(group[0])
        lines += _skip(group, source, why) if why else _figure(group, source, base)
    out.write("\n".join(lines) + "\n")
    return len(blocks)
