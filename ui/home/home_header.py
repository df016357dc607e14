"""The row above the workshop list: search box, the Active / Archived / Trash switch, and New
workshop.

The row holds the controls only; HomeView reacts to them (the switch buttons trigger the view's
show_... actions, so a click and its shortcut do the same thing).
"""

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from app.services.workshops import WorkshopView
from ui.actions import shortcut_text, spec
from ui.icons import icon

FILTERS = (
    (WorkshopView.ACTIVE, "Active", "show_active"),
    (WorkshopView.ARCHIVED, "Archived", "show_archived"),
    (WorkshopView.TRASH, "Trash", "show_trash"),
)


def _bold_when_checked(button: QAbstractButton, checked: bool) -> None:
    """The chosen list reads in bold: a checked tool button alone is too faint in some styles."""
    font = button.font()
    font.setBold(checked)
    button.setFont(font)


class HomeHeader(QWidget):
    def __init__(self, command_actions: dict[str, QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Search workshops")
        self.search_box.setAccessibleName("Search workshops")
        self.search_box.setToolTip("Search titles, groups, purposes and places as you type")
        self.search_box.setClearButtonEnabled(True)
        position = QLineEdit.ActionPosition.LeadingPosition
        self._search_icon = self.search_box.addAction(icon("find"), position)

        header = QHBoxLayout(self)
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.search_box, 1)
        header.addSpacing(header.spacing() * 2)
        self.filter_group = QButtonGroup(self)
        self.filter_buttons: dict[WorkshopView, QToolButton] = {}
        segments = QHBoxLayout()
        segments.setSpacing(0)
        header.addLayout(segments)
        for view, text, action_id in FILTERS:
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setAccessibleName(spec(action_id).plain_text)
            button.setToolTip(command_actions[action_id].toolTip())
            button.clicked.connect(command_actions[action_id].trigger)
            self.filter_group.addButton(button)
            self.filter_buttons[view] = button
            segments.addWidget(button)
        self.filter_group.buttonToggled.connect(_bold_when_checked)
        self.filter_buttons[WorkshopView.ACTIVE].setChecked(True)
        header.addStretch(1)

        new_spec = spec("new_workshop")
        self.new_button = QPushButton(new_spec.plain_text)
        self.new_button.setIcon(icon("new_workshop"))
        self.new_button.setToolTip(f"{new_spec.tip} ({shortcut_text(new_spec)})")
        header.addWidget(self.new_button)

    def show_view(self, view: WorkshopView) -> None:
        """Check the switch button of the list on show."""
        self.filter_buttons[view].setChecked(True)

    def refresh_icons(self) -> None:
        """Redraw icons in the palette's colours after a light/dark switch."""
        self._search_icon.setIcon(icon("find"))
        self.new_button.setIcon(icon("new_workshop"))
