"""A dot counted redraws only what it changed: its own row, and the rank of the rows it
overtook; ranked, it moves only that row. The table stays whole (no reset) and keeps its row."""

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from app.services.agenda import add_exercise, agenda_plan
from app.services.cards import add_card
from app.services.workshops import create_workshop
from exercises.library import builtin_library
from ui.capture.context import StepContext, step_context
from ui.capture.vote_model import BUTTONS, LABEL, RANK
from ui.capture.vote_panel import VotePanel
from ui.store import Store

from .conftest import shown

Key = Qt.Key
Ctrl = Qt.KeyboardModifier.ControlModifier


def wall(store: Store, cards: int) -> StepContext:
    """learning_from_what_did_not_work's choose_lessons with `cards` lessons to vote on."""
    workshop_id = create_workshop(store.db, title="Away day").id
    add_exercise(store.db, workshop_id, builtin_library().get("learning_from_what_did_not_work"))
    plan = agenda_plan(store.db, workshop_id)
    item = plan.items[0].item_id
    for number in range(cards):
        add_card(store.db, item, "experiments", f"Lesson {number}", category="lesson")
    return step_context(plan, item, "choose_lessons")


class Redraws:
    """What the table model told its view: cells changed, and whole-table events."""

    def __init__(self, panel: VotePanel) -> None:
        self.cells: list[tuple[int, int, int, int]] = []  # rows and columns of each change
        self.whole: list[str] = []
        model = panel.model
        model.dataChanged.connect(self._changed)
        model.modelReset.connect(lambda: self.whole.append("reset"))
        model.layoutChanged.connect(lambda *_: self.whole.append("layout"))

    def _changed(self, first: QModelIndex, last: QModelIndex, _roles: object = None) -> None:
        self.cells.append((first.row(), last.row(), first.column(), last.column()))

    def take(self) -> tuple[list[tuple[int, int, int, int]], list[str]]:
        taken = (sorted(self.cells), self.whole)
        self.cells, self.whole = [], []
        return taken


def open_panel(qtbot: QtBot, store: Store, stack: QUndoStack, context: StepContext) -> VotePanel:
    panel = VotePanel(store, context, stack)
    shown(qtbot, panel)
    panel.focus_entry()
    qtbot.waitUntil(panel.table.hasFocus)
    return panel


def press(qtbot: QtBot, panel: VotePanel, row: int, times: int = 1) -> None:
    panel.select_row(row)
    for _ in range(times):
        qtbot.keyClick(panel.table, Key.Key_Plus)


def ranks_shown(panel: VotePanel) -> list[str]:
    return [panel.model.index(row, RANK).data() for row in range(panel.model.rowCount())]


def test_a_dot_redraws_its_row_and_the_ranks_it_changed_and_nothing_else(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel = open_panel(qtbot, store, undo_stack, wall(store, 12))
    redraws = Redraws(panel)
    press(qtbot, panel, 5)
    assert redraws.take() == ([(5, 5, RANK, BUTTONS)], [])
    press(qtbot, panel, 6)  # one dot each: both ranked first, nobody else moves
    assert redraws.take() == ([(6, 6, RANK, BUTTONS)], [])
    press(qtbot, panel, 7, times=2)  # the first press ties, the second overtakes rows 5 and 6
    cells, whole = redraws.take()
    assert whole == []
    assert set(cells) == {(7, 7, RANK, BUTTONS), (5, 5, RANK, RANK), (6, 6, RANK, RANK)}
    assert ranks_shown(panel)[5:8] == ["2.", "2.", "1."]
    assert panel.model.index(7, LABEL).data() == "What it taught us: Lesson 7"
    undo_stack.undo()  # undo counts the same way
    cells, whole = redraws.take()
    assert whole == [] and (7, 7, RANK, BUTTONS) in cells
    assert ranks_shown(panel)[5:8] == ["1.", "1.", ""]


def test_ranked_a_dot_moves_only_its_row_and_keeps_it_selected(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel = open_panel(qtbot, store, undo_stack, wall(store, 12))
    qtbot.keyClick(panel.table, Key.Key_R, Ctrl)
    assert panel.ranked
    redraws = Redraws(panel)
    press(qtbot, panel, 9)
    cells, whole = redraws.take()
    assert whole == ["layout"]  # no reset: the view keeps its scroll position and selection
    assert cells == [(9, 9, RANK, BUTTONS)]  # drawn once, then moved to the top
    assert panel.model.index(0, LABEL).data() == "What it taught us: Lesson 9"
    assert panel.current_row() == 0
    labels = [panel.model.index(r, LABEL).data() for r in range(1, 12)]
    assert labels == [f"What it taught us: Lesson {n}" for n in (*range(9), 10, 11)]
