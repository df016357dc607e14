"""Start the desktop app: the QApplication, one instance per data folder, the database, the window.

Kept apart from the launcher so that the command line never imports Qt.
"""

import os
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.help.about_dialog import app_icon
from ui.single_instance import Claim, InstanceGuard
from ui.splash import show_splash
from ui.theme import APPEARANCE_KEY, Appearance, AppearanceSwitch

if TYPE_CHECKING:
    from ui.main_window import MainWindow

APP_ID = "org.chorusworkshops.Chorus"  # reverse-DNS id: the .desktop file and AppStream share it
ORGANISATION = "Chorus"
APP_NAME = "Chorus"


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    return app


def run_app(data_dir: Path) -> int:
    app = make_application(sys.argv[:1])
    guard = InstanceGuard(data_dir)
    claim = guard.claim()
    if claim is Claim.HANDED_OVER:
        print(f"chorus: already open on {data_dir}; brought that window to the front.")
        return 0
    if claim is Claim.NO_ANSWER:
        owner = f" (process {pid})" if (pid := guard.owner_pid()) else ""
        print(
            f"chorus: another Chorus{owner} is using {data_dir} and did not answer.",
            file=sys.stderr,
        )
        return 1
    try:
        return _run_window(app, data_dir, guard)
    finally:
        guard.release()


def _run_window(app: QApplication, data_dir: Path, guard: InstanceGuard) -> int:
    settings = QSettings()
    appearance = AppearanceSwitch(app)
    appearance.apply(Appearance(str(settings.value(APPEARANCE_KEY, Appearance.SYSTEM.value))))
    splash = show_splash()
    if os.environ.get("CHORUS_EXIT_AFTER_FIRST_PAINT"):
        return 0  # for start-up measurements: the first window has painted
    # Imported only once this process owns the folder and shows it is opening: a second
    # launch, which just hands over, never pays for loading the whole window.
    from ui.main_window import MainWindow
    from ui.startup import open_database
    from ui.store import Store

    db, problem = open_database(data_dir)
    if db is None:
        assert problem is not None
        splash.close()
        QMessageBox.critical(None, problem.title, problem.text)
        return 1
    window = MainWindow(Store(db), settings, appearance=appearance)
    guard.sig_activate_requested.connect(window.bring_to_front)
    _quit_on_terminate(window)
    if os.environ.get("CHORUS_EXIT_AFTER_STARTUP"):
        # For start-up measurements: the home list is loaded before the window is shown,
        # so its first paint is also the moment the app is ready to use.
        window.installEventFilter(_QuitAfterPaint(window))
    window.show()
    splash.close()
    window.resume_interrupted_run()
    if problem is not None:
        QTimer.singleShot(0, lambda: window.prompts.warn(problem.title, problem.text))
    try:
        return app.exec()
    finally:
        db.close()


def _quit_on_terminate(window: "MainWindow") -> None:
    """SIGTERM (logout, shutdown, `kill`) closes the window as the user would: settings kept,
    the database closed and backed up. A timer lets Python run its signal handler."""
    # Queued, not called: a SIGTERM that lands before the event loop runs would otherwise close
    # the window before exec() starts, and exec() would then wait forever.
    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, window.close))
    ticker = QTimer(window)
    ticker.timeout.connect(lambda: None)
    ticker.start(250)


class _QuitAfterPaint(QObject):
    def __init__(self, window: "MainWindow") -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._window.close)
        return False
