"""Score a blind question set through the real CLI: `python tests/blind/question_score.py tests/blind/2026-12-04-a.toml`.

Each set was written by a helper who read only the two articles, never the base, the code or the tests. A question
is right when pcli's first answer is what its writer expected: a figure of that value, a change between those two
values, a record whose name or number contains the expected string, or nothing (exit 1) for a question the
articles cannot answer. A *wrong number* is a figure answered with another value, or any answer to a question the
articles cannot answer: the worst outcome, counted apart.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def fold(text: str) -> str:
    text = text.replace("Đ", "D").replace("đ", "d")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).casefold()


def _same(a: Any, b: Any) -> bool:
    return isinstance(a, int | float) and isinstance(b, int | float) and abs(a - b) <= 1e-9 * max(1.0, abs(b))


def _texts(match: dict[str, Any]) -> str:
    keys = ("id", "name", "label", "number", "outlet", "title", "names", "url")
    parts = [str(match.get(k, "")) for k in keys]
    parts += [str(v) for v in (match.get("labels") or {}).values()]
    parts += [str(v) for v in (match.get("names") or {}).values()] if isinstance(match.get("names"), dict) else []
    return fold(" ".join(parts))


def verdict(question: dict[str, Any], match: dict[str, Any] | None) -> str:
    """right, miss (nothing answered), wrong (another record) or wrong_number."""
    kind = question["kind"]
    if kind == "none":  # an answer to what the articles cannot answer: a wrong number if it is a figure
        return "right" if match is None else "wrong_number" if match.get("kind") in ("figure", "change") else "wrong"
    if match is None:
        return "miss"
    if kind == "figure":
        if match.get("kind") != "figure":
            return "wrong"
        return "right" if _same(match.get("value"), question["value"]) else "wrong_number"
    if kind == "change":
        if match.get("kind") != "change":
            return "wrong"
        before, after = match.get("from") or {}, match.get("to") or {}
        ok = _same(before.get("value"), question["from_value"]) and _same(after.get("value"), question["to_value"])
        return "right" if ok else "wrong_number"
    texts = _texts(match)
    return "right" if any(fold(c) in texts for c in [question["contains"], *question.get("also", [])]) else "wrong"


def answers(questions: list[str], lang: str = "en") -> list[dict[str, Any] | None]:
    """pcli's first answer to each question, asked in one `pcli query -` batch as a script would."""
    args = [sys.executable, "-m", "pcli", "query", "-", "--format", "jsonl", "--lang", lang]
    text = "".join(q.replace("\n", " ") + "\n" for q in questions)
    proc = subprocess.run(args, input=text, capture_output=True, text=True, encoding="utf-8", cwd=ROOT, timeout=300)
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert len(lines) == len(questions), proc.stderr
    return [line["match"] for line in lines]


def score(path: Path) -> tuple[Counter[str], list[tuple[dict[str, Any], str, Any]]]:
    questions = tomllib.loads(path.read_text(encoding="utf-8"))["question"]
    asked = [q["q"] for q in questions]
    found = answers(asked)
    # A record's name in the reader's other languages: the writer may name it in any of them.
    named = [answers(asked, lang) for lang in ("vi", "id")]
    tally: Counter[str] = Counter()
    rows = []
    for n, (question, match) in enumerate(zip(questions, found, strict=True)):
        v = verdict(question, match)
        if v == "wrong" and match is not None and question["kind"] not in ("figure", "change"):
            others = [found_in[n] for found_in in named]
            if any(o is not None and o.get("id") == match.get("id") and verdict(question, o) == "right" for o in others):
                v = "right"
        tally[v] += 1
        tally[f"{question['kind']}:{v}"] += 1
        tally[f"{question['lang']}:{v}"] += 1
        rows.append((question, v, match))
    return tally, rows


def _summary(match: dict[str, Any] | None) -> str:
    if match is None:
        return "-"
    if match.get("kind") == "change":
        return f"change {match['from'].get('value')} -> {match['to'].get('value')}"
    return f"{match.get('kind')} {match.get('id')} {match.get('value', '')}"


def main() -> None:
    path = Path(sys.argv[1])
    tally, rows = score(path)
    total = len(rows)
    print(f"{path.name}: {tally['right']}/{total} right, {tally['wrong_number']} wrong numbers, {tally['miss']} misses")
    groups = sorted({k.split(":")[0] for k in tally if ":" in k})
    for group in groups:
        right = tally[f"{group}:right"]
        n = sum(v for k, v in tally.items() if k.startswith(group + ":"))
        print(f"  {group:10} {right}/{n}")
    if "-v" in sys.argv:
        for question, v, match in rows:
            if v != "right":
                print(f"{v:13} {question['id']} [{question['kind']}] {question['q']!r} -> {_summary(match)}")


if __name__ == "__main__":
    main()
