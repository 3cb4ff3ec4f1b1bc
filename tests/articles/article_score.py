"""Score `pcli extract` against the ground truth of real articles: `python tests/articles/article_score.py [FOLDER]`.

Each `*.tsv` here is the truth for one article that nobody on the project wrote: per number its line, column,
value in base units, unit, period, kind and qualifier, written by a reader of the article; the article's text is
not in the repository (its sha256 heads the file, and the comment line after it says where it was found).
FOLDER (default `$PCLI_ARTICLES`, else /tmp/articles) holds the texts, named as the truth files are, with `.txt`.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FOLDER = Path(os.environ.get("PCLI_ARTICLES", "/tmp/articles"))
# a period the truth may name that pcli's model (SCHEMA.md: a year, a range of years, a month, a day) has no form for
UNWRITABLE = re.compile(r"\d{4}-Q[1-4]")
RESTORE = (
    "to restore it, search the search tool's `pages` corpus for the page the truth file's '# found:' line "
    "names and save its excerpt, as that line says, to {path} (the sha256 on the file's first line checks it)"
)


@dataclass
class Truth:
    line: int
    column: int
    value: float | None
    unit: str
    period: str
    kind: str
    qualifier: str


@dataclass
class Score:
    figures: int = 0
    value: int = 0
    unit: int = 0
    period: int = 0
    qualifier: int = 0
    whole: int = 0  # value, unit and period all right
    unwritable: int = 0  # figures whose truth period pcli cannot write (a quarter): out of period and whole
    others: int = 0  # numbers that are not figures
    offered: list[str] = field(default_factory=list)  # not figures that extract offers as figures
    missed: list[str] = field(default_factory=list)  # figures extract does not see
    apart: list[str] = field(default_factory=list)  # the figures counted in unwritable
    wrong: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("figures", "value", "unit", "period", "qualifier", "whole", "unwritable", "others"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.offered += other.offered
        self.missed += other.missed
        self.apart += other.apart
        self.wrong += other.wrong

    @property
    def dated(self) -> int:
        """The figures whose truth period pcli can write: the period rate's and all three's denominator."""
        return self.figures - self.unwritable

    def line(self, name: str) -> str:
        def pct(n: int, of: int) -> str:
            return f"{n}/{of} ({100 * n / max(1, of):.0f} %)"

        return (f"{name}: figures {self.figures}; value {pct(self.value, self.figures)}, unit "
                f"{pct(self.unit, self.figures)}, period {pct(self.period, self.dated)}, qualifier "
                f"{pct(self.qualifier, self.figures)}, all three {pct(self.whole, self.dated)}; periods pcli "
                f"cannot write: {self.unwritable}; not figures {self.others}, offered as figures "
                f"{len(self.offered)}")  # fmt: skip


def truth(path: Path) -> tuple[str, list[Truth]]:
    """The article's sha256 and its numbers, from a truth file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    digest = lines[0].split()[-1]
    rows = []
    body = [line for line in lines[1:] if not line.startswith("#")]
    for line in body[1:]:
        cells = line.split("\t")
        cells += [""] * (7 - len(cells))
        rows.append(Truth(int(cells[0]), int(cells[1]), float(cells[2]) if cells[2] else None, *cells[3:7]))
    return digest, rows


def found(path: Path) -> str:
    """Where the article of a truth file was found, as its comment line says."""
    line = next((x for x in path.read_text(encoding="utf-8").splitlines()[1:2] if x.startswith("# found:")), "")
    return line.lstrip("# ") or "found: not recorded"


def article(name: str, folder: Path = FOLDER) -> Path | None:
    """The stored article a truth file is about, when it is there and is the text the truth was written on."""
    digest, _ = truth(HERE / f"{name}.tsv")
    path = folder / f"{name}.txt"
    if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
        return None
    return path


def score(name: str, rows: list[dict[str, object]]) -> Score:
    """How the rows of `pcli extract --format json` for the article measure against its truth."""
    _, wanted = truth(HERE / f"{name}.tsv")
    return measure(name, wanted, rows)


def measure(name: str, wanted: list[Truth], rows: list[dict[str, object]]) -> Score:
    """How extract's rows measure against the truth rows `wanted` of the article called `name`."""
    got = {(int(str(r["line"])), int(str(r["column"]))): r for r in rows}
    s = Score()
    for t in wanted:
        where = f"{name}:{t.line}:{t.column}"
        row = got.get((t.line, t.column))
        if t.kind != "figure":
            s.others += 1
            if row is not None and row["kind"] == "figure":
                s.offered.append(f"{where} ({t.kind})")
            continue
        s.figures += 1
        apart = bool(UNWRITABLE.fullmatch(t.period))
        if apart:
            s.unwritable += 1
            s.apart.append(f"{where} {t.period}")
        if row is None or row["kind"] != "figure":
            s.missed.append(where)
            continue
        value = row["value"]
        good = [isinstance(value, int | float) and t.value is not None and math.isclose(value, t.value, rel_tol=1e-9),
                row["unit"] == t.unit, row.get("period", "") == t.period]  # fmt: skip
        s.value, s.unit = s.value + good[0], s.unit + good[1]
        s.period += good[2] and not apart
        s.qualifier += row["qualifier"] == t.qualifier
        s.whole += all(good) and not apart
        if not all(good[:2] if apart else good) or row["qualifier"] != t.qualifier:
            s.wrong.append(f"{where} {row['written']}: got {value} {row['unit']!r} {row.get('period', '')!r} "
                           f"{row['qualifier']!r}; truth {t.value} {t.unit!r} {t.period!r} {t.qualifier!r}")  # fmt: skip
    return s


def names() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.tsv"))


def main() -> int:
    import json
    import subprocess

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else FOLDER
    total = Score()
    for name in names():
        path = article(name, folder)
        if path is None:
            where = HERE / f"{name}.tsv"
            print(f"{name}: the article is not in {folder} (or is not the text the truth was written on); "
                  + RESTORE.format(path=folder / f"{name}.txt") + f"; {found(where)}")  # fmt: skip
            continue
        out = subprocess.run([sys.executable, "-m", "pcli", "extract", str(path), "--format", "json"],
                             capture_output=True, text=True, check=False, cwd=ROOT).stdout  # fmt: skip
        s = score(name, json.loads(out) if out.strip() else [])
        print(s.line(name))
        for problem in [*s.missed, *s.offered, *s.wrong]:
            print("   ", problem)
        for row in s.apart:
            print("    period pcli cannot write:", row)
        total.add(s)
    print(total.line("all"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
