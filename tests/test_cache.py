"""The SQLite cache: same answers with and without it, rebuilt when the file changes or the cache breaks."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from conftest import FACTS, MINIMAL, run, run_unprivileged, write

QUERIES = [
    "poor households 2023",
    "hộ cận nghèo 2024",
    "rumah tangga miskin",
    "2023",
    "houses 2022-2024",
    "unemploymnet",
    "xyzzy",
]


def _cache_files(tmp_path: Path) -> list[Path]:
    return list((tmp_path / "cache" / "pcli").glob("*.sqlite"))


@pytest.mark.parametrize("query", QUERIES)
def test_cached_and_uncached_answers_are_identical(query: str, tmp_path: Path) -> None:
    uncached = run("query", query, "--format", "json", "--limit", "50", env={"PCLI_CACHE": "off"})
    first = run("query", query, "--format", "json", "--limit", "50")
    assert _cache_files(tmp_path)
    warm = run("query", query, "--format", "json", "--limit", "50")
    assert uncached.stdout == first.stdout == warm.stdout
    assert uncached.exit_code == warm.exit_code


def test_show_compare_and_export_match_without_cache(tmp_path: Path) -> None:
    for args in (("show", "--format", "json"), ("compare", "2022", "2024", "-F", "json"), ("export",)):
        off = run(*args, env={"PCLI_CACHE": "off"}).stdout
        run(*args)
        assert run(*args).stdout == off, args


def test_changed_file_is_reindexed(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    assert run("query", "poor households", "--facts", path, "-F", "json").json()[0]["value"] == 690
    changed = MINIMAL.replace("value = 690", "value = 691").replace("690 poor", "691 poor")
    Path(path).write_text(changed, encoding="utf-8")
    os.utime(path, ns=(os.stat(path).st_atime_ns, os.stat(path).st_mtime_ns + 10**9))
    assert run("query", "poor households", "--facts", path, "-F", "json").json()[0]["value"] == 691


@pytest.mark.parametrize("damage", ["delete", "truncate", "garbage"])
def test_broken_cache_is_rebuilt(damage: str, tmp_path: Path) -> None:
    expected = run("query", "poor households 2023", "-F", "json").stdout
    for cached in _cache_files(tmp_path):
        if damage == "delete":
            cached.unlink()
        elif damage == "truncate":
            cached.write_bytes(cached.read_bytes()[:1000])
        else:
            cached.write_bytes(b"not a database at all" * 100)
    again = run("query", "poor households 2023", "-F", "json")
    assert again.exit_code == 0 and again.stdout == expected, again.output
    assert run("query", "poor households 2023", "-F", "json").stdout == expected


def test_unwritable_cache_dir(shared_dir: Path) -> None:
    """As a user who may not write the cache folder (nobody, when the tests run as root), answers still come."""
    folder = shared_dir
    facts = write(folder, FACTS.read_text(encoding="utf-8"))
    Path(facts).chmod(0o644)
    cache = folder / "cache"
    cache.mkdir()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
    result = run_unprivileged("query", "poor households 2023", "--facts", facts, "-F", "json", env={"XDG_CACHE_HOME": str(cache)})
    assert result.exit_code == 0 and result.json()[0]["value"] == 690, result.output
    assert list(cache.iterdir()) == []


def test_cache_dir_that_is_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    result = run("query", "poor households 2023", "-F", "json")
    assert result.exit_code == 0 and result.json()[0]["value"] == 690


def test_bundled_default_is_cached_too(tmp_path: Path) -> None:
    run("show", "--facts", str(FACTS))
    assert len(_cache_files(tmp_path)) == 1


def test_slow_load_shows_progress_on_a_terminal_only(tmp_path: Path) -> None:

    from conftest import make_big_base, pcli
    from test_output import _pty_run

    big = make_big_base(tmp_path / "big.toml", 20000)
    env = {"XDG_CACHE_HOME": str(tmp_path / "c1")}
    code, screen = _pty_run("query", "poor households 2023", "--facts", str(big), env=env)
    assert code == 0 and "Reading big.toml" in screen, screen[:500]
    piped = pcli("query", "poor households 2023", "--facts", str(big), env={"XDG_CACHE_HOME": str(tmp_path / "c2")})
    assert piped.exit_code == 0 and piped.stderr == "", piped.output


def test_compare_and_list_read_only_what_they_need(tmp_path: Path) -> None:
    """compare reads the figures of its two periods and list the indicators' periods from the store's indexes,
    not the whole base; on a base with many places, years, months and ranges, each answers from its cache as on
    the first run, and a miss names the periods known, ranges included."""
    import re

    from conftest import make_big_base

    path = make_big_base(tmp_path / "big.toml", 40)
    indicators = sorted(set(re.findall(r'^indicator = "(\w+)"', path.read_text(encoding="utf-8"), re.M)))
    periods = [str(y) for y in range(2016, 2026)] + ["2019-03", "2020-12-31", "2016-2020", "2021-2024", "2018-2019"]
    more = []
    for n, (indicator, place, period) in enumerate(
        (i, p, t) for i in indicators for p in ("Ba Vì", "Sóc Sơn", "Mê Linh") for t in periods
    ):
        if n * 7 % 11 == 3:
            continue  # gaps: not every indicator and place has every period
        value = 1 + (n * 37) % 97  # a count, a share or money alike
        more.append(f'[[figures]]\nid = "more-{n}"\nindicator = "{indicator}"\nvalue = {value}\nperiod = "{period}"\n'
                    f'place = "{place}"\ncitations = [{{ source = "synthetic", quote = "{value} in {period}" }}]\n')  # fmt: skip
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n" + "\n".join(more))
    big = str(path)
    asks: list[tuple[int, tuple[str, ...]]] = [
        (0, ("compare", "2016", "2018")), (0, ("compare", "2024", "2016")), (0, ("compare", "2016-2020", "2019")),
        (0, ("compare", "2019", "2020", "--topic", "livelihoods")), (0, ("compare", "2021-2024", "2023")),
        (1, ("compare", "1990", "1995")), (0, ("list", "indicators"))]  # fmt: skip
    answered = 0
    for code, ask in asks:
        args = (*ask, "--facts", big, "--format", "json")
        off = run(*args, env={"PCLI_CACHE": "off"})
        run(*args)
        warm = run(*args)
        assert (warm.exit_code, warm.stdout, warm.stderr) == (off.exit_code, off.stdout, off.stderr), ask
        assert warm.exit_code == code, (ask, warm.output[:300])
        if code == 0:
            assert warm.json(), ask
            answered += len(warm.json())
        else:  # the miss says which periods have data, ranges included
            assert "2016, 2017, 2018" in warm.stderr and "2016-2020, 2018-2019" in warm.stderr, warm.stderr
    assert answered > 100
    assert _cache_files(tmp_path)


def test_a_mistyped_id_in_a_large_base_is_matched_among_ids_that_begin_alike(tmp_path: Path) -> None:
    """In a base of more than NEAR figures, a miss's did-you-mean reads only the ids that share the longest
    beginning with the one asked (a range of the index), not every figure; a small base compares with all."""
    from conftest import make_big_base

    from pcli.store.sqlite import NEAR

    big = str(make_big_base(tmp_path / "big.toml", NEAR + 2_000))
    assert run("get", "gen-1", "--facts", big).exit_code == 0 and _cache_files(tmp_path)
    for asked, close in (("gen-10234x", "gen-10234"), ("poor-households-2O23", "poor-households-2023")):
        miss = run("get", asked, "--facts", big)
        assert miss.exit_code == 1 and f"Did you mean: {close}" in miss.stderr, miss.output
    # A slip in the first letter finds nothing among the ids that begin with h, with or without the cache file.
    assert "gen-10234" not in run("get", "hen-10234", "--facts", big).stderr
    assert "gen-10234" not in run("get", "hen-10234", "--facts", big, env={"PCLI_CACHE": "off"}).stderr


def test_places_are_looked_up_by_word(tmp_path: Path) -> None:
    """The store answers a place by a word of its name (its first word, or the name as one word) instead of
    reading every place on every run: in a base of 500 places, each is found by its name with or without
    diacritics, written apart or as one word; a city the base does not cover is said to be elsewhere."""
    from conftest import make_big_base

    big = str(make_big_base(tmp_path / "big.toml", 3000))
    asks = {"poor households Nam Định": "Nam Định", "poor households nam dinh 2016": "Nam Định",
            "poor households namdinh": "Nam Định", "poor households dong yen 2016": "Đông Yên",
            "poor households in Ha Noi 2023": "Hanoi", "hanoi poor households": "Hanoi"}  # fmt: skip
    for ask, place in asks.items():
        found = run("query", ask, "--facts", big, "--format", "json")
        assert found.exit_code == 0 and found.json()[0]["place"] == place, (ask, found.output[:300])
    elsewhere = run("query", "poor households in Da Nang", "--facts", big, "--format", "json")
    assert elsewhere.exit_code == 1 and "Da Nang" in elsewhere.stderr, elsewhere.output
    assert _cache_files(tmp_path)


def test_the_store_gives_the_figures_the_period_rules_rank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite narrows the figures by index and ranks them by base/order.py's rules: for every indicator, asked
    for years, ranges, points and several periods at once, the store gives exactly the figures that rank_figures
    takes from all of them, in its order."""
    from pcli.base.order import rank_figures
    from pcli.base.periods import parse_period
    from pcli.store.cache import open_cached

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    store = open_cached(str(FACTS))
    every = list(store.each_figure())
    asked = [["2022"], ["2024"], ["2025"], ["2022-2024"], ["2021-2025"], ["2024-12"], ["2024-12-31"], ["2023", "2025"],
             ["2022-2023", "2024-12"], []]  # fmt: skip
    checked = 0
    for indicator in [*store.catalogue.indicators, None]:
        pool = [f for f in every if indicator in (None, f.indicator)]
        for texts in asked:
            periods = [parse_period(t) for t in texts]
            for place in (None, "Hanoi"):
                kept = [f for f in pool if place in (None, f.place)]
                want = [f.id for _, f in rank_figures(kept, tuple(periods))][:50]
                got = [f.id for f in store.figures(indicator, periods, place, 50)]
                assert got == want, (indicator, texts, place)
                checked += bool(want)
    assert checked > 50


