"""Every command, piped, on the bundled base (its cache warm) against a bare one-command Typer app; and a query drawn
as a table on a real terminal against a bare Typer app drawing a Rich table of the same size. Interleaved,
medians, of wall-clock time and of CPU time (the steadier on a shared machine), with the machine's load before
and after; pcli runs from its bytecode, as installed. Goal: every ratio at most 1.10x.

Example: python benchmarks/commands.py --runs 20
"""

from __future__ import annotations

import os
import pty
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _timing import BARE, PYTHON, compiled, interleaved, load, options, pcli_command, ratio, summary  # noqa: E402

BARE_TABLE = """import typer
from rich.console import Console
from rich.table import Table

app = typer.Typer()


@app.command()
def main(text: str) -> None:
    table = Table(title=text)
    for name in ("Figure", "Value", "Period", "Source", "id"):
        table.add_column(name)
    for n in range(6):
        table.add_row("Poor households", f"{n} households", "2023", "vtc, hanoimoi", f"poor-households-{n}")
    Console().print(table)


if __name__ == "__main__":
    app()
"""


def on_terminal(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds a command takes with a real pseudo-terminal as its stdout, all its output read."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(cmd[0], cmd, env)
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return time.perf_counter() - start


def main() -> int:
    args = options(runs=20)
    pcli = pcli_command()
    with tempfile.TemporaryDirectory() as tmp:
        bare, table = os.path.join(tmp, "bare.py"), os.path.join(tmp, "table.py")
        for path, text in ((bare, BARE), (table, BARE_TABLE)):
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        env = compiled({**os.environ, "XDG_CACHE_HOME": os.path.join(tmp, "cache"), "COLUMNS": "120", "PAGER": ""})
        print(f"before: {load()}")
        out = os.path.join(tmp, "out")
        commands = {
            "bare typer app": [PYTHON, bare, "poor households"],
            "show": [*pcli, "show"], "query": [*pcli, "query", "poor households 2023"],
            "compare": [*pcli, "compare", "2022", "2024"], "trend": [*pcli, "trend", "poor households"],
            "get": [*pcli, "get", "poor-households-2023"], "validate": [*pcli, "validate"],
            "export json": [*pcli, "export", "-f", "json", "-o", f"{out}.json"],
            "export sqlite": [*pcli, "export", "-f", "sqlite", "-o", f"{out}.db"],
        }  # fmt: skip
        cpu: dict[str, list[float]] = {}
        times = interleaved(commands, args.runs, env, cpu)
        terminal = {"bare typer table": [PYTHON, table, "Poor households"],
                    "query on a terminal": [*pcli, "query", "poor households 2023"]}  # fmt: skip
        drawn: dict[str, list[float]] = {name: [] for name in terminal}
        for _ in range(args.runs):
            for name, cmd in terminal.items():
                drawn[name].append(on_terminal(cmd if os.path.isabs(cmd[0]) else [PYTHON, *cmd[1:]], env))
    for name, samples in {**times, **drawn}.items():
        print(summary(name, samples))
    print(f"after: {load()}")
    for name in commands:
        if name != "bare typer app":
            print(f"{name:<16} / bare typer app: {ratio(times[name], times['bare typer app']):.2f}x  (goal <= 1.10x);"
                  f" CPU time {ratio(cpu[name], cpu['bare typer app']):.2f}x")  # fmt: skip
    print(f"query on a terminal / bare typer table: {ratio(drawn['query on a terminal'], drawn['bare typer table']):.2f}x"
          "  (goal <= 1.10x)")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
