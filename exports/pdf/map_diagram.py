"""The system map as a vector diagram: actors as rounded boxes, relationships as labelled arrows.

Boxes keep the places the group gave them on the wall (left stays left, above stays above),
scaled to the page: uniformly when that keeps boxes apart, stretched across and down when it
does not. Shapes are reportlab.graphics; labels are Paragraphs drawn on top, so a name in
Arabic or Chinese gets the same escaping and fonts as everywhere else.
"""

import math
from collections.abc import Sequence

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect
from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.services.report import MapLinkLine, MapNodeLine
from exports.pdf.callouts import bullets
from exports.pdf.flow import Cell, fixed, line, table
from exports.pdf.styles import (
    ACCENT,
    ACCENT_TINT,
    MUTED,
    PANEL,
    RULE,
    WHITE,
    Styles,
    TableCommand,
)
from exports.pdf.text import paragraph

TEXT_WIDTH = 96.0  # a label wraps at this width inside its box
LINK_TEXT_WIDTH = 80.0
KEY_PER_ROW = 5
MAX_DRAWN_NODES = 60  # beyond this the boxes would be too small to read on paper
PAD_X, PAD_Y = 8.0, 5.0
MIN_BOX_WIDTH = 56.0
MARGIN = 14.0  # inside the diagram's frame, around the boxes
APART = 6.0  # boxes closer than this count as overlapping
MAX_SHARE = 0.62  # of the frame's height, so a map leaves room for its heading
# (fill, stroke, dashed) per node kind, in order of first appearance.
KIND_LOOKS: tuple[tuple[Color, Color, bool], ...] = (
    (ACCENT_TINT, ACCENT, False),
    (PANEL, MUTED, False),
    (WHITE, ACCENT, True),
    (WHITE, MUTED, True),
)


