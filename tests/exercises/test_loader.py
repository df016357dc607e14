"""Loading exercise files: every broken rule becomes a Problem with file, line, field and words."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import exercises
from exercises import (
    Exercise,
    ExerciseFileError,
    Problem,
    load_exercise,
    load_exercise_text,
    validate_files,
)
from exercises.loader import MAX_PROBLEMS

SAMPLE_PATH = Path(exercises.__file__).parent / "library" / "recall_great_collaboration.toml"
SAMPLE = SAMPLE_PATH.read_text(encoding="utf-8")


def edit(old: str, new: str, text: str = SAMPLE) -> str:
    """The sample with one exact piece of text replaced (fails loudly if the sample changed)."""
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, fragment: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if fragment in line)


def problems_of(text: str, source: str = "ex.toml") -> tuple[Problem, ...]:
    with pytest.raises(ExerciseFileError) as caught:
        load_exercise_text(text, source)
    assert str(caught.value) == "\n".join(str(p) for p in caught.value.problems)
    assert all(p.file == source for p in caught.value.problems)
    return caught.value.problems


def test_problem_text() -> None:
    assert str(Problem("a.toml", 3, "steps[0].key", "bad")) == "a.toml:3: steps[0].key: bad"
    assert str(Problem("a.toml", None, "", "bad")) == "a.toml: bad"


def test_sample_loads_from_text_and_from_file(tmp_path: Path) -> None:
    path = tmp_path / "copy.toml"
    path.write_text(SAMPLE, encoding="utf-8")
    assert load_exercise(path) == load_exercise_text(SAMPLE, "x") == load_exercise(SAMPLE_PATH)


def test_byte_order_mark_is_accepted() -> None:
    assert isinstance(load_exercise_text("\ufeff" + SAMPLE, "bom.toml"), Exercise)


def test_wrong_type_on_a_top_level_field() -> None:
    text = edit("version = 1\n", 'version = "one"\n')
    (problem,) = problems_of(text)
    assert problem.field == "version"
    assert problem.line == line_of(text, 'version = "one"')
    assert problem.message == "expected a whole number, got 'one'"


def test_wrong_type_in_a_step() -> None:
    text = edit("dots_per_person = 3", "dots_per_person = 2.5")
    (problem,) = problems_of(text)
    assert problem.field == "steps[4].capture.dots_per_person"
    assert problem.line == line_of(text, "dots_per_person = 2.5")
    assert problem.message == "expected a whole number, got 2.5"


def test_unknown_field_lists_the_allowed_ones() -> None:
    text = edit('key = "tell"\n', 'key = "tell"\ncolour = "blue"\n')
    (problem,) = problems_of(text)
    assert problem.field == "steps[1].colour"
    assert problem.line == line_of(text, "colour =")
    assert problem.message.startswith("unknown field 'colour' (allowed: key, title, minutes,")


def test_missing_field_points_at_its_table() -> None:
    text = edit('[[steps]]\nkey = "recall"\n', '[[steps]]\nkeys = "recall"\n')
    found = {p.field: p for p in problems_of(text)}
    assert found["steps[0].key"].message == "required, but missing"
    assert found["steps[0].key"].line == line_of(text, 'keys = "recall"') - 1
    assert found["steps[0].keys"].message.startswith("unknown field 'keys'")


def test_unknown_capture_mode_names_the_modes() -> None:
    text = edit('mode = "actions"', 'mode = "dance"')
    (problem,) = problems_of(text)
    assert problem.field == "steps[5].capture.mode"
    assert problem.line == line_of(text, 'mode = "dance"')
    assert "'dance'" in problem.message
    assert "talk, cards, cluster, vote, rate, map, actions" in problem.message


def test_step_referring_to_a_missing_step() -> None:
    text = edit('source = "harvest"', 'source = "harvset"')
    (problem,) = problems_of(text)
    assert problem.field == "steps[3].capture.source"
    assert problem.line == line_of(text, 'source = "harvset"')
    assert "no step with key 'harvset'" in problem.message
    assert "earlier cards step" in problem.message


def test_step_referring_to_a_later_step() -> None:
    text = edit('source = "patterns"', 'source = "commit"')
    (problem,) = problems_of(text)
    assert problem.field == "steps[4].capture.source"
    assert problem.line == line_of(text, 'source = "commit"')
    assert "'commit' comes later" in problem.message


def test_step_referring_to_a_step_of_the_wrong_mode() -> None:
    (problem,) = problems_of(edit('source = "harvest"', 'source = "tell"'))
    assert problem.field == "steps[3].capture.source"
    assert problem.message == "step 'tell' captures talk; expected the key of an earlier cards step"


def test_minutes_not_adding_up_names_both_numbers() -> None:
    text = edit("minutes = 60\n", "minutes = 65\n")
    (problem,) = problems_of(text)
    assert problem.field == "minutes"
    assert problem.line == line_of(text, "minutes = 65")
    assert problem.message == "minutes is 65 but the steps add up to 60"


def test_cross_field_problems_are_reported_together() -> None:
    text = edit("minutes = 60\n", "minutes = 65\n", edit('source = "harvest"', 'source = "x"'))
    text = edit('key = "tell"', 'key = "recall"', text)
    fields = sorted(p.field for p in problems_of(text))
    assert fields == ["minutes", "steps[1].key", "steps[3].capture.source"]


def test_toml_syntax_error_has_a_line() -> None:
    text = edit("version = 1\n", "version = = 1\n")
    (problem,) = problems_of(text)
    assert problem.line == line_of(text, "version = = 1")
    assert problem.field == ""
    assert problem.message.startswith("not valid TOML: ")
    assert "line" not in problem.message  # the line is in the Problem, not repeated


def test_deeply_nested_toml_is_a_problem_not_a_crash() -> None:
    (problem,) = problems_of("a = " + "[" * 50_000)
    assert "not valid TOML" in problem.message


def test_oversize_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_text(SAMPLE + "# padding\n" * 120_000, encoding="utf-8")
    with pytest.raises(ExerciseFileError, match="larger than 1 MB") as caught:
        load_exercise(path)
    assert caught.value.problems[0].file == str(path)


def test_non_utf8_file_is_rejected_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes(SAMPLE.replace("Recall a time", "Caf\u00e9 time").encode("latin-1"))
    with pytest.raises(ExerciseFileError, match="not UTF-8") as caught:
        load_exercise(path)
    assert caught.value.problems[0].line == line_of(SAMPLE, "Recall a time of great")


def test_text_that_is_not_valid_unicode_is_a_problem() -> None:
    (problem,) = problems_of(SAMPLE.replace("Recall a time", "Recall \ud800 time"))
    assert "not valid Unicode" in problem.message


def test_a_flood_of_problems_is_capped() -> None:
    text = SAMPLE.replace("version = 1\n", "".join(f"x{i} = 1\n" for i in range(500)), 1)
    problems = problems_of(text)
    assert len(problems) == MAX_PROBLEMS + 1
    assert problems[-1].message == "... and 401 more problems not shown"  # 500 + missing version


@pytest.mark.parametrize("name", ["missing.toml", "."])
def test_unreadable_paths_are_problems(tmp_path: Path, name: str) -> None:
    with pytest.raises(ExerciseFileError) as caught:
        load_exercise(tmp_path / name)
    assert caught.value.problems[0].file == str(tmp_path / name)


def test_validate_files_collects_everything(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(SAMPLE, encoding="utf-8")
    twin = tmp_path / "twin.toml"
    twin.write_text(SAMPLE, encoding="utf-8")
    typo = tmp_path / "typo.toml"
    typo.write_text(edit("version = 1\n", 'version = "1"\n'), encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text("key = ", encoding="utf-8")
    assert validate_files([good]) == []
    problems = validate_files([good, twin, typo, broken, tmp_path / "gone.toml"])
    assert [Path(p.file).name for p in problems] == [
        "typo.toml",
        "broken.toml",
        "gone.toml",
        "twin.toml",
    ]
    duplicate = problems[-1]
    assert duplicate.field == "key"
    assert duplicate.line == 2
    assert str(good) in duplicate.message


@settings(database=None, max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_text_only_ever_raises_exercise_file_error(text: str) -> None:
    try:
        load_exercise_text(text, "fuzz.toml")
    except ExerciseFileError as exc:
        assert exc.problems
        assert all(p.file == "fuzz.toml" for p in exc.problems)


SAMPLE_LINES = SAMPLE.splitlines()


@settings(database=None, max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=len(SAMPLE_LINES) - 1),
    st.text(alphabet=st.sampled_from("abc_=[]{}\"'.,0123456789 -#\\"), max_size=30),
)
def test_a_mangled_sample_gives_problems_on_real_lines(index: int, replacement: str) -> None:
    lines = [*SAMPLE_LINES]
    lines[index] = replacement
    try:
        load_exercise_text("\n".join(lines), "mangled.toml")
    except ExerciseFileError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.line is None or 1 <= problem.line <= len(lines)


def test_a_list_whose_only_item_is_broken_is_not_also_called_empty() -> None:
    header = SAMPLE.split("[[steps]]")[0]
    text = header + '[[steps]]\nkey = "only"\ntitle = "Only"\nminutes = "sixty"\n'
    fields = [p.field for p in problems_of(text)]
    assert "steps" not in fields
    assert "steps[0].minutes" in fields
    (empty,) = problems_of("steps = []\n" + header)
    assert (empty.field, empty.message, empty.line) == ("steps", "must not be empty", 1)
