"""The splash: on screen at once, in the palette's colours, with the icon and what is going on."""

from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui.splash import HEIGHT, ICON, WIDTH, show_splash
from ui.theme import dark_palette


def _colours(image: QImage) -> set[int]:
    return {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }


def test_the_splash_shows_the_icon_and_the_name_at_once(qtbot: QtBot) -> None:
    assert ICON.is_file()
    splash = show_splash()
    qtbot.addWidget(splash)
    assert splash.isVisible()  # shown and painted before show_splash returned
    assert (splash.width(), splash.height()) == (WIDTH, HEIGHT)
    assert splash.accessibleName() == "Chorus is opening"
    image = splash.grab().toImage()
    assert len(_colours(image)) > 20  # the icon's gradient and the text, not a blank card
    tile = QColor(image.pixel(40, HEIGHT // 2))  # the left edge of the icon's blue tile
    assert tile.blue() > tile.red() + 60


def test_the_splash_is_drawn_in_the_current_palette(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    saved = QPalette(app.palette())
    try:
        app.setPalette(dark_palette())
        splash = show_splash()
        qtbot.addWidget(splash)
        corner = QColor(splash.grab().toImage().pixel(WIDTH // 2, 8))
        assert corner.lightness() < 100  # a dark card for a dark desktop
    finally:
        app.setPalette(saved)
