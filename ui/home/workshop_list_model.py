"""The workshops on the home screen as table rows: title, date, group and status.

The model only presents rows the view loaded through `list_workshops`; it keeps each row's id
so the view can act on, and reselect, a workshop by id after any redraw. `WorkshopTable` is
the table that shows it: one row per workshop, sortable, read-only, keyboard friendly.
"""

import datetime as dt
from collections.abc import Callable, Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.db.models import Workshop

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the workshop id of a row
TOOLTIP_PURPOSE = 300  # characters of the purpose shown as the title's tooltip


class Column(IntEnum):
    TITLE = 0
    DATE = 1
    GROUP = 2
    STATUS = 3


HEADERS = {
    Column.TITLE: "Title",
    Column.DATE: "Date",
    Column.GROUP: "Group",
    Column.STATUS: "Status",
}
NO_DATE = "No date"


def date_text(date: dt.date | None) -> str:
    """Day, month name and year in the user's language ("14 Mar 2026"): never ambiguous
    between day-first and month-first readers, as 03/04 would be."""
    if date is None:
        return NO_DATE
    return QLocale().toString(QDate(date.year, date.month, date.day), "d MMM yyyy")


def status_text(workshop: Workshop) -> str:
    """Planned, running or done; then where it is kept when that is not the active list."""
    parts = [str(workshop.status).capitalize()]
    if workshop.archived_at is not None:
        parts.append("archived")
    if workshop.trashed_at is not None:
        parts.append("in trash")
    return " · ".join(parts)


def _by_date(workshop: Workshop) -> tuple[int, int]:
    """Undated workshops sort as newer than any date: they are usually still being planned."""
    if workshop.date is None:
        return (1, 0)
    return (0, workshop.date.toordinal())


_SORT_KEYS: dict[Column, Callable[[Workshop], object]] = {
    Column.TITLE: lambda w: w.title.casefold(),
    Column.DATE: _by_date,
    Column.GROUP: lambda w: w.organisation.casefold(),
    Column.STATUS: status_text,
}


class WorkshopListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Workshop] = []
        self._sort = (Column.DATE, Qt.SortOrder.DescendingOrder)

    # --- what the view asks -------------------------------------------------------------------

    def set_workshops(self, workshops: Sequence[Workshop]) -> None:
        self.beginResetModel()
        self._rows = self._sorted(workshops)
        self.endResetModel()

    def workshop_at(self, row: int) -> Workshop | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, workshop_id: int) -> int | None:
        for row, workshop in enumerate(self._rows):
            if workshop.id == workshop_id:
                return row
        return None

    @property
    def workshops(self) -> tuple[Workshop, ...]:
        return tuple(self._rows)

    # --- Qt model -----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        workshop = self.workshop_at(index.row()) if index.isValid() else None
        if workshop is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(workshop, column)
        if role == ID_ROLE:
            return workshop.id
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.TITLE and workshop.purpose:
            purpose = workshop.purpose
            if len(purpose) > TOOLTIP_PURPOSE:
                purpose = purpose[: TOOLTIP_PURPOSE - 1].rstrip() + "…"
            return f"{workshop.title}\n\n{purpose}"
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.DATE and not workshop.date:
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (Column(column), order)
        self.layoutAboutToBeChanged.emit()
        previous = self.persistentIndexList()
        ids = [self._rows[index.row()].id for index in previous]
        self._rows = self._sorted(self._rows)
        rows = {workshop.id: row for row, workshop in enumerate(self._rows)}
        self.changePersistentIndexList(
            previous,
            [self.index(rows[i], index.column()) for i, index in zip(ids, previous, strict=True)],
        )
        self.layoutChanged.emit()

    # --- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _text(workshop: Workshop, column: Column) -> str:
        if column is Column.TITLE:
            return workshop.title
        if column is Column.DATE:
            return date_text(workshop.date)
        if column is Column.GROUP:
            return workshop.organisation
        return status_text(workshop)

    def _sorted(self, workshops: Sequence[Workshop]) -> list[Workshop]:
        """By the chosen column, ties by title (A to Z) whichever way the column runs."""
        column, order = self._sort
        by_title = sorted(workshops, key=lambda w: (w.title.casefold(), w.id or 0))
        descending = order is Qt.SortOrder.DescendingOrder
        return sorted(by_title, key=_SORT_KEYS[column], reverse=descending)  # type: ignore[arg-type]


class _Spaced(QStyledItemDelegate):
    """Cells sized to their text plus a gap, so "Riverside Health" never touches "Planned"."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width() + option.fontMetrics.averageCharWidth() * 3, size.height())


class WorkshopTable(QTableView):
    """Whole rows, one at a time; Tab leaves the table instead of walking its cells."""

    def __init__(self, model: WorkshopListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(_Spaced(self))
        self.setAccessibleName("Workshops")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        columns = self.horizontalHeader()
        columns.setHighlightSections(False)
        columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        columns.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        columns.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        columns.setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.setSortingEnabled(True)
