"""Plan against actual: how long each step really took, and how far ahead or behind the run is.

Pure arithmetic over the agenda plan (which carries each step's recorded start and end) and the
clock, so it can be tested with fixed times and shown by the rail without touching the database.
A step counts once its timer has been started (`started_at`); it is done once the run has moved
on from it (`ended_at`). Steps never started (skipped, or run without the timer) count neither
way: the room's time is measured, not guessed.
"""

import datetime as dt
from dataclasses import dataclass

from app.services.agenda import AgendaPlan, ItemPlan, StepPlan


@dataclass(frozen=True)
class StepProgress:
    run_step_id: int
    planned_minutes: int
    actual_minutes: float | None  # None until started; for the current step, elapsed so far
    done: bool  # the run has moved on from it
    current: bool


@dataclass(frozen=True)
class RunProgress:
    steps: tuple[StepProgress, ...]
    delta_minutes: float  # over the plan so far: positive behind, negative ahead

    def step(self, run_step_id: int) -> StepProgress | None:
        return next((s for s in self.steps if s.run_step_id == run_step_id), None)

    @property
    def rounded_delta(self) -> int:
        return round(self.delta_minutes)

    @property
    def summary(self) -> str:
        """ "On time", "12 min behind" or "5 min ahead" (whole minutes)."""
        return progress_text(self.rounded_delta)


def progress_text(delta: int) -> str:
    if delta > 0:
        return f"{delta} min behind"
    if delta < 0:
        return f"{-delta} min ahead"
    return "On time"


def _aware(moment: dt.datetime) -> dt.datetime:
    """SQLite may hand back naive datetimes; the run records them in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def _minutes(start: dt.datetime, end: dt.datetime) -> float:
    return max(0.0, (_aware(end) - _aware(start)).total_seconds() / 60.0)


def run_progress(
    plan: AgendaPlan, current_run_step_id: int | None, now: dt.datetime
) -> RunProgress:
    """Each step's actual minutes, and the run's delta: the overrun (or time saved) of every
    done step, plus the current step's overrun once it has gone past its plan."""
    steps: list[StepProgress] = []
    delta = 0.0
    for item in plan.items:
        for step in item.steps:
            current = step.run_step_id == current_run_step_id
            actual: float | None = None
            done = step.ended_at is not None and step.started_at is not None
            if step.started_at is not None and step.ended_at is not None:
                actual = _minutes(step.started_at, step.ended_at)
                delta += actual - step.minutes
            elif step.started_at is not None and current:
                actual = _minutes(step.started_at, now)
                delta += max(0.0, actual - step.minutes)
            steps.append(StepProgress(step.run_step_id, step.minutes, actual, done, current))
    return RunProgress(tuple(steps), delta)


def format_actual(minutes: float | None) -> str:
    """Whole minutes as the rail shows them ("" until the step has started)."""
    return "" if minutes is None else str(round(minutes))


@dataclass(frozen=True)
class StepPlace:
    """Where a step sits in the run: its item, its plan, and "step 3 of 9"."""

    item: ItemPlan
    step: StepPlan
    position: int  # from 0
    count: int

    @property
    def text(self) -> str:
        return f"Step {self.position + 1} of {self.count}"

    @property
    def first(self) -> bool:
        return self.position == 0

    @property
    def last(self) -> bool:
        return self.position == self.count - 1


def step_place(plan: AgendaPlan | None, run_step_id: int | None) -> StepPlace | None:
    """The place of `run_step_id` in `plan` (None when it is not on the agenda)."""
    steps = [(item, step) for item in plan.items for step in item.steps] if plan else []
    for position, (item, step) in enumerate(steps):
        if step.run_step_id == run_step_id:
            return StepPlace(item, step, position, len(steps))
    return None
