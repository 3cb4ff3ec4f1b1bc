"""The options every command shares, resolved once: given before the command (`pcli --lang vi query …`) they
are kept on the root's Click context, and a command's own options win over them. Also how a command's result is
rendered and its exit status returned."""

# No `from __future__ import annotations` here: Typer would have to evaluate every annotation string.
import copy
import functools
import importlib
import inspect
import os
import sys
from collections.abc import Callable, Iterable
from typing import Annotated, Any, NamedTuple

import typer
from typer._types import TyperChoice  # Typer's own Choice (it carries its own Click): imported by Typer anyway

from pcli.answer.filters import Filters
from pcli.errors import UsageError
from pcli.output import FORMATS, Format, choose_format
from pcli.output.render import render, tell
from pcli.status import ExitStatus
from pcli.store.cache import NOTICES
from pcli.store.open import open_store

LANGS = ("en", "vi", "id")
ALL_FORMATS = tuple(dict.fromkeys(f for formats in FORMATS.values() for f in formats))


def format_opt(command: str) -> Any:
    """The --format option of one command, offering only the formats it writes (`Annotated[str | None, …]`)."""
    choices = FORMATS[command]
    default = "auto (the default) is a table on a terminal, TSV in a pipe" if "auto" in choices else f"{choices[0]} by default"
    return typer.Option("--format", "-f", "-F", click_type=TyperChoice(choices, case_sensitive=False),
                        help=f"Output format; {default}.")  # fmt: skip


FactsOption = Annotated[
    list[str] | None,
    typer.Option("--facts", help="Fact base file or folder of them; again for more, read as one (default: $PCLI_FACTS, "
                 "a path list, else the bundled facts.toml)."),
]  # fmt: skip
RootFormatOption = Annotated[
    str | None,
    typer.Option("--format", "-f", "-F", click_type=TyperChoice(ALL_FORMATS, case_sensitive=False),
                 help="Output format for the command that follows (each command takes its own set)."),
]  # fmt: skip
LangOption = Annotated[
    str | None,
    typer.Option("--lang", "-l", autocompletion=lambda: list(LANGS),
                 help="Labels, numbers and messages in en, vi or id (default: $PCLI_LANG, then $LANG, else en)."),
]  # fmt: skip
OutputOption = Annotated[
    str | None,
    typer.Option("--output", "-o", help="The image file --format svg or png writes (- for stdout), atomically."),
]
GLOBAL_OPTIONS = ("--facts", "--format", "-f", "-F", "--lang", "-l")  # the options that take a value, on the root


class Shared(NamedTuple):
    """The shared options as the root was given them; None where it was not."""

    facts: str | None = None
    fmt: str | None = None
    lang: str | None = None


class Resolved(NamedTuple):
    """The options a command runs with: its own, else the root's, else the defaults."""

    facts: str | None
    fmt: Format
    lang: str
    lang_given: bool  # whether --lang was given at all (extract guesses the article's language otherwise)
    raw_format: str = "auto"


def _version(value: bool) -> None:
    if value:
        from pcli import __version__

        print(f"pcli {__version__}")
        raise typer.Exit()


def root(
    ctx: typer.Context,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    facts: FactsOption = None,
    fmt: RootFormatOption = None,
    lang: LangOption = None,
) -> None:
    """Options given here hold for the command that follows, unless it gives its own."""
    ctx.obj = Shared(joined(facts), fmt, lang)


def joined(facts: list[str] | None) -> str | None:
    """--facts given once or more, as one path list (base/locate.py reads it as it reads $PCLI_FACTS)."""
    return os.pathsep.join(facts) if facts else None


def resolve(ctx: typer.Context, command: str, facts: list[str] | None, fmt: str | None, lang: str | None) -> Resolved:
    """One command's options, its own over the root's, checked: a format the command does not write, given
    before it (`pcli --format csv cite …`), is a usage error rather than quietly another format."""
    root = ctx.find_object(Shared) or Shared()
    chosen = (fmt or root.fmt or FORMATS[command][0]).lower()
    if chosen not in FORMATS[command]:
        raise UsageError("format_not_for", fmt=chosen, command=command, choices=", ".join(FORMATS[command]))
    given = lang if lang is not None else root.lang
    as_format = choose_format(Format(chosen)) if chosen in Format.__members__ else Format.tsv
    return Resolved(joined(facts) or root.facts, as_format, _lang(given), given is not None, chosen)


