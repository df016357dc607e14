"""The Table every PDF uses, with ReportLab's row measuring made linear.

A 2,000-card board is a 1,000-row table. ReportLab measures every row of a table each time the
table is wrapped or split (its long table optimisation stops early only when cells span rows),
and a table is wrapped several times before its first split: by KeepTogether (a heading kept
with it), by the frame, by the split itself. Its measuring loop is also quadratic in the rows
(each row looks for the first unmeasured one from the top and sums the heights above it). So
PageTable measures its rows once, a slice at a time, and hands the heights back to ReportLab as
given row heights, as ReportLab itself does for the two parts of a split table. The layout is
unchanged: the heights are ReportLab's own, and they depend only on the column widths, which
every Chorus table fixes.
"""

from typing import Any

from reportlab.platypus import Table

SLICE = 64  # rows measured per call of ReportLab's loop: its quadratic term stays small


class PageTable(Table):  # type: ignore[misc]
    """Table(data, colWidths=..., ...). With spans, minimum row heights or widths that are not
    fixed, ReportLab measures as it always does."""

    _argW: Any  # noqa: N815 (ReportLab's names, annotated for mypy)
    _cellvalues: Any
    _cellStyles: Any  # noqa: N815
    _argH: Any  # noqa: N815
    _rowHeights: Any  # noqa: N815

    def _calc_height(
        self,
        availHeight: float,  # noqa: N803 (ReportLab's names)
        availWidth: float,  # noqa: N803
        H: Any = None,  # noqa: N803
        W: Any = None,  # noqa: N803
    ) -> None:
        fixed = all(isinstance(width, int | float) for width in self._argW)
        if None in self._argH and fixed and not self._spanCmds and not self._minRowHeights:
            self._argH = self._rowHeights = self._measured(availWidth, W)
        super()._calc_height(availHeight, availWidth, H, W)

    def _measured(self, avail_width: float, widths: Any) -> list[float]:
        """Every row's height, from ReportLab's own loop run on SLICE rows at a time."""
        values, styles, given = self._cellvalues, self._cellStyles, self._argH
        heights: list[float] = []
        try:
            for start in range(0, len(given), SLICE):
                end = start + SLICE
                self._cellvalues, self._cellStyles = values[start:end], styles[start:end]
                self._argH = given[start:end]
                super()._calc_height(float("inf"), avail_width, W=widths)
                heights += self._rowHeights
        finally:
            self._cellvalues, self._cellStyles, self._argH = values, styles, given
        return heights
