"""Several fact bases read as one (a folder, --facts given more than once, $PCLI_FACTS as a path list): ids kept
as written, a clash an error naming both files, every answer saying which base it comes from, the cache keyed by
every file, validate over each base and over reading them together (tests/fixtures: invented places)."""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest
from conftest import FACTS, ROOT, pcli, run

from pcli.base.bases import base_names, merge
from pcli.base.loader import load

FIXTURES = ROOT / "tests" / "fixtures"
LAKESIDE, SUONG_LAM = FIXTURES / "lakeside.toml", FIXTURES / "suong-lam.toml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A newsroom's folder: one base per article."""
    out = tmp_path / "bases"
    out.mkdir()
    for path in (LAKESIDE, SUONG_LAM):
        shutil.copy(path, out / path.name)
    (out / "notes.txt").write_text("not a base", encoding="utf-8")
    return out


def _places_and_bases(*args: str, env: dict[str, str] | None = None) -> set[tuple[str, str]]:
    result = run(*args, "--format", "json", env=env)
    assert result.exit_code == 0, result.output
    return {(r["place"], r["base"]) for r in result.json()}


def test_a_folder_two_facts_options_and_a_path_list_read_the_same_bases(folder: Path) -> None:
    expected = {("Lakeside", "lakeside.toml"), ("Suong Lam", "suong-lam.toml")}
    assert _places_and_bases("query", "poor households 2024", "--facts", str(folder)) == expected
    assert _places_and_bases("query", "poor households 2024", "--facts", str(LAKESIDE), "--facts", str(SUONG_LAM)) == expected
    env = {"PCLI_FACTS": os.pathsep.join([str(LAKESIDE), str(SUONG_LAM)])}
    assert _places_and_bases("query", "poor households 2024", env=env) == expected


def test_every_command_says_which_base_an_answer_comes_from(folder: Path) -> None:
    both = ("--facts", str(FACTS), "--facts", str(folder))
    trend = _places_and_bases("trend", "poor_households", *both)
    assert trend == {("Hanoi", "facts.toml"), ("Lakeside", "lakeside.toml"), ("Suong Lam", "suong-lam.toml")}
    compare = run("compare", "2023", "2024", *both, "--format", "json").json()
    lakeside = [c for c in compare if c["place"] == "Lakeside"]
    assert [(c["before"], c["after"]) for c in lakeside] == [(412, 96)], compare
    got = run("get", "suong-lam-poor-2022", *both, "--format", "json").json()
    assert (got[0]["value"], got[0]["base"]) == (1250, "suong-lam.toml"), got
    place = run("query", "Sương Lam", *both, "--format", "json").json()
    assert (place[0]["kind"], place[0]["base"]) == ("place", "suong-lam.toml"), place
    table = run("query", "poor households Lakeside 2023", *both, "--format", "table").stdout
    assert "from lakeside.toml" in table and "412" in table, table


def test_one_base_adds_no_base_field() -> None:
    answer = run("query", "poor households 2023", "--format", "json").json()
    assert "base" not in answer[0], answer[0]
    assert "from facts.toml" not in run("query", "poor households 2023", "--format", "table").stdout


def test_the_shared_vocabulary_is_one_and_figures_of_two_bases_compare(folder: Path) -> None:
    base, clashes = merge([load(str(FACTS)), load(str(LAKESIDE))], [str(FACTS), str(LAKESIDE)])
    assert clashes == [] and list(base.indicators).count("poor_households") == 1
    assert base.indicators["poor_households"].aliases, "the first base's indicator is kept, with its aliases"
    assert len({f.order for f in base.figures}) == len(base.figures)
    assert base.bases == ("facts.toml", "lakeside.toml")


def test_an_id_two_bases_give_is_an_error_naming_both_files(tmp_path: Path) -> None:
    text = LAKESIDE.read_text(encoding="utf-8").replace("lakeside-", "copy-").replace('"copy-news"', '"suong-lam-news"')
    copy = tmp_path / "copy.toml"
    copy.write_text(text.replace('id = "copy-poor-2023"', 'id = "suong-lam-poor-2022"'), encoding="utf-8")
    result = run("query", "poor households", "--facts", str(SUONG_LAM), "--facts", str(copy))
    assert result.exit_code == 2 and result.stdout == "", result.output
    assert str(copy) in result.stderr and str(SUONG_LAM) in result.stderr and "'suong-lam-" in result.stderr, result.output
    checked = run("validate", "--facts", str(SUONG_LAM), "--facts", str(copy), "--format", "json")
    assert checked.exit_code == 2, checked.output
    problems = {(p["file"], p["message"].split("'")[1]) for p in checked.json()}
    assert problems == {(str(copy), "suong-lam-news"), (str(copy), "suong-lam-poor-2022")}, problems


def test_an_indicator_of_another_unit_is_an_error(tmp_path: Path) -> None:
    poor = '\nlabel = { en = "Poor'
    text = LAKESIDE.read_text(encoding="utf-8").replace(f'unit = "households"{poor}', f'unit = "percent"{poor}')
    copy = tmp_path / "percent.toml"
    copy.write_text(text.replace("value = 412", "value = 41.2").replace("value = 96\n", "value = 9.6\n"), encoding="utf-8")
    assert run("validate", "--facts", str(copy)).exit_code == 0
    result = run("validate", "--facts", str(SUONG_LAM), "--facts", str(copy))
    assert result.exit_code == 2 and "'poor_households' has another unit" in result.stderr, result.output
    assert str(SUONG_LAM) in result.stderr, result.output


