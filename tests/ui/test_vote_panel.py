"""The vote panel, driven by the keyboard (+, =, minus, Ctrl+R) and its row buttons: dots on
cards and on themes, never below zero, undo and redo, ranking, and the budget line."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from app.services.agenda import add_exercise, agenda_plan
from app.services.cards import add_card
from app.services.clusters import create_cluster
from app.services.participants import add_participant
from app.services.votes import add_dots, vote_results
from app.services.workshops import create_workshop
from exercises.library import builtin_library
from ui.capture.context import StepContext, step_context
from ui.capture.registry import make_panel, make_results
from ui.capture.vote_model import BUTTONS, DOTS, LABEL, RANK
from ui.capture.vote_panel import VotePanel
from ui.capture.vote_results import VoteResultsView
from ui.store import Store

from .conftest import focus, shown

Key = Qt.Key
Ctrl = Qt.KeyboardModifier.ControlModifier
LESSONS = (
    ("We launched without asking the ward", "experiment"),
    ("Ask the people who do the work first", "lesson"),
    ("Small pilots teach more than big plans", "lesson"),
)
THEMES = ("Trust first", "Daily rhythm", "Clear the path")


def lessons_step(store: Store) -> StepContext:
    """learning_from_what_did_not_work's choose_lessons (dots on the experiments' cards)."""
    workshop_id = create_workshop(store.db, title="Away day").id
    add_exercise(store.db, workshop_id, builtin_library().get("learning_from_what_did_not_work"))
    plan = agenda_plan(store.db, workshop_id)
    item = plan.items[0].item_id
    for text, category in LESSONS:
        add_card(store.db, item, "experiments", text, category=category)
    return step_context(plan, item, "choose_lessons")


def themes_step(store: Store, people: int = 0) -> StepContext:
    """recall_great_collaboration's choose (dots on the patterns step's themes)."""
    workshop_id = create_workshop(store.db, title="Away day").id
    add_exercise(store.db, workshop_id, builtin_library().get("recall_great_collaboration"))
    for number in range(people):
        add_participant(store.db, workshop_id, name=f"Person {number + 1}")
    plan = agenda_plan(store.db, workshop_id)
    item = plan.items[0].item_id
    for name in THEMES:
        card = add_card(store.db, item, "harvest", f"A card for {name}").id
        create_cluster(store.db, item, "patterns", name, [card])
    return step_context(plan, item, "choose")


def open_panel(qtbot: QtBot, store: Store, stack: QUndoStack, context: StepContext) -> VotePanel:
    panel = VotePanel(store, context, stack)
    shown(qtbot, panel)
    panel.focus_entry()
    qtbot.waitUntil(panel.table.hasFocus)
    return panel


def tally(store: Store, context: StepContext) -> dict[str, int]:
    results = vote_results(store.db, context.agenda_item_id, context.step_key)
    return {row.label: row.count for row in results.rows}


def shown_labels(panel: VotePanel) -> list[str]:
    return [panel.model.index(row, LABEL).data() for row in range(panel.model.rowCount())]


def current_label(panel: VotePanel) -> str:
    return str(panel.model.index(panel.current_row(), LABEL).data())


def test_plus_by_key_counts_dots_on_a_card_and_minus_never_goes_below_zero(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    context = lessons_step(store)
    panel = open_panel(qtbot, store, undo_stack, context)
    assert shown_labels(panel) == [
        "What we tried: We launched without asking the ward",
        "What it taught us: Ask the people who do the work first",
        "What it taught us: Small pilots teach more than big plans",
    ]
    qtbot.keyClick(panel.table, Key.Key_Down)
    for _ in range(3):
        qtbot.keyClick(panel.table, Key.Key_Plus)
    assert tally(store, context)["Ask the people who do the work first"] == 3
    assert undo_stack.count() == 1  # three presses on one row: one undo step
    assert undo_stack.undoText() == "Add 3 dots to “Ask the people who do the work first”"
    assert panel.model.index(1, DOTS).data() == "●●●"
    assert panel.model.index(1, RANK).data() == "1."
    qtbot.keyClick(panel.table, Key.Key_Minus)
    assert tally(store, context)["Ask the people who do the work first"] == 2
    for _ in range(4):  # two dots left: the last two presses do nothing
        qtbot.keyClick(panel.table, Key.Key_Minus)
    assert tally(store, context)["Ask the people who do the work first"] == 0
    assert not panel.command_actions["remove_dot"].isEnabled()
    assert undo_stack.count() == 2  # plus three times, then minus three times
    assert undo_stack.undoText() == "Take 3 dots from “Ask the people who do the work first”"
    undo_stack.undo()
    assert tally(store, context)["Ask the people who do the work first"] == 3
    undo_stack.undo()
    assert tally(store, context)["Ask the people who do the work first"] == 0
    undo_stack.redo()
    assert tally(store, context)["Ask the people who do the work first"] == 3
    qtbot.keyClick(panel.table, Key.Key_Equal)  # = is + without Shift
    assert tally(store, context)["Ask the people who do the work first"] == 4


def test_ranked_order_keeps_the_selection_on_the_same_theme(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    context = themes_step(store)
    panel = open_panel(qtbot, store, undo_stack, context)
    assert shown_labels(panel) == list(THEMES)  # board order while counting
    qtbot.keyClick(panel.table, Key.Key_R, Ctrl)
    assert panel.ranked
    qtbot.keyClick(panel.table, Key.Key_Down)
    qtbot.keyClick(panel.table, Key.Key_Down)
    assert current_label(panel) == "Clear the path"
    qtbot.keyClick(panel.table, Key.Key_Plus)  # most dots now: it moves to the top
    assert shown_labels(panel) == ["Clear the path", "Trust first", "Daily rhythm"]
    assert current_label(panel) == "Clear the path"
    qtbot.keyClick(panel.table, Key.Key_Down)
    qtbot.keyClick(panel.table, Key.Key_Plus)
    qtbot.keyClick(panel.table, Key.Key_Plus)
    assert shown_labels(panel) == ["Trust first", "Clear the path", "Daily rhythm"]
    assert current_label(panel) == "Trust first"
    assert tally(store, context) == {"Trust first": 2, "Clear the path": 1, "Daily rhythm": 0}
    undo_stack.undo()
    assert shown_labels(panel) == ["Clear the path", "Trust first", "Daily rhythm"]
    qtbot.keyClick(panel.table, Key.Key_R, Ctrl)  # back to the board's order
    assert shown_labels(panel) == list(THEMES)


def click_button(qtbot: QtBot, panel: VotePanel, row: int, delta: int) -> None:
    """Click the row's minus (delta -1) or plus (1), drawn in its last cell."""
    where = panel.table.button_rect(row, delta).center()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=where)


