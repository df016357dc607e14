"""The workshop editor shell: its header and tabs, keyboard routes into the agenda builder and
the library, and saving what was typed when switching workshops."""

import datetime as dt

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.services.agenda import add_exercise, agenda_plan
from app.services.notes import workshop_notes
from app.services.participants import add_participant
from app.services.workshops import create_workshop, edit_workshop
from ui.editor.editor_view import WorkshopEditor
from ui.store import Store

from .conftest import ScriptedPrompts, focus, people, retype, shown

Ctrl = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def editor(
    qtbot: QtBot, store: Store, prompts: ScriptedPrompts, undo_stack: QUndoStack
) -> WorkshopEditor:
    view = WorkshopEditor(store, prompts)
    shown(qtbot, view)
    view.resize(1280, 820)
    return view


def test_opening_a_workshop_shows_its_header_and_details_first(
    store: Store, editor: WorkshopEditor, undo_stack: QUndoStack, workshop_id: int
) -> None:
    edit_workshop(store.db, workshop_id, date=dt.date(2031, 5, 14), start_time=dt.time(9, 30))
    editor.set_workshop(workshop_id, undo_stack)
    assert editor.workshop_id == workshop_id
    assert editor.title_label.text() == "Away day"
    assert editor.summary_label.text() == "Wed 14 May 2031 · 09:30 · Ward 7"
    assert [editor.tabs.tabText(i) for i in range(4)] == [
        "Details",
        "Participants",
        "Agenda",
        "Notes",
    ]
    assert editor.tabs.currentWidget() is editor.details  # no agenda yet


def test_a_workshop_with_an_agenda_opens_on_the_agenda(
    store: Store, editor: WorkshopEditor, undo_stack: QUndoStack, workshop_id: int
) -> None:
    add_exercise(store.db, workshop_id, store.library.entries[0].exercise)
    editor.set_workshop(workshop_id, undo_stack)
    assert editor.tabs.currentIndex() == 2


def test_the_header_follows_edits_and_undo(
    qtbot: QtBot, store: Store, editor: WorkshopEditor, undo_stack: QUndoStack, workshop_id: int
) -> None:
    editor.set_workshop(workshop_id, undo_stack)
    retype(qtbot, editor.details.title_edit, "Spring retreat")
    qtbot.keyClick(editor.details.title_edit, Qt.Key.Key_Return)
    retype(qtbot, editor.details.location_edit, "Room 2")
    qtbot.keyClick(editor.details.location_edit, Qt.Key.Key_Return)
    assert editor.title_label.text() == "Spring retreat"
    assert editor.summary_label.text() == "Ward 7 · Room 2"
    undo_stack.undo()
    undo_stack.undo()
    assert editor.title_label.text() == "Away day"
    assert editor.summary_label.text() == "Ward 7"


def test_ctrl_1_to_4_switch_tabs_and_focus_the_tab(
    qtbot: QtBot, editor: WorkshopEditor, undo_stack: QUndoStack, workshop_id: int
) -> None:
    editor.set_workshop(workshop_id, undo_stack)
    focus(qtbot, editor.details.title_edit)
    expected = [
        (Qt.Key.Key_2, editor.participants, editor.participants.table),
        (Qt.Key.Key_3, editor.splitter, editor.agenda.tree),
        (Qt.Key.Key_4, editor.notes, editor.notes.editor),
        (Qt.Key.Key_1, editor.details, editor.details.title_edit),
    ]
    for key, page, focused in expected:
        qtbot.keyClick(QApplication.focusWidget(), key, Ctrl)
        assert editor.tabs.currentWidget() is page
        qtbot.waitUntil(focused.hasFocus)


def test_ctrl_return_in_the_library_adds_the_exercise_to_the_agenda(
    qtbot: QtBot, store: Store, editor: WorkshopEditor, undo_stack: QUndoStack, workshop_id: int
) -> None:
    editor.set_workshop(workshop_id, undo_stack)
    focus(qtbot, editor.details.title_edit)
    qtbot.keyClick(editor.details.title_edit, Qt.Key.Key_3, Ctrl)
    assert editor.tabs.currentIndex() == 2
    focus(qtbot, editor.library.list_view)
    key = editor.library.current_key()
    assert key is not None
    qtbot.keyClick(editor.library.list_view, Qt.Key.Key_Return, Ctrl)
    assert [i.exercise.key for i in agenda_plan(store.db, workshop_id).items] == [key]
    undo_stack.undo()
    assert agenda_plan(store.db, workshop_id).items == ()


def test_find_in_the_editor_searches_the_library(
    qtbot: QtBot, editor: WorkshopEditor, undo_stack: QUndoStack, workshop_id: int
) -> None:
    editor.set_workshop(workshop_id, undo_stack)
    editor.focus_search()
    assert editor.tabs.currentIndex() == 2
    qtbot.waitUntil(editor.library.search_box.hasFocus)


def test_switching_workshops_saves_what_was_typed(
    qtbot: QtBot, store: Store, editor: WorkshopEditor, undo_stack: QUndoStack, workshop_id: int
) -> None:
    other = create_workshop(store.db, title="Board day").id
    add_participant(store.db, workshop_id, name="Ana")
    editor.set_workshop(workshop_id, undo_stack)
    editor.show_notes()
    qtbot.keyClicks(editor.notes.editor, "Half a thought")
    editor.show_participants()
    qtbot.keyClick(editor.participants.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_End)
    qtbot.keyClicks(QApplication.focusWidget(), " Ribeiro")
    editor.set_workshop(other, QUndoStack(editor))
    assert workshop_notes(store.db, workshop_id) == "Half a thought"
    assert people(store, workshop_id) == [("Ana Ribeiro", "")]
    assert undo_stack.count() == 2  # on the stack of the workshop they were typed for
    assert editor.notes.editor.toPlainText() == ""
    assert editor.title_label.text() == "Board day"


def test_the_splitter_state_round_trips(
    qtbot: QtBot, store: Store, prompts: ScriptedPrompts, editor: WorkshopEditor
) -> None:
    editor.splitter.setSizes([300, 900])
    state = editor.save_state()
    again = WorkshopEditor(store, prompts)
    shown(qtbot, again)
    again.resize(editor.size())
    again.restore_state(state)
    assert again.splitter.sizes() == editor.splitter.sizes()
    again.restore_state(QByteArray(b"nonsense"))  # ignored, not half-applied
    assert again.splitter.sizes() == editor.splitter.sizes()
