"""Reliability (issue 25): no output lost in silence, no export that half-happens, no temporary file left behind,
no damaged cache trusted, and bounded cost whatever the input."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, drain, make_big_base, pcli, pcli_into_closed_pipe, pcli_signalled_at_rename, run


def _shell(command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, shell=True, capture_output=True, text=True, cwd=ROOT, executable="/bin/bash",
                          timeout=120)  # fmt: skip


# ----------------------------------------------------------------------------- 5. a closed stdout or stdin


@pytest.mark.parametrize("args", ["query 'poor households 2023'", "show", "query 'poor households 2023' -f json",
                                  "export --format jsonl", "cite poor-households-2023"])  # fmt: skip
def test_a_closed_stdout_is_an_error_said_on_stderr(args: str) -> None:
    result = _shell(f"'{sys.executable}' -m pcli {args} >&-")
    assert result.returncode == 2, result
    assert "cannot write the output" in result.stderr and "Traceback" not in result.stderr


def test_a_closed_stdout_does_not_matter_when_nothing_goes_to_it(tmp_path: Path) -> None:
    result = _shell(f"'{sys.executable}' -m pcli export --format json -o '{tmp_path}/all.json' >&-")
    assert result.returncode == 0 and result.stderr == "", result


def test_a_closed_stdin_is_said_not_a_traceback() -> None:
    result = _shell(f"'{sys.executable}' -m pcli query - <&-")
    assert result.returncode == 2 and "stdin is closed" in result.stderr and "Traceback" not in result.stderr, result
    assert result.stdout == "", "nothing on stdout, not even the header"


# ----------------------------------------------------------------------------- 6. a reader that stops early


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv"])
def test_export_into_a_closed_pipe_is_141_as_show_is(fmt: str) -> None:
    result = pcli_into_closed_pipe("export", "--format", fmt)
    assert result.exit_code == 141 and result.stderr == "", result.output
    head = _shell(f"'{sys.executable}' -m pcli export --format {fmt} | head -c 100")
    assert len(head.stdout) == 100 and head.stderr == ""


# ----------------------------------------------------------------------------- 8. damaged caches


def _cache_of(tmp_path: Path) -> Path:
    return max((tmp_path / "cache" / "pcli").glob("*.sqlite"), key=lambda p: p.stat().st_size)


def test_one_changed_digit_in_a_large_cache_is_never_an_answer(tmp_path: Path) -> None:
    """A cache over 8 MiB, checked only in part before: a value changed by a write is found whatever the size."""
    import sqlite3

    facts = str(make_big_base(tmp_path / "big.toml", 32_000))
    value = run("get", "gen-12345", "--facts", facts, "-F", "json").json()[0]["value"]
    cached = _cache_of(tmp_path)
    assert cached.stat().st_size > 8 * 2**20
    db = sqlite3.connect(cached)
    db.execute("UPDATE figures SET value_text = '9' || substr(value_text, 2) WHERE id = 'gen-12345'")
    db.commit()
    db.close()
    again = run("get", "gen-12345", "--facts", facts, "-F", "json")
    assert again.exit_code == 0 and again.json()[0]["value"] == value, again.output


def _rot(cached: Path) -> None:
    """Damage a page of the figures table as a failing disk would, without a write pcli could see: the stat
    recorded beside the cache is made the damaged file's own, its checksum is left as it was."""
    import os
    import sqlite3

    db = sqlite3.connect(cached)
    (page,) = db.execute("SELECT pageno FROM dbstat WHERE name = 'figures' AND pagetype = 'leaf' ORDER BY pageno "
                         "LIMIT 1 OFFSET 5").fetchone()  # fmt: skip
    size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    with open(cached, "r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(b"\xff" * size)
    crc = Path(f"{cached}.sum").read_text(encoding="utf-8").split()[0]
    st = os.stat(cached)
    Path(f"{cached}.sum").write_text(f"{crc} {st.st_size} {st.st_mtime_ns} {st.st_ctime_ns} {st.st_ino}", encoding="utf-8")


LAKESIDE = str(ROOT / "examples" / "lakeside-example.txt")


@pytest.mark.parametrize("args", [("export", "--format", "json"), ("export", "--format", "jsonl"), ("show",),
                                  ("show", "--format", "json"), ("extract", LAKESIDE)])  # fmt: skip
def test_a_cache_damaged_past_its_checks_ends_the_run_once_and_is_rebuilt(tmp_path: Path, args: tuple[str, ...]) -> None:
    facts = str(make_big_base(tmp_path / "big.toml", 3_000))
    expected = pcli(*args, "--facts", facts, env={"PCLI_CACHE": "off"})
    assert pcli("get", "gen-1", "--facts", facts).exit_code == 0  # the cache is built
    _rot(_cache_of(tmp_path))
    damaged = pcli(*args, "--facts", facts)
    assert damaged.exit_code == 2 and "Traceback" not in damaged.stderr, damaged.output
    assert damaged.stderr.count("cache was found damaged") == 1 and len(damaged.stderr.splitlines()) == 1
    assert damaged.stdout != expected.stdout and len(damaged.stdout) < len(expected.stdout)  # never run twice
    if args[-1] == "jsonl":
        tables = [line.split('"', 4)[3] for line in damaged.stdout.splitlines()]
        assert len(set(tables)) == len(dict.fromkeys(t for i, t in enumerate(tables) if i == 0 or tables[i - 1] != t))
    again = pcli(*args, "--facts", facts)
    assert again.exit_code == expected.exit_code and again.stdout == expected.stdout, again.output


# ----------------------------------------------------------------------------- 7. progress never takes stdout


def _stderr_on_a_pty(command: list[str], stdout: Path) -> tuple[int, str]:
    """Run with stdout into a file and stderr (and stdin) on a real pseudo-terminal, as `cmd > out.tsv` is typed."""
    import os
    import pty

    master, slave = pty.openpty()
    with open(stdout, "wb") as out:
        proc = subprocess.Popen(command, stdin=slave, stdout=out, stderr=slave, cwd=ROOT,
                                env={**os.environ, "TERM": "xterm-256color"})  # fmt: skip
    os.close(slave)
    screen = drain(master)
    return proc.wait(timeout=120), screen


# The spinner is started at once, and the lines are written only once it runs (its refresh thread is there).
_WHILE_SPINNING = """
import sys, threading, time
from pcli.output.progress import slow
with slow("reading", delay=0):
    while not any(type(t).__name__ == "_RefreshThread" for t in threading.enumerate()):
        time.sleep(0.005)
    for n in range(500):
        print(f"line {n}")
"""


def test_what_is_written_while_the_spinner_runs_goes_to_stdout(tmp_path: Path) -> None:
    code, screen = _stderr_on_a_pty([sys.executable, "-c", _WHILE_SPINNING], tmp_path / "out.txt")
    assert code == 0, screen
    assert (tmp_path / "out.txt").read_text().splitlines() == [f"line {n}" for n in range(500)]
    assert "line 1" not in screen and "reading" in screen  # the spinner ran, on the terminal only


def test_extract_into_a_file_from_a_terminal_writes_every_row_to_the_file(tmp_path: Path) -> None:
    article = tmp_path / "big.txt"
    paragraph = "In 2023 Lakeside counted 412 poor households, 3.2% of all households, and 1,250 jobs.\n\n"
    article.write_text(paragraph * 1_000, encoding="utf-8")
    expected = pcli("extract", str(article)).stdout
    code, screen = _stderr_on_a_pty([sys.executable, "-m", "pcli", "extract", str(article)], tmp_path / "out.tsv")
    assert code == 0, screen
    assert (tmp_path / "out.tsv").read_text(encoding="utf-8") == expected
    assert "412" not in screen


# ----------------------------------------------------------------------------- 9. an export that half-happens


def test_a_database_to_stdout_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "pcli", "export", "--format", "sqlite", "-o", "-"], cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)  # fmt: skip
    assert result.returncode == 2 and "not written to stdout" in result.stderr, result
    assert list(tmp_path.iterdir()) == []


