"""The participants of one workshop as a two-column table: Name, Vantage point.

The model only shows what the database holds; an edit in a cell is handed to `on_edit`, which
pushes an undo command, and the table redraws from the store's change signal like every view.
"""

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from app.db.database import Database
from app.services.participants import list_participants

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


class ParticipantsModel(QAbstractTableModel):
    def __init__(self, on_edit: EditHandler, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_edit = on_edit
        self.rows: list[Row] = []

    def load(self, db: Database, workshop_id: int | None) -> None:
        """Read the list again; rows keep their place when only their text changed."""
        people = [] if workshop_id is None else list_participants(db, workshop_id)
        rows = [Row(p.id, p.name, p.vantage_point) for p in people if p.id is not None]
        if [r.id for r in rows] == [r.id for r in self.rows]:
            self.rows = rows  # same people, same order: redraw in place (an editor may be open)
            if rows:
                last = self.index(len(rows) - 1, len(FIELDS) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def row_of(self, participant_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if row.id == participant_id:
                return number
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:  # noqa: N802 (Qt's name)
        if orientation is Qt.Orientation.Horizontal and role == Role.DisplayRole:
            return HEADERS[section]
        return None

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
