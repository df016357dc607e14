"""Private notes: saved after a pause as one undo step, on focus out, and even as the window
closes; a refused note keeps its text."""

import pytest
import shiboken6
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.services.notes import set_workshop_notes, workshop_notes
from ui.editor.notes_panel import NotesPanel
from ui.store import Store

from .conftest import focus, shown


@pytest.fixture
def notes(qtbot: QtBot, store: Store, undo_stack: QUndoStack, workshop_id: int) -> NotesPanel:
    view = NotesPanel(store)
    shown(qtbot, view)
    view.set_workshop(workshop_id, undo_stack)
    return view


def test_notes_are_saved_after_a_pause_as_one_undo_step(
    qtbot: QtBot, store: Store, notes: NotesPanel, undo_stack: QUndoStack, workshop_id: int
) -> None:
    focus(qtbot, notes.editor)
    qtbot.keyClicks(notes.editor, "Lena joins late.")
    assert workshop_notes(store.db, workshop_id) == ""
    qtbot.waitUntil(lambda: workshop_notes(store.db, workshop_id) == "Lena joins late.")
    qtbot.keyClicks(notes.editor, " Keep it light.")
    qtbot.waitUntil(lambda: workshop_notes(store.db, workshop_id).endswith("light."))
    assert notes.editor.toPlainText() == "Lena joins late. Keep it light."
    assert undo_stack.count() == 1
    undo_stack.undo()
    assert workshop_notes(store.db, workshop_id) == ""
    assert notes.editor.toPlainText() == ""
    undo_stack.redo()
    assert notes.editor.toPlainText() == "Lena joins late. Keep it light."


def test_notes_are_saved_when_focus_leaves(
    qtbot: QtBot, store: Store, notes: NotesPanel, workshop_id: int
) -> None:
    other = QLineEdit(notes)
    other.show()
    focus(qtbot, notes.editor)
    qtbot.keyClicks(notes.editor, "Bring markers")
    focus(qtbot, other)
    assert workshop_notes(store.db, workshop_id) == "Bring markers"


def test_a_refused_note_keeps_the_text(
    qtbot: QtBot, store: Store, notes: NotesPanel, workshop_id: int
) -> None:
    set_workshop_notes(store.db, workshop_id, "Short")
    notes.set_workshop(workshop_id, QUndoStack(notes))
    long_text = "x" * 20_001
    notes.editor.setPlainText(long_text)
    notes.commit_pending()
    assert workshop_notes(store.db, workshop_id) == "Short"
    assert notes.editor.toPlainText() == long_text
    assert "too long" in notes.message.text()


def test_text_typed_as_the_window_closes_is_saved_even_without_an_undo_stack(
    qtbot: QtBot, store: Store, workshop_id: int
) -> None:
    stack = QUndoStack()
    notes = NotesPanel(store)
    shown(qtbot, notes)
    notes.set_workshop(workshop_id, stack)
    focus(qtbot, notes.editor)
    qtbot.keyClicks(notes.editor, "Last words")
    shiboken6.delete(stack)  # the main window went first and took its undo stacks with it
    notes.commit_pending()
    assert workshop_notes(store.db, workshop_id) == "Last words"
