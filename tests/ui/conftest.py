"""Fixtures for widget tests: a real store over a real SQLite file, scripted dialogs, and
settings in a temporary file (never the user's own QSettings)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services.participants import list_participants
from app.services.workshops import create_workshop
from ui.prompts import Prompts
from ui.store import Store


class ScriptedPrompts(Prompts):
    """Answers modal questions from lists a test fills in, and records what was asked."""

    def __init__(self) -> None:
        super().__init__(None)
        self.confirm_answers: list[bool] = []
        self.files: list[Path | None] = []
        self.saved_files: list[Path | None] = []  # answers to save_file, in order
        self.asked: list[str] = []  # every title and text shown, in order

    def confirm(self, title: str, text: str, yes: str) -> bool:
        self.asked.append(f"{title}: {text}")
        if not self.confirm_answers:
            raise AssertionError(f"unexpected question: {title}: {text}")
        return self.confirm_answers.pop(0)

    def inform(self, title: str, text: str) -> None:
        self.asked.append(f"{title}: {text}")

    def warn(self, title: str, text: str) -> None:
        self.asked.append(f"{title}: {text}")

    def open_file(self, title: str, name_filter: str) -> Path | None:
        self.asked.append(title)
        if not self.files:
            raise AssertionError(f"unexpected file dialog: {title}")
        return self.files.pop(0)

    def save_file(self, title: str, suggested: Path, name_filter: str) -> Path | None:
        self.asked.append(f"{title}: {suggested.name}")
        if not self.saved_files:
            raise AssertionError(f"unexpected save dialog: {title}")
        return self.saved_files.pop(0)


@pytest.fixture
def store(db: Database, qtbot: QtBot) -> Store:
    return Store(db)


@pytest.fixture
def prompts() -> ScriptedPrompts:
    return ScriptedPrompts()


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[QSettings]:
    stored = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield stored
    stored.sync()


@pytest.fixture
def undo_stack(qtbot: QtBot) -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def workshop_id(store: Store) -> int:
    """A workshop with a title and a group, for the editor's panels."""
    return create_workshop(store.db, title="Away day", organisation="Ward 7").id


def shown(qtbot: QtBot, widget: QWidget) -> None:
    """Show a widget at a usable size, active, so it can take keyboard focus."""
    qtbot.addWidget(widget)
    widget.resize(900, 640)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()


def focus(qtbot: QtBot, target: QWidget) -> None:
    target.setFocus()
    qtbot.waitUntil(target.hasFocus)


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Replace a line edit's text by typing, as a user would."""
    focus(qtbot, edit)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def type_in_open_editor(qtbot: QtBot, text: str) -> None:
    """Type into the cell editor that has just opened, and commit it with Return."""
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not editor)  # Qt commits queued


def people(store: Store, workshop_id: int) -> list[tuple[str, str]]:
    """(name, vantage point) of each participant, in the stored order."""
    return [(p.name, p.vantage_point) for p in list_participants(store.db, workshop_id)]
