"""Robustness: no stale answer, no traceback, no destroyed file, bounded input, whatever the files and the
machine do. Each case runs through the real CLI; the writer and the cache are also fuzzed with hypothesis."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import FACTS, MINIMAL, ROOT, make_big_base, pcli_signalled_at_rename, run, write
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pcli import files

# ----------------------------------------------------------------------------- one writer


def test_an_interrupted_export_leaves_the_old_file(tmp_path: Path) -> None:
    big = make_big_base(tmp_path / "big.toml", 3000)
    target = tmp_path / "prev.json"
    target.write_text('{"old": true}\n', encoding="utf-8")
    result = pcli_signalled_at_rename(signal.SIGINT, target, "export", "-F", "json", "-o", str(target), "--facts",
                                      str(big), env={"PCLI_CACHE": "off"})  # fmt: skip
    assert result.exit_code == 130, result.output
    assert target.read_text(encoding="utf-8") == '{"old": true}\n'
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(old=st.text(max_size=200), new=st.text(max_size=200), cut=st.integers(0, 200), fail=st.booleans())
def test_a_write_leaves_the_old_file_or_the_new_one(tmp_path: Path, old: str, new: str, cut: int, fail: bool) -> None:
    target = tmp_path / "out.txt"
    target.write_text(old, encoding="utf-8", newline="")

    def write_new(out) -> None:  # type: ignore[no-untyped-def]
        out.write(new[:cut])
        if fail:
            raise KeyboardInterrupt
        out.write(new[cut:])

    try:
        files.write_text(str(target), write_new)
    except KeyboardInterrupt:
        pass
    assert target.read_bytes().decode("utf-8") == (old if fail else new)
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_targets_that_are_not_regular_files_are_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "elsewhere.json")
    cases = {"/dev/null": "a device", str(fifo): "a FIFO", str(tmp_path): "a folder", str(link): "a symbolic link",
             str(tmp_path / "missing" / "x.json"): "does not exist"}  # fmt: skip
    for target, message in cases.items():
        for fmt in ("json", "sqlite"):
            result = run("export", "-F", fmt, "-o", target)
            assert result.exit_code == 2 and message in result.stderr, (target, result.output)
    assert not (tmp_path / "elsewhere.json").exists()


def test_dash_means_stdout_and_a_csv_file_gets_the_figures(tmp_path: Path) -> None:
    assert json.loads(run("export", "-F", "json", "-o", "-").stdout)["figures"]
    assert not Path("-").exists()
    existing = tmp_path / "figures.csv"
    existing.write_text("old\n")
    assert run("export", "-F", "csv", "-o", str(existing)).exit_code == 0
    assert existing.read_text(encoding="utf-8").startswith('"id","indicator",')


def test_stdout_on_a_full_disk_is_an_error_not_a_traceback() -> None:
    proc = subprocess.run(f"'{sys.executable}' -m pcli export -F json > /dev/full", shell=True, capture_output=True,
                          text=True, cwd=ROOT)  # fmt: skip
    assert proc.returncode == 2 and "No space left" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


# ----------------------------------------------------------------------------- the cache


def _answer(path: str) -> int:
    return int(run("query", "poor households 2023", "--facts", path, "-F", "json").json()[0]["value"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.integers(100, 999))
def test_same_size_edits_with_times_put_back_are_never_served_stale(tmp_path: Path, value: int) -> None:
    path = write(tmp_path, MINIMAL.replace("690", "100"))
    assert _answer(path) == 100
    before = os.stat(path)
    Path(path).write_text(MINIMAL.replace("690", str(value)), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # touch -r, cp -p, rsync -t
    assert _answer(path) == value


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(offset=st.integers(0, 10**6), noise=st.binary(min_size=1, max_size=64))
def test_damaged_caches_never_crash(tmp_path: Path, offset: int, noise: bytes) -> None:
    expected = run("query", "poor households 2023", "-F", "json").stdout
    for cached in (tmp_path / "cache" / "pcli").glob("*.sqlite"):
        data = bytearray(cached.read_bytes())
        at = offset % len(data)
        data[at : at + len(noise)] = noise
        cached.write_bytes(bytes(data))
    again = run("query", "poor households 2023", "-F", "json")
    assert again.exit_code == 0 and again.stdout == expected, again.output


def test_a_changed_digit_in_a_cached_value_is_never_an_answer(tmp_path: Path) -> None:
    """SQLite cannot see a damaged byte inside a value; the checksum written beside the cache does."""
    expected = run("query", "poor households 2023", "-F", "json").stdout
    (cached,) = (tmp_path / "cache" / "pcli").glob("*.sqlite")
    data = cached.read_bytes()
    assert data.count(b"690") >= 1 and (tmp_path / "cache" / "pcli" / (cached.name + ".sum")).is_file()
    cached.write_bytes(data.replace(b"690", b"691"))
    again = run("query", "poor households 2023", "-F", "json")
    assert again.exit_code == 0 and again.stdout == expected and '"value": 690' in expected, again.output


def test_a_cache_with_the_right_key_but_a_missing_column_is_rebuilt(tmp_path: Path) -> None:
    import sqlite3

    expected = run("query", "poor households 2023", "-F", "json").stdout
    (cached,) = (tmp_path / "cache" / "pcli").glob("*.sqlite")
    db = sqlite3.connect(cached)
    db.execute("ALTER TABLE skips DROP COLUMN reason")
    db.commit()
    db.close()
    assert run("query", "poor households 2023", "-F", "json").stdout == expected


def test_a_fifo_at_the_cache_path_never_hangs(tmp_path: Path) -> None:
    run("show")
    (cached,) = (tmp_path / "cache" / "pcli").glob("*.sqlite")
    cached.unlink()
    os.mkfifo(cached)
    proc = subprocess.run([sys.executable, "-m", "pcli", "query", "poor households 2023"], capture_output=True,
                          text=True, env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}, timeout=30)  # fmt: skip
    assert proc.returncode == 0 and "690" in proc.stdout


def test_a_relative_cache_home_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert run("query", "poor households 2023", env={"XDG_CACHE_HOME": "relative"}).exit_code == 0
    assert not (tmp_path / "relative").exists() and list((tmp_path / "home" / ".cache" / "pcli").glob("*.sqlite"))


def test_edits_replace_their_cache_and_stale_temporaries_go(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    folder = tmp_path / "cache" / "pcli"
    for value in (691, 692, 693):
        Path(path).write_text(MINIMAL.replace("690", str(value)), encoding="utf-8")
        assert _answer(path) == value
    assert len(list(folder.glob("*.sqlite"))) == 1
    stale = folder / ".x.sqlite.1.1.tmp"
    stale.write_bytes(b"left by a killed run")
    os.utime(stale, (1, 1))
    Path(path).write_text(MINIMAL.replace("690", "694"), encoding="utf-8")
    assert _answer(path) == 694 and not stale.exists()


def test_numbers_print_the_same_with_and_without_the_cache(tmp_path: Path) -> None:
    text = MINIMAL.replace('kind = "count"', 'kind = "currency"').replace("value = 690", "value = 100.0")
    text = text.replace('quote = "690 poor households in 2023"', 'quote = "100.0 poor households in 2023"')
    path = write(tmp_path, text)
    for args in (("get", "poor-2023"), ("export",), ("query", "poor households")):
        cold = run(*args, "--facts", path, "-F", "json", env={"PCLI_CACHE": "off"}).stdout
        assert cold == run(*args, "--facts", path, "-F", "json").stdout == run(*args, "--facts", path, "-F", "json").stdout
    assert '"value": 100.0' in run("get", "poor-2023", "--facts", path, "-F", "json").stdout


# ----------------------------------------------------------------------------- values and input


@pytest.mark.parametrize(("old", "new", "message"), [
    ("value = 690", "value = -5", "negative"),
    ("value = 690", "value = 2.5", "not a whole number"),
    ("value = 690", "value = 1180591620717411303424", "beyond what pcli stores"),
    ("value = 690", "value = 1e308", "beyond what pcli stores"),
    ('id = "poor-2023"', 'id = "pоor-2023"', "ASCII"),  # a Cyrillic о
    ('id = "poor-2023"', 'id = "hộ-2023"', "ASCII"),
    ('period = "2023"', 'period = "0000"', "outside 1900-2100"),
    ('period = "2023"', 'period = " 2023 "', "spaces around it"),
])  # fmt: skip
def test_values_that_must_not_validate(tmp_path: Path, old: str, new: str, message: str) -> None:
    result = run("validate", "--facts", write(tmp_path, MINIMAL.replace(old, new, 1)))
    assert result.exit_code == 2 and message in result.stderr, result.output


def test_a_share_over_100_and_two_figures_for_one_period(tmp_path: Path) -> None:
    share = MINIMAL.replace('kind = "count"', 'kind = "percent"').replace("value = 690", "value = 250")
    assert "over 100 %" in run("validate", "--facts", write(tmp_path, share)).stderr
    twice = MINIMAL + MINIMAL[MINIMAL.index("[[figures]]") :].replace("poor-2023", "POOR-2023-b").replace("690", "999")
    result = run("validate", "--facts", write(tmp_path, twice))
    assert result.exit_code == 2 and "same indicator, place, period" in result.stderr and "'poor-2023'" in result.stderr
    cased = MINIMAL + MINIMAL[MINIMAL.index("[[figures]]") :].replace("poor-2023", "POOR-2023").replace('"2023"', '"2022"')
    assert "duplicate id 'POOR-2023'" in run("validate", "--facts", write(tmp_path, cased)).stderr


@pytest.mark.parametrize("text", ["x = " + "[" * 600 + "]" * 600, "x = " + "{a=" * 600 + "1" + "}" * 600,
                                  "a" + ".a" * 40000 + " = 1", "x = { " + "a." * 40000 + "a = 1 }"])  # fmt: skip
def test_hostile_toml_is_refused_quickly(tmp_path: Path, text: str) -> None:
    result = run("validate", "--facts", write(tmp_path, text + "\n"))
    assert result.exit_code == 2 and ("too deeply" in result.stderr or "parts" in result.stderr), result.output


@pytest.mark.parametrize(("args", "message"), [
    (("query", " ".join(f"{y}-{y + 1}" for y in range(1900, 2100, 2))), "periods"),
    (("query", "poor households '23"), "not a year"),
    (("query", "-n", "9223372036854775808", "poor"), "must be from 1 to 10000"),
])  # fmt: skip
def test_queries_beyond_the_bounds_are_usage_errors(args: tuple[str, ...], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2 and message in result.stderr, result.output


def test_a_refused_line_does_not_end_a_batch() -> None:
    ranges = " ".join(f"{y}-{y + 1}" for y in range(1900, 2100, 2))
    rows = run("query", "-", input=f"poor households 2023\n{ranges}\nhộ nghèo 2022\n").rows()
    assert [r[1] for r in rows[1:]] == ["poor-households-2023", "", "poor-households-2022"]


def test_csv_cells_are_safe_for_spreadsheets(tmp_path: Path) -> None:
    evil = MINIMAL.replace('en = "Poor households"', 'en = "=HYPERLINK(\\"http://x\\")"')
    path = write(tmp_path, evil)
    csv_text = run("show", "--facts", path, "-F", "csv").stdout
    assert "'=HYPERLINK" in csv_text and ",690," in csv_text
    assert '\t=HYPERLINK("http://x")\t' in run("show", "--facts", path, "-F", "tsv").stdout


@pytest.mark.parametrize("columns", ["0", "3"])
def test_tiny_or_zero_columns_still_draw(columns: str) -> None:
    from test_output import _pty_run

    code, screen = _pty_run("query", "poor households 2023", env={"COLUMNS": columns})
    assert code == 0 and "690" in screen, screen


def test_the_bundled_base_is_untouched() -> None:
    assert run("validate", "--facts", str(FACTS)).exit_code == 0


def test_the_collector_is_on_while_a_command_runs() -> None:
    """main() imports the app with the garbage collector off; the command itself (a million figures' load, a
    long batch) must run with it on, and what start-up made is frozen."""
    code = (
        "import gc, sys\n"
        "import pcli.commands as c\n"
        "seen = []\n"
        "get = c.get\n"
        "c.get = lambda *a: (seen.append(gc.isenabled()), get(*a))[1]\n"
        "sys.argv = ['pcli', 'get', 'poor-households-2023', '--format', 'json']\n"
        "from pcli.cli import main\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(seen, gc.get_freeze_count() > 0, file=sys.stderr)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert json.loads(proc.stdout)[0]["id"] == "poor-households-2023"
    assert proc.stderr.strip() == "[True] True"


@pytest.mark.parametrize("args", [("show",), ("show", "-F", "json"), ("query", "-")])
def test_a_cache_found_damaged_while_the_answer_is_written_ends_in_one_line(
    args: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """show and query - read the store while they write (after the command has returned): damage SQLite reports
    part-way through a large cache is one line and exit 2, not a traceback, and the cache is gone, so that the
    next run rebuilds it and answers."""
    import sqlite3

    from pcli.store.sqlite import Store

    expected = run(*args, input="poor households 2023\n")
    cached = list((tmp_path / "cache" / "pcli").glob("*.sqlite"))
    assert expected.exit_code == 0 and cached

    def failing(self: Store, *_: object) -> Iterator[object]:
        yield from []
        raise sqlite3.DatabaseError("database disk image is malformed")

    def fails(self: Store, *_: object) -> object:
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Store, "each_figure", failing)
    monkeypatch.setattr(Store, "figures", fails)
    damaged = run(*args, input="poor households 2023\n")
    assert damaged.exit_code == 2, damaged.output
    assert damaged.stderr.count("\n") == 1 and "damaged" in damaged.stderr, damaged.stderr
    assert not any(path.exists() for path in cached)
    monkeypatch.undo()
    again = run(*args, input="poor households 2023\n")
    assert (again.exit_code, again.stdout) == (0, expected.stdout)