def _lang(value: str | None) -> str:
    if value is not None:
        if value.lower() not in LANGS:
            raise UsageError("bad_lang", value=value)
        return value.lower()
    return default_lang()


def default_lang() -> str:
    for candidate in (os.environ.get("PCLI_LANG", ""), os.environ.get("LANG", "")):
        code = candidate.split("_")[0].split(".")[0].lower()
        if code in LANGS:
            return code
    return "en"


def scan(args: list[str]) -> tuple[str | None, str]:
    """Before Click has parsed anything: the command named (the first word that is not an option or a shared
    option's value) and the language asked, for the errors Click raises while it parses."""
    values = {i + 1 for i, arg in enumerate(args) if arg in GLOBAL_OPTIONS}
    name = next((arg for i, arg in enumerate(args) if not arg.startswith("-") and i not in values), None)
    lang = default_lang()
    for i, arg in enumerate(args):
        value = (
            arg.split("=", 1)[1]
            if arg.startswith("--lang=")
            else args[i + 1]
            if arg in ("--lang", "-l") and i + 1 < len(args)
            else None
        )
        if value is not None and value.lower() in LANGS:
            lang = value.lower()
    return name, lang


def chart_output(fmt: Format, output: str | None) -> str | None:
    """A chart (--format svg or png) is written to -o FILE (or `-o -`, stdout); -o is for charts only. Checked
    before anything is read."""
    charts = fmt in (Format.svg, Format.png)
    if charts and not output:
        raise UsageError("chart_needs_output", fmt=fmt.value)
    if output and not charts:
        raise UsageError("output_for_charts")
    return output


def app_for(app: typer.Typer, args: list[str]) -> typer.Typer:
    """The app with only the command being run, when one is named: Typer builds a Click command for every
    command it has, on every run, and pcli's start-up is measured. Help and errors for the whole app are
    unchanged: without a known command name, the whole app runs."""
    name, _ = scan(args)  # `pcli --lang vi query …`
    chosen = [
        info for info in app.registered_commands if info.callback is not None and (info.name or info.callback.__name__) == name
    ]
    if not chosen or os.environ.get("_PCLI_COMPLETE"):
        return app
    single = copy.copy(app)
    single.registered_commands = chosen
    return single


def command(app: typer.Typer, name: str | None = None, filters: bool = False, chart: bool = False) -> Callable[..., Any]:
    """Register a command with the options every command shares declared here once: --facts, --format (the
    formats it writes), --lang, and where it takes them the filters (--place, --topic, --status) and a chart's
    -o. The command's function takes its own arguments and the shared ones resolved (`o`, and `filters` where
    it takes them) and returns its Result; it is rendered here, and its exit status returned."""

    def register(work: Callable[..., Any]) -> Callable[..., Any]:
        app.command(name or work.__name__)(_Command(work, name or work.__name__, filters, chart))
        return work

    return register


def _evaluated(annotation: Any, work: Callable[..., Any]) -> Any:
    """An annotation written as a string (`from __future__ import annotations`), evaluated where it was written."""
    return eval(annotation, work.__globals__) if isinstance(annotation, str) else annotation  # noqa: S307


