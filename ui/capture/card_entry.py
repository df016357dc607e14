"""The box a card is typed into: Enter adds it, the focus stays for the next one.

"@" and "#" open a short list of the workshop's people and the step's columns as soon as they
are typed, matched the way card_prefixes reads them (case and accents ignored); Tab, or Enter
on a highlighted row, writes the chosen one as one word, so it reads back the same. The list is
drawn inside the panel and never takes the keyboard, so typing simply goes on. Up leaves the
box for the cards above it. Nothing here writes to the database: the panel decides what Enter
means.
"""

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLineEdit, QListView, QWidget

from ui.capture.card_prefixes import (
    AUTHOR,
    CATEGORY,
    column_spellings,
    completion_token,
    fold,
    person_spellings,
)

TOKEN_ROLE = Qt.ItemDataRole.UserRole + 1  # what a choice writes into the box
Key = Qt.Key
ENTER_KEYS = (Key.Key_Return, Key.Key_Enter)
MAX_SHOWN = 8


class CardEntry(QLineEdit):
    sig_submit = Signal()  # Enter: add what is typed
    sig_up = Signal()  # Up with no list open: go to the cards

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("New card")
        self._sigils = AUTHOR
        self._choices: list[tuple[str, str, tuple[str, ...]]] = []  # shown, token, spellings
        self._shown = QStandardItemModel(self)
        # A child of the box until first shown, then of the panel (drawn over it, not clipped
        # to the box): either way it goes when the box goes.
        self.suggestions = QListView(self)
        self.suggestions.setObjectName("card_suggestions")
        self.suggestions.setModel(self._shown)
        self.suggestions.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.suggestions.setFrameShape(QFrame.Shape.StyledPanel)
        self.suggestions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.suggestions.setAccessibleName("Names and columns")
        self.suggestions.setUniformItemSizes(True)
        self.suggestions.viewport().setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.suggestions.setForegroundRole(QPalette.ColorRole.ToolTipText)  # stands out
        self.suggestions.setSpacing(2)
        self.suggestions.clicked.connect(self._clicked)
        self.suggestions.hide()
        self.textEdited.connect(self._update_suggestions)

    def set_choices(self, people: Sequence[str], columns: Sequence[tuple[str, str]]) -> None:
        """Who can be named with @, and which columns with # (none: # is just a character)."""
        self._sigils = AUTHOR + CATEGORY if columns else AUTHOR
        self._choices = [
            (name, completion_token(AUTHOR, name), person_spellings(name))
            for name in people
            if name.strip()
        ]
        self._choices += [
            (f"#{key} — {label}", CATEGORY + key, column_spellings(key, label))
            for key, label in columns
        ]

    # -- the word being completed ---------------------------------------------------------------

    def _word_span(self) -> tuple[int, int]:
        """Start and end of the word the cursor is in (or just after)."""
        text, cursor = self.text(), self.cursorPosition()
        start = cursor
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        end = cursor
        while end < len(text) and not text[end].isspace():
            end += 1
        return start, end

    def completion_prefix(self) -> str | None:
        """The @ or # word the cursor is in, up to the cursor; None when there is none."""
        start, _ = self._word_span()
        word = self.text()[start : self.cursorPosition()]
        return word if word and word[0] in self._sigils else None

    def _candidates(self) -> list[tuple[str, str]]:
        prefix = self.completion_prefix()
        if prefix is None:
            return []
        wanted = fold(prefix[1:])
        return [
            (shown, token)
            for shown, token, spellings in self._choices
            if token[0] == prefix[0] and any(fold(s).startswith(wanted) for s in spellings)
        ]

    def _update_suggestions(self) -> None:
        found = self._candidates()
        if not found:
            self.suggestions.hide()
            return
        self._shown.clear()
        for shown, token in found:
            item = QStandardItem(shown)
            item.setData(token, TOKEN_ROLE)
            self._shown.appendRow(item)
        self._place_suggestions(len(found))

    def _place_suggestions(self, rows: int) -> None:
        host = self.parentWidget() or self.window()  # hidden and deleted with the panel
        if self.suggestions.parentWidget() is not host:
            self.suggestions.setParent(host)
        spacing = 2 * self.suggestions.spacing()
        height = (self.suggestions.sizeHintForRow(0) + spacing) * min(rows, MAX_SHOWN)
        height += 2 * self.suggestions.frameWidth() + spacing
        width = self.suggestions.sizeHintForColumn(0) + 4 * self.suggestions.frameWidth()
        width = max(width + spacing, self.fontMetrics().averageCharWidth() * 24)
        width += self.suggestions.verticalScrollBar().sizeHint().width() if rows > MAX_SHOWN else 0
        corner = self.mapTo(host, QPoint(self.cursorRect().left(), 0))
        top = corner.y() - height if corner.y() - height >= 0 else corner.y() + self.height()
        left = min(corner.x(), max(host.width() - width, 0))
        self.suggestions.setGeometry(left, top, width, height)
        self.suggestions.setCurrentIndex(QModelIndex())
        self.suggestions.show()
        self.suggestions.raise_()

    def _clicked(self, index: QModelIndex) -> None:
        self._insert(str(index.data(TOKEN_ROLE)))
        self.setFocus()

    def _insert(self, token: str) -> None:
        """Put `token` in place of the word being completed, then a space."""
        start, end = self._word_span()
        self.suggestions.hide()
        after = self.text()[end : end + 1]
        self.setSelection(start, end - start)
        self.insert(token if after.isspace() else token + " ")
        if after.isspace():
            self.setCursorPosition(self.cursorPosition() + 1)

    def _accept_completion(self) -> bool:
        """Write the highlighted choice, or the first one; False when there is none."""
        found = self._candidates()
        if not found:
            return False
        current = self.suggestions.currentIndex() if self.suggestions.isVisible() else None
        if current is not None and current.isValid():
            self._insert(str(current.data(TOKEN_ROLE)))
        else:
            self._insert(found[0][1])
        return True

    # -- keys -----------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        """Tab completes an @ or # word instead of leaving the box; Ctrl+Z with nothing to
        undo in the box (just after Enter) goes to the window, which undoes the card."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and not self._can_take(event)
        ):
            event.ignore()
            return False
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self._accept_completion()
        ):
            return True
        return super().event(event)

    def _can_take(self, event: QKeyEvent) -> bool:
        """False for Undo or Redo when the box has nothing of its own to undo or redo."""
        if event.matches(QKeySequence.StandardKey.Undo):
            return self.isUndoAvailable()
        if event.matches(QKeySequence.StandardKey.Redo):
            return self.isRedoAvailable()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = event.key()
        if self.suggestions.isVisible():
            current = self.suggestions.currentIndex()
            if key in ENTER_KEYS and current.isValid():
                self._insert(str(current.data(TOKEN_ROLE)))
                return
            if key in (Key.Key_Up, Key.Key_Down):
                rows = self._shown.rowCount()
                step = 1 if key == Key.Key_Down else -1
                first = 0 if step > 0 else rows - 1
                row = (current.row() + step) % rows if current.isValid() else first
                self.suggestions.setCurrentIndex(self._shown.index(row, 0))
                return
            if key == Key.Key_Escape:
                self.suggestions.hide()
                return
        if key in ENTER_KEYS:
            self.suggestions.hide()
            self.sig_submit.emit()
            return
        if key == Key.Key_Up and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            self.sig_up.emit()
            return
        super().keyPressEvent(event)
        if key in (Key.Key_Left, Key.Key_Right, Key.Key_Home, Key.Key_End):
            self._update_suggestions()  # the cursor left the word, or entered one

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        self.suggestions.hide()
        super().focusOutEvent(event)
