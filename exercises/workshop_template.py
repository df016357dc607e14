"""Workshop templates: a ready-made agenda of exercises for a given amount of time."""

from __future__ import annotations

from pydantic import Field

from exercises.model import (
    Exercise,
    Key,
    Line,
    OptionalText,
    StepMinutes,
    Title,
    _Model,
)


class TemplateItem(_Model):
    """One exercise in a workshop template, with optional per-step minutes keyed by step key.

    `steps` picks some of the exercise's steps (kept in the exercise's order), so one exercise
    can serve twice: a check-in round to open the day and its check-out round to close it.
    """

    exercise: Key
    minutes: dict[Key, StepMinutes] | None = Field(default=None, max_length=40)
    steps: tuple[Key, ...] | None = Field(default=None, min_length=1, max_length=40, strict=False)

    def planned_minutes(self, exercise: Exercise) -> int:
        chosen = [s for s in exercise.steps if self.steps is None or s.key in self.steps]
        overrides = self.minutes or {}
        return sum(overrides.get(step.key, step.minutes) for step in chosen)


class WorkshopTemplate(_Model):
    """A ready-made agenda: exercises in order for a given amount of time."""

    key: Key
    version: int = Field(ge=1, le=1_000_000)
    title: Title
    summary: Line
    purpose: OptionalText = ""
    minutes: int = Field(ge=1, le=1440)
    items: tuple[TemplateItem, ...] = Field(min_length=1, max_length=40, strict=False)
