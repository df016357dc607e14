"""Cards: what people say, captured as fast as they say it.

Adding a card is the hot path (a facilitator typing while thirty people talk): one short
transaction, the step checked from the cached frozen definition, and the position taken from one
aggregate query, never by renumbering the step. Removed cards keep their position, so restoring one
brings it back exactly where it was. Cluster boards and vote results show card text, so they also
redraw when a change touches Area.CARDS.
"""

from sqlalchemy import ColumnElement, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from app.db.database import Database
from app.db.models import AgendaItem, Card, utc_now
from app.services.capture_steps import (
    capture_config,
    check_participant,
    find_step,
    live_item,
    narrow,
    place,
)
from app.services.changes import Area, Changes
from app.services.common import clean_text, get_any_row, get_row, next_position
from app.services.errors import InvalidInputError
from exercises.model import CardsCapture, Step


def _check_category(step: Step, category: str | None) -> str | None:
    """The category key to store: None (no column) or one of the step's category keys."""
    if category is None or category == "":
        return None
    capture = narrow(step, CardsCapture)
    keys = [c.key for c in capture.categories]
    if not keys:
        raise InvalidInputError(f"Step {step.title!r} has no categories.")
    if category not in keys:
        raise InvalidInputError(
            f"Step {step.title!r} has no category {category!r} (categories: {', '.join(keys)})."
        )
    return category


def _step_query(agenda_item_id: int, step_key: str) -> SelectOfScalar[Card]:
    return select(Card).where(Card.agenda_item_id == agenda_item_id, Card.step_key == step_key)


def _live_in_step(agenda_item_id: int, step_key: str) -> tuple[ColumnElement[bool], ...]:
    """Where a step's live cards are: one definition for the row, tuple and count queries."""
    return (
        col(Card.agenda_item_id) == agenda_item_id,
        col(Card.step_key) == step_key,
        col(Card.deleted_at).is_(None),
    )


BOARD_ORDER = (col(Card.position), col(Card.id))


def _card(session: Session, card_id: int, *, removed_too: bool = False) -> tuple[Card, AgendaItem]:
    """The card and its live agenda item (a removed agenda item's cards are out of reach)."""
    card = (get_any_row if removed_too else get_row)(session, Card, card_id, "Card")
    return card, live_item(session, card.agenda_item_id)


def _changed(item: AgendaItem, card: Card) -> Changes:
    assert card.id is not None
    return Changes.of(Area.CARDS, workshop_id=item.workshop_id, ids=(card.id,), rows=(card,))


def add_card(
    db: Database,
    agenda_item_id: int,
    step_key: str,
    text: str,
    *,
    author_id: int | None = None,
    category: str | None = None,
) -> Changes:
    """A new card at the end of its step."""
    cleaned = clean_text(text, "A card")
    with db.write() as session:
        item, step, _ = capture_config(session, agenda_item_id, step_key, CardsCapture)
        stored_category = _check_category(step, category)
        if author_id is not None:
            check_participant(session, item.workshop_id, author_id)
        position = next_position(
            session,
            Card.position,
            Card.agenda_item_id == agenda_item_id,
            Card.step_key == step_key,
        )
        now = utc_now()  # given, not left to the default factories: pydantic inspects those
        card = Card(  # on every call, a noticeable share of the add-card hot path
            agenda_item_id=agenda_item_id,
            step_key=step_key,
            text=cleaned,
            author_id=author_id,
            category=stored_category,
            position=position,
            created_at=now,
            updated_at=now,
        )
        session.add(card)
        session.flush()
        return _changed(item, card)


def edit_card(db: Database, card_id: int, text: str) -> Changes:
    cleaned = clean_text(text, "A card")
    with db.write() as session:
        card, item = _card(session, card_id)
        if card.text != cleaned:
            card.text = cleaned
            card.updated_at = utc_now()
            session.add(card)
        return _changed(item, card)


def set_card_category(db: Database, card_id: int, category: str | None) -> Changes:
    """Move a card to another column of its step (None: no column)."""
    with db.write() as session:
        card, item = _card(session, card_id)
        card.category = _check_category(find_step(item, card.step_key), category)
        card.updated_at = utc_now()
        session.add(card)
        return _changed(item, card)


def set_card_author(db: Database, card_id: int, author_id: int | None) -> Changes:
    """Who said it (None: anonymous)."""
    with db.write() as session:
        card, item = _card(session, card_id)
        if author_id is not None:
            check_participant(session, item.workshop_id, author_id)
        card.author_id = author_id
        card.updated_at = utc_now()
        session.add(card)
        return _changed(item, card)


def move_card(db: Database, card_id: int, index: int) -> Changes:
    """Put the card at `index` among the live cards of its step (clamped to the ends)."""
    with db.write() as session:
        card, item = _card(session, card_id)
        query = _step_query(card.agenda_item_id, card.step_key)
        rows = session.exec(query.order_by(col(Card.position), col(Card.id))).all()
        place(session, rows, card, index)
        return _changed(item, card)


def delete_card(db: Database, card_id: int) -> Changes:
    """Soft: the card keeps its text, position, theme and dots, so restore_card undoes this."""
    with db.write() as session:
        card, item = _card(session, card_id)
        card.deleted_at = utc_now()
        session.add(card)
        return _changed(item, card)


def restore_card(db: Database, card_id: int) -> Changes:
    with db.write() as session:
        card, item = _card(session, card_id, removed_too=True)
        if card.deleted_at is not None:
            card.deleted_at = None
            session.add(card)
        return _changed(item, card)


def get_card(db: Database, card_id: int) -> Card:
    with db.read() as session:
        return get_row(session, Card, card_id, "Card")


def live_cards(session: Session, agenda_item_id: int, step_key: str) -> list[Card]:
    """The live cards of a step in board order, inside an open session (no step check)."""
    query = select(Card).where(*_live_in_step(agenda_item_id, step_key)).order_by(*BOARD_ORDER)
    return list(session.exec(query).all())


def list_cards(db: Database, agenda_item_id: int, step_key: str) -> list[Card]:
    """The live cards of a cards step, in board order."""
    with db.read() as session:
        capture_config(session, agenda_item_id, step_key, CardsCapture)
        return live_cards(session, agenda_item_id, step_key)


CardLine = tuple[int, str, int | None, str | None, int]  # id, text, author, category, position


def list_card_lines(db: Database, agenda_item_id: int, step_key: str) -> list[CardLine]:
    """The live cards of a cards step in board order, as plain tuples: what a board shows.

    Reading thousands of rows as ORM objects costs several times more than the rows
    themselves; a board that only displays them needs none of what those objects carry.
    """
    with db.read() as session:
        capture_config(session, agenda_item_id, step_key, CardsCapture)
        query = (
            sa_select(
                col(Card.id),
                col(Card.text),
                col(Card.author_id),
                col(Card.category),
                col(Card.position),
            )
            .where(*_live_in_step(agenda_item_id, step_key))
            .order_by(*BOARD_ORDER)
        )
        rows = session.connection().execute(query).all()
        return [(int(i or 0), text, author, category, at) for i, text, author, category, at in rows]


def count_cards(db: Database, agenda_item_id: int, step_key: str) -> int:
    with db.read() as session:
        capture_config(session, agenda_item_id, step_key, CardsCapture)
        query = (
            select(func.count()).select_from(Card).where(*_live_in_step(agenda_item_id, step_key))
        )
        return int(session.exec(query).one())
