"""How the command line ends: every error pcli knows becomes one line on stderr, in the reader's language, with
its exit code; real bugs still crash."""

# No `from __future__ import annotations` here: Typer would have to evaluate every annotation string.
import os
import sys
from typing import Any

import typer
from typer.core import TyperGroup

from pcli.cli.options import scan
from pcli.errors import PcliError
from pcli.messages import Msg, say
from pcli.output.render import tell
from pcli.status import ExitStatus


class _Group(TyperGroup):
    """Turns every error pcli knows into one line on stderr and its exit code; real bugs still crash."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        standalone_mode = kwargs.pop("standalone_mode", True)

        given = kwargs.get("args", args[0] if args else None)
        argv = list(given) if given is not None else sys.argv[1:]
        _, lang = scan(argv)
        try:
            code = self._run(argv, lang, *args, **{**kwargs, "standalone_mode": False})
        except typer.TyperException as exc:  # click's usage errors
            if type(exc).__name__ == "NoArgsIsHelpError":  # bare `pcli`: the help, as it is
                print(exc.format_message(), file=sys.stderr)
            else:
                from pcli.cli.usage import usage_message

                message = usage_message(exc)
                _error(message.say(lang) if isinstance(message, Msg) else message, lang)
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

    def _run(self, argv: list[str], lang: str, *args: Any, **kwargs: Any) -> Any:
        """Click's main; with the help pages in the reader's language when help is what this run prints."""
        if not help_asked(argv):  # the help's translation (Typer's and Click's insides) is imported only for help
            return super().main(*args, **kwargs)
        from pcli.cli.helptext import in_language

        with in_language(self, lang):
            return super().main(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        """A reader that stopped early while a command wrote (`export | head -c 100`) is 141, as for `show | head
        -1`: Click would otherwise make any broken pipe exit 1, which reads as "nothing found"."""
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(ExitStatus.PIPE_CLOSED) from None


def _error(message: str, lang: str) -> None:
    tell(say("error", lang, message=message), lang)


def _silence_stdout() -> None:
    """After a broken pipe, point stdout at /dev/null so that the interpreter's final flush stays quiet."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def help_asked(args: list[str]) -> bool:
    """Whether this run prints a help page: `--help` or `-h` before any `--`, or no arguments at all."""
    given = args[: args.index("--")] if "--" in args else args
    return not args or "--help" in given or "-h" in given
