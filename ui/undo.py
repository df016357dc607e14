"""Undo commands that go through the store, so undo and redo are saved like any other edit.

Each command is a pair of writes. A write that fails (refused, or the row is gone) makes the
command obsolete, so QUndoStack drops it instead of keeping a step that would do nothing.
"""

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from app.services.changes import Changes
from ui.store import Store

Step = Callable[[Store], Changes | None]


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
