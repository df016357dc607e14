"""The agenda as a tree: items (exercise runs) with their steps, start times and minutes.

A presenter over `agenda_plan`: it holds no state of its own beyond the last plan. Edits and
drops are not applied here; they are announced as signals so the panel can push an undo command,
and the tree redraws only when the store reports the write (never by Qt moving rows itself).
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from app.services.agenda import AgendaPlan, ItemPlan, StepPlan
from ui import mime

ITEM_ID = Qt.ItemDataRole.UserRole + 1  # agenda item id, on every cell of items and steps
STEP_KEY = Qt.ItemDataRole.UserRole + 2  # step key, on step cells only (None on items)
RUN_STEP_ID = Qt.ItemDataRole.UserRole + 3  # step row id, on step cells only

TITLE, STARTS, MINUTES = range(3)
HEADERS = ("Exercise / step", "Starts", "Minutes")

_ALIGN = Qt.ItemDataRole.TextAlignmentRole
Index = QModelIndex | QPersistentModelIndex
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled


def format_minutes(minutes: int) -> str:
    """45 min, 1 h 05 min, 3 h 00 min."""
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest:02d} min" if hours else f"{rest} min"


def format_start(offset: int, clock: dt.time | None) -> str:
    """The clock time when the workshop has a start time, else the offset from the start."""
    if clock is not None:
        return clock.strftime("%H:%M")
    hours, rest = divmod(offset, 60)
    return f"+{hours} h {rest:02d}" if hours else f"+{rest} min"


def _grouping(step_plan: StepPlan, item: ItemPlan) -> str:
    return item.exercise.step(step_plan.key).grouping.value.replace("_", " ").capitalize()


def _shape(plan: AgendaPlan | None) -> tuple[tuple[int, tuple[int, ...]], ...]:
    if plan is None:
        return ()
    return tuple((i.item_id, tuple(s.run_step_id for s in i.steps)) for i in plan.items)


class AgendaModel(QStandardItemModel):
    sig_minutes_edited = Signal(int, str, int, int)  # item id, step key, old minutes, new
    sig_exercise_dropped = Signal(str, int)  # exercise key, agenda position to insert at
    sig_item_dropped = Signal(int, int)  # item id, gap (0..len) it was dropped into

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setHorizontalHeaderLabels(list(HEADERS))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for column in (STARTS, MINUTES):
            self.setHeaderData(column, Qt.Orientation.Horizontal, right, _ALIGN)
        self.plan: AgendaPlan | None = None

    # --- filling from the plan ---

    def set_plan(self, plan: AgendaPlan | None) -> bool:
        """Show `plan`: in place when only times and minutes changed (True when rebuilt)."""
        same_shape = (
            self.plan is not None and plan is not None and _shape(plan) == _shape(self.plan)
        )
        self.plan = plan
        if same_shape:
            assert plan is not None
            for row, item in enumerate(plan.items):
                self._fill_item(row, item)
            return False
        self.removeRows(0, self.rowCount())
        for item in plan.items if plan is not None else ():
            cells = [QStandardItem() for _ in HEADERS]
            for _step in item.steps:
                cells[TITLE].appendRow([QStandardItem() for _ in HEADERS])
            self.appendRow(cells)
            self._fill_item(self.rowCount() - 1, item)
        return True

    def _fill_item(self, row: int, item: ItemPlan) -> None:
        cells = [self.item(row, column) for column in range(len(HEADERS))]
        bold = QFont()
        bold.setBold(True)
        tip = item.exercise.summary
        if item.partial:
            tip = f"Part of “{item.exercise.title}”. {tip}"
        texts = (item.title, format_start(item.start_offset, item.starts_at), str(item.minutes))
        for column, cell in enumerate(cells):
            self._set(cell, texts[column], item.item_id, None, None)
            cell.setFlags(_FLAGS)
            cell.setFont(bold)
            cell.setToolTip(tip if column == TITLE else "")
        cells[MINUTES].setToolTip("The sum of the steps' minutes")
        parent = cells[TITLE]
        for step_row, step_plan in enumerate(item.steps):
            self._fill_step(parent, step_row, item, step_plan)

    def _fill_step(self, parent: QStandardItem, row: int, item: ItemPlan, step: StepPlan) -> None:
        starts = format_start(step.start_offset, step.starts_at)
        texts = (step.title, starts, str(step.minutes))
        for column in range(len(HEADERS)):
            cell = parent.child(row, column)
            self._set(cell, texts[column], item.item_id, step.key, step.run_step_id)
            editable = Qt.ItemFlag.ItemIsEditable if column == MINUTES else Qt.ItemFlag.NoItemFlags
            cell.setFlags(_FLAGS | editable)
        parent.child(row, TITLE).setToolTip(_grouping(step, item))
        parent.child(row, MINUTES).setData(step.minutes, Qt.ItemDataRole.EditRole)
        parent.child(row, MINUTES).setToolTip("Planned minutes (F2 or type to change)")

    @staticmethod
    def _set(
        cell: QStandardItem, text: str, item_id: int, key: str | None, run_step_id: int | None
    ) -> None:
        if cell.text() != text:
            cell.setText(text)
        for role, value in ((ITEM_ID, item_id), (STEP_KEY, key), (RUN_STEP_ID, run_step_id)):
            if cell.data(role) != value:
                cell.setData(value, role)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if cell.column() != TITLE and cell.data(_ALIGN) != right:
            cell.setTextAlignment(right)

    # --- finding rows ---

    def item_index(self, item_id: int) -> QModelIndex:
        for row in range(self.rowCount()):
            if self.item(row).data(ITEM_ID) == item_id:
                return self.index(row, TITLE)
        return QModelIndex()

    def step_index(self, run_step_id: int) -> QModelIndex:
        for row in range(self.rowCount()):
            parent = self.item(row)
            for step_row in range(parent.rowCount()):
                if parent.child(step_row).data(RUN_STEP_ID) == run_step_id:
                    return parent.child(step_row).index()
        return QModelIndex()

    def item_row(self, index: Index) -> int:
        """The agenda position of the item `index` belongs to (-1 for none)."""
        if not index.isValid():
            return -1
        parent = index.parent()
        return parent.row() if parent.isValid() else index.row()

    def item_ids(self) -> list[int]:
        return [self.item(row).data(ITEM_ID) for row in range(self.rowCount())]

    # --- edits: announced, not applied ---

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802 (Qt's name)
        """The minutes delegate lands here; the panel turns it into an undo command."""
        if role != Qt.ItemDataRole.EditRole or index.column() != MINUTES:
            return False
        key = index.data(STEP_KEY)
        if key is None:
            return False
        old, new = int(index.data(Qt.ItemDataRole.EditRole)), int(value)
        if new != old:
            self.sig_minutes_edited.emit(int(index.data(ITEM_ID)), key, old, new)
        return True

    # --- drag and drop ---

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [mime.AGENDA_ITEM, mime.EXERCISE_KEY]

    # Qt's mimeData may return nullptr (no drag); the stubs say it always returns QMimeData.
    def mimeData(  # type: ignore[override]  # noqa: N802 (Qt's name)
        self, indexes: Sequence[QModelIndex]
    ) -> QMimeData | None:
        """An agenda item id (a step drags its item)."""
        if not indexes:
            return None
        data = QMimeData()
        item_id = indexes[0].data(ITEM_ID)
        data.setData(mime.AGENDA_ITEM, QByteArray(str(item_id).encode("ascii")))
        return data

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 (Qt's name)
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 (Qt's name)
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def dropped_item_id(self, data: QMimeData) -> int | None:
        """The id of one of this agenda's items carried by `data`, else None."""
        if not data.hasFormat(mime.AGENDA_ITEM):
            return None
        text = bytes(data.data(mime.AGENDA_ITEM).data()).decode("ascii", "replace")
        return int(text) if text.isdigit() and int(text) in self.item_ids() else None

    def canDropMimeData(  # noqa: N802 (Qt's name)
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if self.plan is None:
            return False
        return self.dropped_item_id(data) is not None or data.hasFormat(mime.EXERCISE_KEY)

    def drop_gap(self, row: int, parent: Index) -> int:
        """Where a drop at (`row`, `parent`) lands among the items: on or inside an item means
        after it; a top-level gap is itself; nowhere in particular means at the end."""
        if parent.isValid():
            return self.item_row(parent) + 1
        return row if 0 <= row <= self.rowCount() else self.rowCount()

    def dropMimeData(  # noqa: N802 (Qt's name)
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        gap = self.drop_gap(row, parent)
        item_id = self.dropped_item_id(data)
        if item_id is not None:
            self.sig_item_dropped.emit(item_id, gap)
            return True
        key = bytes(data.data(mime.EXERCISE_KEY).data()).decode("utf-8", "replace").strip()
        if not key:
            return False
        self.sig_exercise_dropped.emit(key, gap)
        return True
