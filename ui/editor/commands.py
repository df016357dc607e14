"""Undo commands for the workshop editor's details, participants and private notes.

Each one is a pair of service writes through the store (ui.undo), so undo and redo are saved
like any other edit. Saves made while the user keeps typing in one field carry the same
`session` number and merge into one undo step, so undo takes back the whole burst of typing.
"""

from PySide6.QtGui import QUndoCommand

from app.services.notes import set_workshop_notes
from app.services.participants import (
    add_participant,
    edit_participant,
    move_participant,
    remove_participant,
    restore_participant,
)
from app.services.workshops import edit_workshop
from ui.store import Store
from ui.undo import CreateCommand, MergeId, StoreCommand

DETAIL_LABELS: dict[str, str] = {
    "title": "title",
    "purpose": "purpose",
    "organisation": "group",
    "date": "date",
    "start_time": "start time",
    "minutes_available": "time available",
    "location": "location",
    "facilitator": "facilitator",
}


class EditDetailsCommand(StoreCommand):
    """Set one field of a workshop; undo puts the old value back."""

    def __init__(
        self,
        store: Store,
        workshop_id: int,
        field: str,
        old: object,
        new: object,
        *,
        session: int = 0,
    ) -> None:
        super().__init__(
            store,
            f"Change {DETAIL_LABELS[field]}",
            lambda s: s.apply(edit_workshop, workshop_id, **{field: self.new}),
            lambda s: s.apply(edit_workshop, workshop_id, **{field: self.old}),
        )
        self.workshop_id = workshop_id
        self.field = field
        self.old = old
        self.new = new
        self.session = session

    def id(self) -> int:
        return MergeId.DETAILS + list(DETAIL_LABELS).index(self.field)

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not (
            isinstance(other, EditDetailsCommand)
            and not other.isObsolete()
            and other.workshop_id == self.workshop_id
            and other.field == self.field
            and other.session == self.session
        ):
            return False
        self.new = other.new
        self.last = other.last
        self.setObsolete(self.new == self.old)  # typed back to where it was: no step at all
        return True


class SetNotesCommand(StoreCommand):
    """Replace the workshop's private notes; undo puts the old text back."""

    def __init__(
        self, store: Store, workshop_id: int, old: str, new: str, *, session: int = 0
    ) -> None:
        super().__init__(
            store,
            "Edit private notes",
            lambda s: s.apply(set_workshop_notes, workshop_id, self.new),
            lambda s: s.apply(set_workshop_notes, workshop_id, self.old),
        )
        self.workshop_id = workshop_id
        self.old = old
        self.new = new
        self.session = session

    def id(self) -> int:
        return MergeId.NOTES

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 (Qt's name)
        if not (
            isinstance(other, SetNotesCommand)
            and not other.isObsolete()
            and other.workshop_id == self.workshop_id
            and other.session == self.session
        ):
            return False
        self.new = other.new
        self.last = other.last
        self.setObsolete(self.new == self.old)
        return True


def add_participant_command(
    store: Store, workshop_id: int, name: str = "", vantage_point: str = ""
) -> CreateCommand:
    """Undo removes the new participant; redo brings back the same row (same id)."""
    return CreateCommand(
        store,
        "Add participant",
        lambda s: s.apply(add_participant, workshop_id, name=name, vantage_point=vantage_point),
        lambda s, row_id: s.apply(remove_participant, row_id),
        lambda s, row_id: s.apply(restore_participant, row_id),
    )


def edit_participant_command(
    store: Store, participant_id: int, field: str, old: str, new: str
) -> StoreCommand:
    what = "name" if field == "name" else "vantage point"
    return StoreCommand(
        store,
        f"Change participant's {what}",
        lambda s: s.apply(edit_participant, participant_id, **{field: new}),
        lambda s: s.apply(edit_participant, participant_id, **{field: old}),
    )


def remove_participant_command(store: Store, participant_id: int, label: str) -> StoreCommand:
    """Removal is soft, so undo brings the participant back in the same place."""
    return StoreCommand(
        store,
        f"Remove {label}",
        lambda s: s.apply(remove_participant, participant_id),
        lambda s: s.apply(restore_participant, participant_id),
    )


def move_participant_command(
    store: Store, participant_id: int, old_index: int, new_index: int
) -> StoreCommand:
    return StoreCommand(
        store,
        "Move participant",
        lambda s: s.apply(move_participant, participant_id, new_index),
        lambda s: s.apply(move_participant, participant_id, old_index),
    )
