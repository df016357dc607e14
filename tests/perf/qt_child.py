"""Shared by the in-process children: the one QApplication, the real main window on a data
folder, and "painted" as an observed Paint event rather than a forced repaint.

Waiting for the Paint event that Qt itself schedules (an update request processed by the event
loop) measures what a user would see on the next frame; calling repaint() would instead paint
synchronously and hide any work that Qt coalesces or postpones.
"""

import os
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QWidget

from app.db.database import Database
from ui.application import make_application
from ui.main_window import MainWindow
from ui.store import Store

WINDOW_SIZE = (1280, 800)  # a laptop screen, where the runner is used
PAINT_TIMEOUT_S = 60.0


class PaintWatch(QObject):
    """Counts Paint events of one widget (install on a list's viewport, where items are drawn)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        self.painted = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted += 1
        return False

    def detach(self) -> None:
        self.widget.removeEventFilter(self)


def wait_until_painted(watches: list[PaintWatch], since: list[int] | None = None) -> None:
    """Run the event loop until every watched widget painted again. processEvents returns only
    once the paint it dispatched is finished, so the caller's clock stops after the frame."""
    app = QApplication.instance()
    assert app is not None
    before = since or [0] * len(watches)
    deadline = time.perf_counter() + PAINT_TIMEOUT_S
    while any(w.painted <= b for w, b in zip(watches, before, strict=True)):
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the view was never painted")


def settle(seconds: float = 0.2) -> None:
    """Let queued work (timers, deferred layouts) finish before the next timed action."""
    app = QApplication.instance()
    assert app is not None
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.005)


def open_window(data_dir: Path, settings_file: Path) -> tuple[QApplication, MainWindow]:
    """The app's own QApplication set-up and main window, shown and painted once."""
    app = make_application(["chorus-perf"])
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    window = MainWindow(Store(Database.open(data_dir)), settings)
    window.resize(*WINDOW_SIZE)
    watch = PaintWatch(window)
    window.show()
    wait_until_painted([watch])
    watch.detach()
    settle()
    return app, window


def close_window(window: MainWindow) -> None:
    db = window.store.db
    window.close()
    settle(0.05)
    db.close()
