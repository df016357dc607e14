"""What every capture service needs first: the live agenda item and the step it writes into.

The step's capture configuration comes from the definition frozen in the agenda item, so a later
library edit never changes what a past run accepts. A write aimed at the wrong kind of step
(a card into a rate step) is refused with a sentence the facilitator can act on.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import Protocol, TypeVar

from sqlmodel import Session

from app.db.models import AgendaItem, Participant
from app.services.agenda import exercise_of
from app.services.common import get_row
from app.services.errors import InvalidInputError, NotFoundError
from exercises.model import (
    ActionsCapture,
    CardsCapture,
    ClusterCapture,
    MapCapture,
    RateCapture,
    Step,
    TalkCapture,
    VoteCapture,
)

# How each capture mode reads in a sentence: "Step 'Rate' records ratings, not cards."
_RECORDS = {
    "talk": "nothing but time",
    "cards": "cards",
    "cluster": "themes",
    "vote": "dot votes",
    "rate": "ratings",
    "map": "a system map",
    "actions": "actions",
}

C = TypeVar(
    "C",
    TalkCapture,
    CardsCapture,
    ClusterCapture,
    VoteCapture,
    RateCapture,
    MapCapture,
    ActionsCapture,
)


def live_item(session: Session, agenda_item_id: int) -> AgendaItem:
    """The agenda item, refused when it was removed from the agenda (nothing captures there)."""
    return get_row(session, AgendaItem, agenda_item_id, "Agenda item")


def find_step(item: AgendaItem, step_key: str) -> Step:
    exercise = exercise_of(item)
    try:
        return exercise.step(step_key)
    except KeyError:
        raise NotFoundError(f"{exercise.title} has no step {step_key!r}.") from None


def check_mode(step: Step, mode: str) -> None:
    actual = step.capture.mode
    if actual != mode:
        expected = _RECORDS.get(mode, mode)
        raise InvalidInputError(f"Step {step.title!r} records {_RECORDS[actual]}, not {expected}.")


def step_config(
    session: Session, agenda_item_id: int, step_key: str, mode: str
) -> tuple[AgendaItem, Step]:
    """The live agenda item and its step, which must capture `mode` ("cards", "vote", ...)."""
    item = live_item(session, agenda_item_id)
    step = find_step(item, step_key)
    check_mode(step, mode)
    return item, step


def capture_config(
    session: Session, agenda_item_id: int, step_key: str, kind: type[C]
) -> tuple[AgendaItem, Step, C]:
    """Like step_config, but also hands back the capture already narrowed to `kind`."""
    mode: str = kind.model_fields["mode"].default
    item, step = step_config(session, agenda_item_id, step_key, mode)
    capture = step.capture
    assert isinstance(capture, kind)
    return item, step, capture


def narrow(step: Step, kind: type[C]) -> C:
    """The capture of a step already known to be of `kind`'s mode, typed as such."""
    check_mode(step, kind.model_fields["mode"].default)
    capture = step.capture
    assert isinstance(capture, kind)
    return capture


def check_participant(session: Session, workshop_id: int, participant_id: int) -> Participant:
    """A live participant of this workshop (an author or a rater)."""
    person = get_row(session, Participant, participant_id, "Participant")
    if person.workshop_id != workshop_id:
        raise InvalidInputError(f"Participant {participant_id} is not part of this workshop.")
    return person


class Ordered(Protocol):
    """A row kept in a user-chosen order that can be removed and restored."""

    id: int | None
    position: int
    deleted_at: datetime | None


R = TypeVar("R", bound=Ordered)


def place(session: Session, rows: Sequence[R], moving: R, index: int) -> None:
    """Put `moving` at `index` among the live rows and renumber all of them.

    Removed rows keep their place between their live neighbours, so restoring one brings it
    back where it was. `rows` are every row of the list (removed ones too), in order.
    """
    others = [row for row in rows if row.id != moving.id]
    live = [i for i, row in enumerate(others) if row.deleted_at is None]
    slots = [*live, live[-1] + 1 if live else len(others)]  # before each live row, or after all
    others.insert(slots[max(0, min(index, len(live)))], moving)
    for position, row in enumerate(others):
        if row.position != position:
            row.position = position
            session.add(row)
