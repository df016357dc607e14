"""Actions: what, who, by when — the part of the handout people act on.

Actions belong to the workshop (the handout lists them all together) and may say which actions
step they came from. Deleting is soft and keeps the position, so restoring puts an action back in
its place. edit_action changes only the fields given, so `due=None` can mean "no date".
"""

import datetime as dt
from typing import TypedDict, Unpack

from sqlmodel import Session, col, select

from app.db.database import Database
from app.db.models import Action, ActionStatus, Workshop, utc_now
from app.services.capture_steps import live_item, place, step_config
from app.services.changes import Area, Changes
from app.services.common import clean_line, clean_text, get_any_row, get_row, next_position
from app.services.errors import InvalidInputError


class ActionFields(TypedDict, total=False):
    what: str
    owner: str
    due: dt.date | None


def _check_due(due: object) -> dt.date | None:
    if due is None:
        return None
    if isinstance(due, dt.datetime) or not isinstance(due, dt.date):
        raise InvalidInputError("A due date must be a calendar date.")
    return due


def _clean(fields: ActionFields) -> ActionFields:
    unknown = set(fields) - set(ActionFields.__annotations__)
    if unknown:
        raise InvalidInputError(f"An action has no field called {sorted(unknown)[0]!r}.")
    cleaned: ActionFields = {}
    if "what" in fields:
        cleaned["what"] = clean_text(fields["what"], "What is to be done")
    if "owner" in fields:
        cleaned["owner"] = clean_line(fields["owner"], "Who", required=False)
    if "due" in fields:
        cleaned["due"] = _check_due(fields["due"])
    return cleaned


def _changed(action: Action) -> Changes:
    assert action.id is not None
    return Changes.of(Area.ACTIONS, workshop_id=action.workshop_id, ids=(action.id,))


def add_action(
    db: Database,
    workshop_id: int,
    what: str,
    *,
    owner: str = "",
    due: dt.date | None = None,
    agenda_item_id: int | None = None,
    step_key: str | None = None,
) -> Changes:
    """A new action at the end of the list, optionally tied to the actions step it came from."""
    cleaned = _clean({"what": what, "owner": owner, "due": due})
    if step_key is not None and agenda_item_id is None:
        raise InvalidInputError("Name the agenda item the step belongs to.")
    with db.write() as session:
        get_row(session, Workshop, workshop_id, "Workshop")
        if agenda_item_id is not None:
            if step_key is None:
                item = live_item(session, agenda_item_id)
            else:
                item, _ = step_config(session, agenda_item_id, step_key, "actions")
            if item.workshop_id != workshop_id:
                raise InvalidInputError(f"Agenda item {agenda_item_id} is not in this workshop.")
        position = next_position(session, Action.position, Action.workshop_id == workshop_id)
        action = Action(
            workshop_id=workshop_id,
            agenda_item_id=agenda_item_id,
            step_key=step_key,
            position=position,
            what=cleaned["what"],
            owner=cleaned["owner"],
            due=cleaned["due"],
        )
        session.add(action)
        session.flush()
        return _changed(action)


def edit_action(db: Database, action_id: int, **fields: Unpack[ActionFields]) -> Changes:
    """Change only the fields given: edit_action(db, 7, due=None) clears the date."""
    cleaned = _clean(fields)
    with db.write() as session:
        action = get_row(session, Action, action_id, "Action")
        for name, value in cleaned.items():
            setattr(action, name, value)
        session.add(action)
        return _changed(action)


def set_action_done(db: Database, action_id: int, done: bool) -> Changes:
    with db.write() as session:
        action = get_row(session, Action, action_id, "Action")
        action.status = ActionStatus.DONE if done else ActionStatus.OPEN
        session.add(action)
        return _changed(action)


def _all_actions(session: Session, workshop_id: int) -> list[Action]:
    query = (
        select(Action)
        .where(Action.workshop_id == workshop_id)
        .order_by(col(Action.position), col(Action.id))
    )
    return list(session.exec(query).all())


def move_action(db: Database, action_id: int, index: int) -> Changes:
    """Put the action at `index` among the live actions (clamped to the ends)."""
    with db.write() as session:
        action = get_row(session, Action, action_id, "Action")
        place(session, _all_actions(session, action.workshop_id), action, index)
        return _changed(action)


def delete_action(db: Database, action_id: int) -> Changes:
    """Soft: restore_action puts it back where it was."""
    with db.write() as session:
        action = get_row(session, Action, action_id, "Action")
        action.deleted_at = utc_now()
        session.add(action)
        return _changed(action)


def restore_action(db: Database, action_id: int) -> Changes:
    with db.write() as session:
        action = get_any_row(session, Action, action_id, "Action")
        action.deleted_at = None
        session.add(action)
        return _changed(action)


def get_action(db: Database, action_id: int) -> Action:
    with db.read() as session:
        return get_row(session, Action, action_id, "Action")


def list_actions(db: Database, workshop_id: int) -> list[Action]:
    """The workshop's live actions in their order."""
    with db.read() as session:
        get_row(session, Workshop, workshop_id, "Workshop")
        return [a for a in _all_actions(session, workshop_id) if a.deleted_at is None]
