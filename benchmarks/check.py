"""check: `pcli check` of a 2,000-word draft against `pcli extract` of the same file, as whole processes, interleaved,
on the bundled base and on a generated base of N figures. Goal: well under a second for the draft on both bases.

The draft is made of the blind drafts of tests/blind (English, Vietnamese and Indonesian, right and wrong numbers),
repeated to 2,000 words in each language, one file a language: check reads a draft in one language.

Example: python benchmarks/check.py --figures 100000 --runs 5
"""

from __future__ import annotations

import glob
import os
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import compiled, generated, interleaved, load, options, pcli_command, ratio, summary  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = 2000


def draft(lang: str, folder: str) -> str:
    """A draft of WORDS words in one language, from the blind drafts of that language."""
    texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(ROOT, "tests", "blind", "drafts-*",
                                                                                    f"draft-*-{lang}.txt")))]  # fmt: skip
    parts: list[str] = []
    while sum(len(t.split()) for t in parts) < WORDS:
        parts.append(texts[len(parts) % len(texts)])
    path = os.path.join(folder, f"draft-{lang}.md")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write("\n\n".join(parts))
    return path


def main() -> int:
    args = options(runs=5)
    with tempfile.TemporaryDirectory() as tmp:
        big, env = generated(tmp, args.figures)
        print(load())
        for base in (None, big):
            facts = [] if base is None else ["--facts", base]
            env_base = env if base is not None else {**os.environ, "XDG_CACHE_HOME": os.path.join(tmp, "cache-bundled")}
            env_base = compiled(env_base)  # from bytecode, as an installed pcli runs
            for lang in ("en", "vi", "id"):
                path = draft(lang, tmp)
                commands = {"check": [*pcli_command(), "check", path, "--format", "tsv", *facts],
                            "extract": [*pcli_command(), "extract", path, "--format", "tsv", *facts]}  # fmt: skip
                times = interleaved(commands, args.runs, env_base)
                name = "bundled base" if base is None else f"{args.figures} figures"
                print(f"{name}, {WORDS}-word draft in {lang}:")
                print("  " + summary("pcli check", times["check"]))
                print("  " + summary("pcli extract", times["extract"]))
                seconds = statistics.median(times["check"])
                print(f"  check / extract: {ratio(times['check'], times['extract']):.2f}x; check {seconds:.2f} s (goal < 1 s)")
        print(load())
    return 0


if __name__ == "__main__":
    sys.exit(main())
