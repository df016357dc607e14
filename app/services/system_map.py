"""A system map: actors as nodes, relationships as labelled links, drawn in a map step.

Nodes and links are deleted for good (the UI's undo re-adds them): a map is cheap to redraw and a
removed node has no meaning without its links. Deleting a node deletes its links in the same
transaction and names every removed id in the Changes, so the canvas drops them all at once.
"""

import math
from dataclasses import dataclass

from sqlalchemy import delete
from sqlmodel import Session, col, or_, select

from app.db.database import Database
from app.db.models import AgendaItem, MapLink, MapNode
from app.services.capture_steps import capture_config, find_step, live_item, narrow
from app.services.changes import Area, Changes
from app.services.common import clean_line, get_row
from app.services.errors import InvalidInputError
from exercises.model import MapCapture, Step

MAX_COORDINATE = 1_000_000.0  # far beyond any canvas; keeps NaN and runaway drags out


@dataclass(frozen=True)
class MapView:
    nodes: tuple[MapNode, ...]  # in the order they were added
    links: tuple[MapLink, ...]


def _check_point(x: float, y: float) -> tuple[float, float]:
    for value in (x, y):
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or abs(value) > MAX_COORDINATE
        ):
            raise InvalidInputError("A map position must be a number within the canvas.")
    return float(x), float(y)


def _check_kind(step: Step, kind: str) -> str:
    """ "" or one of the step's node kinds (any short text when the step names none)."""
    cleaned = clean_line(kind, "A node kind", required=False)
    kinds = narrow(step, MapCapture).node_kinds
    if cleaned and kinds and cleaned not in kinds:
        raise InvalidInputError(
            f"Step {step.title!r} has no node kind {cleaned!r} (kinds: {', '.join(kinds)})."
        )
    return cleaned


def _node(session: Session, node_id: int) -> tuple[MapNode, AgendaItem]:
    node = get_row(session, MapNode, node_id, "Map node")
    return node, live_item(session, node.agenda_item_id)


def _link(session: Session, link_id: int) -> tuple[MapLink, AgendaItem]:
    link = get_row(session, MapLink, link_id, "Map link")
    return link, live_item(session, link.agenda_item_id)


def _changed(item: AgendaItem, *ids: int | None) -> Changes:
    return Changes.of(
        Area.MAP, workshop_id=item.workshop_id, ids=tuple(i for i in ids if i is not None)
    )


def add_node(
    db: Database,
    agenda_item_id: int,
    step_key: str,
    label: str,
    *,
    kind: str = "",
    x: float = 0,
    y: float = 0,
) -> Changes:
    cleaned = clean_line(label, "A node name")
    point = _check_point(x, y)
    with db.write() as session:
        item, step, _ = capture_config(session, agenda_item_id, step_key, MapCapture)
        node = MapNode(
            agenda_item_id=agenda_item_id,
            step_key=step_key,
            label=cleaned,
            kind=_check_kind(step, kind),
            x=point[0],
            y=point[1],
        )
        session.add(node)
        session.flush()
        return _changed(item, node.id)


def rename_node(db: Database, node_id: int, label: str) -> Changes:
    cleaned = clean_line(label, "A node name")
    with db.write() as session:
        node, item = _node(session, node_id)
        node.label = cleaned
        session.add(node)
        return _changed(item, node_id)


def set_node_kind(db: Database, node_id: int, kind: str) -> Changes:
    with db.write() as session:
        node, item = _node(session, node_id)
        node.kind = _check_kind(find_step(item, node.step_key), kind)
        session.add(node)
        return _changed(item, node_id)


def move_node(db: Database, node_id: int, x: float, y: float) -> Changes:
    point = _check_point(x, y)
    with db.write() as session:
        node, item = _node(session, node_id)
        node.x, node.y = point
        session.add(node)
        return _changed(item, node_id)


def delete_node(db: Database, node_id: int) -> Changes:
    """For good, with its links. Ids: the node, then the links removed."""
    with db.write() as session:
        node, item = _node(session, node_id)
        touching = or_(MapLink.source_id == node_id, MapLink.target_id == node_id)
        link_ids = session.exec(select(MapLink.id).where(touching).order_by(col(MapLink.id))).all()
        session.exec(delete(MapLink).where(touching))
        session.delete(node)
        return _changed(item, node_id, *link_ids)


def add_link(db: Database, source_id: int, target_id: int, label: str = "") -> Changes:
    """A relationship from one actor to another of the same map."""
    cleaned = clean_line(label, "A link label", required=False)
    if source_id == target_id:
        raise InvalidInputError("A link joins two different nodes.")
    with db.write() as session:
        source, item = _node(session, source_id)
        target = get_row(session, MapNode, target_id, "Map node")
        if (target.agenda_item_id, target.step_key) != (source.agenda_item_id, source.step_key):
            raise InvalidInputError("A link joins two nodes of the same map.")
        link = MapLink(
            agenda_item_id=source.agenda_item_id,
            step_key=source.step_key,
            source_id=source_id,
            target_id=target_id,
            label=cleaned,
        )
        session.add(link)
        session.flush()
        return _changed(item, link.id)


def relabel_link(db: Database, link_id: int, label: str) -> Changes:
    cleaned = clean_line(label, "A link label", required=False)
    with db.write() as session:
        link, item = _link(session, link_id)
        link.label = cleaned
        session.add(link)
        return _changed(item, link_id)


def delete_link(db: Database, link_id: int) -> Changes:
    with db.write() as session:
        link, item = _link(session, link_id)
        session.delete(link)
        return _changed(item, link_id)


def system_map(db: Database, agenda_item_id: int, step_key: str) -> MapView:
    with db.read() as session:
        capture_config(session, agenda_item_id, step_key, MapCapture)
        nodes = session.exec(
            select(MapNode)
            .where(MapNode.agenda_item_id == agenda_item_id, MapNode.step_key == step_key)
            .order_by(col(MapNode.id))
        ).all()
        links = session.exec(
            select(MapLink)
            .where(MapLink.agenda_item_id == agenda_item_id, MapLink.step_key == step_key)
            .order_by(col(MapLink.id))
        ).all()
        return MapView(tuple(nodes), tuple(links))
