"""Export one workshop as a JSON bundle: live rows only, local refs, stable bytes, atomic file.

Refs are handed out in the order rows are written (by position, then id), and lists follow the
exercise's step order, so export -> import -> export gives the same file apart from `exported_at`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError
from sqlmodel import Session, col, select

from app import __version__
from app.bundle.model import (
    ActionData,
    AgendaItemData,
    Bundle,
    BundleError,
    CardData,
    ClusterData,
    ItemNoteData,
    MapLinkData,
    MapNodeData,
    NoteData,
    ParticipantData,
    RatingData,
    StepData,
    VoteData,
    WorkshopData,
)
from app.bundle.read import bundle_error, validation_problems
from app.bundle.rules import ref_problems
from app.db.database import Database
from app.db.models import (
    Action,
    AgendaItem,
    Card,
    Cluster,
    MapLink,
    MapNode,
    Note,
    Participant,
    Rating,
    Vote,
    Workshop,
)
from app.files import FileWriteError, write_atomically
from app.services.agenda import exercise_of, live_items, steps_of
from app.services.common import get_row

Captured = TypeVar("Captured", Card, Cluster, Vote, Rating, MapNode, MapLink, Note)
Stepped = TypeVar("Stepped", Card, Cluster, Vote, Rating, MapNode, MapLink)


class _Refs:
    """Local refs ("c1", "c2", ...) for database ids, in the order rows are exported."""

    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.by_id: dict[int, str] = {}

    def add(self, row_id: int | None) -> str:
        assert row_id is not None
        ref = f"{self.prefix}{len(self.by_id) + 1}"
        self.by_id[row_id] = ref
        return ref

    def get(self, row_id: int | None) -> str | None:
        """The ref of a live row, or None (no row, or one that was removed and not exported)."""
        return None if row_id is None else self.by_id.get(row_id)


def _utc(moment: dt.datetime) -> dt.datetime:
    """Stored times are UTC; a naive one (older rows, other writers) is read as UTC."""
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment.astimezone(dt.UTC)


def _maybe_utc(moment: dt.datetime | None) -> dt.datetime | None:
    return None if moment is None else _utc(moment)


def _rows(session: Session, table: type[Captured], item_id: int) -> list[Captured]:
    return list(session.exec(select(table).where(table.agenda_item_id == item_id)).all())


def _in_step_order(found: Iterable[Stepped], steps: Sequence[str]) -> list[Stepped]:
    """Live rows sorted by their step's place in the exercise, then position, then id."""
    order = {step: index for index, step in enumerate(steps)}

    def sort_key(row: Stepped) -> tuple[int, int, int]:
        position: int = getattr(row, "position", 0)
        return (order.get(row.step_key, len(order)), position, row.id or 0)

    live = (row for row in found if getattr(row, "deleted_at", None) is None)
    return sorted(live, key=sort_key)


def export_bundle(db: Database, workshop_id: int) -> Bundle:
    """The workshop as a Bundle, read in one transaction so it is a consistent snapshot."""
    with db.read() as session:
        workshop = get_row(session, Workshop, workshop_id, "Workshop")
        try:
            bundle = _bundle(session, workshop, dt.datetime.fromtimestamp(db.clock(), dt.UTC))
        except ValidationError as error:  # stored text beyond what a bundle may carry
            what = error.title.removesuffix("Data").lower()  # e.g. "card", for a card's field
            problems = [f"{what} {problem}" for problem in validation_problems(error)]
        else:
            problems = ref_problems(bundle)  # never write a file that import would refuse
    if problems:
        raise bundle_error(f"Workshop {workshop_id} cannot be exported", problems)
    return bundle


def _bundle(session: Session, workshop: Workshop, now: dt.datetime) -> Bundle:
    assert workshop.id is not None
    people = _Refs("p")
    participants = [
        ParticipantData(ref=people.add(p.id), name=p.name, vantage_point=p.vantage_point)
        for p in session.exec(
            select(Participant)
            .where(Participant.workshop_id == workshop.id, col(Participant.deleted_at).is_(None))
            .order_by(col(Participant.position), col(Participant.id))
        )
    ]
    item_refs = _Refs("a")
    refs = {prefix: _Refs(prefix) for prefix in ("t", "c", "n")}
    agenda = [
        _item(session, item, item_refs.add(item.id), people, refs)
        for item in live_items(session, workshop.id)
    ]
    actions = session.exec(
        select(Action)
        .where(Action.workshop_id == workshop.id, col(Action.deleted_at).is_(None))
        .order_by(col(Action.position), col(Action.id))
    )
    notes = session.exec(
        select(Note)
        .where(Note.workshop_id == workshop.id, col(Note.agenda_item_id).is_(None))
        .order_by(col(Note.id))
    )
    return Bundle(
        exported_at=now,
        app_version=__version__,
        workshop=_workshop(workshop),
        participants=tuple(participants),
        agenda=tuple(agenda),
        actions=tuple(_action(a, item_refs) for a in actions),
        notes=tuple(
            NoteData(text=n.text, created_at=_utc(n.created_at), updated_at=_utc(n.updated_at))
            for n in notes
        ),
    )


