"""`chorus exercises`: the built-in library on screen and as JSON, and `validate` telling a coach
exactly where each hand-edited file is broken (FILE:LINE: FIELD: MESSAGE, exit 1).
"""

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from tests.cli.conftest import SAMPLE_EXERCISE, chorus, describe, one_line_error, succeeded

SAMPLE_TEXT = SAMPLE_EXERCISE.read_text(encoding="utf-8")
SAMPLE: dict[str, Any] = tomllib.loads(SAMPLE_TEXT)
KEY = "recall_great_collaboration"


def edit(old: str, new: str) -> str:
    """The sample with one exact piece of text replaced (fails loudly if the sample changed)."""
    assert SAMPLE_TEXT.count(old) == 1, old
    return SAMPLE_TEXT.replace(old, new)


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def step_index(key: str) -> int:
    return next(n for n, step in enumerate(SAMPLE["steps"]) if step["key"] == key)


def test_exercises_list_and_show() -> None:
    assert SAMPLE["key"] == KEY

    listed = succeeded(chorus("exercises", "list"))
    (line,) = [line for line in listed.splitlines() if KEY in line]
    assert SAMPLE["title"] in line

    records = json.loads(succeeded(chorus("exercises", "list", "--json")))
    (record,) = [r for r in records if r["key"] == KEY]
    assert record["title"] == SAMPLE["title"]
    assert record["minutes"] == SAMPLE["minutes"]

    shown = succeeded(chorus("exercises", "show", KEY))
    assert SAMPLE["title"] in shown
    for step in SAMPLE["steps"]:
        assert step["title"] in shown, step["title"]


def test_unknown_exercise_is_a_one_line_error() -> None:
    line = one_line_error(chorus("exercises", "show", "nope"))
    assert "nope" in line
    # Written for a person, not a Python repr: `chorus: no exercise ...`, not `chorus: "no ..."`.
    assert not line.startswith(('chorus: "', "chorus: '")), line


def test_validate_accepts_the_built_in_exercise(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    out = succeeded(chorus("exercises", "validate", SAMPLE_EXERCISE, data_dir=data_dir))
    assert f"{SAMPLE_EXERCISE}:" not in out, out
    assert not data_dir.exists(), "validating files must not open a data folder"


def test_validate_names_file_line_and_field_of_each_problem(tmp_path: Path) -> None:
    harvest, patterns = step_index("harvest"), step_index("patterns")
    assert SAMPLE["steps"][patterns]["capture"]["source"] == "harvest"
    # file name -> (broken text, the fragment on the line to report, the field path or None)
    broken = {
        "wrong_type.toml": (
            edit("\nminutes = 60\n", '\nminutes = "sixty"\n'),
            'minutes = "sixty"',
            "minutes",
        ),
        "unknown_field.toml": (
            edit("\nversion = 1\n", '\nversion = 1\ncolour = "blue"\n'),
            'colour = "blue"',
            "colour",
        ),
        "missing_step.toml": (
            edit('source = "harvest"', 'source = "nowhere"'),
            'source = "nowhere"',
            f"steps[{patterns}].capture.source",
        ),
        "syntax_error.toml": (
            edit('title = "Tell it to a partner"\n', 'title = "Tell it to a partner\n'),
            'title = "Tell it to a partner',
            None,
        ),
    }
    assert harvest < patterns
    paths = []
    for name, (text, _, _) in broken.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)

    result = chorus("exercises", "validate", *paths)

    assert result.returncode == 1, describe(result)
    assert "Traceback" not in result.stderr, describe(result)
    lines = result.stdout.splitlines()
    for path, (text, fragment, field) in zip(paths, broken.values(), strict=True):
        reported = [line for line in lines if line.startswith(f"{path}:")]
        assert len(reported) == 1, f"{path.name}: expected one problem\n{describe(result)}"
        where = f"{path}:{line_of(text, fragment)}: "
        assert reported[0].startswith(where), f"expected {where!r}\n{describe(result)}"
        message = reported[0].removeprefix(where)
        if field is None:
            assert re.search(r"\bTOML\b", message), reported[0]
        else:
            assert message.startswith(f"{field}: "), f"expected field {field!r}: {reported[0]}"
            assert message.removeprefix(f"{field}: ").strip(), reported[0]
