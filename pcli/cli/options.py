"""The options every command shares, and how a command's result is rendered and its exit status returned. Options
given before the command (`pcli --lang vi query …`) hold for it unless it gives its own."""

# No `from __future__ import annotations` here: Typer would have to evaluate every annotation string.
import os
import sys
from typing import Annotated, Any

import typer

from pcli.errors import UsageError
from pcli.output import Format, choose_format
from pcli.status import ExitStatus

FactsOption = Annotated[
    str | None,
    typer.Option("--facts", envvar="PCLI_FACTS", show_envvar=True, help="Fact base file (default: the bundled facts.toml)."),
]
FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", "-F", case_sensitive=False,
                 help="Output format; auto (the default) is a table on a terminal, TSV in a pipe."),
]  # fmt: skip
LangOption = Annotated[
    str | None,
    typer.Option("--lang", "-l", autocompletion=lambda: ["en", "vi", "id"],
                 help="Labels, numbers and messages in en, vi or id (default: $PCLI_LANG, then $LANG, else en)."),
]  # fmt: skip
_GLOBAL: dict[str, Any] = {}  # options given before the command: `pcli --lang vi query …`
_GLOBAL_OPTIONS = ("--facts", "--format", "-f", "-F", "--lang", "-l")


def _facts(value: str | None) -> str | None:
    return value if value is not None else _GLOBAL.get("facts")


def _format(value: Format | None) -> Format:
    return choose_format(value or _GLOBAL.get("fmt") or Format.auto)


def _lang(value: str | None) -> str:
    value = value if value is not None else _GLOBAL.get("lang")
    if value is not None:
        if value not in ("en", "vi", "id"):
            raise UsageError("bad_lang", value=value)
        return value
    return _default_lang()


def _default_lang() -> str:
    for candidate in (os.environ.get("PCLI_LANG", ""), os.environ.get("LANG", "")):
        code = candidate.split("_")[0].split(".")[0].lower()
        if code in ("en", "vi", "id"):
            return code
    return "en"


def _finish(result: Any, fmt: Format, lang: str) -> None:
    """Render a command's result, then leave with its exit status."""
    from pcli.output.render import render

    try:
        render(result, fmt, lang)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (`| head -1`): quietly, with the status a shell reports
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(ExitStatus.PIPE_CLOSED) from None
    status = result.final_status()
    if status:
        raise typer.Exit(status)


def complete_ids(incomplete: str) -> list[str]:
    """Shell completion of record ids, from the fact base in use (a large one's figure ids read as a range of
    their index, not whole)."""
    from pcli.store.open import open_store

    store = open_store(_facts(None) or os.environ.get("PCLI_FACTS"))
    base = store.rest_of_base()
    ids = store.figure_ids_near(incomplete) + [e.id for es in base.entities.values() for e in es]
    return [i for i in (*ids, *base.indicators, *base.sources) if i.startswith(incomplete)]


def complete_sections(incomplete: str) -> list[str]:
    from pcli.output.records import SECTIONS

    return [s for s in SECTIONS if s.startswith(incomplete)]


def complete_lists(incomplete: str) -> list[str]:
    from pcli.output.views import LISTS

    return [s for s in LISTS if s.startswith(incomplete)]
