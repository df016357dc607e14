"""A table model over rows that each carry a database id, kept in place when it can be.

Participants and actions show the same shape of list: reloading keeps the rows where they are
(an open editor stays open) when only their fields changed, and resets only when rows came,
went or moved.
"""

from collections.abc import Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

Index = QModelIndex | QPersistentModelIndex


class HasId(Protocol):
    @property
    def id(self) -> int | None: ...


R = TypeVar("R", bound=HasId)


class RowTableModel(QAbstractTableModel, Generic[R]):
    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.headers = tuple(headers)
        self.rows: list[R] = []

    def replace_rows(self, rows: list[R]) -> None:
        if [r.id for r in rows] == [r.id for r in self.rows]:
            self.rows = rows  # same rows, same order: redraw in place
            if rows:
                last = self.index(len(rows) - 1, len(self.headers) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, row_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if row.id == row_id:
                return number
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.headers)

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = 0
    ) -> object:
        if orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


def reopen_refused(
    table: QAbstractItemView, model: RowTableModel[R], row_id: int, column: int, text: str
) -> None:
    """Open the cell's editor again with the text the service refused, so nothing typed is lost."""
    row = model.row_of(row_id)
    if row is None:
        return
    index = model.index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)
    if isinstance(editor, QLineEdit):
        editor.setText(text)
