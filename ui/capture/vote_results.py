"""The projector's view of a vote step: the ranking, most dots first, with the dots drawn.

Each row is a rank, the card or theme, its count and its dots, at the largest type at which the
whole ranking fits (in two halves side by side if the rows are many); below the readable size
it shows the top of the ranking and "and 7 more". Read-only and live: it redraws whenever dots,
cards or themes of this workshop change, so the room watches the count as it is entered.
"""

from PySide6.QtWidgets import QWidget

from app.services.changes import Area, Changes
from app.services.votes import VoteResults, vote_results
from ui.capture.context import StepContext
from ui.capture.results_sheet import ResultsSheet, Sheet
from ui.capture.room_rows import NOTE, Cell, Column, Row, fit_rows, place_footer
from ui.capture.room_tiles import centred
from ui.capture.room_type import Role, Style, type_range
from ui.capture.vote_model import dots_text, plural, ranks
from ui.store import Store

STRONG = Style(bold=True)
DOTS = Style(role=Role.Highlight)
# rank, what was voted on, count, dots: the dots sit next to their number, not across the room
COLUMNS = (Column(), Column(stretch=True), Column(), Column(share=0.25))


class VoteResultsView(ResultsSheet):
    def __init__(self, store: Store, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.context = context
        self.results: VoteResults | None = None
        store.sig_changed.connect(self._on_changed)
        self.refresh()
        self.relayout()

    def _on_changed(self, changes: Changes) -> None:
        if changes.workshop_id == self.context.workshop_id and changes.touches(
            Area.VOTES, Area.CARDS, Area.CLUSTERS
        ):
            self.refresh()

    def refresh(self) -> None:
        self.results = vote_results(
            self.store.db, self.context.agenda_item_id, self.context.step_key
        )
        self.schedule()

    def rows(self) -> list[Row]:
        assert self.results is not None
        rank = ranks(self.results.rows)
        top = max((vote.count for vote in self.results.rows), default=0)
        rows: list[Row] = []
        for vote in self.results.rows:
            place = f"{rank[vote.target_id]}." if vote.target_id in rank else ""
            label = " ".join(vote.label.split())
            rows.append(
                (
                    Cell(place, NOTE, right=True),
                    Cell(label, STRONG if vote.count else NOTE),
                    Cell(str(vote.count), STRONG if vote.count else NOTE, right=True),
                    Cell(dots_text(vote.count), DOTS, bar=(vote.count / max(top, 1), top)),
                )
            )
        return rows

    def _footer(self, hidden: int) -> list[str]:
        assert self.results is not None
        lines = [f"and {hidden} more"] if hidden else []
        total = f"{plural(self.results.total, 'dot')} given"
        if self.results.budget is not None:
            total = f"{self.results.total} of {plural(self.results.budget, 'dot')} given"
        return [*lines, total]

    def compose(self, width: float, height: float) -> Sheet:
        sheet = Sheet()
        low, high = type_range(self)
        if self.results is None or not self.results.rows:
            what = "themes" if self.results and self.results.target == "clusters" else "cards"
            face = self.measure.face(self.font(), low * 1.2, NOTE)
            centred(
                sheet, self.measure, face, f"No {what} to vote on yet.", width=width, height=height
            )
            return sheet
        table, plan, footer = fit_rows(
            self.measure,
            self.font(),
            sizes=(low, high),
            columns=COLUMNS,
            rows=self.rows(),
            header=None,
            footer=self._footer,
            size=(width, height),
        )
        bottom = table.place(sheet, plan, None)
        place_footer(sheet, table, footer, bottom, width)
        sheet.points = table.points
        return sheet


def vote_results_view(store: Store, context: StepContext) -> QWidget:
    """RESULTS entry for the vote mode (see ui.capture.registry)."""
    return VoteResultsView(store, context)
