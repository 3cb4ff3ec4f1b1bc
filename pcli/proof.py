"""Proving a fact base against its sources: every quote verbatim, every value readable from its quote."""

from __future__ import annotations

import os
import re
import unicodedata

from pcli.loader import Problem
from pcli.model import Citation, FactBase
from pcli.numbers import value_in_quote

_SPACE = re.compile(r"\s+")


def _normal(text: str) -> str:
    """Quotes must match verbatim; only Unicode normal form and runs of white space may differ."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def prove(base: FactBase, sources_dir: str) -> list[Problem]:
    problems: list[Problem] = []
    texts: dict[str, str | None] = {}
    for source in base.sources.values():
        if not source.file:
            problems.append(Problem(source.line, f"sources ({source.id}): no 'file' to check its quotes against"))
            texts[source.id] = None
            continue
        path = os.path.join(sources_dir, source.file)
        try:
            with open(path, encoding="utf-8") as handle:
                texts[source.id] = _normal(handle.read())
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "not readable as UTF-8"
            problems.append(Problem(source.line, f"sources ({source.id}): {path}: {reason}"))
            texts[source.id] = None

    def check_quote(name: str, citation: Citation) -> bool:
        text = texts.get(citation.source)
        if text is None:
            return False
        if _normal(citation.quote) not in text:
            problems.append(Problem(citation.line, f"{name}: quote not found verbatim in source {citation.source!r}: "
                                                   f"{citation.quote[:60]!r}"))
            return False
        return True

    for figure in base.figures:
        unit = base.units.get(base.indicators[figure.indicator].unit) if figure.indicator in base.indicators else None
        for citation in figure.citations:
            if not check_quote(f"figures ({figure.id})", citation) or unit is None:
                continue
            language = base.sources[citation.source].language
            if not value_in_quote(figure.value, citation.quote, language, unit.kind):
                problems.append(Problem(citation.line, f"figures ({figure.id}): value {figure.value} cannot be read from "
                                                       f"the quote in {citation.source!r} ({language} numbers)"))
    for entities in base.entities.values():
        for entity in entities:
            for citation in entity.citations:
                check_quote(f"{entity.kind} ({entity.id})", citation)
    return sorted(problems, key=lambda p: p.line)
