"""Untrusted exercise and template files: a corpus of broken and hostile files, each refused with
plain, one-line problems that name the file, the field and (where the loader can know it) the line.

tests/fixtures/hostile_exercises/EXPECTED.toml says what each file must produce; files named
`template_*` are templates, checked against a library holding tests/fixtures/every_mode.toml.
"""

import os
import time
import tomllib
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ConfigDict, Field

from exercises import (
    Exercise,
    ExerciseFileError,
    Library,
    WorkshopTemplate,
    load_exercise,
    load_template,
)
from exercises.loader import MAX_ITEMS, MAX_PROBLEMS, load_exercise_text, load_model_text

FIXTURES = Path(__file__).parents[1] / "fixtures"
CORPUS = FIXTURES / "hostile_exercises"
VALID = CORPUS / "valid"
EXPECTED: dict[str, dict[str, Any]] = {
    entry["name"]: entry
    for entry in tomllib.loads((CORPUS / "EXPECTED.toml").read_text(encoding="utf-8"))["file"]
}
FILES = sorted(
    p.name
    for p in CORPUS.iterdir()
    if p.is_file() and p.name != "EXPECTED.toml" and not p.name.startswith(".")
)
LIBRARY = Library([load_exercise(FIXTURES / "every_mode.toml")])

FORBIDDEN_IN_MESSAGES = ("pydantic", "http", "Traceback", "<class", "Error(", "ValueError")


def load(path: Path) -> Exercise | WorkshopTemplate:
    """Load a file the way Chorus would: templates are also checked against the library."""
    if not path.name.startswith("template_"):
        return load_exercise(path)
    template = load_template(path)
    problems = LIBRARY.check_template(template, str(path))
    if problems:
        raise ExerciseFileError(problems)
    return template


def test_the_corpus_is_large_and_every_file_has_an_expectation() -> None:
    assert len(FILES) >= 40
    assert sorted(EXPECTED) == FILES, "add an entry to EXPECTED.toml for every file (and only them)"
    for name, entry in EXPECTED.items():
        assert entry["expect"], name
        assert entry["fault"].strip(), name


@pytest.mark.parametrize("name", FILES)
def test_hostile_file_is_refused_with_plain_one_line_problems(name: str) -> None:
    path = CORPUS / name
    started = time.perf_counter()
    with pytest.raises(ExerciseFileError) as caught:
        load(path)
    elapsed = time.perf_counter() - started
    assert elapsed < 2, f"{name} took {elapsed:.2f} s"

    problems = caught.value.problems
    assert 0 < len(problems) <= MAX_PROBLEMS + 1
    for problem in problems:
        assert problem.file == str(path)
        assert problem.message.strip()
        assert problem.line is None or problem.line >= 1
        text = str(problem)
        assert len(text.splitlines()) == 1, text
        assert text.isprintable(), text
        assert len(problem.message) < 400, text
        assert len(problem.field) < 200, text
        for word in FORBIDDEN_IN_MESSAGES:
            assert word not in problem.message, text
    assert str(caught.value) == "\n".join(str(p) for p in problems)

    for expected in EXPECTED[name]["expect"]:
        matching = [
            p for p in problems if p.field == expected["field"] and expected["message"] in p.message
        ]
        shown = "\n".join(str(p) for p in problems)
        assert matching, f"expected {expected} among:\n{shown}"
        if "line" in expected:
            assert expected["line"] in [p.line for p in matching], f"{expected} among:\n{shown}"


@pytest.mark.parametrize("path", sorted(VALID.iterdir()), ids=lambda p: p.name)
def test_valid_files_load(path: Path) -> None:
    """CRLF line endings, a UTF-8 byte order mark and non-Latin text are all fine."""
    loaded = load(path)
    assert loaded.key in ("hostile_base", "hostile_template")


