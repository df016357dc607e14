"""Undo commands for ratings: set or clear one cell of the grid, old value back on undo.

Digits typed in quick succession into one cell ("-", "2", "0" for -20) are one typing
`session` and merge into one undo step, so undo takes back the whole number at once.
"""

from PySide6.QtGui import QUndoCommand

from app.services.changes import Changes
from app.services.ratings import clear_rating, set_rating
from ui.capture.context import StepContext
from ui.capture.rate_model import cell_text
from ui.capture.rating_chart import short_label
from ui.store import Store
from ui.undo import MergeId, StoreCommand


class RatingCommand(StoreCommand):
    """Set one rater's value on one scale; None on either side means "no rating"."""

    def __init__(
        self,
        store: Store,
        context: StepContext,
        *,
        participant_id: int | None,
        scale_key: str,
        old: float | None,
        new: float | None,
        rater: str,
        scale_label: str,
        session: int = 0,
    ) -> None:
        super().__init__(
            store,
            _text(rater, scale_label, new),
            lambda s: self._write(s, self.new),
            lambda s: self._write(s, self.old),
        )
        self.context = context
        self.participant_id = participant_id
        self.scale_key = scale_key
        self.old = old
        self.new = new
        self.session = session

    def _write(self, store: Store, value: float | None) -> Changes | None:
        where = (self.context.agenda_item_id, self.context.step_key, self.scale_key)
        if value is None:
            return store.apply(clear_rating, *where, participant_id=self.participant_id)
        return store.apply(set_rating, *where, value, participant_id=self.participant_id)

    def _cell(self) -> tuple[object, ...]:
        return (self.context.agenda_item_id, self.context.step_key, self.participant_id,
                self.scale_key, self.session)  # fmt: skip

    def id(self) -> int:
        return MergeId.RATING

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not (
            isinstance(other, RatingCommand)
            and not other.isObsolete()
            and other._cell() == self._cell()
        ):
            return False
        self.new = other.new
        self.last = other.last
        self.setText(other.text())
        self.setObsolete(self.new == self.old)
        return True


def _text(rater: str, scale_label: str, value: float | None) -> str:
    scale = short_label(scale_label)
    if value is None:
        return f"Clear {rater}'s {scale} rating"
    return f"Rate {scale} {cell_text(value)} for {rater}"
