"""The agenda builder: add, reorder, remove, minutes per step, drops, and time against plan.

Each flow is driven through the panel's widgets and checked in the database via agenda_plan.
"""

import datetime as dt

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QSpinBox, QToolButton
from pytestqt.qtbot import QtBot

from app.services.agenda import agenda_plan
from app.services.workshops import create_workshop, edit_workshop
from ui import mime
from ui.editor.agenda_model import MINUTES, STARTS, TITLE, format_minutes, format_start
from ui.editor.agenda_panel import AgendaPanel
from ui.store import Store

CHECK_IN = "check_in_check_out"  # 12 + 10 min
HERO = "from_hero_to_tribe"  # 50 min
TALK = "generative_conversation"  # 70 min


def open_panel(
    store: Store,
    undo_stack: QUndoStack,
    qtbot: QtBot,
    keys: tuple[str, ...] = (),
    **details: object,
) -> tuple[AgendaPanel, int]:
    details = {"start_time": dt.time(9, 0), "minutes_available": 180, **details}
    workshop_id = store.apply(create_workshop, title="Away day", **details).id  # type: ignore[union-attr]
    panel = AgendaPanel(store)
    qtbot.addWidget(panel)
    panel.set_workshop(workshop_id, undo_stack)
    for key in keys:
        panel.add_exercise(key)
    panel.resize(700, 600)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.tree)
    return panel, workshop_id


def keys_in_db(store: Store, workshop_id: int) -> list[str]:
    return [item.exercise.key for item in agenda_plan(store.db, workshop_id).items]


def titles_shown(panel: AgendaPanel) -> list[str]:
    return [panel.model.index(row, TITLE).data() for row in range(panel.model.rowCount())]


def exercise_mime(key: str) -> QMimeData:
    data = QMimeData()
    data.setData(mime.EXERCISE_KEY, QByteArray(key.encode("utf-8")))
    return data


