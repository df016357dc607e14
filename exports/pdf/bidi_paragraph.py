"""A Paragraph that draws right-to-left text in visual order, line by line.

Which characters share a line is known only after ReportLab has broken the lines, in logical
order as it must; the bidi algorithm's reordering (exports.pdf.bidi) applies per line. So this
Paragraph is given markup in logical order and reorders each line's characters just before
drawing, on a copy, leaving the laid-out lines alone (splitting across pages and measuring use
them). A paragraph whose first strong character is right to left is also aligned right unless its
style says otherwise, and fallback fonts follow the style's bold or italic face. Text with no
right-to-left character is drawn exactly as by Paragraph.
"""

import copy
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph
from reportlab.platypus.paraparser import ParaFrag, ParaParser
from reportlab.rl_config import _FUZZ

from exports.pdf.bidi import RTL_CHARS, is_rtl, mirrored, visual_order
from exports.pdf.fonts import FONTS

_OBJECT = "\ufffc"  # stands for a frag without text while a line is reordered
_PLAIN_FRAGS: "WeakKeyDictionary[ParagraphStyle, ParaFrag]" = WeakKeyDictionary()


class BidiParagraph(Paragraph):  # type: ignore[misc]
    """Paragraph(text, style, rtl=None) for markup holding user text (exports.pdf.text.markup,
    alone or inside Chorus's own markup), whose right-to-left runs are in logical order.

    `rtl` is the paragraph direction; None takes it from the first strong character.
    """

    style: ParagraphStyle
    blPara: Any  # noqa: N815 (ReportLab's name)

    def __init__(self, text: str | None, style: ParagraphStyle, *args: Any, **kwargs: Any) -> None:
        rtl = kwargs.pop("rtl", None)
        super().__init__(text, style, *args, **kwargs)
        self.has_rtl = self.rtl = False
        if text is None:  # a part made by split(), which copies our attributes
            return
        _fallbacks_in_style(self.frags, style.fontName)
        plain = "".join(getattr(frag, "text", "") for frag in self.frags)
        self.has_rtl = bool(RTL_CHARS.search(plain))
        self.rtl = is_rtl(plain) if rtl is None else bool(rtl)
        if self.rtl and self.style.alignment == TA_LEFT:
            self.style = ParagraphStyle(f"{style.name}-rtl", parent=self.style, alignment=TA_RIGHT)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        """Paragraph.wrap, remembered for the last width: a table lays each cell out again for
        every wrap and split of the table and once more to draw it, and the lines depend on
        the width alone."""
        if self._known(availWidth):
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        if availWidth >= _FUZZ:  # ReportLab lays nothing out in no width
            self._wrapped = (availWidth, self.width, self.height, self.blPara, self._wrapWidths)
        return size

    def wrapOn(self, canv: Any, aW: float, aH: float) -> tuple[float, float]:  # noqa: N802, N803
        if self._known(aW):  # no canvas needed to look the lines up
            return self.width, self.height
        size: tuple[float, float] = super().wrapOn(canv, aW, aH)
        return size

    def _known(self, width: float) -> bool:
        known = self.__dict__.get("_wrapped")
        if known is None or known[0] != width:
            return False
        _, self.width, self.height, self.blPara, self._wrapWidths = known
        return True

    @classmethod
    def plain(cls, text: str, style: ParagraphStyle) -> "BidiParagraph":
        """`text` needing no markup: no character to escape, no line break, all in the style's
        font, none right to left (exports.pdf.text decides).

        ReportLab's markup parser is most of the cost of making a paragraph, and for such text
        it gives one fragment: the style's first fragment with the text, spaces collapsed (as
        ReportLab's cleaner does with text whose only space is " "). That fragment is parsed
        once per style (styles are not changed once made).
        """
        frag = _PLAIN_FRAGS.get(style)
        if frag is None:
            frag = _PLAIN_FRAGS[style] = ParaParser().parse("x", style)[1][0]
        words = " ".join(text.split())
        para = cls.__new__(cls)
        Paragraph.__init__(para, words, style, frags=[frag.clone(text=words, link=[], us_lines=[])])
        para.has_rtl = para.rtl = False
        return para

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803
        """Paragraph.split makes the halves with the class but not our attributes: copy them."""
        parts: list[Any] = super().split(availWidth, availHeight)
        for part in parts:
            if part is not self:
                part.has_rtl, part.rtl = self.has_rtl, self.rtl
        return parts

    def draw(self) -> None:
        if not self.has_rtl:
            super().draw()
            return
        laid_out = self.blPara
        self.blPara = visual_lines(laid_out, self.rtl)
        try:
            super().draw()
        finally:
            self.blPara = laid_out


def _fallbacks_in_style(frags: list[Any], style_font: str) -> None:
    """Give fallback runs the weight and slant of the paragraph's style.

    <font name="ChorusArabic"> resets ReportLab's bold and italic flags to the named face's, so
    in a style whose font is ChorusSans-Bold (a heading) the Arabic would come out regular.
    """
    try:
        _, bold, italic = ps2tt(style_font)
    except ValueError:  # a font registered without a family: nothing to inherit
        return
    if not (bold or italic):
        return
    for frag in frags:
        name = getattr(frag, "fontName", None)
        if name in FONTS.fallbacks:
            frag.fontName = tt2ps(name, bold, italic)


def visual_lines(bl_para: Any, rtl: bool) -> Any:
    """A copy of ReportLab's broken lines with each line's characters in drawing order."""
    visual = copy.copy(bl_para)
    if bl_para.kind == 0:  # one font: lines are (extra space, [words]) joined by single spaces
        visual.lines = [
            (space, _visual_text(" ".join(words), rtl).split(" ")) for space, words in bl_para.lines
        ]
        return visual
    visual.lines = []
    for line in bl_para.lines:
        new_line = copy.copy(line)
        new_line.words = _visual_frags(line.words, rtl)
        visual.lines.append(new_line)
    return visual


def _visual_text(text: str, rtl: bool) -> str:
    order, char_levels = visual_order(text, rtl)
    return "".join(mirrored(text[index], char_levels[index]) for index in order)


def _visual_frags(frags: list[Any], rtl: bool) -> list[Any]:
    """The characters of one line's frags reordered, then cut back into frags wherever the
    frag (font, colour...) changes. A frag without text (an anchor, an image) keeps its place
    in the order as a neutral object."""
    chars: list[str] = []
    owners: list[int] = []
    objects = set()
    for number, frag in enumerate(frags):
        text = getattr(frag, "text", None)
        if not text or hasattr(frag, "cbDefn"):
            objects.add(number)
            text = _OBJECT
        chars += text
        owners += [number] * len(text)
    line = "".join(chars)
    order, char_levels = visual_order(line, rtl)
    runs: list[tuple[int, str]] = []
    for index in order:
        char = mirrored(line[index], char_levels[index])
        if runs and runs[-1][0] == owners[index]:
            runs[-1] = (owners[index], runs[-1][1] + char)
        else:
            runs.append((owners[index], char))
    out = []
    for number, text in runs:
        frag = frags[number]
        same = number in objects or text == frag.text
        out.append(frag if same else frag.clone(text=text))
    return out
