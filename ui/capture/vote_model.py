"""The vote tally as a table: each card or theme with its rank, its dots drawn and counted.

A presenter over `vote_results`: rows come in board order (as on the wall, the order to count
in) or ranked (most dots first, ties in board order). The budget sentence is worded here too,
so the panel and its tests read the same words.
"""

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette, QStandardItem, QStandardItemModel

from app.services.votes import VoteResults, VoteRow

TARGET_ID = Qt.ItemDataRole.UserRole + 1  # the card's or the theme's id, on every cell
DOT_COUNT = Qt.ItemDataRole.UserRole + 2
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
    return {row.target_id: counts.index(row.count) + 1 for row in rows if row.count}


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


class VoteModel(QStandardItemModel):
    def __init__(self, target_word: str, parent: Any = None) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(["#", target_word, "Dots", "", ""])
        alignment = Qt.ItemDataRole.TextAlignmentRole
        self.setHeaderData(RANK, Qt.Orientation.Horizontal, _RIGHT, alignment)
        self.rows: list[VoteRow] = []

    def set_rows(self, rows: Sequence[VoteRow], categories: dict[int, str]) -> bool:
        """Show `rows` in this order (True when the row count changed)."""
        resized = len(rows) != self.rowCount()
        if resized:
            self.setRowCount(0)
            for _row in rows:
                self.appendRow([QStandardItem() for _ in range(self.columnCount())])
        self.rows = list(rows)
        rank = ranks(rows)
        bold = QFont()
        bold.setBold(True)
        accent = QGuiApplication.palette().color(QPalette.ColorRole.Highlight)
        for row, vote in enumerate(rows):
            label = " ".join(vote.label.split())
            category = categories.get(vote.target_id, "")
            texts = (
                f"{rank[vote.target_id]}." if vote.target_id in rank else "",
                f"{category}: {label}" if category else label,
                dots_text(vote.count),
                str(vote.count),
                "",
            )
            for column, text in enumerate(texts):
                cell = self.item(row, column)
                cell.setText(text)
                cell.setData(vote.target_id, TARGET_ID)
                cell.setData(vote.count, DOT_COUNT)
                cell.setFlags(_FLAGS)
            self.item(row, LABEL).setToolTip(vote.label)
            self.item(row, DOTS).setForeground(accent)
            self.item(row, DOTS).setAccessibleText(plural(vote.count, "dot"))
            self.item(row, COUNT).setFont(bold)
            for column in (RANK, COUNT):
                self.item(row, column).setTextAlignment(_RIGHT)
        return resized

    def row_of(self, target_id: int) -> int:
        ids = [row.target_id for row in self.rows]
        return ids.index(target_id) if target_id in ids else -1

    def count_at(self, row: int) -> int:
        return self.rows[row].count if 0 <= row < len(self.rows) else 0
