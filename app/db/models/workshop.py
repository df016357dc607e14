"""A workshop and what belongs to it directly: participants, actions, notes, drafts."""

import datetime as dt
from enum import StrEnum

from sqlmodel import Field, SQLModel

from app.db.models.base import utc_now


class WorkshopStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    DONE = "done"


class Workshop(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    title: str = Field(max_length=200)
    purpose: str = ""
    organisation: str = ""  # "group" in the UI: the team or organisation taking part
    date: dt.date | None = None
    start_time: dt.time | None = None
    minutes_available: int | None = None
    location: str = ""
    facilitator: str = ""
    status: WorkshopStatus = WorkshopStatus.PLANNED
    archived_at: dt.datetime | None = None
    trashed_at: dt.datetime | None = Field(default=None, index=True)
    created_at: dt.datetime = Field(default_factory=utc_now)
    updated_at: dt.datetime = Field(default_factory=utc_now)


class Participant(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE", index=True)
    position: int = 0
    name: str = ""  # optional: many rooms stay anonymous
    vantage_point: str = ""  # where they stand in the system: role, team, stakeholder group
    deleted_at: dt.datetime | None = None  # removed, kept so undo restores authorship


class ActionStatus(StrEnum):
    OPEN = "open"
    DONE = "done"


class Action(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE", index=True)
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agendaitem.id", ondelete="SET NULL", index=True
    )
    step_key: str | None = None
    position: int = 0
    what: str
    owner: str = ""
    due: dt.date | None = None
    status: ActionStatus = ActionStatus.OPEN
    created_at: dt.datetime = Field(default_factory=utc_now)
    deleted_at: dt.datetime | None = None


class Note(SQLModel, table=True):
    """A private facilitator note: on the workshop, or on one agenda item or step."""

    id: int | None = Field(default=None, primary_key=True)
    workshop_id: int = Field(foreign_key="workshop.id", ondelete="CASCADE", index=True)
    agenda_item_id: int | None = Field(
        default=None, foreign_key="agendaitem.id", ondelete="CASCADE", index=True
    )
    step_key: str | None = None
    text: str = ""
    created_at: dt.datetime = Field(default_factory=utc_now)
    updated_at: dt.datetime = Field(default_factory=utc_now)


class Draft(SQLModel, table=True):
    """Text being typed but not yet committed, so a crash mid-sentence loses nothing."""

    key: str = Field(primary_key=True, max_length=200)
    workshop_id: int | None = Field(
        default=None, foreign_key="workshop.id", ondelete="CASCADE", index=True
    )
    text: str = ""
    updated_at: dt.datetime = Field(default_factory=utc_now)
