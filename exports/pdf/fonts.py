"""The bundled fonts, registered in ReportLab, and the choice of font for each character.

ReportLab draws a run of text in one font and has no fallback of its own: a character the font
lacks prints as an empty box. No single free TrueType font covers Latin, Hebrew, Arabic, CJK and
emoji (and ReportLab embeds only TrueType outlines, not the CFF flavour most CJK fonts use), so the
documents set their text in a body family (Noto Sans, four styles) and `font_runs` hands every
character the body lacks to the first fallback font that has it. The files, their coverage and
their licences are listed in resources/fonts/README.md.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

BODY = "ChorusSans"
_BODY_FILES = {
    BODY: "NotoSans-Regular.ttf",
    f"{BODY}-Bold": "NotoSans-Bold.ttf",
    f"{BODY}-Italic": "NotoSans-Italic.ttf",
    f"{BODY}-BoldItalic": "NotoSans-BoldItalic.ttf",
}
# (family, regular file, bold file or None), in the order font_runs tries them. Fallbacks have no
# italic: an upright face under <i> beats an empty box, and the parser needs a face for each style.
_FALLBACKS: tuple[tuple[str, str, str | None], ...] = (
    ("ChorusHebrew", "NotoSansHebrew-Regular.ttf", "NotoSansHebrew-Bold.ttf"),
    ("ChorusArabic", "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf"),
    ("ChorusSymbols", "DejaVuSans.ttf", None),  # Armenian, Georgian, IPA, arrows, maths, boxes
    ("ChorusCJK", "DroidSansFallback.ttf", None),  # Chinese, Japanese kana, Korean Hangul
    ("ChorusEmoji", "Symbola.ttf", None),  # monochrome emoji and pictographs (Unicode 9)
)


@dataclass(frozen=True)
class FontSet:
    """ReportLab names of the registered faces: use them as ParagraphStyle.fontName.

    `body` is also the family name, so <b> and <i> in markup pick the bold and italic faces.
    `fallbacks` are family names too, each registered for all four styles.
    """

    body: str
    bold: str
    italic: str
    bold_italic: str
    fallbacks: tuple[str, ...]


FONTS = FontSet(
    body=BODY,
    bold=f"{BODY}-Bold",
    italic=f"{BODY}-Italic",
    bold_italic=f"{BODY}-BoldItalic",
    fallbacks=tuple(family for family, _, _ in _FALLBACKS),
)


def register_fonts() -> FontSet:
    """Register every bundled face with ReportLab once per process; cheap to call again.

    Registration parses each file (about 0.15 s for all of them), and ReportLab's registry is
    global, so the work is done once and later calls only check that it still stands.
    """
    if FONTS.bold_italic not in pdfmetrics.getRegisteredFontNames():
        _register_all()
    return FONTS


def _register_all() -> None:
    _fix_to_unicode_maps()
    for name, filename in _BODY_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily(
        BODY, normal=BODY, bold=FONTS.bold, italic=FONTS.italic, boldItalic=FONTS.bold_italic
    )
    for family, regular, bold in _FALLBACKS:
        pdfmetrics.registerFont(TTFont(family, str(FONT_DIR / regular)))
        bold_name = family
        if bold:
            bold_name = f"{family}-Bold"
            pdfmetrics.registerFont(TTFont(bold_name, str(FONT_DIR / bold)))
        pdfmetrics.registerFontFamily(
            family, normal=family, bold=bold_name, italic=family, boldItalic=bold_name
        )
    # Registration replaced the faces, so coverage computed from an earlier registration is stale.
    coverage.cache_clear()
    _font_for.cache_clear()


_WIDE_CODE = re.compile(r"(?m)(?<= )<([0-9A-F]{5,6})>$")


def _fix_to_unicode_maps() -> None:
    """Make ReportLab write emoji and other characters above U+FFFF into the PDF's text layer.

    ReportLab's makeToUnicodeCMap writes each code point as "<%04X>", so U+1F642 becomes the
    odd-length "<1F642>": PDF readers drop it and copying, searching or extracting the text loses
    every emoji. The CMap needs the UTF-16 surrogate pair ("<D83DDE42>"). The function is looked
    up by name when a font subset is written, so the corrected one is installed in its place;
    its output is otherwise unchanged. Remove this once ReportLab writes surrogate pairs itself.
    """
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "chorus_fixed", False):
        return

    def to_unicode_cmap(fontname: str, subset: list[int]) -> str:
        return _WIDE_CODE.sub(_utf16_hex, original(fontname, subset))

    to_unicode_cmap.chorus_fixed = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = to_unicode_cmap


def _utf16_hex(match: re.Match[str]) -> str:
    return "<" + chr(int(match.group(1), 16)).encode("utf-16-be").hex().upper() + ">"


@cache
def coverage(font: str) -> frozenset[int]:
    """Code points `font` draws with a real glyph: every style of its family must have it.

    A character the body has in roman but not in italic would print as a box under <i>, so the
    body's coverage is what all four faces share; a fallback's is what its regular and bold share.
    """
    register_fonts()
    names = list(_BODY_FILES) if font == BODY else [font, f"{font}-Bold"]
    sets = []
    for name in names:
        if name in pdfmetrics.getRegisteredFontNames():
            face = pdfmetrics.getFont(name).face
            sets.append(frozenset(code for code, glyph in face.charToGlyph.items() if glyph))
    return frozenset.intersection(*sets)


@cache
def _font_for(char: str) -> str:
    """The first font in the chain with a glyph for `char`; the body if none has one."""
    code = ord(char)
    for font in (BODY, *FONTS.fallbacks):
        if code in coverage(font):
            return font
    return BODY


def has_glyph(char: str) -> bool:
    """Whether any bundled font draws `char` with a real glyph."""
    code = ord(char)
    return any(code in coverage(font) for font in (BODY, *FONTS.fallbacks))


@cache
def _follows_neighbour(char: str) -> bool:
    """Spaces, punctuation, digits and marks stay in the font of the text around them.

    Otherwise the space between two Arabic words would jump to the body font and back, and a
    mark would leave the letter it sits on.
    """
    return not unicodedata.category(char).startswith("L")


def font_runs(text: str) -> list[tuple[str, str]]:
    """Cut `text` into (font name, run) pairs, each run drawn by a font that has its glyphs.

    Letters go to the first font that has them (body first); other characters stay in the
    current run's font when it has them. A character no bundled font has stays in the body
    font (it prints as a box but is still in the PDF's text). Runs keep the text's order and
    concatenate back to `text`.
    """
    if not text:
        return []
    body_set = coverage(BODY)
    if all(ord(char) in body_set for char in set(text)):
        return [(BODY, text)]
    runs: list[tuple[str, str]] = []
    current = _font_for(text[0])
    start = 0
    for index, char in enumerate(text):
        font = _font_for(char)
        if font == current:
            continue
        if _follows_neighbour(char) and ord(char) in coverage(current):
            continue
        runs.append((current, text[start:index]))
        current, start = font, index
    runs.append((current, text[start:]))
    return runs
