"""The system map as graphics items, kept in step with what the database holds.

`show_map` updates items in place (new ones added, gone ones removed, the rest relabelled and
moved), so selection and the keyboard's place survive every redraw, undo and redo included.
The scene reports what the mouse did (a drag finished, a double-click on an item) and leaves the
writing to the panel, which turns it into undo commands.
"""

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsSceneMouseEvent

from app.services.system_map import MapView
from ui.capture.map_items import LinkItem, NodeItem
from ui.capture.map_layout import Box

Point = tuple[float, float]


class MapScene(QGraphicsScene):
    sig_nodes_dragged = Signal(object)  # list of (node id, old centre, new centre)
    sig_edit_requested = Signal(object)  # the NodeItem or LinkItem double-clicked

    def __init__(
        self, *, editable: bool, font: QFont | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.editable = editable
        if font is not None:
            self.setFont(font)
        self.nodes: dict[int, NodeItem] = {}  # by node id, in the order they were added
        self.links: dict[int, LinkItem] = {}
        self._pressed_at: dict[int, QPointF] = {}

    def show_map(self, view: MapView) -> None:
        """Make the items match `view`: add, update and remove, keeping what is selected."""
        font = self.font()
        live_links = {link.id: link for link in view.links if link.id is not None}
        live_nodes = {node.id: node for node in view.nodes if node.id is not None}
        for link_id in [i for i, item in self.links.items() if i not in live_links]:
            self._remove(self.links.pop(link_id))
        for node_id in [i for i in self.nodes if i not in live_nodes]:
            self._remove(self.nodes.pop(node_id))
        for node_id, node in live_nodes.items():
            item = self.nodes.get(node_id)
            if item is None:
                item = NodeItem(node_id, node.label, node.kind, font, editable=self.editable)
                self.nodes[node_id] = item
                self.addItem(item)
            item.set_text(node.label, node.kind)
            if item.pos() != QPointF(node.x, node.y):
                item.setPos(node.x, node.y)
        for link_id, link in live_links.items():
            existing = self.links.get(link_id)
            if existing is not None and (existing.source.node_id, existing.target.node_id) != (
                link.source_id,
                link.target_id,
            ):
                self._remove(self.links.pop(link_id))
                existing = None
            if existing is None:
                source, target = self.nodes[link.source_id], self.nodes[link.target_id]
                existing = LinkItem(link_id, source, target, link.label, font)
                existing.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, self.editable)
                self.links[link_id] = existing
                self.addItem(existing)
            existing.set_label(link.label)
        self._spread_parallel_links()

    def _remove(self, item: NodeItem | LinkItem) -> None:
        if isinstance(item, LinkItem):
            item.detach()
        self.removeItem(item)

    def _spread_parallel_links(self) -> None:
        """Links between the same two actors (either way) side by side instead of on top."""
        pairs: dict[tuple[int, int], list[LinkItem]] = {}
        for link in self.links.values():
            ends = (link.source.node_id, link.target.node_id)
            pairs.setdefault((min(ends), max(ends)), []).append(link)
        spacing = QFontMetricsF(self.font()).height() * 1.6
        for (first, _), group in pairs.items():
            for i, link in enumerate(group):
                offset = (i - (len(group) - 1) / 2) * spacing
                link.set_offset(offset if link.source.node_id == first else -offset)

    # what is selected and where things are

    def selected_node_ids(self) -> list[int]:
        return [i for i, item in self.nodes.items() if item.isSelected()]

    def selected_link_ids(self) -> list[int]:
        return [i for i, item in self.links.items() if item.isSelected()]

    def select_only(self, item: QGraphicsItem | None) -> None:
        self.clearSelection()
        if item is not None:
            item.setSelected(True)

    def boxes(self) -> list[Box]:
        return [
            Box(i, item.size().width(), item.size().height(), item.pos().x(), item.pos().y())
            for i, item in self.nodes.items()
        ]

    def link_ends(self) -> list[tuple[int, int]]:
        return [(link.source.node_id, link.target.node_id) for link in self.links.values()]

    def content_rect(self) -> QRectF:
        """Everything drawn, with a margin (empty when the map is)."""
        if not self.nodes:
            return QRectF()
        margin = QFontMetricsF(self.font()).height() * 2
        return self.itemsBoundingRect().adjusted(-margin, -margin, margin, margin)

    # the mouse

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self._pressed_at = {i: item.pos() for i, item in self.nodes.items()}
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        super().mouseReleaseEvent(event)
        moved = [
            (i, (old.x(), old.y()), (self.nodes[i].pos().x(), self.nodes[i].pos().y()))
            for i, old in self._pressed_at.items()
            if i in self.nodes and self.nodes[i].pos() != old
        ]
        self._pressed_at = {}
        if moved:
            self.sig_nodes_dragged.emit(moved)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:  # noqa: N802
        item = self.itemAt(event.scenePos(), QTransform())
        if self.editable and isinstance(item, NodeItem | LinkItem):
            self.select_only(item)
            self.sig_edit_requested.emit(item)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)
