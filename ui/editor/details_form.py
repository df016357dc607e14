"""A workshop's own details in one form; every field is saved when the user leaves it.

There is no Save button: a field commits on Return or focus out (and after a short pause while
typing in the purpose or changing a date, time or duration) through an undoable command.
A refused value stays in the box with the reason under it, so nothing typed is lost.
The boxes themselves are DetailsFields; this class decides when and what to save.
"""

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from app.services.changes import Area, Changes
from app.services.workshops import get_workshop
from ui.editor.commands import EditDetailsCommand
from ui.editor.details_fields import FIELDS, DetailsFields, normal
from ui.store import Store
from ui.undo import push_reporting

IDLE_MS = 800


class DetailsForm(DetailsFields):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.workshop_id: int | None = None
        self.undo_stack: QUndoStack | None = None
        self._loaded: dict[str, object] = {}  # what the database holds, per field
        self._session: dict[str, int] = dict.fromkeys(FIELDS, 0)
        self._sessions = 0
        self._pending: set[str] = set()
        self._retry: set[str] = set()  # fields the disk refused to save
        self._committing: str | None = None
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle.timeout.connect(self._commit_typed)
        self.sig_edited.connect(self._changed_soon)
        self.sig_finished.connect(self._finished)
        self.sig_toggled.connect(self.commit)
        store.sig_changed.connect(self._on_changed)
        store.sig_retry_due.connect(self._retry_refused)

    # -- the workshop -----------------------------------------------------------------------

    def set_workshop(self, workshop_id: int, undo_stack: QUndoStack) -> None:
        if self.workshop_id is not None:
            self.commit_pending()  # to the workshop (and undo stack) it was typed for
        self.workshop_id = workshop_id
        self.undo_stack = undo_stack
        self._loaded = {}
        for message in self.messages.values():
            message.hide()
        self.reload(force=True)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Area.DETAILS) and changes.workshop_id == self.workshop_id:
            self.reload()

    def reload(self, force: bool = False) -> None:
        """Show what the database holds, except in a field the user is still typing in."""
        if self.workshop_id is None:
            return
        workshop = get_workshop(self.store.db, self.workshop_id)
        for field in FIELDS:
            value = getattr(workshop, field)
            outside = field != self._committing and self._loaded.get(field, value) != value
            keep = self._dirty(field) and (self._has_focus(field) or self._refused(field))
            self._loaded[field] = value
            if force or field == self._committing or not keep:
                self._write(field, value)
                self._show_message(field, None)
                self._pending.discard(field)
            if outside:  # undone or redone: typing on starts a new undo step
                self._new_session(field)

    # -- saving -----------------------------------------------------------------------------

    def commit_pending(self) -> None:
        """Save every field whose box differs from the database (also before switching away)."""
        self._idle.stop()
        for field in FIELDS:
            self.commit(field)

    def _commit_typed(self) -> None:
        """After a pause: save the fields typed in since the last save (not a half-typed title)."""
        for field in [f for f in FIELDS if f in self._pending]:
            self.commit(field)

    def commit(self, field: str) -> None:
        self._pending.discard(field)
        if self.workshop_id is None or self.undo_stack is None or field not in self._loaded:
            return
        old, new = self._loaded[field], normal(field, self._read(field))
        if new == old:
            self._show_message(field, None)
            return
        command = EditDetailsCommand(
            self.store, self.workshop_id, field, old, new, session=self._session[field]
        )
        self._committing = field
        try:
            refused = push_reporting(self.store, self.undo_stack, command)
        finally:
            self._committing = None
        self._show_message(field, refused)
        if refused and self.store.blocked is not None:
            self._retry.add(field)

    def _retry_refused(self) -> None:
        """Save again what the disk refused, if the box still differs from the database."""
        fields, self._retry = self._retry, set()
        for field in fields:
            self.commit(field)

    def _finished(self, field: str) -> None:
        """Return or focus out: save now, and end the run of saves that merge into one step."""
        self.commit(field)
        self._new_session(field)

    def _changed_soon(self, field: str) -> None:
        self._pending.add(field)
        self._idle.start()

    def _dirty(self, field: str) -> bool:
        return field in self._loaded and normal(field, self._read(field)) != self._loaded[field]

    def _new_session(self, field: str) -> None:
        self._sessions += 1
        self._session[field] = self._sessions
