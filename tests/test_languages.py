"""Every word in the reader's language (issue 26, item 3): `--help` of every command, Click's usage errors and
range messages, TOML errors with their line and column, extract's kinds and statuses."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest
import typer.main
from conftest import FACTS, on_pty, pcli, run, write

from pcli.cli.app import app
from pcli.cli.helptext import help_key, paragraphs
from pcli.messages import catalogue

COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


@cache
def _tree() -> list[tuple[str, str | None, str]]:
    """(command, option or None, English help) of every help text the command line has."""
    root = typer.main.get_command(app)
    out: list[tuple[str, str | None, str]] = [("pcli", None, root.help or ""), ("pcli", "epilog", root.epilog or "")]
    for name, command in [("pcli", root), *root.commands.items()]:  # type: ignore[attr-defined]
        if name != "pcli":
            out.append((name, None, command.help or ""))
        out += [(name, p.name, p.help) for p in command.params if getattr(p, "help", None)]
    return out


def test_every_help_text_is_in_the_catalogue_as_the_code_says_it() -> None:
    used = set()
    for command, param, english in _tree():
        key = help_key(command, param)
        assert key is not None, (command, param, english)
        said = f"help of {command} {param or ''} changed: say it in {key} of pcli/messages.tsv, in all three languages"
        assert catalogue()[key][0] == paragraphs(english), (said, english)
        used.add(key)
    assert sorted(key for key in catalogue() if key.startswith("help_") and key not in used) == []


@pytest.mark.parametrize("lang", ["vi", "id"])
@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_s_help_is_in_the_reader_s_language(command: str, lang: str) -> None:
    result = run("--lang", lang, command, "--help")
    assert result.exit_code == 0, result.output
    shown = " ".join(result.stdout.split())
    for name, param, text in _tree():
        if name == command or (name == "pcli" and param in ("facts", "lang")):
            said = catalogue()[str(help_key(name, param))][("en", "vi", "id").index(lang)]
            assert " ".join(said.split("\\n\\n")[0].split()[:5]) in shown, (said, result.stdout)
            if param is None:  # the command's own help: none of its English is left
                assert " ".join(paragraphs(text).split()[:6]) not in shown, (text, result.stdout)
    for words in ("Usage:", "Options:", "Arguments:", "Show this message", "[required]", "default:", "[OPTIONS]", "<str>",
                  "<int range>"):  # fmt: skip
        assert words not in result.stdout, (words, result.stdout)
    assert run(command, "--help").stdout.startswith("Usage: "), "the English help is English again after"


def test_help_follows_pcli_lang_and_the_root_lists_commands_in_it() -> None:
    result = pcli("--help", env={"PCLI_LANG": "id"})
    first = result.stdout.splitlines()[0]
    assert result.exit_code == 0 and first.startswith("Penggunaan: ") and "[OPSI] PERINTAH" in first, result.stdout
    assert "Perintah:" in result.stdout and "Commands:" not in result.stdout
    assert "Jawab pertanyaan" in result.stdout  # query's short help, from its translated help
    vi = pcli("query", "--help", env={"PCLI_LANG": "vi"})
    assert vi.stdout.startswith("Cách dùng: ") and "query [TÙY CHỌN]" in vi.stdout and "[bắt buộc]" in vi.stdout


@pytest.mark.parametrize(
    ("args", "vi_words"),
    [
        (["query", "x", "--limit", "0"], "phải từ 1 đến 10000, không phải 0"),
        (["query", "x", "--limit", "20000"], "phải từ 1 đến 10000, không phải 20000"),
        (["querx"], "Không có lệnh 'querx'. Có phải ý bạn là 'query'?"),
        ([], "Thiếu lệnh"),
    ],
)
def test_click_s_usage_errors_are_said_in_the_reader_s_language(args: list[str], vi_words: str) -> None:
    result = pcli("--lang", "vi", *args) if args else pcli("--lang", "vi")
    assert result.exit_code == 2 and result.stderr.startswith("Lỗi: ") and vi_words in result.stderr, result.stderr
    for english in ("is not in the range", "No such command", "Did you mean", "Missing command"):
        assert english not in result.stderr


@pytest.mark.parametrize(
    ("text", "line", "column", "vi_words"),
    [
        ('schema = 1\ntitle = "x\n', 2, 11, "không được phép"),
        ("schema = 1\ntitle = x\n", 2, 9, "chuỗi cần dấu ngoặc kép"),
        ("schema = 1\nschema = 2\n", 2, 11, "hai lần"),
        ("[a]\nb = 1\n[a]\n", 3, 3, "a được khai báo hai lần"),
        ("schema = 1\nx = { a = 1\ny = 2\n", 3, 1, "bảng nội tuyến { … } không được đóng"),
    ],
)
def test_toml_errors_say_their_line_and_column_in_the_reader_s_language(
    tmp_path: Path, text: str, line: int, column: int, vi_words: str
) -> None:
    facts = write(tmp_path, text)
    result = run("get", "x", "--facts", facts, "--lang", "vi")
    assert result.exit_code == 2, result.output
    assert f"{facts}:{line}: lỗi cú pháp TOML: " in result.stderr and f"(cột {column})" in result.stderr, result.stderr
    assert vi_words in result.stderr, result.stderr
    for english in ("Illegal", "Invalid", "Cannot", "twice", "Expected"):
        assert english not in result.stderr, result.stderr


def test_extract_s_kinds_and_statuses_are_in_the_reader_s_language() -> None:
    result = run("extract", "examples/lakeside-example.txt", "--lang", "vi", "--format", "table")
    assert result.exit_code == 0, result.output
    screen = result.stdout
    assert "năm" in screen and "số liệu" in screen and "mới" in screen, screen
    for english in (" year ", " figure ", " new "):
        assert english not in screen, screen
    machine = run("extract", "examples/lakeside-example.txt", "--lang", "vi", "--format", "tsv").rows()
    assert {"figure", "year"} <= {row[machine[0].index("kind")] for row in machine[1:]}  # machine rows keep ids


def test_a_document_s_issuer_is_named_in_the_reader_s_language() -> None:
    screen = run("show", "documents", "--format", "table", "--lang", "vi").stdout
    assert "Quốc hội" in screen and "national-assembly" not in screen, screen


@pytest.mark.parametrize("lang", ["en", "vi", "id"])
def test_a_query_card_and_markdown_name_each_document_s_issuer_in_the_reader_s_language(lang: str) -> None:
    """On a real terminal (the card of a query's document answer) and in Markdown to paste (get, show); the
    machine formats keep the issuer's id, which scripts join on."""
    import tomllib

    base = tomllib.loads(FACTS.read_text(encoding="utf-8"))
    agencies = {a["id"]: a for a in base["agencies"]}
    env = {**os.environ, "COLUMNS": "200", "LINES": "40", "TERM": "xterm-256color", "PAGER": ""}
    pasted = run("show", "documents", "--format", "markdown", "--lang", lang).stdout
    for document in base["documents"]:
        agency = agencies[document["issuer"]]
        code, card = on_pty(["query", document["number"], "--kind", "document", "--lang", lang], env)
        assert code == 0 and f": {agency['name'][lang]}" in card and agency["id"] not in card, card
        one = run("get", document["id"], "--format", "markdown", "--lang", lang).stdout
        assert f"| {agency['name'][lang]} |" in one and agency["id"] not in one, one
        assert f"| {document['id']} | {document['number']} | {document['kind']} | {agency['name'][lang]} |" in pasted
        assert agency["id"] in run("get", document["id"], "--format", "tsv").rows()[1]


def test_a_toml_error_at_the_end_of_the_file_is_said_in_the_reader_s_language(tmp_path: Path) -> None:
    result = run("get", "x", "--facts", write(tmp_path, "schema = 1\nx = { a = 1\n"), "--lang", "vi")
    assert result.exit_code == 2 and "không được đóng" in result.stderr and "Unclosed" not in result.stderr, result.stderr