def test_nothing_is_half_imported(tmp_path: Path) -> None:
    """One broken step rejects its whole file, and one broken file rejects the whole folder: no
    exercise with its good steps only, no library with the good files only."""
    good = (VALID / "base.toml").read_text(encoding="utf-8")
    broken = good.replace('key = "hostile_base"', 'key = "other"')
    broken = broken.replace('mode = "vote"', 'mode = "dance"')
    folder = tmp_path / "pack"
    folder.mkdir()
    (folder / "good.toml").write_text(good, encoding="utf-8")
    (folder / "broken.toml").write_text(broken, encoding="utf-8")
    with pytest.raises(ExerciseFileError) as caught:
        load_exercise_text(broken, "broken.toml")
    assert [p.field for p in caught.value.problems] == ["steps[1].capture.mode"]
    with pytest.raises(ExerciseFileError) as caught:
        Library.from_folders(folder)
    assert [Path(p.file).name for p in caught.value.problems] == ["broken.toml"]


@pytest.mark.parametrize("field", ["include", "image", "file", "import", "template"])
@pytest.mark.parametrize("target", ["../secret.toml", "SECRET_ABSOLUTE"])
def test_file_references_are_unknown_fields_and_never_followed(
    tmp_path: Path, field: str, target: str
) -> None:
    """The format has no field that names a file, so a reference to one can only be an unknown
    field. The referenced file here is itself broken TOML: had the loader opened it, its syntax
    error (or its name) would be among the problems; the only problem is the unknown field."""
    secret = tmp_path / "secret.toml"
    secret.write_text("this is not TOML {{{ SECRET-CONTENT\n", encoding="utf-8")
    pack = tmp_path / "pack"
    pack.mkdir()
    path = pack / "exercise.toml"
    target = str(secret) if target == "SECRET_ABSOLUTE" else target
    good = (VALID / "base.toml").read_text(encoding="utf-8")
    path.write_text(good.replace("version = 1\n", f'version = 1\n{field} = "{target}"\n'), "utf-8")
    with pytest.raises(ExerciseFileError) as caught:
        load_exercise(path)
    (problem,) = caught.value.problems
    assert (problem.file, problem.line, problem.field) == (str(path), 3, field)
    assert problem.message.startswith(f"unknown field '{field}' (allowed: key, version,")
    assert "secret" not in str(problem)
    assert "SECRET-CONTENT" not in str(problem)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need a POSIX system")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    with pytest.raises(ExerciseFileError, match="not a regular file"):
        load_exercise(path)


class _Unbounded(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    names: tuple[str, ...] = Field(default=(), strict=False)


def test_a_list_the_model_does_not_bound_is_still_capped() -> None:
    """The loader shortens long lists before validation; it must never do so silently."""
    assert load_model_text(_Unbounded, f"names = {['n'] * MAX_ITEMS!r}", "ok.toml")
    with pytest.raises(ExerciseFileError) as caught:
        load_model_text(_Unbounded, f"names = {['n'] * 5000!r}", "long.toml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.field) == (1, "names")
    assert problem.message == f"expected at most {MAX_ITEMS} items, got 5000"


@pytest.mark.parametrize(
    "line",
    [
        "{} = 1",
        "[{}]",
        "[[{}]]",
        "x = {{ y = 1, {} = 1 }}",
    ],
)
def test_long_dotted_keys_are_refused_before_tomllib_sees_them(line: str) -> None:
    """tomllib needs seconds for a dotted key of thousands of parts (minutes for 50,000)."""
    key = ".".join(["a"] * 50_000)
    started = time.perf_counter()
    with pytest.raises(ExerciseFileError, match="dotted key has more than 32 parts"):
        load_exercise_text('key = "x"\n' + line.format(key) + "\n", "dots.toml")
    assert time.perf_counter() - started < 1


def test_dotted_keys_as_used_in_real_files_are_fine() -> None:
    text = (VALID / "base.toml").read_text(encoding="utf-8")
    text = text.replace('[steps.capture]\nmode = "cards"\n', 'capture.mode = "cards"\n')
    assert load_exercise_text(text, "dotted.toml").steps[0].capture.mode == "cards"


@pytest.mark.parametrize("escape", ["\\u0000", "\\u001b[31m", "\\u0007", "\\u202e", "\\u0085"])
def test_control_characters_in_one_line_fields_are_refused(escape: str) -> None:
    text = (VALID / "base.toml").read_text(encoding="utf-8")
    text = text.replace('title = "Base exercise"', f'title = "Base{escape}exercise"')
    with pytest.raises(ExerciseFileError) as caught:
        load_exercise_text(text, "control.toml")
    assert [p.field for p in caught.value.problems] == ["title"]
