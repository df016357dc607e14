"""What the room said in a cards step, large, for the projector: the words, not who said them.

Each column of the step (or the one list, when the step has none) shows its cards as tiles,
flowed into as many sub-columns as they need, at the largest type that fits. When even the
smallest readable type cannot hold them all, the newest cards stay up and the older ones are
counted ("+1,960 earlier cards"): a projector cannot be scrolled. It follows every change as it
is saved (a card added, edited, moved or deleted, an undo); authors stay on the facilitator's
screen.
"""

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QWidget

from ui.capture.cards_model import CardRow, CardsBoard, ColumnModel
from ui.capture.context import StepContext
from ui.capture.results_sheet import ResultsSheet, Sheet
from ui.capture.room_tiles import NOTE, TITLE, Arrangement, Block, Tile, Tiles, centred
from ui.capture.room_type import largest, most, type_range
from ui.store import Store

EMPTY = "The cards appear here as they are added."


def cards_count(count: int) -> str:
    return f"{count:,} card{'' if count == 1 else 's'}"


def earlier(count: int) -> str:
    return f"+{count:,} earlier card{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class ColumnPlan:
    header: Block | None
    summary: Block | None  # the older cards that did not fit, counted
    tiles: list[Tile]
    arrangement: Arrangement
    ids: tuple[int, ...] = ()  # of the cards shown, in the order of `tiles`


class CardsResults(ResultsSheet):
    def __init__(self, store: Store, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board = CardsBoard(store, context, self)
        self.board.sig_updated.connect(self.schedule)
        self.relayout()

    def shown_columns(self) -> list[ColumnModel]:
        """The step's columns (all of them, even empty), and the loose cards when there are any."""
        if not self.board.categories:
            return [self.board.unsorted]
        return [c for c in self.board.columns if c.category is not None or c.rows]

    def compose(self, width: float, height: float) -> Sheet:
        sheet = Sheet()
        low, high = type_range(self)
        if self.board.count == 0:
            face = self.measure.face(self.font(), low * 1.2, NOTE)
            centred(sheet, self.measure, face, EMPTY, width=width, height=height)
            if not self.board.categories:
                return sheet
            high = low * 1.2  # the empty columns' names, no louder than the sentence
        columns = self.shown_columns()
        points = largest(lambda p: self._plans(columns, p, width, height) is not None, low, high)
        squeeze = points is None
        points = low if points is None else points
        tiles = Tiles(self.measure, self.font(), points)
        plans = self._plans(columns, points, width, height, squeeze=squeeze)
        assert plans is not None  # squeezing always finds a plan
        gap = self._gap(tiles)
        column_width = self._column_width(len(columns), width, gap)
        newest = self.board.newest()
        for number, plan in enumerate(plans):
            left = number * (column_width + gap)
            heads = [block for block in (plan.header, plan.summary) if block is not None]
            used = tiles.place_stack(sheet, heads, QRectF(left, 0, column_width, height))
            top = used + tiles.gap if heads else 0.0
            accent = plan.ids.index(newest.id) if newest and newest.id in plan.ids else None
            tiles.place(sheet, plan.tiles, plan.arrangement, left=left, top=top, accent=accent)
        sheet.points = points
        return sheet

    @staticmethod
    def _gap(tiles: Tiles) -> float:
        return tiles.line * 1.5  # between the step's columns: wider than between tiles

    @staticmethod
    def _column_width(count: int, width: float, gap: float) -> float:
        return (width - gap * (count - 1)) / count

    def _plans(
        self,
        columns: list[ColumnModel],
        points: float,
        width: float,
        height: float,
        *,
        squeeze: bool = False,
    ) -> list[ColumnPlan] | None:
        tiles = Tiles(self.measure, self.font(), points)
        column_width = self._column_width(len(columns), width, self._gap(tiles))
        plans: list[ColumnPlan] = []
        for column in columns:
            plan = self._plan(tiles, column, column_width, height, squeeze)
            if plan is None:
                return None
            plans.append(plan)
        return plans

    def _plan(
        self, tiles: Tiles, column: ColumnModel, width: float, height: float, squeeze: bool
    ) -> ColumnPlan | None:
        header = None
        if self.board.categories:
            header = Block(column.title, TITLE, note=cards_count(len(column.rows)))
        room = height - (tiles.block_height(header, width) + tiles.gap if header else 0.0)
        rows = column.rows
        if not squeeze:
            return self._fitted(tiles, rows, header=header, summary=None, width=width, room=room)
        summary_room = room - tiles.block_height(Block(earlier(len(rows)), NOTE), width) - tiles.gap
        newest = min(len(rows), tiles.capacity(width, summary_room) + 1)

        def fitted(count: int) -> ColumnPlan | None:
            hidden = len(rows) - count
            summary = Block(earlier(hidden), NOTE) if hidden else None
            shown = rows[len(rows) - count :]
            return self._fitted(
                tiles, shown, header=header, summary=summary, width=width, room=summary_room
            )

        count = most(lambda n: fitted(n) is not None, newest)
        plan = fitted(count)
        if plan is None:  # not even one card fits: the count alone
            plan = ColumnPlan(header, Block(earlier(len(rows)), NOTE), [], Arrangement(width, []))
        return plan

    @staticmethod
    def _fitted(
        tiles: Tiles,
        rows: list[CardRow],
        *,
        header: Block | None,
        summary: Block | None,
        width: float,
        room: float,
    ) -> ColumnPlan | None:
        if len(rows) > tiles.capacity(width, room):
            return None
        shown: list[Tile] = [(Block(" ".join(row.text.split())),) for row in rows]
        arrangement = tiles.arrange(shown, width, room)
        if arrangement is None:
            return None
        return ColumnPlan(header, summary, shown, arrangement, tuple(row.id for row in rows))


def cards_results(store: Store, context: StepContext) -> QWidget:
    """The registry's factory: a live, read-only view of the step's cards."""
    return CardsResults(store, context)
