"""Boxed passages: the prompt people answered, what a rating tends to mean, private notes, lists.

A box is a one-column table, so long text inside it still breaks across pages. Each kind of
box has one look everywhere, so a reader learns it once: the accent rule marks the group's
own question, the tinted panel an interpretation, the grey panel the facilitator's notes.
"""

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.platypus import Flowable, Paragraph, Spacer

from exports.pdf.flow import fixed, table, text
from exports.pdf.styles import ACCENT, ACCENT_TINT, INK, PANEL, Styles, TableCommand


def _box(
    content: list[Flowable],
    styles: Styles,
    *,
    tint: Any = None,
    rule: Any = None,
    space_after: float = 6,
) -> Flowable:
    commands: list[TableCommand] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 11 if rule is not None else 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 6 if tint is not None else 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8 if tint is not None else 3),
    ]
    if tint is not None:
        commands.append(("BACKGROUND", (0, 0), (-1, -1), tint))
    if rule is not None:
        commands.append(("LINEBEFORE", (0, 0), (0, -1), 2.5, rule))
    box = table([[content]], [styles.width], commands, head=0)
    box.spaceAfter = space_after
    return box


def prompt(words: str, styles: Styles, keep_with_next: bool = False) -> list[Flowable]:
    """The question the room worked on, as a pull quote; kept with what the room answered."""
    box = _box(text(words, styles, "prompt"), styles, rule=ACCENT, space_after=9)
    box.keepWithNext = keep_with_next
    return [box]


def interpretation(words: str, styles: Styles) -> list[Flowable]:
    label = fixed("WHAT THIS PATTERN TENDS TO MEAN", styles, "label")
    return [_box([label, *text(words, styles, "callout")], styles, tint=ACCENT_TINT)]


def private_note(words: str, styles: Styles, heading: str = "PRIVATE NOTE") -> list[Flowable]:
    """The facilitator's own note: report only, and boxed so it is never mistaken for results."""
    label = fixed(heading, styles, "label")
    return [_box([label, *text(words, styles, "note")], styles, tint=PANEL)]


def labelled(label: str, words: str, styles: Styles) -> list[Flowable]:
    """A small accent label over user text (Invitation, Space, Participation in the guide)."""
    return [fixed(label.upper(), styles, "label"), *text(words, styles, "body"), Spacer(1, 4)]


def _checkbox() -> Drawing:
    drawing = Drawing(10, 10)
    drawing.add(
        Rect(0.5, 0.5, 8.5, 8.5, rx=1.5, ry=1.5, strokeColor=INK, strokeWidth=0.7, fillColor=None)
    )
    return drawing


def checklist(items: Sequence[Paragraph | list[Flowable]], styles: Styles) -> list[Flowable]:
    """Boxes to tick by hand: the coach prints the guide and works down the list."""
    if not items:
        return []
    rows = [[_checkbox(), item] for item in items]
    commands: list[TableCommand] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("TOPPADDING", (0, 0), (0, -1), 4.5),
        ("TOPPADDING", (1, 0), (1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    return [table(rows, [16, styles.width - 16], commands, head=0), Spacer(1, 6)]


def bullets(items: Sequence[Paragraph | list[Flowable]], styles: Styles) -> list[Flowable]:
    if not items:
        return []
    rows = [[fixed("•", styles, "body"), item] for item in items]
    commands: list[TableCommand] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    return [table(rows, [12, styles.width - 12], commands, head=0), Spacer(1, 4)]
