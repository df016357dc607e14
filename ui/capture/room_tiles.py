"""Tiles for the projector (a card, a theme with its cards): measured at one size, flowed into
as few equal columns as fit, and placed on a results sheet.

A tile is a stack of blocks; a block is wrapped text with, optionally, a short note beside its
first line (a count). Tiles go into the shortest column, in order, like notes put up on a wall;
more columns are used only when fewer do not fit, and never narrower than a readable line.
"""

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont

from ui.capture.results_sheet import TOP_LEFT, Align, Panel, Sheet
from ui.capture.room_type import Face, Measure, Role, Style, masonry

BODY = Style()
TITLE = Style(scale=1.1, bold=True)
NOTE = Style(role=Role.PlaceholderText)
RIGHT_TOP = Align.AlignRight | Align.AlignTop
BULLET = "•"


@dataclass(frozen=True)
class Block:
    text: str
    style: Style = BODY
    note: str = ""  # beside the first line, on the right ("5 cards")
    bullet: bool = False  # "•" hanging in front of the text


Tile = tuple[Block, ...]


@dataclass(frozen=True)
class Arrangement:
    width: float  # of each tile
    placed: list[tuple[int, float, float]]  # column, top, height of each tile


class Tiles:
    """Tiles at one body size: how tall they are and how they fit a rectangle."""

    def __init__(
        self, measure: Measure, base: QFont, points: float, *, chars: tuple[int, int] = (16, 32)
    ) -> None:
        self.measure = measure
        self.base = base
        self.points = points
        body = self.face(BODY)
        self.line = body.line
        self.pad = body.line * 0.35  # inside a tile
        self.gap = body.line * 0.35  # between tiles
        self.spacing = body.line * 0.15  # between blocks
        self.narrowest = chars[0] * body.char + 2 * self.pad
        self.widest = chars[1] * body.char + 2 * self.pad  # a wider tile would read as a banner

    def face(self, style: Style) -> Face:
        return self.measure.face(self.base, self.points, style)

    # measuring ---------------------------------------------------------------------------------

    def block_height(self, block: Block, width: float) -> float:
        face = self.face(block.style)
        if block.bullet:
            return self.measure.height(face, width - self._indent(face), block.text)
        if not block.note:
            return self.measure.height(face, width, block.text)
        note = self.face(NOTE)
        beside = self._beside(block, face, note, width)
        if beside is not None:
            return max(self.measure.height(face, beside, block.text), note.line)
        return self.measure.height(face, width, block.text) + note.line  # the note goes under

    def _indent(self, face: Face) -> float:
        return self.measure.width(face, BULLET) + face.char * 0.6

    def _beside(self, block: Block, face: Face, note: Face, width: float) -> float | None:
        """The width left for the text when its note fits beside it on one line, else None."""
        room = width - self.measure.width(note, block.note) - self.gap
        return room if self.measure.width(face, block.text) <= room else None

    def stack_height(self, blocks: Sequence[Block], width: float) -> float:
        heights = [self.block_height(block, width) for block in blocks]
        return sum(heights) + self.spacing * max(0, len(heights) - 1)

    def tile_height(self, tile: Tile, width: float) -> float:
        return self.stack_height(tile, width - 2 * self.pad) + 2 * self.pad

    # fitting -----------------------------------------------------------------------------------

    def columns(self, count: int, width: float) -> range:
        """How many columns of tiles are worth trying: not wider than `widest`, not narrower
        than `narrowest`, and never more than there are tiles."""
        fewest = math.ceil((width + self.gap) / (self.widest + self.gap))
        most = math.floor((width + self.gap) / (self.narrowest + self.gap))
        most = max(1, min(most, count))
        return range(max(1, min(fewest, most)), most + 1)

    def capacity(self, width: float, height: float) -> int:
        """More tiles than this cannot fit, whatever they say (one line each, most columns)."""
        rows = math.floor((height + self.gap) / (self.line + 2 * self.pad + self.gap))
        return max(0, rows) * (self.columns(10**6, width).stop - 1)

    def arrange(self, tiles: Sequence[Tile], width: float, height: float) -> Arrangement | None:
        if not tiles:
            return Arrangement(width, [])
        if len(tiles) > self.capacity(width, height):
            return None
        for count in self.columns(len(tiles), width):
            tile_width = (width - (count - 1) * self.gap) / count
            heights = self._heights(tiles, tile_width)
            placed = masonry(heights, count, height, self.gap)
            if placed is not None:
                return Arrangement(tile_width, placed)
        return None

    def _heights(self, tiles: Sequence[Tile], width: float) -> Iterator[float]:
        return (self.tile_height(tile, width) for tile in tiles)

    # placing -----------------------------------------------------------------------------------

    def place(
        self,
        sheet: Sheet,
        tiles: Sequence[Tile],
        arrangement: Arrangement,
        *,
        left: float = 0.0,
        top: float = 0.0,
        accent: int | None = None,
    ) -> None:
        """The tiles where `arrange` put them; the one numbered `accent` edged (the newest)."""
        width = arrangement.width
        for number, (tile, (column, y, height)) in enumerate(
            zip(tiles, arrangement.placed, strict=True)
        ):
            rect = QRectF(left + column * (width + self.gap), top + y, width, height)
            sheet.panels.append(Panel(rect, accent=number == accent))
            inner = rect.adjusted(self.pad, self.pad, -self.pad, -self.pad)
            self.place_stack(sheet, tile, inner, on_tile=True)

    def place_stack(
        self, sheet: Sheet, blocks: Sequence[Block], rect: QRectF, *, on_tile: bool = False
    ) -> float:
        """Blocks one under the other from the top of `rect`; returns the height they took."""
        y = rect.top()
        for block in blocks:
            face = self.face(block.style)
            role = block.style.role
            if on_tile and role is Role.WindowText:
                role = Role.Text  # on a tile's base colour
            note = self.face(NOTE)
            beside = self._beside(block, face, note, rect.width()) if block.note else None
            width = rect.width() if beside is None else beside
            left = rect.left()
            if block.bullet:
                indent = self._indent(face)
                sheet.add(BULLET, face, QRectF(left, y, indent, face.line), role=role)
                left, width = left + indent, width - indent
            height, flags = self.measure.wrapped(face, width, block.text)
            box = QRectF(left, y, width, height)
            sheet.add(block.text, face, box, role=role, flags=flags, warning=block.style.warning)
            if block.note:
                note_width = self.measure.width(note, block.note)
                top = y if beside is not None else y + height
                box = QRectF(rect.right() - note_width, top, note_width, note.line)
                if beside is None:
                    box = QRectF(rect.left(), top, rect.width(), note.line)
                align = RIGHT_TOP if beside else TOP_LEFT
                sheet.add(block.note, note, box, role=NOTE.role, align=align)
                height = max(height, note.line) if beside is not None else height + note.line
            y += height + self.spacing
        return max(0.0, y - self.spacing - rect.top())


def centred(
    sheet: Sheet, measure: Measure, face: Face, text: str, *, width: float, height: float
) -> None:
    """One muted sentence in the middle (an empty state)."""
    box = width * 0.8
    used, flags = measure.wrapped(face, box, text)
    rect = QRectF((width - box) / 2, max(0.0, (height - used) / 2), box, used)
    align = Align.AlignHCenter | Align.AlignTop
    sheet.add(text, face, rect, role=Role.PlaceholderText, flags=flags, align=align)
