"""The bar above the workshop list: a button per workshop action (text beside icon) and how many
workshops are shown. It offers what fits the list on show: open, duplicate, archive (unarchive
in the archive) and trash; in the trash, restore and delete for good."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from app.services.workshops import WorkshopView
from ui.actions import shortcut_text, spec
from ui.icons import icon

OUTSIDE_TRASH = ("open_workshop", "duplicate_workshop", "archive_workshop", "trash_workshop")
INSIDE_TRASH = ("restore_workshop", "delete_for_good")


class WorkshopToolbar(QWidget):
    def __init__(self, actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions_by_id = actions
        self.buttons: dict[str, QToolButton] = {}
        tools = QHBoxLayout(self)
        tools.setContentsMargins(0, 0, 0, 0)
        for action_id in (*OUTSIDE_TRASH, *INSIDE_TRASH):
            button = QToolButton()
            button.setDefaultAction(actions[action_id])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAutoRaise(True)
            button.setAccessibleName(spec(action_id).plain_text)
            self.buttons[action_id] = button
            tools.addWidget(button)
        tools.addStretch(1)
        self.count_label = QLabel()
        tools.addWidget(self.count_label)

    def show_count(self, count: int) -> None:
        self.count_label.setText(f"{count} workshop" + ("" if count == 1 else "s"))

    def show_for(self, view: WorkshopView) -> None:
        """The buttons that fit `view`, and archive worded as unarchive in the archive."""
        in_trash = view is WorkshopView.TRASH
        for action_id in OUTSIDE_TRASH:
            self.buttons[action_id].setVisible(not in_trash)
        for action_id in INSIDE_TRASH:
            self.buttons[action_id].setVisible(in_trash)
        archived = view is WorkshopView.ARCHIVED
        archive = self.actions_by_id["archive_workshop"]
        archive.setText("Un&archive" if archived else spec("archive_workshop").text)
        archive.setIcon(icon("unarchive" if archived else "archive"))
        keys = shortcut_text(spec("archive_workshop"))
        tip = "Take the workshop out of the archive" if archived else "Move to the archive"
        archive.setToolTip(f"{tip} ({keys})")
        archive.setStatusTip(tip)
