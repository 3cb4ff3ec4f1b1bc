"""Every word in the reader's language: the base's own free text (title, place names, notes) as the base gives it
in three languages, record kinds, statuses, units, topics and field names from the catalogue; machine formats
keep the English."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from conftest import FACTS, MINIMAL, run, write

from pcli.messages import word

BASE = tomllib.loads(FACTS.read_text(encoding="utf-8"))
NOTED = next(f for f in BASE["figures"] if isinstance(f.get("note"), dict))


@pytest.mark.parametrize("lang", ["vi", "id"])
def test_the_title_place_and_note_are_in_the_readers_language(lang: str) -> None:
    for _ in range(2):  # the second run reads the cache the first one wrote
        card = run("get", NOTED["id"], "--format", "table", "--lang", lang, env={"COLUMNS": "400"}).stdout
        assert NOTED["note"][lang] in card and BASE["place"][lang] in card, card
        shown = run("show", "--format", "table", "--lang", lang, env={"COLUMNS": "150"}).stdout
        assert shown.splitlines()[0] == BASE["title"][lang]


def test_machine_formats_keep_the_english() -> None:
    record = run("get", NOTED["id"], "--format", "json", "--lang", "vi").json()[0]
    assert record["note"] == NOTED["note"]["en"] and record["place"] == BASE["place"]["en"]


def test_cards_and_tables_name_fields_kinds_units_and_topics_in_the_readers_language() -> None:
    env = {"COLUMNS": "150"}
    card = run("query", "24/2021/QH15", "--kind", "document", "--format", "table", "--lang", "vi", env=env).stdout
    assert f"{word('col_number', 'vi')}: 24/2021/QH15" in card and f"{word('col_issuer', 'vi')}:" in card, card
    assert "number:" not in card and "issuer:" not in card
    table = run("get", "resolution-24-2021-qh15", "--format", "table", "--lang", "vi", env=env).stdout
    assert word("v_resolution", "vi") in table and "resolution" not in table.replace("resolution-24-2021-qh15", "")
    listed = run("list", "indicators", "--format", "table", "--lang", "id", env={"COLUMNS": "200"}).stdout
    assert "Kemiskinan" in listed and "rumah tangga" in listed and " poverty " not in listed


def test_a_note_may_stay_a_plain_string(tmp_path: Path) -> None:
    facts = write(tmp_path, MINIMAL.replace('period = "2023"', 'period = "2023"\nnote = "Counted in May."'))
    card = run("get", "poor-2023", "--facts", facts, "--format", "table", "--lang", "vi").stdout
    assert "Counted in May." in card


@pytest.mark.parametrize(
    ("note", "problem"),
    [('{ en = "a", vi = "b" }', "id"), ('{ en = "a", vi = "b", id = "c", fr = "d" }', "fr"), ("3", "")],
)
def test_a_note_in_languages_needs_all_three_and_no_other(tmp_path: Path, note: str, problem: str) -> None:
    facts = write(tmp_path, MINIMAL.replace('period = "2023"', f'period = "2023"\nnote = {note}'))
    result = run("validate", "--facts", facts)
    assert result.exit_code == 2 and "note" in result.stderr and problem in result.stderr, result.output


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (("query",), "click_missing_argument"),
        (("query", "x", "y"), "click_extra"),
        (("show", "--nope"), "click_no_option"),
        (("query", "x", "--format", "toml"), "click_not_choice"),
        (("query", "x", "-n", "abc"), "click_not_int"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "vi", "id"])
def test_clicks_usage_errors_are_said_in_the_readers_language(args: tuple[str, ...], key: str, lang: str) -> None:
    result = run(*args, "--lang", lang)
    assert result.exit_code == 2 and result.stdout == "", result.output
    lead = word(key, lang).split("{")[0].strip()
    assert lead in result.stderr and result.stderr.startswith(word("error", lang).split("{")[0]), result.stderr


def test_a_word_is_looked_up_among_exactly_the_tokens_it_may_match() -> None:
    """The search compares a new word only with the tokens `similarity` can match (its first letter and length, its
    first three letters, a first-letter typo by the rest): the same matches as comparing it with all of them."""
    from pcli.answer.matching import similarity
    from pcli.answer.search import Searcher
    from pcli.store.open import open_store

    index = Searcher(open_store(None)).index
    tokens = list(index.by_token)
    words = {w for t in tokens[::7] for w in (t, t[1:], "x" + t[1:], "q" + t, t[1:2] + t[:1] + t[2:], t[:3], t + "s")}
    for asked in sorted(words):
        everything = {t: s for t in tokens if t[:1] == asked[:1] and (s := similarity(asked, t))}
        if not everything and len(asked) >= 6:
            everything = {t: s for t in tokens if abs(len(t) - len(asked)) <= 1 and (s := similarity(asked, t))}
        looked = {t: s for t in index._candidates(asked) if (s := similarity(asked, t))}
        if not looked and len(asked) >= 6:
            looked = {t: s for t in index._first_typos(asked) if (s := similarity(asked, t))}
        assert looked == everything, asked
