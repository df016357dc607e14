"""Read exercise and template files safely and turn every broken rule into a Problem.

Files come from other coaches, so reading is defensive: a size cap, UTF-8 only, no deep nesting
crash, and all problems reported together with file, line, field path and a plain message.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from exercises.messages import translate
from exercises.model import Exercise, WorkshopTemplate
from exercises.problems import ExerciseFileError, Loc, Problem, format_path
from exercises.toml_lines import TomlLines

MAX_FILE_BYTES = 1024 * 1024
"""Exercise files are a few kilobytes; anything over 1 MB is a mistake or an attack."""

MAX_PROBLEMS = 100
"""Beyond this, more messages do not help; the file is badly broken."""

_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")

M = TypeVar("M", bound=BaseModel)


def read_file_text(path: Path) -> str:
    """The text of a small UTF-8 file, or ExerciseFileError saying why it cannot be used."""
    source = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise _error(source, "file not found") from None
    except IsADirectoryError:
        raise _error(source, "expected a file, got a folder") from None
    except OSError as exc:
        raise _error(source, f"cannot read the file ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise _error(source, "file is larger than 1 MB; exercise files are small text files")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        message = f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8"
        raise ExerciseFileError([Problem(source, line, "", message)]) from None


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """The TOML document as a dict; size, encoding and syntax problems raise ExerciseFileError."""
    try:
        size = len(text.encode("utf-8"))
    except UnicodeEncodeError:
        raise _error(source, "contains characters that are not valid Unicode text") from None
    if size > MAX_FILE_BYTES:
        raise _error(source, "file is larger than 1 MB; exercise files are small text files")
    text = text.removeprefix("\ufeff")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        line: int | None = None
        if found:
            message = message[: found.start()]
            if found.group(1):
                line = int(found.group(1))
                message += f" (column {found.group(2)})"
            else:
                line = max(text.count("\n") + (0 if text.endswith("\n") else 1), 1)
                message += " (at the end of the file)"
        lowered = message[:1].lower() + message[1:]
        raise ExerciseFileError([Problem(source, line, "", f"not valid TOML: {lowered}")]) from None
    except RecursionError:
        raise _error(source, "not valid TOML: values are nested too deeply") from None


def load_model_text(model: type[M], text: str, source: str) -> M:
    """Parse and validate `text` as `model`; every problem found goes into one ExerciseFileError."""
    data = parse_toml(text, source)
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    found: list[tuple[Loc, str]] = []
    used = 0
    while used < len(errors) and len(found) < MAX_PROBLEMS:
        found += translate(model, errors[used])
        used += 1
    lines = TomlLines(text)
    problems = [
        Problem(source, lines.find(loc) if loc else None, format_path(loc), message)
        for loc, message in found
    ]
    problems.sort(key=lambda p: (p.line is None, p.line or 0))
    if used < len(errors):
        more = f"... and {len(errors) - used} more problems not shown"
        problems.append(Problem(source, None, "", more))
    raise ExerciseFileError(problems)


def load_exercise_text(text: str, source: str) -> Exercise:
    """An exercise from TOML text; `source` names it in problems (usually the file name)."""
    return load_model_text(Exercise, text, source)


def load_exercise(path: Path) -> Exercise:
    """An exercise from a TOML file; ExerciseFileError lists everything wrong with it."""
    return load_exercise_text(read_file_text(path), str(path))


def load_template_text(text: str, source: str) -> WorkshopTemplate:
    """A workshop template from TOML text, checked on its own (see Library.check_template)."""
    return load_model_text(WorkshopTemplate, text, source)


def load_template(path: Path) -> WorkshopTemplate:
    """A workshop template from a TOML file, checked on its own (see Library.check_template)."""
    return load_template_text(read_file_text(path), str(path))


def validate_files(paths: Iterable[Path]) -> list[Problem]:
    """Every problem in these exercise files, including keys used by more than one; [] if valid."""
    problems: list[Problem] = []
    keys: list[tuple[str, str, int | None]] = []
    for path in paths:
        try:
            text = read_file_text(path)
            exercise = load_exercise_text(text, str(path))
        except ExerciseFileError as exc:
            problems.extend(exc.problems)
            continue
        keys.append((exercise.key, str(path), TomlLines(text).find(("key",))))
    problems.extend(duplicate_keys(keys, "exercise"))
    return problems


def duplicate_keys(entries: Iterable[tuple[str, str, int | None]], what: str) -> list[Problem]:
    """A problem for each (key, file, line) whose key an earlier entry already uses."""
    first: dict[str, str] = {}
    problems = []
    for key, source, line in entries:
        if key in first:
            message = f"{what} key '{key}' is also used by {first[key]}"
            problems.append(Problem(source, line, "key", message))
        else:
            first[key] = source
    return problems


def _error(source: str, message: str) -> ExerciseFileError:
    return ExerciseFileError([Problem(source, None, "", message)])
