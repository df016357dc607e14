"""Actions: what, who, by when; partial edits, order, soft delete, and where they came from."""

import datetime as dt
from typing import Any

import pytest

from app.db.database import Database
from app.db.models import ActionStatus
from app.services import actions
from app.services.agenda import add_exercise
from app.services.changes import Area
from app.services.errors import InvalidInputError, NotFoundError
from app.services.workshops import create_workshop
from exercises.model import Exercise

DUE = dt.date(2030, 5, 1)


@pytest.fixture
def item(db: Database, every_mode: Exercise) -> tuple[int, int]:
    workshop_id = create_workshop(db, title="Actions").id
    return workshop_id, add_exercise(db, workshop_id, every_mode).id


def _whats(db: Database, workshop_id: int) -> list[str]:
    return [action.what for action in actions.list_actions(db, workshop_id)]


def test_add_and_list_in_order(db: Database, item: tuple[int, int]) -> None:
    workshop_id, item_id = item
    first = actions.add_action(
        db,
        workshop_id,
        " Start a huddle ",
        owner=" Ana ",
        due=DUE,
        agenda_item_id=item_id,
        step_key="commit",
    )
    assert first.areas == {Area.ACTIONS}
    assert first.workshop_id == workshop_id
    actions.add_action(db, workshop_id, "Write it up")
    listed = actions.list_actions(db, workshop_id)
    assert [(a.what, a.owner, a.due, a.status) for a in listed] == [
        ("Start a huddle", "Ana", DUE, ActionStatus.OPEN),
        ("Write it up", "", None, ActionStatus.OPEN),
    ]
    assert (listed[0].id, listed[0].agenda_item_id, listed[0].step_key) == (
        first.id,
        item_id,
        "commit",
    )


def test_edit_changes_only_the_fields_given(db: Database, item: tuple[int, int]) -> None:
    workshop_id, _ = item
    action_id = actions.add_action(db, workshop_id, "Call the board", owner="Lena", due=DUE).id
    actions.edit_action(db, action_id, what="Call the board chair")
    action = actions.get_action(db, action_id)
    assert (action.what, action.owner, action.due) == ("Call the board chair", "Lena", DUE)
    actions.edit_action(db, action_id, due=None)  # None means "no date"
    action = actions.get_action(db, action_id)
    assert (action.what, action.owner, action.due) == ("Call the board chair", "Lena", None)
    actions.edit_action(db, action_id, owner="", due=dt.date(2031, 1, 2))
    action = actions.get_action(db, action_id)
    assert (action.owner, action.due) == ("", dt.date(2031, 1, 2))


def test_bad_input_is_refused(db: Database, item: tuple[int, int], every_mode: Exercise) -> None:
    workshop_id, item_id = item
    action_id = actions.add_action(db, workshop_id, "Something").id
    with pytest.raises(InvalidInputError, match="cannot be empty"):
        actions.add_action(db, workshop_id, "  ")
    with pytest.raises(InvalidInputError, match="calendar date"):
        actions.add_action(db, workshop_id, "Soon", due=dt.datetime(2030, 1, 1, tzinfo=dt.UTC))
    loose: dict[str, Any] = {"priority": 1}
    with pytest.raises(InvalidInputError, match="no field called 'priority'"):
        actions.edit_action(db, action_id, **loose)
    with pytest.raises(InvalidInputError, match="records cards, not actions"):
        actions.add_action(db, workshop_id, "X", agenda_item_id=item_id, step_key="harvest")
    with pytest.raises(InvalidInputError, match="Name the agenda item"):
        actions.add_action(db, workshop_id, "X", step_key="commit")
    other = create_workshop(db, title="Other").id
    other_item = add_exercise(db, other, every_mode).id
    with pytest.raises(InvalidInputError, match="not in this workshop"):
        actions.add_action(db, workshop_id, "X", agenda_item_id=other_item, step_key="commit")
    with pytest.raises(NotFoundError, match="Workshop 9999"):
        actions.add_action(db, 9999, "X")
    assert _whats(db, workshop_id) == ["Something"]


def test_done_and_open_again(db: Database, item: tuple[int, int]) -> None:
    workshop_id, _ = item
    action_id = actions.add_action(db, workshop_id, "Ship").id
    assert actions.set_action_done(db, action_id, True).ids == (action_id,)
    assert actions.get_action(db, action_id).status is ActionStatus.DONE
    actions.set_action_done(db, action_id, False)
    assert actions.get_action(db, action_id).status is ActionStatus.OPEN


def test_move_delete_and_restore_keep_the_place(db: Database, item: tuple[int, int]) -> None:
    workshop_id, _ = item
    ids = [actions.add_action(db, workshop_id, what).id for what in "ABCD"]
    actions.move_action(db, ids[0], 3)
    assert _whats(db, workshop_id) == ["B", "C", "D", "A"]
    actions.delete_action(db, ids[2])
    assert _whats(db, workshop_id) == ["B", "D", "A"]
    with pytest.raises(NotFoundError):
        actions.set_action_done(db, ids[2], True)
    actions.move_action(db, ids[0], 0)
    assert _whats(db, workshop_id) == ["A", "B", "D"]
    actions.restore_action(db, ids[2])
    assert _whats(db, workshop_id) == ["A", "B", "C", "D"]
