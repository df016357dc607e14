"""What a write touched, so each view redraws only what it shows (Anki's OpChanges pattern)."""

from dataclasses import dataclass
from enum import StrEnum


class Area(StrEnum):
    WORKSHOPS = "workshops"  # the list: created, renamed, archived, trashed, deleted
    DETAILS = "details"  # one workshop's own fields
    PARTICIPANTS = "participants"
    AGENDA = "agenda"  # items, their order and planned minutes
    RUN = "run"  # current step, timer, actual start and end times
    CARDS = "cards"
    CLUSTERS = "clusters"
    VOTES = "votes"
    RATINGS = "ratings"
    MAP = "map"
    ACTIONS = "actions"
    NOTES = "notes"
    DRAFTS = "drafts"


@dataclass(frozen=True, slots=True)
class Changes:
    areas: frozenset[Area]
    workshop_id: int | None = None
    ids: tuple[int, ...] = ()  # rows created or changed; for a create, the new row first
    # The changed rows as saved, when the write has them at hand: a view can show them without
    # reading them back (the add-card path). Views must cope with it being empty.
    rows: tuple[object, ...] = ()

    @classmethod
    def of(
        cls,
        *areas: Area,
        workshop_id: int | None = None,
        ids: tuple[int, ...] = (),
        rows: tuple[object, ...] = (),
    ) -> "Changes":
        return cls(frozenset(areas), workshop_id, ids, rows)

    def touches(self, *areas: Area) -> bool:
        return not self.areas.isdisjoint(areas)

    @property
    def id(self) -> int:
        """The row a create made (or the first row changed)."""
        if not self.ids:
            raise LookupError("this change names no row")
        return self.ids[0]