def _workshop(workshop: Workshop) -> WorkshopData:
    return WorkshopData(
        title=workshop.title,
        purpose=workshop.purpose,
        organisation=workshop.organisation,
        date=workshop.date,
        start_time=workshop.start_time,
        minutes_available=workshop.minutes_available,
        location=workshop.location,
        facilitator=workshop.facilitator,
        status=workshop.status.value,
    )


def _action(action: Action, items: _Refs) -> ActionData:
    item = items.get(action.agenda_item_id)  # None when its agenda item was removed
    return ActionData(
        item=item,
        step=action.step_key if item is not None else None,
        what=action.what,
        owner=action.owner,
        due=action.due,
        status=action.status.value,
        created_at=_utc(action.created_at),
    )


def _item(
    session: Session, item: AgendaItem, ref: str, people: _Refs, refs: dict[str, _Refs]
) -> AgendaItemData:
    assert item.id is not None
    exercise = exercise_of(item)
    keys = [step.key for step in exercise.steps]
    themes, cards, nodes = refs["t"], refs["c"], refs["n"]
    clusters = [
        ClusterData(ref=themes.add(c.id), step=c.step_key, name=c.name)
        for c in _in_step_order(_rows(session, Cluster, item.id), keys)
    ]
    card_rows = _in_step_order(_rows(session, Card, item.id), keys)
    card_data = [
        CardData(
            ref=cards.add(c.id),
            step=c.step_key,
            text=c.text,
            author=people.get(c.author_id),
            category=c.category,
            cluster=themes.get(c.cluster_id),
            created_at=_utc(c.created_at),
            updated_at=_utc(c.updated_at),
        )
        for c in card_rows
    ]
    votes = [
        VoteData(
            step=v.step_key,
            card=cards.get(v.card_id),
            cluster=themes.get(v.cluster_id),
            count=v.count,
        )
        for v in _in_step_order(_rows(session, Vote, item.id), keys)
        if cards.get(v.card_id) is not None or themes.get(v.cluster_id) is not None
    ]
    ratings = [
        RatingData(
            step=r.step_key,
            scale=r.scale_key,
            participant=people.get(r.participant_id),
            value=r.value,
        )
        for r in _in_step_order(_rows(session, Rating, item.id), keys)
        if r.participant_id is None or people.get(r.participant_id) is not None
    ]
    map_nodes = [
        MapNodeData(ref=nodes.add(n.id), step=n.step_key, label=n.label, kind=n.kind, x=n.x, y=n.y)
        for n in _in_step_order(_rows(session, MapNode, item.id), keys)
    ]
    map_links = [
        MapLinkData(
            step=link.step_key,
            source=nodes.by_id[link.source_id],
            target=nodes.by_id[link.target_id],
            label=link.label,
        )
        for link in _in_step_order(_rows(session, MapLink, item.id), keys)
        if link.source_id in nodes.by_id and link.target_id in nodes.by_id
    ]
    notes = sorted(_rows(session, Note, item.id), key=lambda n: n.id or 0)
    return AgendaItemData(
        ref=ref,
        exercise=exercise,
        steps=tuple(
            StepData(
                key=s.step_key,
                planned_minutes=s.planned_minutes,
                started_at=_maybe_utc(s.started_at),
                ended_at=_maybe_utc(s.ended_at),
            )
            for s in steps_of(session, item.id)
        ),
        clusters=tuple(clusters),
        cards=tuple(card_data),
        votes=tuple(votes),
        ratings=tuple(ratings),
        map_nodes=tuple(map_nodes),
        map_links=tuple(map_links),
        notes=tuple(
            ItemNoteData(
                step=n.step_key,
                text=n.text,
                created_at=_utc(n.created_at),
                updated_at=_utc(n.updated_at),
            )
            for n in notes
        ),
    )


def bundle_json(bundle: Bundle) -> str:
    """Indented, fields in model order, non-ASCII kept as is, one trailing newline."""
    data = bundle.model_dump(mode="json")
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def write_bundle(db: Database, workshop_id: int, path: Path) -> None:
    """Never a half-written file: see app.files.write_atomically."""
    data = bundle_json(export_bundle(db, workshop_id)).encode("utf-8")
    try:
        write_atomically(path, data)
    except FileWriteError as error:
        raise BundleError(str(error)) from None
