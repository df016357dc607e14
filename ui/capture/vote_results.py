"""The projector's view of a vote step: the ranking, most dots first, with the dots drawn.

Read-only and live: it redraws from the store's report whenever dots, cards or themes of this
workshop change, so the room watches the count as the facilitator enters it.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from app.services.changes import Area, Changes
from app.services.votes import vote_results
from ui.capture.context import StepContext
from ui.capture.vote_model import dots_text, plural, ranks
from ui.store import Store

Role = QPalette.ColorRole


def _label(text: str, font: QFont, role: Role | None = None) -> QLabel:
    label = QLabel(text)
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if role is not None:
        label.setForegroundRole(role)
    return label


class VoteResultsView(QScrollArea):
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
            Area.VOTES, Area.CARDS, Area.CLUSTERS
        ):
            self.refresh()

    def _font(self, factor: float, *, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * factor)
        font.setBold(bold)
        return font

    def refresh(self) -> None:
        results = vote_results(self.store.db, self.context.agenda_item_id, self.context.step_key)
        page = QWidget()
        layout = QVBoxLayout(page)
        grid = QGridLayout()
        spacing = self.fontMetrics().height()
        grid.setHorizontalSpacing(spacing * 2)
        grid.setVerticalSpacing(spacing)
        rank = ranks(results.rows)
        body, strong = self._font(1.8), self._font(1.8, bold=True)
        dots_font = self._font(1.6)
        for row, vote in enumerate(results.rows):
            muted = Role.PlaceholderText if not vote.count else None
            place = f"{rank[vote.target_id]}." if vote.target_id in rank else ""
            name = _label(" ".join(vote.label.split()), strong if vote.count else body, muted)
            name.setWordWrap(True)
            dots = _label(dots_text(vote.count), dots_font, Role.Highlight)
            count = _label(str(vote.count), strong, muted)
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            grid.addWidget(_label(place, body, Role.PlaceholderText), row, 0, right)
            grid.addWidget(name, row, 1)
            grid.addWidget(count, row, 2, right)
            grid.addWidget(dots, row, 3)
        grid.setColumnStretch(1, 3)  # the dots sit next to their number, not across the room
        grid.setColumnStretch(3, 2)
        layout.addLayout(grid)
        if not results.rows:
            what = "themes" if results.target == "clusters" else "cards"
            layout.addWidget(_label(f"No {what} to vote on yet.", body, Role.PlaceholderText))
        else:
            total = f"{plural(results.total, 'dot')} given"
            if results.budget is not None:
                total = f"{results.total} of {plural(results.budget, 'dot')} given"
            layout.addWidget(_label(total, self._font(1.3), Role.PlaceholderText))
        layout.addStretch(1)
        self.setWidget(page)


def vote_results_view(store: Store, context: StepContext) -> QWidget:
    """RESULTS entry for the vote mode (see ui.capture.registry)."""
    return VoteResultsView(store, context)
