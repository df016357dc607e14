"""The agenda: exercise runs in order, their steps' planned minutes and actual times, run state."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

import app.db.models.base  # noqa: F401  (the naming convention must be set before any table)


class AgendaItem(SQLModel, table=True):
    """One run of an exercise. The definition is frozen here so library edits never rewrite it."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE", index=True)
    position: int = 0
    exercise_key: str = Field(max_length=48)
    exercise_version: int
    definition_json: str  # the Exercise as JSON at the moment it was added
    deleted_at: datetime | None = None  # removed from the agenda, kept for undo


class RunStep(SQLModel, table=True):
    """One step of an agenda item: minutes as planned, and when it really started and ended."""

    __table_args__ = (UniqueConstraint("agenda_item_id", "step_key"),)

    id: int | None = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="agendaitem.id", ondelete="CASCADE", index=True)
    step_key: str = Field(max_length=48)
    position: int = 0
    planned_minutes: int
    started_at: datetime | None = None
    ended_at: datetime | None = None


class RunState(SQLModel, table=True):
    """Where a live run is and its timer, so a restart resumes with the true remaining time.

    The timer is a wall-clock deadline while running, or the seconds left while paused;
    `budget_seconds` bounds what a clock jumping backwards could add.
    """

    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE", primary_key=True)
    run_step_id: int | None = Field(default=None, foreign_key="runstep.id", ondelete="SET NULL")
    budget_seconds: float = 0.0
    deadline_epoch: float | None = None  # set while running
    paused_remaining: float | None = None  # set while paused
    updated_at: datetime | None = None
