"""The canvas every projector results view draws on: labels placed by hand, never scrolled.

A results view composes a `Sheet` for its current size (which texts go where, in which font,
and the tiles or bands behind them); the sheet widget shows it with a reused pool of labels and
paints the backgrounds from palette roles. Nothing can scroll, so whatever the view composes
must fit, or be summarised by the view ("+12 earlier cards"). Relayouts after a change in the
store are deferred to the event loop, so a burst of changes costs one relayout and the
facilitator's typing never waits for the wall.
"""

from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ui.capture.room_type import WORD_WRAP, Face, Measure, Role
from ui.theme import is_dark, warning_colour

Align = Qt.AlignmentFlag
TOP_LEFT = Align.AlignLeft | Align.AlignTop


@dataclass(frozen=True)
class Placed:
    text: str
    font: QFont
    rect: QRectF
    role: Role = Role.WindowText
    flags: int = WORD_WRAP  # as measured: word wrap, or anywhere for an overlong word
    align: Align = TOP_LEFT
    warning: bool = False


@dataclass(frozen=True)
class Panel:
    rect: QRectF
    band: bool = False  # a row's band (base, no edge) instead of a tile (base, with an edge)
    accent: bool = False  # the newest tile, edged in the highlight colour


@dataclass
class Sheet:
    texts: list[Placed] = field(default_factory=list)
    panels: list[Panel] = field(default_factory=list)
    points: float = 0.0  # the body size chosen (what the tests check against READABLE)

    def add(
        self,
        text: str,
        face: Face,
        rect: QRectF,
        *,
        role: Role = Role.WindowText,
        flags: int = WORD_WRAP,
        align: Align = TOP_LEFT,
        warning: bool = False,
    ) -> None:
        self.texts.append(Placed(text, face.font, rect, role, flags, align, warning))


class RoomText(QLabel):
    """A label that wraps its text with exactly the flags it was measured with."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # room text is never markup
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.flags = WORD_WRAP
        self.warning = False

    def show_placed(self, placed: Placed) -> None:
        if self.font() != placed.font:
            self.setFont(placed.font)
        if self.text() != placed.text:
            self.setText(placed.text)
        self.setForegroundRole(placed.role)
        self.setAlignment(placed.align)
        self.flags = placed.flags
        self.warning = placed.warning
        rect = placed.rect
        # Whole pixels: as wide as measured (so it wraps the same), a pixel taller for rounding.
        top = int(rect.top())
        height = int(rect.bottom() - top) + 1
        self.setGeometry(QRect(int(rect.left()), top, int(rect.width()), height))
        self.show()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setFont(self.font())
        palette = self.palette()
        colour = palette.color(self.foregroundRole())
        painter.setPen(warning_colour(palette) if self.warning else colour)
        painter.drawText(QRectF(self.rect()), self.flags | int(self.alignment()), self.text())


class ResultsSheet(QWidget):
    """Base of the results views: subclasses compose a Sheet for a size; this shows it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.measure = Measure()
        self.sheet = Sheet()
        self.labels: list[RoomText] = []
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.relayout)

    def compose(self, width: float, height: float) -> Sheet:
        raise NotImplementedError

    def schedule(self) -> None:
        """Relayout once the event loop is free (changes from the store come in bursts)."""
        self._later.start()

    def relayout(self) -> None:
        self._later.stop()
        self.sheet = self.compose(float(self.width()), float(self.height()))
        for number, placed in enumerate(self.sheet.texts):
            if number == len(self.labels):
                self.labels.append(RoomText(self))
            self.labels[number].show_placed(placed)
        for label in self.labels[len(self.sheet.texts) :]:
            if not label.isHidden():
                label.setText("")  # nothing stale is left behind, even hidden
                label.hide()
        self.update()

    def shown_labels(self) -> list[RoomText]:
        return [label for label in self.labels if not label.isHidden()]

    def shown_texts(self) -> list[str]:
        """What the sheet says, in the order it was composed (reading order)."""
        return [label.text() for label in self.shown_labels()]

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.sheet.panels:
            return
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        edge = palette.color(Role.Light if is_dark(palette) else Role.Mid)
        for panel in self.sheet.panels:
            if panel.band:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(palette.color(Role.Base))
                painter.drawRect(panel.rect)
            else:
                pen = QPen(palette.color(Role.Highlight), 3) if panel.accent else QPen(edge)
                painter.setPen(pen)
                painter.setBrush(palette.color(Role.Base))
                radius = min(panel.rect.height(), panel.rect.width(), 120.0) * 0.08
                inset = pen.widthF() / 2
                rect = panel.rect.adjusted(inset, inset, -inset, -inset)
                painter.drawRoundedRect(rect, radius, radius)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.relayout()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.relayout()  # the projector's type grew or shrank with its window
