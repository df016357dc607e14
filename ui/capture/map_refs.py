"""Stable handles for map rows whose ids change: the system map service deletes for good, so
undoing a delete re-creates the row under a new id (and SQLite may later give a freed id to
another row).

Commands therefore hold `Ref`s, one per node or link, shared by every command that touches it,
never raw ids. `MapRefs` (one per undo stack and map step, a child of the stack, so it lives as
long as the commands) gives the Ref of a live id; a command that deletes or re-creates a row
updates its Ref in place, so every other command finds the row under its latest id.
"""

from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from ui.capture.context import StepContext


@dataclass(eq=False)
class Ref:
    """A node or link as commands know it; `id` is its current row (None while deleted)."""

    id: int | None = None


class MapRefs(QObject):
    """The Ref of each live node and link id of one map, for every command on one stack."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._nodes: dict[int, Ref] = {}
        self._links: dict[int, Ref] = {}

    def node(self, node_id: int) -> Ref:
        return self._nodes.setdefault(node_id, Ref(node_id))

    def link(self, link_id: int) -> Ref:
        return self._links.setdefault(link_id, Ref(link_id))

    def placed(self, ref: Ref, row_id: int, *, is_node: bool) -> None:
        ref.id = row_id
        (self._nodes if is_node else self._links)[row_id] = ref

    def dropped(self, ref: Ref, *, is_node: bool) -> None:
        table = self._nodes if is_node else self._links
        if ref.id is not None and table.get(ref.id) is ref:
            del table[ref.id]
        ref.id = None

    def forget_missing(self, node_ids: set[int], link_ids: set[int]) -> None:
        """Drop ids no longer in the map, so a reused id never reaches an old Ref."""
        for table, live, is_node in ((self._nodes, node_ids, True), (self._links, link_ids, False)):
            for row_id in [i for i in table if i not in live]:
                self.dropped(table[row_id], is_node=is_node)


def map_refs(stack: QUndoStack, context: StepContext) -> MapRefs:
    """The stack's Ref table for this map step, made on first use."""
    name = f"map_refs:{context.agenda_item_id}:{context.step_key}"
    found = stack.findChild(MapRefs, name)
    if isinstance(found, MapRefs):
        return found
    refs = MapRefs(stack)
    refs.setObjectName(name)
    return refs
