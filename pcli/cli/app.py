"""The command line: parse arguments, pick an output. The work is done in the modules it calls."""

# Annotations as strings: only those of the command run are ever evaluated (pcli/cli/options.py, _Command).
from __future__ import annotations

from typing import Annotated

import typer

from pcli import commands
from pcli.answer.filters import Filters
from pcli.cli.handling import _Group
from pcli.cli.options import (
    PlaceOption,
    Resolved,
    command,
    complete_ids,
    complete_indicators,
    complete_kinds,
    complete_lists,
    complete_sections,
    complete_styles,
    root,
)
from pcli.errors import UsageError
from pcli.output.views import Result

EXIT_CODES = ("Exit codes: 0 found, 1 nothing found, 2 bad usage or bad data, 130 interrupted, 141 the reader of a "
              "pipe stopped early.")  # fmt: skip
ENVIRONMENT = ("Environment: PCLI_FACTS (the fact base, or several as a path list), PCLI_LANG (en, vi or id), "
               "PCLI_CACHE=off (no cache), XDG_CACHE_HOME (where the cache lives), NO_COLOR and FORCE_COLOR, COLUMNS, "
               "PAGER.")  # fmt: skip


app = typer.Typer(
    cls=_Group,
    help=f"Look up cited figures in fact bases (the bundled one: Hanoi's poverty reduction, 2021-2025). {EXIT_CODES}",
    epilog=f"{EXIT_CODES} {ENVIRONMENT}",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


app.callback()(root)  # the options given before the command (pcli/cli/options.py)


# Each command's own arguments; the options every command shares (--facts, --format, --lang, the filters, a
# chart's -o) are declared once, by `command` (pcli/cli/options.py), and reach the function resolved.
LANG_OF_TEXT = ("en", "vi", "id")


def _text_lang(source_lang: str | None) -> str | None:
    """--source-lang: the article's or draft's language, checked."""
    if source_lang is not None and source_lang.lower() not in LANG_OF_TEXT:
        raise UsageError("bad_lang", value=source_lang)
    return source_lang.lower() if source_lang is not None else None


@command(app, filters=True)
def show(
    o: Resolved,
    filters: Filters,
    section: Annotated[
        str | None,
        typer.Argument(help="figures, programmes, documents, agencies, places or sources.", autocompletion=complete_sections),
    ] = None,
) -> Result:
    """Show the fact base: figures by topic, programmes, documents, agencies, places, sources.

    In a pipe or with a machine format, one table per call (the figures unless a section is named).

    Example: pcli show documents --format csv
    """
    return commands.show(o.facts, section, filters)


@command(app)
def query(
    o: Resolved,
    text: Annotated[
        str, typer.Argument(help="What to look for, in English, Vietnamese or Indonesian; - reads one query per line from stdin.")
    ],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, max=10_000, help="How many answers at most.")] = 10,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            "-k",
            help="Only answers of this kind: figure, indicator, document, programme, agency, place or source (repeat for more).",
            autocompletion=complete_kinds,
        ),
    ] = None,
    place: PlaceOption = None,
) -> Result:
    """Answer a question with the records that fit it best (figures, documents, programmes, agencies, places,
    sources), each with its source and quote.

    A year or range in the query ("2023", "năm 2022", "2022-2024") restricts the answer to that period; two
    periods and a word of change ("from 2022 to 2024", "giảm bao nhiêu", "berapa penurunan") answer with the
    change. Every word asked must be matched: a question the base cannot answer is a miss that says why.

    Example: pcli query "poor households 2023"
    """
    kinds = frozenset(k.strip() for item in kind for k in item.split(",")) if kind else None
    return commands.query(o.facts, text, limit, kinds, Filters(place))


@command(app, filters=True, chart=True)
def compare(
    o: Resolved,
    filters: Filters,
    before: Annotated[str, typer.Argument(help="A year (2022) or a range (2021-2024).")],
    after: Annotated[str, typer.Argument(help="A year or a range.")],
) -> Result:
    """Every indicator known in both periods, side by side with the change; --format svg or png -o FILE draws
    them as a chart, a panel per indicator.

    "End of 2024" counts as 2024; targets are compared only with targets.

    Example: pcli compare 2022 2024
    """
    return commands.compare(o.facts, before, after, filters)


@command(app, filters=True, chart=True)
def trend(
    o: Resolved,
    filters: Filters,
    indicator: Annotated[
        str, typer.Argument(help="An indicator id (poor_households) or a query.", autocompletion=complete_indicators)
    ],
) -> Result:
    """The series of one indicator over all its periods, with a bar chart on a terminal; --format svg or png
    -o FILE writes a chart to paste, its periods spaced as time, targets and undated figures marked.

    Example: pcli trend "poor households" --format png -o poor-households.png
    """
    return commands.trend(o.facts, indicator, filters)


