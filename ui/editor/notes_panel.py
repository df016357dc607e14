"""The facilitator's private notes on a workshop: for the facilitator's eyes only.

Saved after a short pause in typing and when the box loses focus, as undo steps that merge
while the user keeps typing in one go. A refused save keeps the text in the box; one the disk
refused is tried again while the store reports saving blocked.
"""

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from app.services.changes import Area, Changes
from app.services.notes import workshop_notes
from ui.editor.commands import SetNotesCommand
from ui.store import Store
from ui.text_style import readable_column
from ui.theme import tint_warning
from ui.undo import push_reporting

IDLE_MS = 800
PRIVATE = (
    "For your eyes only: they appear in your facilitator report, never in the participant handout."
)
WIDTH_CHARS = 100  # lines longer than this are hard to read


class NotesPanel(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.workshop_id: int | None = None
        self.undo_stack: QUndoStack | None = None
        self._saved = ""  # what the database holds
        self._loading = False
        self._committing = False
        self._session = 0
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle.timeout.connect(self.commit_pending)

        label = QLabel("&Private notes:")
        explanation = QLabel(PRIVATE)
        explanation.setWordWrap(True)
        explanation.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("workshop_notes")
        self.editor.setAccessibleName("Private notes")
        self.editor.setPlaceholderText(
            "Anything you want to remember: who joins late, what to watch for, "
            "what to say if energy drops…"
        )
        self.editor.setTabChangesFocus(True)
        label.setBuddy(self.editor)
        self.message = QLabel()
        self.message.setObjectName("notes_message")
        self.message.setWordWrap(True)
        self.message.hide()
        tint_warning(self.message, self.palette())

        layout = readable_column(self, WIDTH_CHARS)
        layout.addWidget(label)
        layout.addWidget(explanation)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.message)
        self.editor.textChanged.connect(self._typed)
        self.editor.installEventFilter(self)
        store.sig_changed.connect(self._on_changed)
        store.sig_retry_due.connect(self.commit_pending)  # the disk refused the last save

    def set_workshop(self, workshop_id: int, undo_stack: QUndoStack) -> None:
        if self.workshop_id is not None:
            self.commit_pending()  # to the workshop (and undo stack) it was typed for
        self.workshop_id = workshop_id
        self.undo_stack = undo_stack
        self.message.hide()
        self._session += 1
        self._load(force=True)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Area.NOTES) and changes.workshop_id == self.workshop_id:
            self._load()

    def _load(self, force: bool = False) -> None:
        """Show the saved notes, unless the user is typing something not yet saved."""
        if self.workshop_id is None:
            return
        saved = workshop_notes(self.store.db, self.workshop_id)
        typing = self._unsaved() and (self.editor.hasFocus() or not self.message.isHidden())
        if saved != self._saved and not (force or self._committing):
            self._session += 1  # undone or redone: typing on starts a new undo step
        self._saved = saved
        if (force or not typing) and self.editor.toPlainText().strip() != saved:
            self._loading = True
            try:
                self.editor.setPlainText(saved)
            finally:
                self._loading = False

    def _unsaved(self) -> bool:
        return self.editor.toPlainText().strip() != self._saved

    def _typed(self) -> None:
        if not self._loading:
            self._idle.start()

    def commit_pending(self) -> None:
        """Save the text now if it differs from what is saved."""
        self._idle.stop()
        if self.workshop_id is None or self.undo_stack is None or not self._unsaved():
            return
        text = self.editor.toPlainText()
        command = SetNotesCommand(
            self.store, self.workshop_id, self._saved, text.strip(), session=self._session
        )
        self._committing = True
        try:
            refused = push_reporting(self.store, self.undo_stack, command)
        finally:
            self._committing = False
        self.message.setText(f"Not saved: {refused}" if refused else "")
        self.message.setVisible(bool(refused))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.commit_pending()
            if QApplication.focusWidget() is not self.editor:
                self._session += 1  # leaving the box ends this run of typing
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange:
            tint_warning(self.message, self.palette())
        super().changeEvent(event)
