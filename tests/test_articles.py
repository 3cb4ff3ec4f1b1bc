"""Extract measured on real articles that nobody on the project wrote: the ground truth in tests/articles/ (per
number its line, column, value, unit, period, kind and qualifier, written by a reader) against what
`pcli extract` reads. The articles' texts stay outside the repository: a case runs where its article is stored
($PCLI_ARTICLES, else /tmp/articles) as the very text the truth was written on, and is skipped elsewhere; the
truth files themselves are checked everywhere. `python tests/articles/article_score.py` prints the scores."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run

sys.path.insert(0, str(ROOT / "tests" / "articles"))
import article_score as score  # noqa: E402

KINDS = {"figure", "year", "period", "date", "time", "document", "age", "ordinal", "list", "level", "name", "url"}


@pytest.mark.parametrize("name", score.names())
def test_the_truth_is_well_formed(name: str) -> None:
    digest, rows = score.truth(score.HERE / f"{name}.tsv")
    assert len(digest) == 64 and rows, name
    assert score.found(score.HERE / f"{name}.tsv").startswith("found: "), "the line after the sha256 says where"
    assert len({(r.line, r.column) for r in rows}) == len(rows), "one row per number"
    for r in rows:
        assert r.kind in KINDS, r
        assert (r.value is not None and r.unit) if r.kind == "figure" else (r.value is None and not r.unit), r


@pytest.mark.parametrize("name", score.names())
def test_extract_reads_the_article_as_its_reader_did(name: str) -> None:
    path = score.article(name)
    if path is None:
        pytest.skip(f"{name}.txt is not stored in {score.FOLDER}: the article stays outside the repository; "
                    + score.RESTORE.format(path=score.FOLDER / f"{name}.txt"))  # fmt: skip
    result = run("extract", str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    s = score.score(name, result.json())
    assert not s.offered and not s.missed, (s.offered, s.missed)
    # units named by the text's words are a curator's naming too: the weakest, en-national-hanoitimes 8/11 ("1.8
    # million ethnic minorities" named ethnic_minorities where its reader wrote people)
    assert s.value == s.figures and s.unit >= 0.7 * s.figures, s.wrong
    assert s.period >= 0.5 * s.dated, s.wrong  # the weakest, en-national-tothethao: 12/23 ("last year" undated)


def test_the_scorer_counts_what_it_is_given(tmp_path: Path) -> None:
    """The scorer itself, on a truth it is handed: a right row, a wrong period, a date offered as a figure."""
    name = score.names()[0]
    _, rows = score.truth(score.HERE / f"{name}.tsv")
    figure = next(r for r in rows if r.kind == "figure")
    other = next((r for r in rows if r.kind != "figure"), None)
    given = [{"line": figure.line, "column": figure.column, "kind": "figure", "value": figure.value,
              "unit": figure.unit, "period": figure.period + "x", "qualifier": figure.qualifier, "written": "n"}]  # fmt: skip
    if other is not None:
        given.append({"line": other.line, "column": other.column, "kind": "figure", "value": 1, "unit": "",
                      "period": "", "qualifier": "", "written": "d"})  # fmt: skip
    s = score.score(name, given)
    assert (s.value, s.unit, s.period, s.whole) == (1, 1, 0, 0)
    assert len(s.offered) == (1 if other is not None else 0)
    assert len(s.missed) == s.figures - 1


def test_the_scorer_counts_a_quarter_apart() -> None:
    """A truth period pcli's model has no form for (a quarter) is counted apart: out of the period rate and of all
    three, on an invented truth of two figures, one dated 2023 and one in 2023's first quarter."""
    wanted = [score.Truth(1, 1, 5.0, "percent", "2023", "figure", ""),
              score.Truth(2, 1, 7.0, "percent", "2023-Q1", "figure", "")]  # fmt: skip
    given: list[dict[str, object]] = [{"line": t.line, "column": t.column, "kind": "figure", "value": t.value, "unit": t.unit,
              "period": "2023", "qualifier": "", "written": "n"} for t in wanted]  # fmt: skip
    s = score.measure("invented", wanted, given)
    assert (s.figures, s.value, s.unit, s.unwritable, s.dated, s.period, s.whole) == (2, 2, 2, 1, 1, 1, 1)
    assert s.apart == ["invented:2:1 2023-Q1"] and not s.wrong
    assert "period 1/1 (100 %)" in s.line("invented") and "periods pcli cannot write: 1" in s.line("invented")


def test_the_articles_stored_hold_the_scores_measured() -> None:
    """Over every stored article: every value right, no date, time, list number or ordinal offered as a figure, and
    units and periods at the rate measured: on the 52 articles stored before set G (10 of the first 16; 8
    new ones, set A, scored before their fixes; 6 more, set B, 5 more, set C, 8 more, set D, 7 more, set E, and 8
    more, set F, each held out from the fixes before it), values 838/838, units 822/838, periods 808/838, all three
    795/838 (set F's first run: values 129/130, units 116/130, periods 95/130, all three 83/130, 10 offered; after
    its fixes 130/130, 128/130, 113/130 and 111/130, nothing offered; the 44 older unchanged: units 694/708, periods
    695/708, all three 684/708); and set G, 8 more: values 999/999, units 973/999, periods 941/989, all three 923/989,
    10 rows of a quarter ("quý I/2023"), a period pcli cannot write, counted apart (set G's first run: units 146/161,
    periods 125/151, all three 116/151, 7 offered; after its fixes 151/161, 133/151, 128/151, nothing offered; the 52
    older unchanged, article by article). The floors are the rates measured: units 97 %, periods 95 % (941/989 since
    set G, 96 % before it)."""
    total = score.Score()
    for name in score.names():
        path = score.article(name)
        if path is not None:
            result = run("extract", str(path), "--format", "json")
            assert result.exit_code == 0, result.output
            total.add(score.score(name, result.json()))
    if total.figures < 100:
        pytest.skip(f"only {total.figures} figures' articles are stored in {score.FOLDER}")
    assert total.value == total.figures and not total.offered and not total.missed, (total.offered, total.missed)
    assert total.unit >= 0.97 * total.figures and total.period >= 0.95 * total.dated, total.wrong


@pytest.mark.parametrize("name", score.names())
def test_the_articles_draft_passes_validate_after_the_fill_ins_alone(name: str, tmp_path: Path) -> None:
    """README's workflow on each stored article: its draft, with only the fill-ins README names written, added to the
    bundled base, passes `validate --sources` beside the bundled articles."""
    import shutil

    from conftest import FACTS, SOURCES

    path = score.article(name)
    if path is None or not SOURCES.is_dir():
        pytest.skip(f"{name}.txt (or the bundled sources) not stored here: the articles stay outside the repository; "
                    + score.RESTORE.format(path=score.FOLDER / f"{name}.txt"))  # fmt: skip
    draft = run("extract", str(path), "--format", "toml", "--source", "new-article")
    assert draft.exit_code == 0, draft.output
    filled = re.sub(r'"FILL-IN"', '"written by the curator"', draft.stdout)
    (tmp_path / "facts.toml").write_text(FACTS.read_text(encoding="utf-8") + filled, encoding="utf-8")
    shutil.copytree(SOURCES, tmp_path / "sources")
    shutil.copy(path, tmp_path / "sources")
    result = run("validate", "--facts", str(tmp_path / "facts.toml"), "--sources", str(tmp_path / "sources"))
    assert result.exit_code == 0, result.output
