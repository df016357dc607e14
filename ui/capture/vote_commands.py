"""The undo command for counting dots: one more or one fewer on a card or a theme.

Counting the wall means pressing + several times on one row, so consecutive presses in the same
direction on the same target merge into one undo step ("Add 4 dots to …"); a press on another
row, or in the other direction, starts a new step. The panel never asks for a dot below zero,
so undo (the opposite delta) always lands exactly where the count was.
"""

from typing import Literal

from PySide6.QtGui import QUndoCommand

from app.services.votes import add_dots
from ui.capture.context import StepContext
from ui.store import Store
from ui.undo import MergeId, StoreCommand


class DotsCommand(StoreCommand):
    def __init__(
        self,
        store: Store,
        context: StepContext,
        target: Literal["cards", "clusters"],
        target_id: int,
        *,
        label: str,
        delta: int,
    ) -> None:
        key = "card_id" if target == "cards" else "cluster_id"
        item, step = context.agenda_item_id, context.step_key
        super().__init__(
            store,
            "",
            lambda s: s.apply(add_dots, item, step, delta=self.delta, **{key: target_id}),
            lambda s: s.apply(add_dots, item, step, delta=-self.delta, **{key: target_id}),
        )
        self.item_id, self.step_key = item, step
        self.target_id = target_id
        self.label = label
        self.delta = delta
        self._name()

    def _name(self) -> None:
        short = self.label if len(self.label) <= 40 else self.label[:39].rstrip() + "…"
        count = abs(self.delta)
        dots = "a dot" if count == 1 else f"{count} dots"
        if self.delta > 0:
            self.setText(f"Add {dots} to “{short}”")
        else:
            self.setText(f"Take {dots} from “{short}”")

    def id(self) -> int:
        return MergeId.DOTS

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not (
            isinstance(other, DotsCommand)
            and not other.isObsolete()
            and (other.item_id, other.step_key) == (self.item_id, self.step_key)
            and other.target_id == self.target_id
            and (other.delta > 0) == (self.delta > 0)
        ):
            return False
        self.delta += other.delta
        self.last = other.last
        self._name()
        return True
