"""Proving a fact base against its sources: every quote verbatim, and every attribute of every figure (value,
period, "by" point, qualifier, target status) stated by its quotes, or not claimed.

Each problem says what the base claims and what the quote says, on the citation's line.
"""

from __future__ import annotations

import os
import re
import unicodedata

from pcli.articles.phrases import BASICALLY_WORDS, GOAL_WORDS, periods_in, qualifier_before, states_any
from pcli.articles.scan import value_positions
from pcli.base.loader import Problem
from pcli.base.model import Citation, FactBase, Figure
from pcli.files import ReadError, read_within
from pcli.messages import Msg, word

_SPACE = re.compile(r"\s+")
SOURCE_LIMIT = 64 * 2**20  # bytes: an article is a few dozen KiB; /dev/zero is never read into memory
CONTEXT_REACH = 800  # characters: a context dates its quote's passage, so it stands near the quote


def _normal(text: str) -> str:
    """Quotes must match verbatim; only Unicode normal form and runs of white space may differ."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _find_all(text: str, wanted: str) -> list[int]:
    """Where wanted stands in text, by plain search (a pattern of a very long quote is slow to compile)."""
    found, at = [], text.find(wanted) if wanted else -1
    while at >= 0:
        found.append(at)
        at = text.find(wanted, at + 1)
    return found


class _Qualifier:
    """A qualifier said in the reader's language: 'more than', or none."""

    def __init__(self, qualifier: str) -> None:
        self.qualifier = qualifier

    def say(self, lang: str) -> str:
        return repr(word(self.qualifier, lang)) if self.qualifier else word("none", lang)


class _Prover:
    def __init__(self, base: FactBase, texts: dict[str, str | None]) -> None:
        self.base, self.texts = base, texts
        self.problems: list[Problem] = []

    def problem(self, citation: Citation, name: str, message: Msg) -> None:
        self.problems.append(Problem(citation.line, Msg("named", name=name, message=message)))

    def verbatim(self, name: str, citation: Citation) -> bool:
        """The quote, and its context if any, stand in the source; the context near the quote."""
        text = self.texts.get(citation.source)
        if text is None:
            return False
        where = _find_all(text, _normal(citation.quote))
        if not where:
            self.problem(citation, name, Msg("quote_missing", source=citation.source, quote=citation.quote[:60]))
            return False
        if citation.context:
            near = _find_all(text, _normal(citation.context))
            if not near:
                self.problem(citation, name, Msg("context_missing", source=citation.source, quote=citation.context[:60]))
                return False
            if min(abs(a - b) for a in where for b in near) > CONTEXT_REACH:
                self.problem(citation, name, Msg("context_far", quote=citation.context[:40], reach=CONTEXT_REACH))
                return False
        return True

    def figure(self, figure: Figure) -> None:
        indicator = self.base.indicators.get(figure.indicator)
        unit = self.base.units.get(indicator.unit) if indicator else None
        if unit is None:
            return  # the loader has reported it
        by_points: list[bool] = []
        for citation in figure.citations:
            if not self.verbatim(figure.id, citation):
                continue
            language = self.base.sources[citation.source].language
            positions = value_positions(figure.value, citation.quote, language, unit.kind)
            if not positions:
                self.problem(
                    citation,
                    figure.id,
                    Msg("proof_value", value=figure.value, source=citation.source, lang=language, kind=unit.kind),
                )
                continue
            self.qualifier(figure, citation, positions)
            stated = periods_in(f"{citation.quote} … {citation.context}")
            self.period(figure, citation, stated)
            by_points.extend(by for text, by in stated if text == figure.period.text)
            if figure.status == "target" and not states_any(f"{citation.quote} {citation.context}", GOAL_WORDS):
                self.problem(citation, figure.id, Msg("proof_status", source=citation.source, words=", ".join(GOAL_WORDS[:5])))
        if figure.as_of and figure.citations and not any(by_points):
            self.problem(figure.citations[0], figure.id, Msg("proof_as_of", period=figure.period.text))
        if figure.citations and all(
            c.qualifier is not None and c.reading(figure.qualifier) != figure.qualifier for c in figure.citations
        ):
            self.problem(figure.citations[0], figure.id, Msg("proof_qualifier_unread", claimed=_Qualifier(figure.qualifier)))

    def qualifier(self, figure: Figure, citation: Citation, positions: list[int]) -> None:
        claimed = citation.reading(figure.qualifier)
        before = {qualifier_before(citation.quote, start) for start in positions}
        basically = states_any(citation.quote, BASICALLY_WORDS)
        said = "basically" if basically else next(iter(sorted(before, key=lambda q: q == "")), "")
        if claimed == "basically":
            ok = basically
        else:
            ok = claimed in before and not basically
        if not ok:
            self.problem(
                citation,
                figure.id,
                Msg("proof_qualifier", claimed=_Qualifier(claimed), source=citation.source, said=_Qualifier(said)),
            )

    def period(self, figure: Figure, citation: Citation, stated: set[tuple[str, bool]]) -> None:
        if figure.period.kind == "undated" or any(text == figure.period.text for text, _ in stated):
            return
        said = ", ".join(sorted({text for text, _ in stated})) or Msg("no_period")
        self.problem(
            citation,
            figure.id,
            Msg(
                "proof_period",
                claimed=figure.period.text,
                source=citation.source,
                said=said,
                hint="" if citation.context else Msg("period_hint"),
            ),
        )


