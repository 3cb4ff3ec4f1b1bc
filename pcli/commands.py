"""What each command does, free of Typer and of formats: open the base, do the work, return a Result (an exit
status with a view to render, or a miss to say). Bad arguments raise UsageError before anything is loaded.
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from pcli.answer.changes import asked_period, by_place, changes_between
from pcli.answer.filters import NO_FILTERS, Filters, periods_passing
from pcli.base.locate import facts_paths
from pcli.base.model import FactBase
from pcli.errors import UsageError
from pcli.messages import Msg
from pcli.output.records import SECTIONS
from pcli.output.views import (
    LISTS,
    AnswersView,
    BatchView,
    CiteView,
    ExtractView,
    FigureView,
    ListView,
    ProblemsView,
    Result,
    SectionView,
    ShowView,
    TrendView,
)
from pcli.status import ExitStatus
from pcli.store import open as stores
from pcli.store.sqlite import Store
from pcli.text import one_line

if TYPE_CHECKING:
    from pcli.answer.search import Answer, Searcher
    from pcli.base.loader import Problem


def _slow(message: str) -> AbstractContextManager[None]:
    """A spinner on a terminal while a large base is read."""
    from pcli.output.progress import slow

    return slow(message)


def _base(facts: str | None) -> FactBase:
    return stores.open_store(facts, _slow).whole()


def _store(facts: str | None) -> Store:
    return stores.open_store(facts, _slow)


def show(facts: str | None, name: str | None, filters: Filters = NO_FILTERS) -> Result:
    """The base as tables; the filters narrow its figures (the other sections are shown whole)."""
    if name is not None and name not in SECTIONS:
        raise UsageError("unknown_section", name=name, choices=", ".join(SECTIONS))
    store = _store(facts)
    rest = store.catalogue
    filters = filters.check(rest)
    sections = [name] if name else list(SECTIONS)
    each = store.each_figure if not filters.given() else lambda: filters.apply(rest, store.each_figure())
    return Result(ExitStatus.FOUND, ShowView(rest, sections, each, store.figure))


def query(facts: str | None, text: str, limit: int, kinds: frozenset[str] | None = None, near: Filters = NO_FILTERS) -> Result:
    """The answers to a question; `near.place` (--place) keeps the figures of that place."""
    from pcli.answer.search import KINDS, Searcher

    if not text.strip():
        raise UsageError("empty_query")
    if kinds is not None and not kinds <= set(KINDS):
        raise UsageError("bad_kind", kinds=", ".join(sorted(kinds - set(KINDS))), choices=", ".join(KINDS))
    store = _store(facts)
    place = near.figures_place(store.catalogue, store.places(100_000)) if near.place is not None else None
    if near.place is not None and place is None:
        return Result(ExitStatus.NOT_FOUND, miss=near.miss())
    if text == "-":
        return _query_lines(facts, Searcher(store), kinds, place)
    found = Searcher(store).search(text, limit, kinds, place)
    if found.miss is not None or not found.answers:
        return Result(ExitStatus.NOT_FOUND, miss=found.miss)
    if found.answers[0].kind == "change":
        from pcli.output.changes import ChangeAnswerView

        return Result(ExitStatus.FOUND, ChangeAnswerView(store.catalogue, found.answers[0]))
    parts = [a.figure.part_of for a in found.answers if a.figure is not None and a.figure.part_of]
    wholes = {w.id: w for ident in parts if (w := store.figure(ident))}
    return Result(ExitStatus.FOUND, AnswersView(store.catalogue, found.answers, wholes))


def _query_lines(facts: str | None, searcher: Searcher, kinds: frozenset[str] | None, place: str | None) -> Result:
    """One answer per input line, in one process, the index made once; exit 0 when any line was answered."""
    from pcli.answer.query import MAX_QUERY
    from pcli.lines import line_groups

    def best(text: str) -> Answer | Msg:
        """The best answer to one line, or why it has none."""
        try:
            found = searcher.search(text, 1, kinds, place)
        except UsageError as exc:  # one refused line does not end the batch: it has no answer
            return exc.message
        return found.answers[0] if found.answers else found.miss or Msg("no_match", query=text[:80], hint="")

    def answers() -> Iterator[list[tuple[str, Answer | Msg]]]:
        for group in line_groups(sys.stdin, MAX_QUERY):  # the lines at hand, answered together
            yield [(text, best(text)) for text in group if text.strip()]

    if not sys.stdin.readable():  # closed (`<&-`): said before a header is written
        raise UsageError("stdin_closed")
    return Result(ExitStatus.FOUND, BatchView(searcher.store.catalogue, answers()))


def compare(facts: str | None, before: str, after: str, filters: Filters = NO_FILTERS) -> Result:
    from pcli.output.changes import ChangesView

    a, b = asked_period(before), asked_period(after)
    if a.text == b.text:
        raise UsageError("same_period_twice", period=a.text)
    store = _store(facts)
    base = store.catalogue
    filters = filters.check(base)
    changes = changes_between(base, filters.apply(base, store.standing_for([a, b])), a, b)  # not the whole base
    if not changes:
        known = ", ".join(store.known_periods())
        return Result(ExitStatus.NOT_FOUND, miss=Msg("no_change", before=a.text, after=b.text, known=known))
    store.cite([f for c in changes for f in (c.before, c.after)])  # a chart names its sources
    return Result(ExitStatus.FOUND, ChangesView(base, changes, a.text, b.text))


def trend(facts: str | None, wanted: str, filters: Filters = NO_FILTERS) -> Result:
    """One indicator's figures over time, read from the store (its cached phrases answer the search); the
    filters narrow them (a --place given stands for the place the search found)."""
    store = _store(facts)
    filters = filters.check(store.catalogue)
    place = None
    if wanted in store.catalogue.indicators:
        indicator = wanted
    else:
        from pcli.answer.search import search

        found = search(store, wanted, 1, frozenset(("figure",))).answers
        first = found[0].figure if found else None
        if first is None:
            return Result(ExitStatus.NOT_FOUND, miss=Msg("no_indicator", query=wanted[:80]))
        indicator, place = first.indicator, first.place
    held = store.figures(indicator, [], None if filters.place else place, 10_000)

    ordered = sorted(filters.apply(store.catalogue, held), key=lambda f: (f.status == "target", f.period.sort_key, f.order))
    figures = [f for series in by_place(ordered) for f in series]  # one series per place, never one mixing them
    if not figures:
        return Result(ExitStatus.NOT_FOUND, miss=filters.miss())
    store.cite(figures)
    return Result(ExitStatus.FOUND, TrendView(store.catalogue, figures, wholes={}))


def get(facts: str | None, ident: str) -> Result:
    """One record by its id, looked up in the store: a large base is not loaded whole for it."""
    store = _store(facts)
    base = store.catalogue
    ident = _same_id(store, ident)
    figure = store.figure(ident)
    if figure is not None:
        whole = store.figure(figure.part_of) if figure.part_of else None
        return Result(ExitStatus.FOUND, FigureView(base, [figure], [1.0], {whole.id: whole} if whole else {}))
    for table in base.entities:
        entity = store.entity(table, ident)
        if entity is not None:
            return Result(ExitStatus.FOUND, SectionView(base, table, entities=[entity]))
    if ident in base.sources:
        return Result(ExitStatus.FOUND, SectionView(base, "sources", only=ident))
    if ident in base.indicators:  # the indicator, then its figures
        return _indicator(store, ident)
    return _no_such_id(facts, ident)


def _indicator(store: Store, ident: str) -> Result:
    from pcli.answer.search import Answer

    figures = sorted(store.figures(ident, [], None, 10_000), key=lambda f: (f.status == "target", f.period.sort_key))
    store.cite(figures)
    answers = [Answer("indicator", 1.0, record=store.catalogue.indicators[ident])]
    answers += [Answer("figure", 1.0, f) for f in figures]
    return Result(ExitStatus.FOUND, AnswersView(store.catalogue, answers, {f.id: f for f in figures}))


def _same_id(store: Store, ident: str) -> str:
    """The id as the base spells it: two ids that differ only by case are the same id (SCHEMA.md), so
    `get VBSP` finds `vbsp`. Looked for only when the id as given names nothing (a large base's figure ids
    among those that begin as it does)."""
    base = store.catalogue
    if store.figure(ident) or ident in base.indicators or ident in base.sources:
        return ident
    if any(e.id == ident for es in base.entities.values() for e in es):
        return ident
    wanted = ident.casefold()
    ids = store.figure_ids_near(ident) + store.figure_ids_near(ident.lower())
    ids += [e.id for es in base.entities.values() for e in es] + [*base.indicators, *base.sources]
    return next((i for i in ids if i.casefold() == wanted), ident)


def _no_such_id(facts: str | None, ident: str, citable: bool = False) -> Result:
    """A miss, with the ids that come closest (in a large base, among those that begin as it does); for `cite`,
    only ids it takes (figures and records with quotes, not indicators or sources)."""
    store = _store(facts)
    base = store.catalogue
    ids = store.figure_ids_near(ident) + [e.id for es in base.entities.values() for e in es]
    ids += [] if citable else [*base.indicators, *base.sources]
    close = difflib.get_close_matches(ident, ids, n=3, cutoff=0.6)
    hint = Msg("did_you_mean_ids", ids=", ".join(close)) if close else ""
    return Result(ExitStatus.NOT_FOUND, miss=Msg("no_id", ident=one_line(ident[:80]), hint=hint))


def validate(facts: str | None, sources: str | None) -> Result:
    """Every problem of the base (or of each base, and of reading them together), or a summary of each."""
    from pcli.base.bases import check_all, disagreements

    if sources is not None and not os.path.isdir(sources):
        raise UsageError("sources_not_folder", path=sources)
    paths = facts_paths(facts)
    shown = ", ".join(paths)
    bases, problems = check_all(paths, sources, _prove)
    if problems:
        return Result(ExitStatus.ERROR, ProblemsView(shown, problems, None))
    summaries = [_valid(path, base, sources) for path, base in zip(paths, bases, strict=True)]
    summary = summaries[0] if len(summaries) == 1 else Msg("joined", each=_Joined(summaries))
    return Result(ExitStatus.FOUND, ProblemsView(shown, [], summary, disagreements(bases, paths)))


def _prove(base: FactBase, sources: str) -> list[Problem]:
    """The proof against the sources, imported only when `--sources` asks for it (the reader of articles)."""
    from pcli.articles.proof import prove

    return prove(base, sources)


class _Joined:
    """Several messages said as one line, "; " between them."""

    def __init__(self, messages: list[Msg]) -> None:
        self.messages = messages

    def say(self, lang: str) -> str:
        return "; ".join(m.say(lang) for m in self.messages)


def _valid(path: str, base: FactBase, sources: str | None) -> Msg:
    quotes = sum(len(f.citations) for f in base.figures) + sum(len(e.citations) for es in base.entities.values() for e in es)
    others = sum(len(es) for es in base.entities.values())
    proof = Msg("proven", quotes=quotes, sources=sources) if sources else ""
    return Msg("valid", path=path, figures=len(base.figures), indicators=len(base.indicators), others=others, proof=proof)


def extract(facts: str | None, path: str, lang: str | None, source: str | None) -> Result:
    """Every number of an article, with its status against the base (known, skipped or new); lang is the
    article's language (None: guessed, with a warning when the guess is weak)."""
    from pcli.articles import extract as article

    article.check_file(path)
    warning = None
    if lang is None:
        lang, sure = article.guess_language(path)
        warning = None if sure else Msg("weak_language_guess", path=path, lang=lang)
    base = _base(facts)
    rows = article.extract(path, base, lang)
    name = source or os.path.splitext(os.path.basename(path))[0]
    return Result(ExitStatus.FOUND, ExtractView(base, _spinning(rows, path), path, name, lang, warning))


