"""Start the desktop app: the QApplication, one instance per data folder, the database, the window.

Kept apart from the launcher so that the command line never imports Qt.
"""

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from ui.main_window import APPEARANCE_KEY, MainWindow
from ui.single_instance import InstanceGuard
from ui.startup import open_database
from ui.store import Store
from ui.theme import Appearance, AppearanceSwitch

APP_ID = "org.chorusworkshops.Chorus"  # reverse-DNS id: the .desktop file and AppStream share it
ORGANISATION = "Chorus"
APP_NAME = "Chorus"


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    return app


def run_app(data_dir: Path) -> int:
    app = make_application(sys.argv[:1])
    guard = InstanceGuard(data_dir)
    if not guard.acquire():
        if guard.ask_owner_to_activate():
            print(f"chorus: already open on {data_dir}; brought that window to the front.")
            return 0
        print(f"chorus: another Chorus is using {data_dir} and did not answer.", file=sys.stderr)
        return 1
    try:
        return _run_window(app, data_dir, guard)
    finally:
        guard.release()


def _run_window(app: QApplication, data_dir: Path, guard: InstanceGuard) -> int:
    db, problem = open_database(data_dir)
    if db is None:
        assert problem is not None
        QMessageBox.critical(None, problem.title, problem.text)
        return 1
    settings = QSettings()
    appearance = AppearanceSwitch(app)
    appearance.apply(Appearance(settings.value(APPEARANCE_KEY, Appearance.SYSTEM.value)))
    window = MainWindow(Store(db), settings, appearance=appearance)
    guard.sig_activate_requested.connect(window.bring_to_front)
    window.show()
    if problem is not None:
        QTimer.singleShot(0, lambda: window.prompts.warn(problem.title, problem.text))
    try:
        return app.exec()
    finally:
        db.close()
