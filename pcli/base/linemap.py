"""Where things are in a TOML file: tomllib gives values but no line numbers, so a light scan finds them."""

from __future__ import annotations

import re

_ARRAY_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\-]+)\s*\]\]")
_TABLE_HEADER = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-]+)\s*\]")
_KEY = re.compile(r"^\s*([A-Za-z0-9_\-]+|\"[^\"]*\")\s*=\s*(.*)$")


class LineMap:
    """Line numbers of `[[table]]` records, of their keys and of the items of their multi-line arrays."""

    def __init__(self, text: str) -> None:
        self.records: dict[str, list[int]] = {}
        self.keys: dict[tuple[str, int, str], int] = {}
        self.items: dict[tuple[str, int, str], list[int]] = {}
        table, index, array_key = "", -1, ""
        for number, line in enumerate(text.splitlines(), start=1):
            if array_key:
                stripped = line.strip()
                if stripped.startswith("{") or stripped.startswith('"'):
                    self.items.setdefault((table, index, array_key), []).append(number)
                if stripped.startswith("]"):
                    array_key = ""
                continue
            if m := _ARRAY_HEADER.match(line):
                table = m[1]
                self.records.setdefault(table, []).append(number)
                index = len(self.records[table]) - 1
            elif m := _TABLE_HEADER.match(line):
                table, index = m[1], -1
            elif m := _KEY.match(line):
                key = m[1].strip('"')
                self.keys[(table, index, key)] = number
                rest = m[2].split("#")[0].strip()
                if rest.startswith("[") and not rest.endswith("]"):
                    array_key = key
                    if rest[1:].strip().startswith("{"):
                        self.items.setdefault((table, index, key), []).append(number)

    def record(self, table: str, index: int) -> int:
        lines = self.records.get(table, [])
        return lines[index] if 0 <= index < len(lines) else 0

    def key(self, table: str, index: int, key: str) -> int:
        return self.keys.get((table, index, key)) or self.record(table, index)

    def item(self, table: str, index: int, key: str, position: int) -> int:
        lines = self.items.get((table, index, key), [])
        return lines[position] if 0 <= position < len(lines) else self.key(table, index, key)


class NoLines:
    """Stands in for a LineMap when no line will be reported."""

    def record(self, table: str, index: int) -> int:
        return 0

    def key(self, table: str, index: int, key: str) -> int:
        return 0

    def item(self, table: str, index: int, key: str, position: int) -> int:
        return 0
