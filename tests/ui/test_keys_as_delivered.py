"""Capture panels with keys delivered as Qt delivers them in the room: to the widget that has
the focus (or the open popup), inside a window that is already active, with the event loop
running between presses. Two faults a panel's own tests could not see, kept fixed here."""

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.services.agenda import add_exercise, agenda_plan
from app.services.workshops import create_workshop
from exercises.library import builtin_library
from tests.ui.facilitator_keys import CTRL_SHIFT, Key, Keyboard
from ui.capture.cluster_panel import ClusterPanel
from ui.capture.context import step_context
from ui.capture.map_panel import MapPanel
from ui.store import Store

from .conftest import focus, shown
from .test_cluster_panel import HARVEST, loose, patterns_step, themes


def test_a_map_step_opened_in_an_active_window_keeps_the_keyboard(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    """The kind box once opened as a window of its own for a moment, taking the activation
    from the main window: the runner's PgDown into a map step left no widget with the focus."""
    workshop_id = create_workshop(store.db, title="Discharge delays").id
    add_exercise(store.db, workshop_id, builtin_library().get("see_the_larger_system"))
    plan = agenda_plan(store.db, workshop_id)
    window = QWidget()
    before = QLineEdit()
    layout = QVBoxLayout(window)
    layout.addWidget(before)
    shown(qtbot, window)
    focus(qtbot, before)
    panel = MapPanel(store, step_context(plan, plan.items[0].item_id, "map"), undo_stack)
    layout.addWidget(panel)  # as the runner's step pane hosts it
    panel.focus_entry()
    keys = Keyboard()
    keys.enter("Pharmacy #team")
    assert window.isActiveWindow()
    assert keys.focused() == "New actor"
    keys.press(Key.Key_Tab)  # into the map, as the hint says
    assert keys.focused() == "System map"
    assert panel.kind_box.isVisible()
    assert [n.label for n in panel.scene.nodes.values()] == ["Pharmacy"]


def test_enter_and_escape_reach_the_theme_name_box(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    """The editable box is its line's focus proxy, so the room's keys arrive at the box."""
    context = patterns_step(store)
    panel = ClusterPanel(store, context, undo_stack)
    shown(qtbot, panel)
    panel.focus_entry()
    qtbot.waitUntil(panel.card_list.hasFocus)
    keys = Keyboard()
    keys.press(Key.Key_N, CTRL_SHIFT)
    assert keys.focused() == "Theme name"
    keys.press(Key.Key_Escape)
    assert not panel.bar.isVisible() and panel.card_list.hasFocus()
    keys.press(Key.Key_N, CTRL_SHIFT)
    keys.enter("Trust first")
    assert themes(store, context) == [("Trust first", [HARVEST[0]])]
    assert loose(store, context) == list(HARVEST[1:])
    assert QApplication.focusWidget() is panel.card_list
