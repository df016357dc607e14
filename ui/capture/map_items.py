"""How an actor and a relationship look on the map canvas.

A node is a rounded box with the actor's name and, under it, its kind in small type; it is
drawn in the palette's button colours and in the highlight colour while selected. A link is an
arrow from box edge to box edge with its label on a plate of the canvas colour at the middle,
so the words stay readable where lines cross. Links follow their nodes while they are dragged.
Positions are centres, as stored by the system map service.
"""

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

Role = QPalette.ColorRole
Flag = QGraphicsItem.GraphicsItemFlag
WRAP = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
CAPTION_SCALE = 0.85


def _palette(item: QGraphicsItem) -> QPalette:
    scene = item.scene()
    return scene.palette() if scene is not None else QGuiApplication.palette()


def _faded(colour: QColor, alpha: float) -> QColor:
    faded = QColor(colour)
    faded.setAlphaF(alpha)
    return faded


def caption_font(font: QFont) -> QFont:
    small = QFont(font)
    small.setPointSizeF(font.pointSizeF() * CAPTION_SCALE)
    return small


def label_font(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    return bold


class NodeItem(QGraphicsItem):
    """One actor: a rounded box centred on its position."""

    def __init__(self, node_id: int, label: str, kind: str, font: QFont, *, editable: bool) -> None:
        super().__init__()
        self.node_id = node_id
        self.label = label
        self.kind = kind
        self.links: list[LinkItem] = []
        self._font = label_font(font)
        self._size = QSizeF()
        flags = Flag.ItemIsSelectable | Flag.ItemSendsGeometryChanges
        if editable:
            flags |= Flag.ItemIsMovable
        self.setFlags(flags)
        self.setZValue(1)
        self._measure()

    def set_text(self, label: str, kind: str) -> None:
        if (label, kind) != (self.label, self.kind):
            self.label, self.kind = label, kind
            self._measure()

    def size(self) -> QSizeF:
        return QSizeF(self._size)

    def _measure(self) -> None:
        self.prepareGeometryChange()
        self._size = node_size(self.label, self.kind, self._font)
        self.setToolTip(f"{self.label} ({self.kind})" if self.kind else self.label)
        self.adjust_links()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        w, h = self._size.width(), self._size.height()
        return QRectF(-w / 2, -h / 2, w, h)

    def scene_rect(self) -> QRectF:
        return self.boundingRect().translated(self.pos())

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        palette = _palette(self)
        selected = self.isSelected()
        metrics = QFontMetricsF(self._font)
        rect = self.boundingRect()
        radius = metrics.height() * 0.45
        border = (
            palette.color(Role.Highlight) if selected else _faded(palette.color(Role.Text), 0.4)
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(border, 1.5))
        painter.setBrush(palette.color(Role.Highlight if selected else Role.Button))
        painter.drawRoundedRect(rect.adjusted(0.75, 0.75, -0.75, -0.75), radius, radius)
        text = palette.color(Role.HighlightedText if selected else Role.ButtonText)
        pad_x, pad_y = _padding(metrics)
        inner = rect.adjusted(pad_x, pad_y, -pad_x, -pad_y)
        small = caption_font(self._font)
        small.setWeight(QFont.Weight.Normal)
        caption_height = QFontMetricsF(small).height() if self.kind else 0.0
        painter.setFont(self._font)
        painter.setPen(text)
        painter.drawText(inner.adjusted(0, 0, 0, -caption_height), WRAP, self.label)
        if self.kind:
            painter.setFont(small)
            painter.setPen(_faded(text, 0.75) if selected else palette.color(Role.PlaceholderText))
            caption = QRectF(inner.left(), inner.bottom() - caption_height, inner.width(), 1e3)
            painter.drawText(caption, Qt.AlignmentFlag.AlignHCenter, self.kind)

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:  # noqa: N802
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self.adjust_links()
        return super().itemChange(change, value)

    def adjust_links(self) -> None:
        for link in self.links:
            link.adjust()


def _padding(metrics: QFontMetricsF) -> tuple[float, float]:
    return metrics.height() * 0.8, metrics.height() * 0.45


def node_size(label: str, kind: str, font: QFont) -> QSizeF:
    """The box an actor needs: its name wrapped at about 18 characters, its kind below."""
    metrics = QFontMetricsF(label_font(font))
    pad_x, pad_y = _padding(metrics)
    wrap_at = metrics.averageCharWidth() * 18
    text = metrics.boundingRect(QRectF(0, 0, wrap_at, 1e4), WRAP, label)
    width, height = max(text.width(), metrics.averageCharWidth() * 8), text.height()
    if kind:
        small = QFontMetricsF(caption_font(font))
        width = max(width, small.horizontalAdvance(kind))
        height += small.height()
    return QSizeF(math.ceil(width + 2 * pad_x + 2), math.ceil(height + 2 * pad_y))


def _edge(centre: QPointF, size: QSizeF, dx: float, dy: float) -> QPointF:
    """Where a ray from the box's centre along (dx, dy) leaves the box."""
    half_w, half_h = size.width() / 2 + 2, size.height() / 2 + 2
    t = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return QPointF(centre.x() + dx * t, centre.y() + dy * t)


class LinkItem(QGraphicsItem):
    """A labelled arrow from one actor to another."""

    def __init__(
        self, link_id: int, source: NodeItem, target: NodeItem, label: str, font: QFont
    ) -> None:
        super().__init__()
        self.link_id = link_id
        self.source = source
        self.target = target
        self.label = label
        self.offset = 0.0  # sideways, so two links between the same actors do not cover each other
        self._font = caption_font(font)
        self._line = QLineF()
        self._plate = QRectF()
        self.setFlags(Flag.ItemIsSelectable)
        self.setZValue(0)
        source.links.append(self)
        target.links.append(self)
        self.adjust()

    def detach(self) -> None:
        for node in (self.source, self.target):
            if self in node.links:
                node.links.remove(self)

    def set_label(self, label: str) -> None:
        if label != self.label:
            self.label = label
            self.adjust()

    def set_offset(self, offset: float) -> None:
        if offset != self.offset:
            self.offset = offset
            self.adjust()

    def plate_rect(self) -> QRectF:
        """Where the label sits (empty when there is none), in scene coordinates."""
        return QRectF(self._plate)

    def adjust(self) -> None:
        self.prepareGeometryChange()
        a, b = self.source.pos(), self.target.pos()
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length = math.hypot(dx, dy)
        if length < 1:
            self._line, self._plate = QLineF(), QRectF()
            return
        ux, uy = dx / length, dy / length
        shift = QPointF(-uy * self.offset, ux * self.offset)
        start = _edge(a + shift, self.source.size(), ux, uy)
        end = _edge(b + shift, self.target.size(), -ux, -uy)
        crossed = (end.x() - start.x()) * ux + (end.y() - start.y()) * uy <= 0
        self._line = QLineF() if crossed else QLineF(start, end)
        middle = (a + b) / 2 + shift
        if self.label:
            metrics = QFontMetricsF(self._font)
            width = metrics.horizontalAdvance(self.label) + metrics.height() * 0.8
            height = metrics.height() * 1.25
            self._plate = QRectF(middle.x() - width / 2, middle.y() - height / 2, width, height)
        else:
            self._plate = QRectF()

    def _arrow_size(self) -> float:
        return QFontMetricsF(self._font).height() * 0.65

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt's name)
        grow = self._arrow_size() + 2
        line = QRectF(self._line.p1(), self._line.p2()).normalized()
        return line.adjusted(-grow, -grow, grow, grow).united(self._plate)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        if not self._line.isNull():
            path.moveTo(self._line.p1())
            path.lineTo(self._line.p2())
        stroker = QPainterPathStroker()
        stroker.setWidth(12)
        wide = stroker.createStroke(path)
        if not self._plate.isNull():
            wide.addRect(self._plate)
        return wide

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        palette = _palette(self)
        selected = self.isSelected()
        colour = (
            palette.color(Role.Highlight) if selected else _faded(palette.color(Role.Text), 0.6)
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self._line.isNull():
            painter.setPen(QPen(colour, 2.4 if selected else 1.6))
            painter.drawLine(self._line)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPolygon(self._arrow_head())
        if self._plate.isNull():
            return
        radius = self._plate.height() / 3
        painter.setPen(QPen(colour, 1.0) if selected else Qt.PenStyle.NoPen)
        painter.setBrush(palette.color(Role.Highlight if selected else Role.Base))
        painter.drawRoundedRect(self._plate, radius, radius)
        painter.setFont(self._font)
        painter.setPen(palette.color(Role.HighlightedText if selected else Role.Text))
        painter.drawText(self._plate, Qt.AlignmentFlag.AlignCenter, self.label)

    def _arrow_head(self) -> QPolygonF:
        tip = self._line.p2()
        unit = self._line.unitVector()
        ux, uy = unit.dx(), unit.dy()
        size = self._arrow_size()
        back = QPointF(tip.x() - ux * size, tip.y() - uy * size)
        side = QPointF(-uy * size * 0.45, ux * size * 0.45)
        return QPolygonF([tip, back + side, back - side])
