"""Broken fact bases: one line on stderr with file and line, exit 2; validate lists every problem."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MINIMAL, cases, pcli, run, run_unprivileged, write


def test_minimal_base_is_valid(tmp_path: Path) -> None:
    result = run("validate", "--facts", write(tmp_path, MINIMAL))
    assert result.exit_code == 0, result.output


def _line_of(text: str, part: str) -> int:
    return text[: text.index(part)].count("\n") + 1


BROKEN = cases(r"""
value = 690 | value = "many" | value: expected a number
value = 690 | value = nan | expected a finite number
value = 690 | value = inf | expected a finite number
value = 690 | value = true | expected a number
period = "2023" | period = "2023-13" | month 13
period = "2023" | period = "last year" | is not a period
source = "s" | source = "t" | unknown source 't'
unit = "households"\nlabel = { en = "Poor | unit = "househols"\nlabel = { en = "Poor | did you mean 'households'
indicator = "poor_households"\nvalue | indicatr = "poor_households"\nvalue | did you mean 'indicator'
kind = "count" | kind = "counts" | did you mean 'count'
""")


@pytest.mark.parametrize(("old", "new", "message"), BROKEN)
def test_each_broken_field_is_named_with_its_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in MINIMAL
    text = MINIMAL.replace(old, new, 1)
    line = _line_of(text, new)
    path = write(tmp_path, text)
    result = run("validate", "--facts", path)
    assert result.exit_code == 2, result.output
    assert f"{path}:{line}:" in result.stderr and message in result.stderr, result.output
    shown = run("query", "poor households", "--facts", path)
    assert shown.exit_code == 2 and shown.stderr.startswith("Error: ") and shown.stderr.count("\n") == 1, shown.output
    first = result.stderr.splitlines()[0]
    assert shown.stderr.startswith(f"Error: {first}"), (first, shown.output)


def test_validate_reports_all_problems_at_once(tmp_path: Path) -> None:
    text = MINIMAL.replace("value = 690", 'value = "many"').replace('period = "2023"', 'period = "20x3"')
    text += text[text.index("[[figures]]") :].replace('value = "many"', "value = 1")  # a duplicate id
    path = write(tmp_path, text)
    result = run("validate", "--facts", path)
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith(path)]
    assert len(lines) >= 4, result.output
    assert any("duplicate id 'poor-2023'" in line for line in lines)


def test_toml_syntax_error_has_line_and_column(tmp_path: Path) -> None:
    text = MINIMAL.replace("value = 690", "value = = 690")
    path = write(tmp_path, text)
    for args in (("validate",), ("show",)):
        result = run(*args, "--facts", path)
        assert result.exit_code == 2
        assert f"{path}:{_line_of(text, 'value = = 690')}:" in result.stderr and "column" in result.stderr, result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n", "is empty"),
        (b"\x00\x01\x02binary", "binary"),
        ("title = 'caf\u00e9'".encode("latin-1"), "not UTF-8"),
        (b"title = 'no figures'\n", "no figures"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_bytes(content)
    for command in ("validate", "show"):
        result = pcli(command, "--facts", str(path))
        assert result.exit_code == 2, result.output
        assert message in result.stderr and "Traceback" not in result.stderr, result.output


def test_missing_file_directory_and_env_var(tmp_path: Path) -> None:
    missing = pcli("show", "--facts", str(tmp_path / "nope.toml"))
    assert missing.exit_code == 2 and "no such file" in missing.stderr
    directory = pcli("show", "--facts", str(tmp_path))  # a folder is its bases: this one holds none
    assert directory.exit_code == 2 and "no .toml fact base" in directory.stderr
    env = pcli("show", env={"PCLI_FACTS": str(tmp_path / "env.toml")})
    assert env.exit_code == 2 and "env.toml" in env.stderr


def test_sources_proof_catches_a_wrong_number_and_a_paraphrase(tmp_path: Path) -> None:
    from conftest import FACTS, SOURCES

    if not SOURCES.is_dir():
        pytest.skip("../shared/sources is not beside the checkout")
    text = FACTS.read_text(encoding="utf-8")
    wrong = text.replace("value = 2134\n", "value = 2143\n", 1)
    paraphrased = text.replace("giảm còn 690 hộ (0,03%)", "giảm xuống 690 hộ (0,03%)", 1)
    scaled = text.replace("value = 49400000000\n", "value = 49.4\n", 1)
    for changed, message in (
        (wrong, "poor-households-2022: value: the base claims 2143"),
        (paraphrased, "quote not found verbatim"),
        (scaled, "livelihood-project-budget: value: the base claims 49.4"),
    ):
        assert changed != text
        path = write(tmp_path, changed)
        result = run("validate", "--facts", path, "--sources", str(SOURCES))
        assert result.exit_code == 2, result.output
        assert message in result.stderr, result.output


def test_very_large_file_is_refused_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pcli.base.tomlfile

    monkeypatch.setattr(pcli.base.tomlfile, "MAX_BYTES", 200)
    result = run("show", "--facts", write(tmp_path, MINIMAL), "--format", "json", env={"PCLI_CACHE": "off"})
    assert result.exit_code == 2 and "too large" in result.stderr, result.output


def test_unreadable_file(shared_dir: Path) -> None:
    """As a user who may not read the file (nobody, when the tests run as root)."""
    path = write(shared_dir, MINIMAL)
    Path(path).chmod(0)
    result = run_unprivileged("show", "--facts", path, env={"PCLI_CACHE": "off"})
    assert result.exit_code == 2 and "permission denied" in result.stderr, result.output


@pytest.mark.parametrize("documents", ['[[documents]]\nnumber = "1/2021"\n', "documents = 5\n"])
def test_programme_pointing_at_malformed_documents(tmp_path: Path, documents: str) -> None:
    programme = (
        '[[programmes]]\nid = "p"\nkind = "programme"\nname = { en = "P", vi = "P", id = "P" }\n'
        'documents = ["d"]\ncitations = [{ source = "s", quote = "q" }]\n'
    )
    text = (documents + MINIMAL + programme) if documents.startswith("documents") else (MINIMAL + programme + documents)
    result = run("validate", "--facts", write(tmp_path, text))
    assert result.exit_code == 2 and "unknown document 'd'" in result.stderr, result.output
