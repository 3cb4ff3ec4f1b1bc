"""An export of several files (a database and its metadata.json; a folder of tables and its data package) is
written together or not at all (issue 25, case 9): built in a temporary folder beside the targets and renamed
into place together; a metadata.json that is not pcli's is never replaced without --force."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, pcli_signalled_at_rename, run


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder of its own (tmp_path holds the test's cache)."""
    (tmp_path / "out").mkdir()
    return tmp_path / "out"


def _state(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Each file of a folder by name: its inode (a rename changes it) and its bytes."""
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in sorted(folder.iterdir())}


def _export_limited(limit: int, *args: str) -> subprocess.CompletedProcess[str]:
    """pcli export in a subprocess that may write no file larger than `limit` bytes, as a disk that fills up
    part-way (Python ignores SIGXFSZ: the write fails with EFBIG)."""

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "PCLI_CACHE": "off"}
    return subprocess.run([sys.executable, "-m", "pcli", "export", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, preexec_fn=limited, timeout=120)  # fmt: skip


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_a_folder_export_that_fails_part_way_leaves_every_old_file(out: Path, fmt: str) -> None:
    folder = out / "tables"
    assert run("export", "--format", fmt, "-o", str(folder)).exit_code == 0
    before = _state(folder)
    limit = len(before[f"figures.{fmt}"][1])  # the first table fits; a larger one further on does not
    assert max(len(data) for _, data in before.values()) > limit
    result = _export_limited(limit, "--format", fmt, "-o", str(folder))
    assert result.returncode == 2 and "cannot write" in result.stderr and "Traceback" not in result.stderr, result
    assert _state(folder) == before
    assert [p.name for p in out.iterdir()] == ["tables"]  # no temporary folder left


def test_a_new_folder_that_fails_part_way_is_not_made(out: Path) -> None:
    assert run("export", "--format", "csv", "-o", str(out / "first")).exit_code == 0
    limit = (out / "first" / "figures.csv").stat().st_size
    result = _export_limited(limit, "--format", "csv", "-o", str(out / "second"))
    assert result.returncode == 2 and "cannot write" in result.stderr, result
    assert [p.name for p in out.iterdir()] == ["first"]


def test_a_new_folder_is_made_whole(out: Path) -> None:
    result = run("export", "--format", "csv", "-o", str(out / "tables"))
    assert result.exit_code == 0 and result.stderr == "", result.output
    names = {p.name for p in (out / "tables").iterdir()}
    assert {"figures.csv", "sources.csv", "indicators.csv", "datapackage.json"} <= names
    package = json.loads((out / "tables" / "datapackage.json").read_text(encoding="utf-8"))
    assert {f"{r['name']}.csv" for r in package["resources"]} == names - {"datapackage.json"}
    assert [p.name for p in out.iterdir()] == ["tables"]


def test_a_database_and_its_metadata_are_renamed_together(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The metadata.json rename fails after the database's: the old database is put back, as it was."""
    assert run("export", "--format", "sqlite", "-o", str(out / "pub.db")).exit_code == 0
    before = _state(out)
    real_replace = os.replace

    def failing(src: str, dst: str) -> None:
        if str(dst).endswith("metadata.json"):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", failing)
    result = run("export", "--format", "sqlite", "-o", str(out / "pub.db"))
    monkeypatch.undo()
    assert result.exit_code == 2 and "No space left on device" in result.stderr, result.output
    assert _state(out) == before


def test_a_metadata_json_that_is_not_pcli_s_is_kept_unless_forced(out: Path) -> None:
    theirs = '{"title": "My datasette", "databases": {"mine": {}}}\n'
    (out / "metadata.json").write_text(theirs, encoding="utf-8")
    result = run("export", "--format", "sqlite", "-o", str(out / "pub.db"))
    assert result.exit_code == 2 and "--force" in result.stderr and "metadata.json" in result.stderr, result.output
    assert [p.name for p in out.iterdir()] == ["metadata.json"]
    assert (out / "metadata.json").read_text(encoding="utf-8") == theirs
    result = run("export", "--format", "sqlite", "-o", str(out / "pub.db"), "--force")
    assert result.exit_code == 0 and "replaced the metadata.json" in result.stderr, result.output
    meta = json.loads((out / "metadata.json").read_text(encoding="utf-8"))
    assert list(meta["databases"]) == ["pub"]


def test_pcli_s_own_metadata_is_replaced_and_said(out: Path) -> None:
    assert run("export", "--format", "sqlite", "-o", str(out / "pub.db")).stderr == ""
    result = run("export", "--format", "sqlite", "-o", str(out / "pub.db"), "--lang", "vi")
    assert result.exit_code == 0 and "metadata.json" in result.stderr and "đã thay" in result.stderr, result.output
    assert sorted(p.name for p in out.iterdir()) == ["metadata.json", "pub.db"]
    other = run("export", "--format", "sqlite", "-o", str(out / "other.db"))  # another database's metadata
    assert other.exit_code == 2 and not (out / "other.db").exists(), other.output


@pytest.mark.parametrize(
    ("fmt", "target", "renamed"),
    [("sqlite", "pub.db", "metadata.json"), ("csv", "tables", "tables/sources.csv"), ("tsv", "tables", "tables/units.tsv")],
)
def test_a_signal_between_two_renames_puts_the_old_files_back(out: Path, fmt: str, target: str, renamed: str) -> None:
    """SIGTERM as the second file of an export is renamed into place: the first is put back as it was."""
    import signal

    assert run("export", "--format", fmt, "-o", str(out / target)).exit_code == 0
    files = out / target if fmt != "sqlite" else out
    before = _state(files)
    result = pcli_signalled_at_rename(signal.SIGTERM, out / renamed, "export", "--format", fmt, "-o", str(out / target))
    assert result.exit_code == 128 + signal.SIGTERM, result.output
    assert _state(files) == before and sorted(p.name for p in out.iterdir()) == sorted(before if fmt == "sqlite" else [target])


def test_a_signal_as_a_new_folder_is_renamed_into_place_leaves_nothing(out: Path) -> None:
    import signal

    result = pcli_signalled_at_rename(signal.SIGHUP, out / "tables", "export", "--format", "csv", "-o", str(out / "tables"))
    assert result.exit_code == 128 + signal.SIGHUP, result.output
    assert list(out.iterdir()) == []
