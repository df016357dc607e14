"""Themes: a cluster step groups the cards of its source step under names.

Deleting a theme is soft and keeps the grouping: its cards keep `cluster_id`, reads show them as
unclustered while the theme is deleted, and restore_cluster brings the theme back with every card
that was not regrouped meanwhile. Merging moves the cards (removed ones too, so restoring a card
lands it in the merged theme) and the dots given to the merged themes into the kept one, then
soft-deletes the others; restoring a merged-away theme brings back a name with no cards or dots.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, or_, select

from app.db.database import Database
from app.db.models import AgendaItem, Card, Cluster, Vote, utc_now
from app.services.capture_steps import capture_config, find_step, live_item, narrow
from app.services.cards import live_cards
from app.services.changes import Area, Changes
from app.services.common import clean_line, get_any_row, get_row, next_position
from app.services.errors import InvalidInputError, NotFoundError
from exercises.model import ClusterCapture


@dataclass(frozen=True)
class ClusterView:
    """A live theme and its live cards in board order."""

    cluster: Cluster
    cards: tuple[Card, ...]


def _source_of(item: AgendaItem, step_key: str) -> str:
    return narrow(find_step(item, step_key), ClusterCapture).source


def _cluster(
    session: Session, cluster_id: int, *, removed_too: bool = False
) -> tuple[Cluster, AgendaItem]:
    cluster = (get_any_row if removed_too else get_row)(session, Cluster, cluster_id, "Theme")
    return cluster, live_item(session, cluster.agenda_item_id)


def _cards_for(
    session: Session, item: AgendaItem, source: str, card_ids: Iterable[int]
) -> list[Card]:
    """Live cards of the source step, in the order asked; any other card is refused."""
    wanted = list(dict.fromkeys(card_ids))
    if not wanted:
        return []
    found = {
        card.id: card
        for card in session.exec(select(Card).where(col(Card.id).in_(wanted))).all()
        if card.deleted_at is None
    }
    for card_id in wanted:
        card = found.get(card_id)
        if card is None:
            raise NotFoundError(f"Card {card_id} does not exist.")
        if card.agenda_item_id != item.id or card.step_key != source:
            raise InvalidInputError(f"Card {card_id} is not a card of step {source!r}.")
    return [found[card_id] for card_id in wanted]


def _ids(rows: Sequence[Card | Cluster]) -> tuple[int, ...]:
    return tuple(row.id for row in rows if row.id is not None)


def create_cluster(
    db: Database, agenda_item_id: int, step_key: str, name: str, card_ids: Iterable[int] = ()
) -> Changes:
    """A new theme at the end, optionally taking cards straight away."""
    cleaned = clean_line(name, "A theme name")
    with db.write() as session:
        item, _, capture = capture_config(session, agenda_item_id, step_key, ClusterCapture)
        cards = _cards_for(session, item, capture.source, card_ids)
        position = next_position(
            session,
            Cluster.position,
            Cluster.agenda_item_id == agenda_item_id,
            Cluster.step_key == step_key,
        )
        cluster = Cluster(
            agenda_item_id=agenda_item_id,
            step_key=step_key,
            name=cleaned,
            position=position,
        )
        session.add(cluster)
        session.flush()
        assert cluster.id is not None
        for card in cards:
            card.cluster_id = cluster.id
            session.add(card)
        areas = (Area.CLUSTERS, Area.CARDS) if cards else (Area.CLUSTERS,)
        return Changes.of(*areas, workshop_id=item.workshop_id, ids=(cluster.id, *_ids(cards)))


def rename_cluster(db: Database, cluster_id: int, name: str) -> Changes:
    cleaned = clean_line(name, "A theme name")
    with db.write() as session:
        cluster, item = _cluster(session, cluster_id)
        cluster.name = cleaned
        session.add(cluster)
        return Changes.of(Area.CLUSTERS, workshop_id=item.workshop_id, ids=(cluster_id,))


def assign_cards(db: Database, cluster_id: int, card_ids: Iterable[int]) -> Changes:
    """Put cards into a theme (taking them out of any other)."""
    with db.write() as session:
        cluster, item = _cluster(session, cluster_id)
        cards = _cards_for(session, item, _source_of(item, cluster.step_key), card_ids)
        for card in cards:
            card.cluster_id = cluster_id
            session.add(card)
        return Changes.of(
            Area.CLUSTERS, Area.CARDS, workshop_id=item.workshop_id, ids=(cluster_id, *_ids(cards))
        )


def ungroup_cards(db: Database, card_ids: Iterable[int]) -> Changes:
    """Take cards out of their theme; they must all come from one agenda item."""
    wanted = list(dict.fromkeys(card_ids))
    if not wanted:
        raise InvalidInputError("Choose at least one card to take out of its theme.")
    with db.write() as session:
        first = get_row(session, Card, wanted[0], "Card")
        item = live_item(session, first.agenda_item_id)
        cards = _cards_for(session, item, first.step_key, wanted)
        for card in cards:
            card.cluster_id = None
            session.add(card)
        return Changes.of(Area.CLUSTERS, Area.CARDS, workshop_id=item.workshop_id, ids=_ids(cards))


def merge_clusters(db: Database, source_ids: Iterable[int], into_id: int) -> Changes:
    """Fold themes into `into_id`: their cards and dots move, they are soft-deleted."""
    sources = [i for i in dict.fromkeys(source_ids) if i != into_id]
    with db.write() as session:
        into, item = _cluster(session, into_id)
        merged = [get_row(session, Cluster, i, "Theme") for i in sources]
        for cluster in merged:
            if cluster.agenda_item_id != into.agenda_item_id or cluster.step_key != into.step_key:
                raise InvalidInputError(f"Theme {cluster.name!r} belongs to another step.")
        if not merged:
            return Changes.of(Area.CLUSTERS, workshop_id=item.workshop_id, ids=(into_id,))
        moved = session.exec(select(Card).where(col(Card.cluster_id).in_(sources))).all()
        for card in moved:
            card.cluster_id = into_id
            session.add(card)
        _move_dots(session, sources, into_id)
        now = utc_now()
        for cluster in merged:
            cluster.deleted_at = now
            session.add(cluster)
        return Changes.of(
            Area.CLUSTERS,
            Area.CARDS,
            Area.VOTES,
            workshop_id=item.workshop_id,
            ids=(into_id, *sources, *_ids(moved)),
        )


def _move_dots(session: Session, sources: list[int], into_id: int) -> None:
    """Add the dots of the merged themes to the kept theme, vote step by vote step."""
    votes = session.exec(select(Vote).where(col(Vote.cluster_id).in_([*sources, into_id]))).all()
    kept = {vote.step_key: vote for vote in votes if vote.cluster_id == into_id}
    for vote in votes:
        if vote.cluster_id == into_id or vote.count == 0:
            continue
        target = kept.get(vote.step_key)
        if target is None:
            target = Vote(
                agenda_item_id=vote.agenda_item_id, step_key=vote.step_key, cluster_id=into_id
            )
            kept[vote.step_key] = target
        target.count += vote.count
        vote.count = 0
        session.add_all([target, vote])


def delete_cluster(db: Database, cluster_id: int) -> Changes:
    """Soft: its cards read as unclustered but keep the link, so restore regroups them."""
    with db.write() as session:
        cluster, item = _cluster(session, cluster_id)
        cluster.deleted_at = utc_now()
        session.add(cluster)
        return Changes.of(
            Area.CLUSTERS, Area.VOTES, workshop_id=item.workshop_id, ids=(cluster_id,)
        )


def restore_cluster(db: Database, cluster_id: int) -> Changes:
    with db.write() as session:
        cluster, item = _cluster(session, cluster_id, removed_too=True)
        if cluster.deleted_at is not None:
            cluster.deleted_at = None
            session.add(cluster)
        return Changes.of(
            Area.CLUSTERS, Area.VOTES, workshop_id=item.workshop_id, ids=(cluster_id,)
        )


def live_clusters(session: Session, agenda_item_id: int, step_key: str) -> list[Cluster]:
    """The live themes of a cluster step in order, inside an open session."""
    query = (
        select(Cluster)
        .where(
            Cluster.agenda_item_id == agenda_item_id,
            Cluster.step_key == step_key,
            col(Cluster.deleted_at).is_(None),
        )
        .order_by(col(Cluster.position), col(Cluster.id))
    )
    return list(session.exec(query).all())


def list_clusters(db: Database, agenda_item_id: int, step_key: str) -> list[ClusterView]:
    """The live themes of a cluster step in order, each with its live cards."""
    return themes_and_loose_cards(db, agenda_item_id, step_key)[0]


def themes_and_loose_cards(
    db: Database, agenda_item_id: int, step_key: str, source_cards: list[Card] | None = None
) -> tuple[list[ClusterView], list[Card]]:
    """The live themes with their cards, and the source step's cards in no live theme (board
    order): both from one read of the source cards, which may be thousands, or from
    `source_cards` when the caller has just read that step's live cards itself."""
    with db.read() as session:
        _, _, capture = capture_config(session, agenda_item_id, step_key, ClusterCapture)
        clusters = live_clusters(session, agenda_item_id, step_key)
        by_cluster: dict[int | None, list[Card]] = {c.id: [] for c in clusters}
        loose: list[Card] = []
        if source_cards is None:
            source_cards = live_cards(session, agenda_item_id, capture.source)
        for card in source_cards:
            if card.cluster_id is not None and card.cluster_id in by_cluster:
                by_cluster[card.cluster_id].append(card)
            else:
                loose.append(card)
        return [ClusterView(c, tuple(by_cluster[c.id])) for c in clusters], loose


def unclustered_cards(db: Database, agenda_item_id: int, step_key: str) -> list[Card]:
    """Live cards of the source step in no live theme, in board order."""
    with db.read() as session:
        _, _, capture = capture_config(session, agenda_item_id, step_key, ClusterCapture)
        query = (
            select(Card)
            .outerjoin(Cluster, col(Card.cluster_id) == col(Cluster.id))
            .where(
                Card.agenda_item_id == agenda_item_id,
                Card.step_key == capture.source,
                col(Card.deleted_at).is_(None),
                or_(col(Card.cluster_id).is_(None), col(Cluster.deleted_at).is_not(None)),
            )
            .order_by(col(Card.position), col(Card.id))
        )
        return list(session.exec(query).all())
