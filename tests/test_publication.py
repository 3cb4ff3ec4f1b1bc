"""The publication as its readers' own tools read it: Datasette (search with and without Vietnamese diacritics,
each table's columns described, a figure's page with its quote, distinct labels, dates that facet), Frictionless,
pandas and csvkit; the JSON and CSV exports carry their licence and how to cite them."""

from __future__ import annotations

import asyncio
import csv
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import run


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("publication")
    out = {}
    for lang in ("en", "vi"):
        (folder / lang).mkdir()
        database = folder / lang / "pcli.db"
        result = run("export", "--format", "sqlite", "-o", str(database), "--lang", lang)
        assert result.exit_code == 0, result.output
        out[lang] = database
    return out


def _serve(database: Path, paths: list[str]) -> list[Any]:
    from datasette.app import Datasette

    metadata = json.loads((database.parent / "metadata.json").read_text(encoding="utf-8"))

    async def ask() -> list[Any]:
        datasette = Datasette([str(database)], metadata=metadata)
        await datasette.invoke_startup()
        answers = []
        for path in paths:
            response = await datasette.client.get(path)
            assert response.status_code == 200, (path, response.text[:300])
            answers.append(response.json() if ".json" in path else response.text)
        return answers

    return asyncio.run(ask())


def test_search_finds_vietnamese_with_and_without_its_diacritics(published: dict[str, Path]) -> None:
    queries = ("hộ nghèo", "ho ngheo", "HỘ NGHÈO", "rumah tangga miskin", "poor households")
    answers = _serve(published["en"], [f"/pcli/figures.json?_search={q}&_shape=array&_size=max" for q in queries])
    found = [{row["id"] for row in rows} for rows in answers]
    assert "poor-households-2023" in found[0] and found[0] == found[1] == found[2]
    assert "poor-households-2023" in found[3] and "poor-households-2023" in found[4]
    dong = _serve(published["en"], ["/pcli/figures.json?_search=ty dong&_shape=array&_size=max"])[0]
    assert "entrusted-capital" in {row["id"] for row in dong}  # đ is folded too: no decomposition takes it apart
    quotes = _serve(published["en"], ["/pcli/citations.json?_search=giam con 690 ho&_shape=array"])[0]
    assert {q["quote"] for q in quotes} == {"đến năm 2023 giảm còn 690 hộ (0,03%)"}  # stacked accents folded too