def check(facts: str | None, path: str, lang: str | None) -> Result:
    """Every figure of a writer's draft (a file, or - for standard input), checked against the base: supported,
    contradicted or unknown; lang is the draft's language (None: guessed, with a warning when the guess is weak)."""
    from pcli.answer.check import check as judge
    from pcli.answer.search import Searcher
    from pcli.articles.scan import guess_lang_surely
    from pcli.output.checked import CheckView

    text = _draft_text(path)
    warning = None
    if lang is None:
        lang, sure = guess_lang_surely(text[:20000])
        warning = None if sure else Msg("weak_language_guess", path=path, lang=lang)
    searcher = Searcher(_store(facts))
    view = CheckView(searcher.store.catalogue, judge(text, lang, searcher), text, path, warning)
    return Result(ExitStatus.FOUND, view)


MAX_DRAFT = 8 << 20  # characters: a draft is an article, not a corpus


def _draft_text(path: str) -> str:
    """The draft's text, UTF-8, from a file or standard input, refused with one line when it cannot be read."""
    if path == "-":
        if sys.stdin is None:
            raise UsageError("article_unreadable", path="-", reason="no standard input")
        text = sys.stdin.read(MAX_DRAFT + 1)
    else:
        from pcli.articles import extract as article

        article.check_file(path)
        with open(path, encoding="utf-8") as handle:
            text = handle.read(MAX_DRAFT + 1)
    if len(text) > MAX_DRAFT:
        raise UsageError("draft_too_long", path=path, limit=MAX_DRAFT)
    return text


