"""User text made safe for ReportLab's paragraph markup, in fonts that have its characters.

ReportLab's Paragraph reads a mini-HTML: a card saying `<img src="/etc/hostname"/>` would make it
open that file, and `<font color=...>` would restyle the page. markup() escapes every character
the parser treats as markup, so user text always prints literally, then wraps runs of scripts
the body font lacks in <font> tags naming a fallback that has them (exports.pdf.fonts), joins
Arabic letters (exports.pdf.arabic) and puts right-to-left text in drawing order
(exports.pdf.bidi). paragraphs() also keeps layout linear: ReportLab's line breaking is
quadratic in a paragraph's length (one 1 MB card took five minutes), so long text becomes a
series of paragraphs of at most `max_chars` each, cut at paragraph, sentence or word boundaries.
A word wider than its column is cut by ReportLab itself (ParagraphStyle.splitLongWords, on by
default); inserting zero-width spaces would not help, as ReportLab breaks lines only at spaces.

Most cards need none of this (text in the body font with nothing to escape, break, join or
reorder): paragraph() and paragraphs() give those straight to BidiParagraph.plain, which also
skips ReportLab's markup parser.

Markup keeps right-to-left text in logical order: only a BidiParagraph, which paragraph() and
paragraphs() return, puts it in drawing order, line by line once lines are known. So anything
containing markup() output goes into a BidiParagraph, never a plain Paragraph (where Hebrew and
Arabic would print with their letters reversed).
"""

import re
import unicodedata
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable

from exports.pdf.arabic import shape_arabic
from exports.pdf.bidi import RTL_CHARS, bidi_type, is_rtl
from exports.pdf.bidi_paragraph import BidiParagraph
from exports.pdf.fonts import FontSet, coverage, font_runs, has_glyph

REPLACEMENT = "\ufffd"
_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\n": "<br/>"}
_TO_ESCAPE = re.compile("[&<>\"'\n]")
_NEWLINES = re.compile("\r\n|[\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")
_SENTENCE_END = re.compile(r"[.!?\u2026\u3002\uff01\uff1f\u061f\u06d4][\"')\]\u201d\u2019]*\s+")
_SPACE = re.compile(r"\s+")
# Ignorable once Arabic letters are joined: joiners, direction marks and embeddings, variation
# selectors, skin-tone modifiers (no monochrome font draws them), tags, soft hyphens.
_INVISIBLE = re.compile(
    "[\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff"
    "\U0001f3fb-\U0001f3ff\U000e0000-\U000e007f\U000e0100-\U000e01ef]"
)


@cache
def _clean_char(char: str) -> str:
    """What a character becomes before layout: tabs are spaces, other control characters,
    lone surrogates, private-use and unassigned code points the replacement character."""
    if char in "\n ":
        return char
    if char == "\t":
        return " "
    category = unicodedata.category(char)
    if category in ("Cc", "Cs", "Co", "Cn"):
        return REPLACEMENT
    return char


def clean(text: str) -> str:
    """`text` with line breaks as "\\n" and nothing a PDF cannot carry (see _clean_char)."""
    text = _NEWLINES.sub("\n", text)
    if text.replace("\n", " ").isprintable():  # no Other or Separator category but spaces
        return text
    return "".join(map(_clean_char, text))


def _drop_glyphless_formats(text: str) -> str:
    """Remove format characters (invisible controls such as U+FFF9) that no font draws, which
    would otherwise print as boxes."""
    if text.replace("\n", " ").isprintable():  # no format character at all: the usual case
        return text
    return "".join(char for char in text if not _glyphless_format(char))


@cache
def _glyphless_format(char: str) -> bool:
    return unicodedata.category(char) == "Cf" and not has_glyph(char)


def _escape(run: str) -> str:
    return _TO_ESCAPE.sub(lambda match: _ESCAPES[match.group()], run)


def markup(text: str, fonts: FontSet) -> str:
    """ReportLab paragraph markup that prints `text` literally, line breaks kept as <br/>.

    For a BidiParagraph (see above), alone or inside Chorus's own markup. Style it with a
    ParagraphStyle whose fontName is one of `fonts` (body, bold...): runs in the body family
    carry no tag, so they take the style's face, <b> and <i>. Fallback runs follow the style's
    weight and slant, but not a <b> or <i> wrapped around them (ReportLab resets those at a font
    change); use a bold or italic style for emphasis on user text.
    """
    return _markup(text, fonts)[0]


