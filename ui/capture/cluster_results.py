"""The projector's view of a cluster step: the room's themes, each with its cards, in large type.

Read-only and live: it redraws from the store's report whenever a card or a theme of this
workshop changes, so the wall on the screen follows the facilitator's grouping.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.services.changes import Area, Changes
from app.services.clusters import ClusterView, list_clusters, unclustered_cards
from ui.capture.context import StepContext
from ui.store import Store

COLUMNS = 3  # themes side by side, like flipchart sheets on a wall


def _scaled(widget: QWidget, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(widget.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font


def _label(text: str, font: QFont, role: QPalette.ColorRole | None = None) -> QLabel:
    label = QLabel(text)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role is not None:
        label.setForegroundRole(role)
    return label


class ClusterResults(QScrollArea):
    def __init__(self, store: Store, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.context = context
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        store.sig_changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.workshop_id == self.context.workshop_id and changes.touches(
            Area.CARDS, Area.CLUSTERS
        ):
            self.refresh()

    def refresh(self) -> None:
        item, step = self.context.agenda_item_id, self.context.step_key
        views = list_clusters(self.store.db, item, step)
        loose = unclustered_cards(self.store.db, item, step)
        page = QWidget()
        layout = QVBoxLayout(page)
        spacing = self.fontMetrics().height()
        layout.setSpacing(spacing)
        grid = QGridLayout()
        grid.setSpacing(spacing)
        for index, view in enumerate(views):
            grid.addWidget(self._theme_box(view), index // COLUMNS, index % COLUMNS)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        if not views:
            empty = "No themes yet." if loose else "No cards to group yet."
            layout.addWidget(_label(empty, _scaled(self, 1.8), QPalette.ColorRole.PlaceholderText))
        if loose:
            count = len(loose)
            note = f"{count} card{'s' if count != 1 else ''} not grouped yet"
            layout.addWidget(_label(note, _scaled(self, 1.3), QPalette.ColorRole.PlaceholderText))
        layout.addStretch(1)
        self.setWidget(page)  # the old page goes with its labels

    def _theme_box(self, view: ClusterView) -> QFrame:
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setAutoFillBackground(True)
        box.setBackgroundRole(QPalette.ColorRole.Base)
        column = QVBoxLayout(box)
        margin = self.fontMetrics().height()
        column.setContentsMargins(margin, margin, margin, margin)
        column.setSpacing(margin // 2)
        column.addWidget(_label(view.cluster.name, _scaled(self, 2.0, bold=True)))
        count = len(view.cards)
        count_text = f"{count} card{'s' if count != 1 else ''}"
        column.addWidget(_label(count_text, _scaled(self, 1.2), QPalette.ColorRole.PlaceholderText))
        body = _scaled(self, 1.5)
        for card in view.cards:
            column.addWidget(_label(f"• {' '.join(card.text.split())}", body))
        column.addStretch(1)
        return box


def cluster_results_view(store: Store, context: StepContext) -> QWidget:
    """RESULTS entry for the cluster mode (see ui.capture.registry)."""
    return ClusterResults(store, context)
