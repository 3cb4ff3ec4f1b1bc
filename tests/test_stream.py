"""Reading figures a batch at a time builds the same base as reading the file whole, or declines to."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from conftest import FACTS, MINIMAL, make_big_base, run, write

import pcli.base.tomlstream as tomlstream
from pcli.base.loader import build
from pcli.base.model import FactBase
from pcli.base.tomlfile import parse_toml, read_text
from pcli.base.tomlstream import NotStreamable, stream_toml

FIGURE = """
[[figures]]
id = "{id}"
indicator = "poor_households"
value = {value}
period = "2024"
citations = [
  {{ source = "s", quote = "{value} poor households in 2024" }},
]
"""

AGENCY = """
[[agencies]]
id = "{id}"
name = {{ en = "Office {id}", vi = "Văn phòng {id}", id = "Kantor {id}" }}
role = {{ en = "Runs", vi = "Chạy", id = "Jalan" }}
citations = [{{ source = "s", quote = "Office {id}" }}]
"""


def snapshot(value: Any) -> Any:
    """Everything a base holds, as plain data (models keep their fields in __slots__)."""
    if isinstance(value, FactBase):  # its catalogue's slots and its own, by their public names
        names = [n.lstrip("_") for cls in type(value).__mro__ for n in getattr(cls, "__slots__", ()) if n != "_rest"]
        return {name: snapshot(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [snapshot(v) for v in value]
    if isinstance(value, dict):
        return {k: snapshot(v) for k, v in value.items()}
    if hasattr(value, "__slots__"):
        return [type(value).__name__, *(snapshot(getattr(value, s, None)) for s in value.__slots__)]
    if hasattr(value, "__dict__"):
        return [type(value).__name__, snapshot(vars(value))]
    return value


def whole(path: str) -> Any:
    text = read_text(path)
    base, problems = build(parse_toml(text, path), text, path, lines=False)
    assert not problems, [p.message for p in problems]
    return snapshot(base)


def streamed(path: str) -> Any:
    data, figures = stream_toml(path, "figures")
    base, problems = build(data, "", path, lines=False, streams={"figures": figures})
    assert not problems, [p.message for p in problems]
    return snapshot(base)


def test_bundled_base_is_the_same_either_way(monkeypatch: pytest.MonkeyPatch) -> None:
    expected = whole(str(FACTS))
    assert streamed(str(FACTS)) == expected
    monkeypatch.setattr(tomlstream, "BATCH", 3)  # many batches, cut between any two figures
    assert streamed(str(FACTS)) == expected
    with open(FACTS, "rb") as handle:
        pieces = tomlstream.Pieces(handle, "figures")
        pieces.scan()
    figures = len(expected["figures"])
    assert len(pieces.batches) == -(-figures // 3)  # the run of figures, three to a batch


def test_generated_base_in_several_batches_is_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(make_big_base(tmp_path / "big.toml", 2500))
    monkeypatch.setattr(tomlstream, "BLOCK", 4096)  # headers fall across many read blocks
    assert streamed(path) == whole(path)


def test_a_file_replaced_while_it_is_read_is_not_mixed_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tomlstream, "BATCH", 1)
    first = MINIMAL + FIGURE.format(id="f1", value=11)
    path = write(tmp_path, first)
    data, batches = stream_toml(path, "figures")
    replacement = tmp_path / "new.toml"
    replacement.write_text(first.replace("690", "999").replace("value = 11", "value = 22"), encoding="utf-8")
    os.replace(replacement, path)  # as an editor saves: a new file under the old name
    values = [record["value"] for batch in batches for record in batch]
    assert values == [690, 11]


def test_figures_among_other_tables_and_as_tables_of_tables(tmp_path: Path) -> None:
    text = (
        MINIMAL
        + AGENCY.format(id="a1")
        + FIGURE.format(id="f1", value=11).replace('period = "2024"', 'period = "2021"')
        + AGENCY.format(id="a2")
        + '\n[[figures]]\nid = "f2"\nindicator = "poor_households"\nvalue = 12\nperiod = "2022"\n'
        + '\n[[figures.citations]]\nsource = "s"\nquote = "12 poor households in 2022"\n'
        + '\n[[ figures . citations ]]\nsource = "s"\nquote = "12 in 2022"\n'
    )
    path = write(tmp_path, text)
    got = streamed(path)
    assert got == whole(path)
    figures = json.loads(run("show", "--facts", path, "--format", "json").stdout)
    assert [f["id"] for f in figures] == ["poor-2023", "f1", "f2"]
    assert len(figures[2]["citations"]) == 2


@pytest.mark.parametrize(
    "tail",
    [
        '\n[[agencies]]\nid = "a"\nname = { en = "A" }\nnote = """\n[[figures]]\nid = "fake"\n"""\n',  # a header in a string
        "\n[figures]\nid = 'x'\n",  # a table where records are meant: the parser's own error, read whole
        '\n[[figures]]\nid = "f9"\nnote = [\n[1]\n]\n',  # a header-like line inside an array
        '\n[[figures]]\nid = "f9"\nvalue = \n',  # a syntax error in a batch
    ],
)
def test_what_cannot_be_cut_is_declined(tmp_path: Path, tail: str) -> None:
    path = write(tmp_path, MINIMAL + tail)
    with pytest.raises(NotStreamable):
        data, figures = stream_toml(path, "figures")
        list(figures)


def test_a_header_inside_a_string_stays_in_the_string(tmp_path: Path) -> None:
    note = '[[figures]]\nid = "fake"'
    agency = AGENCY.format(id="a") + f'note = """\n{note}"""\n'
    path = write(tmp_path, MINIMAL + agency)
    figures = json.loads(run("show", "--facts", path, "--format", "json").stdout)
    assert [f["id"] for f in figures] == ["poor-2023"]
    [agency] = json.loads(run("get", "a", "--facts", path, "--format", "json").stdout)
    assert agency["note"] == '[[figures]]\nid = "fake"'


def test_a_late_syntax_error_is_reported_on_its_line_in_the_whole_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tomlstream, "BATCH", 2)
    figures = "".join(FIGURE.format(id=f"f{n}", value=n) for n in range(10))
    text = MINIMAL + figures + '\n[[figures]]\nid = "bad"\nvalue = = 3\n'
    path = write(tmp_path, text)
    line = text.count("\n", 0, text.index("value = = 3")) + 1
    result = run("validate", "--facts", path)
    assert result.exit_code == 2
    assert f"{path}:{line}:" in result.stdout + result.stderr, result.output
