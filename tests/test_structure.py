"""The house rules that keep pcli readable: one schema, one catalogue of words, imports that only run downwards."""

from __future__ import annotations

import ast
import csv
import re
import string
from pathlib import Path

import pytest
from conftest import ROOT, run

from pcli.base.schema import KINDS, flat_columns, markdown_table
from pcli.messages import catalogue

PACKAGE = ROOT / "pcli"
# The rooms from the bottom up: a module may import its own room and any room below it, never one above.
LAYERS = {
    "messages": 0,
    "text": 0,
    "lines": 0,
    "status": 0,
    "errors": 1,
    "files": 1,
    "base": 2,
    "articles": 3,
    "store": 4,
    "answer": 5,
    "output": 6,
    "commands": 7,
    "cli": 8,
    "__main__": 9,
}


def _room(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
        elif isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
    return names


def test_schema_md_shows_the_schema_declaration() -> None:
    text = (ROOT / "SCHEMA.md").read_text(encoding="utf-8")
    assert markdown_table() in text, "SCHEMA.md's table differs from pcli/base/schema.py: paste markdown_table()"


def test_exported_tables_and_json_records_have_the_schema_keys(tmp_path: Path) -> None:
    folder = tmp_path / "tables"
    assert run("export", "--format", "csv", "-o", str(folder)).exit_code == 0
    for table in ("programmes", "documents", "agencies", "places", "sources"):
        header = next(csv.reader((folder / f"{table}.csv").read_text(encoding="utf-8").splitlines()))
        assert tuple(header) == flat_columns(table)
    data = run("export", "--format", "json").json()
    for table in ("sources", "topics", "units", "indicators"):
        declared = {f.name for f in KINDS[table].fields}
        assert all(set(record) == declared for record in data[table]), table


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_three_languages_with_the_same_values() -> None:
    for key, texts in catalogue().items():
        assert len(texts) == 3 and all(t.strip() for t in texts), key
        assert _placeholders(texts[1]) == _placeholders(texts[0]) == _placeholders(texts[2]), key


def test_every_message_the_code_asks_for_is_in_the_catalogue() -> None:
    asked = set()
    pattern = re.compile(r"""(?<![.\w])(?:Msg|say|word|UsageError|FactBaseError\(\w+,)\(\s*["']([a-z_0-9]+)["']""")
    for path in PACKAGE.rglob("*.py"):
        asked.update(pattern.findall(path.read_text(encoding="utf-8")))
    assert len(asked) > 50
    missing = sorted(asked - set(catalogue()))
    assert not missing, missing


def _strings_and_prefixes() -> tuple[set[str], set[str]]:
    """Every string the code holds, and the prefixes of the keys it builds (`f"col_{column}"` gives "col_")."""
    strings, prefixes = set(), set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                strings.add(node.value)
            elif isinstance(node, ast.JoinedStr) and len(node.values) > 1:
                first = node.values[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str) and first.value.endswith("_"):
                    prefixes.add(first.value)
    return strings, prefixes


def _values_of(data: object) -> set[str]:
    """Every key and text of the bundled base (its kinds and statuses name catalogue keys: v_communes)."""
    if isinstance(data, dict):
        return set(data) | {v for value in data.values() for v in _values_of(value)}
    if isinstance(data, list):
        return {v for value in data for v in _values_of(value)}
    return {data} if isinstance(data, str) else set()


def test_every_message_of_the_catalogue_is_used_by_the_code() -> None:
    """The reverse of the check above: a key is named whole in the code, or built from a prefix the code builds
    keys from and a name the code or the bundled base holds (col_ and a column, v_ and a kind or status)."""
    import tomllib

    strings, prefixes = _strings_and_prefixes()
    names = strings | _values_of(tomllib.loads((ROOT / "facts.toml").read_text(encoding="utf-8")))

    def built(key: str) -> bool:
        for prefix in (p for p in prefixes if key.startswith(p)):
            rest = key[len(prefix) :]
            if rest in names or any(rest[:i] in names and rest[i + 1 :] in names for i, c in enumerate(rest) if c == "_"):
                return True
        return False

    helps = {key for key in catalogue() if key.startswith("help_")}  # held by tests/test_languages.py
    unused = sorted(key for key in catalogue() if key not in strings and not built(key) and key not in helps)
    assert not unused, unused


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_downwards_and_frameworks_stay_in_their_rooms(path: Path) -> None:
    room = _room(path)
    for name in _imports(path):
        if name.startswith("pcli."):
            target = name.split(".")[1]
            assert LAYERS[target] <= LAYERS[room], f"{path.name} ({room}) imports {name} from a room above it"
        if name.split(".")[0] == "typer":
            assert room == "cli", f"only the CLI imports Typer, not {path}"
        if name.split(".")[0] == "rich":
            assert path.name.startswith("terminal") or path.name == "progress.py", (
                f"only the terminal output imports Rich, not {path}"
            )


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_and_functions_stay_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count("\n") <= 400, f"{path} has {text.count(chr(10))} lines"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= 60, f"{path}:{node.lineno} {node.name} has {length} lines"


def test_lang_reaches_errors_and_misses() -> None:
    bad = run("query", "", "--lang", "vi")
    assert bad.exit_code == 2 and bad.stderr.startswith("Lỗi: câu hỏi trống"), bad.output
    miss = run("query", "poor households 2019", "--lang", "id")
    assert miss.exit_code == 1 and miss.stderr.startswith("Tidak ada angka"), miss.output
    compare = run("compare", "2019", "2020", "--lang", "vi")
    assert compare.exit_code == 1 and "Không có chỉ tiêu" in compare.stderr, compare.output


def test_diacritics_are_folded_in_one_place() -> None:
    """pcli/text.py holds the folds; no other module maps đ or decomposes letters itself."""
    from pcli.text import fold, fold_keep

    text = "Hộ nghèo ĐẾN cuối năm 2024 – QĐ-UBND"
    assert fold(text) == "ho ngheo den cuoi nam 2024 qd ubnd"
    assert fold_keep(text) == "ho ngheo den cuoi nam 2024 - qd-ubnd" and len(fold_keep(text)) == len(text)
    for path in PACKAGE.rglob("*.py"):
        if path.name != "text.py":
            source = path.read_text(encoding="utf-8")
            assert not re.search(r'"NFKD"|"đ"\s*:|replace\("đ"', source), f"{path} folds letters itself"
