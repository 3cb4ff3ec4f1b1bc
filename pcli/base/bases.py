"""Several fact bases read as one: a newsroom keeps one base per article (a folder of them, `--facts` given more
than once, or `$PCLI_FACTS` as a path list) and asks them together.

Each base is read and checked on its own, then merged into one base for the store. Ids stay as each base writes
them, so that an id in a script (`pcli get lakeside-poor-2023`) means the same whatever else is read with it:
- topics, units and indicators are the shared vocabulary, and programmes, documents, agencies and places named
  things: one id is one thing in every base. The first base's record is kept (a named thing gets the citations
  of every base that has it); a unit of another kind, or an indicator of another unit or that holds changes in
  one base and not in another, is an error naming both files, for their figures would not compare.
- figures, sources and skips belong to one article: an id two bases give is an error naming both files.
Every source keeps the name of the base it came from (its file name), so every answer can say which base it
comes from: a figure or named thing through the sources it cites.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from pcli.base.model import Catalogue, Entity, FactBase, Figure
from pcli.errors import FactBaseError
from pcli.messages import Msg

if TYPE_CHECKING:
    from pcli.base.loader import Problem


def base_names(paths: Sequence[str]) -> list[str]:
    """What each base is called in answers: its file name, or its path where two share a file name."""
    names = [os.path.basename(p) for p in paths]
    return [n if names.count(n) == 1 else p for n, p in zip(names, paths, strict=True)]


def bases_of(base: Catalogue, sources: Iterable[str]) -> str:
    """The bases these sources come from, each once, comma-separated as the sources column is."""
    return ",".join(dict.fromkeys(base.sources[s].base for s in sources if s in base.sources))


def from_bases(base: Catalogue, sources: Iterable[str]) -> dict[str, str]:
    """{"base": …} for a record's JSON when several bases are read (one base adds nothing)."""
    return {"base": bases_of(base, sources)} if len(base.bases) > 1 else {}


class Clash:
    """One id two bases give that they may not share, or give to things that differ."""

    __slots__ = ("path", "msg")

    def __init__(self, path: str, msg: Msg) -> None:
        self.path, self.msg = path, msg


def merge(bases: Sequence[FactBase], paths: Sequence[str]) -> tuple[FactBase, list[Clash]]:
    """One base of several, and every clash of their ids (none: the base can be used)."""
    names = base_names(paths)
    for base, name in zip(bases, names, strict=True):
        for source in base.sources.values():
            source.base = name
    if len(bases) == 1:
        return bases[0], []
    out = FactBase(path=os.pathsep.join(paths), title="; ".join(b.title for b in bases if b.title), place=bases[0].place)
    out.bases = tuple(names)
    merging = _Merging(out, list(paths))
    for n, base in enumerate(bases):
        merging.add(base, n)
    return out, merging.clashes


