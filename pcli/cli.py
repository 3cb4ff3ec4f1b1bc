"""The command line: parse arguments, pick an output. The work is done in the modules it calls."""

# No `from __future__ import annotations` here: Typer would have to evaluate every annotation string.
import os
import sys
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from pcli import __version__
from pcli.errors import PcliError, UsageError
from pcli.output import Format, choose_format
from pcli.status import ExitStatus

EXIT_CODES = "Exit codes: 0 found, 1 nothing found, 2 bad usage or bad data."


class _Group(TyperGroup):
    """Turns every error pcli knows into one line on stderr and its exit code; real bugs still crash."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone_mode = kwargs.pop("standalone_mode", True)
        from pcli.messages import say

        given = kwargs.get("args", args[0] if args else None)
        lang = _lang_of(list(given) if given is not None else sys.argv[1:])
        try:
            code = super().main(*args, **{**kwargs, "standalone_mode": False})
        except typer.TyperException as exc:  # click's usage errors
            if type(exc).__name__ == "NoArgsIsHelpError":  # bare `pcli`: the help, as it is
                print(exc.format_message(), file=sys.stderr)
            else:
                _error(exc.format_message(), lang)
            code = ExitStatus.ERROR
        except PcliError as exc:
            _error(exc.say(lang), lang)
            code = ExitStatus.ERROR
        except typer.Abort:
            code = ExitStatus.INTERRUPTED
        except BrokenPipeError:
            _silence_stdout()
            code = ExitStatus.PIPE_CLOSED
        except OSError as exc:  # stdout on a full disk or a closed device: the output could not be written
            _silence_stdout()
            _error(say("output_failed", lang, reason=exc.strerror or str(exc)), lang)
            code = ExitStatus.ERROR
        code = int(code or 0) if isinstance(code, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


def _error(message: str, lang: str) -> None:
    from pcli.messages import say
    from pcli.output.render import tell

    tell(say("error", lang, message=message), lang)


def _lang_of(args: list[str]) -> str:
    """The language asked for on the command line, for errors raised before a command has parsed it."""
    for i, arg in enumerate(args):
        value = (
            arg.split("=", 1)[1]
            if arg.startswith("--lang=")
            else args[i + 1]
            if arg in ("--lang", "-l") and i + 1 < len(args)
            else None
        )
        if value in ("en", "vi", "id"):
            return value
    return _default_lang()


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so that the interpreter's final flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


app = typer.Typer(
    cls=_Group,
    help=f"Look up cited figures on Hanoi's sustainable poverty reduction (2021-2025). {EXIT_CODES}",
    epilog=EXIT_CODES,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"pcli {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    pass


FactsOption = Annotated[
    str | None,
    typer.Option(
        "--facts", "-f", envvar="PCLI_FACTS", show_envvar=True, help="Fact base file (default: the bundled facts.toml)."
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option("--format", "-F", case_sensitive=False, help="Output format; auto is a table on a terminal, TSV in a pipe."),
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", "-l", help="Labels and numbers in en, vi or id (default: $PCLI_LANG, then $LANG, else en)."),
]


def _lang(value: str | None) -> str:
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

    render(result, fmt, lang)
    status = result.final_status()
    if status:
        raise typer.Exit(status)


@app.command()
def show(
    section: Annotated[str | None, typer.Argument(help="figures, programmes, documents, agencies, places or sources.")] = None,
    facts: FactsOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """Show the fact base: figures by topic, programmes, documents, agencies, places, sources.

    In a pipe or with a machine format, one table per call (the figures unless a section is named).

    Example: pcli show documents --format csv
    """
    from pcli import commands

    language = _lang(lang)
    _finish(commands.show(facts, section), choose_format(fmt), language)


@app.command()
def query(
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
        ),
    ] = None,
    facts: FactsOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """Answer a question with the records that fit it best (figures, documents, programmes, agencies, places,
    sources), each with its source and quote.

    A year or range in the query ("2023", "năm 2022", "2022-2024") restricts the answer to that period; two
    periods and a word of change ("from 2022 to 2024", "giảm bao nhiêu", "berapa penurunan") answer with the
    change. Every word asked must be matched: a question the base cannot answer is a miss that says why.

    Example: pcli query "poor households 2023"
    """
    from pcli import commands

    language = _lang(lang)
    kinds = frozenset(k.strip() for item in kind for k in item.split(",")) if kind else None
    _finish(commands.query(facts, text, limit, kinds), choose_format(fmt), language)


@app.command()
def compare(
    before: Annotated[str, typer.Argument(help="A year (2022) or a range (2021-2024).")],
    after: Annotated[str, typer.Argument(help="A year or a range.")],
    topic: Annotated[str | None, typer.Option("--topic", "-t", help="Only indicators of this topic.")] = None,
    facts: FactsOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """Every indicator known in both periods, side by side with the change.

    "End of 2024" counts as 2024; targets are compared only with targets.

    Example: pcli compare 2022 2024
    """
    from pcli import commands

    language = _lang(lang)
    _finish(commands.compare(facts, before, after, topic), choose_format(fmt), language)


@app.command()
def trend(
    indicator: Annotated[str, typer.Argument(help="An indicator id (poor_households) or a query.")],
    facts: FactsOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """The series of one indicator over all its periods, with a bar chart on a terminal.

    Example: pcli trend "poor households"
    """
    from pcli import commands

    language = _lang(lang)
    _finish(commands.trend(facts, indicator), choose_format(fmt), language)


@app.command()
def get(
    ident: Annotated[str, typer.Argument(metavar="ID", help="The exact id of a figure, programme, document, agency or place.")],
    facts: FactsOption = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """One record by its id, exactly: a figure, indicator (with its figures), document, programme, agency, place
    or source.

    Example: pcli get poor-households-2023 --format json
    """
    from pcli import commands

    language = _lang(lang)
    _finish(commands.get(facts, ident), choose_format(fmt), language)


@app.command()
def validate(
    facts: FactsOption = None,
    sources: Annotated[
        str | None,
        typer.Option(
            "--sources",
            "-s",
            help="Folder of the source texts: also prove "
            "every quote verbatim and every attribute of every figure from its "
            "quotes.",
        ),
    ] = None,
    fmt: FormatOption = Format.auto,
    lang: LangOption = None,
) -> None:
    """Check a fact base and list every problem as file:line: message. Exit 0 when valid, 2 when not.

    Example: pcli validate --sources ../shared/sources
    """
    from pcli import commands

    language = _lang(lang)
    _finish(commands.validate(facts, sources), choose_format(fmt), language)


@app.command()
def extract(
    path: Annotated[str, typer.Argument(metavar="FILE", help="An article's text (UTF-8).")],
    source: Annotated[
        str | None, typer.Option("--source", help="The source id its draft figures cite (default: the file's name).")
    ] = None,
    facts: FactsOption = None,
    fmt: FormatOption = Format.auto,
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", "-l", help="The article's language, en, vi or id, for reading numbers (default: guessed from the text)."
        ),
    ] = None,
) -> None:
    """Every number of an article, one row each, with its value in base units, unit, qualifier and period words,
    and whether the base knows it, skips it or not yet: the curator's first step to cited figures.

    --format toml drafts a [[figures]] block for each new number, ready to fill in and paste.

    Example: pcli extract article.txt --source my-paper --format toml
    """
    from pcli import commands

    language = _lang(lang) if lang is not None else None
    _finish(commands.extract(facts, path, language, source), choose_format(fmt), language or _default_lang())


@app.command()
def cite(
    idents: Annotated[
        list[str], typer.Argument(metavar="ID...", help="Ids of figures (or documents, programmes, agencies, places) to cite.")
    ],
    style: Annotated[str, typer.Option("--style", "-s", help="plain, markdown, bibtex, csl-json or ris.")] = "plain",
    facts: FactsOption = None,
    lang: LangOption = None,
) -> None:
    """A citation to paste: outlet, date, address, the figure in words and the verbatim quote, for each source.

    Example: pcli cite poor-households-2023 --style bibtex
    """
    from pcli import commands

    language = _lang(lang)
    _finish(commands.cite(facts, idents, style), Format.tsv, language)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", "-F", help="json, jsonl, csv, tsv or sqlite.")] = "json",
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="File to write (a folder for csv and tsv: one file per table); required for sqlite."),
    ] = None,
    facts: FactsOption = None,
    lang: LangOption = None,
) -> None:
    """Dump the whole base (figures with citations, programmes, documents, agencies, places, sources).

    Example: pcli export --format sqlite -o facts.db
    """
    from pcli import commands

    language = _lang(lang)
    _finish(commands.export(facts, fmt, output), Format.tsv, language)


def main() -> None:
    # A closed stdout or stderr (`pcli show >&-`) is None in Python: write into the void rather than crash.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding and encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        _app_for(sys.argv[1:])()
    finally:
        # Python's last garbage collection at exit walks every object Typer and Click created (7-10 ms,
        # benchmarks/README.md) to free memory the process is about to give back anyway. Freezing them first
        # skips that walk; files are flushed and databases closed explicitly, not by the collector.
        import gc

        gc.freeze()


def _app_for(args: list[str]) -> typer.Typer:
    """The app with only the command being run, when one is named: Typer builds a Click command for every
    command it has, on every run, and pcli's start-up is measured. Help and errors for the whole app are
    unchanged: without a known command name, the whole app runs."""
    import copy

    name = next((arg for arg in args if not arg.startswith("-")), None)
    chosen = [
        info for info in app.registered_commands if info.callback is not None and (info.name or info.callback.__name__) == name
    ]
    if not chosen or os.environ.get("_PCLI_COMPLETE"):
        return app
    single = copy.copy(app)
    single.registered_commands = chosen
    return single
