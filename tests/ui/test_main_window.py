"""The main window: pages, menus from the action table, undo per page, saved state, appearance."""

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.agenda import agenda_plan
from app.services.workshops import create_workshop, get_workshop, list_workshops
from tests.ui.conftest import ScriptedPrompts
from ui.actions import ACTIONS
from ui.application import APP_ID, make_application
from ui.main_window import MainWindow
from ui.menus import MENU_TITLES
from ui.store import Store
from ui.theme import Appearance, AppearanceSwitch, is_dark


@pytest.fixture
def window(
    store: Store, settings: QSettings, prompts: ScriptedPrompts, qtbot: QtBot
) -> Iterator[MainWindow]:
    shown = MainWindow(store, settings, prompts)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown


def _menu_actions(window: MainWindow) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        names = [a.objectName() for a in menu.actions() if a.objectName()]
        found[menu_action.text().replace("&", "")] = names
    return found


def test_every_action_with_a_menu_is_in_that_menu(window: MainWindow) -> None:
    menus = _menu_actions(window)
    for spec in ACTIONS:
        if spec.menu:
            title = MENU_TITLES[spec.menu].replace("&", "")
            assert f"action_{spec.id}" in menus[title], spec.id


def test_the_application_names_itself_for_settings_and_the_desktop(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = (app.applicationName(), app.organizationName(), app.desktopFileName())
    try:
        assert make_application([]) is app
        assert app.applicationName() == "Chorus"
        assert app.organizationName() == "Chorus"
        assert app.desktopFileName() == APP_ID
    finally:  # the test session's own names come back
        app.setApplicationName(saved[0])
        app.setOrganizationName(saved[1])
        app.setDesktopFileName(saved[2])


def test_opening_a_workshop_titles_the_window_and_home_goes_back(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    workshop = create_workshop(store.db, title="Away day").id
    window.home.refresh()
    window.open_workshop(workshop)
    assert window.windowTitle() == "Away day — Chorus"
    assert window.pages.currentWidget() is window.editor
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.pages.currentWidget() is window.home
    assert window.windowTitle() == "Chorus"


def test_undo_reaches_only_the_page_on_screen(
    window: MainWindow, store: Store, qtbot: QtBot
) -> None:
    first = create_workshop(store.db, title="First").id
    window.open_workshop(first)
    window.editor.agenda.add_exercise("check_in_check_out")
    assert len(agenda_plan(store.db, first).items) == 1
    window.show_home()
    window.home.duplicate_selected()  # opens the copy, on its own stack
    copy = max(w.id for w in list_workshops(store.db) if w.id is not None)
    assert copy != first
    window.show_home()
    assert window.command_actions["undo"].text() == f"&Undo Duplicate “{'First'}”"
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_workshop(store.db, copy).trashed_at is not None  # the home step was undone
    assert len(agenda_plan(store.db, first).items) == 1  # the editor's step was not
    window.open_workshop(first)
    window.undo()
    assert agenda_plan(store.db, first).items == ()


def test_the_status_bar_says_whether_the_last_change_was_saved(
    window: MainWindow, store: Store
) -> None:
    workshop = create_workshop(store.db, title="Away day").id
    window.open_workshop(workshop)
    window.editor.agenda.add_exercise("check_in_check_out")
    assert window.save_status.label.text() == "All changes saved"
    window.editor.agenda.add_exercise("no_such_exercise")
    assert window.save_status.label.text() == "Last change not saved"
    assert "no_such_exercise" in window.save_status.toolTip()


def test_size_and_splitter_are_remembered_between_runs(
    store: Store, settings: QSettings, prompts: ScriptedPrompts, qtbot: QtBot
) -> None:
    first = MainWindow(store, settings, prompts)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)  # inside the 800x600 offscreen screen
    qtbot.waitUntil(lambda: first.width() == 760)
    first.close()
    assert settings.value("window/geometry") is not None
    second = MainWindow(store, settings, prompts)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (760, 560)


def test_the_dark_choice_is_applied_and_remembered(
    window: MainWindow, settings: QSettings, qtbot: QtBot
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    switch = AppearanceSwitch(app)
    window._appearance = switch  # the switch the application would pass in
    try:
        window.findChild(type(window.command_actions["undo"]), "appearance_dark").trigger()
        assert is_dark(app.palette())
        assert settings.value("appearance") == "dark"
        text = app.palette().color(QPalette.ColorRole.WindowText)
        assert text.lightness() > 128  # light text on the dark window
    finally:
        switch.apply(Appearance.SYSTEM)
    assert not is_dark(app.palette())


def test_every_icon_only_button_has_an_accessible_name_and_a_tooltip(
    window: MainWindow, store: Store
) -> None:
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    workshop = create_workshop(store.db, title="Away day").id
    window.open_workshop(workshop)
    unnamed = []
    for button in window.findChildren(QAbstractButton):
        if button.text().replace("&", "").strip():
            continue
        name = button.objectName()
        if isinstance(button.parent(), QLineEdit) or name.startswith(("qt_", "Scroll")):
            continue  # Qt's own parts: clear buttons, calendar arrows, tab scrollers
        if not button.accessibleName() or not button.toolTip():
            unnamed.append(button.objectName() or repr(button))
    assert unnamed == []


def test_f5_in_the_editor_starts_the_run_and_a_new_window_resumes_it(
    window: MainWindow,
    store: Store,
    settings: QSettings,
    prompts: ScriptedPrompts,
    qtbot: QtBot,
) -> None:
    from app.db.models import WorkshopStatus
    from app.services.run_state import timer

    workshop = create_workshop(store.db, title="Away day").id
    window.open_workshop(workshop)
    window.editor.agenda.add_exercise("check_in_check_out")
    window.activateWindow()
    window.editor.tabs.currentWidget().setFocus()
    qtbot.keyClick(window.editor.tabs.currentWidget(), Qt.Key.Key_F5)
    assert window.pages.currentWidget() is window.runner
    assert window.windowTitle() == "Away day · running — Chorus"
    assert get_workshop(store.db, workshop).status is WorkshopStatus.RUNNING
    window.runner.next_step()
    step = timer(store.db, workshop)
    assert step is not None and step.step_key == "check_out"
    window.close()

    reopened = MainWindow(store, settings, prompts)  # as after a crash: the run is still on
    qtbot.addWidget(reopened)
    reopened.resume_interrupted_run()
    assert reopened.pages.currentWidget() is reopened.runner
    assert reopened.runner.context is not None
    assert reopened.runner.context.step_key == "check_out"
    reopened.runner.back_to_planner()
    assert reopened.pages.currentWidget() is reopened.editor


def test_the_run_menu_in_the_editor_offers_only_to_start_the_run(
    window: MainWindow, store: Store
) -> None:
    first = create_workshop(store.db, title="Already running").id
    window.open_workshop(first)
    window.editor.agenda.add_exercise("check_in_check_out")
    window.run_workshop(first)
    second = create_workshop(store.db, title="Being planned").id
    window.open_workshop(second)
    run_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Run"
    )
    visible = [a.objectName() for a in run_menu.actions() if a.isVisible()]
    assert visible == ["action_start_run"]  # nothing that would act on the other run
    assert not window.runner.timer.ticker.isActive()
