"""Batch: `pcli query -` on 5,000 mixed queries against the same queries looked up by hand on SQLite FTS5 in one
Python process (the best indicator by bm25 over its folded names in three languages, then its figures for the
year from an index, LIMIT 10), on the bundled base and on a generated one. Goal: pcli at least 0.5x as many
queries a second as the hand-written lookup.

Example: python benchmarks/batch.py --queries 5000 --figures 100000
"""

from __future__ import annotations

import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import generated, options, pcli_command  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILLER = set("a an the of in on at for to how many much what was were is are nam la bao nhieu cua tahun berapa jumlah".split())


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "d"))
    return re.sub(r"[^0-9a-z]+", " ", "".join(c for c in text if not unicodedata.combining(c)).lower()).strip()


def queries(count: int) -> list[str]:
    """Questions of the relevance suite, each with and without a year, repeated to `count`."""
    with open(os.path.join(ROOT, "tests", "relevance.txt"), encoding="utf-8") as handle:
        asked = [line.rsplit("|", 1)[0].strip() for line in handle if "|" in line and not line.startswith("#")]
    base = [question for question in asked if not any(c.isdigit() for c in question)]
    rng = random.Random(1)
    out: list[str] = []
    while len(out) < count:
        question = rng.choice(base)
        out.append(question if rng.random() < 0.5 else f"{question} {rng.choice((2022, 2023, 2024))}")
    return out


def fts_lookup(facts: str, asked: list[str]) -> float:
    """Queries a second of the hand-written FTS5 lookup, the base already loaded into SQLite (as pcli's cache)."""
    import tomllib

    with open(facts, "rb") as handle:
        data = tomllib.load(handle)
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE names USING fts5(indicator UNINDEXED, words)")
    db.execute("CREATE TABLE figures (id TEXT, indicator TEXT, value, period TEXT, start INTEGER, stop INTEGER)")
    db.execute("CREATE INDEX by_indicator ON figures (indicator, start)")
    for ind in data["indicators"]:
        for text in (*ind["label"].values(), *ind.get("aliases", [])):
            db.execute("INSERT INTO names VALUES (?, ?)", (ind["id"], fold(text)))
    for f in data["figures"]:
        years = [int(y) for y in re.findall(r"\d{4}", f.get("period", ""))] or [0]
        db.execute("INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?)",
                   (f["id"], f["indicator"], f["value"], f.get("period", ""), years[0], years[-1]))  # fmt: skip
    start = time.perf_counter()
    out: list[str] = []
    for text in asked:
        words = fold(text).split()
        years = [int(w) for w in words if len(w) == 4 and w.isdigit()]
        terms = " OR ".join(f'"{w}"' for w in words if w not in FILLER and not w.isdigit())
        best = db.execute("SELECT indicator FROM names WHERE names MATCH ? ORDER BY bm25(names) LIMIT 1",
                          (terms,)).fetchone() if terms else None  # fmt: skip
        if best is None:
            out.append("")
            continue
        sql = "SELECT id, value, period FROM figures WHERE indicator = ?"
        args: list[object] = [best[0]]
        if years:
            sql += " AND start <= ? AND stop >= ?"
            args += [years[0], years[0]]
        rows = db.execute(sql + " LIMIT 10", args).fetchall()
        out.append("\t".join(str(v) for v in (rows[0] if rows else ())))
    return len(asked) / (time.perf_counter() - start)


def pcli_batch(facts: str, asked: list[str], env: dict[str, str]) -> float:
    """Queries a second of `pcli query -`, its cache warm; the process start counts, as a script would see it."""
    text = "\n".join(asked) + "\n"
    command = [*pcli_command(), "query", "-", "--facts", facts]
    subprocess.run(command, input=text, capture_output=True, text=True, env=env, check=False)  # warm the cache
    start = time.perf_counter()
    proc = subprocess.run(command, input=text, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    assert len(proc.stdout.splitlines()) == len(asked) + 1, proc.stderr[-500:]
    return len(asked) / elapsed


def main() -> int:
    args = options(runs=3, queries=5000)
    asked = queries(args.queries)
    with tempfile.TemporaryDirectory() as tmp:
        big, env = generated(tmp, args.figures)
        for name, facts in (("bundled base", os.path.join(ROOT, "facts.toml")), (f"{args.figures} figures", big)):
            ours: list[float] = []
            theirs: list[float] = []
            for _ in range(args.runs):  # in turn, so that the machine's drift meets both sides alike
                ours.append(pcli_batch(facts, asked, env))
                theirs.append(fts_lookup(facts, asked))
            ours.sort()
            theirs.sort()
            mid = args.runs // 2
            print(f"{name:<18} pcli {ours[mid]:8.0f} q/s (min {ours[0]:.0f}, max {ours[-1]:.0f});  "
                  f"FTS5 by hand {theirs[mid]:8.0f} q/s (min {theirs[0]:.0f}, max {theirs[-1]:.0f});  "
                  f"ratio {ours[mid] / theirs[mid]:.2f}x  (goal >= 0.5x)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
