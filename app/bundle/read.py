"""Read and check a JSON bundle without touching any database.

Bundles come from other coaches' machines, so the text is treated as hostile: size first, then
encoding, JSON syntax, format and version, the schema, and finally every ref between rows. Each
refusal is one line naming the field path and what was expected.
"""

from __future__ import annotations

import json
import re
from typing import Any, NoReturn

from pydantic import ValidationError

from app.bundle.model import (
    FORMAT,
    MAX_AGENDA_ITEMS,
    MAX_BUNDLE_BYTES,
    VERSION,
    Bundle,
    BundleError,
    json_words,
)
from app.bundle.rules import ref_problems
from exercises.loader import Trim
from exercises.messages import translate
from exercises.model import Exercise
from exercises.problems import format_path

SHOWN_PROBLEMS = 5
MAX_MESSAGE = 600
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile(  # a high half not followed by a low one, or a low one not preceded
    r"\\u[dD](?:[89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD])[c-fC-F][0-9a-fA-F]{2})"
)
_TOO_BIG = f"larger than {MAX_BUNDLE_BYTES // 2**20} MiB; a workshop bundle is never that big"


def bundle_error(source: str, problems: list[str]) -> BundleError:
    """One BundleError with the first few problems on a single, bounded line."""
    shown = "; ".join(" ".join(p.split()) for p in problems[:SHOWN_PROBLEMS])
    if len(problems) > SHOWN_PROBLEMS:
        shown += f"; and {len(problems) - SHOWN_PROBLEMS} more problems"
    message = f"{' '.join(source.split())}: {shown}"
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 3] + "..."
    return BundleError(message)


def _fail(source: str, problems: list[str]) -> NoReturn:
    raise bundle_error(source, problems)


def validation_problems(error: ValidationError) -> list[str]:
    """Pydantic errors as "field.path: what was expected", in JSON words, without URLs."""
    problems = []
    for details in error.errors(include_url=False):
        for loc, message in translate(Bundle, details):
            text = message.replace("a table", "an object").replace("got NoneType", "got null")
            problems.append(f"{format_path(loc)}: {text}" if loc else text)
    return problems


def load_bundle_text(data: bytes | str, source: str = "bundle") -> Bundle:
    """A fully checked Bundle, or BundleError saying (on one line) why the data is unusable."""
    if len(data) > MAX_BUNDLE_BYTES:
        _fail(source, [_TOO_BIG])
    if isinstance(data, str):
        try:
            size = len(data.encode("utf-8"))
        except UnicodeEncodeError:
            _fail(source, ["contains characters that are not valid Unicode text"])
        if size > MAX_BUNDLE_BYTES:
            _fail(source, [_TOO_BIG])
        text = data
    else:
        text = _decode(data, source)
    document = _parse_json(text.removeprefix("\ufeff"), source)
    _check_header(document, source)
    cut = _trim_exercises(document)
    if cut:
        _fail(source, cut)
    try:
        bundle = Bundle.model_validate(document)
    except ValidationError as error:
        _fail(source, validation_problems(error))
    problems = ref_problems(bundle)
    if problems:
        _fail(source, problems)
    return bundle


def _decode(data: bytes, source: str) -> str:
    # JSON text never holds a NUL byte: one in the first two means UTF-16 (or UTF-32) text
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data[:2]:
        _fail(source, ["UTF-16 text; save the file as UTF-8"])
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        _fail(source, [f"not UTF-8 text (byte 0x{data[error.start]:02x} on line {line})"])


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a number JSON allows")


def _parse_json(text: str, source: str) -> Any:
    if not text.strip(" \t\r\n"):
        _fail(source, ["not valid JSON: the file is empty (expected a Chorus workshop bundle)"])
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        _fail(source, [f"not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})"])
    except RecursionError:
        _fail(source, ["not usable JSON: nested too deeply"])
    except ValueError as error:  # NaN/Infinity, or an integer with thousands of digits
        digits = "digits" in str(error)  # Python's own words name a setting, not the file's fault
        words = "a number has far too many digits" if digits else str(error)[:120]
        _fail(source, [f"not usable JSON: {words}"])
    if _lone_surrogate(text):
        _fail(source, ["contains \\u escapes that are not valid Unicode text"])
    return document


def _lone_surrogate(text: str) -> bool:
    """Whether a \\u escape in the JSON text is half of a character, which cannot be stored.

    A regex over the text, not a walk of the parsed values, so that a file of millions of values
    is not slow. With escaped backslashes blanked out first, every backslash left starts an escape.
    """
    if _SURROGATE_ESCAPE.search(text) is None:
        return False
    return _LONE_SURROGATE.search(text.replace("\\\\", "__")) is not None


def _check_header(document: Any, source: str) -> None:
    """Format and version first, so a newer bundle says so instead of listing schema errors."""
    if not isinstance(document, dict):
        expected = "expected a JSON object (a Chorus workshop bundle)"
        _fail(source, [f"{expected}, got {json_words(document)}"])
    found = document.get("format")
    if found != FORMAT:
        what = "has no 'format'" if found is None else f"has format {json_words(found)}"
        _fail(source, [f"not a Chorus workshop bundle ({what}; expected '{FORMAT}')"])
    version = document.get("version")
    if type(version) is int and version > VERSION:
        _fail(
            source, [f"made by a newer Chorus (bundle version {version}); update Chorus to open it"]
        )
    if "version" not in document:
        _fail(source, [f"has no 'version' (expected {VERSION})"])
    if type(version) is not int or version != VERSION:
        _fail(source, [f"unsupported bundle version {json_words(version)} (expected {VERSION})"])


def _trim_exercises(document: dict[str, Any]) -> list[str]:
    """Cut the lists of each exercise to their bounds, as the exercise loader does, and say so.

    Pydantic checks every item of a list before its length and makes an error for each bad one:
    an exercise's `materials` of millions of numbers would take gigabytes. The bundle's own lists
    stop at their first bad item instead (fail_fast in model.py).
    """
    agenda = document.get("agenda")
    items = agenda[: MAX_AGENDA_ITEMS + 1] if isinstance(agenda, list) else []
    problems: list[str] = []
    for index, item in enumerate(items):
        if isinstance(item, dict) and isinstance(item.get("exercise"), dict):
            trim = Trim()
            item["exercise"] = trim.value(item["exercise"], Exercise, ("agenda", index, "exercise"))
            problems += [
                f"{format_path(loc)}: expected at most {bound} items, got {length}"
                for loc, (bound, length) in trim.cut.items()
            ]
    return problems
