"""The exercise format, its loader and validator, and the built-in exercise library.

No Qt and no database here: the app, the exports and the command line all read exercises through
this package's public names below.
"""

from exercises.library import Library, builtin_library
from exercises.loader import load_exercise, load_exercise_text, load_template, validate_files
from exercises.model import (
    ActionsCapture,
    Attribution,
    Capture,
    CaptureMode,
    CardsCapture,
    Category,
    ClusterCapture,
    Condition,
    Exercise,
    Grouping,
    GroupSize,
    Interpretation,
    MapCapture,
    RateCapture,
    Scale,
    Step,
    TalkCapture,
    VoteCapture,
)
from exercises.problems import ExerciseFileError, Problem
from exercises.workshop_template import TemplateItem, WorkshopTemplate

__all__ = [
    "ActionsCapture",
    "Attribution",
    "Capture",
    "CaptureMode",
    "CardsCapture",
    "Category",
    "ClusterCapture",
    "Condition",
    "Exercise",
    "ExerciseFileError",
    "GroupSize",
    "Grouping",
    "Interpretation",
    "Library",
    "MapCapture",
    "Problem",
    "RateCapture",
    "Scale",
    "Step",
    "TalkCapture",
    "TemplateItem",
    "VoteCapture",
    "WorkshopTemplate",
    "builtin_library",
    "load_exercise",
    "load_exercise_text",
    "load_template",
    "validate_files",
]