def _spinning(rows: Iterator[object], path: str) -> Iterator[object]:
    """The rows, with a spinner on a terminal while a large file is read."""
    from pcli.output.progress import slow

    with slow(f"{path}…"):
        yield from rows


def list_records(facts: str | None, what: str, filters: Filters = NO_FILTERS) -> Result:
    """What the base holds: indicators, topics, units, sources, documents, programmes, agencies or places. The
    filters narrow the indicators (and topics) to those with figures that pass them, counted as they pass."""
    if what not in LISTS:
        raise UsageError("unknown_section", name=what, choices=", ".join(LISTS))
    store = _store(facts)
    rest = store.catalogue
    filters = filters.check(rest)
    if not filters.given() or what not in ("indicators", "topics"):
        periods = store.periods_of_indicators() if what == "indicators" else {}
        return Result(ExitStatus.FOUND, ListView(rest, what, periods))
    periods = periods_passing(rest, filters.apply(rest, store.each_figure()))
    if not periods:
        return Result(ExitStatus.NOT_FOUND, miss=filters.miss())
    kept = {*periods, *(rest.indicators[i].topic for i in periods)}
    return Result(ExitStatus.FOUND, ListView(rest, what, periods, only=kept))


def cite(facts: str | None, idents: list[str], style: str) -> Result:
    """One reference per source that holds any of the figures and records named; an id that names nothing is bad
    usage (exit 2), said before anything is written."""
    from pcli.output.cite import STYLES

    if style not in STYLES:
        raise UsageError("bad_style", style=style, choices=", ".join(STYLES))
    store = _store(facts)
    found: list[object] = []
    for ident in (_same_id(store, i) for i in idents):
        record = store.figure(ident) or next((e for t in store.catalogue.entities if (e := store.entity(t, ident))), None)
        if record is None:
            miss = _no_such_id(facts, ident, citable=True).miss
            raise UsageError("cite_unknown_id", ident=one_line(ident[:80]), hint=miss.values["hint"] if miss else "")
        found.append(record)
    return Result(ExitStatus.FOUND, CiteView(store.catalogue, found, style))


def export(
    facts: str | None, fmt: str, output: str | None, lang: str = "en", filters: Filters = NO_FILTERS, force: bool = False
) -> Result:
    from pcli.output.export import export_base

    if fmt not in ("json", "jsonl", "csv", "tsv", "sqlite"):
        raise UsageError("export_format", fmt=fmt)
    if fmt == "sqlite" and output in (None, "", "-"):  # "-" is stdout, and a database is no stream
        raise UsageError("sqlite_needs_output")
    store = _store(facts)  # figures streamed from the store: a large base is never held whole
    rest = store.catalogue
    filters = filters.check(rest)
    each = store.each_figure if not filters.given() else lambda: filters.apply(rest, store.each_figure())
    kept = None
    if fmt == "sqlite" and not filters.given():  # the whole base's publication, kept beside the cache
        from pcli.store.published import Kept

        kept = Kept(store, lang)
    export_base(rest, fmt, output, each, lang, force, kept)
    return Result(ExitStatus.FOUND)
