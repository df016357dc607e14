"""Help menu dialogs: the shortcut list comes from the action table; About names the credits."""

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app import __version__
from ui.actions import ACTIONS, shortcut_text
from ui.help.about_dialog import AboutDialog
from ui.help.shortcuts_dialog import SCOPE_TITLES, ShortcutsDialog


def test_every_shortcut_in_the_table_is_listed_under_its_section(qtbot: QtBot) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    rows = dialog.rows()
    for spec in ACTIONS:
        if spec.shortcut is not None:
            assert (SCOPE_TITLES[spec.scope], spec.plain_text, shortcut_text(spec)) in rows
    assert ("Everywhere", "Undo", "Ctrl+Z, Alt+Backspace") in rows
    assert ("Everywhere", "Redo", "Ctrl+Y, Alt+Shift+Backspace, Ctrl+Shift+Z") in rows
    assert ("Agenda", "Move up", "Ctrl+Up") in rows


def test_about_shows_the_version_and_the_sources_of_the_ideas(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in text
    assert "Dawn of System Leadership" in text
    assert "MIT" in text
    assert "Noto Sans" in text and "Symbola" in text
