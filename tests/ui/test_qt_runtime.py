"""Qt runs here: the offscreen platform, its runtime libraries and fonts are in place."""

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot


def test_a_label_renders_text_on_the_offscreen_platform(qtbot: QtBot) -> None:
    label = QLabel("Chorus ✓ 日本語")
    qtbot.addWidget(label)
    label.resize(240, 40)
    label.show()
    qtbot.waitExposed(label)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.platformName() == "offscreen"
    image = label.grab().toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(image.height())}
    assert len(colours) > 2  # glyphs were drawn, not just a background