def _markup(text: str, fonts: FontSet) -> tuple[str, bool]:
    """The markup, and whether the text reads right to left (from its first strong letter)."""
    cleaned = clean(text)
    rtl = is_rtl(cleaned)
    prepared = _drop_glyphless_formats(_INVISIBLE.sub("", shape_arabic(cleaned)))
    parts = []
    for font, run in font_runs(prepared):
        escaped = _escape(run)
        parts.append(escaped if font == fonts.body else f'<font name="{font}">{escaped}</font>')
    return "".join(parts), rtl


def paragraph(text: str, style: ParagraphStyle, fonts: FontSet) -> BidiParagraph:
    """One paragraph of user text (a table cell, a title, a short field), never cut."""
    if _plain(text, style, fonts):
        return BidiParagraph.plain(text, style)
    text_markup, rtl = _markup(text, fonts)
    return BidiParagraph(text_markup, style, rtl=rtl)


def _plain(text: str, style: ParagraphStyle, fonts: FontSet) -> bool:
    """Whether `text` can skip markup() and the parser (BidiParagraph.plain)."""
    if not text.strip() or getattr(style, "textTransform", None):  # the parser would apply it
        return False
    return _plain_chars(coverage(fonts.body)).issuperset(text)


@cache
def _plain_chars(body: frozenset[int]) -> frozenset[str]:
    """The characters of the usual card: text made only of them comes out of markup() as it
    went in, in the body font, left to right, so it skips that work and ReportLab's parser.

    Printable characters of the body font (`body`, its coverage) that are neither escaped nor
    right to left nor removed as invisible; not a line break, a tab or a space other than " ".
    """
    return frozenset(
        char
        for char in map(chr, body)
        if char.isprintable()
        and char not in _ESCAPES
        and not RTL_CHARS.match(char)
        and bidi_type(char) not in ("R", "AL")
        and not _INVISIBLE.match(char)
    )


def paragraphs(
    text: str, style: ParagraphStyle, fonts: FontSet, max_chars: int = 1000
) -> list[Flowable]:
    """User text as paragraphs: one per blank-line-separated block, long blocks cut in pieces
    of at most `max_chars` characters. Line breaks inside a block are kept. Empty text gives
    an empty list.

    The pieces of one block are set without space between them and only the first gets the
    style's first-line indent, so a long block still reads as one paragraph.
    """
    if len(text) <= max_chars and _plain(text, style, fonts):  # one block, one paragraph
        return [BidiParagraph.plain(text, style)]
    blocks = [block.strip() for block in _BLANK_LINES.split(clean(text))]
    flowables: list[Flowable] = []
    styles: dict[str, ParagraphStyle] = {}
    for block in filter(None, blocks):
        pieces = chunks(block, max_chars)
        for index, piece in enumerate(pieces):
            role = _role(index, len(pieces))
            if role not in styles:
                styles[role] = _continued(style, role)
            flowables.append(paragraph(piece, styles[role], fonts))
    return flowables


def _role(index: int, count: int) -> str:
    if count == 1:
        return "whole"
    return "first" if index == 0 else "last" if index == count - 1 else "middle"


def _continued(style: ParagraphStyle, role: str) -> ParagraphStyle:
    if role == "whole":
        return style
    options: dict[str, float] = {}
    if role != "last":
        options["spaceAfter"] = 0
    if role != "first":
        options.update(spaceBefore=0, firstLineIndent=0)
    return ParagraphStyle(f"{style.name}-{role}", parent=style, **options)


def chunks(text: str, max_chars: int) -> list[str]:
    """`text` cut into pieces of at most `max_chars`: after the last sentence end in the second
    half of the window, else at the last space, else (one enormous word) anywhere but inside
    a letter's combining marks. Whitespace at the cuts is dropped."""
    max_chars = max(max_chars, 2)
    pieces: list[str] = []
    rest = text
    while len(rest) > max_chars:
        window = rest[: max_chars + 1]
        cut = _last_match_end(_SENTENCE_END, window, max_chars // 2)
        if cut is None:
            cut = _last_match_end(_SPACE, window, 1)
        if cut is None:
            cut = max_chars
            while cut > 1 and unicodedata.category(rest[cut]) in ("Mn", "Mc", "Me"):
                cut -= 1
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        pieces.append(rest)
    return [piece for piece in pieces if piece]


def _last_match_end(pattern: re.Pattern[str], window: str, minimum: int) -> int | None:
    """Where the last match of `pattern` in `window` ends, if at or after `minimum`."""
    last = None
    for match in pattern.finditer(window, minimum):
        last = match.end()
    return last
