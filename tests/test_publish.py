"""Publishing: citations reference managers import, a database Datasette serves as it is, one option set on every
command, every word in --lang, pipes as gh writes them, and a terminal that never breaks an id."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, pcli_into_closed_pipe, run

# ----------------------------------------------------------------------------- cite


def test_bibtex_that_bibtexparser_reads_has_one_entry_per_article() -> None:
    import bibtexparser

    text = run("cite", "poor-households-2023", "entrusted-capital", "--style", "bibtex").stdout
    library = bibtexparser.parse_string(text)  # type: ignore[attr-defined]
    assert not library.failed_blocks
    entries = {e.key: e for e in library.entries}
    assert set(entries) == {"vtc", "hanoimoi"}  # the articles, not one entry per figure
    vtc = entries["vtc"]
    assert vtc["journal"] == "VTC News" and vtc["year"] == "2025" and vtc["urldate"] == _today_or_yesterday(vtc["urldate"])
    assert vtc["title"].startswith("[") and "690" not in vtc["title"]  # a supplied title, naming the subject
    assert "giảm còn 690 hộ" in vtc["note"] and "8.718 tỷ đồng" in vtc["note"]  # both figures and their quotes
    # each source's own reading: "up to" where the Vietnamese says it, not where the Indonesian does not
    assert "up to 8,718" in vtc["note"]
    assert "up to" not in entries["hanoimoi"]["note"]


def _today_or_yesterday(value: str) -> str:
    """The accessed date is the day of the run: today, or yesterday when the run began before midnight."""
    import datetime

    today = datetime.date.today()
    assert value in (today.isoformat(), (today - datetime.timedelta(days=1)).isoformat()), value
    return value


def test_csl_json_that_citeproc_renders_one_entry_per_article() -> None:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    ids = ("poor-households-2023", "poor-households-2024-end", "poverty-rate-2022", "entrusted-capital", "job-fair-hires-2024")
    items = json.loads(run("cite", *ids, "--style", "csl-json").stdout)
    assert {i["type"] for i in items} == {"article-newspaper"} and len(items) == 2
    bibliography = CitationStylesBibliography(CitationStylesStyle("harvard-cite-them-right", validate=False), CiteProcJSON(items),
                                              formatter.plain)  # fmt: skip
    bibliography.register(Citation([CitationItem(i["id"]) for i in items]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == 2 and any("VTC News" in r and "2025" in r for r in rendered)
    assert not any("690" in r for r in rendered)  # no figure stands as a title or an author


@pytest.mark.parametrize(("style", "vtc_start"), [("apa", "VTC News. (2025, December 10). ["),
                                                  ("chicago", "VTC News. 2025. “[")])  # fmt: skip
def test_apa_and_chicago_are_rendered_by_citeproc_from_real_csl_styles(style: str, vtc_start: str) -> None:
    result = run("cite", "poor-households-2023", "poor-households-2024-end", "--style", style)
    assert result.exit_code == 0, result.output
    entries = result.stdout.strip().split("\n\n")
    assert len(entries) == 2, result.stdout  # two articles, five figures or one
    vtc, hanoimoi = entries
    assert vtc.startswith(vtc_start), vtc
    head = vtc.splitlines()[0]
    assert head.count("[Hanoi") == 1 and "Edition" not in head and "n.d.." not in result.stdout
    assert "“đến năm 2023 giảm còn 690 hộ (0,03%)”" in vtc and "0 households (end of 2024)" in vtc
    assert "n.d." in hanoimoi.splitlines()[0] and "https://hanoimoi.vn/" in hanoimoi
    vi = run("cite", "poor-households-2023", "--style", style, "--lang", "vi").stdout
    assert "Tháng Mười Hai" in vi and "Hộ nghèo: 690 hộ (năm 2023)" in vi


def test_plain_markdown_and_ris_in_the_readers_language() -> None:
    plain = run("cite", "poor-households-2023", "--lang", "vi").stdout
    assert "Hộ nghèo: 690 hộ (năm 2023)" in plain and "“đến năm 2023 giảm còn 690 hộ (0,03%)”" in plain
    assert "n.d.." not in run("cite", "poor-households-2023").stdout
    markdown = run("cite", "poor-households-2023", "--style", "markdown").stdout
    assert "> “đến năm 2023 giảm còn 690 hộ (0,03%)”" in markdown and "(https://hanoimoi.vn/" in markdown
    ris = run("cite", "resolution-24-2021-qh15", "--style", "ris").stdout
    assert ris.count("TY  - NEWS") == 2 and ris.count("ER  - ") == 2
    target = run("cite", "poor-households-2025-target").stdout
    assert "basically 0 households (target) (end of 2025)" in target, target


def test_cite_names_a_bad_id_and_writes_nothing() -> None:
    for args in (("nope",), ("poor-households-2023", "nope")):
        result = run("cite", *args, "--style", "apa")
        assert result.exit_code == 2 and result.stdout == "", result.output
        assert result.stderr.count("\n") == 1 and "'nope'" in result.stderr, result.stderr
    close = run("cite", "poor-househlds-2023", "--lang", "vi")
    assert close.exit_code == 2 and "poor-households-2023" in close.stderr and "không thể" in close.stderr


def test_cite_as_json_gives_each_article_and_what_is_cited_of_it() -> None:
    entries = run("cite", "poor-households-2023", "entrusted-capital", "-f", "json", "--style", "chicago").json()
    assert [e["source"] for e in entries] == ["vtc", "hanoimoi"]
    assert [c["id"] for c in entries[0]["cited"]] == ["poor-households-2023", "entrusted-capital"]
    assert entries[0]["citation"].startswith("VTC News. 2025.") and entries[0]["style"] == "chicago"


# ----------------------------------------------------------------------------- Datasette


def test_the_sqlite_export_is_a_publication_datasette_serves(tmp_path: Path) -> None:
    from datasette.app import Datasette

    database = tmp_path / "pcli.db"
    assert run("export", "--format", "sqlite", "-o", str(database)).exit_code == 0
    metadata = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["license"] == "CC BY 4.0" and metadata["license_url"].startswith("https://creativecommons.org/")

    async def ask() -> list[dict]:  # type: ignore[type-arg]
        datasette = Datasette([str(database)], metadata=metadata)
        await datasette.invoke_startup()
        answers = []
        for path in ("/pcli/figures.json?_search=poor&_shape=array&_labels=on&id=poor-households-2023",
                     "/pcli/documents.json?_shape=array&_labels=on&number=24/2021/QH15",
                     "/pcli/citations.json?_search=giảm&_shape=array", "/-/metadata.json"):  # fmt: skip
            response = await datasette.client.get(path)
            assert response.status_code == 200, (path, response.text[:500])
            answers.append(response.json())
        return answers

    figures, documents, citations, served = asyncio.run(ask())
    assert figures[0]["value"] == 690 and figures[0]["indicator"]["label"] == "Poor households"
    assert documents[0]["issuer"]["label"] == "National Assembly"
    assert citations and any("giảm" in c["quote"] for c in citations)  # FTS5 folds diacritics: giám matches too
    assert served["title"] == metadata["title"]


def test_the_sqlite_export_of_a_large_base_holds_every_figure_and_quote(tmp_path: Path) -> None:
    """Figures go into the publication a thousand at a time: across the chunks, every figure, its display and
    its quotes are there, in file order, as the JSON Lines export gives them."""
    import sqlite3

    from conftest import make_big_base

    facts = str(make_big_base(tmp_path / "big.toml", 2_500))
    database = tmp_path / "big.db"
    assert run("export", "--facts", facts, "--format", "sqlite", "-o", str(database)).exit_code == 0
    lines = run("export", "--facts", facts, "--format", "jsonl").stdout.splitlines()
    figures = [r for r in map(json.loads, lines) if r["table"] == "figures"]
    assert len(figures) == 2_500
    db = sqlite3.connect(database)
    rows = db.execute("SELECT id, value, display, period_label FROM figures ORDER BY rowid").fetchall()
    marked = {True: " (target)", False: ""}  # the publication is read by people: a target says so in its display
    assert rows == [(f["id"], f["value"], f["display"] + marked[f["status"] == "target"], f["period_label"]) for f in figures]
    quotes = db.execute("SELECT record_id, quote FROM citations WHERE record_table = 'figures' ORDER BY rowid").fetchall()
    assert quotes == [(f["id"], c["quote"]) for f in figures for c in f["citations"]]
    db.close()


# ----------------------------------------------------------------------------- one option set


def test_options_before_the_command_and_short_options() -> None:
    vi = run("--lang", "vi", "query", "poor households 2019")
    assert vi.exit_code == 1 and vi.stderr.startswith("Không có"), vi.output
    assert json.loads(run("--format", "json", "query", "poor households 2023").stdout)[0]["value"] == 690
    assert json.loads(run("query", "poor households 2023", "-f", "json").stdout)[0]["value"] == 690
    assert run("list", "topics", "-F", "json").json()[0]["id"] == "poverty"


def test_export_format_is_checked_before_anything_is_loaded(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("not = [toml", encoding="utf-8")
    result = run("export", "--format", "xml", "--facts", str(broken))
    assert result.exit_code == 2 and "xml" in result.stderr and "broken.toml" not in result.stderr, result.output


def test_validate_lists_problems_as_objects() -> None:
    text = (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8")
    assert "MINIMAL" in text
    result = run("validate", "--facts", str(ROOT / "README.md"), "--format", "json")
    problems = result.json()
    assert result.exit_code == 2 and problems and {"file", "line", "message"} <= set(problems[0])


def test_help_lists_the_environment_and_every_exit_code() -> None:
    text = run("--help").stdout
    for word in ("PCLI_FACTS", "PCLI_LANG", "PCLI_CACHE", "XDG_CACHE_HOME", "NO_COLOR", "FORCE_COLOR", "130", "141"):
        assert word in text, word


# ----------------------------------------------------------------------------- words, pipes and the terminal


def test_headings_and_section_titles_follow_lang() -> None:
    table = run("query", "poor households 2023", "--format", "table", "--lang", "vi", env={"COLUMNS": "150"}).stdout
    assert "Xem thêm" in table and "Giá trị" in table and "Thời kỳ" in table
    show = run("show", "--format", "table", "--lang", "id", env={"COLUMNS": "150"}).stdout
    assert "Dokumen" in show and "Lembaga" in show and "rumah tangga" in show


def test_a_closed_pipe_is_141_not_nothing_found() -> None:
    proc = subprocess.run(f"'{sys.executable}' -m pcli show figures | head -1", shell=True, capture_output=True,
                          text=True, cwd=ROOT, executable="/bin/bash", env=None)  # fmt: skip
    assert proc.stdout.startswith("id\t") and proc.stderr == ""
    closed = pcli_into_closed_pipe("show", "figures")
    assert closed.exit_code == 141 and closed.stderr == ""


@pytest.mark.parametrize("args", [("get", "nope"), ("trend", "xyzzy"), ("query", "xyzzy"), ("compare", "2019", "2020")])
def test_every_json_miss_prints_an_empty_array(args: tuple[str, ...]) -> None:
    result = run(*args, "--format", "json")
    assert result.exit_code == 1 and json.loads(result.stdout) == [] and result.stderr.strip()


def test_markdown_is_text_to_paste() -> None:
    markdown = run("query", "entrusted capital", "--format", "markdown").stdout
    assert "| up to 8,718 billion VND | undated; reported 10 Dec 2025 |" in markdown
    assert "VTC News, 2025-12-10: “nguồn lực ủy thác" in markdown
    compare = run("compare", "2022", "2023", "--format", "markdown").stdout
    assert "| 2,134 households | 690 households | -1,444 households (-67.7 %) |" in compare
    assert "-0.065 pp" in compare


def test_ids_are_never_wrapped_and_figure_tables_have_them() -> None:
    table = run("show", "documents", "--format", "table", env={"COLUMNS": "150"}).stdout
    assert "resolution-24-2021-qh15" in table
    figures = run("query", "poor households 2023", "--format", "table", env={"COLUMNS": "150"}).stdout
    assert "poor-households-2024-end" in figures


def test_list_what_the_base_holds() -> None:
    indicators = run("list", "indicators", "--format", "json").json()
    poor = next(i for i in indicators if i["id"] == "poor_households")
    assert poor["figures"] == 5 and poor["periods"].startswith("start of 2022, 2022, 2023")
    assert {d["number"] for d in run("list", "documents", "--format", "json").json()} >= {"24/2021/QH15"}
    assert run("list", "nonsense").exit_code == 2


def test_the_whole_base_is_paged_on_a_terminal(tmp_path: Path) -> None:
    from test_output import _pty_run

    pager = tmp_path / "pager.sh"
    marker = tmp_path / "paged"
    pager.write_text(f"#!/bin/sh\ncat > '{marker}'\n")
    pager.chmod(0o755)
    code, _ = _pty_run("show", env={"PAGER": str(pager), "COLUMNS": "160"})
    assert code == 0 and "Poor households" in marker.read_text(encoding="utf-8")


def test_ids_complete_in_the_shell() -> None:
    import os

    env = {"_PCLI_COMPLETE": "complete_bash", "COMP_WORDS": "pcli get poor-households-202", "COMP_CWORD": "2"}
    script = Path(sys.executable).with_name("pcli")  # the installed command: completion is keyed to its name
    proc = subprocess.run([str(script)], capture_output=True, text=True, env={**os.environ, **env})
    assert "poor-households-2023" in proc.stdout.split()
