"""The map canvas: a graphics view that the keyboard can drive as well as the mouse.

Tab and Shift+Tab walk from actor to actor (when there are any: an empty map lets Tab move on),
arrow keys ask to nudge the selected actors, Escape goes back to the entry box, Ctrl+wheel
zooms. Names are edited in place: a line edit over the item, Enter keeps, Escape cancels.
"""

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QPainter, QPalette, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView, QLineEdit, QWidget

from ui.capture.map_scene import MapScene

Key = Qt.Key
NUDGE = 10.0  # scene units per arrow key; Shift moves five times as far
MIN_SCALE, MAX_SCALE = 0.2, 3.0
EMPTY_HINT = "No actors yet: type a name above and press Enter."
_ARROWS = {Key.Key_Left: (-1, 0), Key.Key_Right: (1, 0), Key.Key_Up: (0, -1), Key.Key_Down: (0, 1)}


def _swallows_escape(widget: QWidget, event: QEvent) -> bool:
    """Claim Escape before any shortcut does, so it cancels here."""
    if (
        event.type() == QEvent.Type.ShortcutOverride
        and isinstance(event, QKeyEvent)
        and event.key() == Key.Key_Escape
    ):
        event.accept()
        return True
    return False


class InlineEdit(QLineEdit):
    """Edits one name over the canvas; calls `done` once with the text, or None when cancelled."""

    def __init__(
        self, canvas: QGraphicsView, text: str, done: Callable[[str | None], None]
    ) -> None:
        super().__init__(text, canvas.viewport())
        self._canvas = canvas
        self._done = done
        self._finished = False
        self.setAccessibleName("Name")
        self.editingFinished.connect(lambda: self.finish(self.text()))

    def event(self, event: QEvent) -> bool:
        return _swallows_escape(self, event) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() == Key.Key_Escape:
            self.finish(None)
            return
        super().keyPressEvent(event)

    def finish(self, text: str | None) -> None:
        if self._finished:
            return
        self._finished = True
        if self.hasFocus():
            self._canvas.setFocus()  # the keyboard goes back to the map
        self.hide()
        self.deleteLater()
        self._done(text)


class MapCanvas(QGraphicsView):
    sig_nudge = Signal(float, float)  # scene units to move the selected actors by
    sig_leave = Signal()  # Escape: the user wants to type again

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self.editor: InlineEdit | None = None
        self._editing_over = QRectF()
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("System map")

    # keyboard

    def event(self, event: QEvent) -> bool:
        if _swallows_escape(self, event):
            return True
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            plain = not mods & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            )
            if key in (Key.Key_Tab, Key.Key_Backtab) and plain and self.map_scene.nodes:
                self.cycle(forward=key == Key.Key_Tab)
                return True
        return super().event(event)

    def cycle(self, *, forward: bool) -> None:
        """Select the next (or previous) actor in the order they were added."""
        ids = list(self.map_scene.nodes)
        selected = self.map_scene.selected_node_ids()
        if selected:
            at = ids.index(selected[-1 if forward else 0])
            node_id = ids[(at + (1 if forward else -1)) % len(ids)]
        else:
            node_id = ids[0 if forward else -1]
        item = self.map_scene.nodes[node_id]
        self.map_scene.select_only(item)
        self.ensureVisible(item)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        step = _ARROWS.get(Key(event.key()))
        if step is not None and self.map_scene.selected_node_ids():
            size = NUDGE * (5 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
            self.sig_nudge.emit(step[0] * size, step[1] * size)
            return
        if event.key() == Key.Key_Escape:
            self.sig_leave.emit()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        reason = event.reason()
        by_tab = reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        if by_tab and self.map_scene.nodes and not self.map_scene.selectedItems():
            self.cycle(forward=reason == Qt.FocusReason.TabFocusReason)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:  # noqa: N802
        if self.map_scene.nodes:
            return
        painter.save()
        painter.resetTransform()  # viewport coordinates: the hint stays put
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, EMPTY_HINT)
        painter.restore()

    # zoom

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.15 if event.angleDelta().y() > 0 else 1 / 1.15)
            event.accept()
            return
        super().wheelEvent(event)

    def zoom_by(self, factor: float) -> None:
        scale = self.transform().m11()
        factor = max(MIN_SCALE / scale, min(MAX_SCALE / scale, factor))
        self.scale(factor, factor)
        self._place_editor()

    def fit(self) -> None:
        """Show the whole map, never larger than life (a small map stays readable)."""
        content = self.map_scene.content_rect()
        if content.isEmpty():
            self.resetTransform()
            self.centerOn(0, 0)
            return
        self.setSceneRect(content.united(self.sceneRect()))
        self.fitInView(content, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > 1.0:
            self.resetTransform()
        elif self.transform().m11() < MIN_SCALE:
            self.zoom_by(MIN_SCALE / self.transform().m11())
        self.centerOn(content.center())
        self._place_editor()

    # editing a name in place

    def edit_inline(self, over: QRectF, text: str, done: Callable[[str | None], None]) -> None:
        """A line edit over `over` (scene coordinates) holding `text`; it follows scrolling."""
        self.finish_inline()

        def finished(value: str | None) -> None:
            if self.editor is editor:
                self.editor = None
            done(value)

        editor = InlineEdit(self, text, finished)
        self._editing_over = QRectF(over)
        self.editor = editor
        self._place_editor()
        editor.textChanged.connect(self._place_editor)
        editor.show()
        editor.selectAll()
        editor.setFocus()

    def _place_editor(self) -> None:
        if self.editor is None:
            return
        area = self.mapFromScene(self._editing_over).boundingRect()
        metrics = self.editor.fontMetrics()
        wanted = metrics.horizontalAdvance(self.editor.text() + "MM") + 16  # grows while typing
        width = min(
            max(area.width() + 40, wanted, metrics.averageCharWidth() * 24),
            self.viewport().width() - 8,
        )
        height = self.editor.sizeHint().height()
        centre = area.center()
        self.editor.setGeometry(centre.x() - width // 2, centre.y() - height // 2, width, height)

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 (Qt's name)
        super().scrollContentsBy(dx, dy)
        self._place_editor()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place_editor()

    def finish_inline(self) -> None:
        """Keep what is typed in an open name editor (before the step changes)."""
        if self.editor is not None:
            self.editor.finish(self.editor.text())
