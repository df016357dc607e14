"""The widgets of the rate panel: the grid on the left, the chart and its reading on the right,
laid out once here so the panel module holds only behaviour."""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.capture.rate_model import RateModel
from ui.capture.rating_chart import LEGEND, RatingChart

HINT = (
    "Type a number on a cell: it is saved at once. Tab moves right, Enter goes to the next "
    "person, Backspace clears."
)


@dataclass
class RateForm:
    grid: QTableView
    message: QLabel
    reading: QLabel
    reading_heading: QLabel
    reading_area: QScrollArea
    splitter: QSplitter


def _grid(model: RateModel, panel: QWidget) -> QTableView:
    grid = QTableView()
    grid.setModel(model)
    grid.setAccessibleName("Ratings")
    grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    triggers = QAbstractItemView.EditTrigger
    grid.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed)
    grid.setTabKeyNavigation(True)
    grid.setWordWrap(False)
    font = grid.font()
    font.setPointSizeF(font.pointSizeF() * 1.25)  # numbers to check at a glance
    grid.setFont(font)
    header = grid.horizontalHeader()
    header.setFont(panel.font())
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setMinimumSectionSize(panel.fontMetrics().averageCharWidth() * 12)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
    rows = grid.verticalHeader()
    rows.setFont(panel.font())
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(int(grid.fontMetrics().height() * 1.8))
    return grid


def legend_label() -> QLabel:
    """How to read the chart, in small grey words under it."""
    legend = QLabel(LEGEND)
    legend.setObjectName("rating_legend")
    legend.setWordWrap(True)
    legend.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    font = legend.font()
    font.setPointSizeF(font.pointSizeF() * 0.9)
    legend.setFont(font)
    return legend


def _reading() -> tuple[QLabel, QLabel, QScrollArea]:
    reading = QLabel()
    reading.setObjectName("rate_reading")
    reading.setWordWrap(True)
    reading.setTextFormat(Qt.TextFormat.PlainText)
    reading.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    reading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    heading = QLabel("What this may mean")
    bold = heading.font()
    bold.setBold(True)
    heading.setFont(bold)
    area = QScrollArea()
    area.setWidget(reading)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return reading, heading, area


def build_rate_layout(
    panel: QWidget, model: RateModel, chart: RatingChart, actions: dict[str, QAction]
) -> RateForm:
    grid = _grid(model, panel)
    hint = QLabel(HINT)
    hint.setWordWrap(True)
    hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    clear = QToolButton()
    clear.setDefaultAction(actions["clear_rating"])
    clear.setAccessibleName("Clear rating")
    clear.setAutoRaise(True)
    clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    top = QHBoxLayout()
    top.addWidget(hint, 1)
    top.addWidget(clear)
    message = QLabel()
    message.setObjectName("rate_message")
    message.setWordWrap(True)
    message.hide()
    left = QWidget()
    left_layout = QVBoxLayout(left)
    left_layout.setContentsMargins(0, 0, 0, 0)
    left_layout.addLayout(top)
    left_layout.addWidget(grid, 1)
    left_layout.addWidget(message)

    reading, heading, area = _reading()
    right = QWidget()
    right_layout = QVBoxLayout(right)
    right_layout.setContentsMargins(0, 0, 0, 0)
    right_layout.addWidget(chart)
    right_layout.addWidget(legend_label())
    right_layout.addSpacing(panel.fontMetrics().height() // 2)
    right_layout.addWidget(heading)
    right_layout.addWidget(area, 1)

    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(left)
    splitter.addWidget(right)
    splitter.setChildrenCollapsible(False)
    layout = QVBoxLayout(panel)
    layout.addWidget(splitter)
    return RateForm(grid, message, reading, heading, area, splitter)


def fit_grid(form: RateForm, columns: int) -> None:
    """Give the grid the width of its columns (within reason); the chart takes the rest."""
    grid = form.grid
    width = grid.verticalHeader().sizeHint().width() + grid.frameWidth() * 2
    width += sum(grid.columnWidth(c) for c in range(columns))
    width += grid.verticalScrollBar().sizeHint().width()
    total = form.splitter.width()
    width = max(min(width, total * 11 // 20), total // 4)
    form.splitter.setSizes([width, total - width])
