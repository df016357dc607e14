"""The actions on the projector: what, who and by when, large and read-only, so the room can
check each action as it is written down. It redraws whenever the list changes."""

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedLayout,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.services.changes import Area, Changes
from ui.capture.actions_model import DUE, STATUS, WHAT, WHO, ActionsModel
from ui.capture.context import StepContext
from ui.store import Store

Index = QModelIndex | QPersistentModelIndex

EMPTY = "No actions yet"


class _Roomy(QStyledItemDelegate):
    """Rows with air between them, so a long list still reads from the back of the room."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 (Qt's name)
        size = super().sizeHint(option, index)
        pad = option.fontMetrics.height() // 2
        return QSize(size.width() + pad, size.height() + pad)


class ActionsResults(QWidget):
    def __init__(self, store: Store, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.context = context
        self.model = ActionsModel(None, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setItemDelegate(_Roomy(self.table))
        self.table.setAccessibleName("Actions")
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setColumnHidden(STATUS, True)  # done ones are struck through
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DUE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.empty = QLabel(EMPTY)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        store.sig_changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, changes: Changes) -> None:
        if changes.workshop_id == self.context.workshop_id and changes.touches(Area.ACTIONS):
            self.refresh()

    def refresh(self) -> None:
        self.model.load(self.store.db, self.context.workshop_id)
        self.stack.setCurrentWidget(self.table if self.model.rows else self.empty)
        self.table.resizeRowsToContents()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:
            self.table.resizeRowsToContents()
        super().changeEvent(event)


def actions_results(store: Store, context: StepContext) -> QWidget:
    """RESULTS["actions"]: the live, read-only projector view of the workshop's actions."""
    return ActionsResults(store, context)
