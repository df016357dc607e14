"""The vote tally as a table: each card or theme with its rank, its dots drawn and counted.

A presenter over `vote_results`: rows come in board order (as on the wall, the order to count
in) or ranked (most dots first, ties in board order). Cells are worked out when drawn, so a dot
counted changes one row (its rank, its dots, its count) and the rank of the rows it overtakes,
never the whole table: the facilitator presses + dozens of times a minute. The budget sentence
is worded here too, so the panel and its tests read the same words.
"""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from app.services.votes import VoteResults, VoteRow

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
TARGET_ID = Role.UserRole + 1  # the card's or the theme's id, on every cell
DOT_COUNT = Role.UserRole + 2
RANK, LABEL, DOTS, COUNT, BUTTONS = range(5)
MAX_DRAWN = 30  # more dots than this are drawn as 30 and "…"; the number says the rest

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def dots_text(count: int) -> str:
    """●●● for three dots; a long row of them is cut short."""
    return "●" * min(count, MAX_DRAWN) + ("…" if count > MAX_DRAWN else "")


def ranks(rows: Sequence[VoteRow]) -> dict[int, int]:
    """Rank by dots (1 = most; ties share a rank); targets with no dot have none."""
    counts = sorted((row.count for row in rows if row.count), reverse=True)
    first: dict[int, int] = {}  # count -> the place of the first row with it
    for place, count in enumerate(counts, start=1):
        first.setdefault(count, place)
    return {row.target_id: first[row.count] for row in rows if row.count}


def budget_text(results: VoteResults, dots_per_person: int) -> tuple[str, str]:
    """The budget line, and a warning ("" when none) when more dots were given than handed out."""
    given = f"{plural(results.total, 'dot')} given"
    if results.budget is None:
        return f"{plural(dots_per_person, 'dot')} per person · {given}", ""
    people = results.budget // dots_per_person
    who = "1 person" if people == 1 else f"{people} people"
    each = plural(dots_per_person, "dot")
    line = f"Each person has {each} · {who} → {plural(results.budget, 'dot')} · {given}"
    remaining = results.remaining or 0
    if remaining > 0:
        return f"{line} · {remaining} left", ""
    if remaining < 0:
        over = plural(-remaining, "dot")
        return line, f"{over} more than the {results.budget} handed out: count again?"
    return line, ""


def buttons_text(label: str) -> str:
    """What a screen reader says for a row's minus and plus."""
    return f"Add a dot to {label} (+) · Take a dot from {label} (−)"  # noqa: RUF001


class VoteModel(QAbstractTableModel):
    def __init__(self, target_word: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = ("#", target_word, "Dots", "", "")
        self.rows: list[VoteRow] = []
        self._categories: dict[int, str] = {}  # card id -> its column's label (cards only)
        self._ranks: dict[int, int] = {}
        self._rows_by_id: dict[int, int] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # -- filling -------------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[VoteRow], categories: dict[int, str]) -> None:
        """Show `rows` in this order (the targets themselves changed, or the order asked for)."""
        self.beginResetModel()
        self.rows = list(rows)
        self._categories = dict(categories)
        self._ranks = ranks(self.rows)
        self._index_rows()
        self.endResetModel()

    def recount(self, results: Sequence[VoteRow], *, ranked: bool) -> bool:
        """New counts for the same targets: redraw the rows whose count (or rank) changed and,
        when `ranked`, move rows to the results' order. False when the targets differ."""
        found = {row.target_id: row for row in results}
        if found.keys() != self._rows_by_id.keys():
            return False
        changed = {n for n, row in enumerate(self.rows) if found[row.target_id] != row}
        for n in changed:
            self.rows[n] = found[self.rows[n].target_id]
        before, self._ranks = self._ranks, ranks(self.rows)
        for n, row in enumerate(self.rows):
            if n in changed:
                self.dataChanged.emit(self.index(n, RANK), self.index(n, BUTTONS))
            elif before.get(row.target_id) != self._ranks.get(row.target_id):
                self.dataChanged.emit(self.index(n, RANK), self.index(n, RANK))  # overtaken
        if ranked:
            self._reorder([row.target_id for row in results])
        return True

    def _reorder(self, order: list[int]) -> None:
        """Rows in `order` (target ids), keeping the selection and current row on their target."""
        if order == [row.target_id for row in self.rows]:
            return
        self.layoutAboutToBeChanged.emit()
        kept = self.persistentIndexList()
        targets = [self.rows[index.row()].target_id for index in kept]
        by_id = {row.target_id: row for row in self.rows}
        self.rows = [by_id[target] for target in order]
        self._index_rows()
        moved = [
            self.index(self._rows_by_id[target], index.column())
            for target, index in zip(targets, kept, strict=True)
        ]
        self.changePersistentIndexList(kept, moved)
        self.layoutChanged.emit()

    def _index_rows(self) -> None:
        self._rows_by_id = {row.target_id: n for n, row in enumerate(self.rows)}

    def row_of(self, target_id: int) -> int:
        return self._rows_by_id.get(target_id, -1)

    def count_at(self, row: int) -> int:
        return self.rows[row].count if 0 <= row < len(self.rows) else 0

    # -- what Qt asks ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 (Qt's name)
        return 0 if parent.isValid() else len(self._headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(  # noqa: N802 (Qt's name)
        self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Role.DisplayRole:
            return self._headers[section]
        if role == Role.TextAlignmentRole and section == RANK:
            return _RIGHT
        return None

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        vote, column = self.rows[index.row()], index.column()
        if role == Role.DisplayRole:
            return self._text(vote, column)
        if role == TARGET_ID:
            return vote.target_id
        if role == DOT_COUNT:
            return vote.count
        if role == Role.ToolTipRole and column == LABEL:
            return vote.label
        if role == Role.ForegroundRole and column == DOTS:
            return QGuiApplication.palette().color(QPalette.ColorRole.Highlight)
        if role == Role.AccessibleTextRole and column == DOTS:
            return plural(vote.count, "dot")
        if role == Role.AccessibleTextRole and column == BUTTONS:
            return buttons_text(" ".join(vote.label.split()))
        if role == Role.FontRole and column == COUNT:
            return self._bold
        if role == Role.TextAlignmentRole and column in (RANK, COUNT):
            return _RIGHT
        return None

    def _text(self, vote: VoteRow, column: int) -> str:
        if column == RANK:
            rank = self._ranks.get(vote.target_id)
            return f"{rank}." if rank is not None else ""
        if column == LABEL:
            label = " ".join(vote.label.split())
            category = self._categories.get(vote.target_id, "")
            return f"{category}: {label}" if category else label
        if column == DOTS:
            return dots_text(vote.count)
        if column == COUNT:
            return str(vote.count)
        return ""
