"""Fixtures for widget tests: a real store over a real SQLite file, scripted dialogs, and
settings in a temporary file (never the user's own QSettings)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from app.db.database import Database
from ui.prompts import Prompts
from ui.store import Store


class ScriptedPrompts(Prompts):
    """Answers modal questions from lists a test fills in, and records what was asked."""

    def __init__(self) -> None:
        super().__init__(None)
        self.confirm_answers: list[bool] = []
        self.files: list[Path | None] = []
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
