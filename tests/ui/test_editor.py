"""The workshop editor: details, participants and private notes are saved as the user edits them,
every edit undoes and redoes in the database, and the editor shell ties in the agenda builder."""

import datetime as dt

import pytest
import shiboken6
from PySide6.QtCore import QByteArray, QDate, Qt, QTime
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.services.agenda import add_exercise, agenda_plan
from app.services.notes import set_workshop_notes, workshop_notes
from app.services.participants import add_participant, list_participants
from app.services.workshops import create_workshop, edit_workshop, get_workshop
from ui.editor.details_form import IDLE_MS, DetailsForm, hours_text
from ui.editor.editor_view import WorkshopEditor
from ui.editor.notes_panel import NotesPanel
from ui.editor.participants_model import NO_NAME
from ui.editor.participants_panel import ParticipantsPanel
from ui.store import Store

from .conftest import ScriptedPrompts

Ctrl = Qt.KeyboardModifier.ControlModifier
CtrlShift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def workshop_id(store: Store) -> int:
    return create_workshop(store.db, title="Away day", organisation="Ward 7").id


def shown(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    widget.resize(900, 640)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()


def focus(qtbot: QtBot, target: QWidget) -> None:
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)


@pytest.fixture
def form(qtbot: QtBot, store: Store, undo_stack: QUndoStack, workshop_id: int) -> DetailsForm:
    view = DetailsForm(store)
    shown(qtbot, view)
    view.set_workshop(workshop_id, undo_stack)
    return view


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    focus(qtbot, edit)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


# -- details ------------------------------------------------------------------------------------


def test_the_form_shows_the_workshop(form: DetailsForm) -> None:
    assert form.title_edit.text() == "Away day"
    assert form.group_edit.text() == "Ward 7"
    assert not form.date_field.check.isChecked()
    assert form.date_field.edit.text() == "No date"
    assert form.minutes_spin.text() == "Not set"


@pytest.mark.parametrize(
    "case",
    [
        ("title_edit", "title", "  Spring   away day ", "Spring away day"),
        ("group_edit", "organisation", "Riverside Health", "Riverside Health"),
        ("location_edit", "location", "Room 2", "Room 2"),
        ("facilitator_edit", "facilitator", "Sam Okafor", "Sam Okafor"),
    ],
)
def test_a_line_field_is_saved_on_return_and_undone(
    qtbot: QtBot, store: Store, form: DetailsForm, workshop_id: int, case: tuple[str, ...]
) -> None:
    edit_name, field, typed, stored = case
    undo_stack = form.undo_stack
    assert undo_stack is not None
    before = getattr(get_workshop(store.db, workshop_id), field)
    edit = getattr(form, edit_name)
    retype(qtbot, edit, typed)
    assert getattr(get_workshop(store.db, workshop_id), field) == before  # not yet: still typing
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert getattr(get_workshop(store.db, workshop_id), field) == stored
    assert undo_stack.count() == 1
    focus(qtbot, form.purpose_edit)
    undo_stack.undo()
    assert getattr(get_workshop(store.db, workshop_id), field) == before
    assert edit.text() == before
    undo_stack.redo()
    assert getattr(get_workshop(store.db, workshop_id), field) == stored
    assert edit.text() == stored


def test_a_field_is_saved_when_focus_leaves_it(
    qtbot: QtBot, store: Store, form: DetailsForm, workshop_id: int
) -> None:
    retype(qtbot, form.location_edit, "Community hall")
    qtbot.keyClick(form.location_edit, Qt.Key.Key_Tab)
    assert get_workshop(store.db, workshop_id).location == "Community hall"


def test_an_empty_title_is_refused_and_the_text_stays(
    qtbot: QtBot, store: Store, form: DetailsForm, undo_stack: QUndoStack, workshop_id: int
) -> None:
    retype(qtbot, form.title_edit, " ")
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)
    assert get_workshop(store.db, workshop_id).title == "Away day"
    assert form.title_edit.text() == " "
    message = form.messages["title"]
    assert message.isVisible()
    assert "title" in message.text().lower()
    assert undo_stack.count() == 0
    qtbot.keyClicks(form.title_edit, "Retreat")
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)
    assert get_workshop(store.db, workshop_id).title == "Retreat"
    assert not message.isVisible()


