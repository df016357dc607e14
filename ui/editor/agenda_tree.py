"""The agenda's tree view: drag an item to reorder it, drop an exercise from the library between
items, edit a step's minutes from the keyboard, and a hint when the agenda is empty.

Drops are handed to the model's dropMimeData as a gap between top-level items, which announces
them to the panel; Qt never moves or removes rows itself.
"""

from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QPersistentModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTreeView, QWidget

from ui import mime
from ui.actions import shortcut_text, spec
from ui.editor.agenda_model import MINUTES, STEP_KEY, TITLE, AgendaModel

EMPTY_TEXT = (
    "Drag exercises here from the library, or select one and press "
    f"{shortcut_text(spec('add_to_agenda'))}."
)

Trigger = QAbstractItemView.EditTrigger
Index = QModelIndex | QPersistentModelIndex


class AgendaTree(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._gap: int | None = None  # where the dragged thing would land, while dragging
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAllColumnsShowFocus(True)
        self.setUniformRowHeights(True)
        self.setEditTriggers(Trigger.DoubleClicked | Trigger.EditKeyPressed | Trigger.AnyKeyPressed)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)  # drawn here as a line between items

    def agenda_model(self) -> AgendaModel:
        model = self.model()
        assert isinstance(model, AgendaModel)
        return model

    # --- editing minutes from anywhere on a step row ---

    def edit(  # type: ignore[override]
        self, index: Index, trigger: Trigger | None = None, event: QEvent | None = None
    ) -> bool:
        """F2, a digit or a double-click on a step edits its minutes, whichever cell is current."""
        if trigger is None:
            super().edit(index)
            return True
        if index.isValid() and index.data(STEP_KEY) is not None and index.column() != MINUTES:
            typed = getattr(event, "text", lambda: "")()
            if trigger == Trigger.AnyKeyPressed and not typed.isdigit():
                return False  # letters search the titles, as in any list
            index = index.sibling(index.row(), MINUTES)
            self.setCurrentIndex(index)
        # Qt passes no event (nullptr) for some triggers; the stub wants a QEvent.
        return super().edit(index, trigger, event)  # type: ignore[arg-type]

    def finish_editing(self) -> None:
        """Save an open minutes editor before a command redraws the rows under it."""
        editor = self.indexWidget(self.currentIndex())
        if self.state() == QAbstractItemView.State.EditingState and editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    # --- dragging an item ---

    def startDrag(self, actions: Qt.DropAction) -> None:  # noqa: N802 (Qt's name)
        model = self.agenda_model()
        row = model.item_row(self.currentIndex())
        if row < 0:
            return
        item_index = model.index(row, TITLE)
        data = model.mimeData([item_index])
        if data is None:
            return
        drag = QDrag(self)
        drag.setMimeData(data)
        rect = self.visualRect(item_index)
        drag.setPixmap(self.viewport().grab(QRect(0, rect.top(), rect.right(), rect.height())))
        drag.setHotSpot(QPoint(rect.height(), rect.height() // 2))
        drag.exec(Qt.DropAction.MoveAction)  # the drop asks the store; nothing to remove here

    # --- dropping ---

    def gap_at(self, pos: QPoint) -> int:
        """The gap between top-level items a drop at `pos` means (0 = before the first).

        The upper half of a collapsed item, or any of an expanded one's title row, is before
        it; its lower half and its steps are after it; empty space is the end."""
        model = self.agenda_model()
        index = self.indexAt(pos)
        if not index.isValid():
            return model.rowCount()
        row = model.item_row(index)
        if index.parent().isValid():
            return row + 1
        title = index.siblingAtColumn(TITLE)
        if self.isExpanded(title) and model.hasChildren(title):
            return row
        return row if pos.y() < self.visualRect(index).center().y() else row + 1

    def _drop_action(self, event: QDropEvent) -> Qt.DropAction:
        if event.mimeData().hasFormat(mime.AGENDA_ITEM):
            return Qt.DropAction.MoveAction
        if event.possibleActions() & Qt.DropAction.CopyAction:
            return Qt.DropAction.CopyAction
        return event.proposedAction()

    def _accepts(self, data: QMimeData) -> bool:
        return self.agenda_model().canDropMimeData(
            data, Qt.DropAction.CopyAction, -1, -1, QModelIndex()
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if not self._accepts(event.mimeData()):
            event.ignore()
            return
        self.setState(QAbstractItemView.State.DraggingState)
        event.setDropAction(self._drop_action(event))
        event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt's name)
        super().dragMoveEvent(event)  # scrolls and opens items near the cursor
        if not self._accepts(event.mimeData()):
            event.ignore()
            self._show_gap(None)
            return
        self._show_gap(self.gap_at(event.position().toPoint()))
        event.setDropAction(self._drop_action(event))
        event.accept()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 (Qt's name)
        super().dragLeaveEvent(event)
        self._show_gap(None)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        gap = self.gap_at(event.position().toPoint())
        action = self._drop_action(event)
        self._show_gap(None)
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        if self.agenda_model().dropMimeData(event.mimeData(), action, gap, TITLE, QModelIndex()):
            event.setDropAction(action)
            event.accept()
        else:
            event.ignore()

    def _show_gap(self, gap: int | None) -> None:
        if gap != self._gap:
            self._gap = gap
            self.viewport().update()

    def _gap_y(self, gap: int) -> int:
        model = self.agenda_model()
        if gap < model.rowCount():
            return self.visualRect(model.index(gap, TITLE)).top()
        last = model.index(model.rowCount() - 1, TITLE)
        if self.isExpanded(last) and model.hasChildren(last):
            last = model.index(model.rowCount(last) - 1, TITLE, last)
        return self.visualRect(last).bottom() + 1

    # --- painting the drop line and the empty state ---

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        model = self.agenda_model()
        painter = QPainter(self.viewport())
        if model.rowCount() == 0:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            margin = self.fontMetrics().height() * 2
            area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(area, int(flags), EMPTY_TEXT)
        elif self._gap is not None:
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
            pen.setWidth(2)
            painter.setPen(pen)
            y = max(1, self._gap_y(self._gap))
            painter.drawLine(0, y, self.viewport().width(), y)
        painter.end()
