"""Help > About: the app's icon and version, its licence and the credits of ideas, fonts and icons.

`app_icon()` is also the window icon: it reads the PNGs rendered from the icon's SVG, found
relative to this module, so the same lookup works in a source tree and in a bundle.
"""

import html
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

import app

APP_ID = "org.chorusworkshops.Chorus"  # the icon's name, as ui.application.APP_ID
ICON_DIR = Path(__file__).resolve().parents[2] / "resources" / "icons" / "hicolor"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

SUMMARY = "Plan, run and record collective-leadership workshops, offline."
CREDITS = (
    "The exercises are written for Chorus from the ideas of five short essays on generative, "
    "collective, concurrent and distributed leadership, which draw on Senge, Hamilton and "
    "Kania, “The Dawn of System Leadership” (2015), Senge, “The Fifth Discipline” (1990), "
    "Uhl-Bien (2006), Yukl (2008) and Gawande (2007). Each exercise names the idea it builds on."
)
ICON_CREDIT = (
    "Icons: Material Design Icons (Pictogrammers, Apache 2.0) through QtAwesome (MIT). "
    "The Chorus icon was drawn for Chorus and is released under CC0."
)
FONT_CREDIT = (
    "PDF fonts: Noto Sans, Noto Sans Hebrew and Noto Sans Arabic (SIL Open Font License), "
    "DejaVu Sans (Bitstream Vera licence), Droid Sans Fallback (Apache 2.0) and Symbola 9.17 "
    "(free for any use); their licences are in resources/fonts. Timer chime: made for Chorus, CC0."
)
LICENCE = (
    "Chorus is free software under the MIT licence. It is built with Qt and PySide6 (LGPL v3), "
    "Python (PSF licence), SQLAlchemy, SQLModel, Alembic, pydantic, platformdirs and QtAwesome "
    "(MIT), ReportLab (BSD) and Pillow (MIT-CMU)."
)


def icon_file(size: int) -> Path:
    return ICON_DIR / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def app_icon() -> QIcon:
    """Chorus's icon in every rendered size (an empty icon if the files are missing)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_file(size)
        if path.is_file():
            icon.addFile(str(path))
    return icon


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Chorus")
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(64, 64))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(
            f"<h2>Chorus</h2><p>Version {html.escape(app.__version__)}</p>"
            f"<p>{html.escape(SUMMARY)}</p>"
        )
        title.setWordWrap(True)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        body = QLabel(
            f"<p>{html.escape(CREDITS)}</p><p>{html.escape(ICON_CREDIT)}</p>"
            f"<p>{html.escape(FONT_CREDIT)}</p><p>{html.escape(LICENCE)}</p>"
        )
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        header = QHBoxLayout()
        header.addWidget(logo)
        header.addWidget(title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(body)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
