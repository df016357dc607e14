"""A table of thousands of rows, handed to ReportLab a page at a time.

When ReportLab splits a table at the foot of a page it builds the rest as a new Table of every
remaining row, restyles it and lays it out again, so each page costs time in proportion to the
rows still to come, and a long table costs in proportion to the square of its length. LongTable
measures the rows once and gives ReportLab, for each page, a window of them a page deep.

The pages come out as ReportLab's own split would make them. A window holds the header rows and
a run of body rows, with the row heights, cell styles, lines and backgrounds of the whole table
(each line and background cut to the window). The window's split is ReportLab's, and the split
also decides what the next page starts with (a hairline above its first row, the rest of a row
cut across the page): so the next page's window starts one row earlier, or with the row that was
cut, and is split again where the page was, and its second part is what the page lays out.
"""

import copy
import itertools
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, TableStyle

from exports.pdf.page_table import PageTable

LONG = 60  # rows: a table with more body rows than this is laid out a window at a time
DRAWN = {"BACKGROUND", "GRID", "BOX", "OUTLINE", "INNERGRID"} | {
    f"LINE{side}" for side in ("ABOVE", "BELOW", "BEFORE", "AFTER")
}
TALLEST = 2000.0  # points: more than any frame offers (KeepTogether asks with no limit)

Command = tuple[Any, ...]


@dataclass(frozen=True)
class _Part:
    """Where a part of the table starts, as the splits that made it: a window from row `first`
    (after the header rows), split after that row if `rows`, then its first row cut at each of
    `cuts`, the heights the pages offered. The part's first body row is row `first + rows`."""

    first: int
    rows: bool = False
    cuts: tuple[float, ...] = ()


class LongTable(Flowable):  # type: ignore[misc]
    """LongTable(whole, commands): `whole` styled with `commands` (all of them: VALIGN, padding,
    lines, BACKGROUND; no SPAN, NOSPLIT, ROWBACKGROUNDS or split-row names), rows free to split.
    """

    def __init__(self, whole: PageTable, commands: list[Command]) -> None:
        super().__init__()
        self._whole = whole
        self._head = whole.repeatRows
        count = len(whole._cellvalues)
        self._drawn = [_absolute(command, count) for command in commands if command[0] in DRAWN]
        self._heights: list[float] = []
        self._tops: list[float] = []  # running total of the heights
        self._part = _Part(self._head)
        self._table: Any = None  # the part, a window deep, and where the window ends
        self._end = 0

    def _continued(self, part: _Part) -> "LongTable":
        rest = LongTable(self._whole, [])
        rest._drawn, rest._heights, rest._tops = self._drawn, self._heights, self._tops
        rest._part = part
        if hasattr(self, "spaceAfter"):
            rest.spaceAfter = self.spaceAfter
        return rest

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        table = self._window(availWidth, min(availHeight, TALLEST))
        size: tuple[float, float] = table.wrapOn(self._canvas(), availWidth, availHeight)
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        table = self._window(availWidth, availHeight)
        parts: list[Any] = table.splitOn(self._canvas(), availWidth, availHeight)
        if len(parts) != 2 or self._end >= len(self._heights):
            return parts  # nothing fits, or the window holds the rest of the table
        top, rest = parts
        part, body = self._part, len(top._cellvalues) - self._head
        if body + len(rest._cellvalues) == len(table._cellvalues):  # between two rows
            return [top, self._continued(_Part(part.first + part.rows + body - 1, rows=True))]
        # ReportLab cuts a row only when it is the first: the next page has the rest of it
        return [top, self._continued(replace(part, cuts=(*part.cuts, availHeight)))]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        self._table.drawOn(canvas, x, y, _sW)

    def _canvas(self) -> Canvas | None:
        return getattr(self, "canv", None)

    def _window(self, avail_width: float, avail_height: float) -> Any:
        """This part as ReportLab would have left it, `avail_height` deep or to the end."""
        if not self._heights:
            self._measure(avail_width)
        part, count = self._part, len(self._heights)
        need = self._tops[min(part.first + part.rows + 1, count)] + avail_height
        end = min(bisect_right(self._tops, need) + 1, count)
        if self._table is not None and end <= self._end:
            return self._table
        table = self._slice(part.first, end)
        canvas = self._canvas()
        if part.rows:  # split after the first body row, where the previous page ended
            table = table.splitOn(canvas, avail_width, sum(table._rowHeights[: self._head + 1]))[1]
        for height in part.cuts:  # then cut the next row where each page cut it
            table = table.splitOn(canvas, avail_width, height)[1]
        self._table, self._end = table, end
        return table

    def _measure(self, avail_width: float) -> None:
        whole = self._whole
        whole.wrapOn(self._canvas(), avail_width, TALLEST)
        self._heights = list(whole._rowHeights)
        self._tops = [0.0, *itertools.accumulate(self._heights)]

    def _slice(self, first: int, end: int) -> PageTable:
        """The header rows and rows first..end-1, styled as in the whole table."""
        whole, head = self._whole, self._head
        rows = [*range(head), *range(first, end)]
        styles = [whole._cellStyles[row] for row in rows]
        for index in range(head, min(head + 2, len(rows))):  # the rows a split may cut: it
            styles[index] = [copy.copy(style) for style in styles[index]]  # restyles in place
        part = PageTable(
            [whole._cellvalues[row] for row in rows],
            colWidths=whole._colWidths,
            rowHeights=[self._heights[row] for row in rows],
            repeatRows=head,
            splitByRow=1,
            splitInRow=1,
            normalizedData=1,
            cellStyles=styles,
            hAlign=whole.hAlign,
            spaceBefore=getattr(self, "spaceBefore", None) if first <= head else 0,
            spaceAfter=getattr(self, "spaceAfter", None),
        )
        part.setStyle(TableStyle(_cut(self._drawn, head, first, end)))
        return part


def _absolute(command: Command, count: int) -> Command:
    """`command` with rows counted from the top of a table of `count` rows."""
    name, (col0, row0), (col1, row1), *rest = command
    if not (isinstance(row0, int) and isinstance(row1, int)):
        raise ValueError(f"LongTable does not take {command!r}")
    return (name, (col0, row0 % count), (col1, row1 % count), *rest)


def _cut(commands: list[Command], head: int, first: int, end: int) -> list[Command]:
    """`commands` (absolute rows) for a window of rows 0..head-1 and first..end-1."""

    def place(row: int) -> int:
        return row if row < head else row - first + head

    out = []
    for name, (col0, row0), (col1, row1), *rest in commands:
        low = row0 if row0 < head else max(row0, first)
        high = min(row1, end - 1)
        if high < first:  # nothing of it among the body rows of the window
            high = min(row1, head - 1)
        if low <= high:
            out.append((name, (col0, place(low)), (col1, place(high)), *rest))
    return out
