"""The map on the projector: the same actors and links, read-only, always whole and large.

It follows every change (the facilitator's typing, undo, a tidy) and refits to its window, so
the room sees the whole map at the largest size that fits (up to 2.5x). The boxes are measured in
the app font, as in the panel, and enlarged by the view: a larger font would grow the boxes but
not the distances the facilitator placed them at, and they would overlap.
"""

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import QGraphicsView, QLabel, QStackedLayout, QWidget

from app.services.changes import Area, Changes
from app.services.errors import ServiceError
from app.services.system_map import system_map
from ui.capture.context import StepContext
from ui.capture.map_scene import MapScene
from ui.store import Store

MAX_ENLARGEMENT = 2.5
EMPTY = "No actors on the map yet."


class MapResults(QWidget):
    def __init__(self, store: Store, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.context = context
        self.scene = MapScene(editable=False, parent=self)  # same boxes as the panel; zoom enlarges
        self.view = QGraphicsView(self.scene)
        self.view.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self.view.setInteractive(False)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setAccessibleName("System map")
        self.empty = QLabel(EMPTY)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.empty.setFont(font)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        store.sig_changed.connect(self._on_changed)
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Area.MAP) and changes.workshop_id in (None, self.context.workshop_id):
            self.reload()

    def reload(self) -> None:
        try:
            view = system_map(self.store.db, self.context.agenda_item_id, self.context.step_key)
        except ServiceError:
            return
        self.scene.show_map(view)
        self.stack.setCurrentWidget(self.view if self.scene.nodes else self.empty)
        QTimer.singleShot(0, self, self.fit)  # after the items have their final geometry

    def fit(self) -> None:
        content = self.scene.content_rect()
        if content.isEmpty():
            return
        self.view.setSceneRect(content)
        self.view.fitInView(content, Qt.AspectRatioMode.KeepAspectRatio)
        scale = self.view.transform().m11()
        if scale > MAX_ENLARGEMENT:
            self.view.scale(MAX_ENLARGEMENT / scale, MAX_ENLARGEMENT / scale)
        self.view.centerOn(QRectF(content).center())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit()


def map_results(store: Store, context: StepContext) -> QWidget:
    """The registry's results factory for map steps."""
    return MapResults(store, context)