def test_the_store_gives_back_every_figure_as_the_toml_holds_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every key of every figure, read back from the store (its cache file, and a database in memory), is the one
    the TOML holds, of the same type: the figures table's columns and the store's reading of them are one
    declaration (store/sqlite_schema.FIGURE_STORED)."""
    from pcli.base.loader import load
    from pcli.base.model import Figure
    from pcli.store.cache import in_memory, open_cached

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    base = load(str(FACTS))
    assert all(any(test(f) for f in base.figures) for test in (
        lambda f: f.as_of, lambda f: f.part_of, lambda f: f.qualifier, lambda f: f.note, lambda f: f.status == "target",
        lambda f: f.period.kind == "undated", lambda f: len(f.citations) > 1, lambda f: isinstance(f.value, float)))  # fmt: skip

    def shape(f: Figure) -> tuple[object, ...]:
        p = f.period
        cited = tuple((c.source, c.quote, c.context, c.qualifier) for c in f.citations)
        kept = tuple((type(v), v) for s in Figure.__slots__ if s not in ("line", "period", "citations") for v in [getattr(f, s)])
        return (kept, (p.text, p.kind, p.start, p.end, p.month, p.day), cited)

    open_cached(str(FACTS))
    assert _cache_files(tmp_path)
    for store in (open_cached(str(FACTS)), in_memory(load(str(FACTS)))):
        got = [shape(f) for f in store.each_figure()]
        assert got == [shape(f) for f in base.figures]
