"""What the room said in a cards step, large, for the projector: the words, not who said them.

The projector shows the cards in their columns and follows every change as it is saved (a
card added, edited, moved or deleted, an undo); authors stay on the facilitator's screen.
"""

from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.capture.card_columns import CardColumn
from ui.capture.cards_model import CardsBoard
from ui.capture.context import StepContext
from ui.store import Store

SCALE = 1.8  # cards are read from the back of the room
EMPTY = "The cards appear here as they are added."


class CardsResults(QWidget):
    def __init__(
        self,
        store: Store,
        context: StepContext,
        parent: QWidget | None = None,
        scale: float = SCALE,
    ) -> None:
        super().__init__(parent)
        self.board = CardsBoard(store, context, self)
        self.columns: list[CardColumn] = []
        row = QHBoxLayout()
        row.setSpacing(self.fontMetrics().averageCharWidth() * 3)
        for model in self.board.columns:
            column = CardColumn(model, interactive=False, show_author=False, scale=scale)
            model.rowsInserted.connect(column.list.scrollToBottom)  # the room sees the newest
            row.addWidget(column, 1)
            self.columns.append(column)
        self.empty = QLabel(EMPTY)
        self.empty.setObjectName("cards_results_empty")
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        self.empty.setFont(font)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(self.empty)
        self.board.sig_updated.connect(self._update)
        self._update()

    def _update(self) -> None:
        categories = bool(self.board.categories)
        for column in self.columns:
            count = len(column.model.rows)
            column.set_note(count)
            column.note.setVisible(categories)
            if categories and column.model.category is None:
                column.setVisible(count > 0)
        self.empty.setVisible(self.board.count == 0)


def cards_results(store: Store, context: StepContext) -> QWidget:
    """The registry's factory: a live, read-only view of the step's cards."""
    return CardsResults(store, context)
