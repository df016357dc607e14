"""Workshops: create, edit, duplicate, archive, trash, restore, delete for good, and list."""

import datetime as dt
from enum import StrEnum
from typing import TypedDict, Unpack

from sqlmodel import Session, col, select

from app.db.database import Database
from app.db.models import AgendaItem, Note, Participant, RunStep, Workshop, utc_now
from app.services.changes import Area, Changes
from app.services.common import clean_line, clean_text, get_row
from app.services.errors import InvalidInputError


class WorkshopView(StrEnum):
    ACTIVE = "active"
    ARCHIVED = "archived"
    TRASH = "trash"


class WorkshopDetails(TypedDict, total=False):
    title: str
    purpose: str
    organisation: str
    date: dt.date | None
    start_time: dt.time | None
    minutes_available: int | None
    location: str
    facilitator: str


_LINE_FIELDS = {
    "title": "Title",
    "organisation": "Group",
    "location": "Location",
    "facilitator": "Facilitator",
}
MAX_MINUTES_AVAILABLE = 7 * 24 * 60


def clean_details(details: WorkshopDetails) -> dict[str, object]:
    unknown = set(details) - set(WorkshopDetails.__annotations__)
    if unknown:
        raise InvalidInputError(f"A workshop has no field called {sorted(unknown)[0]!r}.")
    cleaned: dict[str, object] = dict(details)
    for name, label in _LINE_FIELDS.items():
        if name in cleaned:
            cleaned[name] = clean_line(str(cleaned[name]), label, required=name == "title")
    if "purpose" in cleaned:
        cleaned["purpose"] = clean_text(str(cleaned["purpose"]), "Purpose", required=False)
    minutes = cleaned.get("minutes_available")
    if minutes is not None and not (
        isinstance(minutes, int) and 1 <= minutes <= MAX_MINUTES_AVAILABLE
    ):
        raise InvalidInputError("Time available must be between 1 minute and a week.")
    return cleaned


def insert_workshop(session: Session, details: WorkshopDetails) -> Workshop:
    """Add inside an open transaction; shared with templates and the bundle import."""
    if "title" not in details:
        raise InvalidInputError("A workshop needs a title.")
    cleaned = clean_details(details)
    workshop = Workshop(title=str(cleaned.pop("title")))
    for name, value in cleaned.items():
        setattr(workshop, name, value)
    session.add(workshop)
    session.flush()
    return workshop


def create_workshop(db: Database, **details: Unpack[WorkshopDetails]) -> Changes:
    with db.write() as session:
        workshop = insert_workshop(session, details)
        assert workshop.id is not None
        return Changes.of(Area.WORKSHOPS, workshop_id=workshop.id, ids=(workshop.id,))


def edit_workshop(db: Database, workshop_id: int, **details: Unpack[WorkshopDetails]) -> Changes:
    cleaned = clean_details(details)
    with db.write() as session:
        workshop = get_row(session, Workshop, workshop_id, "Workshop")
        for name, value in cleaned.items():
            setattr(workshop, name, value)
        workshop.updated_at = utc_now()
        session.add(workshop)
    return Changes.of(Area.WORKSHOPS, Area.DETAILS, workshop_id=workshop_id, ids=(workshop_id,))


def get_workshop(db: Database, workshop_id: int) -> Workshop:
    with db.read() as session:
        return get_row(session, Workshop, workshop_id, "Workshop")


def list_workshops(
    db: Database, view: WorkshopView = WorkshopView.ACTIVE, search: str = ""
) -> list[Workshop]:
    """Newest date first; search matches title, group, purpose and location."""
    query = select(Workshop)
    if view is WorkshopView.TRASH:
        query = query.where(col(Workshop.trashed_at).is_not(None))
    else:
        query = query.where(col(Workshop.trashed_at).is_(None))
        archived = col(Workshop.archived_at)
        query = query.where(
            archived.is_not(None) if view is WorkshopView.ARCHIVED else archived.is_(None)
        )
    query = query.order_by(col(Workshop.date).desc().nulls_first(), col(Workshop.id).desc())
    with db.read() as session:
        rows = list(session.exec(query).all())
    # Matched in Python: SQLite folds only ASCII case, and % or _ typed by the user is text.
    words = [word.casefold() for word in search.split()]
    return [row for row in rows if all(word in _searchable(row) for word in words)]


