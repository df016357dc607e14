"""The inline line where the facilitator names a new theme or picks one for the selected cards.

It opens above the themes (no dialog to wait for), takes a typed name or one of the existing
names (typing completes them, Up and Down step through them), confirms with Enter and goes away
with Esc. A name typed but not confirmed stays in the box; the panel keeps it as a draft (an
emptied box leaves no draft behind).
"""

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

_CONFIRM = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ThemeBar(QWidget):
    sig_confirmed = Signal(str)  # the name typed or picked (never blank)
    sig_cancelled = Signal()
    sig_left = Signal()  # the focus left the open bar (the panel saves what it holds)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.name_box = QComboBox()
        self.name_box.setEditable(True)
        self.name_box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.name_box.setAccessibleName("Theme name")
        line = self.name_box.lineEdit()
        assert line is not None
        self.line = line
        self.line.setPlaceholderText("Theme name (Enter to confirm, Esc to cancel)")
        # The box is the line's focus proxy: keys typed in the room reach the box, which hands
        # them to the line directly (past any filter on it), so Enter and Esc are caught there.
        self.name_box.installEventFilter(self)
        self.line.installEventFilter(self)
        self.ok_button = QPushButton("Create")
        self.ok_button.setAutoDefault(False)
        self.ok_button.clicked.connect(self.confirm)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.name_box, 1)
        row.addWidget(self.ok_button)
        row.addWidget(self.cancel_button)
        self.picking = False
        self.hide()

    def open_for(
        self, card_count: int, names: list[str], *, picking: bool, text: str | None = None
    ) -> None:
        """Show the bar for `card_count` cards: name a new theme, or pick one (`picking`)."""
        self.picking = picking
        cards = "1 card" if card_count == 1 else f"{card_count} cards"
        if picking:
            self.label.setText(f"Add {cards} to theme:" if card_count else "Theme:")
            self.ok_button.setText("Add")
        else:
            self.label.setText(f"New theme with {cards}:" if card_count else "New theme:")
            self.ok_button.setText("Create")
        typed = self.line.text() if self.isVisible() else ""
        self.name_box.clear()
        self.name_box.addItems(names)
        self.name_box.setCompleter(self._completer(names if picking else []))
        self.name_box.setCurrentIndex(-1)
        self.line.setText(text if text is not None else typed)
        self.show()
        self.line.setFocus()
        self.line.end(False)  # typing carries on after a kept or restored name

    def _completer(self, names: list[str]) -> QCompleter:
        """Typing completes an existing name when picking; a new name is left as typed."""
        completer = QCompleter(names, self.name_box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.InlineCompletion)
        return completer

    def text(self) -> str:
        return self.line.text() if self.isVisible() else ""

    def confirm(self) -> None:
        name = " ".join(self.line.text().split())
        if name:
            self.sig_confirmed.emit(name)

    def cancel(self) -> None:
        self.line.clear()  # first: a bar going away leaves no draft behind
        self.sig_cancelled.emit()  # the panel moves the focus back before the bar hides
        self.hide()

    def close_bar(self, focus_to: QWidget | None = None) -> None:
        """Empty and hide the bar, handing the focus to `focus_to` (not to the next widget)."""
        self.line.clear()
        if focus_to is not None:
            focus_to.setFocus()
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Enter and Esc belong to the bar even where a view binds them as shortcuts."""
        kind = event.type()
        if isinstance(event, QKeyEvent) and kind == QEvent.Type.ShortcutOverride:
            if event.key() in (*_CONFIRM, Qt.Key.Key_Escape):
                event.accept()
                return True
        elif isinstance(event, QKeyEvent) and kind == QEvent.Type.KeyPress:
            if event.key() in _CONFIRM:
                self.confirm()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
                return True
        elif kind == QEvent.Type.FocusOut and self.isVisible():
            self.sig_left.emit()
        return super().eventFilter(watched, event)