def test_the_purpose_is_saved_after_a_pause_and_typing_on_merges(
    qtbot: QtBot, store: Store, form: DetailsForm, undo_stack: QUndoStack, workshop_id: int
) -> None:
    focus(qtbot, form.purpose_edit)
    qtbot.keyClicks(form.purpose_edit, "Decide together")
    qtbot.waitUntil(lambda: get_workshop(store.db, workshop_id).purpose == "Decide together")
    assert form.purpose_edit.hasFocus()
    qtbot.keyClick(form.purpose_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(form.purpose_edit, "who owns what.")
    qtbot.waitUntil(lambda: "owns" in get_workshop(store.db, workshop_id).purpose)
    assert form.purpose_edit.toPlainText() == "Decide together\nwho owns what."
    assert undo_stack.count() == 1  # one run of typing, one undo step
    form.group_edit.setFocus()
    undo_stack.undo()
    assert get_workshop(store.db, workshop_id).purpose == ""
    assert form.purpose_edit.toPlainText() == ""


def test_a_pause_saves_only_what_was_typed_and_never_a_half_typed_title(
    qtbot: QtBot, store: Store, form: DetailsForm, workshop_id: int
) -> None:
    focus(qtbot, form.purpose_edit)
    qtbot.keyClicks(form.purpose_edit, "Decide")
    retype(qtbot, form.title_edit, "Half")
    assert get_workshop(store.db, workshop_id).purpose == "Decide"  # saved on leaving it
    qtbot.wait(IDLE_MS + 300)
    assert get_workshop(store.db, workshop_id).title == "Away day"


def test_date_and_start_time_can_be_set_and_unset(
    qtbot: QtBot, store: Store, form: DetailsForm, undo_stack: QUndoStack, workshop_id: int
) -> None:
    focus(qtbot, form.date_field.check)
    qtbot.keyClick(form.date_field.check, Qt.Key.Key_Space)
    assert get_workshop(store.db, workshop_id).date == dt.date.today()
    form.date_field.edit.setDate(QDate(2031, 5, 14))
    qtbot.keyClick(form.date_field.edit, Qt.Key.Key_Return)
    assert get_workshop(store.db, workshop_id).date == dt.date(2031, 5, 14)
    assert form.date_field.edit.isEnabled()

    focus(qtbot, form.time_field.check)
    qtbot.keyClick(form.time_field.check, Qt.Key.Key_Space)
    assert get_workshop(store.db, workshop_id).start_time == dt.time(9, 0)
    focus(qtbot, form.time_field.edit)
    form.time_field.edit.setTime(QTime(13, 45))
    focus(qtbot, form.location_edit)  # leaving the box saves it (Tab moves between its parts)
    assert get_workshop(store.db, workshop_id).start_time == dt.time(13, 45)

    focus(qtbot, form.date_field.check)
    qtbot.keyClick(form.date_field.check, Qt.Key.Key_Space)
    assert get_workshop(store.db, workshop_id).date is None
    assert form.date_field.edit.text() == "No date"
    assert not form.date_field.edit.isEnabled()
    focus(qtbot, form.time_field.check)
    qtbot.keyClick(form.time_field.check, Qt.Key.Key_Space)
    assert get_workshop(store.db, workshop_id).start_time is None

    undo_stack.undo()
    assert get_workshop(store.db, workshop_id).start_time == dt.time(13, 45)
    assert form.time_field.check.isChecked()
    assert form.time_field.edit.time() == QTime(13, 45)


def test_time_available_is_typed_in_minutes_and_zero_unsets_it(
    qtbot: QtBot, store: Store, form: DetailsForm, undo_stack: QUndoStack, workshop_id: int
) -> None:
    focus(qtbot, form.minutes_spin)
    form.minutes_spin.selectAll()
    qtbot.keyClicks(form.minutes_spin, "210")
    assert form.hours_label.text() == "= 3 h 30"
    qtbot.keyClick(form.minutes_spin, Qt.Key.Key_Return)
    assert get_workshop(store.db, workshop_id).minutes_available == 210
    form.minutes_spin.selectAll()
    qtbot.keyClicks(form.minutes_spin, "0")
    qtbot.keyClick(form.minutes_spin, Qt.Key.Key_Return)
    assert get_workshop(store.db, workshop_id).minutes_available is None
    assert form.minutes_spin.text() == "Not set"
    assert form.hours_label.text() == ""
    undo_stack.undo()
    assert get_workshop(store.db, workshop_id).minutes_available == 210
    assert form.minutes_spin.value() == 210


def test_hours_text() -> None:
    assert hours_text(0) == ""
    assert hours_text(45) == ""
    assert hours_text(60) == "= 1 h"
    assert hours_text(210) == "= 3 h 30"
    assert hours_text(605) == "= 10 h 05"


def test_an_outside_change_does_not_clobber_a_field_being_typed_in(
    qtbot: QtBot, store: Store, form: DetailsForm, undo_stack: QUndoStack, workshop_id: int
) -> None:
    retype(qtbot, form.location_edit, "Room 2")
    qtbot.keyClick(form.location_edit, Qt.Key.Key_Return)
    retype(qtbot, form.title_edit, "Half typed")
    undo_stack.undo()  # from the Edit menu, say: the location goes back
    assert form.location_edit.text() == ""
    assert form.title_edit.text() == "Half typed"
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)
    assert get_workshop(store.db, workshop_id).title == "Half typed"


# -- participants -------------------------------------------------------------------------------


@pytest.fixture
def panel(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack, workshop_id: int
) -> ParticipantsPanel:
    view = ParticipantsPanel(store)
    shown(qtbot, view)
    view.set_workshop(workshop_id, undo_stack)
    return view


def people(store: Store, workshop_id: int) -> list[tuple[str, str]]:
    return [(p.name, p.vantage_point) for p in list_participants(store.db, workshop_id)]


def type_in_open_editor(qtbot: QtBot, text: str) -> None:
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not editor)  # Qt commits queued


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


# -- private notes ------------------------------------------------------------------------------


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


# -- the editor ---------------------------------------------------------------------------------


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