def _searchable(workshop: Workshop) -> str:
    fields = (workshop.title, workshop.organisation, workshop.purpose, workshop.location)
    return "\n".join(fields).casefold()


def _set_flag(db: Database, workshop_id: int, field: str, on: bool) -> Changes:
    with db.write() as session:
        workshop = get_row(session, Workshop, workshop_id, "Workshop")
        setattr(workshop, field, utc_now() if on else None)
        workshop.updated_at = utc_now()
        session.add(workshop)
    return Changes.of(Area.WORKSHOPS, Area.DETAILS, workshop_id=workshop_id, ids=(workshop_id,))


def archive_workshop(db: Database, workshop_id: int) -> Changes:
    return _set_flag(db, workshop_id, "archived_at", True)


def unarchive_workshop(db: Database, workshop_id: int) -> Changes:
    return _set_flag(db, workshop_id, "archived_at", False)


def trash_workshop(db: Database, workshop_id: int) -> Changes:
    return _set_flag(db, workshop_id, "trashed_at", True)


def restore_workshop(db: Database, workshop_id: int) -> Changes:
    return _set_flag(db, workshop_id, "trashed_at", False)


def delete_workshop_for_good(db: Database, workshop_id: int) -> Changes:
    """Only from the trash, so nothing disappears in one click."""
    with db.write() as session:
        workshop = get_row(session, Workshop, workshop_id, "Workshop")
        if workshop.trashed_at is None:
            raise InvalidInputError("Move the workshop to the trash before deleting it for good.")
        session.delete(workshop)
    return Changes.of(Area.WORKSHOPS, workshop_id=workshop_id, ids=(workshop_id,))


def duplicate_workshop(db: Database, workshop_id: int) -> Changes:
    """A new plan from an old one: details, participants, agenda and notes; nothing captured."""
    with db.write() as session:
        source = get_row(session, Workshop, workshop_id, "Workshop")
        copy = Workshop(
            **source.model_dump(
                exclude={"id", "status", "archived_at", "trashed_at", "created_at", "updated_at"}
            )
        )
        copy.title = clean_line(f"{source.title} (copy)", "Title")
        session.add(copy)
        session.flush()
        assert copy.id is not None
        _copy_plan(session, workshop_id, copy.id)
        return Changes.of(Area.WORKSHOPS, workshop_id=copy.id, ids=(copy.id,))


def _copy_plan(session: Session, source_id: int, target_id: int) -> None:
    live = {"workshop_id": source_id, "deleted_at": None}
    for person in session.exec(select(Participant).filter_by(**live)):
        session.add(
            Participant(**person.model_dump(exclude={"id", "workshop_id"}), workshop_id=target_id)
        )
    for item in session.exec(select(AgendaItem).filter_by(**live)):
        new_item = AgendaItem(
            **item.model_dump(exclude={"id", "workshop_id"}), workshop_id=target_id
        )
        session.add(new_item)
        session.flush()
        assert new_item.id is not None
        for step in session.exec(select(RunStep).where(RunStep.agenda_item_id == item.id)):
            session.add(
                RunStep(
                    agenda_item_id=new_item.id,
                    step_key=step.step_key,
                    position=step.position,
                    planned_minutes=step.planned_minutes,
                )
            )
    for note in session.exec(
        select(Note).where(Note.workshop_id == source_id, col(Note.agenda_item_id).is_(None))
    ):
        session.add(Note(workshop_id=target_id, text=note.text))
