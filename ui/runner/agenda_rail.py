"""The agenda rail: every item and step of the run, which one is current, which are done, and
the plan against the time actually taken so far.

A presenter over `agenda_plan` and `run_progress`; it writes nothing. Choosing a step (Enter or a
double-click) is announced with `sig_step_chosen`, and the runner moves the run there.
"""

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QFont,
    QGuiApplication,
    QPalette,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.services.agenda import AgendaPlan
from ui.icons import icon
from ui.runner.run_progress import RunProgress, format_actual
from ui.theme import tint_text, warning_colour

RUN_STEP_ID = Qt.ItemDataRole.UserRole + 1  # on step rows; on item rows, the item's first step
IS_ITEM = Qt.ItemDataRole.UserRole + 2
STATE = Qt.ItemDataRole.UserRole + 3  # "current", "done" or "" (on step title cells)

TITLE, PLANNED, ACTUAL = range(3)
HEADERS = ("Agenda", "Plan", "Actual")
HEADER_TIPS = ("Items and their steps", "Planned minutes", "Minutes actually taken")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
Index = QModelIndex | QPersistentModelIndex


def _shape(plan: AgendaPlan | None) -> tuple[tuple[int, tuple[int, ...]], ...]:
    if plan is None:
        return ()
    return tuple((i.item_id, tuple(s.run_step_id for s in i.steps)) for i in plan.items)


class RailModel(QStandardItemModel):
    """Items (bold) with their steps: planned and actual minutes, a marker on the current step
    and a check on the done ones."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(0, len(HEADERS), parent)
        self.setHorizontalHeaderLabels(list(HEADERS))
        for column, tip in enumerate(HEADER_TIPS):
            self.setHeaderData(column, Qt.Orientation.Horizontal, tip, Qt.ItemDataRole.ToolTipRole)
            if column != TITLE:
                self.setHeaderData(
                    column, Qt.Orientation.Horizontal, _RIGHT, Qt.ItemDataRole.TextAlignmentRole
                )
        self.plan: AgendaPlan | None = None

    def set_plan(self, plan: AgendaPlan | None, progress: RunProgress | None) -> bool:
        """Show `plan` with `progress`: in place when the steps are the same (True if rebuilt)."""
        rebuilt = _shape(plan) != _shape(self.plan) or self.rowCount() == 0
        self.plan = plan
        if rebuilt:
            self.removeRows(0, self.rowCount())
            for item in plan.items if plan is not None else ():
                cells = [QStandardItem() for _ in HEADERS]
                for _step in item.steps:
                    cells[TITLE].appendRow([QStandardItem() for _ in HEADERS])
                self.appendRow(cells)
        self._fill(progress)
        return rebuilt

    def _fill(self, progress: RunProgress | None) -> None:
        if self.plan is None:
            return
        muted = QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))
        for row, item in enumerate(self.plan.items):
            parent = self.item(row, TITLE)
            first = item.steps[0].run_step_id if item.steps else None
            actuals = [progress.step(s.run_step_id) if progress else None for s in item.steps]
            taken = [a.actual_minutes for a in actuals if a and a.actual_minutes is not None]
            texts = (item.title, str(item.minutes), format_actual(sum(taken)) if taken else "")
            bold = QFont()
            bold.setBold(True)
            for column in range(len(HEADERS)):
                cell = self.item(row, column)
                self._set(cell, texts[column], first, is_item=True)
                cell.setFont(bold)
            parent.setToolTip(item.exercise.summary)
            for step_row, step in enumerate(item.steps):
                state = actuals[step_row]
                current = state is not None and state.current
                done = state is not None and state.done and not current
                actual = format_actual(state.actual_minutes if state else None)
                texts = (step.title, str(step.minutes), actual)
                font = QFont()
                font.setBold(current)
                for column in range(len(HEADERS)):
                    cell = parent.child(step_row, column)
                    self._set(cell, texts[column], step.run_step_id, is_item=False)
                    cell.setFont(font)
                    cell.setData(muted if done else None, Qt.ItemDataRole.ForegroundRole)
                title = parent.child(step_row, TITLE)
                mark = "current" if current else "done" if done else ""
                title.setData(mark, STATE)
                title.setIcon(icon("step_current") if current else icon("step_done"))
                if not mark:
                    title.setData(None, Qt.ItemDataRole.DecorationRole)
                note = {"current": "current step", "done": "done", "": "not yet run"}[mark]
                title.setToolTip(f"{step.title} ({note})")
                title.setData(f"{step.title}, {note}", Qt.ItemDataRole.AccessibleTextRole)

    @staticmethod
    def _set(cell: QStandardItem, text: str, run_step_id: int | None, *, is_item: bool) -> None:
        if cell.text() != text:
            cell.setText(text)
        cell.setData(run_step_id, RUN_STEP_ID)
        cell.setData(is_item, IS_ITEM)
        cell.setFlags(_FLAGS)
        if cell.column() != TITLE:
            cell.setTextAlignment(_RIGHT)

    def step_index(self, run_step_id: int) -> QModelIndex:
        for row in range(self.rowCount()):
            parent = self.item(row)
            for step_row in range(parent.rowCount()):
                if parent.child(step_row).data(RUN_STEP_ID) == run_step_id:
                    return parent.child(step_row).index()
        return QModelIndex()


class AgendaRail(QWidget):
    sig_step_chosen = Signal(int)  # run step id the facilitator asked to jump to

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.progress: RunProgress | None = None
        self.model = RailModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("agenda_rail")
        self.tree.setAccessibleName("Run agenda")
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setToolTip("Enter or double-click a step to go to it")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(PLANNED, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ACTUAL, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.activated.connect(self._on_activated)

        self.progress_icon = QLabel()
        self.progress_label = QLabel("On time")
        self.progress_label.setObjectName("run_progress")
        font = self.progress_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.progress_label.setFont(font)
        self.progress_label.setToolTip("Time actually taken against the plan, so far")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.progress_icon)
        top.addWidget(self.progress_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)

    def show_run(self, plan: AgendaPlan | None, progress: RunProgress | None) -> None:
        """Redraw, keeping the facilitator's place in the rail (by step id) and what is open."""
        current = self.tree.currentIndex()
        kept = current.data(RUN_STEP_ID) if current.isValid() else None
        self.progress = progress
        if self.model.set_plan(plan, progress):
            self.tree.expandAll()
            if kept is not None:
                self._select(self.model.step_index(kept))
        self._show_progress()

    def follow(self, run_step_id: int | None) -> None:
        """Put the rail's cursor on the run's current step (after the step changed)."""
        if run_step_id is not None:
            self._select(self.model.step_index(run_step_id))

    def _select(self, index: QModelIndex) -> None:
        if index.isValid():
            self.tree.setExpanded(index.parent(), True)
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _show_progress(self) -> None:
        delta = self.progress.rounded_delta if self.progress else 0
        self.progress_label.setText(self.progress.summary if self.progress else "On time")
        text = self.palette().color(QPalette.ColorRole.WindowText)
        tint_text(self.progress_label, warning_colour(self.palette()) if delta > 0 else text)
        size = self.progress_label.fontMetrics().height()
        self.progress_icon.setPixmap(icon("warning" if delta > 0 else "time").pixmap(size, size))

    def _on_activated(self, index: QModelIndex) -> None:
        run_step_id = index.data(RUN_STEP_ID)
        if run_step_id is not None:
            self.sig_step_chosen.emit(int(run_step_id))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_plan(self.model.plan, self.progress)  # icons and muted rows
            self._show_progress()
