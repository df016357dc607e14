"""The actions panel, by keyboard only: what, Tab, who, Tab, by when, Enter adds; Space marks
done, F2 edits, Delete removes, Ctrl+Down moves; every change undoes; typing survives as a draft."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.db.models import ActionStatus
from app.services.actions import add_action, list_actions
from app.services.agenda import add_exercise, agenda_plan
from app.services.drafts import list_drafts
from app.services.participants import add_participant
from app.services.workshops import create_workshop
from ui.capture.actions_model import today_of
from ui.capture.actions_panel import ActionsPanel
from ui.capture.actions_results import EMPTY, ActionsResults
from ui.capture.context import StepContext, step_context
from ui.capture.due_dates import parse_due
from ui.capture.registry import make_panel, make_results
from ui.store import Store

from .conftest import focus, shown, type_in_open_editor

# The offscreen platform cannot grab the keyboard for the name completer's popup.
Key = Qt.Key
Ctrl = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def context(store: Store) -> StepContext:
    workshop_id = create_workshop(store.db, title="Away day").id
    add_exercise(store.db, workshop_id, store.library.library.get("vision_and_current_reality"))
    for name in ("Ana Ribeiro", "Tomás"):
        add_participant(store.db, workshop_id, name=name)
    plan = agenda_plan(store.db, workshop_id)
    return step_context(plan, plan.items[0].item_id, "first_steps")


def _panel(qtbot: QtBot, store: Store, context: StepContext, stack: QUndoStack) -> ActionsPanel:
    panel = make_panel(store, context, stack)
    assert isinstance(panel, ActionsPanel)
    shown(qtbot, panel)
    panel.focus_entry()
    qtbot.waitUntil(panel.what.hasFocus)
    return panel


def _listed(store: Store, context: StepContext) -> list[tuple[str, str, dt.date | None, bool]]:
    return [
        (a.what, a.owner, a.due, a.status is ActionStatus.DONE)
        for a in list_actions(store.db, context.workshop_id)
    ]


def _seed(store: Store, context: StepContext, *whats: str) -> None:
    for what in whats:
        add_action(store.db, context.workshop_id, what)


def test_what_tab_who_tab_date_enter_adds_and_stays_ready_for_the_next(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    panel = _panel(qtbot, store, context, undo_stack)
    qtbot.keyClicks(panel.what, "Map the discharge hand-off")
    qtbot.keyClick(panel.what, Key.Key_Tab)
    assert panel.who.hasFocus()
    qtbot.keyClicks(panel.who, "Ana Ribeiro")
    qtbot.keyClick(panel.who, Key.Key_Tab)
    assert panel.due.hasFocus()
    qtbot.keyClicks(panel.due, "2026-12-01")
    qtbot.keyClick(panel.due, Key.Key_Return)
    assert _listed(store, context) == [
        ("Map the discharge hand-off", "Ana Ribeiro", dt.date(2026, 12, 1), False)
    ]
    action = list_actions(store.db, context.workshop_id)[0]
    assert (action.agenda_item_id, action.step_key) == (context.agenda_item_id, "first_steps")
    assert panel.what.hasFocus()
    assert (panel.what.text(), panel.who.text(), panel.due.text()) == ("", "", "")
    qtbot.keyClicks(panel.what, "Share the photos")
    qtbot.keyClick(panel.what, Key.Key_Return)
    assert [a[0] for a in _listed(store, context)] == [
        "Map the discharge hand-off",
        "Share the photos",
    ]
    assert panel.model.index(1, 0).data() == "Share the photos"  # newest at the bottom
    assert panel.count_label.text() == "2 actions"
    undo_stack.undo()
    assert len(_listed(store, context)) == 1
    undo_stack.redo()
    assert len(_listed(store, context)) == 2


def test_who_offers_participant_names(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    panel = _panel(qtbot, store, context, undo_stack)
    assert panel.owners.stringList() == ["Ana Ribeiro", "Tomás"]
    store.apply(add_participant, context.workshop_id, name="Kofi")
    assert "Kofi" in panel.owners.stringList()


def test_words_for_a_date_are_understood_and_nonsense_is_refused_keeping_the_text(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    panel = _panel(qtbot, store, context, undo_stack)
    qtbot.keyClicks(panel.what, "Call the funder")
    panel.due.setFocus()
    qtbot.keyClicks(panel.due, "someday")
    qtbot.keyClick(panel.due, Key.Key_Return)
    assert _listed(store, context) == []
    assert "“someday” is not a date" in panel.message.text()
    assert (panel.what.text(), panel.due.text()) == ("Call the funder", "someday")
    panel.due.clear()
    qtbot.keyClicks(panel.due, "in 2 weeks")
    qtbot.keyClick(panel.due, Key.Key_Return)
    today = today_of(store.db)
    assert _listed(store, context) == [("Call the funder", "", today + dt.timedelta(14), False)]
    assert not panel.message.isVisible()


def test_space_marks_done_and_open_again(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    _seed(store, context, "Book the room", "Send the notes")
    panel = _panel(qtbot, store, context, undo_stack)
    focus(qtbot, panel.table)
    panel.table.setCurrentIndex(panel.model.index(1, 0))
    qtbot.keyClick(panel.table, Key.Key_Space)
    assert [a[3] for a in _listed(store, context)] == [False, True]
    assert panel.model.index(1, 3).data() == "Done"
    assert panel.count_label.text() == "2 actions, 1 done"
    qtbot.keyClick(panel.table, Key.Key_Space)
    assert [a[3] for a in _listed(store, context)] == [False, False]
    undo_stack.undo()
    assert [a[3] for a in _listed(store, context)] == [False, True]
    status = panel.table.visualRect(panel.model.index(0, 3)).center()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=status)
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=status)
    assert [a[3] for a in _listed(store, context)] == [True, True]


def test_f2_edits_what_who_and_by_when_in_place(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    _seed(store, context, "Book the room")
    panel = _panel(qtbot, store, context, undo_stack)
    focus(qtbot, panel.table)
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.table, Key.Key_F2)
    type_in_open_editor(qtbot, "Book the big room")
    panel.table.setCurrentIndex(panel.model.index(0, 1))
    qtbot.keyClick(panel.table, Key.Key_F2)
    type_in_open_editor(qtbot, "Kofi")  # QTest types ASCII only
    panel.table.setCurrentIndex(panel.model.index(0, 2))
    qtbot.keyClick(panel.table, Key.Key_F2)
    type_in_open_editor(qtbot, "friday")
    friday = parse_due("friday", today_of(store.db))
    assert friday is not None and friday.weekday() == 4
    assert _listed(store, context) == [("Book the big room", "Kofi", friday, False)]
    panel.table.setCurrentIndex(panel.model.index(0, 2))
    qtbot.keyClick(panel.table, Key.Key_F2)
    type_in_open_editor(qtbot, "whenever")
    assert "not a date" in panel.message.text()
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "whenever"  # given back
    qtbot.keyClick(editor, Key.Key_Escape)
    assert _listed(store, context)[0][2] == friday
    for _ in range(3):
        undo_stack.undo()
    assert _listed(store, context) == [("Book the room", "", None, False)]


def test_delete_removes_and_undo_puts_it_back_in_its_place(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    _seed(store, context, "One", "Two", "Three")
    panel = _panel(qtbot, store, context, undo_stack)
    focus(qtbot, panel.table)
    panel.table.setCurrentIndex(panel.model.index(1, 0))
    qtbot.keyClick(panel.table, Key.Key_Delete)
    assert [a[0] for a in _listed(store, context)] == ["One", "Three"]
    assert panel.table.currentIndex().row() == 1  # the next one is selected
    undo_stack.undo()
    assert [a[0] for a in _listed(store, context)] == ["One", "Two", "Three"]
    undo_stack.redo()
    assert [a[0] for a in _listed(store, context)] == ["One", "Three"]


def test_ctrl_down_and_up_reorder(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    _seed(store, context, "One", "Two", "Three")
    panel = _panel(qtbot, store, context, undo_stack)
    focus(qtbot, panel.table)
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(panel.table, Key.Key_Down, Ctrl)
    qtbot.keyClick(panel.table, Key.Key_Down, Ctrl)
    assert [a[0] for a in _listed(store, context)] == ["Two", "Three", "One"]
    assert panel.table.currentIndex().row() == 2
    assert not panel.command_actions["move_action_down"].isEnabled()
    qtbot.keyClick(panel.table, Key.Key_Up, Ctrl)
    assert [a[0] for a in _listed(store, context)] == ["Two", "One", "Three"]
    undo_stack.undo()
    undo_stack.undo()
    undo_stack.undo()
    assert [a[0] for a in _listed(store, context)] == ["One", "Two", "Three"]


def test_typing_not_yet_added_is_kept_as_a_draft_and_comes_back(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    panel = _panel(qtbot, store, context, undo_stack)
    qtbot.keyClicks(panel.what, "Half a thought")
    qtbot.keyClick(panel.what, Key.Key_Tab)
    qtbot.keyClicks(panel.who, "Ana")
    panel.commit_pending()
    assert sorted(d.text for d in list_drafts(store.db)) == ["Ana", "Half a thought"]
    again = _panel(qtbot, store, context, undo_stack)
    assert (again.what.text(), again.who.text()) == ("Half a thought", "Ana")
    qtbot.keyClick(again.what, Key.Key_Return)
    assert _listed(store, context) == [("Half a thought", "Ana", None, False)]
    assert list_drafts(store.db) == []


def test_a_draft_is_saved_after_a_pause_in_typing(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    panel = _panel(qtbot, store, context, undo_stack)
    qtbot.keyClicks(panel.what, "Keep me")
    qtbot.waitUntil(lambda: [d.text for d in list_drafts(store.db)] == ["Keep me"])


def test_the_projector_shows_what_who_and_by_when_live(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    view = make_results(store, context)
    assert isinstance(view, ActionsResults)
    qtbot.addWidget(view)
    view.resize(1280, 480)
    assert view.shown_texts() == [EMPTY]
    panel = _panel(qtbot, store, context, undo_stack)
    qtbot.keyClicks(panel.what, "Book the room")
    qtbot.keyClick(panel.what, Key.Key_Tab)
    qtbot.keyClicks(panel.who, "Kofi")
    qtbot.keyClick(panel.who, Key.Key_Return)
    qtbot.waitUntil(lambda: "Book the room" in view.shown_texts())
    assert view.shown_texts() == ["What", "Who", "By when", "Book the room", "Kofi"]
    assert not view.model.flags(view.model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-01", dt.date(2026, 12, 1)),
        ("friday", dt.date(2026, 11, 27)),  # "today" below is a Friday: the next one
        ("next tue", dt.date(2026, 11, 24)),
        ("tomorrow", dt.date(2026, 11, 21)),
        ("in 2 weeks", dt.date(2026, 12, 4)),
        ("1 Dec", dt.date(2026, 12, 1)),
        ("Tue 1 Dec 2026", dt.date(2026, 12, 1)),
        ("nov 3", dt.date(2027, 11, 3)),  # already past this year
        ("end of month", dt.date(2026, 11, 30)),
        ("", None),
    ],
)
def test_dates_as_people_say_them(typed: str, expected: dt.date | None) -> None:
    assert parse_due(typed, dt.date(2026, 11, 20)) == expected


def test_a_date_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ValueError, match="not a date"):
        parse_due("31 feb", dt.date(2026, 11, 20))
