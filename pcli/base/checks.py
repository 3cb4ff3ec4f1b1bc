"""What a key of a fact base may hold, as the schema names its types, and what value a unit may hold: each check
returns what is wrong (a message not yet said) or None."""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable
from typing import Any

from pcli.base.periods import parse_period
from pcli.base.schema import LANGS, Field
from pcli.messages import Msg

_IDENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,199}")
MAX_COUNT = 2**53  # counts are whole numbers a double holds exactly
MAX_VALUE = 2**63 - 1  # any value fits SQLite's integers


def _describe(value: Any) -> str:
    kind = {str: "a string", bool: "a boolean", list: "a list", dict: "a table"}.get(type(value), type(value).__name__)
    return f"{kind} {repr(value)[:40]}" if isinstance(value, str | bool) else kind


FILL_IN = "FILL-IN"  # what extract's draft leaves for a curator to write


def did_you_mean(word: str, choices: Any) -> str | Msg:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.75)
    return Msg("did_you_mean", word=close[0]) if close else ""


def _text(value: Any, field: Field) -> Msg | None:
    if not isinstance(value, dict):
        return Msg("want_text")
    unknown = [key for key in value if key not in LANGS]
    if unknown:
        return Msg("unknown_lang", lang=unknown[0])
    missing = [lang for lang in LANGS if not isinstance(value.get(lang), str) or not value[lang].strip()]
    if not missing and FILL_IN in value.values():
        return Msg("not_filled", fill=FILL_IN)
    return Msg("missing_text", langs=", ".join(missing)) if missing else None


def _words(value: Any, field: Field) -> Msg | None:
    """Free text for people: a string as it is, or the three languages as a text table."""
    return None if isinstance(value, str) else _text(value, field) if isinstance(value, dict) else Msg("want_words")


def _number(value: Any, field: Field) -> Msg | None:
    if type(value) is int:  # bool is an int to Python: True is not a number here
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return Msg("want_number", got=_describe(value))
    if isinstance(value, float) and not math.isfinite(value):
        return Msg("want_finite", got=value)
    return None


def _period(value: Any, field: Field) -> Msg | None:
    if not isinstance(value, str):
        return Msg("want_period", got=_describe(value))
    try:
        parse_period(value)
    except ValueError as exc:
        return Msg("bad_period", reason=str(exc))
    return None


def _choice(value: Any, field: Field) -> Msg | None:
    if isinstance(value, str) and value in field.choices:
        return None
    return Msg("want_choice", value=value, choices=", ".join(field.choices), hint=did_you_mean(str(value), field.choices))


def _strings(value: Any, field: Field) -> Msg | None:
    ok = isinstance(value, list) and all(isinstance(item, str) for item in value)
    return None if ok else Msg("want_strings")


def _is(test: Callable[[Any], bool], key: str) -> Callable[[Any, Field], Msg | None]:
    def check(value: Any, field: Field) -> Msg | None:
        return None if test(value) else Msg(key, got=_describe(value))

    return check


def _str(value: Any, field: Field) -> Msg | None:  # the commonest check, so written out: no closure to call
    if value == FILL_IN:
        return Msg("not_filled", fill=FILL_IN)
    return None if isinstance(value, str) and value.strip() else Msg("want_str")


def _any_str(value: Any, field: Field) -> Msg | None:
    return None if isinstance(value, str) else Msg("want_any_str")


def _ident(value: Any, field: Field) -> Msg | None:  # every record has one: written out, as _str
    if isinstance(value, str) and _IDENT.fullmatch(value):
        return None if value != FILL_IN else Msg("not_filled", fill=FILL_IN)
    return Msg("want_ident", got=_describe(value))


def _citations(value: Any, field: Field) -> Msg | None:  # every figure has them: written out, as _str
    return None if isinstance(value, list) and value else Msg("want_citations")


CHECKS: dict[str, Callable[[Any, Field], Msg | None]] = {
    "ident": _ident,
    "id": _str,
    "str": _str,
    "any_str": _any_str,
    "words": _words,
    "text": _text,
    "number": _number,
    "int": _is(lambda v: isinstance(v, int) and not isinstance(v, bool), "want_int"),
    "bool": _is(lambda v: isinstance(v, bool), "want_bool"),
    "period": _period,
    "choice": _choice,
    "strings": _strings,
    "refs": _strings,
    "citations": _citations,
}


def value_wrong(value: float, kind: str, change: bool) -> Msg | None:
    """What is wrong with a value for its unit's kind, or None."""
    if abs(value) > MAX_VALUE:
        return Msg("value_too_large", value=value, limit=MAX_VALUE)
    if change:
        return None
    if value < 0:
        return Msg("value_negative", value=value, kind=kind)
    if kind == "count" and (value != int(value) or value > MAX_COUNT):
        return Msg("value_not_count", value=value, limit=MAX_COUNT)
    if kind == "percent" and value > 100:
        return Msg("value_over_100", value=value)
    return None
