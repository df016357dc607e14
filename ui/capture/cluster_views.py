"""The two views of the cluster panel: the cards not grouped yet, and the themes tree.

Both drag cards and hand drops to their model's dropMimeData, which announces them to the
panel; Qt never moves or removes rows itself. Each says when it takes the focus, so the panel
knows which side's selection "the selected cards" means, and draws a hint when it is empty.
"""

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QDrag,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QFocusEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QListView,
    QTreeView,
    QWidget,
)

from ui.capture.cluster_model import KIND, NAME, THEME, CardListModel, ThemesModel

Trigger = QAbstractItemView.EditTrigger
Mode = QAbstractItemView.SelectionMode


def _paint_hint(view: QAbstractItemView, text: str) -> None:
    """The empty state: a short muted sentence in the middle of the view."""
    painter = QPainter(view.viewport())
    painter.setPen(view.palette().color(QPalette.ColorRole.PlaceholderText))
    margin = view.fontMetrics().height()
    area = view.viewport().rect().adjusted(margin, margin, -margin, -margin)
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    painter.drawText(area, int(flags), text)
    painter.end()


def _paint_target(view: QAbstractItemView, rect: QRect) -> None:
    painter = QPainter(view.viewport())
    pen = QPen(view.palette().color(QPalette.ColorRole.Highlight))
    pen.setWidth(2)
    painter.setPen(pen)
    painter.drawRect(rect.adjusted(1, 1, -2, -2))
    painter.end()


def _drag(view: QAbstractItemView, indexes: list[QModelIndex]) -> None:
    model = view.model()
    if not indexes or model is None:
        return
    drag = QDrag(view)
    drag.setMimeData(model.mimeData(indexes))
    rect = view.visualRect(view.currentIndex()).intersected(view.viewport().rect())
    if rect.isValid():
        drag.setPixmap(view.viewport().grab(rect))
        drag.setHotSpot(QPoint(rect.height() // 2, rect.height() // 2))
    drag.exec(Qt.DropAction.MoveAction)  # the drop asks the store; nothing to remove here


class _DropTarget:
    """Shared drag-over bookkeeping: accept what the model takes, remember where to highlight."""

    def _accepts(self, view: QAbstractItemView, event: QDropEvent) -> bool:
        model = view.model()
        return model is not None and model.canDropMimeData(
            event.mimeData(), Qt.DropAction.MoveAction, -1, -1, QModelIndex()
        )


class CardList(QListView, _DropTarget):
    """The cards in no theme; drop cards here to take them out of their theme."""

    sig_focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = ""
        self._hovered = False
        self.setSelectionMode(Mode.ExtendedSelection)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(2)
        self.setAlternatingRowColors(True)
        self.setEditTriggers(Trigger.NoEditTriggers)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)
        self.setAccessibleName("Cards not grouped yet")

    def card_model(self) -> CardListModel:
        model = self.model()
        assert isinstance(model, CardListModel)
        return model

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        self.sig_focused.emit()

    def startDrag(self, actions: Qt.DropAction) -> None:  # noqa: N802 (Qt's name)
        _drag(self, [i for i in self.selectedIndexes() if i.column() == 0])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if self._accepts(self, event):
            self._set_hovered(True)
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt's name)
        if self._accepts(self, event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 (Qt's name)
        super().dragLeaveEvent(event)
        self._set_hovered(False)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        self._set_hovered(False)
        self.setState(QAbstractItemView.State.NoState)
        action = Qt.DropAction.MoveAction
        if self.card_model().dropMimeData(event.mimeData(), action, -1, 0, QModelIndex()):
            event.setDropAction(action)
            event.accept()
        else:
            event.ignore()

    def _set_hovered(self, on: bool) -> None:
        if on != self._hovered:
            self._hovered = on
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self.card_model().rowCount() == 0:
            _paint_hint(self, self.empty_text)
        if self._hovered:
            _paint_target(self, self.viewport().rect())


class ThemeTree(QTreeView, _DropTarget):
    """Themes with their cards. Drop onto a theme (or one of its cards) to put cards in it,
    onto empty space to make a new theme."""

    sig_focused = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = ""
        self._target: QRect | None = None  # what a drop would land in, while dragging
        self.setSelectionMode(Mode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAllColumnsShowFocus(True)
        self.setWordWrap(True)
        self.setEditTriggers(Trigger.DoubleClicked | Trigger.EditKeyPressed)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(False)  # drawn here around the theme a drop goes into
        self.setAccessibleName("Themes")

    def themes_model(self) -> ThemesModel:
        model = self.model()
        assert isinstance(model, ThemesModel)
        return model

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        self.sig_focused.emit()

    def finish_editing(self) -> None:
        """Save an open name editor before a command redraws the rows under it."""
        editor = self.indexWidget(self.currentIndex())
        if self.state() == QAbstractItemView.State.EditingState and editor is not None:
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def startDrag(self, actions: Qt.DropAction) -> None:  # noqa: N802 (Qt's name)
        cards = [i for i in self.selectedIndexes() if i.column() == NAME and i.data(KIND) != THEME]
        _drag(self, cards)

    def drop_parent(self, pos: QPoint) -> QModelIndex:
        """The theme row a drop at `pos` goes into (invalid: empty space, a new theme)."""
        index = self.indexAt(pos)
        if not index.isValid():
            return QModelIndex()
        index = index.siblingAtColumn(NAME)
        return index.parent() if index.parent().isValid() else index

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if not self._accepts(self, event):
            event.ignore()
            return
        self.setState(QAbstractItemView.State.DraggingState)
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 (Qt's name)
        super().dragMoveEvent(event)  # scrolls and opens themes near the cursor
        if not self._accepts(self, event):
            event.ignore()
            self._show_target(None)
            return
        self._show_target(self._target_rect(self.drop_parent(event.position().toPoint())))
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 (Qt's name)
        super().dragLeaveEvent(event)
        self._show_target(None)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        parent = self.drop_parent(event.position().toPoint())
        self._show_target(None)
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        action = Qt.DropAction.MoveAction
        if self.themes_model().dropMimeData(event.mimeData(), action, -1, -1, parent):
            event.setDropAction(action)
            event.accept()
        else:
            event.ignore()

    def _target_rect(self, theme: QModelIndex) -> QRect:
        """A theme and its open cards; for a new theme, the space below the last row."""
        width = self.viewport().width()
        if not theme.isValid():
            model = self.themes_model()
            bottom = 0
            if model.rowCount():
                last = model.index(model.rowCount() - 1, NAME)
                if self.isExpanded(last) and model.rowCount(last):
                    last = model.index(model.rowCount(last) - 1, NAME, last)
                bottom = self.visualRect(last).bottom() + 1
            return QRect(0, bottom, width, self.viewport().height() - bottom)
        top = self.visualRect(theme).top()
        last = theme
        count = self.themes_model().rowCount(theme)
        if self.isExpanded(theme) and count:
            last = self.themes_model().index(count - 1, NAME, theme)
        return QRect(0, top, width, self.visualRect(last).bottom() + 1 - top)

    def _show_target(self, rect: QRect | None) -> None:
        if rect != self._target:
            self._target = rect
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self.themes_model().rowCount() == 0:
            _paint_hint(self, self.empty_text)
        if self._target is not None and self._target.height() > 0:
            _paint_target(self, self._target)
