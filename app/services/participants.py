"""Participants: who is in the room. Names are optional, since many rooms stay anonymous.

Removing is soft so undo restores authorship and ratings; while removed, a participant's ratings
are not summarised and they do not count towards the vote budget. Two live participants of one
workshop never share a name (ignoring case), so the runner's "@Ana" prefix finds exactly one.
"""

from typing import TypedDict, Unpack

from sqlmodel import Session, col, select

from app.db.database import Database
from app.db.models import Participant, Workshop, utc_now
from app.services.capture_steps import place
from app.services.changes import Area, Changes
from app.services.common import clean_line, get_any_row, get_row, next_position
from app.services.errors import InvalidInputError


class ParticipantFields(TypedDict, total=False):
    name: str
    vantage_point: str


def _fold(name: str) -> str:
    return " ".join(name.split()).casefold()


def _live(session: Session, workshop_id: int) -> list[Participant]:
    query = (
        select(Participant)
        .where(Participant.workshop_id == workshop_id, col(Participant.deleted_at).is_(None))
        .order_by(col(Participant.position), col(Participant.id))
    )
    return list(session.exec(query).all())


def _check_unique(session: Session, person: Participant) -> None:
    if not person.name:
        return
    for other in _live(session, person.workshop_id):
        if other.id != person.id and _fold(other.name) == _fold(person.name):
            raise InvalidInputError(f"{person.name} is already in this workshop.")


def _clean(fields: ParticipantFields) -> ParticipantFields:
    unknown = set(fields) - set(ParticipantFields.__annotations__)
    if unknown:
        raise InvalidInputError(f"A participant has no field called {sorted(unknown)[0]!r}.")
    cleaned: ParticipantFields = {}
    if "name" in fields:
        cleaned["name"] = clean_line(fields["name"], "A name", required=False)
    if "vantage_point" in fields:
        cleaned["vantage_point"] = clean_line(
            fields["vantage_point"], "A vantage point", required=False
        )
    return cleaned


def _changed(person: Participant, *areas: Area) -> Changes:
    assert person.id is not None
    return Changes.of(Area.PARTICIPANTS, *areas, workshop_id=person.workshop_id, ids=(person.id,))


def add_participant(
    db: Database, workshop_id: int, name: str = "", vantage_point: str = ""
) -> Changes:
    """At the end of the list. The vote budget grows, hence Area.VOTES."""
    cleaned = _clean({"name": name, "vantage_point": vantage_point})
    with db.write() as session:
        get_row(session, Workshop, workshop_id, "Workshop")
        position = next_position(
            session, Participant.position, Participant.workshop_id == workshop_id
        )
        person = Participant(workshop_id=workshop_id, position=position, **cleaned)
        _check_unique(session, person)
        session.add(person)
        session.flush()
        return _changed(person, Area.VOTES)


def edit_participant(
    db: Database, participant_id: int, **fields: Unpack[ParticipantFields]
) -> Changes:
    """Change only the fields given."""
    cleaned = _clean(fields)
    with db.write() as session:
        person = get_row(session, Participant, participant_id, "Participant")
        for name, value in cleaned.items():
            setattr(person, name, value)
        _check_unique(session, person)
        session.add(person)
        return _changed(person)


def move_participant(db: Database, participant_id: int, index: int) -> Changes:
    with db.write() as session:
        person = get_row(session, Participant, participant_id, "Participant")
        query = (
            select(Participant)
            .where(Participant.workshop_id == person.workshop_id)
            .order_by(col(Participant.position), col(Participant.id))
        )
        place(session, session.exec(query).all(), person, index)
        return _changed(person)


def remove_participant(db: Database, participant_id: int) -> Changes:
    """Soft: cards keep their author, ratings stay, and restore_participant undoes it."""
    with db.write() as session:
        person = get_row(session, Participant, participant_id, "Participant")
        person.deleted_at = utc_now()
        session.add(person)
        return _changed(person, Area.VOTES, Area.RATINGS)


def restore_participant(db: Database, participant_id: int) -> Changes:
    """Refused while someone else of the same name has joined in the meantime."""
    with db.write() as session:
        person = get_any_row(session, Participant, participant_id, "Participant")
        if person.deleted_at is not None:
            _check_unique(session, person)
            person.deleted_at = None
            session.add(person)
        return _changed(person, Area.VOTES, Area.RATINGS)


def get_participant(db: Database, participant_id: int) -> Participant:
    with db.read() as session:
        return get_row(session, Participant, participant_id, "Participant")


def list_participants(db: Database, workshop_id: int) -> list[Participant]:
    with db.read() as session:
        get_row(session, Workshop, workshop_id, "Workshop")
        return _live(session, workshop_id)


def find_participant_by_name(db: Database, workshop_id: int, name: str) -> Participant | None:
    """The live participant with this name, ignoring case and extra spaces ("@ana" finds Ana)."""
    wanted = _fold(name)
    if not wanted:
        return None
    with db.read() as session:
        for person in _live(session, workshop_id):
            if _fold(person.name) == wanted:
                return person
    return None
