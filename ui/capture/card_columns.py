"""One column of cards: a header (the column's name and count) over a virtualised list.

The list draws cards as tiles on the window's background, like notes on a wall. Left and Right
move between columns, Escape goes back to the box where cards are typed.
"""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QFrame, QLabel, QListView, QVBoxLayout, QWidget

from ui.capture.card_delegate import CardDelegate
from ui.capture.cards_model import ColumnModel

Key = Qt.Key
NoModifier = Qt.KeyboardModifier.NoModifier


class CardListView(QListView):
    sig_escape = Signal()
    sig_side = Signal(int)  # -1: the column on the left, +1: on the right
    sig_focused = Signal()

    def __init__(self, model: ColumnModel, interactive: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setAccessibleName(model.title or "Cards")
        if interactive:
            self.setUniformItemSizes(True)  # one measure for thousands of cards
            self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            self.setEditTriggers(
                QAbstractItemView.EditTrigger.DoubleClicked
                | QAbstractItemView.EditTrigger.EditKeyPressed
            )
        else:
            self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
            self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setModel(model)  # last: each setting above would lay out every card again

    def column(self) -> ColumnModel:
        model = self.model()
        assert isinstance(model, ColumnModel)
        return model

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        editing = self.state() is QAbstractItemView.State.EditingState
        if not editing and event.modifiers() == NoModifier:
            if event.key() == Key.Key_Escape:
                self.sig_escape.emit()
                return
            if event.key() in (Key.Key_Left, Key.Key_Right):
                self.sig_side.emit(-1 if event.key() == Key.Key_Left else 1)
                return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.currentIndex().isValid() and self.model().rowCount():
            self.setCurrentIndex(self.model().index(self.model().rowCount() - 1, 0))  # newest
        super().focusInEvent(event)
        self.sig_focused.emit()


class CardColumn(QWidget):
    """A header and the list of one column's cards."""

    def __init__(
        self,
        model: ColumnModel,
        *,
        interactive: bool = True,
        show_author: bool = True,
        scale: float = 1.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.scale = scale
        self.title = QLabel(model.title)
        self.title.setWordWrap(True)
        self.note = QLabel()  # "7 cards · new cards go here"
        self.note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.note.setWordWrap(True)
        self._scale_fonts()
        self.list = CardListView(model, interactive)
        max_lines = 2 if interactive else None
        self.delegate = CardDelegate(
            self.list, show_author=show_author, max_lines=max_lines, scale=scale
        )
        self.list.setItemDelegate(self.delegate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.note)
        layout.addWidget(self.list, 1)
        self.title.setVisible(bool(model.title))

    def _scale_fonts(self) -> None:
        """Header fonts from this widget's own (the projector sets a larger one)."""
        title_font = QFont(self.font())
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * self.scale * 1.1)
        self.title.setFont(title_font)
        note_font = QFont(self.font())
        note_font.setPointSizeF(note_font.pointSizeF() * self.scale)
        self.note.setFont(note_font)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:
            self._scale_fonts()
        super().changeEvent(event)

    def set_note(self, count: int, extra: str = "") -> None:
        text = f"{count:,} card{'' if count == 1 else 's'}"
        self.note.setText(f"{text} · {extra}" if extra else text)
