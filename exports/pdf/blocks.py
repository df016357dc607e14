"""What the group produced, as flowables: card tiles, boards, themes, rankings, actions.

Each builder takes plain data from the report read model and the document's Styles, and
returns flowables that may break across pages (tables repeat their header row; a long card
is several paragraphs and its row may split). User text only ever reaches ReportLab through
exports.pdf.text, which escapes it.
"""

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from app.services.report import ActionLine, CardLine, Column, Theme
from exports.pdf.flow import Cell, composed, day, dots, fixed, line, table, text
from exports.pdf.styles import (
    ACCENT,
    ACCENT_TINT,
    PANEL,
    RULE,
    WHITE,
    Styles,
    TableCommand,
    table_commands,
)
from exports.pdf.text import markup

GAP = 5  # white space between card tiles
TILE_COLUMNS = 2
MAX_BOARD_COLUMNS = 3
SHORT_TABLE = 15  # rows; a ranking this short is never split across pages
SHORT_GROUP = 8  # cards; a theme this small is never split either...
SHORT_CHARS = 1200  # ...unless its cards are long


def card_cell(card: CardLine, styles: Styles, with_author: bool) -> list[Flowable]:
    """A card's text, then its dots and (in the report) who said it, in small type."""
    cell = text(card.text, styles, "cell")
    meta = [f"<b>{dots(card.votes)}</b>"] if card.votes else []
    if with_author and card.author:
        meta.append("said by " + markup(card.author, styles.fonts))
    if meta:
        cell.append(composed(" · ".join(meta), styles, "cell_muted"))
    return cell


def _tiles(columns: int, first: int, filled: Sequence[int]) -> list[TableCommand]:
    """Panel-coloured cells with white gaps between them; `filled[c]` cells in column c.

    The gaps are a white grid drawn over the cell edges, so every tile is inset by half a gap
    on each side and all tiles look the same, whichever column or row they are in.
    """
    half = GAP / 2
    commands: list[TableCommand] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, first), (-1, -1), 8 + half),
        ("RIGHTPADDING", (0, first), (-1, -1), 8 + half),
        ("TOPPADDING", (0, first), (-1, -1), 6 + half),
        ("BOTTOMPADDING", (0, first), (-1, -1), 7 + half),
    ]
    for column in range(columns):
        if filled[column]:
            last = first + filled[column] - 1
            commands.append(("BACKGROUND", (column, first), (column, last), PANEL))
    return [*commands, ("GRID", (0, first), (-1, -1), GAP, WHITE)]


def card_tiles(
    cards: Sequence[CardLine], styles: Styles, with_author: bool = False
) -> list[Flowable]:
    """Cards as tiles, two across, in the order they went up on the wall."""
    if not cards:
        return []
    width = styles.width / TILE_COLUMNS
    rows: list[list[Cell]] = []
    for start in range(0, len(cards), TILE_COLUMNS):
        row: list[Cell] = [
            card_cell(c, styles, with_author) for c in cards[start : start + TILE_COLUMNS]
        ]
        rows.append(row + [""] * (TILE_COLUMNS - len(row)))
    filled = [len(cards[column::TILE_COLUMNS]) for column in range(TILE_COLUMNS)]
    return [table(rows, [width] * TILE_COLUMNS, _tiles(TILE_COLUMNS, 0, filled), head=0)]


def _balanced(items: Sequence[Column], most: int) -> list[Sequence[Column]]:
    """Split into rows of at most `most`, as even as possible (4 -> 2 + 2, 5 -> 3 + 2)."""
    if not items:
        return []
    groups = -(-len(items) // most)
    size = -(-len(items) // groups)
    return [items[start : start + size] for start in range(0, len(items), size)]


def board(columns: Sequence[Column], styles: Styles, with_author: bool = False) -> list[Flowable]:
    """Cards sorted into named columns (vision and reality; bottlenecks, blame...)."""
    flowables: list[Flowable] = []
    for group in _balanced(columns, MAX_BOARD_COLUMNS):
        width = styles.width / len(group)
        head: list[Cell] = [line(column.label, styles, "column_head") for column in group]
        depth = max(1, *(len(column.cards) for column in group))
        rows: list[list[Cell]] = [head]
        for index in range(depth):
            row: list[Cell] = []
            for column in group:
                if index < len(column.cards):
                    row.append(card_cell(column.cards[index], styles, with_author))
                else:
                    row.append(
                        fixed("<i>nothing here</i>", styles, "cell_muted") if not index else ""
                    )
            rows.append(row)
        commands = _tiles(len(group), 1, [len(column.cards) for column in group])
        commands += [
            ("LEFTPADDING", (0, 0), (-1, 0), GAP / 2),
            ("RIGHTPADDING", (0, 0), (-1, 0), GAP / 2),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 3),
        ]
        flowables += [table(rows, [width] * len(group), commands), Spacer(1, 6)]
    return flowables


def _ranked_rows(cards: Sequence[CardLine], styles: Styles, with_author: bool) -> list[list[Cell]]:
    return [
        [
            card_cell(CardLine(c.text, c.author, c.category, 0), styles, with_author),
            fixed(dots(c.votes), styles, "dots") if c.votes else "",
        ]
        for c in cards
    ]


def _short(texts: Sequence[str], most: int = SHORT_GROUP) -> bool:
    """Few enough rows, of modest length, to be sure the table fits well within a page."""
    return len(texts) <= most and sum(len(words) for words in texts) <= SHORT_CHARS


def _grouped(
    *,
    title: Paragraph,
    badge: Cell,
    rows: list[list[Cell]],
    styles: Styles,
    tint: Any,
    short: bool,
) -> Table:
    """A titled group of cards with an accent rule down its left side."""
    commands: list[TableCommand] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, 0), tint),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, ACCENT if tint is ACCENT_TINT else RULE),
        ("LEFTPADDING", (0, 0), (0, -1), 10),
        ("TOPPADDING", (0, 0), (-1, 0), 5),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 5),
        ("TOPPADDING", (0, 1), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 1), (-1, -1), 4),
        ("LINEBELOW", (0, 1), (-1, -2), 0.4, RULE),
    ]
    return table([[title, badge], *rows], [styles.width - 58, 58], commands, whole=short)


