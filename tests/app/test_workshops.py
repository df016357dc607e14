"""Workshops from the coach's side: create, edit, search, archive, trash, delete, duplicate."""

import datetime as dt

import pytest
from sqlalchemy import text

from app.db.database import Database
from app.services.agenda import add_exercise, agenda_plan
from app.services.changes import Area
from app.services.errors import InvalidInputError, NotFoundError
from app.services.workshops import (
    WorkshopView,
    archive_workshop,
    create_workshop,
    delete_workshop_for_good,
    duplicate_workshop,
    edit_workshop,
    get_workshop,
    list_workshops,
    restore_workshop,
    trash_workshop,
    unarchive_workshop,
)
from exercises.model import Exercise


def _titles(db: Database, view: WorkshopView = WorkshopView.ACTIVE, search: str = "") -> list[str]:
    return [workshop.title for workshop in list_workshops(db, view, search)]


def test_create_returns_the_new_id_and_cleans_the_text(db: Database) -> None:
    changes = create_workshop(
        db, title="  Away   day  ", organisation="Ward 7", minutes_available=240
    )
    assert changes.touches(Area.WORKSHOPS)
    workshop = get_workshop(db, changes.id)
    assert (workshop.title, workshop.organisation, workshop.minutes_available) == (
        "Away day",
        "Ward 7",
        240,
    )


@pytest.mark.parametrize(
    ("details", "message"),
    [
        ({"title": "   "}, "Title cannot be empty"),
        ({"title": "x" * 301}, "too long"),
        ({"title": "ok", "minutes_available": 0}, "between 1 minute and a week"),
        ({"purpose": "no title"}, "needs a title"),
    ],
)
def test_bad_details_are_refused_and_nothing_is_written(
    db: Database, details: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        create_workshop(db, **details)  # type: ignore[arg-type]
    assert _titles(db) == []


def test_edit_changes_only_the_given_fields(db: Database) -> None:
    workshop_id = create_workshop(db, title="Retreat", location="Lisbon").id
    changes = edit_workshop(db, workshop_id, date=dt.date(2026, 12, 3), purpose="Reset")
    assert changes.touches(Area.DETAILS)
    workshop = get_workshop(db, workshop_id)
    assert (workshop.location, workshop.date, workshop.purpose) == (
        "Lisbon",
        dt.date(2026, 12, 3),
        "Reset",
    )


def test_search_matches_title_group_and_place_case_insensitively(db: Database) -> None:
    create_workshop(db, title="Board retreat", organisation="Acme")
    create_workshop(db, title="Nurses' circle", location="Porto")
    create_workshop(db, title="Kick-off", organisation="City council")
    assert _titles(db, search="acme") == ["Board retreat"]
    assert _titles(db, search="PORTO") == ["Nurses' circle"]
    assert _titles(db, search="council kick") == ["Kick-off"]
    assert _titles(db, search="100%") == []


def test_search_folds_accented_capitals_and_takes_wildcards_as_text(db: Database) -> None:
    create_workshop(db, title="Équipe soins", location="Hôpital Nord")
    create_workshop(db, title="Growth 100% plan")
    create_workshop(db, title="Other_team")
    assert _titles(db, search="équipe") == ["Équipe soins"]
    assert _titles(db, search="HÔPITAL") == ["Équipe soins"]
    assert _titles(db, search="%") == ["Growth 100% plan"]
    assert _titles(db, search="_") == ["Other_team"]


def test_archive_trash_restore_and_delete_for_good(db: Database) -> None:
    keep = create_workshop(db, title="Keep").id
    old = create_workshop(db, title="Old").id
    gone = create_workshop(db, title="Gone").id
    archive_workshop(db, old)
    trash_workshop(db, gone)
    assert _titles(db) == ["Keep"]
    assert _titles(db, WorkshopView.ARCHIVED) == ["Old"]
    assert _titles(db, WorkshopView.TRASH) == ["Gone"]

    with pytest.raises(InvalidInputError, match="trash before"):
        delete_workshop_for_good(db, keep)
    restore_workshop(db, gone)
    unarchive_workshop(db, old)
    assert sorted(_titles(db)) == ["Gone", "Keep", "Old"]

    trash_workshop(db, gone)
    delete_workshop_for_good(db, gone)
    assert _titles(db, WorkshopView.TRASH) == []
    with pytest.raises(NotFoundError):
        get_workshop(db, gone)


def test_deleting_for_good_cascades_to_the_agenda(db: Database, every_mode: Exercise) -> None:
    workshop_id = create_workshop(db, title="Short-lived").id
    add_exercise(db, workshop_id, every_mode)
    trash_workshop(db, workshop_id)
    delete_workshop_for_good(db, workshop_id)
    with db.read() as session:
        counts = [
            session.execute(text(f"SELECT count(*) FROM {table}")).scalar()
            for table in ("agendaitem", "runstep")
        ]
    assert counts == [0, 0]


def test_duplicate_copies_the_plan_but_not_the_status(db: Database, every_mode: Exercise) -> None:
    source = create_workshop(db, title="Spring session", minutes_available=90).id
    add_exercise(db, source, every_mode)
    archive_workshop(db, source)
    copy = duplicate_workshop(db, source).id
    workshop = get_workshop(db, copy)
    assert workshop.title == "Spring session (copy)"
    assert workshop.archived_at is None
    assert [item.exercise.key for item in agenda_plan(db, copy).items] == ["every_mode"]
    assert agenda_plan(db, copy).total_minutes == agenda_plan(db, source).total_minutes