# ----------------------------------------------------------------------------- 12, 13. bounded cost


def test_an_over_long_line_on_stdin_is_cut_and_refused_not_echoed() -> None:
    from pcli.answer.query import MAX_QUERY

    result = pcli("query", "-", input="a" * 3_000_000 + "\npoor households 2023\n")
    assert result.exit_code == 0, result.output[:500]
    rows = result.stdout.splitlines()
    assert len(result.stdout) < 10_000 and len(rows) == 3 and len(rows[1].split("\t")[0]) == MAX_QUERY + 1
    assert "poor-households-2023" in rows[2] and "at most 1000" in result.stderr


def test_lines_of_a_stream_are_cut_at_the_limit_as_they_come(tmp_path: Path) -> None:
    from pcli.lines import line_groups

    stream = tmp_path / "stdin"
    stream.write_text("x" * 200_000 + "\nshort\r\n" + "y" * 50, encoding="utf-8", newline="")
    with open(stream, encoding="utf-8", newline="") as r:
        lines = [line for group in line_groups(r, 1000) for line in group]
    assert lines == ["x" * 1001, "short", "y" * 50]


@pytest.mark.parametrize("text", ["1" * 1_100_000, "412 poor households. " * 60_000 + "\n\nEnd 7.\n"])
def test_an_article_with_a_line_longer_than_the_bound_is_refused_before_a_row(tmp_path: Path, text: str) -> None:
    """One line of over a million bytes (digits without a newline, one pasted 1.2 MB line) is not an article's
    paragraph: one line naming the file and line on stderr, exit 2, nothing on stdout; the file is not read on."""
    article = tmp_path / "one-line.txt"
    article.write_text("Hanoi had 690 poor households in 2023.\n\n" + text, encoding="utf-8")
    result = run("extract", str(article), "--source-lang", "en", "--format", "tsv")
    assert result.exit_code == 2 and result.stdout == "", result.output
    assert result.stderr.count("\n") == 1 and f"{article}:3:" in result.stderr and "1048576" in result.stderr


