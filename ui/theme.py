"""Light and dark: follow the operating system, or the user's choice under View > Appearance.

Where the platform can switch colour scheme itself (Windows, macOS, GNOME and KDE through Qt's
style hints), Qt does the work. Where it cannot (plain X11, offscreen), a dark choice sets a
dark palette here, the one place in ui/ that names colours; widgets use palette roles only.
"""

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

Role = QPalette.ColorRole
Group = QPalette.ColorGroup


class Appearance(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


_DARK = {
    Role.Window: "#2b2b2e",
    Role.WindowText: "#e8e8ea",
    Role.Base: "#1f1f22",
    Role.AlternateBase: "#29292d",
    Role.ToolTipBase: "#3a3a3f",
    Role.ToolTipText: "#f0f0f2",
    Role.PlaceholderText: "#8d8d94",
    Role.Text: "#e8e8ea",
    Role.Button: "#35353a",
    Role.ButtonText: "#e8e8ea",
    Role.BrightText: "#ff6b6b",
    Role.Light: "#4a4a50",
    Role.Midlight: "#3f3f45",
    Role.Mid: "#2f2f34",
    Role.Dark: "#18181b",
    Role.Shadow: "#0c0c0e",
    Role.Highlight: "#3d7bd9",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#7fb0ff",
    Role.LinkVisited: "#b59cff",
}
_DARK_DISABLED = {Role.WindowText: "#7a7a80", Role.Text: "#7a7a80", Role.ButtonText: "#7a7a80"}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in _DARK.items():
        palette.setColor(role, QColor(colour))
    for role, colour in _DARK_DISABLED.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(Role.Window).lightness() < 128


APPEARANCE_KEY = "appearance"  # the QSettings key of the user's choice


class AppearanceSwitch:
    """Applies the user's choice; remembers the system palette so "system" can go back to it."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._system = QPalette(app.palette())

    def apply(self, choice: Appearance) -> None:
        hints = self._app.styleHints()
        hints.setColorScheme(_SCHEMES[choice])  # honoured where the platform can switch
        if choice is Appearance.SYSTEM:
            self._app.setPalette(self._system)
        elif (choice is Appearance.DARK) == is_dark(self._system):
            self._app.setPalette(self._system)  # the system already looks this way
        elif choice is Appearance.DARK:
            self._app.setPalette(dark_palette())
        else:
            self._app.setPalette(self._app.style().standardPalette())


_SCHEMES = {
    Appearance.SYSTEM: Qt.ColorScheme.Unknown,
    Appearance.LIGHT: Qt.ColorScheme.Light,
    Appearance.DARK: Qt.ColorScheme.Dark,
}


def warning_colour(palette: QPalette | None = None) -> QColor:
    """A warning tone readable on the current background (amber on light, gold on dark)."""
    return QColor("#ffcc4d") if is_dark(palette) else QColor("#a15c00")


def alert_colour(palette: QPalette | None = None) -> QColor:
    """A stronger alert than the warning, for a timer in overtime (red, readable on light and
    dark: coral on dark, brick red on light)."""
    return QColor("#ff8a80") if is_dark(palette) else QColor("#b3261e")


def blank_colour() -> QColor:
    """A blanked projector: black in light and dark alike, so the screen gives off no light."""
    return QColor("#000000")


def muted_colour(palette: QPalette) -> QColor:
    """Secondary text: the text colour two thirds of the way from the background."""
    text, base = palette.color(Role.Text), palette.color(Role.Base)
    return QColor(
        round(text.red() * 0.62 + base.red() * 0.38),
        round(text.green() * 0.62 + base.green() * 0.38),
        round(text.blue() * 0.62 + base.blue() * 0.38),
    )


def tint_text(widget: QWidget, colour: QColor) -> None:
    """Show `widget`'s text (a label's, say) in `colour`; its other roles follow the app."""
    palette = widget.palette()
    palette.setColor(Role.WindowText, colour)
    widget.setPalette(palette)


def tint_warning(widget: QWidget, palette: QPalette | None = None) -> None:
    """Show `widget`'s text in the warning tone readable on `palette` (a message under a field).
    Call it again on a PaletteChange: the tone differs between light and dark."""
    tint_text(widget, warning_colour(palette))


def paint_warning_line(icon_label: QLabel, text_label: QLabel) -> None:
    """An icon and a warning-tinted text: colour is never the only sign that something is off."""
    tint_warning(text_label, text_label.palette())
    size = text_label.fontMetrics().height()
    from ui.icons import icon  # qtawesome: not needed to colour the start-up splash

    icon_label.setPixmap(icon("warning").pixmap(size, size))
