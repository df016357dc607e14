"""Best-effort line numbers for field paths in a TOML file.

tomllib returns plain dicts without positions, but a coach fixing a file wants to jump to a line.
This scans the text just enough to know table headers (`[x]`, `[[x]]`), `key = value` lines, and
which lines sit inside multi-line strings or arrays (so a script mentioning `[[steps]]` is not
mistaken for a header). It never raises on odd input; it returns None when unsure.
"""

from __future__ import annotations

import re
import tomllib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from exercises.problems import Loc

_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_KEY_LINE = re.compile(rf"\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*=")
_HEADER = re.compile(rf"\s*(\[\[?)\s*({_KEY_PART}(?:\s*\.\s*{_KEY_PART})*)\s*\]\]?")
_PART = re.compile(_KEY_PART)
_BASIC_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_LITERAL_STRING = re.compile(r"'[^']*'")


@dataclass(frozen=True)
class _Statement:
    line: int  # 1-based
    header: bool  # a table header; otherwise a key/value line
    array: bool  # `[[...]]`
    name: tuple[str, ...]  # full dotted name for headers; the dotted key for key lines


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(_unquote(p) for p in _PART.findall(dotted))


def _unquote(part: str) -> str:
    """A key part as tomllib reads it: `"a\\nb"` holds a line break, `'a\\nb'` a backslash."""
    if part.startswith('"') and "\\" in part:
        try:
            return str(tomllib.loads(f"k = {part}")["k"])
        except tomllib.TOMLDecodeError:
            pass
    return part[1:-1] if part[:1] in "\"'" and len(part) > 1 else part


def _scan_value(text: str, in_string: str, depth: int) -> tuple[str, int]:
    """Carry multi-line string and bracket state across one line of a value."""
    i = 0
    while i < len(text):
        if in_string:
            if in_string == '"""' and text[i] == "\\":
                i += 2
                continue
            if text.startswith(in_string, i):
                in_string, i = "", i + 3
                continue
            i += 1
            continue
        char = text[i]
        if char == "#":
            break
        if text.startswith(('"""', "'''"), i):
            in_string, i = text[i : i + 3], i + 3
            continue
        if char in "\"'":
            end = (_BASIC_STRING if char == '"' else _LITERAL_STRING).match(text, i)
            i = end.end() if end else len(text)
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(depth - 1, 0)
        i += 1
    return in_string, depth


def _statements(text: str) -> list[_Statement]:
    """Headers and key lines that start outside any string or multi-line value."""
    found: list[_Statement] = []
    in_string, depth = "", 0
    for number, line in enumerate(text.splitlines(), start=1):
        rest = line
        if not in_string and depth == 0:
            header = _HEADER.match(line)
            key = _KEY_LINE.match(line)
            if header and not key:
                found.append(_Statement(number, True, header.group(1) == "[[", _parts(header[2])))
                rest = line[header.end() :]
            elif key:
                found.append(_Statement(number, False, False, _parts(key.group(1))))
                rest = line[key.end() :]
        in_string, depth = _scan_value(rest, in_string, depth)
    return found


class TomlLines:
    """Scans a TOML text once and indexes it, then answers line questions for many field paths."""

    def __init__(self, text: str) -> None:
        self._statements = _statements(text)
        self._headers: dict[tuple[tuple[str, ...], bool], list[int]] = {}
        for index, statement in enumerate(self._statements):
            if statement.header:
                self._headers.setdefault((statement.name, statement.array), []).append(index)
        self._ends: dict[int, int] = {}
        self._keys: dict[int, dict[tuple[str, ...], int]] = {}

    def find(self, loc: Loc) -> int | None:
        """The line where the value at `loc` is written, or its nearest enclosing table."""
        table: tuple[str, ...] = ()
        start, end = -1, len(self._statements)  # the current table's header (-1: root) and end
        best: int | None = None
        i = 0
        while i < len(loc):
            name = loc[i]
            if not isinstance(name, str):
                return best
            index = loc[i + 1] if i + 1 < len(loc) else None
            array = isinstance(index, int)
            candidates = self._headers.get(((*table, name), array), [])
            inside = candidates[bisect_right(candidates, start) : bisect_left(candidates, end)]
            position = index if isinstance(index, int) else 0
            if position >= len(inside):
                line = self._key_line(start, loc[i:])
                if line is None and index is None:  # a whole array of tables: its first header
                    arrays = self._headers.get(((*table, name), True), [])
                    first = bisect_right(arrays, start)
                    if first < len(arrays) and arrays[first] < end:
                        line = self._statements[arrays[first]].line
                return line or best
            start, table = inside[position], (*table, name)
            end = self._table_end(start, end)
            best = self._statements[start].line
            i += 2 if array else 1
        return best

    def _table_end(self, start: int, end: int) -> int:
        """Where the table opened at `start` ends: the next header that is not nested inside it."""
        if start not in self._ends:
            name = self._statements[start].name
            self._ends[start] = len(self._statements)
            for j in range(start + 1, len(self._statements)):
                other = self._statements[j]
                if other.header and (other.name == name or other.name[: len(name)] != name):
                    self._ends[start] = j
                    break
        return min(self._ends[start], end)

    def _key_line(self, start: int, loc: Loc) -> int | None:
        """The line of the longest dotted key, directly in this table, that leads towards `loc`."""
        if start not in self._keys:
            keys: dict[tuple[str, ...], int] = {}
            for statement in self._statements[start + 1 :]:
                if statement.header:
                    break
                keys.setdefault(statement.name, statement.line)
            self._keys[start] = keys
        names: list[str] = []
        for part in loc:
            if not isinstance(part, str):
                break
            names.append(part)
        for size in range(len(names), 0, -1):
            line = self._keys[start].get(tuple(names[:size]))
            if line is not None:
                return line
        return None


def find_line(text: str, loc: Loc) -> int | None:
    """The line where the value at `loc` (e.g. `("steps", 2, "capture", "source")`) is written."""
    return TomlLines(text).find(loc)
