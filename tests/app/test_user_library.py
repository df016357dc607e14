"""Custom exercises: checked on import, copied into the data folder, listed beside built-ins."""

from pathlib import Path

import pytest

from app.paths import user_exercises_dir
from app.user_library import BUILT_IN, import_exercise, load_user_library
from exercises.loader import load_exercise_text
from exercises.problems import ExerciseFileError
from exercises.starter import StarterKeyError, starter_text

BUILTIN_KEY = "recall_great_collaboration"


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_the_starter_file_validates_and_explains_itself() -> None:
    text = starter_text("team_round", "team_round.toml")
    exercise = load_exercise_text(text, "team_round.toml")
    assert (exercise.key, exercise.title, exercise.minutes) == ("team_round", "Team round", 30)
    assert "chorus exercises validate team_round.toml" in text
    with pytest.raises(StarterKeyError, match="cannot be an exercise key"):
        starter_text("Team Round")


def test_import_copies_the_file_into_the_data_folder_only(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    source = _write(tmp_path / "inbox", "from_a_colleague.toml", starter_text("team_round"))
    entry = import_exercise(data_dir, source)
    target = user_exercises_dir(data_dir) / "team_round.toml"
    assert entry.source == str(target)
    assert target.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    library = load_user_library(data_dir)
    assert library.get("team_round").source == str(target)
    assert library.get(BUILTIN_KEY).source == BUILT_IN
    assert library.problems == ()


def test_a_file_that_fails_validation_is_not_copied(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    broken = starter_text("team_round").replace("minutes = 30", 'minutes = "thirty"')
    source = _write(tmp_path / "inbox", "broken.toml", broken)
    with pytest.raises(ExerciseFileError) as raised:
        import_exercise(data_dir, source)
    assert [p.field for p in raised.value.problems] == ["minutes"]
    assert not user_exercises_dir(data_dir).exists()


def test_a_builtin_key_is_refused_unless_the_file_says_it_replaces_it(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    clash = starter_text(BUILTIN_KEY)
    source = _write(tmp_path / "inbox", "clash.toml", clash)
    with pytest.raises(ExerciseFileError) as raised:
        import_exercise(data_dir, source)
    (problem,) = raised.value.problems
    assert (problem.field, problem.line) == (
        "key",
        clash.splitlines().index(f'key = "{BUILTIN_KEY}"') + 1,
    )
    assert "replaces_builtin = true" in problem.message
    assert load_user_library(data_dir).get(BUILTIN_KEY).source == BUILT_IN

    replacing = _write(
        tmp_path / "inbox",
        "replace.toml",
        clash.replace("replaces_builtin = false", "replaces_builtin = true"),
    )
    import_exercise(data_dir, replacing)
    entry = load_user_library(data_dir).get(BUILTIN_KEY)
    assert entry.source != BUILT_IN
    assert entry.exercise.title == "Recall great collaboration"  # the starter's title


def test_replacing_a_builtin_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    text = starter_text("team_round").replace("replaces_builtin = false", "replaces_builtin = true")
    source = _write(tmp_path / "inbox", "nothing_to_replace.toml", text)
    with pytest.raises(ExerciseFileError, match="no built-in exercise has the key 'team_round'"):
        import_exercise(tmp_path / "data", source)


def test_a_broken_file_dropped_into_the_folder_is_left_out_and_reported(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    folder = user_exercises_dir(data_dir)
    _write(folder, "good.toml", starter_text("team_round"))
    _write(folder, "bad.toml", "key = [unclosed")
    library = load_user_library(data_dir)
    assert "team_round" in {entry.exercise.key for entry in library.entries}
    assert [Path(problem.file).name for problem in library.problems] == ["bad.toml"]
    assert library.problems[0].line == 1


def test_links_in_the_library_folder_are_not_followed(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    outside = _write(tmp_path / "elsewhere", "secret.toml", starter_text("secret_round"))
    folder = user_exercises_dir(data_dir)
    folder.mkdir(parents=True)
    (folder / "innocent.toml").symlink_to(outside)
    library = load_user_library(data_dir)
    assert "secret_round" not in {entry.exercise.key for entry in library.entries}
    assert [p.message for p in library.problems] == [
        "a link, not a file; import the file it points to"
    ]
