"""Read exercise and template files safely and turn every broken rule into a Problem.

Files come from other coaches, so reading is defensive: a size cap, UTF-8 only, no deep nesting
crash, and all problems reported together with file, line, field path and a plain message.
"""

from __future__ import annotations

import re
import stat
import tomllib
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from exercises.messages import model_variants, translate, unwrap_type, variant_tag
from exercises.model import Exercise
from exercises.problems import ExerciseFileError, Loc, Problem, format_path
from exercises.toml_lines import TomlLines
from exercises.workshop_template import WorkshopTemplate

MAX_FILE_BYTES = 1024 * 1024
"""Exercise files are a few kilobytes; anything over 1 MB is a mistake or an attack."""

MAX_PROBLEMS = 100
"""Beyond this, more messages do not help; the file is badly broken."""

MAX_KEY_PARTS = 32
"""Dotted keys like `a.b.c` are short in exercise files; tomllib slows down badly on long ones."""

MAX_ITEMS = 100
"""A list with no bound in the model is cut to this many items (plus one) before validation."""

_LONG_DOTTED_KEY = re.compile(  # where a key can start: a line, a header, an inline table
    r"""(?:^|[\[{,])[ \t]*+(?:(?:[A-Za-z0-9_\-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
    rf"[ \t]*+\.[ \t]*+){{{MAX_KEY_PARTS},}}",
    re.MULTILINE,
)
_KEY_PARTS = re.compile(r"'[^'\\]*'|\"[^\"\\]*\"")
_TUPLE_KEY = re.compile(rf"\((?:{_KEY_PARTS.pattern})(?:, (?:{_KEY_PARTS.pattern}))*,?\)")
_TOML_POSITION = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")

M = TypeVar("M", bound=BaseModel)


def read_file_text(path: Path) -> str:
    """The text of a small UTF-8 file, or ExerciseFileError saying why it cannot be used."""
    source = str(path)
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise _error(source, "expected a file, got a folder")
        if not stat.S_ISREG(mode):
            raise _error(source, "not a regular file (a device, pipe or socket)")
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
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ExerciseFileError([Problem(source, 1, "", "UTF-16 text; save the file as UTF-8")])
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
    long_key = _LONG_DOTTED_KEY.search(text)
    if long_key:
        message = f"a dotted key has more than {MAX_KEY_PARTS} parts; exercise files need a few"
        raise ExerciseFileError([Problem(source, _line_at(text, long_key), "", message)])
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        where: int | None = None
        if found:
            message = message[: found.start()]
            if found.group(1):
                where = int(found.group(1))
                message += f" (column {found.group(2)})"
            else:
                where = max(text.count("\n") + (0 if text.endswith("\n") else 1), 1)
                message += " (at the end of the file)"
        message = _TUPLE_KEY.sub(_dotted_key, message)
        if len(message) > 200:
            message = message[:197] + "..."
        lowered = message[:1].lower() + message[1:]
        raise ExerciseFileError(
            [Problem(source, where, "", f"not valid TOML: {lowered}")]
        ) from None
    except RecursionError:
        raise _error(source, "not valid TOML: values are nested too deeply") from None
    except ValueError:  # Python refuses to read integers of more than 4300 digits
        digits = re.search(r"[0-9_]{4300}", text)
        message = "a number has far too many digits to be read" if digits else "cannot be read"
        raise ExerciseFileError([Problem(source, _line_at(text, digits), "", message)]) from None


def _dotted_key(found: re.Match[str]) -> str:
    """`('steps', 'capture')` (how tomllib names a table) -> `[steps.capture]`."""
    return "[" + format_path(tuple(part[1:-1] for part in _KEY_PARTS.findall(found[0]))) + "]"


def _line_at(text: str, found: re.Match[str] | None) -> int | None:
    return None if found is None else text.count("\n", 0, found.start()) + 1


def load_model_text(model: type[M], text: str, source: str) -> M:
    """Parse and validate `text` as `model`; every problem found goes into one ExerciseFileError."""
    trim = Trim()
    data = trim.value(parse_toml(text, source), model, ())
    try:
        valid = model.model_validate(data)
        if not trim.cut:
            return valid
        errors = []
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    found = [
        (path, f"expected at most {bound} items, got {length}")
        for path, (bound, length) in trim.cut.items()
    ]
    hidden = trim.dropped + max(len(found) - MAX_PROBLEMS, 0)
    del found[MAX_PROBLEMS:]
    used = 0
    while used < len(errors) and len(found) < MAX_PROBLEMS:
        pairs = translate(model, errors[used])
        if errors[used]["type"] == "too_long":  # the real length is already reported above
            pairs = [pair for pair in pairs if pair[0] not in trim.cut]
        found += pairs
        used += 1
    lines = TomlLines(text)
    problems = [
        Problem(source, lines.find(loc) if loc else None, format_path(loc), message)
        for loc, message in found
    ]
    problems.sort(key=lambda p: (p.line is None, p.line or 0))
    hidden += len(errors) - used
    if hidden:
        more = f"... and {hidden} more problems not shown"
        problems.append(Problem(source, None, "", more))
    raise ExerciseFileError(problems)


class Trim:
    """Shortens a parsed document before validation, so that a hostile file cannot make pydantic
    build hundreds of thousands of errors (seconds and hundreds of MB for a 1 MB file). The bundle
    reader uses it too, for the exercises inside a bundle.

    A list keeps one item more than its field allows (still enough to be rejected) and `cut`
    remembers its real length; a table keeps its known fields but only the first MAX_PROBLEMS + 1
    unknown ones in the whole file (unknown fields are never valid; `dropped` counts the rest).
    Values under unknown fields and values of the wrong kind are left alone: pydantic does not
    look inside them.
    """

    def __init__(self) -> None:
        self.cut: dict[Loc, tuple[int, int]] = {}
        self.unknown = 0
        self.dropped = 0

    def value(self, value: Any, annotation: Any, path: Loc, bound: int | None = None) -> Any:
        kind = unwrap_type(annotation)
        origin, args = typing.get_origin(kind), typing.get_args(kind)
        if isinstance(value, list) and origin in (tuple, list) and args:
            limit = MAX_ITEMS if bound is None else bound
            if len(value) > limit + 1:
                self.cut[path] = (limit, len(value))
                value = value[: limit + 1]
            return [self.value(item, args[0], (*path, i)) for i, item in enumerate(value)]
        if not isinstance(value, dict):
            return value
        if origin is dict and len(args) == 2:
            limit = MAX_ITEMS if bound is None else bound
            if len(value) > limit + 1:
                self.cut[path] = (limit, len(value))
            entries = list(value.items())[: limit + 1]
            return {key: self.value(item, args[1], (*path, key)) for key, item in entries}
        variants = model_variants(kind)
        if variants:
            kind = next((v for v in variants if variant_tag(v) == value.get("mode")), None)
        if not (isinstance(kind, type) and issubclass(kind, BaseModel)):
            return value
        out: dict[str, Any] = {}
        for name, item in value.items():
            field = kind.model_fields.get(name)
            if field is not None:
                most = min(
                    (m.max_length for m in field.metadata if hasattr(m, "max_length")), default=None
                )
                out[name] = self.value(item, field.annotation, (*path, name), most)
            elif self.unknown <= MAX_PROBLEMS:
                self.unknown += 1
                out[name] = item
            else:
                self.dropped += 1
        return out


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
