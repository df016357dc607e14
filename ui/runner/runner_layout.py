"""How the run page is laid out: the bar of step and projector buttons above the step pane, the
agenda rail beside them in a splitter; and the splitter sizes the main window remembers between
sessions (the rail's width, the script's share of the height)."""

import json
from collections.abc import Sequence

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QSplitter, QToolButton, QVBoxLayout, QWidget

from ui.actions import spec

# None: a stretch. Script on/off is a key and a button on the step pane, not here.
BUTTONS = (
    "previous_step",
    "next_step",
    None,
    "toggle_projector",
    "blank_projector",
    "projector_results",
    None,
    "back_to_planner",
)
WORDED = {"previous_step", "next_step"}  # the rest show icons only, so the bar fits a 13" laptop


def build_runner_layout(
    view: QWidget, actions: dict[str, QAction], rail: QWidget, pane: QWidget
) -> QSplitter:
    """Lay out `view`: the rail on the left, the button bar over the step pane on the right."""
    bar = QHBoxLayout()
    for action_id in BUTTONS:
        if action_id is None:
            bar.addStretch(1)
            continue
        button = QToolButton(view)
        button.setDefaultAction(actions[action_id])
        button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if action_id in WORDED
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        button.setAccessibleName(spec(action_id).plain_text)
        button.setObjectName(f"button_{action_id}")
        bar.addWidget(button)
    centre = QWidget()
    column = QVBoxLayout(centre)
    column.setContentsMargins(12, 0, 0, 0)
    column.addLayout(bar)
    column.addWidget(pane, 1)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.setChildrenCollapsible(False)
    splitter.addWidget(rail)
    splitter.addWidget(centre)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 3)
    splitter.setSizes([340, 940])
    layout = QVBoxLayout(view)
    layout.addWidget(splitter)
    return splitter


def splitters_state(splitters: Sequence[QSplitter]) -> QByteArray:
    """The state of each splitter, in one value for QSettings."""
    states = [bytes(s.saveState().toBase64().data()).decode() for s in splitters]
    return QByteArray(json.dumps(states).encode())


def restore_splitters(splitters: Sequence[QSplitter], state: QByteArray) -> None:
    """Put back what splitters_state saved; a state from another version changes nothing."""
    try:
        saved = json.loads(bytes(state.data()).decode())
    except ValueError:
        return
    if isinstance(saved, list) and len(saved) == len(splitters):
        for splitter, text in zip(splitters, saved, strict=True):
            splitter.restoreState(QByteArray.fromBase64(str(text).encode()))
