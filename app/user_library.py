"""The library as one user sees it: the built-ins plus custom exercises in their data folder.

Custom files come from other coaches, so each is validated on import and again on load; a
broken one is reported and left out, never half-used. A custom exercise takes the key of a
built-in only when it says `replaces_builtin = true`.
"""

from dataclasses import dataclass
from pathlib import Path

from app.files import write_atomically
from app.paths import user_exercises_dir
from exercises.library import Library, builtin_library
from exercises.loader import load_exercise_text, read_file_text
from exercises.model import Exercise
from exercises.problems import ExerciseFileError, Problem
from exercises.toml_lines import TomlLines

BUILT_IN = "built-in"


@dataclass(frozen=True)
class LibraryEntry:
    exercise: Exercise
    source: str  # "built-in" or the custom file's path


@dataclass(frozen=True)
class UserLibrary:
    entries: tuple[LibraryEntry, ...]  # by title
    problems: tuple[Problem, ...]  # custom files that were left out, and why

    @property
    def library(self) -> Library:
        """For lookups by key and for templates (templates are built-in only)."""
        return Library((e.exercise for e in self.entries), builtin_library().templates)

    def get(self, key: str) -> LibraryEntry:
        for entry in self.entries:
            if entry.exercise.key == key:
                return entry
        raise KeyError(f"no exercise with key '{key}' in the library")


def _key_clash(exercise: Exercise, source: str, text: str) -> Problem | None:
    builtin = {e.key for e in builtin_library().exercises}
    lines = TomlLines(text)
    if exercise.key in builtin and not exercise.replaces_builtin:
        return Problem(
            source,
            lines.find(("key",)),
            "key",
            f"a built-in exercise already uses the key '{exercise.key}'; choose another key, "
            "or set replaces_builtin = true to replace the built-in one",
        )
    if exercise.replaces_builtin and exercise.key not in builtin:
        return Problem(
            source,
            lines.find(("replaces_builtin",)),
            "replaces_builtin",
            f"no built-in exercise has the key '{exercise.key}' to replace",
        )
    return None


def _load_custom(path: Path) -> tuple[Exercise, str]:
    """The exercise and the exact text it was validated from (read once)."""
    if path.is_symlink():  # a shared pack must not point at files elsewhere on the disk
        raise ExerciseFileError(
            [Problem(str(path), None, "", "a link, not a file; import the file it points to")]
        )
    text = read_file_text(path)
    exercise = load_exercise_text(text, str(path))
    clash = _key_clash(exercise, str(path), text)
    if clash is not None:
        raise ExerciseFileError([clash])
    return exercise, text


def load_user_library(data_dir: Path) -> UserLibrary:
    entries = {e.key: LibraryEntry(e, BUILT_IN) for e in builtin_library().exercises}
    problems: list[Problem] = []
    folder = user_exercises_dir(data_dir)
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
        try:
            exercise, _ = _load_custom(path)
        except ExerciseFileError as error:
            problems.extend(error.problems)
            continue
        entries[exercise.key] = LibraryEntry(exercise, str(path))
    ordered = sorted(entries.values(), key=lambda e: (e.exercise.title.casefold(), e.exercise.key))
    return UserLibrary(tuple(ordered), tuple(problems))


def import_exercise(data_dir: Path, source: Path) -> LibraryEntry:
    """Validate, then copy the file whole into the user's library; nothing on any problem.

    The copy is named after the key, so importing a newer version replaces the older one.
    """
    exercise, text = _load_custom(source)  # raises ExerciseFileError listing every problem
    folder = user_exercises_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{exercise.key}.toml"
    write_atomically(target, text.encode("utf-8"))  # the very text that was checked
    return LibraryEntry(exercise, str(target))
