"""Security (issue 25): no data drives a terminal or a browser, no file outside the sources is read, no cache
another user could write is trusted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import MINIMAL, pcli, run, write

# Everything the red team put in a base: colour, clear screen, an OSC title and hyperlink, BEL, CR, a bidi
# override, a zero-width space and a C1 CSI (0x9B).
CONTROLS = (
    "\x1b[31mRED\x1b[0m \x1b[2J \x1b]0;pwned\x07 \x1b]8;;http://evil.example\x07link\x1b]8;;\x07 \x07 \r \u202e \u200b \x9b2J"
)
RAW = ("\x1b", "\x07", "\r", "\u202e", "\u200b", "\x9b")


def _hostile_base(tmp_path: Path, quote: str = "690 poor households in 2023 " + CONTROLS, **source: str) -> str:
    fields = {"outlet": "Test Daily " + CONTROLS, "url": "https://example.org/a", "title": "T " + CONTROLS, **source}
    text = MINIMAL.replace('outlet = "Test Daily"', "\n".join(f"{k} = {json.dumps(v)}" for k, v in fields.items()))
    return write(tmp_path, text.replace('quote = "690 poor households in 2023"', f"quote = {json.dumps(quote)}"))


# ----------------------------------------------------------------------------- 1. cite's control characters


@pytest.mark.parametrize("style", ["plain", "markdown", "apa", "chicago", "bibtex", "csl-json", "ris"])
def test_cite_writes_no_control_character_of_the_data(tmp_path: Path, style: str) -> None:
    result = pcli("cite", "poor-2023", "--facts", _hostile_base(tmp_path), "--style", style)
    assert result.exit_code == 0, result.output
    assert not [c for c in RAW if c in result.stdout], repr(result.stdout)
    assert "␛" in result.stdout or "\\u001b" in result.stdout  # shown, not dropped
    if style == "csl-json":
        assert json.loads(result.stdout)[0]["container-title"].startswith("Test Daily")


def test_cite_on_a_terminal_is_not_driven_by_the_data(tmp_path: Path) -> None:
    from test_output import _pty_run

    code, screen = _pty_run("cite", "poor-2023", "--facts", _hostile_base(tmp_path))
    assert code == 0, screen
    assert "\x1b]0;" not in screen and "\x1b]8;;" not in screen and "\x1b[2J" not in screen and "\x07" not in screen
    assert "\u202e" not in screen and "\x9b" not in screen and "␛" in screen


# ----------------------------------------------------------------------------- 4. links and markup


def test_only_http_links_are_published(tmp_path: Path) -> None:
    facts = _hostile_base(tmp_path, url="javascript:alert(document.cookie)")
    for style in ("plain", "markdown", "apa", "chicago", "bibtex", "csl-json", "ris"):
        out = pcli("cite", "poor-2023", "--facts", facts, "--style", style).stdout
        assert "javascript" not in out, (style, out)
    assert "javascript" not in pcli("cite", "poor-2023", "--facts", facts, "--format", "json").stdout
    database = tmp_path / "pub.db"
    assert run("export", "--facts", facts, "--format", "sqlite", "-o", str(database)).exit_code == 0
    metadata = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert "javascript" not in json.dumps(metadata)


def test_datasette_shows_no_javascript_link(tmp_path: Path) -> None:
    import asyncio

    from datasette.app import Datasette

    facts = _hostile_base(tmp_path, url="javascript:alert(1)")
    database = tmp_path / "pub.db"
    assert run("export", "--facts", facts, "--format", "sqlite", "-o", str(database)).exit_code == 0
    metadata = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))

    async def page() -> str:
        datasette = Datasette([str(database)], metadata=metadata)
        await datasette.invoke_startup()
        response = await datasette.client.get("/pub/figures")
        assert response.status_code == 200
        return str(response.text)

    html = asyncio.run(page())
    assert 'href="javascript' not in html.lower() and "javascript:alert" not in html
    good = _hostile_base(tmp_path, url="https://example.org/article")
    assert run("export", "--facts", good, "--format", "sqlite", "-o", str(database)).exit_code == 0
    metadata = json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8"))
    assert 'href="https://example.org/article"' in asyncio.run(page())  # a real source link still shows


def test_a_quote_cannot_make_a_second_ris_record(tmp_path: Path) -> None:
    facts = _hostile_base(tmp_path, quote="690 poor households in 2023\nER  -\nTY  - JOUR\nTI  - Forged")
    out = pcli("cite", "poor-2023", "--facts", facts, "--style", "ris").stdout
    lines = out.splitlines()
    assert sum(line.startswith("TY  -") for line in lines) == 1 and sum(line.startswith("ER  -") for line in lines) == 1
    assert all(line[:2].isalnum() and line[2:6] == "  - " for line in lines if line), out


MARKUP = (
    "x\n\n# Heading\n</blockquote><script>alert(1)</script><img src=x onerror=alert(1)> "
    "![b](http://beacon.example/p.gif) [c](javascript:alert(1)) &lt;i&gt;"
)


def _rendered(markdown_text: str) -> str:
    from markdown_it import MarkdownIt

    return str(MarkdownIt("commonmark").enable("table").render(markdown_text))


def test_cite_markdown_stays_in_its_blockquote(tmp_path: Path) -> None:
    facts = _hostile_base(tmp_path, quote="690 poor households in 2023 " + MARKUP, outlet="Daily " + MARKUP)
    out = pcli("cite", "poor-2023", "--facts", facts, "--style", "markdown").stdout
    html = _rendered(out)
    for tag in ("<script", "<img", "<h1", '<a href="javascript', "<i>"):
        assert tag not in html, (tag, html)
    assert html.count("<blockquote>") == 1 and "alert(1)" in html  # the text is there, as text
    assert '<a href="https://example.org/a">' in html


def test_show_markdown_labels_stay_text(tmp_path: Path) -> None:
    text = MINIMAL.replace('label = { en = "Poor households"', f"label = {{ en = {json.dumps('Poor ' + MARKUP)}")
    out = run("show", "figures", "--facts", write(tmp_path, text), "--format", "markdown").stdout
    html = _rendered(out)
    for tag in ("<script", "<img", "<h1", "<a href", "<i>"):
        assert tag not in html, (tag, html)
    assert "<table>" in html and "alert(1)" in html


# ----------------------------------------------------------------------------- 2. validate --sources stays in DIR


def _base_citing_file(tmp_path: Path, name: str) -> str:
    text = MINIMAL.replace('language = "en"', f'language = "en"\nfile = {json.dumps(name)}', 1)
    return write(tmp_path, text)


@pytest.mark.parametrize("name", ["../secret.txt", "/etc/passwd", "../../../../etc/shadow", "/proc/self/environ",
                                  "link.txt", "/dev/zero", "/dev/urandom", "fifo.txt", "huge.txt"])  # fmt: skip
def test_validate_sources_reads_only_regular_files_inside_the_folder(tmp_path: Path, name: str) -> None:
    import os

    sources = tmp_path / "sources"
    sources.mkdir()
    (tmp_path / "secret.txt").write_text("690 poor households in 2023 SECRET-TOKEN", encoding="utf-8")
    (sources / "link.txt").symlink_to(tmp_path / "secret.txt")
    os.mkfifo(sources / "fifo.txt")
    with open(sources / "huge.txt", "wb") as handle:  # sparse: 65 MiB that take no room
        handle.truncate(65 * 2**20)
    result = pcli("validate", "--facts", _base_citing_file(tmp_path, name), "--sources", str(sources), timeout=60)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert "SECRET-TOKEN" not in result.stderr + result.stdout and "root:" not in result.stderr
    assert "PATH=" not in result.stderr and "HOME=" not in result.stderr
    refusal = [line for line in result.stderr.splitlines() if "sources (s)" in line]
    assert len(refusal) == 1, result.stderr
    words = {"../": "outside", "/etc": "outside", "/proc": "outside", "link": "outside", "/dev": "outside",
             "fifo": "FIFO", "huge": "larger than"}  # fmt: skip
    assert next(w for k, w in words.items() if k in name) in refusal[0], refusal


def test_validate_sources_still_reads_a_file_in_a_subfolder(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    (sources / "en").mkdir(parents=True)
    (sources / "en" / "a.txt").write_text("There were 690 poor households in 2023.", encoding="utf-8")
    result = pcli("validate", "--facts", _base_citing_file(tmp_path, "en/a.txt"), "--sources", str(sources))
    assert result.exit_code == 0 and "1 quotes proven" in result.stderr, result.output


# ----------------------------------------------------------------------------- 11. a fact base that never ends


@pytest.mark.parametrize("facts", ["/dev/zero", "/dev/urandom", "fifo"])
def test_a_fact_base_that_is_not_a_regular_file_is_refused(tmp_path: Path, facts: str) -> None:
    import os

    if facts == "fifo":
        os.mkfifo(tmp_path / "fifo")
        facts = str(tmp_path / "fifo")
    for env in ({"PCLI_FACTS": facts}, {"PCLI_FACTS": facts, "PCLI_CACHE": "off"}):
        result = pcli("query", "poor households", env=env, timeout=60)
        assert result.exit_code == 2 and "not a fact base file" in result.stderr, result.output
    assert pcli("show", "--facts", facts, timeout=60).exit_code == 2
    assert pcli("validate", "--facts", facts, timeout=60).exit_code == 2


# ----------------------------------------------------------------------------- 14. proof cost: not quote × numbers


class _CountedQuote(str):
    """A quote that counts the characters searched by `in` on it."""

    searched = 0

    def __contains__(self, part: object) -> bool:
        _CountedQuote.searched += len(self)
        return str.__contains__(self, part)  # type: ignore[operator]


def test_a_long_quote_is_not_searched_once_for_each_number_of_the_source() -> None:
    from pcli.articles.coverage import KNOWN, NEW, account
    from pcli.base.model import Citation

    numbers = " ".join(str(100_000 + i) for i in range(20_000))
    text = f"In 2023 there were 690 poor households. {numbers}"
    quote = _CountedQuote(f"there were 690 poor households. {numbers[:60_000]}")

    class Figure:
        id, value = "poor-2023", 690.0

    _CountedQuote.searched = 0
    accounted = account(text, "en", [(Figure(), Citation("s", quote), "count")], [])  # type: ignore[list-item]
    assert [a.status for a in accounted if a.number.written == "690"] == [KNOWN]
    assert sum(a.status == NEW for a in accounted) == 20_000
    assert _CountedQuote.searched <= 4 * len(text)  # linear in the text, not quote length × numbers


# ----------------------------------------------------------------------------- 3. a cache another user could plant


def _plant(folder: Path, value: int) -> None:
    """What another user could do in a cache folder they can write: change a figure, and write the checksum."""
    import sqlite3

    from pcli.store.cache import checksum

    for cached in folder.glob("*.sqlite"):
        db = sqlite3.connect(cached)
        column = next(c for (_, c, *_) in db.execute("PRAGMA table_info(figures)") if c.startswith("value"))
        db.execute(f"UPDATE figures SET {column} = ? WHERE id = 'poor-2023'", (str(value),))
        db.commit()
        db.close()
        Path(f"{cached}.sum").write_text(checksum(str(cached)), encoding="utf-8")


def _planted_query(tmp_path: Path, env: dict[str, str] | None = None) -> tuple[Path, str]:
    facts = write(tmp_path, MINIMAL)
    assert run("query", "poor households 2023", "--facts", facts, "-F", "json").json()[0]["value"] == 690
    folder = tmp_path / "cache" / "pcli"
    _plant(folder, 999999)
    return folder, facts


def test_a_planted_cache_in_a_folder_others_may_write_is_not_trusted(tmp_path: Path) -> None:
    folder, facts = _planted_query(tmp_path)
    assert run("query", "poor households 2023", "--facts", facts, "-F", "json").json()[0]["value"] == 999999  # own
    folder.chmod(0o777)
    result = pcli("query", "poor households 2023", "--facts", facts, "-F", "json")
    assert result.exit_code == 0 and result.json()[0]["value"] == 690, result.output
    notes = [line for line in result.stderr.splitlines() if "not using the cache" in line]
    assert len(notes) == 1 and "writable by other users" in notes[0], result.stderr
    folder.chmod(0o700)
    for cached in folder.glob("*.sqlite"):
        cached.chmod(0o666)  # the file itself open to others
    result = pcli("query", "poor households 2023", "--facts", facts, "-F", "json", "--lang", "vi")
    assert result.json()[0]["value"] == 690 and result.stderr.count("bộ nhớ đệm") == 1, result.output


def test_a_cache_folder_another_user_made_first_is_not_trusted(tmp_path: Path) -> None:
    import os

    if os.geteuid() != 0:
        pytest.skip("only root can give a folder to another user; the mode test above runs everywhere")
    folder, facts = _planted_query(tmp_path)
    for path in (folder, *folder.iterdir()):
        os.chown(path, 65534, 65534)
    result = pcli("query", "poor households 2023", "--facts", facts, "-F", "json")
    assert result.exit_code == 0 and result.json()[0]["value"] == 690, result.output
    assert result.stderr.count("owned by another user") == 1, result.stderr
    assert [p.stat().st_uid for p in folder.iterdir()] == [65534] * len(list(folder.iterdir()))  # nothing written


def test_the_cache_pcli_writes_is_the_users_alone(tmp_path: Path) -> None:
    import os
    import stat

    old = os.umask(0o002)
    try:
        result = pcli("query", "poor households 2023", "--facts", write(tmp_path, MINIMAL))
    finally:
        os.umask(old)
    assert result.exit_code == 0 and result.stderr == "", result.output
    folder = tmp_path / "cache" / "pcli"
    for path in (folder, *folder.iterdir()):
        assert not stat.S_IMODE(path.stat().st_mode) & 0o077, path
