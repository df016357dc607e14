"""How one card is drawn: its words on a card-like tile and, muted beneath, who said it.

In the capture panel every card has the same height (a few lines, the rest elided and shown
in the tooltip and the editor), so the list never measures thousands of rows; on the projector
cards are few and large, so each one wraps to its full length.
"""

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui.capture.cards_model import AUTHOR_ROLE
from ui.theme import is_dark

Index = QModelIndex | QPersistentModelIndex
Role = QPalette.ColorRole
LINE_SEPARATOR = "\u2028"  # QTextLayout breaks the line here; it ignores "\n"
MEASURES_KEPT = 20_000


def wrapped_lines(text: str, font: QFont, width: float, max_lines: int | None) -> list[str]:
    """`text` broken into lines of at most `width`; past `max_lines`, the last one elided."""
    layout = QTextLayout(text.replace("\n", LINE_SEPARATOR), font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    shown = layout.text()
    starts: list[int] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(width, 1.0))
        starts.append(line.textStart())
    layout.endLayout()
    ends = [*starts[1:], len(shown)]
    lines = [
        shown[a:b].replace(LINE_SEPARATOR, "").rstrip() for a, b in zip(starts, ends, strict=True)
    ]
    if max_lines is not None and len(lines) > max_lines:
        rest = shown[starts[max_lines - 1] :].replace(LINE_SEPARATOR, " ")
        elided = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
        lines = [*lines[: max_lines - 1], elided]
    return lines or [""]


@dataclass(frozen=True)
class Measures:
    text_font: QFont
    author_font: QFont
    line: float  # line spacing of the card's text
    ascent: float
    author_line: float
    padding: float  # inside a card
    gap: float  # between two cards

    @classmethod
    def of(cls, font: QFont, scale: float) -> "Measures":
        text_font = QFont(font)
        text_font.setPointSizeF(font.pointSizeF() * scale)
        author_font = QFont(text_font)
        author_font.setPointSizeF(text_font.pointSizeF() * 0.85)
        metrics = QFontMetricsF(text_font)
        padding = metrics.height() * 0.45
        return cls(
            text_font,
            author_font,
            metrics.lineSpacing(),
            metrics.ascent(),
            QFontMetricsF(author_font).lineSpacing(),
            padding,
            padding * 0.6,
        )


class CardDelegate(QStyledItemDelegate):
    def __init__(
        self,
        view: QAbstractItemView,
        *,
        show_author: bool = True,
        max_lines: int | None = 2,
        scale: float = 1.0,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.show_author = show_author
        self.max_lines = max_lines
        self.scale = scale
        self._heights: dict[tuple[str, int, float], int] = {}  # wrapped cards, measured once
        self._cached: Measures | None = None
        self._cached_key = ""

    # -- measures -------------------------------------------------------------------------------

    def _measures(self) -> Measures:
        """Fonts and spacings, worked out again only when the view's font changes."""
        font = self.view.font()
        key = font.key()
        if self._cached is None or self._cached_key != key:
            self._cached = Measures.of(font, self.scale)
            self._cached_key = key
        return self._cached

    def _text_width(self, m: Measures) -> float:
        return max(self.view.viewport().width() - 2 * (m.padding + m.gap), 40.0)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802 (Qt's name)
        m = self._measures()
        width = self._text_width(m)
        if self.max_lines is None:
            text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
            lines = self._wrapped_count(text, m, int(width))
        else:
            lines = self.max_lines
        height = lines * m.line + 2 * (m.padding + m.gap)
        if self.show_author:
            height += m.author_line
        return QSize(int(width), int(height + 0.5))

    def _wrapped_count(self, text: str, m: Measures, width: int) -> int:
        """Lines of a card that wraps in full; remembered, since every layout asks again."""
        key = (text, width, m.text_font.pointSizeF())
        if key not in self._heights:
            if len(self._heights) > MEASURES_KEPT:
                self._heights.clear()
            self._heights[key] = len(wrapped_lines(text, m.text_font, width, None))
        return self._heights[key]

    # -- drawing --------------------------------------------------------------------------------

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        m = self._measures()
        palette = option.palette
        state = option.state
        picked = bool(state & QStyle.StateFlag.State_Selected)
        selected = picked and self.view.hasFocus()  # filled only while the keyboard is there
        gap, padding = m.gap, m.padding
        tile = QRectF(option.rect).adjusted(gap, gap, -gap, -gap)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        edge = Role.Light if is_dark(palette) else Role.Mid  # a visible edge on the wall
        painter.setPen(palette.color(Role.Highlight if selected else edge))
        painter.setBrush(palette.color(Role.Highlight if selected else Role.Base))
        radius = padding * 0.6
        painter.drawRoundedRect(tile, radius, radius)
        if picked and not selected:  # the card the next command acts on, seen from the box
            pen = painter.pen()
            pen.setColor(palette.color(Role.Highlight))
            pen.setWidthF(2.0)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(tile.adjusted(1, 1, -1, -1), radius, radius)
        inner = tile.adjusted(padding, padding, -padding, -padding)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.setFont(m.text_font)
        painter.setPen(palette.color(Role.HighlightedText if selected else Role.Text))
        y = inner.top() + m.ascent
        for line in wrapped_lines(text, m.text_font, inner.width(), self.max_lines):
            painter.drawText(QPointF(inner.left(), y), line)
            y += m.line
        author = str(index.data(AUTHOR_ROLE) or "") if self.show_author else ""
        if author:
            painter.setFont(m.author_font)
            muted = Role.HighlightedText if selected else Role.PlaceholderText
            painter.setPen(palette.color(muted))
            author_metrics = QFontMetricsF(m.author_font)
            shown = author_metrics.elidedText(
                f"— {author}", Qt.TextElideMode.ElideRight, inner.width()
            )
            bottom = inner.bottom() - author_metrics.descent()
            painter.drawText(QPointF(inner.left(), bottom), shown)
        painter.restore()

    def updateEditorGeometry(  # noqa: N802 (Qt's name)
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        gap = int(self._measures().gap)
        editor.setGeometry(option.rect.adjusted(gap, gap, -gap, -gap))
