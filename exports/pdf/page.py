"""The page frame of every PDF: a cover without header, body pages with header and footer.

"page N of M" needs M before the first page is final, so the canvas keeps each finished page
and stamps the footers only when the document is saved (one layout pass, not two). The
running header carries the workshop's title, drawn as a Paragraph so it gets the same escaping
and font fallback as the text on the page.
"""

import io
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from exports.pdf.bidi_paragraph import BidiParagraph
from exports.pdf.styles import ACCENT, FAINT, MUTED, RULE, Styles
from exports.pdf.text import paragraph

HEADER_TITLE_CHARS = 90  # a longer title is shortened in the header (the cover shows it whole)


@dataclass(frozen=True)
class DocInfo:
    """What the reader's PDF viewer shows about the file, and the running header."""

    title: str
    kind: str  # "Workshop handout", "Facilitator report", "Preparation guide"
    author: str
    subject: str
    language: str


class NumberedCanvas(Canvas):  # type: ignore[misc]
    """Holds finished pages back until save(), then stamps "page N of M" on each."""

    def __init__(self, *args: Any, styles: Styles, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._styles = styles
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, 1):
            self.__dict__.update(state)
            self._footer(number, total)
            super().showPage()
        super().save()

    def _footer(self, number: int, total: int) -> None:
        styles = self._styles
        y = styles.bottom - 11 * mm
        self.saveState()
        self.setFont(styles.fonts.body, 7.5)
        self.setFillColor(MUTED)
        self.drawRightString(styles.page[0] - styles.right, y, f"page {number} of {total}")
        self.setFillColor(FAINT)
        self.drawString(styles.left, y, "Made with Chorus")
        self.restoreState()


class ChorusDoc(BaseDocTemplate):  # type: ignore[misc]
    """A4 or Letter with a cover page template and a body page template."""

    def __init__(self, target: io.BytesIO, styles: Styles, info: DocInfo) -> None:
        super().__init__(
            target,
            pagesize=styles.page,
            leftMargin=styles.left,
            rightMargin=styles.right,
            topMargin=styles.top,
            bottomMargin=styles.bottom,
            title=info.title,
            author=info.author,
            subject=info.subject,
            creator="Chorus",
            lang=info.language,
            displayDocTitle=True,
        )
        self.styles = styles
        self.info = info
        height = styles.page[1]
        cover = Frame(
            styles.left,
            styles.bottom,
            styles.width,
            height - styles.bottom - 30 * mm,
            id="cover",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        body = Frame(
            styles.left,
            styles.bottom,
            styles.width,
            styles.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self._header_title = _short(info.title)
        self.addPageTemplates(
            [
                PageTemplate("cover", [cover], onPage=self._cover, autoNextPageTemplate="body"),
                PageTemplate("body", [body], onPage=self._header),
            ]
        )

    def _cover(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        """A band of accent across the top: the only colour block in the document."""
        width, height = self.styles.page
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - 12 * mm, width, 12 * mm, stroke=0, fill=1)
        canvas.restoreState()

    def _header(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        styles = self.styles
        width, height = styles.page
        baseline = height - styles.top + 9 * mm
        title = self._title_paragraph
        canvas.saveState()
        size = styles["small"].fontSize  # put the title's first baseline on the kind's
        title.drawOn(
            canvas, styles.left, baseline - title.height + getAscent(styles.fonts.body, size)
        )
        canvas.setFont(styles.fonts.bold, 7.5)
        canvas.setFillColor(ACCENT)
        canvas.drawRightString(width - styles.right, baseline, self.info.kind.upper())
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        line = baseline - 3.5 * mm
        canvas.line(styles.left, line, width - styles.right, line)
        canvas.restoreState()

    @cached_property
    def _title_paragraph(self) -> BidiParagraph:
        """The header's title, laid out once for every page: one line, shortened to fit."""
        styles = self.styles
        kind_width = stringWidth(self.info.kind, styles.fonts.bold, 7.5) + 6 * mm
        title = paragraph(self._header_title, styles["small"], styles.fonts)
        title.wrap(styles.width - kind_width, 30)
        if len(title.blPara.lines) > 1:  # too wide even shortened: keep one line
            title = paragraph(_short(self._header_title, 40), styles["small"], styles.fonts)
            title.wrap(styles.width - kind_width, 30)
        return title


def _short(text: str, limit: int = HEADER_TITLE_CHARS) -> str:
    single = " ".join(text.split())
    return single if len(single) <= limit else single[: limit - 1].rstrip() + "…"


def build(story: list[Flowable], styles: Styles, info: DocInfo) -> bytes:
    """Lay `story` out on the cover and body pages and return the PDF, all in memory."""
    buffer = io.BytesIO()
    ChorusDoc(buffer, styles, info).build(story, canvasmaker=partial(NumberedCanvas, styles=styles))
    return buffer.getvalue()