def item_mime(item_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(mime.AGENDA_ITEM, QByteArray(str(item_id).encode("ascii")))
    return data


def test_add_exercise_goes_after_the_current_item_or_at_the_end(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, workshop_id = open_panel(store, undo_stack, qtbot)
    panel.add_exercise(CHECK_IN)  # empty agenda: at the end
    panel.add_exercise(HERO)  # after the new (current) item
    panel.tree.setCurrentIndex(panel.model.index(0, TITLE))
    panel.add_exercise(TALK)  # after the first
    assert keys_in_db(store, workshop_id) == [CHECK_IN, TALK, HERO]
    assert panel.current_item().exercise.key == TALK  # type: ignore[union-attr]
    assert titles_shown(panel)[1] == "Hear each other's reality"
    assert undo_stack.undoText() == "Add “Hear each other's reality”"
    undo_stack.undo()
    assert keys_in_db(store, workshop_id) == [CHECK_IN, HERO]
    undo_stack.redo()
    assert keys_in_db(store, workshop_id) == [CHECK_IN, TALK, HERO]
    panel.add_exercise(CHECK_IN, index=0)
    assert keys_in_db(store, workshop_id) == [CHECK_IN, CHECK_IN, TALK, HERO]


def test_an_unknown_exercise_is_reported_not_added(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, workshop_id = open_panel(store, undo_stack, qtbot)
    with qtbot.waitSignal(store.sig_failed) as failed:
        panel.add_exercise("no_such_exercise")
    assert "no_such_exercise" in failed.args[0]
    assert keys_in_db(store, workshop_id) == []
    assert undo_stack.count() == 0


def test_ctrl_up_and_down_reorder_with_undo_and_redo(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, workshop_id = open_panel(store, undo_stack, qtbot, (CHECK_IN, HERO, TALK))
    panel.tree.setCurrentIndex(panel.model.index(2, TITLE))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert keys_in_db(store, workshop_id) == [CHECK_IN, TALK, HERO]
    assert panel.current_item().exercise.key == TALK  # type: ignore[union-attr]
    qtbot.keyClick(panel.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert keys_in_db(store, workshop_id) == [TALK, CHECK_IN, HERO]
    assert not panel.command_actions["move_item_up"].isEnabled()  # already first
    assert undo_stack.undoText() == "Move “Hear each other's reality” up"
    # with a step row current, its item moves
    first_step = panel.model.index(0, TITLE, panel.model.index(0, TITLE))
    panel.tree.setCurrentIndex(first_step)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert keys_in_db(store, workshop_id) == [CHECK_IN, TALK, HERO]
    assert undo_stack.undoText() == "Move “Hear each other's reality” down"
    assert panel.current_item().exercise.key == TALK  # type: ignore[union-attr]
    undo_stack.undo()
    undo_stack.undo()
    assert keys_in_db(store, workshop_id) == [CHECK_IN, TALK, HERO]
    undo_stack.undo()
    assert keys_in_db(store, workshop_id) == [CHECK_IN, HERO, TALK]
    undo_stack.redo()
    assert keys_in_db(store, workshop_id) == [CHECK_IN, TALK, HERO]
    assert titles_shown(panel) == [i.title for i in agenda_plan(store.db, workshop_id).items]


def test_delete_removes_the_item_and_undo_puts_it_back_in_place(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, workshop_id = open_panel(store, undo_stack, qtbot, (CHECK_IN, HERO, TALK))
    panel.tree.setCurrentIndex(panel.model.index(1, TITLE))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    assert keys_in_db(store, workshop_id) == [CHECK_IN, TALK]
    assert undo_stack.undoText() == "Remove “From hero to tribe”"
    assert panel.current_item().exercise.key == TALK  # type: ignore[union-attr]
    undo_stack.undo()
    assert keys_in_db(store, workshop_id) == [CHECK_IN, HERO, TALK]
    assert panel.current_item().exercise.key == HERO  # type: ignore[union-attr]
    undo_stack.redo()
    assert keys_in_db(store, workshop_id) == [CHECK_IN, TALK]


def test_minutes_edited_with_f2_are_saved_and_move_later_start_times(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, workshop_id = open_panel(store, undo_stack, qtbot, (CHECK_IN, HERO))
    second_item = panel.model.index(1, STARTS)
    assert second_item.data() == "09:22"
    check_in = panel.model.index(0, MINUTES, panel.model.index(0, TITLE))
    panel.tree.setCurrentIndex(check_in)
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    editor = panel.tree.findChild(QSpinBox)
    assert editor is not None and editor.hasFocus()
    qtbot.keyClicks(editor, "20")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on the next turn of the loop
    qtbot.waitUntil(lambda: undo_stack.count() == 3)
    steps = agenda_plan(store.db, workshop_id).items[0].steps
    assert [s.minutes for s in steps] == [20, 10]
    assert panel.model.index(1, STARTS).data() == "09:30"
    assert panel.model.index(0, MINUTES).data() == "30"  # the item shows the sum
    assert undo_stack.undoText() == "Set “Check-in: how are we arriving?” to 20 min"
    undo_stack.undo()
    assert agenda_plan(store.db, workshop_id).items[0].steps[0].minutes == 12
    assert panel.model.index(1, STARTS).data() == "09:22"


def test_typing_a_number_on_a_step_edits_its_minutes(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, workshop_id = open_panel(store, undo_stack, qtbot, (CHECK_IN,))
    check_out = panel.model.index(1, TITLE, panel.model.index(0, TITLE))
    panel.tree.setCurrentIndex(check_out)
    qtbot.keyClicks(panel.tree, "5")
    editor = panel.tree.findChild(QSpinBox)
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: undo_stack.count() == 2)
    assert [s.minutes for s in agenda_plan(store.db, workshop_id).items[0].steps] == [12, 5]
    assert not panel.model.flags(panel.model.index(0, MINUTES)) & Qt.ItemFlag.ItemIsEditable


def test_footer_warns_only_when_the_agenda_runs_over(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, workshop_id = open_panel(store, undo_stack, qtbot, (CHECK_IN,), minutes_available=60)
    assert panel.total_label.text() == "Total 22 min · 1 h 00 min available"
    assert panel.note_label.text() == "38 min to spare"
    assert not panel.warning.isVisible()
    panel.add_exercise(HERO)
    assert panel.total_label.text() == "Total 1 h 12 min · 1 h 00 min available"
    assert panel.warning.isVisible()
    assert panel.warning_label.text() == "12 min over the time available"
    assert panel.warning_label.font().bold()
    assert not panel.note_label.isVisible()
    undo_stack.undo()
    assert not panel.warning.isVisible()
    store.apply(edit_workshop, workshop_id, minutes_available=None)
    assert panel.total_label.text() == "Total 22 min"
    assert panel.note_label.text() == "No time available set"
    assert not panel.warning.isVisible()


def test_without_a_start_time_items_show_their_offset(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, _ = open_panel(store, undo_stack, qtbot, (TALK, CHECK_IN, HERO), start_time=None)
    assert [panel.model.index(r, STARTS).data() for r in range(3)] == [
        "+0 min",
        "+1 h 10",
        "+1 h 32",
    ]
    assert format_start(75, None) == "+1 h 15"
    assert format_start(75, dt.time(10, 45)) == "10:45"
    assert format_minutes(180) == "3 h 00 min"


def test_an_exercise_dropped_from_the_library_lands_at_the_drop_row(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, workshop_id = open_panel(store, undo_stack, qtbot, (CHECK_IN, HERO))
    data = exercise_mime(TALK)
    assert panel.model.dropMimeData(data, Qt.DropAction.CopyAction, 1, 0, QModelIndex())
    assert keys_in_db(store, workshop_id) == [CHECK_IN, TALK, HERO]
    # on a step row: after that step's item
    hero_step = panel.model.index(2, TITLE, panel.model.index(2, TITLE))
    assert panel.model.dropMimeData(data, Qt.DropAction.CopyAction, -1, -1, hero_step)
    assert keys_in_db(store, workshop_id) == [CHECK_IN, TALK, HERO, TALK]
    undo_stack.undo()
    assert keys_in_db(store, workshop_id) == [CHECK_IN, TALK, HERO]


def test_dragging_an_exercise_over_the_tree_drops_it_before_the_item_under_the_cursor(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, workshop_id = open_panel(store, undo_stack, qtbot, (CHECK_IN, HERO))
    viewport = panel.tree.viewport()
    at = QPointF(panel.tree.visualRect(panel.model.index(1, TITLE)).center())
    data = exercise_mime(TALK)  # kept alive: the events hold a plain pointer to it
    copy, left, none = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(at.toPoint(), copy, data, left, none)
    QApplication.sendEvent(viewport, enter)  # makes the viewport the drag's target
    assert enter.isAccepted()
    move = QDragMoveEvent(at.toPoint(), copy, data, left, none)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    assert panel.tree.gap_at(at.toPoint()) == 1  # an open item's title row: before it
    drop = QDropEvent(at, copy, data, left, none)
    QApplication.sendEvent(viewport, drop)
    assert drop.isAccepted()
    assert keys_in_db(store, workshop_id) == [CHECK_IN, TALK, HERO]
    assert panel.current_item().exercise.key == TALK  # type: ignore[union-attr]
    below_everything = QPointF(10, viewport.height() - 5)
    assert panel.tree.gap_at(below_everything.toPoint()) == 3


def test_dragging_an_item_reorders_it_through_an_undo_command(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, workshop_id = open_panel(store, undo_stack, qtbot, (CHECK_IN, HERO, TALK))
    talk_id = agenda_plan(store.db, workshop_id).items[2].item_id
    dragged = panel.model.mimeData([panel.model.index(0, TITLE, panel.model.index(2, TITLE))])
    assert dragged is not None  # a step drags its item
    assert bytes(dragged.data(mime.AGENDA_ITEM).data()) == str(talk_id).encode()
    assert panel.model.dropMimeData(dragged, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert keys_in_db(store, workshop_id) == [TALK, CHECK_IN, HERO]
    assert undo_stack.undoText() == "Move “Hear each other's reality” up"
    assert titles_shown(panel)[0] == "Hear each other's reality"
    count = undo_stack.count()
    panel.model.dropMimeData(item_mime(talk_id), Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert undo_stack.count() == count  # dropped where it already was: nothing to do
    undo_stack.undo()
    assert keys_in_db(store, workshop_id) == [CHECK_IN, HERO, TALK]


def test_an_item_of_another_workshop_is_not_accepted(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    other, _ = open_panel(store, QUndoStack(), qtbot, (HERO,))
    foreign_id = other.model.item_ids()[0]
    panel, workshop_id = open_panel(store, undo_stack, qtbot, (CHECK_IN,))
    data = item_mime(foreign_id)
    assert not panel.model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not panel.model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert keys_in_db(store, workshop_id) == [CHECK_IN]


def test_closed_items_stay_closed_across_a_redraw(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, _ = open_panel(store, undo_stack, qtbot, (CHECK_IN, HERO, TALK))
    hero = panel.model.index(1, TITLE)
    panel.tree.collapse(hero)
    panel.tree.setCurrentIndex(panel.model.index(0, TITLE))
    panel.move_down()
    assert titles_shown(panel)[0] == "From hero to tribe"
    assert not panel.tree.isExpanded(panel.model.index(0, TITLE))
    assert panel.tree.isExpanded(panel.model.index(1, TITLE))
    assert panel.tree.isExpanded(panel.model.index(2, TITLE))


def test_toolbar_buttons_are_named_and_follow_the_current_item(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, _ = open_panel(store, undo_stack, qtbot)
    buttons = {b.accessibleName(): b for b in panel.findChildren(QToolButton)}
    assert set(buttons) >= {"Move up", "Move down", "Remove from agenda"}
    assert "Ctrl+Up" in buttons["Move up"].toolTip()
    assert not any(b.isEnabled() for b in buttons.values())  # nothing to act on yet
    panel.add_exercise(CHECK_IN)
    panel.add_exercise(HERO)
    assert buttons["Move up"].isEnabled()
    assert not buttons["Move down"].isEnabled()
    assert buttons["Remove from agenda"].isEnabled()


def test_minutes_being_typed_are_saved_before_the_item_moves(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    panel, workshop_id = open_panel(store, undo_stack, qtbot, (CHECK_IN, HERO))
    panel.tree.setCurrentIndex(panel.model.index(0, MINUTES, panel.model.index(0, TITLE)))
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    editor = panel.tree.findChild(QSpinBox)
    assert editor is not None
    qtbot.keyClicks(editor, "25")
    qtbot.keyClick(editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert keys_in_db(store, workshop_id) == [HERO, CHECK_IN]
    assert agenda_plan(store.db, workshop_id).items[1].steps[0].minutes == 25
    assert [undo_stack.text(i) for i in (2, 3)] == [
        "Set “Check-in: how are we arriving?” to 25 min",
        "Move “Check-in and check-out rounds” down",
    ]