def test_every_column_is_described_and_only_columns_that_exist(published: dict[str, Path]) -> None:
    metadata = json.loads((published["en"].parent / "metadata.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["pcli"]["tables"]
    db = sqlite3.connect(published["en"])
    for table, entry in tables.items():
        columns = [row[1] for row in db.execute(f"PRAGMA table_info([{table}])")]
        described = re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", entry["description_html"])
        assert [name for name, _ in described] == columns, table
        for name, text in described:
            assert len(text) > len(name) + 8 and text.replace(" ", "_").lower() != name, (table, name, text)
    db.close()


def test_a_figures_page_shows_its_quote_and_its_citations_are_labelled_apart(published: dict[str, Path]) -> None:
    page, citations = _serve(published["en"], ["/pcli/figures/poor-households-2023",
                                               "/pcli/citations.json?_shape=array&_labels=on&_size=max"])  # fmt: skip
    assert "đến năm 2023 giảm còn 690 hộ (0,03%)" in page and "Poor households: 690 households (2023)" in page
    labels: dict[str, str] = {c["figure"]["value"]: c["figure"]["label"] for c in citations if c["figure"]}
    assert len(set(labels.values())) == len(labels)  # five figures of one indicator, five labels
    assert labels["poor-households-2025-target"] == "Poor households: basically 0 households (target) (end of 2025)"


def test_dates_facet_as_dates_and_the_data_source_is_named_and_linked_alike(published: dict[str, Path]) -> None:
    page, facets, sources = _serve(published["en"], ["/pcli/figures", "/pcli/figures.json?_facet_date=period_start",
                                                     "/pcli/sources.json?_shape=array"])  # fmt: skip
    assert set(re.findall(r"_facet_date=(\w+)", page)) <= {"period_start", "period_end"}
    dates = [r["value"] for r in facets["facet_results"]["period_start"]["results"]] if "facet_results" in facets else []
    assert all(re.fullmatch(r"(19|20)\d\d-\d\d-\d\d", d) for d in dates if d)
    metadata = json.loads((published["en"].parent / "metadata.json").read_text(encoding="utf-8"))
    assert metadata["source_url"] == "/pcli/sources"  # the link leads to the sources it names, every one
    assert all(s["outlet"] in metadata["source"] for s in sources) and metadata["source"].count(";") == len(sources) - 1


def test_lang_vi_writes_vietnamese_labels(published: dict[str, Path]) -> None:
    metadata = json.loads((published["vi"].parent / "metadata.json").read_text(encoding="utf-8"))
    assert (
        metadata["description"].startswith("Số liệu")
        and "Các cột" in metadata["databases"]["pcli"]["tables"]["figures"]["description_html"]
    )
    db = sqlite3.connect(published["vi"])
    row = db.execute("SELECT caption, label, display, period_label FROM figures WHERE id = 'poor-households-2023'").fetchone()
    assert row == ("Hộ nghèo: 690 hộ (năm 2023)", "Hộ nghèo", "690 hộ", "năm 2023")
    assert metadata["databases"]["pcli"]["tables"]["indicators"]["label_column"] == "label_vi"
    assert metadata["title"].startswith("Hà Nội")  # the base's title in the export's language
    db.close()


def test_json_and_csv_carry_their_licence_and_how_to_cite() -> None:
    exported = run("export", "--format", "json").json()
    assert exported["license"] == "CC BY 4.0" and exported["license_url"].startswith("https://creativecommons.org/")
    assert "VTC News, 10 Dec 2025" in exported["how_to_cite"] and "Hanoimoi" in exported["how_to_cite"]
    rows = list(csv.DictReader(run("export", "--format", "csv").stdout.splitlines()))
    poor = next(r for r in rows if r["id"] == "poor-households-2023")
    assert poor["sources"] == "vtc,hanoimoi" and poor["quote"] == "đến năm 2023 giảm còn 690 hộ (0,03%)"
    assert poor["license"] == "CC BY 4.0" and poor["period_start"] == "2023-01-01" and poor["period_end"] == "2023-12-31"


def test_pandas_parses_every_dated_period(tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "figures.csv"
    assert run("export", "--format", "csv", "-o", str(path)).exit_code == 0
    frame = pd.read_csv(path, parse_dates=["period_start", "period_end"])
    dated = frame["period"].notna()
    assert dated.sum() >= 30 and frame.loc[dated, "period_start"].notna().all() and frame.loc[dated, "period_end"].notna().all()
    end_of_2024 = frame.loc[frame["id"] == "poor-households-2024-end"].iloc[0]
    assert str(end_of_2024["period_start"].date()) == str(end_of_2024["period_end"].date()) == "2024-12-31"
    assert not frame.loc[~dated, "period_start"].notna().any()  # undated stays undated


@pytest.fixture(scope="module")
def csv_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("csv") / "tables"
    assert run("export", "--format", "csv", "-o", str(folder)).exit_code == 0
    return folder


def test_the_csv_folder_holds_every_table_and_sniffs_as_csv(csv_folder: Path) -> None:
    names = {p.stem for p in csv_folder.glob("*.csv")}
    assert {"figures", "citations", "indicators", "topics", "units", "sources", "documents"} <= names
    for path in csv_folder.glob("*.csv"):
        sample = path.read_text(encoding="utf-8")[:1024]  # what csvkit sniffs
        assert csv.Sniffer().sniff(sample).delimiter == ",", path.name


@pytest.mark.parametrize("table", ["agencies", "figures", "indicators"])
def test_csvkit_reads_it_without_a_warning(csv_folder: Path, table: str) -> None:
    code = (
        "import sys; from csvkit.utilities.csvstat import launch_new_instance; sys.argv = ['csvstat', sys.argv[1]]; "
        "launch_new_instance()"
    )
    proc = subprocess.run([sys.executable, "-W", "always", "-c", code, str(csv_folder / f"{table}.csv")],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert "Row count" in proc.stdout or "row count" in proc.stdout.lower()


def test_the_data_package_is_valid_by_frictionless(csv_folder: Path) -> None:
    from frictionless import validate

    package = json.loads((csv_folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and {s["title"] for s in package["sources"]} >= {"VTC News, 2025-12-10"}
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    types = {f["name"]: f["type"] for f in figures["schema"]["fields"]}
    assert types["value"] == "number" and types["period_start"] == "date" and types["as_of"] == "boolean"
    assert all(f["description"] for f in figures["schema"]["fields"])
    report = validate(str(csv_folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {task.name for task in report.tasks} == {p.stem for p in csv_folder.glob("*.csv")}


def test_column_descriptions_come_from_the_schema_in_english_and_the_catalogue_in_vi_and_id() -> None:
    from pcli.base.schema import KINDS
    from pcli.messages import catalogue
    from pcli.output.columns import describe, schema_words
    from pcli.output.export import tables
    from pcli.output.publish import publication_columns
    from pcli.store.open import open_store

    for kind in KINDS.values():  # the catalogue's English for a table's own column is the schema's doc
        for field in kind.fields:
            key = f"doc_{kind.table}_{field.name}"
            if (
                field.doc
                and key in catalogue()
                and (kind.table, field.name) not in (("figures", "period"), ("figures", "part_of"))
            ):
                assert catalogue()[key][0] == schema_words(field.doc), key
    store = open_store(None)
    base = store.catalogue
    every = {**publication_columns(base), **{t: c for t, (c, _) in tables(base, store.each_figure).items()}}
    for table, columns in every.items():
        for column in columns:
            texts = [describe("figures" if table == "figure_citations" else table, column, lang) for lang in ("en", "vi", "id")]
            assert len(set(texts)) == 3 and all(len(t) > len(column) for t in texts), (table, column, texts)
