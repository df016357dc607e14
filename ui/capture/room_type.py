"""Type for the back of a room: sizes relative to the projector's font, measured and remembered.

The projector gives its results view a font that grows with the window; every results view
draws between READABLE and LARGEST times that font. Views try the largest size first and shrink
(a binary search over sizes) until their content fits; below READABLE they never go, and they
flow into more columns or summarise ("+12 earlier cards") instead. Measuring wrapped text is
the costly part, so heights are remembered per font, width and text: a new card on a wall of
two thousand measures little more than itself.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QPalette
from PySide6.QtWidgets import QWidget

Role = QPalette.ColorRole
READABLE = 1.3  # the smallest type shown, as a share of the projector's font (≥ 18 px at 720p)
LARGEST = 2.4  # a few words may be this large, still under the prompt's header
STEPS = 7  # sizes tried by the binary search: within about 1% of the best
WORD_WRAP = int(Qt.TextFlag.TextWordWrap)
ANYWHERE = int(Qt.TextFlag.TextWrapAnywhere)  # only for a word longer than its box is wide
REMEMBERED = 40_000  # measured heights kept before the memory starts again


@dataclass(frozen=True)
class Style:
    """How a piece of text looks, relative to the size being tried."""

    scale: float = 1.0
    bold: bool = False
    role: Role = Role.WindowText
    strike: bool = False
    warning: bool = False  # drawn in the theme's warning colour (a date gone by)


class Face:
    """A font at one size, with its metrics and the key measurements are remembered under."""

    def __init__(self, font: QFont) -> None:
        self.font = font
        self.metrics = QFontMetricsF(font)
        self.key = font.key()
        self.line = self.metrics.height()
        self.char = self.metrics.averageCharWidth()


def base_points(widget: QWidget) -> float:
    """The point size of the font the widget inherits (the projector's, on the projector)."""
    font = widget.font()
    points = font.pointSizeF()
    return points if points > 0 else QFontInfo(font).pointSizeF()


def type_range(widget: QWidget) -> tuple[float, float]:
    """The smallest and largest point sizes for the body text of a results view."""
    base = base_points(widget)
    return base * READABLE, base * LARGEST


def largest(fits: Callable[[float], bool], low: float, high: float) -> float | None:
    """The largest size in [low, high] at which `fits` holds; None when not even at `low`."""
    if fits(high):
        return high
    if not fits(low):
        return None
    for _ in range(STEPS):
        middle = (low + high) / 2
        if fits(middle):
            low = middle
        else:
            high = middle
    return low


def most(fits: Callable[[int], bool], count: int) -> int:
    """The largest n in [0, count] for which `fits(n)` holds (fits(0) is taken as true)."""
    low, high = 0, count
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


def masonry(
    heights: Iterable[float], columns: int, limit: float, gap: float
) -> list[tuple[int, float, float]] | None:
    """Each tile into the shortest column, in order (so they read roughly row by row): the
    column, top and height of each, or None as soon as one would end below `limit` (heights
    may be computed lazily: the ones after an overflow are never measured)."""
    tops = [0.0] * columns
    placed: list[tuple[int, float, float]] = []
    for height in heights:
        column = min(range(columns), key=tops.__getitem__)
        top = tops[column]
        if top + height > limit:
            return None
        placed.append((column, top, height))
        tops[column] = top + height + gap
    return placed


class Measure:
    """Fonts per size and style, and wrapped heights, remembered between relayouts."""

    def __init__(self) -> None:
        self._faces: dict[tuple[str, float, Style], Face] = {}
        self._heights: dict[tuple[str, int, str], tuple[float, int]] = {}

    def face(self, base: QFont, points: float, style: Style = Style()) -> Face:
        points = round(points * style.scale, 2)
        key = (base.key(), points, style)
        face = self._faces.get(key)
        if face is None:
            font = QFont(base)
            font.setPointSizeF(points)
            font.setBold(style.bold)
            font.setStrikeOut(style.strike)
            face = Face(font)
            if len(self._faces) > 2_000:
                self._faces.clear()
            self._faces[key] = face
        return face

    def wrapped(self, face: Face, width: float, text: str) -> tuple[float, int]:
        """The height `text` takes wrapped at `width`, and the flags that wrap it so."""
        key = (face.key, int(width), text)
        known = self._heights.get(key)
        if known is not None:
            return known
        box = QRectF(0, 0, int(width), 1e6)
        flags = WORD_WRAP
        bounds = face.metrics.boundingRect(box, flags, text)
        if bounds.width() > int(width) + 0.5:  # a word longer than the line: break it anywhere
            flags = ANYWHERE
            bounds = face.metrics.boundingRect(box, flags, text)
        if len(self._heights) > REMEMBERED:
            self._heights.clear()
        known = (bounds.height() if text else 0.0, flags)
        self._heights[key] = known
        return known

    def height(self, face: Face, width: float, text: str) -> float:
        return self.wrapped(face, width, text)[0]

    def width(self, face: Face, text: str) -> float:
        """One line's width (for cells that never wrap: counts, ranks, dates)."""
        return face.metrics.horizontalAdvance(text) + 1
