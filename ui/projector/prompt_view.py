"""Text that grows to fill its place: the largest type that still fits, for the back of a room.

A projector can be anything from a laptop-sized window to a wall, and a prompt anything from
three words to a paragraph, so the size is found by measuring, not fixed: the largest point size
(between a floor and a ceiling, both relative to the application font) at which the word-wrapped
text fits the label's rectangle.
"""

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

STEPS = 12  # binary search steps: well under a point of precision for any ceiling we use


class FittedLabel(QLabel):
    """A plain-text label whose font is the largest that fits its current size.

    `sample` (e.g. "+88:88" for a timer) is measured instead of a shorter text, so a label whose
    text changes every second keeps one size instead of breathing.
    """

    def __init__(
        self,
        *,
        min_scale: float = 1.0,
        max_scale: float = 6.0,
        wrap: bool = True,
        sample: str = "",
        line_share: float = 1.0,
        weight: QFont.Weight = QFont.Weight.Normal,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._min_scale = min_scale
        self._max_scale = max_scale
        self._sample = sample
        self._line_share = line_share  # the most of the label's height one line may take
        self.max_line_height: float | None = None  # a ceiling set from outside (the window's)
        self.setTextFormat(Qt.TextFormat.PlainText)  # room text is never markup
        self.setWordWrap(wrap)
        # The layout gives the space by stretch; the label never asks for more than it gets.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(1, 1)
        font = self.font()
        font.setWeight(weight)
        self._base = QFont(font)
        self.setFont(font)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return False  # it takes the height it is given and fits the text into it

    def setText(self, text: str) -> None:  # noqa: N802 (Qt override)
        super().setText(text)
        self.fit()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self.fit()

    def fit(self) -> None:
        """Set the largest font at which the text fits the label's contents rectangle."""
        text = max(self._sample, self.text(), key=len)
        area = self.contentsRect()
        if not text or area.width() < 2 or area.height() < 2:
            return
        base = self._base.pointSizeF()
        line = QFontMetricsF(self._base).lineSpacing()
        line_height = area.height() * self._line_share
        if self.max_line_height is not None:
            line_height = min(line_height, self.max_line_height)
        tallest = base * line_height / line if line > 0 else base
        low = base * self._min_scale
        high = max(low, min(base * self._max_scale, tallest))
        if not self._fits(text, high, area.width(), area.height()):
            for _ in range(STEPS):
                middle = (low + high) / 2
                if self._fits(text, middle, area.width(), area.height()):
                    low = middle
                else:
                    high = middle
            high = low
        if abs(self.font().pointSizeF() - high) > 0.05:
            font = QFont(self._base)
            font.setPointSizeF(high)
            self.setFont(font)

    def _fits(self, text: str, points: float, width: float, height: float) -> bool:
        font = QFont(self._base)
        font.setPointSizeF(points)
        flags = Qt.AlignmentFlag.AlignCenter | (
            Qt.TextFlag.TextWordWrap if self.wordWrap() else Qt.TextFlag.TextSingleLine
        )
        bounds = QRectF(0, 0, width, 1_000_000)
        needed = QFontMetricsF(font).boundingRect(bounds, int(flags), text)
        return needed.width() <= width and needed.height() <= height
