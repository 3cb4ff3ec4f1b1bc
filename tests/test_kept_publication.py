"""`export --format sqlite` publishes the copy of the publication kept beside the cache (pcli/store/published.py)
when it is this base's in this language and whole; otherwise it builds the publication again. The kept copy is
the very database a build writes."""

from __future__ import annotations

import os
import sqlite3
import zlib
from pathlib import Path

from conftest import FACTS, run


def _export(folder: Path, *args: str, env: dict[str, str] | None = None) -> bytes:
    folder.mkdir(exist_ok=True)
    database = folder / "pcli.db"
    result = run("export", "--format", "sqlite", "-o", str(database), *args, env=env)
    assert result.exit_code == 0, result.output
    return database.read_bytes()


def _kept(tmp_path: Path, lang: str = "en") -> Path:
    [kept] = (tmp_path / "cache" / "pcli").glob(f"*.sqlite.{lang}.pub")
    return kept


def test_a_second_export_is_the_kept_copy_of_the_database_a_build_writes(tmp_path: Path) -> None:
    built = _export(tmp_path / "a")
    assert _kept(tmp_path).read_bytes() == built
    assert _export(tmp_path / "b") == built
    assert _export(tmp_path / "c", env={"PCLI_CACHE": "off"}) == built  # nothing kept: built again, the same
    assert (tmp_path / "b" / "metadata.json").read_bytes() == (tmp_path / "a" / "metadata.json").read_bytes()


def test_each_language_has_its_own_kept_copy(tmp_path: Path) -> None:
    english, vietnamese = _export(tmp_path / "en"), _export(tmp_path / "vi", "--lang", "vi")
    assert english != vietnamese and _kept(tmp_path, "vi").read_bytes() == vietnamese
    assert _export(tmp_path / "vi-again", "--lang", "vi") == vietnamese and _export(tmp_path / "en-again") == english


def test_a_damaged_kept_copy_is_never_published(tmp_path: Path) -> None:
    built = _export(tmp_path / "a")
    kept = _kept(tmp_path)
    damaged = bytearray(built)
    damaged[len(damaged) // 2] ^= 0xFF
    kept.write_bytes(bytes(damaged))
    assert _export(tmp_path / "b") == built
    assert kept.read_bytes() == built  # kept again, whole


def test_a_copy_planted_where_others_may_write_is_not_used(tmp_path: Path) -> None:
    """A copy with its own checksum beside it, as anyone who may write there could plant one, is not trusted."""
    built = _export(tmp_path / "a")
    kept = _kept(tmp_path)
    planted = built.replace(b"Poor households", b"Rich households")
    key = Path(f"{kept}.key")
    key.write_text(f"{zlib.crc32(planted):08x}\n" + key.read_text(encoding="utf-8").split("\n", 1)[1], encoding="utf-8")
    kept.write_bytes(planted)
    os.chmod(kept, 0o666)
    assert _export(tmp_path / "b") == built


def test_an_edited_base_is_published_anew(tmp_path: Path) -> None:
    facts = tmp_path / "facts.toml"
    facts.write_text(FACTS.read_text(encoding="utf-8"), encoding="utf-8")
    _export(tmp_path / "a", "--facts", str(facts))
    text = facts.read_text(encoding="utf-8").replace('en = "Poor households"', 'en = "Households in poverty"', 1)
    facts.write_text(text, encoding="utf-8")
    _export(tmp_path / "b", "--facts", str(facts))
    with sqlite3.connect(tmp_path / "b" / "pcli.db") as db:
        labels = {label for (label,) in db.execute("SELECT label FROM figures WHERE indicator = 'poor_households'")}
    assert labels == {"Households in poverty"}
