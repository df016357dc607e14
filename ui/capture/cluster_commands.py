"""Undo commands for the cluster panel: make, fill, rename, merge and delete themes.

Every command is a pair of service writes through the store (ui.undo). Moving cards remembers
where each card was linked before (its theme, and whether that theme was live or deleted), so
undo puts every card back exactly: into its old theme, out of any theme, or back under a deleted
theme whose restore should bring it along. The services have no inverse of merge_clusters, so
undoing a merge restores the merged-away themes, gives them back their cards and moves their dots
back, all through the existing services (restore_cluster, assign_cards, add_dots).
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from app.services.changes import Area, Changes
from app.services.clusters import (
    assign_cards,
    create_cluster,
    delete_cluster,
    list_clusters,
    merge_clusters,
    rename_cluster,
    restore_cluster,
    ungroup_cards,
)
from app.services.votes import add_dots, vote_results
from exercises.model import VoteCapture
from ui.capture.context import StepContext
from ui.store import Store
from ui.undo import Step, StoreCommand


@dataclass(frozen=True)
class Link:
    """Where a card hangs: a theme id (None: no theme) and whether that theme is live."""

    theme_id: int | None
    live: bool = True


NO_THEME = Link(None)


def _chain(*writes: Step) -> Step:
    """Run writes in order; None as soon as one is refused (the command then goes)."""

    def run(store: Store) -> Changes | None:
        last: Changes | None = Changes.of(Area.CLUSTERS)
        for write in writes:
            last = write(store)
            if last is None:
                return None
        return last

    return run


def _ungroup(ids: list[int]) -> Step:
    return lambda s: s.apply(ungroup_cards, ids)


def _assign(theme: int, ids: list[int]) -> Step:
    return lambda s: s.apply(assign_cards, theme, ids)


def _restore(theme: int) -> Step:
    return lambda s: s.apply(restore_cluster, theme)


def _delete(theme: int) -> Step:
    return lambda s: s.apply(delete_cluster, theme)


def _dots(item: int, vote_step: str, theme: int, delta: int) -> Step:
    return lambda s: s.apply(add_dots, item, vote_step, cluster_id=theme, delta=delta)


def _put_back(links: Mapping[int, Link]) -> Step:
    """Writes that link every card to the theme it had before, live or deleted."""
    groups: dict[Link, list[int]] = {}
    for card_id, link in links.items():
        groups.setdefault(link, []).append(card_id)
    writes: list[Step] = []
    for link, ids in groups.items():
        theme = link.theme_id
        if theme is None:
            writes.append(_ungroup(ids))
        elif link.live:
            writes.append(_assign(theme, ids))
        else:  # a deleted theme: bring it back just long enough to hand its cards back
            writes += [_restore(theme), _assign(theme, ids), _delete(theme)]
    return _chain(*writes)


def _cards(count: int) -> str:
    return "1 card" if count == 1 else f"{count} cards"


class CreateThemeCommand(StoreCommand):
    """A new theme holding `links`' cards; redo brings back the same theme (same id)."""

    def __init__(
        self, store: Store, context: StepContext, name: str, links: Mapping[int, Link]
    ) -> None:
        super().__init__(
            store,
            f"New theme “{name}”",
            self._create_or_restore,
            self._remove,
        )
        self.item_id = context.agenda_item_id
        self.step_key = context.step_key
        self.name = name
        self.links = dict(links)
        self.row_id: int | None = None

    def _create_or_restore(self, store: Store) -> Changes | None:
        ids = list(self.links)
        if self.row_id is None:
            changes = store.apply(create_cluster, self.item_id, self.step_key, self.name, ids)
            if changes is not None:
                self.row_id = changes.id
            return changes
        restore = _restore(self.row_id)
        return _chain(restore, _assign(self.row_id, ids))(store) if ids else restore(store)

    def _remove(self, store: Store) -> Changes | None:
        assert self.row_id is not None
        delete = _delete(self.row_id)
        return _chain(delete, _put_back(self.links))(store) if self.links else delete(store)


def assign_command(
    store: Store, theme_id: int, theme_name: str, links: Mapping[int, Link]
) -> StoreCommand:
    ids = list(links)
    return StoreCommand(
        store,
        f"Add {_cards(len(ids))} to “{theme_name}”",
        _assign(theme_id, ids),
        _put_back(links),
    )


def ungroup_command(store: Store, links: Mapping[int, Link]) -> StoreCommand:
    ids = list(links)
    return StoreCommand(
        store,
        f"Take {_cards(len(ids))} out of {'its theme' if len(ids) == 1 else 'their themes'}",
        _ungroup(ids),
        _put_back(links),
    )


def rename_command(store: Store, theme_id: int, old: str, new: str) -> StoreCommand:
    return StoreCommand(
        store,
        f"Rename theme “{old}” to “{new}”",
        lambda s: s.apply(rename_cluster, theme_id, new),
        lambda s: s.apply(rename_cluster, theme_id, old),
    )


def delete_command(store: Store, theme_id: int, name: str) -> StoreCommand:
    """Soft: the cards keep their link, so undo brings the theme back with them."""
    return StoreCommand(
        store,
        f"Delete theme “{name}”",
        _delete(theme_id),
        _restore(theme_id),
    )


def _dots_on_themes(store: Store, context: StepContext) -> dict[str, dict[int, int]]:
    """Dots per theme in every vote step that votes on this cluster step's themes."""
    dots: dict[str, dict[int, int]] = {}
    for step in context.exercise.steps:
        capture = step.capture
        if isinstance(capture, VoteCapture) and capture.source == context.step_key:
            results = vote_results(store.db, context.agenda_item_id, step.key)
            dots[step.key] = {row.target_id: row.count for row in results.rows if row.count}
    return dots


def merge_command(
    store: Store, context: StepContext, into_id: int, source_ids: Sequence[int]
) -> StoreCommand:
    """Fold themes into `into_id`; undo restores them with their cards and their dots."""
    themes = {
        view.cluster.id: view
        for view in list_clusters(store.db, context.agenda_item_id, context.step_key)
    }
    sources = [i for i in dict.fromkeys(source_ids) if i != into_id and i in themes]
    cards = {i: [c.id for c in themes[i].cards if c.id is not None] for i in sources}
    dots = _dots_on_themes(store, context)
    item = context.agenda_item_id
    undo: list[Step] = []
    for theme in sources:
        undo.append(_restore(theme))
        if cards[theme]:
            undo.append(_assign(theme, cards[theme]))
    for vote_step, counts in dots.items():
        moved = sum(counts.get(theme, 0) for theme in sources)
        if moved:
            undo.append(_dots(item, vote_step, into_id, -moved))
            undo += [_dots(item, vote_step, t, counts[t]) for t in sources if counts.get(t)]
    name = themes[into_id].cluster.name if into_id in themes else "theme"
    count = len(sources)
    return StoreCommand(
        store,
        f"Merge {count} theme{'s' if count != 1 else ''} into “{name}”",
        lambda s: s.apply(merge_clusters, sources, into_id),
        _chain(*undo),
    )
