"""The exercise library: exercises and workshop templates by key, loaded from folders.

The built-in library ships inside this package as data files. A broken built-in file is a bug, so
loading raises with every problem found rather than silently skipping the file.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from exercises.loader import (
    duplicate_keys,
    load_exercise_text,
    load_template_text,
    read_file_text,
)
from exercises.model import Exercise
from exercises.problems import ExerciseFileError, Loc, Problem, format_path
from exercises.toml_lines import TomlLines
from exercises.workshop_template import WorkshopTemplate

_PACKAGE = Path(__file__).parent

M = TypeVar("M", Exercise, WorkshopTemplate)


class Library:
    """Exercises and templates, each looked up by key; keys are unique."""

    def __init__(
        self, exercises: Iterable[Exercise] = (), templates: Iterable[WorkshopTemplate] = ()
    ) -> None:
        self._exercises: dict[str, Exercise] = {}
        self._templates: dict[str, WorkshopTemplate] = {}
        for exercise in exercises:
            if exercise.key in self._exercises:
                raise ValueError(f"two exercises use the key '{exercise.key}'")
            self._exercises[exercise.key] = exercise
        for template in templates:
            if template.key in self._templates:
                raise ValueError(f"two templates use the key '{template.key}'")
            self._templates[template.key] = template

    @classmethod
    def from_folders(cls, exercises_dir: Path, templates_dir: Path | None = None) -> Library:
        """Load every `*.toml` file; raise ExerciseFileError listing all problems in all files.

        A missing or empty templates folder simply means no templates.
        """
        problems: list[Problem] = []
        if not exercises_dir.is_dir():
            problems.append(Problem(str(exercises_dir), None, "", "exercise folder not found"))
        exercises = _load_all(exercises_dir, load_exercise_text, problems)
        templates = _load_all(templates_dir, load_template_text, problems)
        problems += duplicate_keys(
            [(e.key, s, x.find(("key",))) for e, s, x in exercises], "exercise"
        )
        problems += duplicate_keys(
            [(t.key, s, x.find(("key",))) for t, s, x in templates], "template"
        )
        if problems:
            raise ExerciseFileError(problems)
        library = cls((e for e, _, _ in exercises), (t for t, _, _ in templates))
        for template, source, lines in templates:
            problems += library._check_template(template, source, lines)
        if problems:
            raise ExerciseFileError(problems)
        return library

    @property
    def exercises(self) -> tuple[Exercise, ...]:
        """All exercises, sorted by title."""
        return tuple(sorted(self._exercises.values(), key=lambda e: (e.title.casefold(), e.key)))

    @property
    def templates(self) -> tuple[WorkshopTemplate, ...]:
        """All workshop templates, sorted by title."""
        return tuple(sorted(self._templates.values(), key=lambda t: (t.title.casefold(), t.key)))

    def __contains__(self, key: object) -> bool:
        return key in self._exercises

    def get(self, key: str) -> Exercise:
        """The exercise with this key; KeyError naming the key if the library has none."""
        try:
            return self._exercises[key]
        except KeyError:
            raise KeyError(f"no exercise with key '{key}' in the library") from None

    def template(self, key: str) -> WorkshopTemplate:
        """The template with this key; KeyError naming the key if the library has none."""
        try:
            return self._templates[key]
        except KeyError:
            raise KeyError(f"no workshop template with key '{key}' in the library") from None

    def check_template(self, template: WorkshopTemplate, source: str = "") -> list[Problem]:
        """Problems with the exercises and step minutes a template names; [] if it fits."""
        return self._check_template(template, source or f"template '{template.key}'", None)

    def _check_template(
        self, template: WorkshopTemplate, source: str, lines: TomlLines | None
    ) -> list[Problem]:
        issues: list[tuple[Loc, str]] = []
        for i, item in enumerate(template.items):
            exercise = self._exercises.get(item.exercise)
            if exercise is None:
                message = f"no exercise '{item.exercise}' in the library"
                issues.append((("items", i, "exercise"), message))
                continue
            steps = [s.key for s in exercise.steps]
            known = ", ".join(steps)
            for step_key in item.minutes or {}:
                if step_key not in steps:
                    message = f"exercise '{exercise.key}' has no step '{step_key}' (steps: {known})"
                    issues.append((("items", i, "minutes", step_key), message))
            for j, step_key in enumerate(item.steps or ()):
                if step_key not in steps:
                    message = f"exercise '{exercise.key}' has no step '{step_key}' (steps: {known})"
                    issues.append((("items", i, "steps", j), message))
            if item.steps is not None:
                for step_key, needed in exercise.missing_sources(item.steps):
                    message = f"step '{step_key}' builds on step '{needed}', which is left out"
                    issues.append((("items", i, "steps"), message))
        if not issues:
            total = sum(
                item.planned_minutes(self._exercises[item.exercise]) for item in template.items
            )
            if total > template.minutes:
                message = (
                    f"the agenda takes {total} minutes but the template allows {template.minutes}"
                )
                issues.append((("minutes",), message))
        return [
            Problem(source, lines.find(loc) if lines else None, format_path(loc), message)
            for loc, message in issues
        ]


@functools.cache
def builtin_library() -> Library:
    """The library shipped with Chorus (loaded once; a broken built-in file raises)."""
    return Library.from_folders(_PACKAGE / "library", _PACKAGE / "templates")


def _load_all(
    folder: Path | None, load: Callable[[str, str], M], problems: list[Problem]
) -> list[tuple[M, str, TomlLines]]:
    """Every `*.toml` file in `folder`, loaded; problems are collected instead of raised."""
    if folder is None or not folder.is_dir():
        return []
    loaded: list[tuple[M, str, TomlLines]] = []
    for path in sorted(folder.glob("*.toml")):
        try:
            text = read_file_text(path)
            loaded.append((load(text, str(path)), str(path), TomlLines(text)))
        except ExerciseFileError as exc:
            problems.extend(exc.problems)
    return loaded
