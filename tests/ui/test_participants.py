"""The participants panel: add, edit in place, remove and reorder with the keyboard; refused
names come back in the cell; every change undoes and redoes in the database."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.services.participants import add_participant
from ui.editor.participants_model import NO_NAME
from ui.editor.participants_panel import ParticipantsPanel
from ui.store import Store

from .conftest import focus, people, shown, type_in_open_editor

Ctrl = Qt.KeyboardModifier.ControlModifier
CtrlShift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def panel(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack, workshop_id: int
) -> ParticipantsPanel:
    view = ParticipantsPanel(store)
    shown(qtbot, view)
    view.set_workshop(workshop_id, undo_stack)
    return view


def test_add_a_participant_with_the_keyboard_and_undo_it(
    qtbot: QtBot, store: Store, panel: ParticipantsPanel, undo_stack: QUndoStack, workshop_id: int
) -> None:
    assert panel.count_label.text() == "No participants yet"
    focus(qtbot, panel.table)
    qtbot.keyClick(panel.table, Qt.Key.Key_N, CtrlShift)
    assert people(store, workshop_id) == [("", "")]
    type_in_open_editor(qtbot, "Ana Ribeiro")
    assert people(store, workshop_id) == [("Ana Ribeiro", "")]
    assert panel.count_label.text() == "1 participant"
    undo_stack.undo()
    assert people(store, workshop_id) == [("", "")]
    assert panel.model.index(0, 0).data() == NO_NAME
    undo_stack.undo()
    assert people(store, workshop_id) == []
    undo_stack.redo()
    undo_stack.redo()
    assert people(store, workshop_id) == [("Ana Ribeiro", "")]


def test_edit_a_vantage_point_in_place(
    qtbot: QtBot, store: Store, panel: ParticipantsPanel, workshop_id: int
) -> None:
    add_participant(store.db, workshop_id, vantage_point="funder")
    panel.set_workshop(workshop_id, QUndoStack(panel))
    assert panel.model.index(0, 0).data() == NO_NAME  # names are optional
    focus(qtbot, panel.table)
    panel.table.setCurrentIndex(panel.model.index(0, 1))
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    type_in_open_editor(qtbot, "ward nurse")
    assert people(store, workshop_id) == [("", "ward nurse")]
    assert panel.model.index(0, 1).data() == "ward nurse"


def test_a_duplicate_name_is_refused_and_the_typed_name_comes_back_in_the_cell(
    qtbot: QtBot, store: Store, panel: ParticipantsPanel, workshop_id: int
) -> None:
    add_participant(store.db, workshop_id, name="Ana")
    add_participant(store.db, workshop_id, name="Tomás")
    panel.set_workshop(workshop_id, QUndoStack(panel))
    focus(qtbot, panel.table)
    panel.table.setCurrentIndex(panel.model.index(1, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    type_in_open_editor(qtbot, "ana")
    assert people(store, workshop_id) == [("Ana", ""), ("Tomás", "")]
    assert "already" in panel.message.text()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "ana"


def test_remove_with_delete_and_undo_restores_in_place(
    qtbot: QtBot, store: Store, panel: ParticipantsPanel, undo_stack: QUndoStack, workshop_id: int
) -> None:
    for name in ("Ana", "Tomás", "Lena"):
        add_participant(store.db, workshop_id, name=name)
    panel.set_workshop(workshop_id, undo_stack)
    assert panel.count_label.text() == "3 participants"
    focus(qtbot, panel.table)
    panel.table.setCurrentIndex(panel.model.index(1, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Delete)
    assert people(store, workshop_id) == [("Ana", ""), ("Lena", "")]
    assert panel.count_label.text() == "2 participants"
    assert panel.table.currentIndex().row() == 1  # the next one is selected
    undo_stack.undo()
    assert people(store, workshop_id) == [("Ana", ""), ("Tomás", ""), ("Lena", "")]


def test_move_with_ctrl_down_and_up(
    qtbot: QtBot, store: Store, panel: ParticipantsPanel, undo_stack: QUndoStack, workshop_id: int
) -> None:
    for name in ("Ana", "Tomás", "Lena"):
        add_participant(store.db, workshop_id, name=name)
    panel.set_workshop(workshop_id, undo_stack)
    focus(qtbot, panel.table)
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Down, Ctrl)
    assert [n for n, _ in people(store, workshop_id)] == ["Tomás", "Ana", "Lena"]
    qtbot.keyClick(panel.table, Qt.Key.Key_Down, Ctrl)
    assert [n for n, _ in people(store, workshop_id)] == ["Tomás", "Lena", "Ana"]
    assert panel.table.currentIndex().row() == 2  # the moved one stays selected
    assert not panel.command_actions["move_participant_down"].isEnabled()
    qtbot.keyClick(panel.table, Qt.Key.Key_Up, Ctrl)
    assert [n for n, _ in people(store, workshop_id)] == ["Tomás", "Ana", "Lena"]
    undo_stack.undo()
    assert [n for n, _ in people(store, workshop_id)] == ["Tomás", "Lena", "Ana"]
    undo_stack.undo()
    undo_stack.undo()
    assert [n for n, _ in people(store, workshop_id)] == ["Ana", "Tomás", "Lena"]
