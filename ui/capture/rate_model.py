"""The rating grid: one row per participant in the room (or one for the whole group), one column
per scale of the step, each cell the value that rater gave on that scale.

The model shows what the database holds; a value typed in a cell editor is handed to `on_set`,
which pushes an undo command, and the grid redraws from the store's change signal.
"""

import textwrap
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication, QPalette

from app.db.database import Database
from app.services.participants import list_participants
from app.services.ratings import RaterScale, ScaleSummary, interpretations, list_ratings
from exercises.model import RateCapture, Scale
from ui.capture.context import StepContext
from ui.capture.rating_chart import short_label

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
GROUP = "Group"
HEADER_CHARS = 14  # wrap long scale names in the column header


@dataclass(frozen=True)
class Rater:
    participant_id: int | None  # None: the whole group
    label: str


def rater_label(name: str, vantage_point: str, number: int) -> str:
    """How a row is named: the name, else the vantage point, else "Participant 3"."""
    return name or vantage_point or f"Participant {number}"


def range_text(scale: Scale) -> str:
    return f"{scale.low} to {scale.high}"


def out_of_range(scale: Scale, value: float) -> str | None:
    """The refusal to show for a value the scale does not take, else None."""
    if scale.low <= value <= scale.high:
        return None
    return f"{short_label(scale.label)} takes a value from {range_text(scale)}."


def parse_value(text: str) -> float | None:
    """A number typed in a cell ("3", "-20", "3.5", "3,5"); None when it is not one."""
    try:
        return float(text.strip().replace(",", "."))
    except ValueError:
        return None


def cell_text(value: float | None) -> str:
    """A stored value as the grid shows it: 4, -20, 3.5 (exact, unlike the chart's rounding)."""
    return "" if value is None else f"{value:g}"


def scale_tip(scale: Scale) -> str:
    low = f"{scale.low} ({scale.low_label})" if scale.low_label else str(scale.low)
    high = f"{scale.high} ({scale.high_label})" if scale.high_label else str(scale.high)
    return f"{scale.label}\n{low} to {high}"


EditHandler = Callable[[int, int, str], bool]  # row, column, text typed in the cell editor


class RateModel(QAbstractTableModel):
    def __init__(self, capture: RateCapture, on_edit: EditHandler, parent: QObject | None = None):
        super().__init__(parent)
        self.capture = capture
        self.scales: Sequence[Scale] = capture.scales
        self._on_edit = on_edit
        self.raters: list[Rater] = []
        self.values: dict[RaterScale, float] = {}

    def load(self, db: Database, context: StepContext) -> None:
        """Read again; the grid keeps its place when the same raters are still there."""
        self.values = list_ratings(db, context.agenda_item_id, context.step_key)
        people = list_participants(db, context.workshop_id) if self.capture.per_participant else []
        raters = [
            Rater(p.id, rater_label(p.name, p.vantage_point, number))
            for number, p in enumerate(people, start=1)
            if p.id is not None
        ]
        group_rated = any(participant is None for participant, _ in self.values)
        if not raters or group_rated:
            raters.append(Rater(None, GROUP))
        if raters == self.raters:
            if raters:
                last = self.index(len(raters) - 1, len(self.scales) - 1)
                self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self.raters = raters
        self.endResetModel()

    def row_of(self, participant_id: int | None) -> int | None:
        for number, rater in enumerate(self.raters):
            if rater.participant_id == participant_id:
                return number
        return None

    def value(self, row: int, column: int) -> float | None:
        rater, scale = self.raters[row], self.scales[column]
        return self.values.get((rater.participant_id, scale.key))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.raters)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.scales)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:  # noqa: N802 (Qt's name)
        if orientation is Qt.Orientation.Vertical:
            if role == Role.DisplayRole and section < len(self.raters):
                return self.raters[section].label
            return None
        scale = self.scales[section]
        if role == Role.DisplayRole:
            name = "\n".join(textwrap.wrap(short_label(scale.label), HEADER_CHARS))
            return f"{name}\n{scale.low} \N{EN DASH} {scale.high}"
        if role == Role.ToolTipRole:
            return scale_tip(scale)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = 0) -> object:
        if not index.isValid():
            return None
        value = self.value(index.row(), index.column())
        scale = self.scales[index.column()]
        if role in (Role.DisplayRole, Role.EditRole):
            return cell_text(value)
        if role == Role.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Role.ToolTipRole:
            rater = self.raters[index.row()].label
            given = "not rated yet" if value is None else cell_text(value)
            return f"{rater}, {short_label(scale.label)}: {given}\n{scale_tip(scale)}"
        if role == Role.AccessibleTextRole:
            return "not rated" if value is None else cell_text(value)
        if role == Role.ForegroundRole and value is None:
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        return None

    def setData(self, index: Index, value: object, role: int = Role.EditRole) -> bool:  # noqa: N802 (Qt's name)
        """Text from the cell editor (F2): the panel checks it and saves it."""
        if not index.isValid() or role != Role.EditRole:
            return False
        return self._on_edit(index.row(), index.column(), str(value).strip())


def could_become(text: str, scale: Scale) -> bool:
    """Whether typing more could make `text` a value the scale takes: "-" on -10..10, "1" on
    10..20, "3." on 1..5. Such text is held, not saved, until the next key."""
    if any(str(number).startswith(text) for number in range(scale.low, scale.high + 1)):
        return True
    head = parse_value(text[:-1]) if text.endswith((".", ",")) else None
    return head is not None and scale.low <= head < scale.high


def reading(capture: RateCapture, summaries: Sequence[ScaleSummary]) -> str | None:
    """What the exercise says the averages may mean, one paragraph per reading that applies;
    a plain note when none applies yet; None when the exercise offers no readings at all."""
    if not capture.interpretations:
        return None
    texts = interpretations(capture, list(summaries))
    if texts:
        return "\n\n".join(" ".join(text.split()) for text in texts)
    used = {c.scale for i in capture.interpretations for c in i.when}
    missing = [short_label(s.label) for s in summaries if s.key in used and s.count == 0]
    if missing:
        return f"No reading yet: rate at least once on {_and_list(missing)}."
    return "None of this exercise's readings fits these averages; look at the spread instead."


def _and_list(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
