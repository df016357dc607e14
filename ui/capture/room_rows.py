"""Rows for the projector (a ranking, a list of actions): cells side by side, sized to fit.

Short cells (a rank, a count, a name, a date) are as wide as their widest text, up to a share
of the row; one column takes what is left and wraps. `fit_rows` finds the largest type at which
every row fits, splitting the list into two side-by-side halves when the rows are many but
short; below the readable size it keeps the first rows and says how many more there are.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont

from ui.capture.results_sheet import TOP_LEFT, Align, Panel, Sheet
from ui.capture.room_type import Face, Measure, Role, Style, largest, most

BODY = Style()
NOTE = Style(role=Role.PlaceholderText)
RIGHT = Align.AlignRight | Align.AlignTop


@dataclass(frozen=True)
class Cell:
    text: str
    style: Style = BODY
    right: bool = False  # numbers line up on the right
    # A row of one glyph (dots), one line: (this row's share of the longest row, the longest's
    # length). When the longest does not fit, every row is drawn shorter in proportion.
    bar: tuple[float, int] | None = None


Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Column:
    stretch: bool = False  # takes the width the others leave, and wraps
    share: float = 0.25  # the most of the row a fitted column takes (longer text wraps)


@dataclass(frozen=True)
class RowsPlan:
    widths: list[float]  # of each cell
    half: float  # the width of one side (all of it, unless the list is split in two)
    groups: list[list[tuple[Row, float]]]  # each side's rows, with their heights
    header: float  # the header row's height (0 without one)


class Rows:
    """Rows at one body size: how tall they are and how they fit a rectangle."""

    def __init__(
        self, measure: Measure, base: QFont, points: float, columns: Sequence[Column]
    ) -> None:
        self.measure = measure
        self.base = base
        self.points = points
        self.columns = columns
        body = self.face(BODY)
        self.line = body.line
        self.gap = body.line * 0.8  # between cells
        self.pad = body.line * 0.2  # above and below a row's text
        self.split_gap = body.line * 2.0  # between the two halves of a split list
        self.inset = body.line * 0.4  # from a band's edges to the text
        self.narrowest = body.char * 18  # the wrapping column, at the least

    def face(self, style: Style) -> Face:
        return self.measure.face(self.base, self.points, style)

    def widths(self, rows: Sequence[Row], width: float) -> list[float] | None:
        """Each cell's width in a row `width` wide; None when the wrapping cell gets too little."""
        widths = [0.0] * len(self.columns)
        for row in rows:
            for number, cell in enumerate(row):
                if not self.columns[number].stretch and cell.text:
                    needed = self.measure.width(self.face(cell.style), cell.text)
                    widths[number] = max(widths[number], needed)
        for number, column in enumerate(self.columns):
            widths[number] = min(widths[number], width * column.share)
        stretch = [n for n, column in enumerate(self.columns) if column.stretch]
        left = width - sum(widths) - self.gap * (len(widths) - 1)
        if left < self.narrowest:
            return None
        for number in stretch:
            widths[number] = left / len(stretch)
        return widths

    def height(self, row: Row, widths: Sequence[float]) -> float:
        tallest = max(
            (self._cell_height(cell, width) for cell, width in zip(row, widths, strict=True)),
            default=self.line,
        )
        return max(tallest, self.line) + 2 * self.pad

    def _cell_height(self, cell: Cell, width: float) -> float:
        face = self.face(cell.style)
        return face.line if cell.bar else self.measure.height(face, width, cell.text)

    def arrange(
        self, rows: Sequence[Row], header: Row | None, width: float, height: float
    ) -> RowsPlan | None:
        if len(rows) > 2 * max(0, math.floor(height / (self.line + 2 * self.pad))):
            return None  # more rows than lines, even split in two
        for sides in (1, 2) if len(rows) > 1 else (1,):
            half = (width - self.split_gap * (sides - 1)) / sides
            widths = self.widths([*rows, header] if header else rows, half - 2 * self.inset)
            if widths is None:
                continue
            top = self.height(header, widths) if header else 0.0
            per = math.ceil(len(rows) / sides)
            groups: list[list[tuple[Row, float]]] = []
            for side in range(sides):
                group, used = [], top
                for row in rows[side * per : (side + 1) * per]:
                    tall = self.height(row, widths)
                    used += tall
                    if used > height:
                        break
                    group.append((row, tall))
                else:
                    groups.append(group)
                    continue
                break
            if len(groups) == sides:
                return RowsPlan(widths, half, groups, top)
        return None

    def place(
        self, sheet: Sheet, plan: RowsPlan, header: Row | None, *, bands: bool = False
    ) -> float:
        """The rows where `arrange` put them (every other one on a band); returns the bottom."""
        bottom = 0.0
        for side, group in enumerate(plan.groups):
            left = side * (plan.half + self.split_gap)
            y = 0.0
            if header:
                self._place_row(sheet, header, plan.widths, left=left + self.inset, top=y)
                y += plan.header
            for number, (row, tall) in enumerate(group):
                if bands and number % 2 == 0:
                    sheet.panels.append(Panel(QRectF(left, y, plan.half, tall), band=True))
                self._place_row(sheet, row, plan.widths, left=left + self.inset, top=y)
                y += tall
            bottom = max(bottom, y)
        return bottom

    def _place_row(
        self, sheet: Sheet, row: Row, widths: Sequence[float], *, left: float, top: float
    ) -> None:
        x = left
        for cell, width in zip(row, widths, strict=True):
            face = self.face(cell.style)
            text = cell.text
            if cell.bar and cell.text:
                share, longest = cell.bar
                fits = int(width // face.metrics.horizontalAdvance(text[0]))
                if longest > fits:
                    text = text[0] * max(1, round(share * fits))
            height, flags = self.measure.wrapped(face, width, text)
            if text:
                box = QRectF(x, top + self.pad, width, height)
                align = RIGHT if cell.right else TOP_LEFT
                role = cell.style.role
                warning = cell.style.warning
                sheet.add(text, face, box, role=role, flags=flags, align=align, warning=warning)
            x += width + self.gap


def fit_rows(
    measure: Measure,
    base: QFont,
    *,
    sizes: tuple[float, float],
    columns: Sequence[Column],
    rows: Sequence[Row],
    header: Row | None,
    footer: Callable[[int], list[str]],
    size: tuple[float, float],
) -> tuple[Rows, RowsPlan, list[str]]:
    """The largest type at which all rows (and the footer lines `footer(hidden)`) fit; at the
    smallest, as many rows as fit, the footer counting the rest."""
    width, height = size

    def plan(points: float, shown: int) -> tuple[Rows, RowsPlan, list[str]] | None:
        table = Rows(measure, base, points, columns)
        lines = footer(len(rows) - shown)
        note = table.face(NOTE)
        wrap = width - 2 * table.inset
        room = height - sum(measure.height(note, wrap, line) + table.pad for line in lines)
        arranged = table.arrange(rows[:shown], header, width, room)
        return None if arranged is None else (table, arranged, lines)

    low, high = sizes
    points = largest(lambda p: plan(p, len(rows)) is not None, low, high)
    shown = len(rows)
    if points is None:
        shown = most(lambda n: plan(low, n) is not None, len(rows))
        points = low
    found = plan(points, shown)
    if found is None:  # not even the footer fits this window: keep to what it says
        found = plan(points, 0) or (Rows(measure, base, points, columns), _nothing(), [])
    return found


def _nothing() -> RowsPlan:
    return RowsPlan([], 0.0, [], 0.0)


def place_footer(sheet: Sheet, table: Rows, lines: Sequence[str], top: float, width: float) -> None:
    face = table.face(NOTE)
    y = top + table.pad
    width -= 2 * table.inset
    for line in lines:
        height, flags = table.measure.wrapped(face, width, line)
        box = QRectF(table.inset, y, width, height)
        sheet.add(line, face, box, role=NOTE.role, flags=flags)
        y += height + table.pad
