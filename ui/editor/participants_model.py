"""The participants of one workshop as a two-column table: Name, Vantage point.

The model only shows what the database holds; an edit in a cell is handed to `on_edit`, which
pushes an undo command, and the table redraws from the store's change signal like every view.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from app.db.database import Database
from app.services.participants import list_participants
from ui.row_table import RowTableModel

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
FIELDS = ("name", "vantage_point")
HEADERS = ("Name", "Vantage point")
NO_NAME = "(no name)"
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the participant's id, on every cell of its row


@dataclass(frozen=True)
class Row:
    id: int
    name: str
    vantage_point: str

    def value(self, field: str) -> str:
        return self.name if field == "name" else self.vantage_point

    @property
    def label(self) -> str:
        """How an undo step names this participant."""
        if self.name:
            return self.name
        return f"participant ({self.vantage_point})" if self.vantage_point else "participant"


EditHandler = Callable[[int, str, str], bool]  # participant id, field, new text -> saved?


class ParticipantsModel(RowTableModel[Row]):
    def __init__(self, on_edit: EditHandler, parent: QObject | None = None) -> None:
        super().__init__(HEADERS, parent)
        self._on_edit = on_edit

    def load(self, db: Database, workshop_id: int | None) -> None:
        """Read the list again; rows keep their place when only their text changed."""
        people = [] if workshop_id is None else list_participants(db, workshop_id)
        rows = [Row(p.id, p.name, p.vantage_point) for p in people if p.id is not None]
        self.replace_rows(rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = 0) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        text = row.value(FIELDS[index.column()])
        unnamed = index.column() == 0 and not text
        if role == Role.DisplayRole:
            return NO_NAME if unnamed else text
        if role == Role.EditRole:
            return text
        if role == Role.ToolTipRole and unnamed:
            return "No name given: names are optional (double-click or F2 to add one)"
        if role == Role.ForegroundRole and unnamed:
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Role.FontRole and unnamed:
            font = QFont()
            font.setItalic(True)
            return font
        if role == ID_ROLE:
            return row.id
        return None

    def setData(self, index: Index, value: object, role: int = Role.EditRole) -> bool:  # noqa: N802 (Qt's name)
        if not index.isValid() or role != Role.EditRole:
            return False
        row = self.rows[index.row()]
        field = FIELDS[index.column()]
        new = " ".join(str(value).split())
        if new == row.value(field):
            return False
        return self._on_edit(row.id, field, new)
