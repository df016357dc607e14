"""Undo commands that go through the store, so undo and redo are saved like any other edit.

Each command is a pair of writes. A write that fails (refused, or the row is gone) makes the
command obsolete, so QUndoStack drops it instead of keeping a step that would do nothing.
"""

from collections.abc import Callable
from enum import IntEnum, unique

import shiboken6
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.services.changes import Changes
from ui.store import Store

Step = Callable[[Store], Changes | None]


@unique
class MergeId(IntEnum):
    """QUndoCommand.id() of each command type that merges, one number per type: QUndoStack
    offers a command to the one before only when their ids match, so a type never has to guess
    what another type's command holds."""

    DETAILS = 4100  # plus the field's index: one id per details field (4100-4199)
    NOTES = 4200
    RATING = 4300
    MAP_NUDGE = 5300
    DOTS = 5400


class StoreCommand(QUndoCommand):
    """`do` and `undo` each run one service write through the store."""

    def __init__(self, store: Store, text: str, do: Step, undo: Step) -> None:
        super().__init__(text)
        self.store = store
        self._do = do
        self._undo = undo
        self.last: Changes | None = None  # what the latest redo or undo changed

    def redo(self) -> None:
        self.last = self._do(self.store)
        if self.last is None:
            self.setObsolete(True)

    def undo(self) -> None:
        self.last = self._undo(self.store)
        if self.last is None:
            self.setObsolete(True)


class CreateCommand(StoreCommand):
    """A command whose first redo creates a row; later redos bring back that same row.

    `create` runs once and returns Changes naming the new row; `remove(store, id)` and
    `restore(store, id)` undo and redo it, so ids held by other commands stay valid.
    """

    def __init__(
        self,
        store: Store,
        text: str,
        create: Step,
        remove: Callable[[Store, int], Changes | None],
        restore: Callable[[Store, int], Changes | None],
    ) -> None:
        super().__init__(store, text, self._first_or_restore, self._remove)
        self._create = create
        self._remove_row = remove
        self._restore_row = restore
        self.row_id: int | None = None

    def _first_or_restore(self, store: Store) -> Changes | None:
        if self.row_id is None:
            changes = self._create(store)
            if changes is not None:
                self.row_id = changes.id
            return changes
        return self._restore_row(store, self.row_id)

    def _remove(self, store: Store) -> Changes | None:
        assert self.row_id is not None
        return self._remove_row(store, self.row_id)


def push_reporting(store: Store, stack: QUndoStack, command: QUndoCommand) -> str | None:
    """Push `command`; the store's refusal message when its write failed, else None.

    The message is what a view shows next to the field, so the user sees why nothing changed.
    """
    refused: list[str] = []
    collect: Callable[[str], None] = refused.append
    store.sig_failed.connect(collect)
    try:
        if shiboken6.isValid(stack):
            stack.push(command)
        else:  # the window is closing and took its undo stacks: save anyway, without undo
            command.redo()
    finally:
        store.sig_failed.disconnect(collect)
    return refused[-1] if refused else None