class _Merging:
    def __init__(self, out: FactBase, paths: list[str]) -> None:
        self.out, self.paths = out, paths
        self.seen: dict[tuple[str, str], int] = {}  # (namespace, casefolded id) → the base that gave it first
        self.clashes: list[Clash] = []

    def _first(self, space: str, ident: str, n: int) -> int | None:
        """The base that gave this id first, if another did; else the id is noted as this base's."""
        key = (space, ident.casefold())
        if key in self.seen:
            return self.seen[key]
        self.seen[key] = n
        return None

    def _clash(self, n: int, first: int, ident: str, why: str) -> None:
        self.clashes.append(Clash(self.paths[n], Msg(why, ident=ident, other=self.paths[first])))

    def add(self, base: FactBase, n: int) -> None:
        out = self.out
        for text, languages in base.phrases.items():
            out.phrases.setdefault(text, languages)
        for table, own in (("sources", base.sources), ("skips", {k.id: k for k in base.skips})):
            for ident in own:
                if (first := self._first(table, ident, n)) is not None:
                    self._clash(n, first, ident, "base_clash")
        out.sources.update({k: v for k, v in base.sources.items() if k not in out.sources})
        out.skips.extend(base.skips)
        self._vocabulary(base, n)
        for f in base.figures:
            if (first := self._first("", f.id, n)) is not None:
                self._clash(n, first, f.id, "base_clash")
                continue
            f.order = len(out.figures)
            out.figures.append(f)
        for table, entities in base.entities.items():
            for e in entities:
                self._entity(table, e, n)

    def _vocabulary(self, base: FactBase, n: int) -> None:
        """Topics, units and indicators: the first base's, checked against the same id in the others."""
        out = self.out
        for topic in base.topics.values():
            out.topics.setdefault(topic.id, topic)
        for unit in base.units.values():
            had = out.units.setdefault(unit.id, unit)
            if (first := self._first("units", unit.id, n)) is not None and had.kind != unit.kind:
                self._clash(n, first, unit.id, "base_unit_differs")
        for ind in base.indicators.values():
            was = out.indicators.setdefault(ind.id, ind)
            if (first := self._first("indicators", ind.id, n)) is not None and (was.unit, was.change) != (ind.unit, ind.change):
                self._clash(n, first, ind.id, "base_indicator_differs")

    def _entity(self, table: str, e: Entity, n: int) -> None:
        """A named thing another base has too is one record, with the citations of both."""
        first = self._first("", e.id, n)
        if first is None:
            self.out.entities[table].append(e)
            return
        same = next((had for had in self.out.entities[table] if had.id.casefold() == e.id.casefold()), None)
        if same is None:  # a figure's id, or another kind's
            self._clash(n, first, e.id, "base_clash")
        else:
            same.citations = same.citations + e.citations


def check_all(
    paths: Sequence[str], sources: str | None, prove: Callable[[FactBase, str], list[Problem]]
) -> tuple[list[FactBase], list[Problem]]:
    """`validate` over several bases: each base's problems (proven by `prove` against the sources in `sources`),
    each named by its file, then the clashes of reading them together. A base that cannot be parsed has its one
    problem."""
    from pcli.base.loader import Problem, read_and_check

    bases: list[FactBase] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            base, found = read_and_check(path, lines=sources is not None or len(paths) > 1)
        except FactBaseError as exc:  # the file cannot be parsed at all: that one problem is all there is
            problems.append(Problem(exc.line or 0, exc.detail, path))
            continue
        if sources is not None:
            found = sorted([*found, *prove(base, sources)], key=lambda p: p.line)
        problems += [Problem(p.line, p.msg, path) for p in found]
        bases.append(base)
    if not problems and len(paths) > 1:
        problems += [Problem(0, c.msg, c.path) for c in merge(bases, paths)[1]]
    return bases, problems


def disagreements(bases: Sequence[FactBase], paths: Sequence[str]) -> list[Problem]:
    """Figures two bases give for one indicator, place, period and status with different values: a warning each
    (not an error: two articles may report one count differently, and a curator decides which to keep), naming
    both files, lines and values. Undated figures are not compared: an undated figure is of no one period."""
    import math

    from pcli.base.loader import Problem
    from pcli.base.numbers import raw

    first: dict[tuple[str, str, str, str], tuple[int, Figure]] = {}
    out: list[Problem] = []
    for n, base in enumerate(bases):
        for f in base.figures:
            if f.period.kind == "undated":
                continue
            place = f.place or base.place
            n0, had = first.setdefault((f.indicator, place.casefold(), f.period.text, f.status), (n, f))
            if n0 != n and not math.isclose(float(had.value), float(f.value), rel_tol=1e-9):
                msg = Msg("base_values_differ", indicator=f.indicator, place=place, period=f.period.text,
                          value=raw(f.value), other=paths[n0], line=had.line, other_value=raw(had.value))  # fmt: skip
                out.append(Problem(f.line, msg, paths[n]))
    return out


def load_all(paths: Sequence[str]) -> FactBase:
    """Read and check every base, then merge them: the first problem of any, or the first clash, is raised."""
    from pcli.base.loader import load

    return check(merge([load(p) for p in paths], paths))


def check(merged: tuple[FactBase, list[Clash]]) -> FactBase:
    """The merged base, or the first clash raised, with a count of the others."""
    base, clashes = merged
    if clashes:
        raise FactBaseError(clashes[0].path, clashes[0].msg, None, len(clashes) - 1)
    return base
