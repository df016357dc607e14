"""Help > About: version, licence and where the ideas come from."""

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from app import __version__

CREDITS = (
    "The exercises are written for Chorus from the ideas of five short essays on generative, "
    "collective, concurrent and distributed leadership, which draw on Senge, Hamilton and "
    "Kania, “The Dawn of System Leadership” (2015), Senge, “The Fifth Discipline” (1990), "
    "Uhl-Bien (2006), Yukl (2008) and Gawande (2007). Each exercise names the idea it builds on."
)
ICON_CREDIT = "Icons: Material Design Icons (Pictogrammers, Apache 2.0) through QtAwesome (MIT)."
FONT_CREDIT = (
    "PDF fonts: Noto Sans, Noto Sans Hebrew and Noto Sans Arabic (SIL Open Font License), "
    "DejaVu Sans (Bitstream Vera licence), Droid Sans Fallback (Apache 2.0) and Symbola 9.17 "
    "(free for any use); their licences are in resources/fonts. Timer chime: made for Chorus, CC0."
)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Chorus")
        title = QLabel(f"<h2>Chorus {html.escape(__version__)}</h2>")
        body = QLabel(
            "<p>Plan, run and record collective-leadership workshops, offline.</p>"
            f"<p>{html.escape(CREDITS)}</p><p>{html.escape(ICON_CREDIT)}</p>"
            f"<p>{html.escape(FONT_CREDIT)}</p>"
            "<p>Chorus is free software under the MIT licence.</p>"
        )
        body.setWordWrap(True)
        body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(body)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
