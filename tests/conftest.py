from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pcli.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
FACTS = ROOT / "facts.toml"
SOURCES = ROOT.parent / "shared" / "sources"


@pytest.fixture(autouse=True)
def _env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fixed width, no colour, a private cache, no inherited fact base or language."""
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    for name in ("PCLI_FACTS", "PCLI_LANG", "PCLI_CACHE", "FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PAGER", "cat")  # a terminal test never waits on a pager
    monkeypatch.setenv("LANG", "C.UTF-8")


class Result:
    def __init__(self, code: int, stdout: str, stderr: str) -> None:
        self.exit_code, self.stdout, self.stderr = code, stdout, stderr

    @property
    def output(self) -> str:
        return f"stdout:\n{self.stdout}\nstderr:\n{self.stderr}"

    def json(self) -> Any:
        return json.loads(self.stdout)

    def rows(self) -> list[list[str]]:
        return [line.split("\t") for line in self.stdout.splitlines()]


def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
    """The real CLI in-process, through Typer's runner."""
    runner = CliRunner()
    result = runner.invoke(app, list(args), input=input, env=env)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Result(result.exit_code, result.stdout, result.stderr)


def pcli(*args: str, input: str | None = None, env: dict[str, str] | None = None, timeout: float = 60) -> Result:
    """The real CLI in a subprocess, as a script would call it."""
    full_env = {**os.environ, **(env or {})}
    proc = subprocess.run(
        [sys.executable, "-m", "pcli", *args],
        input=input,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        encoding="utf-8",
        errors="replace",
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def pcli_into_closed_pipe(*args: str) -> Result:
    """The real CLI in a subprocess writing into a pipe whose reader has already gone (as after `| head -1`, but
    with no race: the read end is closed before pcli starts, so its first write meets a broken pipe)."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        proc = subprocess.run([sys.executable, "-m", "pcli", *args], stdout=write_end, stderr=subprocess.PIPE,
                              text=True, timeout=120, cwd=ROOT)  # fmt: skip
    finally:
        os.close(write_end)
    return Result(proc.returncode, "", proc.stderr)


# A signal's handler run as the write renames its temporary file over the target (an audit hook on os.rename,
# which os.replace raises): the signal lands mid-write, always, whatever the machine's load.
_SIGNAL_AT_RENAME = """
import os, runpy, signal, sys
signum, target = int(sys.argv[1]), os.path.abspath(sys.argv[2])
signal.signal(signal.SIGINT, signal.default_int_handler)  # as at a terminal, even when run in the background
def hook(event, args):
    if event == "os.rename" and os.path.abspath(str(args[1])) == target:
        signal.getsignal(signum)(signum, None)
sys.addaudithook(hook)
sys.argv = ["pcli", *sys.argv[3:]]
runpy.run_module("pcli", run_name="__main__")
"""


def pcli_signalled_at_rename(signum: int, target: Path, *args: str, env: dict[str, str] | None = None) -> Result:
    """The real CLI in a subprocess, given `signum` just before its write of `target` would be renamed into place."""
    proc = subprocess.run([sys.executable, "-c", _SIGNAL_AT_RENAME, str(signum), str(target), *args], cwd=ROOT,
                          capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=120)  # fmt: skip
    return Result(proc.returncode, proc.stdout, proc.stderr)


def on_pty(args: list[str], env: dict[str, str], columns: int | None = None, stderr: bool = True) -> tuple[int, str]:
    """Run pcli on a real pseudo-terminal (of that many columns, set as a terminal emulator sets its window
    size, when given) and return its exit status and what the terminal received; without stderr, when asked
    (a spinner shows there when the machine is slow)."""
    import fcntl
    import pty
    import struct
    import termios

    master, slave = pty.openpty()
    if columns is not None:
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
    errors = slave if stderr else subprocess.DEVNULL
    proc = subprocess.Popen([sys.executable, "-m", "pcli", *args], stdin=slave, stdout=slave, stderr=errors, env=env, cwd=ROOT)
    os.close(slave)
    screen = drain(master)  # first: a process waited on while its terminal fills up would never end
    return proc.wait(timeout=60), screen


def drain(master: int) -> str:
    """Everything a pseudo-terminal received until its last writer closed it; the master is closed after."""
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def source_text(name: str) -> str:
    if not SOURCES.is_dir():
        pytest.skip("../shared/sources is not beside the checkout")
    return (SOURCES / name).read_text(encoding="utf-8")


def read_article_number(text: str) -> list[float]:
    """Numbers as both articles write them ("." thousands, "," decimals): a parser separate from pcli's."""
    out = []
    for m in re.finditer(r"\d+(?:\.\d{3})*(?:,\d+)?", text):
        out.append(float(m.group().replace(".", "").replace(",", ".")))
    return out


def write(tmp_path: Path, text: str, name: str = "facts.toml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def unit_toml(ident: str, kind: str, en: str, vi: str, id_: str) -> str:
    """A [[units]] block of an invented base, to add to MINIMAL."""
    return f'\n[[units]]\nid = "{ident}"\nkind = "{kind}"\nlabel = {{ en = "{en}", vi = "{vi}", id = "{id_}" }}\n'


def indicator_toml(ident: str, unit: str, en: str, vi: str, id_: str) -> str:
    """An [[indicators]] block of the topic MINIMAL has."""
    label = f'{{ en = "{en}", vi = "{vi}", id = "{id_}" }}'
    return f'\n[[indicators]]\nid = "{ident}"\ntopic = "poverty"\nunit = "{unit}"\nlabel = {label}\n'


def figure_toml(ident: str, indicator: str, value: float, quote: str, period: str = "2023", more: str = "") -> str:
    """A [[figures]] block cited by MINIMAL's source; `period` "" for none, `more` lines of other fields."""
    dated = f'period = "{period}"\n' if period else ""
    cited = f'[{{ source = "s", quote = "{quote}" }}]'
    return f'\n[[figures]]\nid = "{ident}"\nindicator = "{indicator}"\nvalue = {value}\n{dated}{more}citations = {cited}\n'


MINIMAL = """
schema = 1
place = "Testville"

[[sources]]
id = "s"
outlet = "Test Daily"
language = "en"

[[topics]]
id = "poverty"
label = { en = "Poverty", vi = "Nghèo", id = "Kemiskinan" }

[[units]]
id = "households"
kind = "count"
label = { en = "households", vi = "hộ", id = "rumah tangga" }

[[indicators]]
id = "poor_households"
topic = "poverty"
unit = "households"
label = { en = "Poor households", vi = "Hộ nghèo", id = "Rumah tangga miskin" }

[[figures]]
id = "poor-2023"
indicator = "poor_households"
value = 690
period = "2023"
citations = [
  { source = "s", quote = "690 poor households in 2023" },
]
"""


@pytest.fixture
def shared_dir() -> Iterator[Path]:
    """A fresh folder every user can enter (pytest's own tmp folders are private to their owner), removed after."""
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="pcli-test-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        path.chmod(0o700 if path.is_dir() else 0o600)
    shutil.rmtree(folder)


def run_unprivileged(*args: str, env: dict[str, str]) -> Result:
    """The real CLI in-process as a user without root's rights (nobody), in a forked child, so that permission
    checks are tested as a user meets them even when the tests run as root. Every module and data file the
    command needs is loaded first: nobody may not be able to read the interpreter's own folders."""
    if os.geteuid() != 0:
        return run(*args, env=env)
    import importlib

    for name in (
        "pcli.commands",
        "pcli.base.loader",
        "pcli.articles.proof",
        "pcli.store.cache",
        "pcli.output.render",
        "pcli.output.terminal",
        "pcli.output.progress",
        "pcli.answer.search",
        "pcli.answer.changes",
        "tomllib",
        "sqlite3",
        "json",
        "difflib",
        "zlib",
        "csv",
        "contextlib",
        "unicodedata",
    ):
        importlib.import_module(name)
    from pcli.messages import catalogue

    catalogue()
    read, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root for good, run, report, leave without pytest's clean-up
        try:
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            result = run(*args, env=env)
            payload = [result.exit_code, result.stdout, result.stderr]
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails the test
            payload = [-1, "", repr(exc)]
        os.write(write_end, json.dumps(payload).encode())
        os._exit(0)
    os.close(write_end)
    chunks = []
    while chunk := os.read(read, 65536):
        chunks.append(chunk)
    os.close(read)
    os.waitpid(pid, 0)
    code, stdout, stderr = json.loads(b"".join(chunks))
    return Result(code, stdout, stderr)


def cases(text: str) -> list[tuple[str, ...]]:
    """A table of test cases written as text, one case a line, cells split by "|" ("\\n" stands for a newline)."""
    return [tuple(cell.strip().replace("\\n", "\n") for cell in line.split("|")) for line in text.strip().splitlines()]


def make_big_base(path: Path, figures: int) -> Path:
    """A generated fact base of that many figures (benchmarks/make_facts.py)."""
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "make_facts.py"), "--figures", str(figures), "-o", str(path)],
        check=True,
        capture_output=True,
    )
    return path
