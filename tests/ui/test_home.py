"""The home screen, driven like a user would: keys, clicks, the dialog; checked in the database."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.services.agenda import agenda_plan
from app.services.errors import NotFoundError
from app.services.participants import list_participants
from app.services.workshops import (
    WorkshopView,
    archive_workshop,
    create_workshop,
    get_workshop,
    list_workshops,
)
from tests.ui.conftest import ScriptedPrompts
from ui.home.empty_state import ABOUT
from ui.home.home_view import HomeView
from ui.home.new_workshop_dialog import NewWorkshopDialog, duration_text
from ui.home.workshop_list_model import Column
from ui.store import Store

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def home(store: Store, undo_stack: QUndoStack, prompts: ScriptedPrompts, qtbot: QtBot) -> HomeView:
    view = HomeView(store, undo_stack, prompts)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    return view


def focus(widget: QWidget, qtbot: QtBot) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def titles(view: HomeView) -> list[str]:
    return [w.title for w in view.model.workshops]


def select(view: HomeView, title: str, qtbot: QtBot) -> int:
    """Put the cursor on the workshop titled `title`, focus in the table; its id."""
    row = titles(view).index(title)
    view.table.selectRow(row)
    focus(view.table, qtbot)
    workshop_id = view.selected_id()
    assert workshop_id is not None
    return workshop_id


def add(store: Store, title: str, **details: object) -> int:
    """Data the test starts from, written through the store so the list hears of it."""
    changes = store.apply(create_workshop, title=title, **details)
    assert changes is not None
    return changes.id


def test_first_run_explains_chorus_and_offers_the_demo_and_every_template(
    home: HomeView, store: Store, qtbot: QtBot
) -> None:
    assert home.pages.currentWidget() is home.empty_state
    assert ABOUT.count(". ") + ABOUT.endswith(".") == 2  # exactly two sentences
    templates = store.library.library.templates
    buttons = home.empty_state.template_buttons
    assert list(buttons) == [t.key for t in templates]
    for template in templates:
        assert buttons[template.key].text().endswith(duration_text(template.minutes))

    with qtbot.waitSignal(home.sig_open_workshop) as opened:
        qtbot.mouseClick(home.empty_state.demo_button, Qt.MouseButton.LeftButton)
    [demo] = list_workshops(store.db)
    assert opened.args == [demo.id]
    assert demo.title.startswith("Demo")
    assert agenda_plan(store.db, opened.args[0]).items
    assert list_participants(store.db, opened.args[0])
    assert home.pages.currentWidget() is home.table
    assert titles(home) == [demo.title]


def test_a_template_button_on_the_first_run_creates_that_workshop(
    home: HomeView, store: Store, qtbot: QtBot
) -> None:
    template = store.library.library.template("leading_leaders")
    with qtbot.waitSignal(home.sig_open_workshop) as opened:
        home.empty_state.template_buttons[template.key].click()
    workshop = get_workshop(store.db, opened.args[0])
    assert workshop.title == template.title
    plan = agenda_plan(store.db, opened.args[0])
    assert [i.exercise.key for i in plan.items] == [i.exercise for i in template.items]


def test_create_from_a_template_through_the_dialog(
    home: HomeView, store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    qtbot.mouseClick(home.new_button, Qt.MouseButton.LeftButton)
    dialog = home.new_dialog
    assert isinstance(dialog, NewWorkshopDialog)
    assert dialog.isVisible()
    assert not dialog.ok_button.isEnabled()  # no title yet

    qtbot.keyClicks(dialog.title_edit, "Away day")
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.choice_list, Qt.Key.Key_Down)  # from Blank to the first template
    template = store.library.library.templates[0]
    assert dialog.template() == template
    assert dialog.title() == "Away day"  # picking a template keeps a typed title

    with qtbot.waitSignal(home.sig_open_workshop) as opened:
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    [workshop] = list_workshops(store.db)
    assert opened.args == [workshop.id]
    assert workshop.title == "Away day"
    assert workshop.minutes_available == template.minutes
    plan = agenda_plan(store.db, workshop.id)  # type: ignore[arg-type]
    assert [i.exercise.key for i in plan.items] == [i.exercise for i in template.items]
    assert undo_stack.undoText() == "Create “Away day”"
    assert titles(home) == ["Away day"]


def test_create_a_blank_workshop_with_the_keyboard(
    home: HomeView, store: Store, qtbot: QtBot
) -> None:
    home.new_workshop()
    dialog = home.new_dialog
    assert dialog is not None
    focus(dialog.title_edit, qtbot)
    qtbot.keyClicks(dialog.title_edit, "  Team   morning ")
    assert dialog.template() is None  # Blank is the first choice
    with qtbot.waitSignal(home.sig_open_workshop) as opened:
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Return)
    workshop = get_workshop(store.db, opened.args[0])
    assert workshop.title == "Team morning"
    assert agenda_plan(store.db, opened.args[0]).items == ()
    assert home.new_dialog is None


def test_picking_a_template_fills_in_its_title_until_the_user_types_one(
    home: HomeView, store: Store
) -> None:
    home.new_workshop()
    dialog = home.new_dialog
    assert dialog is not None
    dialog.choose("system_leadership_lab")
    assert dialog.title() == "System leadership lab"
    dialog.choose(None)
    assert dialog.title() == ""
    assert not dialog.ok_button.isEnabled()
    dialog.reject()
    assert list_workshops(store.db) == []


def test_search_as_you_type_filters_the_rows(home: HomeView, store: Store, qtbot: QtBot) -> None:
    add(store, "Away day", organisation="Ward team", date=dt.date(2026, 5, 1))
    add(store, "Board retreat", organisation="North Valley", date=dt.date(2026, 3, 1))
    add(store, "Ward handover", purpose="Night and day shifts", date=dt.date(2026, 1, 1))
    assert titles(home) == ["Away day", "Board retreat", "Ward handover"]  # newest date first
    assert home.count_label.text() == "3 workshops"

    focus(home.search_box, qtbot)
    qtbot.keyClicks(home.search_box, "ward")  # a group and a title
    assert titles(home) == ["Away day", "Ward handover"]
    qtbot.keyClicks(home.search_box, " night")  # every word must match
    assert titles(home) == ["Ward handover"]
    assert home.count_label.text() == "1 workshop"

    home.search_box.clear()
    qtbot.keyClicks(home.search_box, "xyz")
    assert titles(home) == []
    assert home.pages.currentWidget() is home.empty_label
    assert home.empty_label.text() == "Nothing matches “xyz”"
    assert len(list_workshops(store.db)) == 3  # searching changes nothing


def test_enter_in_the_list_opens_the_selected_workshop(
    home: HomeView, store: Store, qtbot: QtBot
) -> None:
    add(store, "Away day", date=dt.date(2026, 5, 1))
    board = add(store, "Board retreat", date=dt.date(2026, 3, 1))
    focus(home.search_box, qtbot)
    qtbot.keyClicks(home.search_box, "board")
    qtbot.keyClick(home.search_box, Qt.Key.Key_Down)  # to the list
    assert QApplication.focusWidget() is home.table
    with qtbot.waitSignal(home.sig_open_workshop) as opened:
        qtbot.keyClick(home.table, Qt.Key.Key_Return)
    assert opened.args == [board]


def test_duplicate_copies_the_agenda_and_opens_the_copy(
    home: HomeView, store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    home.empty_state.template_buttons["leading_leaders"].click()
    source = select(home, "Leading leaders", qtbot)
    with qtbot.waitSignal(home.sig_open_workshop) as opened:
        qtbot.keyClick(home.table, Qt.Key.Key_D, CTRL)
    copy = opened.args[0]
    assert copy != source
    assert get_workshop(store.db, copy).title == "Leading leaders (copy)"
    keys = [i.exercise.key for i in agenda_plan(store.db, source).items]
    assert [i.exercise.key for i in agenda_plan(store.db, copy).items] == keys
    assert titles(home) == ["Leading leaders", "Leading leaders (copy)"]
    assert undo_stack.undoText() == "Duplicate “Leading leaders”"


def test_archive_then_see_it_under_archived_and_take_it_back_out(
    home: HomeView, store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    away = add(store, "Away day")
    add(store, "Board retreat")
    select(home, "Away day", qtbot)
    qtbot.keyClick(home.table, Qt.Key.Key_A, CTRL | SHIFT)
    assert get_workshop(store.db, away).archived_at is not None
    assert titles(home) == ["Board retreat"]
    assert undo_stack.undoText() == "Archive “Away day”"

    qtbot.keyClick(home.table, Qt.Key.Key_2, CTRL)
    assert home.filter_buttons[WorkshopView.ARCHIVED].isChecked()
    assert titles(home) == ["Away day"]
    status = home.model.index(0, Column.STATUS).data()
    assert status == "Planned · archived"
    assert home.tool_buttons["archive_workshop"].text() == "Unarchive"

    select(home, "Away day", qtbot)
    qtbot.keyClick(home.table, Qt.Key.Key_A, CTRL | SHIFT)  # toggles: out of the archive
    assert get_workshop(store.db, away).archived_at is None
    assert home.empty_label.text() == "No archived workshops"


def test_delete_key_moves_to_the_trash_and_restore_brings_it_back(
    home: HomeView, store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    away = add(store, "Away day")
    select(home, "Away day", qtbot)
    qtbot.keyClick(home.table, Qt.Key.Key_Delete)
    assert get_workshop(store.db, away).trashed_at is not None
    assert undo_stack.undoText() == "Move “Away day” to the trash"
    assert home.empty_label.text().startswith("No active workshops")

    qtbot.mouseClick(home.filter_buttons[WorkshopView.TRASH], Qt.MouseButton.LeftButton)
    assert titles(home) == ["Away day"]
    assert home.model.index(0, Column.STATUS).data() == "Planned · in trash"
    assert not home.command_actions["trash_workshop"].isEnabled()
    assert home.tool_buttons["restore_workshop"].isVisible()
    select(home, "Away day", qtbot)
    qtbot.keyClick(home.table, Qt.Key.Key_R, CTRL | SHIFT)
    assert get_workshop(store.db, away).trashed_at is None
    assert home.empty_label.text() == "The trash is empty"


def test_delete_for_good_only_from_the_trash_and_only_after_yes(
    home: HomeView,
    store: Store,
    undo_stack: QUndoStack,
    prompts: ScriptedPrompts,
    qtbot: QtBot,
) -> None:
    away = add(store, "Away day")
    select(home, "Away day", qtbot)
    assert not home.command_actions["delete_for_good"].isEnabled()
    assert not home.tool_buttons["delete_for_good"].isVisible()
    qtbot.keyClick(home.table, Qt.Key.Key_Delete, SHIFT)  # nothing: not in the trash
    home.delete_selected_for_good()  # even called directly
    assert prompts.asked == []
    qtbot.keyClick(home.table, Qt.Key.Key_Delete)  # to the trash, undoably

    home.show_trash()
    select(home, "Away day", qtbot)
    assert home.command_actions["delete_for_good"].isEnabled()
    prompts.confirm_answers = [False]
    qtbot.keyClick(home.table, Qt.Key.Key_Delete, SHIFT)
    assert "“Away day”" in prompts.asked[-1]
    assert "cannot be undone" in prompts.asked[-1]
    assert get_workshop(store.db, away).trashed_at is not None  # No keeps it

    prompts.confirm_answers = [True]
    qtbot.mouseClick(home.tool_buttons["delete_for_good"], Qt.MouseButton.LeftButton)
    with pytest.raises(NotFoundError):
        get_workshop(store.db, away)
    assert titles(home) == []
    # Its "move to trash" step would now fail: it is dropped, not run.
    with qtbot.assertNotEmitted(store.sig_failed):
        undo_stack.undo()
    assert undo_stack.count() == 0


def test_undo_and_redo_of_trash_and_of_create_change_the_database_and_the_list(
    home: HomeView, store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    home.new_workshop()
    dialog = home.new_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.title_edit, "Away day")
    dialog.ok_button.click()
    [created] = list_workshops(store.db)
    assert created.id is not None

    undo_stack.undo()  # the create: the workshop goes to the trash
    assert get_workshop(store.db, created.id).trashed_at is not None
    assert titles(home) == []
    assert home.pages.currentWidget() is home.empty_label  # not a first run any more
    undo_stack.redo()  # the same workshop comes back
    assert get_workshop(store.db, created.id).trashed_at is None
    assert titles(home) == ["Away day"]

    board = add(store, "Board retreat")
    select(home, "Board retreat", qtbot)
    qtbot.keyClick(home.table, Qt.Key.Key_Delete)
    assert titles(home) == ["Away day"]
    undo_stack.undo()
    assert get_workshop(store.db, board).trashed_at is None
    assert titles(home) == ["Away day", "Board retreat"]
    assert home.selected_id() == board  # what came back is selected
    undo_stack.redo()
    assert get_workshop(store.db, board).trashed_at is not None
    assert titles(home) == ["Away day"]


def test_list_shows_date_group_and_status_sorted_newest_first_undated_on_top(
    store: Store, undo_stack: QUndoStack, prompts: ScriptedPrompts, qtbot: QtBot
) -> None:
    add(store, "Older", organisation="Ward", date=dt.date(2025, 1, 1))
    add(store, "Newer b", date=dt.date(2026, 1, 1))
    add(store, "Newer a", date=dt.date(2026, 1, 1))
    add(store, "Not dated yet")
    archive_workshop(store.db, add(store, "Archived one"))
    view = HomeView(store, undo_stack, prompts)
    qtbot.addWidget(view)
    assert titles(view) == ["Not dated yet", "Newer a", "Newer b", "Older"]
    assert view.model.index(3, Column.GROUP).data() == "Ward"
    assert view.model.index(3, Column.STATUS).data() == "Planned"
    assert view.model.index(0, Column.DATE).data() == "No date"
    assert "2025" in view.model.index(3, Column.DATE).data()

    view.table.sortByColumn(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(view) == ["Newer a", "Newer b", "Not dated yet", "Older"]


def test_a_hidden_list_reads_its_changes_when_shown_again(home: HomeView, store: Store) -> None:
    add(store, "Before")
    home.hide()  # behind the editor or the runner
    add(store, "While away")
    assert titles(home) == ["Before"]  # not read again while nobody sees it
    home.show()
    assert sorted(titles(home)) == ["Before", "While away"]
