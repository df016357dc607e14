"""Hypothesis on the loaders of untrusted exercise and template files, from the bytes on disk up.

test_loader.py and test_generated_toml.py feed text and TOML documents to load_exercise_text;
here the input is the file itself (any bytes, through read_file_text), `chorus exercises import`
(which must write nothing, or exactly the text it checked), and workshop templates.
"""

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import exercises
from app.paths import user_exercises_dir
from app.user_library import import_exercise
from exercises import ExerciseFileError, Problem, load_exercise
from exercises.library import builtin_library
from exercises.loader import MAX_PROBLEMS, load_exercise_text, load_template_text

FIXTURES = Path(__file__).parents[1] / "fixtures"
BASE = (FIXTURES / "hostile_exercises" / "valid" / "base.toml").read_bytes()
TEMPLATE = (Path(exercises.__file__).parent / "templates" / "leading_leaders.toml").read_text(
    encoding="utf-8"
)
FUZZ = settings(database=None, max_examples=150, deadline=None)

# Bytes that mean something to TOML or to a decoder, so splices break files in telling ways.
SYNTAX = [b"", b"=", b'"', b"'''", b"[", b"]]", b"{", b",", b".", b"#", b"\n", b"\r", b"\\"]
ENCODING = [b"\x00", b"\xff", b"\xef\xbb\xbf", b"\xc3", b"\xed\xa0\x80", b"\xe2\x80\xae"]
VALUES = [b"-1", b"1e999", b"inf", b"nan", b"true", b"1979-05-27", b"steps", b"mode", b'"cards"']
PIECES = st.sampled_from([*SYNTAX, *ENCODING, *VALUES])
SPLICE = st.tuples(
    st.integers(0, len(BASE)),
    st.integers(0, 30),
    st.lists(PIECES | st.binary(max_size=6), max_size=4).map(b"".join),
)


def spliced(data: bytes, splice: tuple[int, int, bytes]) -> bytes:
    at, cut, insert = splice
    return data[:at] + insert + data[at + cut :]


def check(problems: tuple[Problem, ...] | list[Problem], source: str) -> None:
    assert 0 < len(problems) <= MAX_PROBLEMS + 1
    for problem in problems:
        assert problem.file == source
        text = str(problem)
        assert text.isprintable(), text  # one line, no raw control or bidi characters
        assert "pydantic" not in text and "Traceback" not in text, text


@FUZZ
@given(
    st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x1f\x8b"]),
    st.binary(max_size=1500),
)
def test_any_bytes_in_a_file_raise_only_exercise_file_error(prefix: bytes, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "exercise.toml"
        path.write_bytes(prefix + data)
        try:
            load_exercise(path)
        except ExerciseFileError as error:
            check(error.problems, str(path))


@FUZZ
@given(SPLICE)
def test_exercises_import_writes_nothing_or_exactly_the_text_it_checked(
    splice: tuple[int, int, bytes],
) -> None:
    """A broken file leaves the library folder as it was (here: not even created); a file that
    still passes is copied byte for byte, so what Chorus later loads is what was checked."""
    data = spliced(BASE, splice)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "shared.toml"
        source.write_bytes(data)
        data_dir = Path(folder) / "data"
        library = user_exercises_dir(data_dir)
        try:
            entry = import_exercise(data_dir, source)
        except ExerciseFileError as error:
            check(error.problems, str(source))
            assert not library.exists()
            return
        (copied,) = library.iterdir()
        assert copied.name == f"{entry.exercise.key}.toml"
        assert copied.read_bytes() == data
        assert load_exercise(copied) == entry.exercise


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text_as_a_template_raises_only_exercise_file_error(text: str) -> None:
    try:
        load_template_text(text, "fuzz.toml")
    except ExerciseFileError as error:
        check(error.problems, "fuzz.toml")


TEMPLATE_LINES = TEMPLATE.splitlines()


@FUZZ
@given(
    st.integers(0, len(TEMPLATE_LINES) - 1),
    st.text(alphabet=st.sampled_from("abc_=[]{}\"'.,0123456789 -#\\\n"), max_size=30),
)
def test_a_mangled_template_gives_problems_or_a_template_the_library_checks(
    index: int, replacement: str
) -> None:
    lines = [*TEMPLATE_LINES]
    lines[index] = replacement
    text = "\n".join(lines)
    try:
        template = load_template_text(text, "mangled.toml")
    except ExerciseFileError as error:
        check(error.problems, "mangled.toml")
        for problem in error.problems:
            assert problem.line is None or 1 <= problem.line <= len(text.splitlines()) + 1
        return
    problems = builtin_library().check_template(template, "mangled.toml")
    if problems:
        check(problems, "mangled.toml")


def test_the_base_file_and_the_template_are_valid_to_start_with() -> None:
    """So the mutations above start from files that load."""
    assert load_exercise_text(BASE.decode("utf-8"), "base.toml").key == "hostile_base"
    template = load_template_text(TEMPLATE, "leading_leaders.toml")
    assert builtin_library().check_template(template, "leading_leaders.toml") == []
