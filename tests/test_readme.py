"""The README's examples: its commands exist, and its piped examples print what their comments say."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, run

from pcli.cli.app import app

README = (ROOT / "README.md").read_text(encoding="utf-8")
PIPED = [(m[1].strip(), m[2].strip()) for m in re.finditer(r"^(pcli [^\n#]*\|[^\n#]*?)#\s*([^\n]+)$", README, re.M)]
# Every command the app registers, as sqlite-utils' docs test takes them from its Click group: a new command
# fails here until the README shows it and its help has an example.
COMMANDS = sorted(info.name or info.callback.__name__ for info in app.registered_commands if info.callback is not None)


def test_the_commands_are_the_apps() -> None:
    assert {"query", "list", "cite", "check", "export"} <= set(COMMANDS), COMMANDS


def test_readme_opens_with_two_commands() -> None:
    blocks = re.findall(r"```sh\n(.*?)```", README, re.S)
    assert "pip install" in blocks[0] and "pcli" in blocks[0]
    assert ".[test]" in blocks[1] and "pytest" in blocks[1]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_documented_with_an_example(command: str) -> None:
    assert f"pcli {command}" in README
    result = run(command, "--help")
    assert result.exit_code == 0 and "Example: pcli" in result.stdout, result.output


@pytest.mark.parametrize(("line", "expected"), PIPED)
def test_piped_examples(line: str, expected: str, tmp_path: Path) -> None:
    if "jq" in line and not shutil.which("jq"):
        pytest.skip("jq is not installed")
    shim = tmp_path / "bin" / "pcli"
    shim.parent.mkdir()
    shim.write_text(f"#!/bin/sh\nexec '{sys.executable}' -m pcli \"$@\"\n")
    shim.chmod(0o755)
    env = {**os.environ, "PATH": f"{shim.parent}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(["bash", "-c", f"set -o pipefail; {line}"], capture_output=True, text=True, env=env, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == expected


def test_there_are_piped_examples() -> None:
    assert len(PIPED) >= 3


def test_help_lists_every_command_through_the_entry_point() -> None:
    from conftest import pcli

    result = pcli("--help")
    assert result.exit_code == 0
    for command in COMMANDS:
        assert command in result.stdout
    assert "Exit codes" in result.stdout
    one = pcli("query", "--help")
    assert one.exit_code == 0 and "Example: pcli query" in one.stdout
    typo = pcli("qeury", "poor households")
    assert typo.exit_code == 2 and typo.stderr.count("\n") == 1 and "qeury" in typo.stderr, typo.output


def test_no_arguments_prints_the_help() -> None:
    from conftest import pcli

    result = pcli()
    assert result.exit_code == 2
    assert "Commands" in result.stderr and "Error:" not in result.stderr and result.stderr.count("\n") > 5