def test_the_row_buttons_add_and_take_dots(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    context = themes_step(store)
    panel = open_panel(qtbot, store, undo_stack, context)
    click_button(qtbot, panel, 2, -1)  # no dot yet: minus does nothing
    assert undo_stack.count() == 0
    click_button(qtbot, panel, 2, 1)
    click_button(qtbot, panel, 2, 1)
    assert tally(store, context)["Clear the path"] == 2
    assert current_label(panel) == "Clear the path"
    assert panel.table.hasFocus()  # the keyboard stays on the table
    click_button(qtbot, panel, 2, -1)
    assert tally(store, context)["Clear the path"] == 1
    assert panel.table.button_tip(2, 1) == "One more dot on “Clear the path”"
    assert panel.table.button_tip(2, -1) == "One dot fewer on “Clear the path”"
    name = panel.model.index(2, BUTTONS).data(Qt.ItemDataRole.AccessibleTextRole)
    assert "Add a dot to Clear the path" in name and "Take a dot from Clear the path" in name
    assert not panel.table.indexWidget(panel.model.index(2, BUTTONS))  # drawn, no widgets


def test_the_budget_line_counts_people_and_warns_when_over(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    nobody = themes_step(store)
    panel = open_panel(qtbot, store, undo_stack, nobody)
    assert panel.budget_label.text() == "3 dots per person · 0 dots given"
    context = themes_step(store, people=3)
    panel = open_panel(qtbot, store, undo_stack, context)
    assert panel.budget_label.text() == (
        "Each person has 3 dots · 3 people → 9 dots · 0 dots given · 9 left"
    )
    assert not panel.warning.isVisible()
    first = vote_results(store.db, context.agenda_item_id, "choose").rows[0].target_id
    store.apply(add_dots, context.agenda_item_id, "choose", cluster_id=first, delta=9)
    assert panel.budget_label.text() == "Each person has 3 dots · 3 people → 9 dots · 9 dots given"
    assert not panel.warning.isVisible()
    focus(qtbot, panel.table)
    qtbot.keyClick(panel.table, Key.Key_Plus)
    assert panel.warning.isVisible()
    assert panel.warning_label.text() == "1 dot more than the 9 handed out: count again?"
    undo_stack.undo()
    assert not panel.warning.isVisible()


def test_the_registry_and_the_projector_view_follow_the_count(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    context = themes_step(store)
    assert isinstance(make_panel(store, context, undo_stack), VotePanel)
    view = make_results(store, context)
    assert isinstance(view, VoteResultsView)
    qtbot.addWidget(view)
    view.resize(1280, 480)
    last = vote_results(store.db, context.agenda_item_id, "choose").rows[2].target_id
    store.apply(add_dots, context.agenda_item_id, "choose", cluster_id=last, delta=4)
    qtbot.waitUntil(lambda: "4 dots given" in view.shown_texts())
    assert view.shown_texts()[:4] == ["1.", "Clear the path", "4", "●●●●"]
