"""The small design system every PDF shares: page, margins, type scale, palette, table looks.

Participants judge Chorus by the handout, so the three documents use one restrained look: ink
on white, greys for structure, a single teal accent for what matters (headings, dots, the
mean of a rating). Print is the medium, so there is no dark variant: colours are chosen to
survive a black-and-white printer (the accent is dark enough to read as a strong grey).
"""

from dataclasses import dataclass, field
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from exports.pdf.fonts import FontSet
from exports.pdf.paper import page_size

INK = colors.HexColor("#1F2328")
MUTED_HEX = "#5E6670"  # for <font color> in Chorus's own markup
MUTED = colors.HexColor(MUTED_HEX)
FAINT = colors.HexColor("#8C949D")
RULE = colors.HexColor("#D5DAE0")
PANEL = colors.HexColor("#F3F5F7")
ACCENT_HEX = "#17706B"
ACCENT = colors.HexColor(ACCENT_HEX)
ACCENT_TINT = colors.HexColor("#E2F0EE")
ACCENT_SOFT = colors.HexColor("#A9D2CD")
WHITE = colors.white

TableCommand = tuple[Any, ...]  # ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK) and the like

BODY_SIZE = 10
LEADING = 1.42  # line height as a multiple of the size: airy enough for long prompts


@dataclass(frozen=True)
class Styles:
    """Paragraph styles and page geometry for one document; built once per export."""

    fonts: FontSet
    page: tuple[float, float]
    left: float = 20 * mm
    right: float = 20 * mm
    top: float = 24 * mm  # room for the running header
    bottom: float = 20 * mm  # and the footer
    paragraph: dict[str, ParagraphStyle] = field(default_factory=dict)

    @property
    def width(self) -> float:
        """The width of the text frame."""
        return self.page[0] - self.left - self.right

    @property
    def height(self) -> float:
        return self.page[1] - self.top - self.bottom

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.paragraph[name]


def _style(name: str, font: str, size: float, **options: object) -> ParagraphStyle:
    options.setdefault("leading", round(size * LEADING, 1))
    options.setdefault("textColor", INK)
    return ParagraphStyle(name, fontName=font, fontSize=size, **options)


def make_styles(fonts: FontSet, page: str | None = None) -> Styles:
    """The styles for `fonts` on "a4", "letter" or the locale's paper (None)."""
    body, bold, italic = fonts.body, fonts.bold, fonts.italic
    sheet = {
        "body": _style("body", body, BODY_SIZE, spaceAfter=4),
        "lead": _style("lead", body, 10.5, textColor=INK, spaceAfter=8, leading=15.5),
        "small": _style("small", body, 8.5, textColor=MUTED),
        "caption": _style("caption", italic, 8.5, textColor=MUTED, spaceBefore=2),
        "label": _style(
            "label", bold, 7.5, textColor=ACCENT, leading=10, spaceBefore=5, spaceAfter=1
        ),
        "h1": _style("h1", bold, 19, leading=23, spaceBefore=0, spaceAfter=6, keepWithNext=1),
        "h1_kicker": _style(
            "h1_kicker", bold, 8, textColor=ACCENT, leading=11, spaceBefore=16, keepWithNext=1
        ),
        "h2": _style("h2", bold, 12.5, leading=16, spaceBefore=14, spaceAfter=3, keepWithNext=1),
        "h2_loose": _style("h2_loose", bold, 12.5, leading=16, spaceBefore=14, spaceAfter=3),
        "h3": _style("h3", bold, 10.5, leading=14, spaceBefore=8, spaceAfter=3, keepWithNext=1),
        "meta": _style("meta", body, 8.5, textColor=MUTED, spaceAfter=4, keepWithNext=1),
        "prompt": _style("prompt", italic, 10.5, leading=15, textColor=INK),
        "callout": _style("callout", body, 9.5, leading=13.5),
        "note": _style("note", italic, 9.5, leading=13.5, textColor=INK),
        "cell": _style("cell", body, 9, leading=12.2),
        "cell_bold": _style("cell_bold", bold, 9, leading=12.2),
        "cell_muted": _style("cell_muted", body, 8, leading=10.5, textColor=MUTED),
        "cell_right": _style("cell_right", body, 9, leading=12.2, alignment=TA_RIGHT),
        "cell_head": _style("cell_head", bold, 7.5, leading=10, textColor=MUTED),
        "cell_head_right": _style(
            "cell_head_right", bold, 7.5, leading=10, textColor=MUTED, alignment=TA_RIGHT
        ),
        "column_head": _style("column_head", bold, 9, leading=12, textColor=ACCENT),
        "theme": _style("theme", bold, 10.5, leading=14, textColor=INK),
        "dots": _style("dots", bold, 8, leading=12, textColor=ACCENT, alignment=TA_RIGHT),
        "axis_low": _style("axis_low", body, 7.5, leading=9.5, textColor=MUTED),
        "axis_high": _style(
            "axis_high", body, 7.5, leading=9.5, textColor=MUTED, alignment=TA_RIGHT
        ),
        "map_node": _style("map_node", body, 8.5, leading=10.5, alignment=TA_CENTER),
        "map_link": _style("map_link", italic, 7.5, leading=9, textColor=MUTED),
        "cover_kind": _style("cover_kind", bold, 9, leading=12, textColor=ACCENT),
        "cover_title": _style("cover_title", bold, 30, leading=35, spaceAfter=10),
        "cover_purpose": _style("cover_purpose", body, 11.5, leading=17, textColor=INK),
        "cover_fact": _style("cover_fact", body, 10, leading=13.5, alignment=TA_LEFT),
        "cover_fact_label": _style("cover_fact_label", bold, 7.5, leading=13.5, textColor=MUTED),
    }
    return Styles(fonts, page_size(page), paragraph=sheet)


def table_commands(header: bool = True, zebra: bool = False, rows: int = 0) -> list[TableCommand]:
    """The house table: no vertical lines, a rule under the header, hairlines between rows."""
    commands: list[TableCommand] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands += [
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 4),
        ]
    if zebra:
        first = 1 if header else 0
        commands += [("BACKGROUND", (0, r), (-1, r), PANEL) for r in range(first + 1, rows, 2)]
    return commands
