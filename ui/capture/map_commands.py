"""Undo commands for the system map, whose service deletes nodes and links for good.

Undoing a delete therefore re-creates rows, and the database gives them new ids (SQLite may even
hand a freed id to another row later). So commands never hold database ids but `Ref`s
(ui/capture/map_refs.py), handles they update in place whenever they delete or re-create a row,
so every command further up or down the stack finds the row under its latest id.
Deleting a node remembers its label, kind, place and every link touching it (with the Refs of
both ends), so undo brings the node and its links back.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PySide6.QtGui import QUndoCommand

from app.services.changes import Changes
from app.services.system_map import (
    add_link,
    add_node,
    delete_link,
    delete_node,
    move_node,
    relabel_link,
    rename_node,
    set_node_kind,
    system_map,
)
from ui.capture.context import StepContext
from ui.capture.map_refs import MapRefs, Ref
from ui.store import Store
from ui.undo import MergeId, StoreCommand

Point = tuple[float, float]


@dataclass
class _Link:
    """One link's life: remove it (remembering it) and make it again."""

    refs: MapRefs
    ref: Ref
    source: Ref
    target: Ref
    label: str = ""

    def create(self, store: Store) -> Changes | None:
        if self.source.id is None or self.target.id is None:
            return None
        changes = store.apply(add_link, self.source.id, self.target.id, self.label)
        if changes is not None:
            self.refs.placed(self.ref, changes.id, is_node=False)
        return changes

    def remove(self, store: Store) -> Changes | None:
        if self.ref.id is None:
            return None
        changes = store.apply(delete_link, self.ref.id)
        if changes is not None:
            self.refs.dropped(self.ref, is_node=False)
        return changes


@dataclass
class _Node:
    """One node's life: remove it with its links (remembering all) and make them again."""

    refs: MapRefs
    context: StepContext
    ref: Ref
    label: str
    kind: str = ""
    x: float = 0.0
    y: float = 0.0
    links: list[_Link] = field(default_factory=list)

    def create(self, store: Store) -> Changes | None:
        ctx = self.context
        changes = store.apply(
            add_node,
            ctx.agenda_item_id,
            ctx.step_key,
            self.label,
            kind=self.kind,
            x=self.x,
            y=self.y,
        )
        if changes is None:
            return None
        self.refs.placed(self.ref, changes.id, is_node=True)
        for link in self.links:
            link.create(store)
        return changes

    def remove(self, store: Store) -> Changes | None:
        node_id = self.ref.id
        if node_id is None:
            return None
        view = system_map(store.db, self.context.agenda_item_id, self.context.step_key)
        for node in view.nodes:
            if node.id == node_id:
                self.label, self.kind, self.x, self.y = node.label, node.kind, node.x, node.y
        self.links = [
            _Link(
                self.refs,
                self.refs.link(link.id),
                self.refs.node(link.source_id),
                self.refs.node(link.target_id),
                link.label,
            )
            for link in view.links
            if link.id is not None and node_id in (link.source_id, link.target_id)
        ]
        changes = store.apply(delete_node, node_id)
        if changes is not None:
            self.refs.dropped(self.ref, is_node=True)
            for link in self.links:
                self.refs.dropped(link.ref, is_node=False)
        return changes


Write = Callable[[Store], Changes | None]


def _all(writes: Sequence[Write]) -> Callable[[Store], Changes | None]:
    """Run every write; the last Changes, or None when none of them worked."""

    def run(store: Store) -> Changes | None:
        results = [write(store) for write in writes]
        done = [r for r in results if r is not None]
        return done[-1] if done else None

    return run


def add_node_command(
    store: Store, refs: MapRefs, context: StepContext, label: str, *, kind: str, at: Point
) -> tuple[StoreCommand, Ref]:
    """Add an actor; the Ref follows it through undo and redo (for a link made right after)."""
    life = _Node(refs, context, Ref(), label, kind, at[0], at[1])
    return StoreCommand(store, f"Add {label}", life.create, life.remove), life.ref


def add_link_command(
    store: Store, refs: MapRefs, source: Ref, target: Ref, label: str
) -> tuple[StoreCommand, Ref]:
    life = _Link(refs, Ref(), source, target, label)
    return StoreCommand(store, "Link actors", life.create, life.remove), life.ref


