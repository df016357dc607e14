"""What goes wrong in an exercise file, said in a way a coach can act on.

Exercise files come from other coaches and are edited by hand, so every rule that fails becomes one
`Problem` naming the file, the line where we can find it, the field and what was expected. Code that
loads files raises `ExerciseFileError` carrying all the problems at once, so a coach can fix a file
in one pass instead of one error at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

Loc = tuple[str | int, ...]
"""A position inside a model, as pydantic reports it: field names and list indexes."""


@dataclass(frozen=True)
class Problem:
    """One broken rule in one file."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}"


class ExerciseFileError(Exception):
    """An exercise or template file cannot be used; `problems` says every reason found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class RuleError(ValueError):
    """Raised by model validators to report several cross-field problems at once.

    Pydantic turns a validator's ValueError into a single error but keeps the exception object;
    the loader unpacks `issues` so each broken rule becomes its own Problem with its own field path
    (relative to the model whose validator raised it).
    """

    def __init__(self, issues: Iterable[tuple[Loc, str]]) -> None:
        self.issues: tuple[tuple[Loc, str], ...] = tuple(issues)
        super().__init__("; ".join(message for _, message in self.issues))


_BARE_NAME = re.compile(r"[A-Za-z0-9_-]{1,48}")
MAX_SHOWN_NAME = 40
"""Longer names (only ever unknown ones) are shortened in paths and messages."""


def format_name(name: str) -> str:
    """A field name as TOML would write it: bare when it can be, else quoted, escaped, shortened.

    Names come from the file, so an unknown one may hold line breaks or be thousands of characters
    long; quoting keeps every Problem on one short line.
    """
    if _BARE_NAME.fullmatch(name):
        return name
    if len(name) > MAX_SHOWN_NAME:
        name = name[: MAX_SHOWN_NAME - 3] + "..."
    return '"' + "".join(_escape(char) for char in name) + '"'


def _escape(char: str) -> str:
    if char in '"\\':
        return "\\" + char
    if char.isprintable():
        return char
    code = ord(char)
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def format_path(loc: Loc) -> str:
    """`("steps", 2, "capture", "source")` -> `"steps[2].capture.source"`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            name = format_name(part)
            out += f".{name}" if out else name
    return out
