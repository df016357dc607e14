"""Where the room stands on each scale, drawn so it reads at a glance from the back of the room.

Per scale, a track from low to high: every rating as a dot (equal ratings stacked, so a split
room shows as two piles), the range of the ratings (lowest to highest) as a pale band, one
standard deviation either side of the mean as a deeper band, and the mean as a marked line.
Painted from palette roles and the widget's font, so it follows light and dark and a projector
view only has to set a larger font.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.services.ratings import ScaleSummary
from exercises.model import Scale

Role = QPalette.ColorRole
Flag = Qt.AlignmentFlag
# Heights of the parts of one scale's block, in lines of the widget's font.
TITLE_LINES, TRACK_LINES, TICK_LINES, ENDS_LINES, GAP_LINES = 1.5, 2.4, 1.1, 1.1, 0.9
MAX_STRETCH = 1.6  # a tall view (the projector) draws the blocks up to this much taller
BLOCK_LINES = TITLE_LINES + TRACK_LINES + TICK_LINES + ENDS_LINES + GAP_LINES
NICE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100)
LEGEND = (
    "Each dot is one rating; the marked line is the average; the deeper band holds most "
    "ratings (one standard deviation either side), the pale band runs from lowest to highest."
)


def short_label(label: str) -> str:
    """The part before a colon ("Aligned: we share…" -> "Aligned"), else the whole label."""
    head = label.split(":", 1)[0].strip()
    return head if head and head != label else label


def format_number(value: float) -> str:
    """At most one decimal, none when whole: 3, 3.3, -12.5."""
    rounded = round(value, 1)
    return f"{rounded:g}" if rounded != int(rounded) else str(int(rounded))


def describe(summary: ScaleSummary) -> str:
    """The chart's numbers in words, for the accessible description and tooltips."""
    name = short_label(summary.label)
    if summary.mean is None or summary.minimum is None or summary.maximum is None:
        return f"{name}: no ratings yet"
    count = f"{summary.count} rating{'s' if summary.count != 1 else ''}"
    spread = f"from {format_number(summary.minimum)} to {format_number(summary.maximum)}"
    return f"{name}: average {format_number(summary.mean)}, {spread}, {count}"


