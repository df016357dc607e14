"""Undo commands for the actions list: add, edit a field, mark done, delete, move.

Each is a pair of service writes through the store (ui.undo), so undo and redo are saved like
any other edit. Deleting is soft, so undo puts the action back in its place with the same id.
"""

import datetime as dt

from app.services.actions import (
    add_action,
    delete_action,
    edit_action,
    move_action,
    restore_action,
    set_action_done,
)
from ui.capture.context import StepContext
from ui.store import Store
from ui.undo import CreateCommand, StoreCommand

FIELD_NAMES = {"what": "what", "owner": "who", "due": "by when"}
Value = str | dt.date | None


def _short(what: str, limit: int = 40) -> str:
    """An action named in the Edit menu: “Book the room for…”."""
    one_line = " ".join(what.split())
    return f"“{one_line if len(one_line) <= limit else one_line[: limit - 1] + '…'}”"


def add_action_command(
    store: Store, context: StepContext, what: str, owner: str, due: dt.date | None
) -> CreateCommand:
    """At the end of the workshop's list, tied to this actions step; undo deletes it."""
    return CreateCommand(
        store,
        f"Add action {_short(what)}",
        lambda s: s.apply(
            add_action,
            context.workshop_id,
            what,
            owner=owner,
            due=due,
            agenda_item_id=context.agenda_item_id,
            step_key=context.step_key,
        ),
        lambda s, row_id: s.apply(delete_action, row_id),
        lambda s, row_id: s.apply(restore_action, row_id),
    )


def edit_action_command(
    store: Store, action_id: int, field: str, *, old: Value, new: Value, what: str
) -> StoreCommand:
    return StoreCommand(
        store,
        f"Change {FIELD_NAMES[field]} of {_short(what)}",
        lambda s: s.apply(edit_action, action_id, **{field: new}),
        lambda s: s.apply(edit_action, action_id, **{field: old}),
    )


def done_command(store: Store, action_id: int, done: bool, what: str) -> StoreCommand:
    return StoreCommand(
        store,
        f"Mark {_short(what)} {'done' if done else 'open'}",
        lambda s: s.apply(set_action_done, action_id, done),
        lambda s: s.apply(set_action_done, action_id, not done),
    )


def delete_action_command(store: Store, action_id: int, what: str) -> StoreCommand:
    return StoreCommand(
        store,
        f"Delete action {_short(what)}",
        lambda s: s.apply(delete_action, action_id),
        lambda s: s.apply(restore_action, action_id),
    )


def move_action_command(
    store: Store, action_id: int, old_index: int, new_index: int
) -> StoreCommand:
    return StoreCommand(
        store,
        "Move action",
        lambda s: s.apply(move_action, action_id, new_index),
        lambda s: s.apply(move_action, action_id, old_index),
    )
