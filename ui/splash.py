"""The window shown while Chorus opens: on screen within a few tenths of a second of the click.

Loading the main window (its database layer, icons and every page) takes most of a second, so a
plain splash comes first, as in most desktop apps: the icon, the name and what is happening.
It imports nothing beyond QtGui and QtWidgets, and draws itself in the system palette, so it
looks at home in light and dark.
"""

from pathlib import Path

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

ICON = (
    Path(__file__).resolve().parents[1]
    / "resources/icons/hicolor/256x256/apps/org.chorusworkshops.Chorus.png"
)
WIDTH, HEIGHT = 420, 220
ICON_SIZE = 96


def _picture(palette: QPalette, ratio: float) -> QPixmap:
    pixmap = QPixmap(int(WIDTH * ratio), int(HEIGHT * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setPen(QColor(palette.color(QPalette.ColorRole.Mid)))
        painter.setBrush(palette.color(QPalette.ColorRole.Window))
        painter.drawRoundedRect(QRectF(0.5, 0.5, WIDTH - 1, HEIGHT - 1), 12, 12)
        icon = QPixmap(str(ICON))
        if not icon.isNull():
            target = QRect(32, (HEIGHT - ICON_SIZE) // 2, ICON_SIZE, ICON_SIZE)
            painter.drawPixmap(target, icon)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        title = QFont(QApplication.font())
        title.setPointSizeF(title.pointSizeF() * 2.2)
        title.setBold(True)
        painter.setFont(title)
        text_left = 32 + ICON_SIZE + 24
        painter.drawText(QRect(text_left, 60, WIDTH - text_left - 16, 50), 0, "Chorus")
        painter.setFont(QApplication.font())
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            QRect(text_left, 118, WIDTH - text_left - 16, 40), 0, "Opening your workshops…"
        )
    finally:
        painter.end()
    return pixmap


class Splash(QWidget):
    """A frameless window that only draws its picture. (QSplashScreen waits up to a second for
    the window system to report it exposed, which defeats the purpose where that report is
    slow or never comes.)"""

    def __init__(self, picture: QPixmap) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self._picture = picture
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setAccessibleName("Chorus is opening")
        self.resize(WIDTH, HEIGHT)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.move(screen.availableGeometry().center() - self.rect().center())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        painter.end()


def show_splash() -> Splash:
    """Show the splash and let it paint before the slow part begins."""
    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    splash = Splash(_picture(QApplication.palette(), ratio))
    splash.show()
    splash.repaint()  # painted now, not when the event loop gets round to it
    QApplication.processEvents()
    return splash