def tick_values(low: int, high: int) -> list[int]:
    """Whole numbers to label along a track: every one on short scales, nice steps on long."""
    step = next((s for s in NICE_STEPS if (high - low) / s <= 10), NICE_STEPS[-1])
    first = -(-low // step) * step  # the first multiple of step at or above low
    ticks = list(range(first, high + 1, step))
    return sorted({low, *ticks, high})


@dataclass(frozen=True)
class _Track:
    """Where one scale's values sit horizontally."""

    left: float
    right: float
    low: int
    high: int

    def x(self, value: float) -> float:
        share = (min(max(value, self.low), self.high) - self.low) / (self.high - self.low)
        return self.left + share * (self.right - self.left)


def _tinted(colour: QColor, alpha: int) -> QColor:
    tint = QColor(colour)
    tint.setAlpha(alpha)
    return tint


def _figures(summary: ScaleSummary) -> tuple[str, str]:
    """The average, in words and as a bare number (for when space is short)."""
    if summary.mean is None:
        return "no ratings yet", "none yet"
    return f"average {summary.mean:.1f}", f"{summary.mean:.1f}"


class RatingChart(QWidget):
    def __init__(self, scales: Sequence[Scale] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.end_labels = {s.key: (s.low_label, s.high_label) for s in scales}
        self.summaries: list[ScaleSummary] = []
        self.setAccessibleName("Ratings chart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_summaries(self, summaries: Sequence[ScaleSummary]) -> None:
        self.summaries = list(summaries)
        self.setAccessibleDescription("; ".join(describe(s) for s in self.summaries))
        self.setToolTip("\n".join(describe(s) for s in self.summaries))
        self.updateGeometry()
        self.update()

    def _line(self) -> float:
        return QFontMetricsF(self.font()).height()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        line = self._line()
        blocks = max(len(self.summaries), 1)
        return QSize(int(line * 24), int(line * BLOCK_LINES * blocks))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        line = self._line()
        return QSize(int(line * 12), int(line * BLOCK_LINES * 0.6 * max(len(self.summaries), 1)))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        line = self._line()
        natural = line * BLOCK_LINES
        squeeze = min(MAX_STRETCH, self.height() / (natural * max(len(self.summaries), 1)))
        top = 0.0
        for summary in self.summaries:
            self._paint_scale(painter, summary, top, line * squeeze, line)
            top += natural * squeeze
        painter.end()

    def _paint_scale(
        self, painter: QPainter, summary: ScaleSummary, top: float, unit: float, line: float
    ) -> None:
        """One block; `unit` is a line's height after any squeeze, `line` the font's own."""
        width = float(self.width())
        pad = QFontMetricsF(self.font()).horizontalAdvance(f"{summary.low}") + line * 0.6
        track = _Track(pad, width - pad, summary.low, summary.high)
        self._paint_title(painter, summary, QRectF(0, top, width, TITLE_LINES * unit))
        band = QRectF(track.left, top + TITLE_LINES * unit, track.right - track.left, 0)
        band.setHeight(TRACK_LINES * unit)
        self._paint_track(painter, track, band, summary)
        ticks_top = band.bottom()
        self._paint_ticks(painter, track, QRectF(0, ticks_top, width, TICK_LINES * unit))
        ends = QRectF(track.left, ticks_top + TICK_LINES * unit, band.width(), ENDS_LINES * unit)
        self._paint_ends(painter, summary.key, ends)

    def _paint_title(self, painter: QPainter, summary: ScaleSummary, rect: QRectF) -> None:
        """The scale's name on the left, its average on the right; when space is short the
        name comes first: the part before a colon, then "average" drops to the number."""
        palette = self.palette()
        bold = QFont(self.font())
        bold.setBold(True)
        names, plain = QFontMetricsF(bold), QFontMetricsF(self.font())
        full, short = _figures(summary)
        name, figures = summary.label, full
        for candidate_name, candidate_figures in (
            (summary.label, full),
            (short_label(summary.label), full),
            (short_label(summary.label), short),
        ):
            room = rect.width() - plain.horizontalAdvance(candidate_figures) - rect.height()
            name, figures = candidate_name, candidate_figures
            if names.horizontalAdvance(candidate_name) <= room:
                break
        room = rect.width() - plain.horizontalAdvance(figures) - rect.height()
        painter.setFont(bold)
        painter.setPen(palette.color(Role.WindowText))
        elided = names.elidedText(name, Qt.TextElideMode.ElideRight, max(room, 0.0))
        painter.drawText(rect, int(Flag.AlignLeft | Flag.AlignTop), elided)
        painter.setFont(self.font())
        painter.setPen(palette.color(Role.PlaceholderText if summary.mean is None else Role.Link))
        painter.drawText(rect, int(Flag.AlignRight | Flag.AlignTop), figures)

    def _paint_track(
        self, painter: QPainter, track: _Track, band: QRectF, summary: ScaleSummary
    ) -> None:
        palette = self.palette()
        middle = band.center().y()
        line = _tinted(palette.color(Role.WindowText), 90)
        painter.setPen(QPen(line, max(1.0, band.height() * 0.04)))
        painter.drawLine(QPointF(track.left, middle), QPointF(track.right, middle))
        accent = palette.color(Role.Highlight)
        if summary.minimum is not None and summary.maximum is not None:
            span = (summary.minimum, summary.maximum)
            self._fill(painter, track, band, span, _tinted(accent, 45))
        if summary.mean is not None and summary.stdev is not None:
            span = (summary.mean - summary.stdev, summary.mean + summary.stdev)
            self._fill(painter, track, band.adjusted(0, 3, 0, -3), span, _tinted(accent, 100))
        if summary.mean is not None:
            self._paint_mean(painter, track.x(summary.mean), band, accent)
        self._paint_dots(painter, track, band, summary.values)

    @staticmethod
    def _paint_mean(painter: QPainter, x: float, band: QRectF, accent: QColor) -> None:
        """A line through the band with a pointer above it, visible even behind a pile of dots."""
        painter.setPen(QPen(accent, max(2.0, band.height() * 0.06)))
        painter.drawLine(QPointF(x, band.top()), QPointF(x, band.bottom()))
        size = band.height() * 0.16
        pointer = QPolygonF(
            [
                QPointF(x - size, band.top() - size * 1.3),
                QPointF(x + size, band.top() - size * 1.3),
                QPointF(x, band.top()),
            ]
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(accent)
        painter.drawPolygon(pointer)

    @staticmethod
    def _fill(
        painter: QPainter, track: _Track, band: QRectF, span: tuple[float, float], tint: QColor
    ) -> None:
        left, right = track.x(span[0]), track.x(span[1])
        radius = band.height() * 0.18
        width = max(right - left, radius)  # a room that agrees still shows a sliver
        rect = QRectF(min(left, right - radius / 2), band.top(), width, band.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(tint)
        painter.drawRoundedRect(rect, radius, radius)

    def _paint_dots(
        self, painter: QPainter, track: _Track, band: QRectF, values: Sequence[float]
    ) -> None:
        piles: dict[float, int] = {}
        for value in values:
            piles[value] = piles.get(value, 0) + 1
        radius = band.height() * 0.13
        palette = self.palette()
        painter.setPen(QPen(palette.color(Role.Base), max(1.0, radius * 0.3)))
        painter.setBrush(palette.color(Role.Text))
        for value, count in piles.items():
            spacing = min(radius * 2.1, (band.height() - 2 * radius) / max(count - 1, 1))
            first = band.center().y() + spacing * (count - 1) / 2
            for n in range(count):
                painter.drawEllipse(QPointF(track.x(value), first - n * spacing), radius, radius)

    def _paint_ticks(self, painter: QPainter, track: _Track, rect: QRectF) -> None:
        painter.setFont(self.font())
        painter.setPen(self.palette().color(Role.WindowText))
        half = rect.height() * 2
        for value in tick_values(track.low, track.high):
            box = QRectF(track.x(value) - half, rect.top(), half * 2, rect.height())
            painter.drawText(box, int(Flag.AlignHCenter | Flag.AlignTop), str(value))

    def _paint_ends(self, painter: QPainter, key: str, rect: QRectF) -> None:
        low_label, high_label = self.end_labels.get(key, ("", ""))
        if not (low_label or high_label):
            return
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(font)
        painter.setPen(self.palette().color(Role.PlaceholderText))
        metrics = QFontMetricsF(font)
        half = rect.width() / 2 - metrics.averageCharWidth()
        elide = Qt.TextElideMode.ElideRight
        left = metrics.elidedText(low_label, elide, half)
        right = metrics.elidedText(high_label, elide, half)
        painter.drawText(rect, int(Flag.AlignLeft | Flag.AlignTop), left)
        painter.drawText(rect, int(Flag.AlignRight | Flag.AlignTop), right)
