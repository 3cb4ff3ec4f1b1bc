"""Each view's forms (output/render.py FORMS): a view with no form in a format is bad usage, never an empty table;
a change is written one way wherever it is shown (output/changes.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import FACTS, on_pty, run, write

from pcli.output import FORMATS, Format
from pcli.output.render import FORMS

# An invented earlier figure of the bundled base's outstanding loans (16,567 billion VND at the end of 2024).
EARLIER = {"id": "outstanding-loans-2020-end", "indicator": "outstanding_loans", "value": 15_200_000_000_000,
           "period": "2020-12-31"}  # fmt: skip


def _with_earlier_loans(tmp_path: Path) -> str:
    block = "".join(f"{key} = {json.dumps(value)}\n" for key, value in EARLIER.items())
    cited = 'citations = [{ source = "vtc", quote = "15,200 billion VND (invented for this test)" }]\n'
    return write(tmp_path, FACTS.read_text(encoding="utf-8") + "\n[[figures]]\n" + block + cited)


@pytest.mark.parametrize("lang", ["en", "vi", "id"])
def test_an_answer_with_no_markdown_form_is_bad_usage_in_one_line(lang: str) -> None:
    result = run("query", "resolution 24/2021", "-f", "markdown", "--lang", lang)
    assert result.exit_code == 2 and result.stdout == "", result.output
    assert result.stderr.count("\n") == 1 and "markdown" in result.stderr and "json" in result.stderr, result.output
    assert result.stderr.startswith({"en": "Error:", "vi": "Lỗi:", "id": "Galat:"}[lang]), result.output


def test_a_batch_has_no_markdown_form_and_writes_csv_as_csv() -> None:
    refused = run("query", "-", "-f", "markdown", input="poor households 2023\n")
    assert refused.exit_code == 2 and refused.stdout == "" and "markdown" in refused.stderr, refused.output
    csv = run("query", "-", "-f", "csv", input="poor households 2023\n")
    assert csv.exit_code == 0 and csv.stdout.splitlines()[1].startswith('"poor households 2023","poor-households-2023",')


def test_answers_with_a_figure_keep_their_markdown() -> None:
    result = run("query", "poor households 2023", "-f", "markdown")
    assert result.exit_code == 0 and "| 690 households | 2023 |" in result.stdout, result.output


def test_every_format_a_command_offers_is_a_format_some_view_has() -> None:
    offered = {f for formats in FORMATS.values() for f in formats if f not in ("auto", "sqlite")}
    assert offered <= {fmt.value for _, fmt in FORMS}
    assert all(isinstance(fmt, Format) for _, fmt in FORMS)


def _change_texts(tmp_path: Path) -> dict[str, str]:
    facts = _with_earlier_loans(tmp_path)
    asked = "outstanding loans change 2020 2024"
    markdown = run("compare", "2020", "2024", "--facts", facts, "-f", "markdown").stdout
    answer = run("query", asked, "--facts", facts, "-f", "markdown").stdout
    env = {"COLUMNS": "120", "TERM": "dumb", "PCLI_FACTS": facts, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    _, table = on_pty(["compare", "2020", "2024"], env)
    _, card = on_pty(["query", asked], env)
    return {"markdown": markdown, "answer": answer, "table": table, "card": card}


def test_a_change_is_written_one_way_everywhere(tmp_path: Path) -> None:
    texts = _change_texts(tmp_path)
    assert "| +1,367 billion VND (+9 %) |" in texts["markdown"], texts
    assert "| +1,367 billion VND (+9 %) |" in texts["answer"], texts
    assert "+1,367 billion VND (+9 %)" in texts["card"], texts
    table = texts["table"]  # laid out for 80 columns first: the change's words may wrap within its cell
    assert "+1,367" in table and "billion" in table and "+9 %" in table and " bn" not in table, texts


def test_a_rate_changes_in_points_with_no_per_cent_in_every_format() -> None:
    compare = run("compare", "2022", "2023", "-f", "json").json()
    rate = next(c for c in compare if c["indicator"] == "poverty_rate")
    assert rate["change_percent"] is None and abs(rate["change"] + 0.065) < 1e-9
    answer = run("query", "poverty rate change 2022 2023", "-f", "json").json()[0]
    assert answer["change_percent"] is None and answer["change_unit"] == "pp"
    assert "| -0.065 pp |" in run("compare", "2022", "2023", "-f", "markdown").stdout
