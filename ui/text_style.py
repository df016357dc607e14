"""Type sizes relative to the app font, never in pixels of our own: a larger system font makes
every heading and clock larger in proportion."""

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget


def scaled_font(base: QFont, factor: float, *, bold: bool | None = None) -> QFont:
    """`base` `factor` times larger (bold or not when `bold` says, else as `base` is)."""
    font = QFont(base)
    if base.pointSizeF() > 0:
        font.setPointSizeF(base.pointSizeF() * factor)
    else:  # an app font given in pixels has no point size
        font.setPixelSize(max(1, round(base.pixelSize() * factor)))
    if bold is not None:
        font.setBold(bold)
    return font


def scale_font(widget: QWidget, factor: float, *, bold: bool | None = None) -> None:
    """Give `widget` its own font, `factor` times its current one."""
    widget.setFont(scaled_font(widget.font(), factor, bold=bold))


def readable_column(owner: QWidget, width_chars: int) -> QVBoxLayout:
    """A column no wider than `width_chars` average characters, left-aligned in `owner`, so
    forms and lists do not stretch across a wide screen. Returns the column's layout."""
    page = QWidget()
    page.setMaximumWidth(owner.fontMetrics().averageCharWidth() * width_chars)
    outer = QHBoxLayout(owner)
    outer.addWidget(page, 1)
    outer.addStretch(0)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout
