"""Participants: optional names, unique among the live ones, found by "@name", soft removal."""

from typing import Any

import pytest

from app.db.database import Database
from app.services import participants as people
from app.services.changes import Area
from app.services.errors import InvalidInputError, NotFoundError
from app.services.workshops import create_workshop


@pytest.fixture
def workshop_id(db: Database) -> int:
    return create_workshop(db, title="People").id


def _names(db: Database, workshop_id: int) -> list[str]:
    return [person.name for person in people.list_participants(db, workshop_id)]


def test_add_and_list_in_order(db: Database, workshop_id: int) -> None:
    changes = people.add_participant(db, workshop_id, name="  Ana   Ribeiro ", vantage_point="ward")
    assert changes.areas == {Area.PARTICIPANTS, Area.VOTES}
    assert changes.workshop_id == workshop_id
    people.add_participant(db, workshop_id)  # anonymous
    people.add_participant(db, workshop_id)  # anonymous names never clash
    people.add_participant(db, workshop_id, name="Bo")
    assert _names(db, workshop_id) == ["Ana Ribeiro", "", "", "Bo"]
    first = people.list_participants(db, workshop_id)[0]
    assert (first.id, first.vantage_point) == (changes.id, "ward")
    with pytest.raises(NotFoundError, match="Workshop 9999"):
        people.add_participant(db, 9999, name="Nobody")


def test_names_are_unique_ignoring_case(db: Database, workshop_id: int) -> None:
    people.add_participant(db, workshop_id, name="Élodie")
    bo = people.add_participant(db, workshop_id, name="Bo").id
    with pytest.raises(InvalidInputError, match="ÉLODIE is already in this workshop"):
        people.add_participant(db, workshop_id, name="ÉLODIE")
    with pytest.raises(InvalidInputError, match="already in this workshop"):
        people.edit_participant(db, bo, name="élodie")
    people.add_participant(db, create_workshop(db, title="Other").id, name="Élodie")
    assert _names(db, workshop_id) == ["Élodie", "Bo"]


def test_find_by_name_for_the_at_prefix(db: Database, workshop_id: int) -> None:
    ana = people.add_participant(db, workshop_id, name="Ana Ribeiro").id
    people.add_participant(db, workshop_id, name="Ana")
    found = people.find_participant_by_name(db, workshop_id, "  ana  ribeiro")
    assert found is not None
    assert found.id == ana
    assert people.find_participant_by_name(db, workshop_id, "Ana R") is None
    assert people.find_participant_by_name(db, workshop_id, "") is None
    people.remove_participant(db, ana)
    assert people.find_participant_by_name(db, workshop_id, "Ana Ribeiro") is None


def test_edit_changes_only_the_fields_given(db: Database, workshop_id: int) -> None:
    person = people.add_participant(db, workshop_id, name="Ana", vantage_point="ward").id
    people.edit_participant(db, person, vantage_point="pharmacy")
    edited = people.get_participant(db, person)
    assert (edited.name, edited.vantage_point) == ("Ana", "pharmacy")
    assert people.edit_participant(db, person, name="").areas == {Area.PARTICIPANTS}
    assert people.get_participant(db, person).name == ""
    loose: dict[str, Any] = {"email": "a@b.c"}
    with pytest.raises(InvalidInputError, match="no field called 'email'"):
        people.edit_participant(db, person, **loose)


def test_move_remove_and_restore_keep_the_place(db: Database, workshop_id: int) -> None:
    ids = [people.add_participant(db, workshop_id, name=n).id for n in "ABCD"]
    people.move_participant(db, ids[3], 1)
    assert _names(db, workshop_id) == ["A", "D", "B", "C"]
    changes = people.remove_participant(db, ids[1])
    assert changes.areas == {Area.PARTICIPANTS, Area.VOTES, Area.RATINGS}
    assert _names(db, workshop_id) == ["A", "D", "C"]
    with pytest.raises(NotFoundError):
        people.edit_participant(db, ids[1], name="Gone")
    people.restore_participant(db, ids[1])
    assert _names(db, workshop_id) == ["A", "D", "B", "C"]


def test_restore_is_refused_when_the_name_was_taken_meanwhile(
    db: Database, workshop_id: int
) -> None:
    ana = people.add_participant(db, workshop_id, name="Ana").id
    people.remove_participant(db, ana)
    people.add_participant(db, workshop_id, name="ana")
    with pytest.raises(InvalidInputError, match="already in this workshop"):
        people.restore_participant(db, ana)
    assert _names(db, workshop_id) == ["ana"]