def test_a_long_paragraph_is_read_with_every_line_and_column_right(tmp_path: Path) -> None:
    """A paragraph of many lines, and a sentence of thousands of characters with no end, are read whole: each
    number at its own line and column (counted on as the numbers come, not from the paragraph's start each time)."""
    lines = [f"Commune {i} had {1000 + i} poor households in 2023, and {7000 + i} near-poor ones." for i in range(3000)]
    article = tmp_path / "long.txt"
    article.write_text("\n".join(lines) + "\n\n" + "In 2024 the city counted 412 poor households, " * 300 + "\n",
                       encoding="utf-8")  # fmt: skip
    result = run("extract", str(article), "--source-lang", "en", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = {(r["line"], r["column"]): r for r in result.json() if r["kind"] == "figure"}
    for i in (0, 1234, 2999):
        line = lines[i]
        assert rows[(i + 1, line.index(str(1000 + i)) + 1)]["value"] == 1000 + i
        assert rows[(i + 1, line.index(str(7000 + i)) + 1)]["period"] == "2023"
    last = [r for (n, _), r in rows.items() if n == 3002]
    assert len(last) == 300 and all(r["value"] == 412 and r["period"] == "2024" for r in last)


def test_a_sentence_without_an_end_is_read_in_bounded_pieces() -> None:
    from pcli.articles.sentences import MAX_SENTENCE, sentences

    text = "There were 412 poor households " * 1000
    pieces = list(sentences(text))
    assert all(b - a <= MAX_SENTENCE for a, b in pieces) and len(pieces) > 10
    assert "".join(text[a:b] for a, b in pieces) == text.rstrip()  # cut only at spaces, nothing lost


# ----------------------------------------------------------------------------- code review: cite's suggestions


def test_cite_suggests_only_ids_it_takes() -> None:
    result = run("cite", "poor_household")
    assert result.exit_code == 2 and "Did you mean" in result.stderr, result.output
    assert "poor_households," not in result.stderr and "poor-households-2023" in result.stderr


# ----------------------------------------------------------------------------- 10. signals clean up


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_a_signal_during_an_export_leaves_no_temporary_file(tmp_path: Path, signame: str) -> None:
    import signal

    facts = str(make_big_base(tmp_path / "big.toml", 2_000))
    out = tmp_path / "out"
    out.mkdir()
    signum = getattr(signal, signame)
    result = pcli_signalled_at_rename(signum, out / "all.jsonl", "export", "--facts", facts, "-f", "jsonl", "-o",
                                      str(out / "all.jsonl"))  # fmt: skip
    assert result.exit_code == 128 + signum, result.output
    assert list(out.iterdir()) == []


def test_an_export_whose_second_file_is_a_link_writes_nothing(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("{}", encoding="utf-8")
    (tmp_path / "metadata.json").symlink_to(elsewhere)
    result = run("export", "--format", "sqlite", "-o", str(tmp_path / "pub.db"))
    assert result.exit_code == 2 and "symbolic link" in result.stderr, result.output
    assert not (tmp_path / "pub.db").exists() and elsewhere.read_text(encoding="utf-8") == "{}"
    folder = tmp_path / "tables"
    assert run("export", "--format", "csv", "-o", str(folder)).exit_code == 0
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    (folder / "sources.csv").unlink()
    (folder / "sources.csv").symlink_to(elsewhere)
    result = run("export", "--format", "csv", "-o", str(folder))
    assert result.exit_code == 2 and "symbolic link" in result.stderr, result.output
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir() if not p.is_symlink()} == {
        n: t for n, t in before.items() if n != "sources.csv"}  # fmt: skip
