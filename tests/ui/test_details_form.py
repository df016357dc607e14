"""The details form: every field is saved as the user leaves it (or after a pause), a refused
value stays in its box, and every save undoes and redoes in the database."""

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from app.services.workshops import get_workshop
from ui.editor.details_fields import hours_text
from ui.editor.details_form import IDLE_MS, DetailsForm
from ui.store import Store

from .conftest import focus, retype, shown


@pytest.fixture
def form(qtbot: QtBot, store: Store, undo_stack: QUndoStack, workshop_id: int) -> DetailsForm:
    view = DetailsForm(store)
    shown(qtbot, view)
    view.set_workshop(workshop_id, undo_stack)
    return view


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
