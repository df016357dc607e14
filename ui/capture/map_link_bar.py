"""The bar that links the selected actor to another by keyboard: name, Enter, label, Enter.

The target is picked by typing with completion from the map's actors; a name not on the map yet
adds that actor. The label completes from the labels already used ("funds", "reports to"), since
a room tends to reuse its verbs.
"""

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent
from PySide6.QtWidgets import (
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)


def _completer(parent: QObject) -> QCompleter:
    completer = QCompleter(QStringListModel(parent), parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class LinkBar(QFrame):
    sig_link = Signal(str, str)  # the target actor's name as typed, the link's label
    sig_cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.source_label = QLabel()
        self.target = QLineEdit()
        self.target.setPlaceholderText("Actor's name (a new name adds the actor)")
        self.target.setAccessibleName("Link to actor")
        self.target.setCompleter(_completer(self))
        self.label = QLineEdit()
        self.label.setPlaceholderText("What passes between them: funds, reports to…")
        self.label.setAccessibleName("Link label")
        self.label.setCompleter(_completer(self))
        self.link_button = QPushButton("Link")
        self.cancel_button = QPushButton("Cancel")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.source_label)
        layout.addWidget(self.target, 3)
        layout.addWidget(QLabel("labelled"))
        layout.addWidget(self.label, 3)
        layout.addWidget(self.link_button)
        layout.addWidget(self.cancel_button)
        for edit in (self.target, self.label):
            edit.installEventFilter(self)
        self.target.returnPressed.connect(self._target_entered)
        self.label.returnPressed.connect(self._submit)
        self.link_button.clicked.connect(self._submit)
        self.cancel_button.clicked.connect(self.cancel)
        self.hide()

    def open(self, source: str, names: list[str], labels: list[str]) -> None:
        """Ask where `source` links to; `names` and `labels` feed the completion."""
        self.source_label.setText(f"Link “{source}” to")
        for edit, words in ((self.target, names), (self.label, labels)):
            model = edit.completer().model()
            if isinstance(model, QStringListModel):
                model.setStringList(words)
            edit.clear()
        self.show()
        self.target.setFocus()

    def cancel(self) -> None:
        self.hide()
        self.sig_cancelled.emit()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        for edit in (self.target, self.label):
            popup = edit.completer().popup()
            if popup is not None:
                popup.hide()
        super().hideEvent(event)

    def _target_entered(self) -> None:
        if self.target.text().strip():
            self.label.setFocus()

    def _submit(self) -> None:
        if not self.target.text().strip():
            self.target.setFocus()
            return
        self.sig_link.emit(self.target.text().strip(), self.label.text().strip())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # Escape cancels here, whatever else it means in the window
                return True
            if event.type() == QEvent.Type.KeyPress:
                self.cancel()
                return True
        return super().eventFilter(watched, event)
