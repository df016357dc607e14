"""The library: built-in files, lookups, duplicate keys and template checks."""

from pathlib import Path

import pytest

import exercises
from exercises import (
    ExerciseFileError,
    Library,
    TemplateItem,
    WorkshopTemplate,
    builtin_library,
    load_exercise,
    load_template,
)

PACKAGE = Path(exercises.__file__).parent
SAMPLE = (PACKAGE / "library" / "recall_great_collaboration.toml").read_text(encoding="utf-8")

TEMPLATE = """\
key = "short"
version = 1
title = "Short session"
summary = "One exercise."
minutes = 90

[[items]]
exercise = "recall_great_collaboration"
minutes = { tell = 10 }
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_builtin_library_loads_and_is_cached() -> None:
    library = builtin_library()
    assert library is builtin_library()
    exercise = library.get("recall_great_collaboration")
    assert exercise in library.exercises
    assert "recall_great_collaboration" in library
    template = library.template("from_heroic_to_collective")
    assert library.check_template(template) == []


def test_every_builtin_file_is_valid() -> None:
    for path in sorted((PACKAGE / "library").glob("*.toml")):
        assert load_exercise(path).key == path.stem
    for path in sorted((PACKAGE / "templates").glob("*.toml")):
        assert load_template(path).key == path.stem


def test_lookups_fail_with_clear_messages() -> None:
    library = builtin_library()
    with pytest.raises(KeyError, match="no exercise with key 'nope'"):
        library.get("nope")
    with pytest.raises(KeyError, match="no workshop template with key 'nope'"):
        library.template("nope")


def test_exercises_are_sorted_by_title(tmp_path: Path) -> None:
    other = SAMPLE.replace('key = "recall_great_collaboration"', 'key = "another"', 1)
    other = other.replace('title = "Recall a time', 'title = "A first look at a time', 1)
    write(tmp_path / "ex", "a.toml", SAMPLE)
    write(tmp_path / "ex", "b.toml", other)
    library = Library.from_folders(tmp_path / "ex", tmp_path / "templates")
    assert [e.key for e in library.exercises] == ["another", "recall_great_collaboration"]
    assert library.templates == ()


def test_duplicate_keys_across_files(tmp_path: Path) -> None:
    write(tmp_path / "ex", "one.toml", SAMPLE)
    second = write(tmp_path / "ex", "two.toml", SAMPLE)
    with pytest.raises(ExerciseFileError) as caught:
        Library.from_folders(tmp_path / "ex")
    (problem,) = caught.value.problems
    assert problem.file == str(second)
    assert problem.field == "key"
    assert problem.line == 2
    assert "one.toml" in problem.message


def test_broken_files_are_all_reported(tmp_path: Path) -> None:
    write(tmp_path / "ex", "bad.toml", SAMPLE.replace("version = 1", "version = 0", 1))
    write(tmp_path / "t", "bad.toml", TEMPLATE.replace("minutes = 90", "minutes = []"))
    with pytest.raises(ExerciseFileError) as caught:
        Library.from_folders(tmp_path / "ex", tmp_path / "t")
    assert [(Path(p.file).parent.name, p.field) for p in caught.value.problems] == [
        ("ex", "version"),
        ("t", "minutes"),
    ]


def test_missing_exercise_folder_is_a_problem(tmp_path: Path) -> None:
    with pytest.raises(ExerciseFileError, match="exercise folder not found"):
        Library.from_folders(tmp_path / "nowhere")


def test_template_referring_to_unknown_exercise_and_step(tmp_path: Path) -> None:
    write(tmp_path / "ex", "sample.toml", SAMPLE)
    text = TEMPLATE.replace("tell = 10", "tel = 10") + '\n[[items]]\nexercise = "ghost"\n'
    path = write(tmp_path / "t", "short.toml", text)
    with pytest.raises(ExerciseFileError) as caught:
        Library.from_folders(tmp_path / "ex", tmp_path / "t")
    step, ghost = caught.value.problems
    assert (step.file, step.field, step.line) == (str(path), "items[0].minutes.tel", 9)
    assert "has no step 'tel'" in step.message
    assert "recall, tell, harvest" in step.message
    assert (ghost.field, ghost.line) == ("items[1].exercise", 12)
    assert ghost.message == "no exercise 'ghost' in the library"


def test_check_template_on_its_own() -> None:
    library = builtin_library()
    template = WorkshopTemplate(
        key="adhoc",
        version=1,
        title="Ad hoc",
        summary="Built in code.",
        minutes=90,
        items=(TemplateItem(exercise="recall_great_collaboration", minutes={"harvest": 20}),),
    )
    assert library.check_template(template) == []
    broken = template.model_copy(update={"items": (TemplateItem(exercise="ghost"),)})
    (problem,) = library.check_template(broken)
    assert str(problem) == "template 'adhoc': items[0].exercise: no exercise 'ghost' in the library"


def test_template_file_alone(tmp_path: Path) -> None:
    template = load_template(write(tmp_path, "short.toml", TEMPLATE))
    assert template.items[0].minutes == {"tell": 10}
    assert WorkshopTemplate.model_validate_json(template.model_dump_json()) == template
    bad = write(tmp_path, "bad.toml", TEMPLATE.replace("tell = 10", "Tell = 999"))
    with pytest.raises(ExerciseFileError) as caught:
        load_template(bad)
    assert sorted(p.field for p in caught.value.problems) == [
        "items[0].minutes.Tell",
        "items[0].minutes.Tell",
    ]


def test_library_from_objects_rejects_duplicates() -> None:
    exercise = builtin_library().get("recall_great_collaboration")
    with pytest.raises(ValueError, match="two exercises use the key"):
        Library([exercise, exercise])
