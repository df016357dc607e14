"""The status-bar indicator that every change is saved (there is no Save button to press).

While the disk refuses writes it says so, and keeps saying it until a write goes through again.
"""

import datetime as dt

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from app.services.changes import Changes
from ui.icons import icon
from ui.store import Store


class SaveStatus(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._icon = QLabel()
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.addWidget(self._icon)
        layout.addWidget(self.label)
        self._failed = False
        self._meaning = ""  # the icon shown, drawn again only when it changes
        self._store = store
        store.sig_changed.connect(self._on_saved)
        store.sig_failed.connect(self._on_failed)
        store.sig_saving_blocked.connect(self._on_blocked)
        self._show("saved", "All changes are saved", "Every change is saved as you make it.")

    def _on_saved(self, _changes: Changes) -> None:
        self._failed = False
        when = dt.datetime.now().strftime("%H:%M:%S")
        self._show("saved", "All changes saved", f"Last change saved at {when}.")

    def _on_failed(self, message: str) -> None:
        self._failed = True
        if self._store.blocked is None:
            self._show("warning", "Last change not saved", message)

    def _on_blocked(self, message: str) -> None:
        self._failed = True
        self._show("warning", "Not saved yet · retrying", message)

    @property
    def failed(self) -> bool:
        return self._failed

    def _show(self, meaning: str, text: str, tip: str, *, redraw: bool = False) -> None:
        if meaning != self._meaning or redraw:
            size = self.label.fontMetrics().height()
            self._icon.setPixmap(icon(meaning).pixmap(size, size))
            self._meaning = meaning
        self.label.setText(text)
        self.setToolTip(tip)
        self.setAccessibleName(f"{text}. {tip}")

    def refresh_icons(self) -> None:
        meaning = "warning" if self._failed else "saved"
        self._show(meaning, self.label.text(), self.toolTip(), redraw=True)