def _read_sources(base: FactBase, sources_dir: str, problems: list[Problem]) -> dict[str, str | None]:
    """Each source's text as it is (None when it cannot be read)."""
    texts: dict[str, str | None] = {}
    for source in base.sources.values():
        texts[source.id] = None
        if not source.file:
            problems.append(Problem(source.line, Msg("source_no_file", ident=source.id)))
            continue
        try:
            texts[source.id] = read_within(sources_dir, source.file, SOURCE_LIMIT)
        except ReadError as exc:
            problems.append(Problem(source.line, Msg("source_unreadable", ident=source.id, reason=exc.message)))
    return texts


def coverage(base: FactBase, source: str, text: str, path: str) -> list[Problem]:
    """Every number of a source is a figure's value in one of its quotes or a reasoned skip; every skip of the
    source stands in it verbatim and holds its number."""
    from pcli.articles.coverage import NEW, SKIPPED, Lines, Spaced, account, cited

    skips = [k for k in base.skips if k.source == source]
    problems = []
    accounted = account(text, base.sources[source].language, cited(base, source), skips)
    lines = Lines(text)
    for a in accounted:
        if a.status == NEW:
            line, column = lines.where(a.number.start)
            around = " ".join(text[max(0, a.number.start - 40) : a.number.end + 30].split())
            problems.append(Problem(0, Msg("uncovered", file=path, line=line, column=column, number=a.number.written,
                                           around=around)))  # fmt: skip
    used = {a.skip.id for a in accounted if a.status == SKIPPED and a.skip is not None}
    for skip in skips:
        if skip.id not in used:
            found = bool(Spaced(text).find_all(skip.quote))
            problems.append(
                Problem(
                    skip.line,
                    Msg(
                        "named",
                        name=skip.id,
                        message=Msg(
                            "skip_no_number" if found else "quote_missing",
                            source=source,
                            quote=skip.quote[:60],
                            number=skip.number,
                        ),
                    ),
                )
            )
    return problems


def prove(base: FactBase, sources_dir: str) -> list[Problem]:
    problems: list[Problem] = []
    originals = _read_sources(base, sources_dir, problems)
    prover = _Prover(base, {key: None if text is None else _normal(text) for key, text in originals.items()})
    for figure in base.figures:
        prover.figure(figure)
    for entities in base.entities.values():
        for entity in entities:
            for citation in entity.citations:
                prover.verbatim(entity.id, citation)
    for source, text in originals.items():
        if text is not None:
            problems += coverage(base, source, text, os.path.join(sources_dir, base.sources[source].file))
    return sorted([*problems, *prover.problems], key=lambda p: p.line)