def add_linked_node_command(
    store: Store,
    refs: MapRefs,
    context: StepContext,
    source: Ref,
    name: str,
    *,
    at: Point,
    label: str,
) -> StoreCommand:
    """Link to an actor not on the map yet: add it and the link in one step."""
    node = _Node(refs, context, Ref(), name, "", at[0], at[1])
    link = _Link(refs, Ref(), source, node.ref, label)
    return StoreCommand(
        store, f"Link to {name}", _all([node.create, link.create]), _all([link.remove, node.remove])
    )


def delete_command(
    store: Store, refs: MapRefs, context: StepContext, node_ids: list[int], link_ids: list[int]
) -> StoreCommand:
    """Delete links, then nodes with their links; undo re-creates nodes first, then links."""
    lives: list[_Link | _Node] = [
        _Link(refs, refs.link(i), Ref(), Ref()) for i in link_ids
    ]  # ends and label are read back just before the delete
    lives += [_Node(refs, context, refs.node(i), "") for i in node_ids]

    def remove_link_first(life: _Link) -> Write:
        def run(s: Store) -> Changes | None:
            view = system_map(s.db, context.agenda_item_id, context.step_key)
            for link in view.links:
                if link.id == life.ref.id:
                    life.source = refs.node(link.source_id)
                    life.target = refs.node(link.target_id)
                    life.label = link.label
            return life.remove(s)

        return run

    removes = [remove_link_first(x) if isinstance(x, _Link) else x.remove for x in lives]
    creates = [life.create for life in reversed(lives)]
    count = len(node_ids) + len(link_ids)
    text = "Delete from the map" if count > 1 else "Delete " + ("link" if link_ids else "actor")
    return StoreCommand(store, text, _all(removes), _all(creates))


def rename_node_command(
    store: Store, ref: Ref, old: tuple[str, str], new: tuple[str, str]
) -> StoreCommand:
    """(label, kind) from old to new, in one step."""

    def write(value: tuple[str, str]) -> Write:
        def run(s: Store) -> Changes | None:
            if ref.id is None:
                return None
            changes = s.apply(rename_node, ref.id, value[0])
            if changes is not None and old[1] != new[1]:
                changes = s.apply(set_node_kind, ref.id, value[1])
            return changes

        return run

    return StoreCommand(store, f"Rename {old[0]}", write(new), write(old))


def relabel_link_command(store: Store, ref: Ref, old: str, new: str) -> StoreCommand:
    def write(value: str) -> Write:
        return lambda s: None if ref.id is None else s.apply(relabel_link, ref.id, value)

    return StoreCommand(store, "Relabel link", write(new), write(old))


class MoveNodesCommand(StoreCommand):
    """Move actors (a drag, a tidy, or a burst of arrow-key nudges merged into one step)."""

    def __init__(
        self,
        store: Store,
        moves: Sequence[tuple[Ref, Point, Point]],
        text: str,
        *,
        burst: int | None = None,
    ) -> None:
        super().__init__(store, text, self._write(new=True), self._write(new=False))
        self.moves = [(ref, old, new) for ref, old, new in moves if old != new]
        self.burst = burst

    def _write(self, *, new: bool) -> Write:
        def run(store: Store) -> Changes | None:
            done = [_move(store, ref, b if new else a) for ref, a, b in self.moves]
            return next((c for c in reversed(done) if c is not None), None)

        return run

    def id(self) -> int:
        return -1 if self.burst is None else MergeId.MAP_NUDGE  # one burst of arrow keys: one step

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not (
            isinstance(other, MoveNodesCommand)
            and self.burst is not None
            and other.burst == self.burst
            and [m[0] for m in other.moves] == [m[0] for m in self.moves]
        ):
            return False
        self.moves = [
            (ref, old, latest)
            for (ref, old, _), (_, _, latest) in zip(self.moves, other.moves, strict=True)
        ]
        self.last = other.last
        self.setObsolete(all(old == new for _, old, new in self.moves))
        return True


def _move(store: Store, ref: Ref, to: Point) -> Changes | None:
    return None if ref.id is None else store.apply(move_node, ref.id, to[0], to[1])
