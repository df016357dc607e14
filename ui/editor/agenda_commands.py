"""Undo commands for the agenda builder: add, move, remove, and a step's planned minutes.

Each is a pair of service writes through the store, so undo and redo are saved like any other
edit and every view showing the agenda redraws from the store's report.
"""

from PySide6.QtGui import QUndoCommand

from app.services.agenda import (
    add_exercise,
    move_item,
    remove_item,
    restore_item,
    set_step_minutes,
)
from exercises.model import Exercise
from ui.store import Store
from ui.undo import CreateCommand, StoreCommand


def add_command(store: Store, workshop_id: int, exercise: Exercise, index: int) -> CreateCommand:
    """Undo removes the new item (kept, soft-deleted); redo brings it back at `index`."""
    return CreateCommand(
        store,
        f"Add “{exercise.title}”",
        lambda s: s.apply(add_exercise, workshop_id, exercise, index),
        lambda s, item_id: s.apply(remove_item, item_id),
        lambda s, item_id: s.apply(restore_item, item_id, index),
    )


def move_command(store: Store, item_id: int, title: str, old: int, new: int) -> QUndoCommand:
    """`old` and `new` are positions in the agenda (`new` counted without the item itself)."""
    direction = "up" if new < old else "down"
    return StoreCommand(
        store,
        f"Move “{title}” {direction}",
        lambda s: s.apply(move_item, item_id, new),
        lambda s: s.apply(move_item, item_id, old),
    )


def remove_command(store: Store, item_id: int, title: str, index: int) -> QUndoCommand:
    """Undo puts the item back where it was, with everything captured in it."""
    return StoreCommand(
        store,
        f"Remove “{title}”",
        lambda s: s.apply(remove_item, item_id),
        lambda s: s.apply(restore_item, item_id, index),
    )


def minutes_command(
    store: Store, item_id: int, step_key: str, step_title: str, *, old: int, new: int
) -> QUndoCommand:
    return StoreCommand(
        store,
        f"Set “{step_title}” to {new} min",
        lambda s: s.apply(set_step_minutes, item_id, step_key, new),
        lambda s: s.apply(set_step_minutes, item_id, step_key, old),
    )
