"""The start-up floor: a bare PySide6 QMainWindow with a QLabel that quits once painted.

`python bare_window.py` is the first-paint floor; `python bare_window.py --imports` also imports
sqlmodel and qtawesome (what any Chorus window needs at least), the interactive start-up floor.
It quits the way the app does under CHORUS_EXIT_AFTER_*: on the window's first Paint event.
Deliberately standalone: it imports nothing of Chorus or of the benchmark.
"""

import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

if "--imports" in sys.argv:
    import qtawesome  # noqa: F401
    import sqlmodel  # noqa: F401


class QuitAfterPaint(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.window.close)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("Chorus"))
    window.installEventFilter(QuitAfterPaint(window))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
