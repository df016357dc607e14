"""The library browser: finding, reading and adding exercises, and importing custom files."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.paths import user_exercises_dir
from exercises.model import Exercise
from ui.library.library_browser import LibraryBrowser
from ui.library.library_model import Role
from ui.library.problems_dialog import IMPORT_FAILED, LEFT_OUT, ProblemsDialog
from ui.mime import EXERCISE_KEY
from ui.store import Store

from .conftest import ScriptedPrompts

BUILT_IN_FILE = Path(__file__).parents[2] / "exercises" / "library" / "check_in_check_out.toml"


def exercise_text(key: str, title: str) -> str:
    """A valid exercise file: the check-in rounds under another key and title."""
    text = BUILT_IN_FILE.read_text(encoding="utf-8")
    text = text.replace('key = "check_in_check_out"', f'key = "{key}"')
    return text.replace('title = "Check-in and check-out rounds"', f"title = {title!r}")


def broken_text() -> str:
    """Three problems: a wrong type, a step minutes that is text, a missing title."""
    text = exercise_text("broken_one", "unused")
    text = text.replace("version = 1", 'version = "one"').replace("title = 'unused'\n", "")
    return text.replace("minutes = 12\n", 'minutes = "twelve"\n', 1)


@pytest.fixture
def browser(
    store: Store, prompts: ScriptedPrompts, undo_stack: QUndoStack, qtbot: QtBot
) -> LibraryBrowser:
    view = LibraryBrowser(store, prompts)
    qtbot.addWidget(view)
    view.set_undo_stack(undo_stack)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    return view


def visible_keys(browser: LibraryBrowser) -> list[str]:
    proxy = browser.proxy
    return [str(proxy.index(row, 0).data(Role.KEY)) for row in range(proxy.rowCount())]


def all_exercises(store: Store) -> list[Exercise]:
    return [entry.exercise for entry in store.library.entries]


def searchable(exercise: Exercise) -> str:
    return " ".join((exercise.title, exercise.summary, *exercise.capabilities, *exercise.goals))


def test_search_narrows_the_list_as_you_type(browser: LibraryBrowser, store: Store, qtbot: QtBot):
    everything = visible_keys(browser)
    assert len(everything) == len(store.library.entries) == 9
    assert browser.search_box.placeholderText() == "Search exercises"
    counts = []
    for char in "trust":
        qtbot.keyClick(browser.search_box, char)
        counts.append(len(visible_keys(browser)))
    assert counts == sorted(counts, reverse=True) and counts[-1] < len(everything)
    expected = [e.key for e in all_exercises(store) if "trust" in searchable(e).casefold()]
    assert visible_keys(browser) == expected
    assert "generative_conversation" in expected  # a capability match
    assert browser.count_label.text() == f"{len(expected)} of 9 exercises"

    browser.search_box.clear()
    qtbot.keyClicks(browser.search_box, "HERO tribe")  # any case; every word must appear
    assert visible_keys(browser) == ["from_hero_to_tribe"]
    assert browser.current_key() == "from_hero_to_tribe"  # the page shows the match at once
    browser.search_box.clear()
    assert visible_keys(browser) == everything


def test_capability_and_minutes_filters(browser: LibraryBrowser, store: Store) -> None:
    box = browser.capability_box
    capabilities = {c for e in all_exercises(store) for c in e.capabilities}
    listed = [box.itemText(i) for i in range(box.count())]
    assert listed == ["Any capability", *sorted(capabilities, key=str.casefold)]
    box.setCurrentIndex(box.findText("deep listening"))
    deep = [e.key for e in all_exercises(store) if "deep listening" in e.capabilities]
    assert visible_keys(browser) == deep == ["generative_conversation", "see_the_larger_system"]

    box.setCurrentIndex(0)
    browser.minutes_box.setCurrentIndex(browser.minutes_box.findText("Up to 60 min"))
    assert visible_keys(browser) == [e.key for e in all_exercises(store) if e.minutes <= 60]
    assert "see_the_larger_system" not in visible_keys(browser)  # 85 minutes
    browser.minutes_box.setCurrentIndex(browser.minutes_box.findText("Up to 30 min"))
    assert visible_keys(browser) == ["check_in_check_out"]

    browser.minutes_box.setCurrentIndex(browser.minutes_box.findText("Longer than 90 min"))
    assert visible_keys(browser) == []
    assert browser.empty_label.isVisible()
    assert not browser.command_actions["add_to_agenda"].isEnabled()
    assert browser.current_key() is None
    assert "Select an exercise to see its steps" in browser.detail.toPlainText()
    browser.clear_filters()
    assert len(visible_keys(browser)) == 9 and not browser.empty_label.isVisible()


def test_the_page_shows_steps_script_and_materials(browser: LibraryBrowser, store: Store) -> None:
    assert browser.select_key("check_in_check_out")
    exercise = store.library.get("check_in_check_out").exercise
    page = " ".join(browser.detail.toPlainText().split())
    assert exercise.title in page and exercise.summary in page
    assert exercise.based_on.idea in page and exercise.based_on.source in page
    for text in (*exercise.materials, *exercise.goals, *exercise.capabilities):
        assert text in page
    assert "2 to 30 people" in page and "22 minutes, 2 steps" in page
    for step in exercise.steps:
        assert step.title in page and step.prompt in page
        for question in step.debrief:
            assert question in page
    assert "Before the session, choose the question" in page  # the check-in script
    assert "Keep the full ten minutes for this round" in page  # the check-out script
    assert "12 min · Whole group" in page
    assert "Custom exercise" not in page


def test_text_from_a_custom_file_is_shown_literally(
    browser: LibraryBrowser, store: Store, data_dir: Path
) -> None:
    folder = user_exercises_dir(data_dir)
    folder.mkdir(parents=True)
    text = exercise_text("marked_up", "<b>x</b>").replace(
        'prompt = "Check-in:', "prompt = \"<img src='file:///etc/passwd'> & <a href='x'>go</a>"
    )
    (folder / "marked_up.toml").write_text(text, encoding="utf-8")
    store.reload_library()
    assert browser.select_key("marked_up")
    page = browser.detail.toPlainText()
    assert "<b>x</b>" in page
    assert "<img src='file:///etc/passwd'> & <a href='x'>go</a>" in page
    assert "<img" not in browser.detail.toHtml().replace("&lt;img", "")
    assert browser.list_view.currentIndex().data() == "<b>x</b>"


def test_ctrl_return_enter_double_click_and_the_button_add_the_exercise(
    browser: LibraryBrowser, qtbot: QtBot
) -> None:
    browser.select_key("from_hero_to_tribe")
    browser.list_view.setFocus()
    with qtbot.waitSignal(browser.sig_add_exercise) as added:
        qtbot.keyClick(browser.list_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert added.args == ["from_hero_to_tribe"]

    browser.select_key("see_the_larger_system")
    with qtbot.waitSignal(browser.sig_add_exercise) as added:
        qtbot.keyClick(browser.list_view, Qt.Key.Key_Return)
    assert added.args == ["see_the_larger_system"]

    index = browser.proxy.index(0, 0)
    centre = browser.list_view.visualRect(index).center()
    viewport = browser.list_view.viewport()
    with qtbot.waitSignal(browser.sig_add_exercise) as added:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)  # the first press
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    assert added.args == [index.data(Role.KEY)]

    with qtbot.waitSignal(browser.sig_add_exercise) as added:
        qtbot.mouseClick(browser.add_button, Qt.MouseButton.LeftButton)
    assert added.args == [index.data(Role.KEY)]
    assert (
        browser.add_button.toolTip()
        == "Add the exercise after the selected agenda item (Ctrl+Return)"
    )


def test_down_arrow_goes_from_the_search_into_the_list(
    browser: LibraryBrowser, qtbot: QtBot
) -> None:
    browser.focus_search()
    qtbot.keyClicks(browser.search_box, "system")
    qtbot.keyClick(browser.search_box, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is browser.list_view
    assert browser.current_key() == visible_keys(browser)[0]
    with qtbot.waitSignal(browser.sig_add_exercise) as added:
        qtbot.keyClick(browser.list_view, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert added.args == [visible_keys(browser)[0]]


def test_tab_goes_search_capability_length_list_page_buttons(
    browser: LibraryBrowser, qtbot: QtBot
) -> None:
    browser.focus_search()
    seen = [QApplication.focusWidget()]
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == [
        browser.search_box,
        browser.capability_box,
        browser.minutes_box,
        browser.list_view,
        browser.detail,
        browser.import_button,
    ]


def test_narrowing_the_list_keeps_the_page_and_its_scroll_position(
    browser: LibraryBrowser, qtbot: QtBot
) -> None:
    browser.select_key("see_the_larger_system")
    bar = browser.detail.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert bar.value() > 0
    qtbot.keyClicks(browser.search_box, "system")
    assert browser.current_key() == "see_the_larger_system"
    assert bar.value() == bar.maximum() // 2


def test_a_drag_carries_the_exercise_key(browser: LibraryBrowser) -> None:
    assert browser.list_view.dragEnabled()
    browser.select_key("generative_conversation")
    index = browser.list_view.currentIndex()
    assert index.flags() & Qt.ItemFlag.ItemIsDragEnabled
    data = browser.proxy.mimeData([index])
    assert bytes(data.data(EXERCISE_KEY).data()).decode("utf-8") == "generative_conversation"
    assert EXERCISE_KEY in browser.proxy.mimeTypes()


def test_a_broken_file_lists_its_problems_and_imports_nothing(
    browser: LibraryBrowser,
    prompts: ScriptedPrompts,
    undo_stack: QUndoStack,
    data_dir: Path,
    tmp_path: Path,
) -> None:
    before = visible_keys(browser)
    broken = tmp_path / "broken.toml"
    broken.write_text(broken_text(), encoding="utf-8")
    prompts.files = [broken]
    browser.import_exercise()

    assert prompts.asked == ["Import exercise"]
    dialog = browser.findChild(ProblemsDialog)
    assert dialog is not None and dialog.isVisible() and dialog.isModal()
    assert dialog.intro.text() == IMPORT_FAILED
    assert dialog.rows() == [
        ("broken.toml", "5", "version", "expected a whole number, got 'one'"),
        ("broken.toml", "63", "steps[0].minutes", "expected a whole number, got 'twelve'"),
        ("broken.toml", "", "title", "required, but missing"),
    ]
    assert dialog.table.item(0, 0).toolTip() == str(broken)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert f"{broken}:5: version: expected a whole number" in copied

    folder = user_exercises_dir(data_dir)
    assert not folder.exists() or list(folder.iterdir()) == []
    assert visible_keys(browser) == before
    assert undo_stack.count() == 0
    assert browser.status_label.text() == ""
    dialog.reject()


def test_importing_a_file_adds_a_custom_exercise_that_undo_and_redo_take_out_and_back(
    browser: LibraryBrowser,
    store: Store,
    prompts: ScriptedPrompts,
    undo_stack: QUndoStack,
    tmp_path: Path,
) -> None:
    source = tmp_path / "weather.toml"
    source.write_text(exercise_text("team_weather", "Team weather report"), encoding="utf-8")
    prompts.files = [source]
    browser.import_exercise()

    target = user_exercises_dir(store.data_dir) / "team_weather.toml"
    assert target.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    assert store.library.get("team_weather").source == str(target)
    assert "team_weather" in visible_keys(browser)
    assert browser.current_key() == "team_weather"
    assert browser.status_label.text() == "Imported “Team weather report”"
    index = browser.list_view.currentIndex()
    assert index.data(Role.IS_CUSTOM) is True
    assert f"Custom exercise from {target}" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert browser.select_key("check_in_check_out")
    assert browser.list_view.currentIndex().data(Role.IS_CUSTOM) is False
    assert browser.status_label.text() == ""  # the confirmation goes with the next action
    assert undo_stack.count() == 1
    assert undo_stack.undoText() == "Import exercise “Team weather report”"

    undo_stack.undo()
    assert not target.exists()
    assert "team_weather" not in visible_keys(browser)
    assert browser.current_key() == "check_in_check_out"  # kept across the reload
    undo_stack.redo()
    assert target.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    assert "team_weather" in visible_keys(browser)
    assert store.library.get("team_weather").exercise.title == "Team weather report"


def test_undoing_a_reimport_brings_back_the_earlier_version(
    browser: LibraryBrowser,
    store: Store,
    prompts: ScriptedPrompts,
    undo_stack: QUndoStack,
    tmp_path: Path,
) -> None:
    first, second = tmp_path / "v1.toml", tmp_path / "v2.toml"
    first.write_text(exercise_text("rounds", "Rounds, first draft"), encoding="utf-8")
    second.write_text(exercise_text("rounds", "Rounds, second draft"), encoding="utf-8")
    prompts.files = [first, second]
    browser.import_exercise()
    browser.import_exercise()
    assert store.library.get("rounds").exercise.title == "Rounds, second draft"
    undo_stack.undo()
    target = user_exercises_dir(store.data_dir) / "rounds.toml"
    assert target.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert store.library.get("rounds").exercise.title == "Rounds, first draft"
    assert browser.current_key() == "rounds"


def test_a_library_folder_that_cannot_be_written_is_reported_plainly(
    browser: LibraryBrowser,
    prompts: ScriptedPrompts,
    undo_stack: QUndoStack,
    data_dir: Path,
    tmp_path: Path,
) -> None:
    user_exercises_dir(data_dir).write_text("not a folder", encoding="utf-8")
    source = tmp_path / "weather.toml"
    source.write_text(exercise_text("team_weather", "Team weather report"), encoding="utf-8")
    prompts.files = [source]
    browser.import_exercise()
    assert prompts.asked[-1].startswith(
        "Exercise not imported: The exercise could not be copied into your library."
    )
    assert undo_stack.count() == 0
    assert browser.findChild(ProblemsDialog) is None
    assert "team_weather" not in visible_keys(browser)


def test_custom_files_left_out_of_the_library_are_noted(
    store: Store, prompts: ScriptedPrompts, data_dir: Path, qtbot: QtBot
) -> None:
    folder = user_exercises_dir(data_dir)
    folder.mkdir(parents=True)
    (folder / "broken.toml").write_text(broken_text(), encoding="utf-8")
    browser = LibraryBrowser(store, prompts)
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitExposed(browser)
    assert browser.left_out.isVisible()
    assert browser.left_out.label.text() == "1 custom exercise file could not be loaded."
    qtbot.mouseClick(browser.left_out.show_button, Qt.MouseButton.LeftButton)
    dialog = browser.findChild(ProblemsDialog)
    assert dialog is not None and dialog.intro.text() == LEFT_OUT
    assert [row[2] for row in dialog.rows()] == ["version", "steps[0].minutes", "title"]
    dialog.reject()

    (folder / "broken.toml").unlink()
    store.reload_library()
    assert not browser.left_out.isVisible()


def test_a_library_reload_keeps_the_current_exercise(
    browser: LibraryBrowser, store: Store, data_dir: Path
) -> None:
    browser.select_key("see_the_larger_system")
    folder = user_exercises_dir(data_dir)
    folder.mkdir(parents=True)
    (folder / "aaa.toml").write_text(exercise_text("aaa", "A first one"), encoding="utf-8")
    store.reload_library()
    assert visible_keys(browser)[0] == "aaa"
    assert browser.current_key() == "see_the_larger_system"
    assert "See the larger system" in browser.detail.toPlainText()


def test_import_needs_an_undo_stack(store: Store, prompts: ScriptedPrompts, qtbot: QtBot) -> None:
    browser = LibraryBrowser(store, prompts)
    qtbot.addWidget(browser)
    assert not browser.import_action.isEnabled()
    with pytest.raises(RuntimeError):
        browser.import_exercise()
    assert prompts.asked == []
