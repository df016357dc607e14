"""The vote panel's table: one row per card or theme, with its own minus and plus buttons.

The buttons never take the keyboard focus, so the facilitator can click a button and carry on
with the keys on the same table. An empty step says why there is nothing to count yet.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QTableView,
    QToolButton,
    QWidget,
)

from app.services.votes import VoteRow
from ui.capture.vote_model import BUTTONS, COUNT, DOTS, LABEL, RANK, VoteModel
from ui.icons import icon

Resize = QHeaderView.ResizeMode


class DotButtons(QWidget):
    """Minus and plus for one row of the table."""

    sig_clicked = Signal(int)  # the change asked for: -1 or 1

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.minus = QToolButton()
        self.plus = QToolButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 0, 2, 0)
        layout.setSpacing(2)
        for button, meaning, delta in ((self.minus, "dot_remove", -1), (self.plus, "dot_add", 1)):
            button.setIcon(icon(meaning))
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, d=delta: self.sig_clicked.emit(d))
            layout.addWidget(button)

    def describe(self, label: str, count: int) -> None:
        self.plus.setToolTip(f"One more dot on “{label}”")
        self.plus.setAccessibleName(f"Add a dot to {label}")
        self.minus.setToolTip(f"One dot fewer on “{label}”")
        self.minus.setAccessibleName(f"Take a dot from {label}")
        self.minus.setEnabled(count > 0)

    def refresh_icons(self) -> None:
        self.minus.setIcon(icon("dot_remove"))
        self.plus.setIcon(icon("dot_add"))


class VoteTable(QTableView):
    sig_row_clicked = Signal(int, int)  # row, change asked for by its buttons

    def __init__(self, model: VoteModel, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = ""
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAccessibleName(f"Dots per {what}")
        self.verticalHeader().hide()
        sample = DotButtons().sizeHint()
        height = max(self.fontMetrics().height() * 2, sample.height())
        self.verticalHeader().setDefaultSectionSize(height)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for column, mode in (
            (RANK, Resize.ResizeToContents),
            (LABEL, Resize.Stretch),
            (DOTS, Resize.ResizeToContents),
            (COUNT, Resize.ResizeToContents),
            (BUTTONS, Resize.Fixed),
        ):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(BUTTONS, sample.width() + 8)

    def buttons(self, row: int) -> DotButtons | None:
        model = self.model()
        found = self.indexWidget(model.index(row, BUTTONS)) if model is not None else None
        return found if isinstance(found, DotButtons) else None

    def show_buttons(self, rows: list[VoteRow], *, rebuild: bool) -> None:
        """Buttons for every row (new ones when the rows changed), named after their target."""
        model = self.model()
        for row, vote in enumerate(rows):
            buttons = self.buttons(row)
            if rebuild or buttons is None:
                buttons = DotButtons()
                buttons.sig_clicked.connect(lambda d, r=row: self.sig_row_clicked.emit(r, d))
                self.setIndexWidget(model.index(row, BUTTONS), buttons)
            buttons.describe(vote.label, vote.count)

    def refresh_icons(self) -> None:
        for row in range(self.model().rowCount()):
            buttons = self.buttons(row)
            if buttons is not None:
                buttons.refresh_icons()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self.model().rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            margin = self.fontMetrics().height() * 2
            area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(area, int(flags), self.empty_text)
            painter.end()
