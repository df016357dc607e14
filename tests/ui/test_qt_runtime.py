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


def test_qt_calls_do_not_leak_references_to_none(qtbot: QtBot) -> None:
    """PySide6 6.12.0 took a reference off None per void call; on Python 3.11 the process
    aborts once the count reaches zero, mid-workshop. Pinned below it in pyproject.toml."""
    import sys

    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setEnabled(True)
    assert sys.getrefcount(None) >= before - 100
