"""Questions the app asks the user in a modal dialog, behind one small interface.

Views ask `prompts.confirm(...)` rather than building QMessageBox themselves, so tests can answer
with `ScriptedPrompts` (tests/ui) instead of a blocking dialog, and the wording lives in one style.
"""

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


class Prompts:
    def __init__(self, parent: QWidget | None = None) -> None:
        self.parent = parent

    def confirm(self, title: str, text: str, yes: str) -> bool:
        """A yes/no question whose safe answer (No) is the default."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=self.parent)
        accept = box.addButton(yes, QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is accept

    def inform(self, title: str, text: str) -> None:
        QMessageBox.information(self.parent, title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.parent, title, text)

    def open_file(self, title: str, name_filter: str) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(self.parent, title, str(Path.home()), name_filter)
        return Path(path) if path else None

    def save_file(self, title: str, suggested: Path, name_filter: str) -> Path | None:
        """Where to save: `suggested` is a full path (folder and file name) to start from."""
        path, _ = QFileDialog.getSaveFileName(self.parent, title, str(suggested), name_filter)
        return Path(path) if path else None
