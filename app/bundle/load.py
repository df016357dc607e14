"""Import a JSON bundle as a new workshop: read.py checks everything, then one transaction writes.

A bundle refused by read.py never reaches the database; one that fails while being written is
rolled back whole, so nothing is ever half-imported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

from sqlmodel import Session

from app.bundle.model import AgendaItemData, Bundle
from app.bundle.read import bundle_error, load_bundle_text
from app.db.database import Database
from app.db.models import (
    Action,
    ActionStatus,
    Card,
    Cluster,
    MapLink,
    MapNode,
    Note,
    Participant,
    Rating,
    Vote,
    Workshop,
    WorkshopStatus,
)
from app.services.agenda import insert_item, steps_of
from app.services.changes import Area, Changes
from app.services.errors import ServiceError

Stored = TypeVar("Stored", Participant, Cluster, Card, MapNode)


def import_bundle(db: Database, data: bytes | str, source: str = "bundle") -> Changes:
    """A new workshop from a bundle, all in one transaction: on any problem nothing is written."""
    bundle = load_bundle_text(data, source)
    try:
        with db.write() as session:
            workshop_id = _write(session, bundle)
    except ServiceError as error:  # checked above already; kept so no half-import is possible
        raise bundle_error(source, [str(error)]) from None
    return Changes.of(Area.WORKSHOPS, workshop_id=workshop_id, ids=(workshop_id,))


def _positions(rows: Iterable[Any]) -> list[int]:
    """0, 1, 2... within each step, in list order: the order is all that positions mean."""
    seen: Counter[str] = Counter()
    out = []
    for row in rows:
        out.append(seen[row.step])
        seen[row.step] += 1
    return out


def _ids(session: Session, refs: Iterable[str], rows: Sequence[Stored]) -> dict[str, int]:
    """Insert the rows and map each bundle ref to its new database id."""
    session.add_all(rows)
    session.flush()
    ids = {}
    for ref, row in zip(refs, rows, strict=True):
        assert row.id is not None
        ids[ref] = row.id
    return ids


def _write(session: Session, bundle: Bundle) -> int:
    details = bundle.workshop.model_dump(exclude={"status"})
    workshop = Workshop(**details, status=WorkshopStatus(bundle.workshop.status))
    session.add(workshop)
    session.flush()
    assert workshop.id is not None
    workshop_id = workshop.id
    people = _ids(
        session,
        (p.ref for p in bundle.participants),
        [
            Participant(workshop_id=workshop_id, position=i, **p.model_dump(exclude={"ref"}))
            for i, p in enumerate(bundle.participants)
        ],
    )
    items = {}
    for item in bundle.agenda:
        minutes = {s.key: s.planned_minutes for s in item.steps}
        row = insert_item(session, workshop_id, item.exercise, minutes=minutes, only_steps=minutes)
        assert row.id is not None
        items[item.ref] = row.id
        times = {s.key: s for s in item.steps}
        for run_step in steps_of(session, row.id):
            if run_step.step_key in times:
                run_step.started_at = times[run_step.step_key].started_at
                run_step.ended_at = times[run_step.step_key].ended_at
                session.add(run_step)
        _write_item(session, workshop_id, row.id, item, people)
    for i, action in enumerate(bundle.actions):
        session.add(
            Action(
                **action.model_dump(exclude={"item", "step", "status"}),
                workshop_id=workshop_id,
                agenda_item_id=items.get(action.item or ""),
                step_key=action.step,
                position=i,
                status=ActionStatus(action.status),
            )
        )
    session.add_all(Note(workshop_id=workshop_id, **n.model_dump()) for n in bundle.notes)
    return workshop_id


def _write_item(
    session: Session, workshop_id: int, item_id: int, item: AgendaItemData, people: dict[str, int]
) -> None:
    themes = _ids(
        session,
        (c.ref for c in item.clusters),
        [
            Cluster(agenda_item_id=item_id, step_key=c.step, name=c.name, position=position)
            for c, position in zip(item.clusters, _positions(item.clusters), strict=True)
        ],
    )
    cards = _ids(
        session,
        (c.ref for c in item.cards),
        [
            Card(
                agenda_item_id=item_id,
                **c.model_dump(include={"text", "category", "created_at", "updated_at"}),
                step_key=c.step,
                author_id=people.get(c.author or ""),
                cluster_id=themes.get(c.cluster or ""),
                position=position,
            )
            for c, position in zip(item.cards, _positions(item.cards), strict=True)
        ],
    )
    nodes = _ids(
        session,
        (n.ref for n in item.map_nodes),
        [
            MapNode(
                agenda_item_id=item_id, step_key=n.step, **n.model_dump(exclude={"ref", "step"})
            )
            for n in item.map_nodes
        ],
    )
    session.add_all(
        Vote(
            agenda_item_id=item_id,
            step_key=v.step,
            card_id=cards.get(v.card or ""),
            cluster_id=themes.get(v.cluster or ""),
            count=v.count,
        )
        for v in item.votes
    )
    session.add_all(
        Rating(
            agenda_item_id=item_id,
            step_key=r.step,
            scale_key=r.scale,
            participant_id=people.get(r.participant or ""),
            value=r.value,
        )
        for r in item.ratings
    )
    session.add_all(
        MapLink(
            agenda_item_id=item_id,
            step_key=link.step,
            source_id=nodes[link.source],
            target_id=nodes[link.target],
            label=link.label,
        )
        for link in item.map_links
    )
    session.add_all(
        Note(
            workshop_id=workshop_id,
            agenda_item_id=item_id,
            step_key=n.step,
            **n.model_dump(exclude={"step"}),
        )
        for n in item.notes
    )
