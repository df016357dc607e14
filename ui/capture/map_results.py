"""The map on the projector: the same actors and links, read-only, always whole and large.

It follows every change (the facilitator's typing, undo, a tidy) and refits to its window. The
boxes are drawn in room-sized type and the map is stretched to the screen's shape (see
map_fit), at the largest type whose arrangement fits; only a map too crowded for the readable
size is shrunk as a whole to stay in view. Nothing scrolls.
"""

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import QGraphicsView, QLabel, QStackedLayout, QWidget

from app.services.changes import Area, Changes
from app.services.errors import ServiceError
from app.services.system_map import MapView, system_map
from ui.capture.context import StepContext
from ui.capture.map_fit import Spacing, Spread, pair, spread
from ui.capture.map_items import caption_font, node_size
from ui.capture.map_layout import Box
from ui.capture.map_scene import MapScene
from ui.capture.room_type import type_range
from ui.store import Store

EMPTY = "No actors on the map yet."
SHRINK = 0.88  # from one size tried to the next, largest first


@dataclass(frozen=True)
class Fit:
    points: float  # the type of the boxes in the scene
    spread: Spread
    scale: float  # the view's, at most 1: below 1 only when even the readable size is crowded

    @property
    def shown(self) -> float:
        return self.points * self.scale


class MapResults(QWidget):
    def __init__(self, store: Store, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.context = context
        self.map: MapView | None = None
        self.fitted: Fit | None = None
        self._fitted_for: tuple[int, int, float] | None = None  # the room and type measured
        self.scene = MapScene(editable=False, parent=self)
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self.view.setInteractive(False)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.setAccessibleName("System map")
        self.empty = QLabel(EMPTY)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self._scale_empty()
        # A big map takes a while to arrange: after a change, once the loop is free (so the
        # facilitator's typing never waits for the wall), and once for a burst of changes.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.reload)
        store.sig_changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Area.MAP) and changes.workshop_id in (None, self.context.workshop_id):
            self._later.start()

    def reload(self) -> None:
        try:
            self.map = system_map(self.store.db, self.context.agenda_item_id, self.context.step_key)
        except ServiceError:
            return
        self._fitted_for = None  # the labels or places changed: measure again
        self.fit()

    def fit(self) -> None:
        """The largest type at which the map fills the view, then the items where it says."""
        if self.map is None:
            return
        self.stack.setCurrentWidget(self.view if self.map.nodes else self.empty)
        width, height = self.width(), self.height()  # the view's, which has no frame or margin
        if not self.map.nodes or width < 2 or height < 2:
            self.scene.show_map(self.map)
            return
        measured_for = (width, height, self.font().pointSizeF())
        if self.fitted is not None and self._fitted_for == measured_for:
            return
        fit = self._best(float(width), float(height))
        font = QFont(self.font())
        font.setPointSizeF(fit.points)
        if font != self.scene.font():  # boxes are measured once, in the scene's font
            old = self.scene
            self.scene = MapScene(editable=False, font=font, parent=self)
            self.view.setScene(self.scene)
            old.deleteLater()
        self.scene.show_map(self.map)
        for node_id, (x, y) in fit.spread.places.items():
            self.scene.nodes[node_id].setPos(x, y)
        self.view.setSceneRect(QRectF(0, 0, fit.spread.width, fit.spread.height))
        self.view.resetTransform()
        self.view.scale(fit.scale, fit.scale)
        self.fitted = fit
        self._fitted_for = measured_for

    def _best(self, width: float, height: float) -> Fit:
        low, high = type_range(self)
        best: Fit | None = None
        points = high
        while True:
            fit = self._try(min(points, high), width, height)
            if best is None or fit.shown > best.shown:
                best = fit
            if fit.scale >= 1.0 or points <= low:
                return best  # smaller type would only be smaller on the wall
            points = max(low, points * SHRINK)

    def _try(self, points: float, width: float, height: float) -> Fit:
        assert self.map is not None
        font = QFont(self.font())
        font.setPointSizeF(points)
        boxes = []
        for node in self.map.nodes:
            if node.id is not None:
                size = node_size(node.label, node.kind, font)
                boxes.append(Box(node.id, size.width(), size.height(), node.x, node.y))
        line = QFontMetricsF(font).height()
        # Margins and gaps leave room for the link labels between boxes.
        spreading = spread(boxes, width, height, line * 0.5, self._spacing(font))
        scale = min(1.0, width / spreading.width, height / spreading.height)
        return Fit(points, spreading, scale)

    def _spacing(self, font: QFont) -> Spacing:
        """Between any two boxes a little air; between linked ones room for the label's plate
        and the arrow heads (the plate sits halfway, as LinkItem draws it)."""
        assert self.map is not None
        caption = QFontMetricsF(caption_font(font))
        arrow = caption.height() * 0.65 * 2 + caption.height() * 0.5
        spacing = Spacing((caption.height() * 1.5, caption.height()))
        for link in self.map.links:
            if not link.label:
                continue
            plate = (
                caption.horizontalAdvance(link.label) + caption.height() * 0.8,
                caption.height() * 1.25,
            )
            ends = pair(link.source_id, link.target_id)
            old = spacing.plates.get(ends, (0.0, 0.0))
            spacing.plates[ends] = (max(old[0], plate[0]), max(old[1], plate[1]))
            spacing.pairs[ends] = (spacing.plates[ends][0] + arrow, spacing.plates[ends][1] + arrow)
        return spacing

    def _scale_empty(self) -> None:
        font = QFont(self.font())
        font.setPointSizeF(type_range(self)[0] * 1.2)
        self.empty.setFont(font)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._scale_empty()
            self.fit()


def map_results(store: Store, context: StepContext) -> QWidget:
    """The registry's results factory for map steps."""
    return MapResults(store, context)
