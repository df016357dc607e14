"""Words typed in a capture box but not yet added survive a crash: the map's new-actor box, the
cluster panel's theme-name bar and the actions entry row save a draft after a short pause in
typing (no focus change, no commit_pending needed), and an emptied box leaves no draft behind."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.services.agenda import add_exercise, agenda_plan
from app.services.cards import add_card
from app.services.drafts import draft_key, list_drafts, load_draft
from app.services.workshops import create_workshop
from exercises.library import builtin_library
from ui.capture.actions_panel import ActionsPanel
from ui.capture.cluster_panel import ClusterPanel
from ui.capture.context import StepContext, step_context
from ui.capture.entry_draft import DRAFT_DELAY_MS
from ui.capture.map_panel import MapPanel
from ui.store import Store

from .conftest import focus, shown

Key = Qt.Key
CtrlShift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
IDLE_WAIT_MS = DRAFT_DELAY_MS * 4  # waitUntil polls; the timer fires after one pause


def _step(store: Store, exercise: str, step: str) -> StepContext:
    workshop_id = create_workshop(store.db, title="Away day").id
    add_exercise(store.db, workshop_id, builtin_library().get(exercise))
    plan = agenda_plan(store.db, workshop_id)
    item = plan.items[0].item_id
    if exercise == "recall_great_collaboration":
        for text in ("Knew why it mattered", "Said what we needed"):
            add_card(store.db, item, "harvest", text)
    return step_context(plan, item, step)


def _empty(qtbot: QtBot, box: QLineEdit) -> None:
    """Select all and delete, as a user empties a box."""
    box.selectAll()
    qtbot.keyClick(box, Key.Key_Backspace)


def test_the_map_box_saves_a_draft_after_a_pause_and_an_emptied_box_leaves_none(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = _step(store, "see_the_larger_system", "map")
    key = draft_key("map", context.agenda_item_id, context.step_key)
    panel = MapPanel(store, context, undo_stack)
    shown(qtbot, panel)
    focus(qtbot, panel.entry)
    qtbot.keyClicks(panel.entry, "Social ca")
    assert panel.entry.hasFocus()  # no focus change and no commit_pending: only the pause
    qtbot.waitUntil(lambda: load_draft(store.db, key) == "Social ca", timeout=IDLE_WAIT_MS)
    _empty(qtbot, panel.entry)
    qtbot.waitUntil(lambda: load_draft(store.db, key) is None, timeout=IDLE_WAIT_MS)
    again = MapPanel(store, context, undo_stack)
    qtbot.addWidget(again)
    assert again.entry.text() == ""  # the old words do not come back


def test_the_theme_bar_saves_a_draft_after_a_pause(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = _step(store, "recall_great_collaboration", "patterns")
    key = draft_key("theme", context.agenda_item_id, context.step_key)
    panel = ClusterPanel(store, context, undo_stack)
    shown(qtbot, panel)
    focus(qtbot, panel.card_list)
    qtbot.keyClick(panel.card_list, Key.Key_N, CtrlShift)
    qtbot.waitUntil(panel.bar.line.hasFocus)
    qtbot.keyClicks(panel.bar.line, "Trust fi")
    qtbot.waitUntil(lambda: load_draft(store.db, key) == "Trust fi", timeout=IDLE_WAIT_MS)
    assert panel.bar.line.hasFocus()


def test_an_emptied_theme_bar_left_behind_deletes_its_draft(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = _step(store, "recall_great_collaboration", "patterns")
    key = draft_key("theme", context.agenda_item_id, context.step_key)
    first = ClusterPanel(store, context, undo_stack)
    shown(qtbot, first)
    focus(qtbot, first.card_list)
    qtbot.keyClick(first.card_list, Key.Key_N, CtrlShift)
    qtbot.waitUntil(first.bar.line.hasFocus)
    qtbot.keyClicks(first.bar.line, "Half a name")
    first.commit_pending()
    assert load_draft(store.db, key) == "Half a name"
    again = ClusterPanel(store, context, undo_stack)
    shown(qtbot, again)
    again.focus_entry()
    qtbot.waitUntil(again.bar.line.hasFocus)
    assert again.bar.line.text() == "Half a name"
    _empty(qtbot, again.bar.line)
    focus(qtbot, again.card_list)  # leave the bar, without waiting for the pause
    assert load_draft(store.db, key) is None
    again.commit_pending()  # the runner moves on: still nothing to keep
    assert load_draft(store.db, key) is None


def test_the_actions_row_saves_each_box_after_a_pause_and_forgets_an_emptied_one(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = _step(store, "vision_and_current_reality", "first_steps")
    panel = ActionsPanel(store, context, undo_stack)
    shown(qtbot, panel)
    focus(qtbot, panel.what)
    qtbot.keyClicks(panel.what, "Book the room")
    qtbot.keyClick(panel.what, Key.Key_Tab)
    qtbot.keyClicks(panel.who, "Kofi")
    qtbot.waitUntil(
        lambda: sorted(d.text for d in list_drafts(store.db)) == ["Book the room", "Kofi"],
        timeout=IDLE_WAIT_MS,
    )
    _empty(qtbot, panel.who)
    qtbot.waitUntil(
        lambda: [d.text for d in list_drafts(store.db)] == ["Book the room"],
        timeout=IDLE_WAIT_MS,
    )
