"""What every capture panel offers the runner, whatever its mode."""

from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QWidget

from ui.capture.context import StepContext
from ui.store import Store


class CapturePanel(QWidget):
    """One step's capture: edits go through the store as undo commands on `undo_stack`."""

    def __init__(
        self,
        store: Store,
        context: StepContext,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.context = context
        self.undo_stack = undo_stack
        self.command_actions: dict[str, QAction] = {}

    def focus_entry(self) -> None:
        """Put the keyboard where the facilitator types first (the runner calls this)."""
        self.setFocus()

    def commit_pending(self) -> None:
        """Save what is being typed (as a draft or for good) before the step changes or the
        window closes."""
