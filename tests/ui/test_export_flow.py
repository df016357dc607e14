"""Export from the app: the Export menu, the save dialog, the written file, the handout preview."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from app.demo import create_demo_workshop
from app.services.workshops import create_workshop, get_workshop
from tests.ui.conftest import ScriptedPrompts
from ui.actions import ACTIONS, Scope, shortcut_text
from ui.main_window import MainWindow
from ui.store import Store

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class OpenedUrls(QObject):
    """Stands in for the desktop's file opener (Qt's own hook), recording what was opened."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened() -> Iterator[OpenedUrls]:
    receiver = OpenedUrls()
    QDesktopServices.setUrlHandler("file", receiver, "open_url")
    yield receiver
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def demo(store: Store) -> int:
    workshop_id = create_demo_workshop(store.db, store.library.library).id
    assert workshop_id is not None
    return workshop_id


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the exports (the data folder sits beside it)."""
    folder = tmp_path / "exports"
    folder.mkdir()
    return folder


@pytest.fixture
def window(
    store: Store, settings: QSettings, prompts: ScriptedPrompts, qtbot: QtBot
) -> Iterator[MainWindow]:
    shown = MainWindow(store, settings, prompts)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    yield shown
    shown.export_flow.wait()


@dataclass
class Scene:
    """The window with the demo workshop, the scripted dialogs and what the desktop opened."""

    window: MainWindow
    prompts: ScriptedPrompts
    demo: int
    out: Path
    opened: OpenedUrls


@pytest.fixture
def scene(
    window: MainWindow, prompts: ScriptedPrompts, demo: int, out: Path, opened: OpenedUrls
) -> Scene:
    return Scene(window, prompts, demo, out, opened)


def export_by_key(window: MainWindow, qtbot: QtBot) -> None:
    """Ctrl+Shift+E from inside the page on screen, then wait for the whole flow."""
    page = window.pages.currentWidget()
    target = page.focusWidget() or page
    target.setFocus()
    with qtbot.waitSignal(window.export_flow.sig_done, timeout=20000):
        qtbot.keyClick(target, Qt.Key.Key_E, CTRL_SHIFT)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_handout_is_written_where_the_user_chose_and_opened_on_request(
    scene: Scene, qtbot: QtBot
) -> None:
    window, prompts, out, demo = scene.window, scene.prompts, scene.out, scene.demo
    title = get_workshop(window.store.db, demo).title
    target = out / "for the group.pdf"
    prompts.saved_files.append(target)
    prompts.confirm_answers.append(True)
    window.open_workshop(demo)
    export_by_key(window, qtbot)
    assert title in pdf_text(target)
    assert title.startswith("Demo: from")  # a colon is not allowed in Windows file names
    dash = "\u2013"  # an en dash between the title and the kind
    assert f"Demo - from{title.removeprefix('Demo: from')} {dash} handout.pdf" in prompts.asked[0]
    assert "Open it now?" in prompts.asked[-1]
    assert scene.opened.urls == [QUrl.fromLocalFile(str(target))]
    assert sorted(p.name for p in out.iterdir() if p.suffix == ".pdf") == [target.name]


def test_declining_to_open_opens_nothing(scene: Scene, qtbot: QtBot) -> None:
    window, prompts, out, demo = scene.window, scene.prompts, scene.out, scene.demo
    prompts.saved_files.append(out / "handout")  # no extension typed: .pdf is added
    prompts.confirm_answers.append(False)
    window.open_workshop(demo)
    export_by_key(window, qtbot)
    assert (out / "handout.pdf").read_bytes().startswith(b"%PDF")
    assert scene.opened.urls == []


def test_a_folder_that_is_gone_is_explained_and_leaves_nothing(scene: Scene, qtbot: QtBot) -> None:
    window, prompts, out, demo = scene.window, scene.prompts, scene.out, scene.demo
    prompts.saved_files.append(out / "gone" / "handout.pdf")
    window.open_workshop(demo)
    export_by_key(window, qtbot)  # no confirm answer given: being asked would fail the test
    assert prompts.asked[-1].startswith("Could not export")
    assert "Nothing was written" in prompts.asked[-1]
    assert list(out.iterdir()) == []
    assert scene.opened.urls == []


def test_cancelling_the_save_dialog_writes_nothing(
    window: MainWindow, prompts: ScriptedPrompts, demo: int, out: Path, qtbot: QtBot
) -> None:
    prompts.saved_files.append(None)
    window.open_workshop(demo)
    export_by_key(window, qtbot)
    assert window.export_flow.job is None
    assert list(out.iterdir()) == []
    assert len(prompts.asked) == 1  # the save dialog, and nothing after it


def test_the_runner_exports_its_own_workshop_not_the_one_left_in_the_editor(
    scene: Scene, store: Store, qtbot: QtBot
) -> None:
    window, prompts, demo, out = scene.window, scene.prompts, scene.demo, scene.out
    other = create_workshop(store.db, title="Quarterly planning").id
    assert other is not None
    window.open_workshop(other)
    window.run_workshop(demo)
    assert window.editor.workshop_id == other  # still loaded, off screen
    prompts.saved_files.append(out / "report.md")
    prompts.confirm_answers.append(False)
    with qtbot.waitSignal(window.export_flow.sig_done, timeout=20000):
        window.export_actions["export_handout_markdown"].trigger()
    text = (out / "report.md").read_text(encoding="utf-8")
    assert get_workshop(store.db, demo).title in text
    assert "Quarterly planning" not in text


def test_the_preview_shows_the_handout_and_saves_it(
    window: MainWindow, prompts: ScriptedPrompts, demo: int, out: Path, qtbot: QtBot
) -> None:
    window.open_workshop(demo)
    window.editor.setFocus()
    qtbot.keyClick(window.editor, Qt.Key.Key_H, CTRL_SHIFT)
    preview = window.preview
    assert preview is not None and preview.isVisible()
    qtbot.waitUntil(lambda: preview.document.status() == QPdfDocument.Status.Ready)
    assert preview.document.pageCount() > 0
    assert get_workshop(window.store.db, demo).title in preview.windowTitle()
    prompts.saved_files.append(out / "preview.pdf")
    prompts.confirm_answers.append(False)
    with qtbot.waitSignal(window.export_flow.sig_done, timeout=20000):
        qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert get_workshop(window.store.db, demo).title in pdf_text(out / "preview.pdf")
    preview.reject()
    qtbot.waitUntil(lambda: window.preview is None)


def test_the_export_menu_shows_only_with_a_workshop_on_screen(
    window: MainWindow, demo: int
) -> None:
    export_menu = next(a for a in window.menuBar().actions() if a.text() == "E&xport")
    pages = (
        ("home", window.show_home),
        ("editor", lambda: window.open_workshop(demo)),
        ("runner", lambda: window.run_workshop(demo)),
    )
    for page, show in pages:
        show()
        on_screen = page != "home"
        assert export_menu.isVisible() is on_screen, page
        assert all(a.isVisible() is on_screen for a in window.export_actions.values()), page


def test_export_keys_are_free_in_every_other_scope() -> None:
    """The Export actions are live across the whole window: their keys must be nobody else's."""
    export = [s for s in ACTIONS if s.scope is Scope.EXPORT and s.shortcut]
    others = {
        key
        for s in ACTIONS
        if s.scope is not Scope.EXPORT and s.shortcut
        for key in shortcut_text(s).split(", ")
    }
    assert export and all(shortcut_text(s) not in others for s in export)
    assert "Ctrl+E" not in {shortcut_text(s) for s in export}  # line edits' end-of-line on X11


def test_the_paper_size_setting_is_used_and_remembered(
    qtbot: QtBot, store: Store, settings: QSettings, prompts: ScriptedPrompts, tmp_path: Path
) -> None:
    from reportlab.lib.pagesizes import LETTER

    workshop = create_demo_workshop(store.db, store.library.library).id
    window = MainWindow(store, settings, prompts)
    qtbot.addWidget(window)
    window.open_workshop(workshop)
    letter = window.findChild(QAction, "paper_letter")
    assert letter is not None
    letter.trigger()
    assert settings.value("export/paper") == "letter"
    output = tmp_path / "handout.pdf"
    prompts.saved_files.append(output)
    prompts.confirm_answers.append(False)
    window.export_handout_pdf()
    qtbot.waitUntil(lambda: not window.export_flow.busy, timeout=20000)
    box = PdfReader(output).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == tuple(round(v) for v in LETTER)
    again = MainWindow(store, settings, prompts)
    qtbot.addWidget(again)
    assert again.export_flow.paper == "letter"
