"""The workshop's actions as a table: What, Who, By when, Status.

Actions belong to the workshop (the handout lists them together), so every actions step shows
the whole list, in its order. The model only shows what the database holds; an edit in a cell
or a click on the status box is handed to `on_edit`, which pushes an undo command.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from app.db.database import Database
from app.db.models import ActionStatus
from app.services.actions import list_actions
from ui.capture.due_dates import format_due
from ui.icons import icon
from ui.row_table import RowTableModel
from ui.theme import warning_colour

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
WHAT, WHO, DUE, STATUS = range(4)
FIELDS = ("what", "owner", "due", "status")
HEADERS = ("What", "Who", "By when", "Status")
ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class ActionRow:
    id: int
    what: str
    owner: str
    due: dt.date | None
    done: bool

    def value(self, field: str) -> str | dt.date | None:
        return {"what": self.what, "owner": self.owner, "due": self.due}[field]


EditHandler = Callable[[int, str, object], bool]  # action id, field, new value -> saved?


def today_of(db: Database) -> dt.date:
    """Today by the database's clock (a fake one in tests)."""
    return dt.datetime.fromtimestamp(db.clock()).date()


class ActionsModel(RowTableModel[ActionRow]):
    def __init__(self, on_edit: EditHandler | None = None, parent: QObject | None = None) -> None:
        """Without `on_edit` the table is read-only (the projector's)."""
        super().__init__(HEADERS, parent)
        self._on_edit = on_edit
        self.today = dt.date.today()

    def load(self, db: Database, workshop_id: int) -> None:
        """Read the list again; rows keep their place when only their fields changed."""
        self.today = today_of(db)
        rows = [
            ActionRow(a.id, a.what, a.owner, a.due, a.status is ActionStatus.DONE)
            for a in list_actions(db, workshop_id)
            if a.id is not None
        ]
        self.replace_rows(rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = super().flags(index)
        if self._on_edit is None:
            return flags
        if index.column() == STATUS:
            return flags  # Space, a double-click or the tool button toggles it
        return flags | Qt.ItemFlag.ItemIsEditable

    def overdue(self, row: ActionRow) -> bool:
        return not row.done and row.due is not None and row.due < self.today

    def data(self, index: Index, role: int = 0) -> object:
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Role.DisplayRole:
            return self._text(row, column)
        if role == Role.EditRole:
            if column == DUE:
                return row.due.isoformat() if row.due else ""
            return self._text(row, column)
        if role == Role.DecorationRole and column == STATUS:
            return icon("action_done" if row.done else "action_open")
        if role == Role.ToolTipRole:
            return self._tip(row, column)
        if role == Role.ForegroundRole:
            if column == DUE and self.overdue(row):
                return warning_colour(QGuiApplication.palette())
            if row.done or (column == WHO and not row.owner):
                return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Role.FontRole and row.done and column == WHAT:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == ID_ROLE:
            return row.id
        return None

    @staticmethod
    def _text(row: ActionRow, column: int) -> str:
        if column == WHAT:
            return " ".join(row.what.split())
        if column == WHO:
            return row.owner
        if column == DUE:
            return format_due(row.due)
        return "Done" if row.done else "Open"

    def _tip(self, row: ActionRow, column: int) -> str | None:
        if column == WHAT:
            return row.what
        if column == DUE and self.overdue(row):
            return "Past its date and still open"
        if column == STATUS:
            return "Space or a double-click marks it done, or open again"
        return None

    def setData(self, index: Index, value: object, role: int = Role.EditRole) -> bool:  # noqa: N802 (Qt's name)
        if not index.isValid() or self._on_edit is None:
            return False
        if role != Role.EditRole or index.column() == STATUS:
            return False
        row = self.rows[index.row()]
        return self._on_edit(row.id, FIELDS[index.column()], str(value))
