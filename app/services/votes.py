"""Dot votes: a tally per card or per theme, as the facilitator counts dots on the wall.

One row per (vote step, target) holds the count; add_dots adds or takes away and never goes below
zero (the database checks that too). Results list every live target of the source step, dotted or
not, so the handout shows what was not chosen as well. Dots on a removed card or theme are kept
but not counted, so restoring it brings its dots back.
"""

from dataclasses import dataclass
from typing import Literal

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.db.database import Database
from app.db.models import AgendaItem, Card, Cluster, Participant, Vote
from app.services.agenda import exercise_of
from app.services.capture_steps import capture_config
from app.services.cards import live_cards
from app.services.changes import Area, Changes
from app.services.clusters import live_clusters
from app.services.common import get_row
from app.services.errors import InvalidInputError
from exercises.model import VoteCapture

MAX_DELTA = 1000  # one click or one count; more is a typing slip


@dataclass(frozen=True)
class VoteRow:
    target_id: int  # a card id or a cluster id, as VoteResults.target says
    label: str
    count: int


@dataclass(frozen=True)
class VoteResults:
    target: Literal["cards", "clusters"]
    rows: tuple[VoteRow, ...]  # most dots first; ties keep board order
    total: int
    budget: int | None  # dots per person x live participants; None when nobody is listed

    @property
    def remaining(self) -> int | None:
        """Dots not yet placed (negative when more were counted than handed out)."""
        return None if self.budget is None else self.budget - self.total


def _check_target(
    session: Session,
    item: AgendaItem,
    step_key: str,
    source: str,
    *,
    card_id: int | None,
    cluster_id: int | None,
) -> None:
    target = exercise_of(item).vote_target(step_key)
    if (card_id is None) == (cluster_id is None):
        raise InvalidInputError("Give dots to one card or one theme.")
    if target == "cards":
        if card_id is None:
            raise InvalidInputError("This vote is on cards, not themes.")
        row: Card | Cluster = get_row(session, Card, card_id, "Card")
    else:
        if cluster_id is None:
            raise InvalidInputError("This vote is on themes, not cards.")
        row = get_row(session, Cluster, cluster_id, "Theme")
    if row.agenda_item_id != item.id or row.step_key != source:
        what = "Card" if target == "cards" else "Theme"
        raise InvalidInputError(f"{what} {row.id} is not part of step {source!r}.")


def add_dots(
    db: Database,
    agenda_item_id: int,
    step_key: str,
    *,
    card_id: int | None = None,
    cluster_id: int | None = None,
    delta: int = 1,
) -> Changes:
    """Add `delta` dots (negative takes them away, stopping at zero). Ids: the vote row."""
    if isinstance(delta, bool) or not isinstance(delta, int) or abs(delta) > MAX_DELTA:
        raise InvalidInputError(f"Dots change by a whole number up to {MAX_DELTA} at a time.")
    with db.write() as session:
        item, _, capture = capture_config(session, agenda_item_id, step_key, VoteCapture)
        _check_target(
            session, item, step_key, capture.source, card_id=card_id, cluster_id=cluster_id
        )
        query = select(Vote).where(Vote.agenda_item_id == agenda_item_id, Vote.step_key == step_key)
        if card_id is not None:
            query = query.where(Vote.card_id == card_id)
        else:
            query = query.where(Vote.cluster_id == cluster_id)
        vote = session.exec(query).first()
        if vote is None:
            vote = Vote(
                agenda_item_id=agenda_item_id,
                step_key=step_key,
                card_id=card_id,
                cluster_id=cluster_id,
            )
        vote.count = max(0, vote.count + delta)
        session.add(vote)
        session.flush()
        assert vote.id is not None
        return Changes.of(Area.VOTES, workshop_id=item.workshop_id, ids=(vote.id,))


def _targets(
    session: Session, item_id: int, source: str, target: Literal["cards", "clusters"]
) -> list[tuple[int, str]]:
    """(id, label) of every live card or theme of the source step, in board order."""
    if target == "cards":
        return [(c.id, c.text) for c in live_cards(session, item_id, source) if c.id is not None]
    return [(c.id, c.name) for c in live_clusters(session, item_id, source) if c.id is not None]


def vote_results(db: Database, agenda_item_id: int, step_key: str) -> VoteResults:
    with db.read() as session:
        item, _, capture = capture_config(session, agenda_item_id, step_key, VoteCapture)
        target = exercise_of(item).vote_target(step_key)
        votes = session.exec(
            select(Vote).where(Vote.agenda_item_id == agenda_item_id, Vote.step_key == step_key)
        ).all()
        counts = {(v.card_id if target == "cards" else v.cluster_id): v.count for v in votes}
        listed = _targets(session, agenda_item_id, capture.source, target)
        unranked = [VoteRow(i, label, counts.get(i, 0)) for i, label in listed]
        rows = tuple(sorted(unranked, key=lambda row: -row.count))  # stable: ties keep order
        people = session.exec(
            select(func.count())
            .select_from(Participant)
            .where(
                Participant.workshop_id == item.workshop_id,
                col(Participant.deleted_at).is_(None),
            )
        ).one()
        budget = capture.dots_per_person * int(people) if people else None
        return VoteResults(target, rows, sum(row.count for row in rows), budget)
