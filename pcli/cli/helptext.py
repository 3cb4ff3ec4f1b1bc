"""`--help` in the reader's language: every command's help, every option's and Click's own words (Usage,
Options, default, required…) from the catalogue's help_ and click_h_ entries. Done only when help is asked
for, on the command tree of that run, and undone after it: other runs pay nothing."""

# No `from __future__ import annotations` here: Typer would have to evaluate every annotation string.
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from typer import core as typer_core
from typer._click import core as click_core
from typer._click import decorators, formatting

from pcli.messages import catalogue, word

# Click's and Typer's own words in their help pages, by the catalogue's key.
CLICK_WORDS = {"Arguments": "click_h_arguments", "Options": "click_h_options", "Commands": "click_h_commands",
               "default: {default}": "click_h_default", "required": "click_h_required",
               "env var: {var}": "click_h_envvar", "(dynamic)": "click_h_dynamic"}  # fmt: skip

TYPE_WORDS = {"str": "click_t_text", "int range": "click_t_int_range", "int": "click_t_int"}  # Typer's type names


def help_key(command: str, param: str | None = None) -> str | None:
    """The catalogue's key for a command's help (`help_query`) or one of its options' (`help_query_limit`,
    else the shared `help_limit`); None when it has none."""
    keys = [f"help_{command}"] if param is None else [f"help_{command}_{param}", f"help_{param}"]
    return next((k for k in keys if k in catalogue()), None)


def paragraphs(text: str) -> str:
    """A help text as the catalogue writes it: a paragraph's lines joined, paragraphs separated by \\n\\n."""
    return "\\n\\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text.strip()))


@contextmanager
def in_language(group: typer_core.TyperGroup, lang: str) -> Iterator[None]:
    """The help of the whole tree, and Click's words, in `lang` while the block runs."""
    if lang == "en":
        yield
        return
    _translate(group, "pcli", lang)
    for name, command in group.commands.items():
        _translate(command, name, lang)
    saved = (getattr(typer_core, "_"), formatting.HelpFormatter.write_usage, decorators.help_option)  # noqa: B009
    setattr(typer_core, "_", lambda text: word(CLICK_WORDS[text], lang) if text in CLICK_WORDS else text)  # noqa: B010
    formatting.HelpFormatter.write_usage = _usage(saved[1], lang)  # type: ignore[method-assign]
    decorators.help_option = _help_option(saved[2], lang)
    try:
        yield
    finally:
        setattr(typer_core, "_", saved[0])  # noqa: B010
        formatting.HelpFormatter.write_usage, decorators.help_option = saved[1], saved[2]  # type: ignore[method-assign]


def _said(key: str | None, lang: str, english: str | None) -> str | None:
    if key is None or english is None:
        return english
    return word(key, lang).replace("\\n", "\n")


def _translate(command: click_core.Command, name: str, lang: str) -> None:
    command.help = _said(help_key(name), lang, command.help)
    command.options_metavar = word("click_h_options_metavar", lang)
    if isinstance(command, typer_core.TyperGroup):
        command.subcommand_metavar = word("click_h_command_metavar", lang)
    if command.epilog:
        command.epilog = _said(help_key(name, "epilog"), lang, command.epilog)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = _said(help_key(name, param.name or ""), lang, param.help)  # type: ignore[attr-defined]
        kind = TYPE_WORDS.get(param.type.name)
        if param.param_type_name == "option" and param.metavar is None and kind is not None:
            param.metavar = f"<{word(kind, lang)}>"  # "<str>" as the reader says it; a choice's list stays


def _usage(write_usage: Any, lang: str) -> Any:
    def translated(self: formatting.HelpFormatter, prog: str, args: str = "", prefix: str | None = None) -> None:
        write_usage(self, prog, args, word("click_usage", lang) if prefix is None else prefix)

    return translated


def _help_option(help_option: Any, lang: str) -> Any:
    def translated(names: list[str]) -> Any:
        add = help_option(names)

        def apply(command: click_core.Command) -> click_core.Command:
            made = add(command)
            made.params[-1].help = word("click_h_help", lang)
            return made  # type: ignore[no-any-return]

        return apply

    return translated