def themes(found: Sequence[Theme], styles: Styles, with_author: bool = False) -> list[Flowable]:
    """Each theme with its cards, most voted theme first and most voted card first."""
    flowables: list[Flowable] = []
    for theme in found:
        badge = fixed(dots(theme.votes), styles, "dots") if theme.votes else ""
        rows = _ranked_rows(theme.cards, styles, with_author)
        title = line(theme.name, styles, "theme")
        short = _short([card.text for card in theme.cards])
        flowables += [
            _grouped(
                title=title, badge=badge, rows=rows, styles=styles, tint=ACCENT_TINT, short=short
            ),
            Spacer(1, 8),
        ]
    return flowables


def unclustered(
    cards: Sequence[CardLine], styles: Styles, with_author: bool = False
) -> list[Flowable]:
    if not cards:
        return []
    title = fixed("Not grouped", styles, "theme")
    rows = _ranked_rows(cards, styles, with_author)
    short = _short([card.text for card in cards])
    return [
        _grouped(title=title, badge="", rows=rows, styles=styles, tint=PANEL, short=short),
        Spacer(1, 8),
    ]


def _bar(fraction: float, width: float = 110, height: float = 9) -> Drawing:
    drawing = Drawing(width, height + 3)
    drawing.add(Rect(0, 2, width, height, fillColor=PANEL, strokeColor=None))
    if fraction > 0:
        drawing.add(
            Rect(0, 2, max(2.0, width * fraction), height, fillColor=ACCENT, strokeColor=None)
        )
    return drawing


def ranking(
    ranked: Sequence[tuple[str, int]], budget: int | None, styles: Styles
) -> list[Flowable]:
    """Dot-vote results as bars, most dots first; options nobody chose are counted, not listed."""
    chosen = [(label, count) for label, count in ranked if count > 0]
    if not chosen:
        return [fixed("<i>No dots were placed.</i>", styles, "small")] if ranked else []
    top = chosen[0][1]
    rows: list[list[Cell]] = [
        [
            fixed(str(place), styles, "cell_muted"),
            text(label, styles, "cell"),
            _bar(count / top),
            fixed(str(count), styles, "cell_right"),
        ]
        for place, (label, count) in enumerate(chosen, 1)
    ]
    commands = [*table_commands(header=False), ("VALIGN", (2, 0), (2, -1), "MIDDLE")]
    short = _short([label for label, _ in chosen], SHORT_TABLE)
    widths = [16, styles.width - 16 - 118 - 28, 118, 28]
    result = table(rows, widths, commands, head=0, whole=short)
    notes = []
    if budget:
        notes.append(f"{sum(count for _, count in chosen)} of {budget} dots placed")
    if len(chosen) < len(ranked):
        rest = len(ranked) - len(chosen)
        notes.append(f"{rest} more {'option' if rest == 1 else 'options'} got no dots")
    caption = [fixed("; ".join(notes) + ".", styles, "caption")] if notes else []
    result.keepWithNext = bool(caption)
    return [result, *caption, Spacer(1, 6)]


def actions(found: Sequence[ActionLine], styles: Styles) -> list[Flowable]:
    """What, who, by when (and done, once anything is): the table people take back to work."""
    if not found:
        return []
    with_done = any(action.done for action in found)
    head = [
        fixed("WHAT", styles, "cell_head"),
        fixed("WHO", styles, "cell_head"),
        fixed("BY WHEN", styles, "cell_head"),
    ]
    if with_done:
        head.append(fixed("DONE", styles, "cell_head_right"))
    rows: list[list[Cell]] = [head]
    for action in found:
        row = [
            text(action.what, styles, "cell"),
            text(action.owner, styles, "cell"),
            fixed(day(action.due), styles, "cell"),
        ]
        if with_done:
            row.append(fixed("done" if action.done else "", styles, "cell_right"))
        rows.append(row)
    widths = [120.0, 76.0, 38.0] if with_done else [130.0, 80.0]
    widths.insert(0, styles.width - sum(widths))
    return [table(rows, widths, table_commands(zebra=True, rows=len(rows)))]
