"""The projector's view of a cluster step: the room's themes as tiles, each with its cards.

The largest type at which every theme and every card fits; below the readable size a theme
shows its first cards and "+3 more", and, on a very full wall, the themes that fit and
"+4 more themes". Read-only and live: it redraws whenever a card or a theme of this workshop
changes, so the wall on the screen follows the facilitator's grouping.
"""

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QWidget

from app.services.changes import Area, Changes
from app.services.clusters import ClusterView, list_clusters, unclustered_cards
from ui.capture.context import StepContext
from ui.capture.results_sheet import ResultsSheet, Sheet
from ui.capture.room_tiles import NOTE, TITLE, Arrangement, Block, Tile, Tiles, centred
from ui.capture.room_type import largest, most, type_range
from ui.store import Store

CHARS = (16, 40)  # the narrowest and widest a theme's tile may be, in characters


def plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


class ClusterResults(ResultsSheet):
    def __init__(self, store: Store, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.context = context
        self.views: list[ClusterView] = []
        self.loose = 0  # cards not in a theme yet
        store.sig_changed.connect(self._on_changed)
        self.refresh()
        self.relayout()

    def _on_changed(self, changes: Changes) -> None:
        if changes.workshop_id == self.context.workshop_id and changes.touches(
            Area.CARDS, Area.CLUSTERS
        ):
            self.refresh()

    def refresh(self) -> None:
        """Read the step again (themes are few), and lay it out once the loop is free."""
        item, step = self.context.agenda_item_id, self.context.step_key
        self.views = list_clusters(self.store.db, item, step)
        self.loose = len(unclustered_cards(self.store.db, item, step))
        self.schedule()

    def _tiles(self, cards: int) -> list[Tile]:
        """Each theme's tile, with at most `cards` of its cards and a count of the rest."""
        tiles: list[Tile] = []
        for view in self.views:
            texts = [" ".join(card.text.split()) for card in view.cards]
            blocks = [Block(view.cluster.name, TITLE, note=plural(len(texts), "card"))]
            blocks += [Block(text, bullet=True) for text in texts[:cards]]
            if 0 < cards < len(texts):  # with no card shown, the count says it
                blocks.append(Block(f"+{len(texts) - cards} more", NOTE))
            tiles.append(tuple(blocks))
        return tiles

    def _footer(self, themes_left_out: int) -> list[Block]:
        lines = []
        if themes_left_out:
            lines.append(Block(f"+{plural(themes_left_out, 'more theme')}", NOTE))
        if self.loose:
            lines.append(Block(f"{plural(self.loose, 'card')} not grouped yet", NOTE))
        return lines

    def _plan(
        self, points: float, cards: int, width: float, height: float, themes: int | None = None
    ) -> tuple[Tiles, list[Tile], Arrangement, list[Block]] | None:
        tiles = Tiles(self.measure, self.font(), points, chars=CHARS)
        shown = self._tiles(cards)[:themes]
        footer = self._footer(len(self.views) - len(shown))
        room = height - (tiles.stack_height(footer, width) + tiles.gap if footer else 0.0)
        arrangement = tiles.arrange(shown, width, room)
        return None if arrangement is None else (tiles, shown, arrangement, footer)

    def compose(self, width: float, height: float) -> Sheet:
        sheet = Sheet()
        low, high = type_range(self)
        if not self.views:
            face = self.measure.face(self.font(), low * 1.2, NOTE)
            empty = "No themes yet." if self.loose else "No cards to group yet."
            centred(sheet, self.measure, face, empty, width=width, height=height)
            return sheet
        fullest = max(len(view.cards) for view in self.views)
        cards, themes = fullest, len(self.views)
        points = largest(lambda p: self._plan(p, fullest, width, height) is not None, low, high)
        if points is None:  # at the smallest type: fewer cards per theme, then fewer themes
            if self._plan(low, 0, width, height) is not None:
                cards = most(lambda n: self._plan(low, n, width, height) is not None, fullest)
            else:
                cards = 0
                themes = most(lambda n: self._plan(low, 0, width, height, n) is not None, themes)
            found = largest(
                lambda p: self._plan(p, cards, width, height, themes) is not None, low, high
            )
            points = low if found is None else found
        plan = self._plan(points, cards, width, height, themes)
        if plan is None:  # not even one theme fits this window: the counts alone
            plan = self._plan(points, 0, width, 1e6, 0)
            assert plan is not None
        tiles, shown, arrangement, footer = plan
        tiles.place(sheet, shown, arrangement)
        bottom = max((top + tall + tiles.gap for _, top, tall in arrangement.placed), default=0.0)
        tiles.place_stack(sheet, footer, QRectF(0, bottom, width, height - bottom))
        sheet.points = points
        return sheet


def cluster_results_view(store: Store, context: StepContext) -> QWidget:
    """RESULTS entry for the cluster mode (see ui.capture.registry)."""
    return ClusterResults(store, context)