def test_validate_each_base_and_against_their_sources(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(ROOT / "examples" / "lakeside-example.txt", sources)
    shutil.copy(FIXTURES / "suong-lam.txt", sources)
    result = run("validate", "--facts", str(LAKESIDE), "--facts", str(SUONG_LAM), "--sources", str(sources))
    assert result.exit_code == 0, result.output
    assert f"{LAKESIDE}: valid: 4 figures" in result.stderr and f"{SUONG_LAM}: valid: 3 figures" in result.stderr
    broken = tmp_path / "broken.toml"
    broken.write_text("schema = 1\n[[figures]\n", encoding="utf-8")
    result = run("validate", "--facts", str(LAKESIDE), "--facts", str(broken))
    assert result.exit_code == 2 and result.stderr.startswith(f"{broken}:"), result.output


def test_a_folder_with_no_base_is_bad_data(tmp_path: Path) -> None:
    result = run("show", "--facts", str(tmp_path))
    assert result.exit_code == 2 and "no .toml fact base" in result.stderr, result.output


def test_two_bases_of_one_file_name_are_named_by_their_paths() -> None:
    assert base_names(["a/facts.toml", "b/facts.toml", "c/x.toml"]) == ["a/facts.toml", "b/facts.toml", "x.toml"]


def test_the_cache_is_keyed_by_every_file(folder: Path, tmp_path: Path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache")}
    args = ("query", "poor households Lakeside 2023", "--facts", str(folder), "--format", "json")
    first = pcli(*args, env=env)
    assert first.exit_code == 0 and first.json()[0]["value"] == 412, first.output
    caches = list((tmp_path / "cache" / "pcli").glob("*.sqlite"))
    assert len(caches) == 1, caches
    again = pcli(*args, env=env)
    assert again.json() == first.json(), again.output
    lakeside = folder / "lakeside.toml"
    lakeside.write_text(lakeside.read_text(encoding="utf-8").replace("value = 412", "value = 413"), encoding="utf-8")
    changed = pcli(*args, env=env)
    assert changed.json()[0]["value"] == 413, changed.output  # never the cached 412
    (folder / "suong-lam.toml").unlink()
    alone = pcli("query", "poor households 2022", "--facts", str(folder), "--format", "json", env=env)
    assert alone.exit_code == 1, alone.output  # Suong Lam's 2022 figure left with its file


def test_tsv_and_csv_of_several_bases_have_a_base_column_and_one_base_none() -> None:
    """A query's and show's TSV and CSV say which base each row comes from, as JSON does, in a last column `base`
    when several bases are read; one base's columns stay as they were."""
    both = ("--facts", str(LAKESIDE), "--facts", str(SUONG_LAM))
    for args in (("query", "poor households 2024"), ("show",), ("show", "places")):
        for fmt in ("tsv", "csv"):
            result = run(*args, *both, "--format", fmt)
            assert result.exit_code == 0, result.output
            lines = list(csv.reader(io.StringIO(result.stdout), delimiter="\t" if fmt == "tsv" else ","))
            assert lines[0][-1] == "base", (args, fmt, lines[0])
            bases = {row[-1] for row in lines[1:]}
            assert bases and bases <= {"lakeside.toml", "suong-lam.toml"}, (args, fmt, bases)
            one = run(*args, "--facts", str(LAKESIDE), "--format", fmt)
            assert "base" not in one.stdout.splitlines()[0].replace('"', "").split("," if fmt == "csv" else "\t")
    places = run("query", "poor households 2024", *both, "--format", "tsv").stdout.splitlines()
    assert {line.split("\t")[-1] for line in places[1:]} == {"lakeside.toml", "suong-lam.toml"}, places


def test_two_bases_that_disagree_on_a_figure_are_warned_of(tmp_path: Path) -> None:
    """One indicator, place, period and status with two values in two bases: valid, but a warning on stderr names
    both files, lines and values (in the reader's language)."""
    other = tmp_path / "other.toml"
    other.write_text(LAKESIDE.read_text(encoding="utf-8").replace("lakeside-", "other-").replace("value = 96\n", "value = 90\n"),
                     encoding="utf-8")  # fmt: skip
    result = run("validate", "--facts", str(LAKESIDE), "--facts", str(other))
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warned) == 1 and warned[0].startswith(f"{other}:"), result.stderr
    assert " 90 " in warned[0] and " 96 " in warned[0] and str(LAKESIDE) in warned[0] and "2024-12-31" in warned[0], warned
    assert "cảnh báo" in run("--lang", "vi", "validate", "--facts", str(LAKESIDE), "--facts", str(other)).stderr
    same = run("validate", "--facts", str(LAKESIDE), "--facts", str(SUONG_LAM))
    assert same.exit_code == 0 and "warning" not in same.stderr, same.output
