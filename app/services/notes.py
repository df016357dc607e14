"""Private facilitator notes: one on the workshop, and one per agenda item or step.

Each place holds at most one note, so setting is an upsert, and empty text removes the note
(an empty note is no note). They appear in the facilitator report, never in the handout.
"""

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select

from app.db.database import Database
from app.db.models import AgendaItem, Note, RunStep, Workshop, utc_now
from app.services.capture_steps import find_step, live_item
from app.services.changes import Area, Changes
from app.services.common import clean_text, get_row


def _where(
    workshop_id: int, agenda_item_id: int | None, step_key: str | None
) -> list[ColumnElement[bool]]:
    item = col(Note.agenda_item_id)
    step = col(Note.step_key)
    return [
        col(Note.workshop_id) == workshop_id,
        item.is_(None) if agenda_item_id is None else item == agenda_item_id,
        step.is_(None) if step_key is None else step == step_key,
    ]


def _upsert(
    session: Session,
    workshop_id: int,
    agenda_item_id: int | None,
    step_key: str | None,
    text: str,
) -> Changes:
    query = select(Note).where(*_where(workshop_id, agenda_item_id, step_key))
    notes = list(session.exec(query.order_by(col(Note.id))).all())
    if not text:
        for note in notes:
            session.delete(note)
        removed = tuple(n.id for n in notes if n.id is not None)
        return Changes.of(Area.NOTES, workshop_id=workshop_id, ids=removed)
    if notes:
        note = notes[0]
        for extra in notes[1:]:  # cannot happen through this module; heal it if it ever does
            session.delete(extra)
        if note.text != text:
            note.text = text
            note.updated_at = utc_now()
    else:
        note = Note(
            workshop_id=workshop_id, agenda_item_id=agenda_item_id, step_key=step_key, text=text
        )
    session.add(note)
    session.flush()
    assert note.id is not None
    return Changes.of(Area.NOTES, workshop_id=workshop_id, ids=(note.id,))


def _text(session: Session, workshop_id: int, agenda_item_id: int | None, step: str | None) -> str:
    query = select(Note.text).where(*_where(workshop_id, agenda_item_id, step))
    return session.exec(query.order_by(col(Note.id))).first() or ""


def set_workshop_notes(db: Database, workshop_id: int, text: str) -> Changes:
    cleaned = clean_text(text, "A note", required=False)
    with db.write() as session:
        get_row(session, Workshop, workshop_id, "Workshop")
        return _upsert(session, workshop_id, None, None, cleaned)


def workshop_notes(db: Database, workshop_id: int) -> str:
    with db.read() as session:
        get_row(session, Workshop, workshop_id, "Workshop")
        return _text(session, workshop_id, None, None)


def set_step_note(db: Database, agenda_item_id: int, step_key: str | None, text: str) -> Changes:
    """The note on one step, or on the whole agenda item when step_key is None."""
    cleaned = clean_text(text, "A note", required=False)
    with db.write() as session:
        item = live_item(session, agenda_item_id)
        if step_key is not None:
            find_step(item, step_key)
        return _upsert(session, item.workshop_id, agenda_item_id, step_key, cleaned)


def step_note(db: Database, agenda_item_id: int, step_key: str | None) -> str:
    with db.read() as session:
        item = live_item(session, agenda_item_id)
        return _text(session, item.workshop_id, agenda_item_id, step_key)


def list_notes(db: Database, workshop_id: int) -> list[Note]:
    """Every note of the workshop in reading order: the workshop's, then the agenda's.

    Notes on agenda items removed from the agenda are left out (they come back with the item).
    """
    with db.read() as session:
        get_row(session, Workshop, workshop_id, "Workshop")
        query = (
            select(Note)
            .outerjoin(AgendaItem, col(Note.agenda_item_id) == col(AgendaItem.id))
            .outerjoin(
                RunStep,
                (col(RunStep.agenda_item_id) == col(Note.agenda_item_id))
                & (col(RunStep.step_key) == col(Note.step_key)),
            )
            .where(Note.workshop_id == workshop_id, col(AgendaItem.deleted_at).is_(None))
            .order_by(
                col(Note.agenda_item_id).is_not(None),
                col(AgendaItem.position),
                col(Note.step_key).is_not(None),
                col(RunStep.position),
                col(Note.id),
            )
        )
        return list(session.exec(query).all())