class _Command:
    """A command as Typer calls it: the work's own parameters and the shared options, resolved before the work
    runs. Its signature is made when Typer first builds the command, which is only the one run (`app_for`): the
    annotations of every other command (strings, in pcli/cli/app.py) are never evaluated."""

    def __init__(self, work: Callable[..., Any], called: str, filters: bool, chart: bool) -> None:
        self.work, self.called, self.filters, self.chart = work, called, filters, chart
        self.__name__, self.__qualname__, self.__doc__ = work.__name__, work.__qualname__, work.__doc__
        self.__module__ = work.__module__

    @functools.cached_property
    def __signature__(self) -> inspect.Signature:
        own = [p.replace(annotation=_evaluated(p.annotation, self.work)) for p in inspect.signature(self.work).parameters.values()
               if p.name not in ("o", "filters")]  # fmt: skip
        shared: list[tuple[str, Any]] = (
            [("place", PlaceOption), ("topic", TopicOption), ("status", StatusOption)] if self.filters else []
        )
        shared += [("facts", FactsOption), ("fmt", Annotated[str | None, format_opt(self.called)])]
        shared += [("output", OutputOption)] if self.chart else []
        shared += [("lang", LangOption)]
        params = [inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context), *own]
        params += [inspect.Parameter(n, inspect.Parameter.KEYWORD_ONLY, default=None, annotation=a) for n, a in shared]
        return inspect.Signature(params)

    @property
    def __annotations__(self) -> dict[str, Any]:  # type: ignore[override]
        return {p.name: p.annotation for p in self.__signature__.parameters.values()}

    def __call__(self, ctx: typer.Context, **given: Any) -> None:
        o = resolve(ctx, self.called, given.pop("facts"), given.pop("fmt"), given.pop("lang"))
        target = chart_output(o.fmt, given.pop("output")) if self.chart else None
        if self.filters:
            given["filters"] = Filters(given.pop("place"), given.pop("topic"), given.pop("status"))
        finish(self.work(o=o, **given), o.fmt, o.lang, target)


def finish(result: Any, fmt: Format, lang: str, output: str | None = None) -> None:
    """Render a command's result, then leave with its exit status."""
    for notice in NOTICES.values():  # a cache not trusted for who owns it: said once, before the answer
        tell(notice, lang)
    NOTICES.clear()
    try:
        render(result, fmt, lang, output)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader stopped early (`| head -1`): quietly, with the status a shell reports
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(ExitStatus.PIPE_CLOSED) from None
    status = result.final_status()
    if status:
        raise typer.Exit(status)


def _facts_of(ctx: typer.Context) -> str | None:
    """--facts as given so far while a shell completes: the command's own, else the root's."""
    while ctx is not None:
        if ctx.params.get("facts"):
            return joined(list(ctx.params["facts"]))
        ctx = ctx.parent  # type: ignore[assignment]
    return os.environ.get("PCLI_FACTS")


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion of record ids, from the fact base in use (a large one's figure ids read as a range of
    their index, not whole)."""
    store = open_store(_facts_of(ctx))
    base = store.catalogue
    ids = store.figure_ids_near(incomplete) + [e.id for es in base.entities.values() for e in es]
    return [i for i in (*ids, *base.indicators, *base.sources) if i.startswith(incomplete)]


def _names_in(module: str, name: str) -> Callable[[str], list[str]]:
    """Completion from a module's list of names, imported only when a shell completes, never on a run."""

    def complete(incomplete: str) -> list[str]:
        return [s for s in getattr(importlib.import_module(module), name) if s.startswith(incomplete)]

    return complete


def _ids_in_base(part: Callable[[Any], Iterable[str]]) -> Callable[[typer.Context, str], list[str]]:
    """Completion from the ids of a part of the base in use (its indicators, its topics)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        return [i for i in part(open_store(_facts_of(ctx)).catalogue) if i.startswith(incomplete)]

    return complete


complete_sections = _names_in("pcli.output.records", "SECTIONS")
complete_lists = _names_in("pcli.output.views", "LISTS")
complete_kinds = _names_in("pcli.answer.search", "KINDS")
complete_styles = _names_in("pcli.output.cite", "STYLES")
complete_indicators = _ids_in_base(lambda base: base.indicators)  # trend's indicator
complete_topics = _ids_in_base(lambda base: base.topics)


PlaceOption = Annotated[
    str | None, typer.Option("--place", help="Only figures of this place (any of its names, without case or accents).")
]
TopicOption = Annotated[
    str | None, typer.Option("--topic", "-t", help="Only figures of this topic's indicators.", autocompletion=complete_topics)
]
StatusOption = Annotated[
    str | None,
    typer.Option("--status", help="Only achieved figures or only targets.", autocompletion=lambda: ["achieved", "target"]),
]
