"""The live run: the current step and a timer that tells the truth after a restart."""

import pytest

from app.db.database import Database
from app.services.agenda import add_exercise, agenda_plan, remove_item
from app.services.errors import InvalidInputError
from app.services.run_state import (
    extend_timer,
    finish_run,
    go_to_step,
    pause_timer,
    reset_timer,
    start_run,
    start_timer,
    step_by,
    step_timings,
    timer,
)
from app.services.workshops import create_workshop, get_workshop
from exercises.model import Exercise
from tests.conftest import FakeClock


@pytest.fixture
def workshop_id(db: Database, every_mode: Exercise) -> int:
    workshop_id = create_workshop(db, title="Live").id
    add_exercise(db, workshop_id, every_mode)
    start_run(db, workshop_id)
    return workshop_id


def _remaining(db: Database, workshop_id: int) -> float:
    view = timer(db, workshop_id)
    assert view is not None
    return view.remaining_seconds


def test_a_run_needs_an_agenda(db: Database) -> None:
    empty = create_workshop(db, title="Empty").id
    with pytest.raises(InvalidInputError, match="Add an exercise"):
        start_run(db, empty)
    assert timer(db, empty) is None


def test_the_timer_counts_down_from_the_planned_minutes(
    db: Database, clock: FakeClock, workshop_id: int
) -> None:
    assert _remaining(db, workshop_id) == 300
    start_timer(db, workshop_id)
    clock.advance(90)
    assert _remaining(db, workshop_id) == 210
    pause_timer(db, workshop_id)
    clock.advance(600)
    assert _remaining(db, workshop_id) == 210
    start_timer(db, workshop_id)
    clock.advance(250)
    view = timer(db, workshop_id)
    assert view is not None
    assert view.remaining_seconds == -40
    assert view.overtime


def test_a_restart_resumes_with_the_true_remaining_time(
    db: Database, clock: FakeClock, workshop_id: int
) -> None:
    step_by(db, workshop_id, +1)
    start_timer(db, workshop_id)
    clock.advance(120)
    db.engine.dispose()  # the laptop dies
    clock.advance(30)
    reopened = Database.open(db.data_dir, clock=clock)
    view = timer(reopened, workshop_id)
    assert view is not None
    assert (view.step_key, view.running, view.remaining_seconds) == ("harvest", True, 150)
    reopened.close()


def test_a_clock_jumping_backwards_never_adds_time(
    db: Database, clock: FakeClock, workshop_id: int
) -> None:
    start_timer(db, workshop_id)
    clock.advance(-3600)
    assert _remaining(db, workshop_id) == 300


def test_extend_and_reset(db: Database, clock: FakeClock, workshop_id: int) -> None:
    start_timer(db, workshop_id)
    clock.advance(100)
    extend_timer(db, workshop_id, 60)
    assert _remaining(db, workshop_id) == 260
    extend_timer(db, workshop_id, -60)
    assert _remaining(db, workshop_id) == 200
    reset_timer(db, workshop_id)
    view = timer(db, workshop_id)
    assert view is not None
    assert (view.remaining_seconds, view.running) == (300, False)


def test_actual_start_and_end_are_recorded_per_step(
    db: Database, clock: FakeClock, workshop_id: int
) -> None:
    start_timer(db, workshop_id)
    clock.advance(400)
    step_by(db, workshop_id, +1)
    start_timer(db, workshop_id)
    clock.advance(200)
    finish_run(db, workshop_id)
    first, second, *rest = step_timings(db, workshop_id)
    assert first.started_at is not None and first.ended_at is not None
    assert (first.ended_at - first.started_at).total_seconds() == 400
    assert second.ended_at is not None and second.started_at is not None
    assert (second.ended_at - second.started_at).total_seconds() == 200
    assert all(step.started_at is None for step in rest)
    assert get_workshop(db, workshop_id).status == "done"


def test_next_previous_and_jump_stay_within_the_agenda(db: Database, workshop_id: int) -> None:
    step_by(db, workshop_id, -1)
    view = timer(db, workshop_id)
    assert view is not None and view.step_key == "open"
    for _ in range(20):
        step_by(db, workshop_id, +1)
    view = timer(db, workshop_id)
    assert view is not None and view.step_key == "commit"
    target = agenda_plan(db, workshop_id).items[0].steps[3]
    go_to_step(db, workshop_id, target.run_step_id)
    view = timer(db, workshop_id)
    assert view is not None and view.step_key == target.key
    with pytest.raises(InvalidInputError, match="not on this workshop"):
        go_to_step(db, workshop_id, 99_999)


def test_next_after_the_agenda_was_emptied_or_the_step_removed(
    db: Database, workshop_id: int
) -> None:
    plan = agenda_plan(db, workshop_id)
    start_run(db, workshop_id)
    step_by(db, workshop_id, +1)
    current = timer(db, workshop_id)
    assert current is not None and current.step_key == plan.items[0].steps[1].key
    # The current step's item is removed: Next goes to the first step left, skipping none.
    second = add_exercise(db, workshop_id, agenda_plan(db, workshop_id).items[0].exercise).id
    remove_item(db, plan.items[0].item_id)
    step_by(db, workshop_id, +1)
    moved = timer(db, workshop_id)
    assert moved is not None and moved.agenda_item_id == second
    assert moved.step_key == plan.items[0].steps[0].key
    remove_item(db, second)
    with pytest.raises(InvalidInputError, match="agenda is empty"):
        step_by(db, workshop_id, +1)


def test_finishing_keeps_the_time_that_was_left(
    db: Database, clock: FakeClock, workshop_id: int
) -> None:
    start_timer(db, workshop_id)
    clock.advance(100)
    finish_run(db, workshop_id)
    clock.advance(1000)
    view = timer(db, workshop_id)
    assert view is not None
    assert (view.remaining_seconds, view.running) == (200, False)
