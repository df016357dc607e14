"""The widgets of the map panel around its canvas: the new-actor box with the kind of the next
actor, the buttons of the MAP actions, and the line under the map that gives the keys (or says
why an edit was refused). Laid out once here so the panel module holds only behaviour."""

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

HINT = (
    "Enter adds · Tab: into the map, next actor · arrows move · Ctrl+L link · F2 rename · "
    "Delete · Ctrl+Shift+L tidy · Esc back here"
)
BUTTONS = ("map_link", "map_rename", "map_delete", "map_tidy", "map_fit")
WORDED = ("map_link", "map_tidy")  # text beside the icon; the rest are icons only


@dataclass
class MapForm:
    entry: QLineEdit  # the name of the next actor
    kind_box: QComboBox  # its kind (hidden when the step names no kinds)
    message: QLabel  # the keys, or why an edit was refused


def build_map_layout(
    panel: QWidget,
    canvas: QWidget,
    link_bar: QWidget,
    kinds: tuple[str, ...],
    actions: dict[str, QAction],
) -> MapForm:
    """Lay out `panel`: the entry row, the link bar, the canvas and the message line."""
    entry = QLineEdit()
    entry.setAccessibleName("New actor")
    hint = f" (#{kinds[0]} after the name sets its kind)" if kinds else ""
    entry.setPlaceholderText(f"Add an actor: type a name, then Enter{hint}")
    kind_box = QComboBox()
    kind_box.setAccessibleName("Kind of the next actor")
    kind_box.addItem("No kind", "")
    for kind in kinds:
        kind_box.addItem(kind.capitalize(), kind)
    if not kinds:
        # Never setVisible(True) here: without a parent yet, that opens the box as a window
        # of its own for a moment, which takes the activation (and the keyboard) away from
        # the main window just as the runner puts the focus in the entry.
        kind_box.hide()
    row = QHBoxLayout()
    row.addWidget(entry, 1)
    row.addWidget(kind_box)
    for action_id in BUTTONS:
        button = QToolButton()
        button.setDefaultAction(actions[action_id])
        button.setAccessibleName(actions[action_id].text().replace("&", ""))
        button.setAutoRaise(True)
        if action_id in WORDED:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the entry to the map
        row.addWidget(button)
    message = QLabel(HINT)
    message.setObjectName("map_message")
    message.setWordWrap(True)
    layout = QVBoxLayout(panel)
    layout.addLayout(row)
    layout.addWidget(link_bar)
    layout.addWidget(canvas, 1)
    layout.addWidget(message)
    # Tab from the name box goes into the map, as the hint says; the kind box is one
    # Shift+Tab away (typing "#team" after the name does the same from the box).
    QWidget.setTabOrder(kind_box, entry)
    QWidget.setTabOrder(entry, canvas)
    return MapForm(entry, kind_box, message)