class MapDiagram(Flowable):  # type: ignore[misc]
    """Fits the map to the frame's width; never taller than MAX_SHARE of the frame."""

    def __init__(
        self, nodes: Sequence[MapNodeLine], links: Sequence[MapLinkLine], styles: Styles
    ) -> None:
        super().__init__()
        self.nodes, self.links, self.styles = list(nodes), list(links), styles
        self.labels = [paragraph(n.label, styles["map_node"], styles.fonts) for n in nodes]
        self.link_labels = [
            paragraph(link.label, styles["map_link"], styles.fonts) if link.label else None
            for link in links
        ]
        self.kinds = list(dict.fromkeys(node.kind for node in nodes))
        self.sizes: list[tuple[float, float]] = []
        self.places: list[tuple[float, float]] = []

    def wrap(self, available_width: float, _available_height: float) -> tuple[float, float]:
        self.sizes = []
        for label in self.labels:
            label.wrap(TEXT_WIDTH, 10_000)
            text_width = max(label.getActualLineWidths0() or [0.0])
            self.sizes.append(
                (max(MIN_BOX_WIDTH, text_width + 2 * PAD_X), label.height + 2 * PAD_Y)
            )
        limit = self.styles.height * MAX_SHARE
        self.width = available_width
        self.places, self.height = self._layout(available_width, limit)
        return self.width, self.height

    def _layout(self, width: float, limit: float) -> tuple[list[tuple[float, float]], float]:
        """Box centres in points (y up) and the diagram's height."""
        widest = max(w for w, _ in self.sizes)
        tallest = max(h for _, h in self.sizes)
        xs = [node.x for node in self.nodes]
        ys = [node.y for node in self.nodes]
        span_x, span_y = max(xs) - min(xs), max(ys) - min(ys)
        if span_x < 1e-6 and span_y < 1e-6 and len(self.nodes) > 1:
            return self._grid(width, widest, tallest)
        room_x = width - widest - 2 * MARGIN
        room_y = limit - tallest - 2 * MARGIN
        fit_x = room_x / span_x if span_x > 1e-6 else math.inf
        fit_y = room_y / span_y if span_y > 1e-6 else math.inf
        scale = min(fit_x, fit_y)
        scale = 0.0 if math.isinf(scale) else scale
        scale_x = scale_y = scale
        if self._overlaps(scale_x, scale_y):  # stretch across and down separately
            scale_x = 0.0 if math.isinf(fit_x) else fit_x
            scale_y = 0.0 if math.isinf(fit_y) else fit_y
        used_x = span_x * scale_x + widest
        height = span_y * scale_y + tallest + 2 * MARGIN
        left = (width - used_x) / 2 + widest / 2
        top = height - MARGIN - tallest / 2
        places = [
            (left + (node.x - min(xs)) * scale_x, top - (node.y - min(ys)) * scale_y)
            for node in self.nodes
        ]
        return places, height

    def _overlaps(self, scale_x: float, scale_y: float) -> bool:
        nodes, sizes = self.nodes, self.sizes
        for i in range(len(nodes)):
            for j in range(i + 1, len(nodes)):
                dx = abs(nodes[i].x - nodes[j].x) * scale_x
                dy = abs(nodes[i].y - nodes[j].y) * scale_y
                if (
                    dx < (sizes[i][0] + sizes[j][0]) / 2 + APART
                    and dy < (sizes[i][1] + sizes[j][1]) / 2 + APART
                ):
                    return True
        return False

    def _grid(
        self, width: float, widest: float, tallest: float
    ) -> tuple[list[tuple[float, float]], float]:
        """Nodes that were never placed: a tidy grid instead of one heap."""
        across = max(1, min(len(self.nodes), int((width - 2 * MARGIN) // (widest + 24))))
        rows = -(-len(self.nodes) // across)
        height = rows * (tallest + 24) + 2 * MARGIN
        left = (width - across * (widest + 24)) / 2
        places = [
            (
                left + (index % across + 0.5) * (widest + 24),
                height - MARGIN - (index // across + 0.5) * (tallest + 24),
            )
            for index in range(len(self.nodes))
        ]
        return places, height

    def _edge(self, index: int, toward: tuple[float, float], gap: float) -> tuple[float, float]:
        """Where the line from box `index`'s centre toward `toward` leaves the box."""
        (cx, cy), (w, h) = self.places[index], self.sizes[index]
        dx, dy = toward[0] - cx, toward[1] - cy
        if abs(dx) < 1e-9 and abs(dy) < 1e-9:
            return cx, cy
        t = min(
            (w / 2 + gap) / abs(dx) if dx else math.inf, (h / 2 + gap) / abs(dy) if dy else math.inf
        )
        return cx + dx * t, cy + dy * t

    def draw(self) -> None:
        drawing = Drawing(self.width, self.height)
        drawing.add(
            Rect(
                0.5,
                0.5,
                self.width - 1,
                self.height - 1,
                rx=6,
                ry=6,
                fillColor=None,
                strokeColor=RULE,
                strokeWidth=0.6,
            )
        )
        pairs = {(link.source, link.target) for link in self.links}
        ends: list[tuple[float, float, float, float] | None] = []
        for link in self.links:
            if link.source == link.target:
                ends.append(None)
                continue
            (sx, sy), (tx, ty) = self.places[link.source], self.places[link.target]
            shift = 4.0 if (link.target, link.source) in pairs else 0.0
            length = math.hypot(tx - sx, ty - sy) or 1.0
            nx, ny = -(ty - sy) / length * shift, (tx - sx) / length * shift
            start = self._edge(link.source, (tx + nx, ty + ny), 1.5)
            end = self._edge(link.target, (sx + nx, sy + ny), 2.0)
            x1, y1, x2, y2 = start[0] + nx, start[1] + ny, end[0] + nx, end[1] + ny
            ends.append((x1, y1, x2, y2))
            drawing.add(Line(x1, y1, x2, y2, strokeColor=MUTED, strokeWidth=0.9))
            drawing.add(_arrowhead(x1, y1, x2, y2))
        for index, ((cx, cy), (w, h)) in enumerate(zip(self.places, self.sizes, strict=True)):
            fill, stroke, dashed = KIND_LOOKS[
                self.kinds.index(self.nodes[index].kind) % len(KIND_LOOKS)
            ]
            box = Rect(
                cx - w / 2,
                cy - h / 2,
                w,
                h,
                rx=5,
                ry=5,
                fillColor=fill,
                strokeColor=stroke,
                strokeWidth=0.9,
                strokeDashArray=[2.5, 1.8] if dashed else None,
            )
            drawing.add(box)
        renderPDF.draw(drawing, self.canv, 0, 0)
        for label, (cx, cy) in zip(self.labels, self.places, strict=True):
            label.drawOn(self.canv, cx - TEXT_WIDTH / 2, cy - label.height / 2)
        for link_label, line_ends in zip(self.link_labels, ends, strict=True):
            if link_label is not None and line_ends is not None:
                self._link_label(link_label, line_ends)

    def _link_label(self, label: Paragraph, end: tuple[float, float, float, float]) -> None:
        x1, y1, x2, y2 = end
        label.wrap(LINK_TEXT_WIDTH, 1000)
        width = max(label.getActualLineWidths0() or [0.0])
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        self.canv.saveState()
        self.canv.setFillColor(WHITE)
        self.canv.rect(
            mx - width / 2 - 1.5, my - label.height / 2, width + 3, label.height, stroke=0, fill=1
        )
        self.canv.restoreState()
        label.drawOn(self.canv, mx - width / 2, my - label.height / 2)


def _arrowhead(x1: float, y1: float, x2: float, y2: float) -> Polygon:
    angle = math.atan2(y2 - y1, x2 - x1)
    size, spread = 6.0, 0.42
    left = (x2 - size * math.cos(angle - spread), y2 - size * math.sin(angle - spread))
    right = (x2 - size * math.cos(angle + spread), y2 - size * math.sin(angle + spread))
    return Polygon([x2, y2, *left, *right], fillColor=MUTED, strokeColor=None)


def _swatch(look: tuple[Color, Color, bool]) -> Drawing:
    fill, stroke, dashed = look
    drawing = Drawing(16, 10)
    drawing.add(
        Rect(
            0.5,
            0.5,
            15,
            9,
            rx=3,
            ry=3,
            fillColor=fill,
            strokeColor=stroke,
            strokeWidth=0.8,
            strokeDashArray=[2, 1.5] if dashed else None,
        )
    )
    return drawing


def written(
    nodes: Sequence[MapNodeLine], links: Sequence[MapLinkLine], styles: Styles
) -> list[Flowable]:
    """The map as text: each link as "from → to: label", then the nodes nothing links."""
    items: list[Flowable] = []
    for link in links:
        source, target = nodes[link.source].label, nodes[link.target].label
        words = f"{source} → {target}" + (f": {link.label}" if link.label else "")
        items.append(line(words, styles, "cell"))
    linked = {link.source for link in links} | {link.target for link in links}
    items += [line(node.label, styles, "cell") for i, node in enumerate(nodes) if i not in linked]
    note = fixed("The map is too large to draw on a page; here it is written out.", styles, "small")
    return [note, *bullets(items, styles)]


def system_map(
    nodes: Sequence[MapNodeLine], links: Sequence[MapLinkLine], styles: Styles
) -> list[Flowable]:
    """The diagram and a key to the kinds of node; a written list when it cannot be drawn."""
    if not nodes:
        return []
    diagram = MapDiagram(nodes, links, styles)
    diagram.wrap(styles.width, styles.height)
    if len(nodes) > MAX_DRAWN_NODES or diagram.height > styles.height * MAX_SHARE + 1:
        return written(nodes, links, styles)
    diagram.spaceAfter = 6
    flowables: list[Flowable] = [diagram]
    named = [kind for kind in diagram.kinds if kind]
    if len(named) > 1:
        rows: list[list[Cell]] = []
        for start in range(0, len(named), KEY_PER_ROW):
            row: list[Cell] = []
            for kind in named[start : start + KEY_PER_ROW]:
                look = KIND_LOOKS[diagram.kinds.index(kind) % len(KIND_LOOKS)]
                row += [_swatch(look), line(kind, styles, "cell_muted")]
            rows.append(row + [""] * (2 * KEY_PER_ROW - len(row)))
        commands: list[TableCommand] = [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ]
        diagram.keepWithNext = True  # the key belongs on the same page as the boxes
        slot = styles.width / KEY_PER_ROW
        flowables.append(table(rows, [20.0, slot - 20.0] * KEY_PER_ROW, commands, head=0))
    return [*flowables, Spacer(1, 6)]
