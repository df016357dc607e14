"""The agenda builder: order, minutes per step, start times and time against what is available."""

import datetime as dt

import pytest

from app.db.database import Database
from app.services.agenda import (
    add_exercise,
    agenda_plan,
    move_item,
    remove_item,
    restore_item,
    set_step_minutes,
)
from app.services.errors import InvalidInputError, NotFoundError
from app.services.workshops import create_workshop, edit_workshop
from exercises.model import Exercise


@pytest.fixture
def workshop_id(db: Database) -> int:
    return create_workshop(db, title="Day one", start_time=dt.time(9, 30), minutes_available=60).id


def test_start_times_follow_the_planned_minutes(
    db: Database, workshop_id: int, every_mode: Exercise
) -> None:
    add_exercise(db, workshop_id, every_mode)
    add_exercise(db, workshop_id, every_mode)
    plan = agenda_plan(db, workshop_id)
    assert [item.starts_at for item in plan.items] == [dt.time(9, 30), dt.time(10, 5)]
    assert [step.starts_at for step in plan.items[0].steps][:3] == [
        dt.time(9, 30),
        dt.time(9, 35),
        dt.time(9, 40),
    ]
    assert plan.total_minutes == 70
    assert plan.over_by == 10


def test_minutes_per_step_change_the_total_and_are_bounded(
    db: Database, workshop_id: int, every_mode: Exercise
) -> None:
    item_id = add_exercise(db, workshop_id, every_mode).id
    set_step_minutes(db, item_id, "harvest", 20)
    plan = agenda_plan(db, workshop_id)
    assert plan.total_minutes == 50
    assert plan.items[0].steps[2].start_offset == 25  # open 5 + harvest 20
    with pytest.raises(InvalidInputError, match="between 1 and 480"):
        set_step_minutes(db, item_id, "harvest", 0)
    with pytest.raises(NotFoundError, match="nowhere"):
        set_step_minutes(db, item_id, "nowhere", 5)


def test_move_remove_and_restore_keep_a_clean_order(
    db: Database, workshop_id: int, every_mode: Exercise
) -> None:
    first, second, third = (add_exercise(db, workshop_id, every_mode).id for _ in range(3))
    move_item(db, third, 0)
    assert [item.item_id for item in agenda_plan(db, workshop_id).items] == [third, first, second]
    remove_item(db, first)
    assert [item.item_id for item in agenda_plan(db, workshop_id).items] == [third, second]
    restore_item(db, first, index=1)
    assert [item.item_id for item in agenda_plan(db, workshop_id).items] == [third, first, second]


def test_the_frozen_definition_is_what_the_plan_shows(
    db: Database, workshop_id: int, every_mode: Exercise
) -> None:
    add_exercise(db, workshop_id, every_mode)
    renamed = every_mode.model_copy(update={"title": "Renamed in the library later"})
    assert renamed.title != every_mode.title
    assert agenda_plan(db, workshop_id).items[0].exercise.title == every_mode.title


def test_no_time_available_means_never_over(
    db: Database, workshop_id: int, every_mode: Exercise
) -> None:
    edit_workshop(db, workshop_id, minutes_available=None)
    add_exercise(db, workshop_id, every_mode)
    assert agenda_plan(db, workshop_id).over_by == 0


def test_an_item_running_part_of_an_exercise_is_titled_by_its_steps(
    db: Database, workshop_id: int, every_mode: Exercise
) -> None:
    from app.services.agenda import insert_item

    add_exercise(db, workshop_id, every_mode)
    with db.write() as session:
        insert_item(session, workshop_id, every_mode, only_steps=["open"])
    whole, part = agenda_plan(db, workshop_id).items
    assert (whole.partial, whole.title) == (False, "Every capture mode")
    assert (part.partial, part.title, part.minutes) == (True, "Open", 5)
