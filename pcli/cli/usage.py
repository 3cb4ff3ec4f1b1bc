"""Click's usage errors said in the reader's language: each kind of error Click raises while it parses, as a
message of the catalogue with the values Click found; one it does not know is said as Click says it."""

# No `from __future__ import annotations` here: Typer would have to evaluate every annotation string.
import re

import typer
from typer._click import exceptions as click_errors

from pcli.messages import Msg


def _hint(exc: click_errors.BadParameter) -> str:
    if exc.param_hint is not None:
        hint = exc.param_hint
        return " / ".join(f"'{h}'" for h in hint) if isinstance(hint, list | tuple) else f"'{hint}'"
    if exc.param is not None:
        if exc.param.param_type_name == "argument":
            return f"'{exc.param.human_readable_name}'"
        return " / ".join(f"'{h}'" for h in exc.param.opts)
    return ""


def _choice(exc: click_errors.BadParameter) -> Msg | None:
    """A value that is not one of an option's choices: the value and the choices, in the reader's words."""
    choices = getattr(getattr(exc.param, "type", None), "choices", None)
    if "'" not in exc.message:
        return None
    value = exc.message.split("'")[1]
    if "is not a valid int" in exc.message:
        return Msg("click_not_int", name=_hint(exc), value=value)
    if not choices:
        return None
    return Msg("click_not_choice", name=_hint(exc), value=value, choices=", ".join(str(c) for c in choices))


def _range(exc: click_errors.BadParameter) -> Msg | None:
    """A number outside an option's range (`--limit 0`): the value and the range, in the reader's words."""
    kind = getattr(exc.param, "type", None)
    low, high = getattr(kind, "min", None), getattr(kind, "max", None)
    if "is not in the range" not in exc.message or (low is None and high is None):
        return None
    value = exc.message.split(" is not in the range")[0]
    if low is not None and high is not None:
        return Msg("click_range", name=_hint(exc), value=value, low=low, high=high)
    return Msg("click_range_low" if low is not None else "click_range_high", name=_hint(exc), value=value,
               bound=low if low is not None else high)  # fmt: skip


def usage_message(exc: typer.TyperException) -> Msg | str:
    """The message of one of Click's usage errors."""
    if isinstance(exc, click_errors.NoSuchOption):
        hint = Msg("click_possible", options=", ".join(sorted(exc.possibilities))) if exc.possibilities else ""
        return Msg("click_no_option", option=exc.option_name, hint=hint)
    if isinstance(exc, click_errors.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "parameter")
        return Msg("click_missing_option" if kind == "option" else "click_missing_argument", name=_hint(exc))
    if isinstance(exc, click_errors.BadParameter):
        return _range(exc) or _choice(exc) or Msg("click_bad_value", name=_hint(exc), detail=exc.message)
    message = exc.format_message()
    if isinstance(exc, click_errors.UsageError) and message.startswith("Got unexpected extra argument"):
        return Msg("click_extra", args=message.rsplit("(", 1)[-1].rstrip(")"))
    if message == "Missing command.":
        return Msg("click_missing_command")
    unknown = re.fullmatch(r"No such command (.+?)\.(?: Did you mean (.+)\?)?", message)
    if unknown:
        hint = Msg("click_did_you_mean", names=unknown[2]) if unknown[2] else ""
        return Msg("click_no_command", name=unknown[1], hint=hint)
    return message
