"""Score `pcli check` on blind drafts through the real CLI: `python tests/blind/check_score.py FOLDER`.

The drafts and their key (verdicts.toml) were written by a helper who read only the two articles: every digit
group of every draft with the verdict it expects (supported, contradicted, unknown, or none for a number that is
not a figure). A number agrees when pcli gives the verdict expected at that line and as written; a number the key
says is not a figure agrees when pcli gives it no verdict. A contradicted number pcli calls supported is the worst
outcome, counted apart.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any


def verdicts(path: Path) -> list[dict[str, Any]]:
    proc = subprocess.run([sys.executable, "-m", "pcli", "check", str(path), "--format", "json"], capture_output=True,
                          text=True, encoding="utf-8", timeout=120)  # fmt: skip
    assert proc.returncode in (0, 1), proc.stderr
    return list(json.loads(proc.stdout))


def _number(written: str) -> str:
    """The number as pcli reports it written: without the percent sign or scale word a key may keep ("0.43%",
    "8.5 million"); a date or range ("10 December 2025", "2021-2025") stays whole."""
    head, _, rest = written.removesuffix("%").strip().partition(" ")
    return head if not any(ch.isdigit() for ch in rest) else written


def score(folder: Path) -> tuple[Counter[str], list[tuple[dict[str, Any], str, str]]]:
    key = tomllib.loads((folder / "verdicts.toml").read_text(encoding="utf-8"))["number"]
    given: dict[str, list[dict[str, Any]]] = {}
    tally: Counter[str] = Counter()
    rows = []
    for entry in key:
        if entry["draft"] not in given:
            given[entry["draft"]] = verdicts(folder / entry["draft"])
    found: list[dict[str, Any] | None] = []
    for entry in key:  # a number as written on its line; then a date or document number that holds it
        written = _number(entry["written"])
        said = [g for g in given[entry["draft"]] if g["line"] == entry["line"] and g["written"] == written]
        found.append(said[0] if said else None)
        if said:
            given[entry["draft"]].remove(said[0])
    for n, entry in enumerate(key):
        if found[n] is None and entry["verdict"] == "none":
            inside = [g for g in given[entry["draft"]] if g["line"] == entry["line"] and g["written"] in entry["written"]]
            if inside:
                found[n] = inside[0]
                given[entry["draft"]].remove(inside[0])
    for entry, hit in zip(key, found, strict=True):
        got = hit["verdict"] if hit else "none"
        agree = got == entry["verdict"]
        tally["agree" if agree else "disagree"] += 1
        tally[f"{entry['verdict']}:{'agree' if agree else got}"] += 1
        if entry["verdict"] == "contradicted" and got == "supported":
            tally["passed_wrong"] += 1
        rows.append((entry, got, hit.get("note", "") if hit else ""))
    tally["extra"] = sum(len(v) for v in given.values())  # verdicts on numbers the key does not list
    return tally, rows


def main() -> None:
    tally, rows = score(Path(sys.argv[1]))
    total = len(rows)
    print(f"{tally['agree']}/{total} verdicts agree; {tally['passed_wrong']} contradicted numbers passed as supported; "
          f"{tally['extra']} verdicts on numbers the key does not list")  # fmt: skip
    for k in sorted(k for k in tally if ":" in k):
        print(f"  {k:28} {tally[k]}")
    if "-v" in sys.argv:
        for entry, got, note in rows:
            if got != entry["verdict"]:
                print(f"{entry['draft']}:{entry['line']} {entry['written']!r} expected {entry['verdict']} got {got}: {note} "
                      f"({entry.get('why', '')})")  # fmt: skip


if __name__ == "__main__":
    main()
