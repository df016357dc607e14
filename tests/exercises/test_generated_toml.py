"""Generated TOML fed to the loader: whatever a file holds, only ExerciseFileError may escape.

Three sources of documents: arbitrary nested tables of every TOML value type, mutations of real
exercises (a key dropped, a value of another type, an unknown key, a step duplicated, the steps
shuffled), and the same documents read from disk through `validate_files`.
"""

import copy
import datetime as dt
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

import exercises
from exercises import ExerciseFileError, Problem, validate_files
from exercises.loader import MAX_PROBLEMS, load_exercise_text
from exercises.model import (
    ActionsCapture,
    Attribution,
    CaptureMode,
    CardsCapture,
    Category,
    ClusterCapture,
    Condition,
    Exercise,
    GroupSize,
    Interpretation,
    MapCapture,
    RateCapture,
    Scale,
    Step,
    TalkCapture,
    VoteCapture,
)

SAMPLE_PATH = Path(exercises.__file__).parent / "library" / "recall_great_collaboration.toml"
EVERY_MODE_PATH = Path(__file__).parents[1] / "fixtures" / "every_mode.toml"
SAMPLES = [tomllib.loads(p.read_text(encoding="utf-8")) for p in (SAMPLE_PATH, EVERY_MODE_PATH)]

MODELS = (
    Exercise,
    Attribution,
    GroupSize,
    Step,
    TalkCapture,
    CardsCapture,
    Category,
    ClusterCapture,
    VoteCapture,
    RateCapture,
    Scale,
    Condition,
    Interpretation,
    MapCapture,
    ActionsCapture,
)
FIELD_NAMES = sorted({name for model in MODELS for name in model.model_fields})

# deadline=None: a few examples build the largest documents allowed, and CI machines vary; the
# time each hostile file may take is checked in test_hostile_files.py instead.
BOUNDED = settings(
    database=None,
    max_examples=200,
    deadline=None,
)

# ----- strategies -------------------------------------------------------------------------------

texts = st.one_of(
    st.text(max_size=30),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=5),  # control characters
    st.sampled_from([*(m.value for m in CaptureMode), "solo", "whole_group", "", " ", "../x"]),
    st.sampled_from(["\u202e", "\u2028", "\x85", "\ufeff", "\x1b[31m"]),  # bidi, breaks, escapes
    st.integers(min_value=4001, max_value=4100).map(lambda n: "ab" * (n // 2)),  # too long
)
integers = st.one_of(
    st.integers(min_value=-1000, max_value=1000),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.sampled_from([0, 1, 480, 481, 960, 961, 2**63 - 1, -(2**63), 10**30]),
)
floats = st.one_of(
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0.0, -0.0, 2.5, 10.0, float("inf"), float("-inf"), float("nan")]),
)
offsets = st.integers(min_value=-23 * 60 - 59, max_value=23 * 60 + 59).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
dates_and_times = st.one_of(
    st.dates(),
    st.times(),
    st.datetimes(),
    st.datetimes(timezones=offsets),
)
scalars = st.one_of(texts, integers, floats, st.booleans(), dates_and_times)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=12))


def tables(values: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    return st.dictionaries(keys, values, max_size=5)


documents = tables(
    st.recursive(
        scalars,
        lambda children: st.one_of(st.lists(children, max_size=5), tables(children)),
        max_leaves=25,
    )
)

# ----- mutations of real exercises --------------------------------------------------------------

Where = tuple[str | int, ...]


def paths(value: Any, prefix: Where = ()) -> list[Where]:
    """Every position in a parsed document (tables and lists, at any depth)."""
    found: list[Where] = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += paths(item, (*prefix, index))
    return found


def parent_of(document: dict[str, Any], path: Where) -> Any:
    container: Any = document
    for part in path[:-1]:
        container = container[part]
    return container


def other_kind(value: Any) -> st.SearchStrategy[Any]:
    """A value of another TOML type than `value` (or of the same type but out of range)."""
    choices: list[st.SearchStrategy[Any]] = [
        texts,
        integers,
        floats,
        st.booleans(),
        dates_and_times,
        st.lists(scalars, max_size=3),
        tables(scalars),
    ]
    return st.one_of(choices).filter(lambda new: type(new) is not type(value) or new != value)


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    document: dict[str, Any] = copy.deepcopy(draw(st.sampled_from(SAMPLES)))
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        operation = draw(st.sampled_from(["drop", "retype", "unknown", "duplicate", "shuffle"]))
        steps = document.get("steps")
        if operation in ("duplicate", "shuffle") and isinstance(steps, list) and steps:
            if operation == "duplicate":
                index = draw(st.integers(min_value=0, max_value=len(steps) - 1))
                steps.insert(draw(st.integers(0, len(steps))), copy.deepcopy(steps[index]))
            else:
                document["steps"] = draw(st.permutations(steps))
            continue
        places = paths(document)
        if not places:  # everything was dropped already
            break
        path = draw(st.sampled_from(places))
        container = parent_of(document, path)
        last = path[-1]
        if operation == "drop":
            del container[last]
        elif operation == "retype":
            container[last] = draw(other_kind(container[last]))
        else:
            table = container[last] if isinstance(container[last], dict) else document
            name = draw(keys)
            table[name + "_extra" if name in table else name] = draw(scalars)
    return document


# ----- checks ---------------------------------------------------------------------------------


def check_problems(problems: tuple[Problem, ...] | list[Problem], text: str, source: str) -> None:
    assert 0 < len(problems) <= MAX_PROBLEMS + 1
    line_count = max(len(text.splitlines()), 1)
    for problem in problems:
        assert problem.file == source
        assert problem.message.strip()
        assert problem.line is None or 1 <= problem.line <= line_count, problem
        assert len(str(problem).splitlines()) == 1, str(problem)
        assert "pydantic" not in problem.message
        assert "<class" not in problem.message


def load_or_problems(text: str, source: str) -> tuple[Problem, ...]:
    """The problems with `text`, or () if it is a valid exercise; nothing else may escape."""
    try:
        load_exercise_text(text, source)
    except ExerciseFileError as exc:
        check_problems(exc.problems, text, source)
        return exc.problems
    return ()


# ----- tests -----------------------------------------------------------------------------------


def test_the_samples_survive_a_round_trip_through_tomli_w() -> None:
    """So the mutations below start from documents that load."""
    for sample in SAMPLES:
        assert load_or_problems(tomli_w.dumps(sample), "sample.toml") == ()


@BOUNDED
@given(documents)
def test_arbitrary_documents_only_raise_exercise_file_error(document: dict[str, Any]) -> None:
    load_or_problems(tomli_w.dumps(document), "generated.toml")


@BOUNDED
@given(mutated())
def test_mutated_exercises_only_raise_exercise_file_error(document: dict[str, Any]) -> None:
    load_or_problems(tomli_w.dumps(document), "mutated.toml")


@BOUNDED
@given(st.one_of(documents, mutated()))
def test_validate_files_reports_the_same_problems_as_the_loader(document: dict[str, Any]) -> None:
    text = tomli_w.dumps(document)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "exercise.toml"
        path.write_bytes(text.encode("utf-8"))
        problems = validate_files([path])
    if problems:
        check_problems(problems, text, str(path))
    assert tuple(problems) == load_or_problems(text, str(path))
