"""The actions on the projector: what, who and by when, large and read-only, so the room can
check each action as it is written down.

Rows at the largest type at which the whole list fits (two halves side by side when it is long
and the screen wide); below the readable size, the first actions and "and 3 more actions".
A date gone by is in the warning colour, a done action struck through. It redraws whenever the
list changes.
"""

from PySide6.QtWidgets import QWidget

from app.services.changes import Area, Changes
from ui.capture.actions_model import DUE, HEADERS, WHAT, WHO, ActionsModel
from ui.capture.context import StepContext
from ui.capture.results_sheet import ResultsSheet, Sheet
from ui.capture.room_rows import BODY, NOTE, Cell, Column, Row, fit_rows, place_footer
from ui.capture.room_tiles import centred
from ui.capture.room_type import Role, Style, type_range
from ui.store import Store

EMPTY = "No actions yet"
DONE = Style(role=Role.PlaceholderText, strike=True)
LATE = Style(warning=True)
HEADER_STYLE = Style(role=Role.PlaceholderText, bold=True)
COLUMNS = (Column(stretch=True), Column(share=0.28), Column(share=0.28))  # what, who, by when
NOBODY = "—"


class ActionsResults(ResultsSheet):
    def __init__(self, store: Store, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.context = context
        self.model = ActionsModel(None, self)  # read-only: the same words as the panel's table
        store.sig_changed.connect(self._on_changed)
        self.refresh()
        self.relayout()

    def _on_changed(self, changes: Changes) -> None:
        if changes.workshop_id == self.context.workshop_id and changes.touches(Area.ACTIONS):
            self.refresh()

    def refresh(self) -> None:
        self.model.load(self.store.db, self.context.workshop_id)
        self.schedule()

    def _row(self, number: int) -> Row:
        """One action in the words of the panel's table (the same model, read-only)."""
        action = self.model.rows[number]
        what, who, due = (str(self.model.index(number, c).data() or "") for c in (WHAT, WHO, DUE))
        if action.done:
            return (Cell(what, DONE), Cell(who, NOTE), Cell(due, NOTE))
        return (
            Cell(what, BODY),
            Cell(who or NOBODY, BODY if who else NOTE),
            Cell(due, LATE if self.model.overdue(action) else BODY),
        )

    @staticmethod
    def _footer(hidden: int) -> list[str]:
        return [f"and {hidden} more action{'' if hidden == 1 else 's'}"] if hidden else []

    def compose(self, width: float, height: float) -> Sheet:
        sheet = Sheet()
        low, high = type_range(self)
        if not self.model.rows:
            face = self.measure.face(self.font(), low * 1.2, NOTE)
            centred(sheet, self.measure, face, EMPTY, width=width, height=height)
            return sheet
        header = tuple(Cell(title, HEADER_STYLE) for title in HEADERS[:3])
        table, plan, footer = fit_rows(
            self.measure,
            self.font(),
            sizes=(low, high),
            columns=COLUMNS,
            rows=[self._row(number) for number in range(len(self.model.rows))],
            header=header,
            footer=self._footer,
            size=(width, height),
        )
        bottom = table.place(sheet, plan, header, bands=True)
        place_footer(sheet, table, footer, bottom, width)
        sheet.points = table.points
        return sheet


def actions_results(store: Store, context: StepContext) -> QWidget:
    """RESULTS["actions"]: the live, read-only projector view of the workshop's actions."""
    return ActionsResults(store, context)
