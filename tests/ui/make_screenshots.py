"""Save the README screenshots: home, editor, library, runner and projector, light and dark.

    uv run python -m tests.ui.make_screenshots [OUT_DIR]    (default: resources/screenshots)

Builds a throw-away data folder with the demo workshop and a few others, opens the real main
window, and grabs it. Runs offscreen (or under Xvfb if DISPLAY is set).
"""

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.db.database import Database
from app.demo import create_demo_workshop
from app.services.templates import create_from_template
from app.services.workshops import archive_workshop, create_workshop
from app.user_library import load_user_library
from tests.ui.runner_screenshots import grab_runner
from ui.application import make_application
from ui.main_window import MainWindow
from ui.store import Store
from ui.theme import Appearance, AppearanceSwitch

SIZE = (1280, 820)


def _fill(db: Database, data_dir: Path) -> int:
    library = load_user_library(data_dir).library
    demo = create_demo_workshop(db, library).id
    template = library.template("system_leadership_lab")
    create_from_template(
        db,
        template,
        library,
        title="Care network: seeing the whole system",
        organisation="Northside care partnership",
        date=dt.date(2026, 12, 3),
        start_time=dt.time(9, 30),
    )
    create_workshop(
        db,
        title="Leadership team retreat",
        organisation="Harbour school",
        date=dt.date(2027, 1, 14),
        minutes_available=240,
    )
    old = create_workshop(db, title="Spring kick-off", date=dt.date(2026, 3, 2)).id
    archive_workshop(db, old)
    return demo


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    app = make_application(sys.argv[:1])
    switch = AppearanceSwitch(app)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        db = Database.open(data_dir)
        demo = _fill(db, data_dir)
        for choice in (Appearance.LIGHT, Appearance.DARK):
            switch.apply(choice)
            settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
            window = MainWindow(Store(db), settings)
            window.resize(*SIZE)
            window.show()
            _settle(app)
            window.grab().save(str(out_dir / f"home-{choice.value}.png"))
            window.open_workshop(demo)
            window.editor.show_agenda()
            window.editor.library.list_view.setCurrentIndex(
                window.editor.library.list_view.model().index(2, 0)
            )
            _settle(app)
            window.grab().save(str(out_dir / f"editor-{choice.value}.png"))
            window.editor.show_details()
            _settle(app)
            window.grab().save(str(out_dir / f"details-{choice.value}.png"))
            window.editor.show_agenda()
            window.editor.splitter.setSizes([760, SIZE[0] - 760])  # room for list and detail
            library = window.editor.library
            _settle(app)
            library.grab().save(str(out_dir / f"library-{choice.value}.png"))
            grab_runner(app, window, demo, out_dir, choice.value)
            window.close()
            window.deleteLater()
            _settle(app)
        db.close()
    print(f"screenshots written to {out_dir}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("resources/screenshots"))