@command(app)
def get(
    o: Resolved,
    ident: Annotated[
        str,
        typer.Argument(
            metavar="ID",
            help="The exact id of a figure, indicator, programme, document, agency, place or source.",
            autocompletion=complete_ids,
        ),
    ],  # fmt: skip
) -> Result:
    """One record by its id, exactly: a figure, indicator (with its figures), document, programme, agency, place
    or source.

    Example: pcli get poor-households-2023 --format json
    """
    return commands.get(o.facts, ident)


@command(app)
def validate(
    o: Resolved,
    sources: Annotated[
        str | None,
        typer.Option(
            "--sources",
            "-s",
            help="Folder of the source texts: also prove every quote verbatim and every attribute of every figure from "
            "its quotes.",
        ),
    ] = None,
) -> Result:
    """Check a fact base and list every problem as file:line: message. Exit 0 when valid, 2 when not.

    Example: pcli validate --sources ../shared/sources
    """
    return commands.validate(o.facts, sources)


@command(app)
def extract(
    o: Resolved,
    path: Annotated[str, typer.Argument(metavar="FILE", help="An article's text (UTF-8).")],
    source: Annotated[
        str | None, typer.Option("--source", help="The source id its draft figures cite (default: the file's name).")
    ] = None,
    source_lang: Annotated[
        str | None,
        typer.Option(
            "--source-lang",
            "--text-lang",
            help="The article's language, en, vi or id, for reading its numbers (default: guessed from the text, "
            "with a warning when the guess is weak).",
            autocompletion=lambda: list(LANG_OF_TEXT),
        ),
    ] = None,
) -> Result:
    """Every number of an article, one row each, with its value in base units, unit, qualifier and period, and
    whether the base knows it, skips it or not yet: the curator's first step to cited figures.

    --format toml drafts a [[figures]] block for each new number, with stubs for the indicators, units and topics
    the base lacks, ready to fill in and paste. --lang is the reader's language; --source-lang the article's.

    Example: pcli extract article.txt --source my-paper --source-lang vi --format toml
    """
    return commands.extract(o.facts, path, _text_lang(source_lang), source)


@command(app)
def check(
    o: Resolved,
    path: Annotated[str, typer.Argument(metavar="FILE", help="A draft's text (UTF-8), or - for standard input.")],
    source_lang: Annotated[
        str | None,
        typer.Option(
            "--source-lang",
            "--text-lang",
            help="The draft's language, en, vi or id, for reading its numbers (default: guessed from the text).",
            autocompletion=lambda: list(LANG_OF_TEXT),
        ),
    ] = None,
) -> Result:
    """Every number of a draft that is a figure, checked against the base: supported (with the figure and its
    quote), contradicted (with what the base holds instead) or unknown. Years, dates, document numbers, ages and
    ordinals get no verdict. Exit 0 when nothing is contradicted, 1 when something is, 2 for bad input.

    --format markdown gives the draft back with a footnote citation after each supported number and a marked
    note at each contradicted one.

    Example: pcli check draft.md --format markdown > reviewed.md
    """
    return commands.check(o.facts, path, _text_lang(source_lang))


@command(app, "list", filters=True)
def list_(
    o: Resolved,
    filters: Filters,
    what: Annotated[
        str,
        typer.Argument(
            help="indicators, topics, units, sources, documents, programmes, agencies or places.", autocompletion=complete_lists
        ),
    ] = "indicators",  # fmt: skip
) -> Result:
    """What the base holds, with ids that copy whole: indicators (with their figures' periods), topics, units,
    sources, documents, programmes, agencies or places.

    Example: pcli list indicators
    """
    return commands.list_records(o.facts, what, filters)


@command(app)
def cite(
    o: Resolved,
    idents: Annotated[
        list[str],
        typer.Argument(
            metavar="ID...",
            help="Ids of figures (or documents, programmes, agencies, places) to cite.",
            autocompletion=complete_ids,
        ),
    ],
    style: Annotated[
        str,
        typer.Option(
            "--style", "-s", help="plain, markdown, apa, chicago, bibtex, csl-json or ris.", autocompletion=complete_styles
        ),
    ] = "plain",
) -> Result:
    """References to paste, one per article cited: its title, outlet, date, address and the date accessed, with
    each figure in words and its verbatim quote. --format json gives each entry's parts and its text in --style.

    Example: pcli cite poor-households-2023 poor-households-2024-end --style apa
    """
    return commands.cite(o.facts, idents, style)


@command(app, filters=True)
def export(
    o: Resolved,
    filters: Filters,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="File to write (a folder for csv and tsv: one file per table); required for sqlite."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace a metadata.json beside the database not pcli's.")] = False,
) -> Result:
    """Dump the whole base (figures with citations, programmes, documents, agencies, places, sources).

    Example: pcli export --format sqlite -o facts.db
    """
    return commands.export(o.facts, o.raw_format, output, o.lang, filters, force)
