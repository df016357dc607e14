"""`chorus exercises ...`: list, show, validate, import and start custom exercises.

None of these open the database; custom exercises live as files in the data folder.
"""

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from app.files import write_atomically
from app.user_library import import_exercise, load_user_library
from exercises.loader import validate_files
from exercises.model import Exercise
from exercises.problems import ExerciseFileError
from exercises.starter import starter_text

if TYPE_CHECKING:
    from app.cli.commands import Context


def _library(context: "Context") -> list[tuple[Exercise, str]]:
    library = load_user_library(context.data_dir)
    for problem in library.problems:  # a broken custom file is left out, and said so
        print(f"chorus: left out: {problem}", file=sys.stderr)
    return [(entry.exercise, entry.source) for entry in library.entries]


def exercises_list(context: "Context", args: argparse.Namespace) -> int:
    entries = _library(context)
    if args.json:
        records = [
            {
                "key": e.key,
                "title": e.title,
                "version": e.version,
                "minutes": e.minutes,
                "source": source,
                "summary": e.summary,
            }
            for e, source in entries
        ]
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    for exercise, source in entries:
        mark = "" if source == "built-in" else "  (custom)"
        print(f"{exercise.key:<34} {exercise.minutes:>4} min  {exercise.title}{mark}")
    return 0


def _paragraph(label: str, text: str) -> list[str]:
    return [f"{label}:", *(f"  {line}" for line in text.strip().splitlines()), ""]


def describe(exercise: Exercise) -> str:
    """The whole exercise as a facilitator reads it before the day."""
    lines = [
        f"{exercise.title}  ({exercise.key}, version {exercise.version}, {exercise.minutes} min)",
        exercise.summary,
        f"Based on: {exercise.based_on.idea} ({exercise.based_on.source})",
        f"Group size: {exercise.group_size.min} to {exercise.group_size.max}",
        "Materials: " + ("; ".join(exercise.materials) or "none"),
        "",
        *_paragraph("Invitation", exercise.invitation),
        *_paragraph("Space", exercise.space),
        *_paragraph("Participation", exercise.participation),
    ]
    for number, step in enumerate(exercise.steps, 1):
        grouping = step.grouping.value.replace("_", " ")
        lines += [
            f"{number}. {step.title}  [{step.minutes} min, {grouping}, {step.capture.mode}]",
            *_paragraph("   Say and do", step.script),
            f"   On screen: {step.prompt}",
            *(f"   Debrief: {question}" for question in step.debrief),
            "",
        ]
    lines += _paragraph("Handout", exercise.handout)
    return "\n".join(lines).rstrip()


def exercises_show(context: "Context", args: argparse.Namespace) -> int:
    print(describe(load_user_library(context.data_dir).get(args.key).exercise))
    return 0


def exercises_validate(_context: "Context", args: argparse.Namespace) -> int:
    problems = validate_files([Path(name) for name in args.files])
    for problem in problems:
        print(problem)
    if problems:
        files = len({problem.file for problem in problems})
        print(f"chorus: {len(problems)} problem(s) in {files} file(s)", file=sys.stderr)
        return 1
    print(f"{len(args.files)} file(s) valid")
    return 0


def exercises_import(context: "Context", args: argparse.Namespace) -> int:
    """Each file is checked and copied on its own: one bad file does not block the others."""
    failed = 0
    for name in args.files:
        try:
            entry = import_exercise(context.data_dir, Path(name))
        except ExerciseFileError as error:
            failed += 1
            for problem in error.problems:
                print(problem)
            continue
        print(f"imported {entry.exercise.key} ({entry.exercise.title}) to {entry.source}")
    if failed:
        print(f"chorus: {failed} file(s) not imported", file=sys.stderr)
        return 1
    return 0


def exercises_new(_context: "Context", args: argparse.Namespace) -> int:
    output = Path(args.output)
    if output.exists():
        raise FileExistsError(f"{output} already exists; choose another file name")
    write_atomically(output, starter_text(args.key, output.name).encode("utf-8"))
    print(output)
    return 0


EXERCISE_COMMANDS: dict[str, Callable[["Context", argparse.Namespace], int]] = {
    "exercises list": exercises_list,
    "exercises show": exercises_show,
    "exercises validate": exercises_validate,
    "exercises import": exercises_import,
    "exercises new": exercises_new,
}
