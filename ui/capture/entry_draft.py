"""Text typed in a box but not yet added, kept as a draft so a crash or a step change loses
nothing: saved after a short pause in typing, when the focus leaves the box, and when the runner
asks (commit_pending); put back in the box when the panel opens again; cleared once the text is
committed. Only a box that has a draft stored pays for a write when its text is committed, so
the add-card hot path stays one write. A save the disk refused is tried again whenever the store
says a retry is due."""

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit

from app.services.drafts import clear_draft, load_draft, save_draft
from ui.store import Store

DRAFT_DELAY_MS = 500


class EntryDraft(QObject):
    def __init__(self, store: Store, box: QLineEdit, key: str, workshop_id: int) -> None:
        super().__init__(box)
        self.store = store
        self.box = box
        self.key = key
        self.workshop_id = workshop_id
        self._dirty = False  # typed since the last save
        self._stored = False  # a draft of this box is in the database
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_DELAY_MS)
        self._timer.timeout.connect(self.save)
        text = load_draft(store.db, key)
        if text:
            box.setText(text)
            self._stored = True
        box.textEdited.connect(self._typed)
        box.editingFinished.connect(self.save)  # the focus left the box
        store.sig_retry_due.connect(self.save)

    def _typed(self) -> None:
        self._dirty = True
        self._timer.start()

    def save(self, *, now: bool = False) -> None:
        """Save the box's text if it changed since the last save (`now`: whatever it holds)."""
        self._timer.stop()
        if not (self._dirty or now):
            return
        self._dirty = False
        text = self.box.text()
        if not text.strip() and not self._stored:
            return
        saved = self.store.apply(save_draft, self.key, text, workshop_id=self.workshop_id)
        if saved is None:
            self._dirty = True  # still only in the box: the next retry saves it
            return
        self._stored = bool(text.strip())

    def committed(self) -> None:
        """The text went where it belongs: no draft to keep."""
        self._timer.stop()
        self._dirty = False
        if self._stored:
            self.store.apply(clear_draft, self.key)
            self._stored = False
