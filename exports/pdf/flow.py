"""The primitives every PDF builder uses: paragraphs of user or Chorus text, tables, headings.

Two kinds of text, never mixed up: user text goes through exports.pdf.text (escaped, fonts
chosen per script, long text split); Chorus's own fixed words are markup we wrote. Tables
are the house table: left-aligned, header rows repeated on each page, rows free to split.
"""

import datetime as dt
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, Paragraph, TableStyle

from exports.pdf.bidi_paragraph import BidiParagraph
from exports.pdf.long_table import LONG, LongTable
from exports.pdf.page_table import PageTable
from exports.pdf.styles import Styles, TableCommand
from exports.pdf.text import paragraph, paragraphs

Cell = Any  # a table cell: a flowable, a list of flowables or ""
ROOM_FOR_A_TABLE = 110  # points: a heading, a header row and a few rows


def line(words: str, styles: Styles, style: str = "body") -> Paragraph:
    """One short piece of user text (a title, a name, a label) as one paragraph."""
    return paragraph(words, styles[style], styles.fonts)


def text(body: str, styles: Styles, style: str = "body") -> list[Flowable]:
    """Any length of user text, as several paragraphs when it is long."""
    return list(paragraphs(body, styles[style], styles.fonts))


def fixed(words: str, styles: Styles, style: str = "body") -> Paragraph:
    """Chorus's own words (never user text); they may use <b> and <i>."""
    return Paragraph(words, styles[style])


def composed(words: str, styles: Styles, style: str = "body") -> Paragraph:
    """Chorus's words around user text that already went through markup(): "said by ..."."""
    return BidiParagraph(words, styles[style])


def section(title: str, styles: Styles) -> list[Flowable]:
    """A heading over a table that may run onto the next page.

    Not keep-with-next (that would move a long table whole to a new page, leaving a half
    empty one behind): a new page only when not even the header and a few rows fit.
    """
    return [CondPageBreak(ROOM_FOR_A_TABLE), fixed(title, styles, "h2_loose")]


def dots(count: int) -> str:
    return f"{count} dot{'' if count == 1 else 's'}"


def day(date: dt.date | None) -> str:
    return f"{date.day} {date:%b %Y}" if date else ""


def table(
    rows: list[list[Cell]],
    widths: Sequence[float],
    commands: list[TableCommand],
    head: int = 1,
    whole: bool = False,
) -> Flowable:
    """A left-aligned table whose first `head` rows repeat on every page it runs onto.

    Rows may split across pages too (a card of several paragraphs), unless `whole`: a short
    table is then moved to the next page in one piece rather than leave a row or two behind.
    Only for tables known to be much shorter than a page. A table of more than LONG rows that
    may split is a LongTable: the same pages, laid out a page at a time.
    """
    split = 0 if whole else 1
    result = PageTable(
        rows,
        colWidths=list(widths),
        repeatRows=head,
        splitByRow=split,
        splitInRow=split,
        hAlign="LEFT",
    )
    result.setStyle(TableStyle(commands))
    if split and len(rows) - head > LONG:
        return LongTable(result, commands)
    return result
