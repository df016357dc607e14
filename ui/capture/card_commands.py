"""Undo commands for cards: each is a pair of service writes through the store (ui.undo).

Deleting is soft, so undo restores the same card (same id, same place, same dots and theme);
undoing an add removes the card and redo brings that same row back.
"""

from app.services.cards import (
    add_card,
    delete_card,
    edit_card,
    restore_card,
    set_card_author,
    set_card_category,
)
from ui.store import Store
from ui.undo import CreateCommand, StoreCommand


def add_card_command(
    store: Store,
    agenda_item_id: int,
    step_key: str,
    text: str,
    *,
    author_id: int | None = None,
    category: str | None = None,
) -> CreateCommand:
    return CreateCommand(
        store,
        "Add card",
        lambda s: s.apply(
            add_card, agenda_item_id, step_key, text, author_id=author_id, category=category
        ),
        lambda s, card_id: s.apply(delete_card, card_id),
        lambda s, card_id: s.apply(restore_card, card_id),
    )


def edit_card_command(store: Store, card_id: int, old: str, new: str) -> StoreCommand:
    return StoreCommand(
        store,
        "Edit card",
        lambda s: s.apply(edit_card, card_id, new),
        lambda s: s.apply(edit_card, card_id, old),
    )


def delete_card_command(store: Store, card_id: int) -> StoreCommand:
    return StoreCommand(
        store,
        "Delete card",
        lambda s: s.apply(delete_card, card_id),
        lambda s: s.apply(restore_card, card_id),
    )


def set_category_command(
    store: Store, card_id: int, old: str | None, new: str | None, label: str
) -> StoreCommand:
    """`label` names the column the card goes to, for the Undo menu."""
    return StoreCommand(
        store,
        f"Move card to {label}" if label else "Move card",
        lambda s: s.apply(set_card_category, card_id, new),
        lambda s: s.apply(set_card_category, card_id, old),
    )


def set_author_command(
    store: Store, card_id: int, old: int | None, new: int | None
) -> StoreCommand:
    return StoreCommand(
        store,
        "Change who said it",
        lambda s: s.apply(set_card_author, card_id, new),
        lambda s: s.apply(set_card_author, card_id, old),
    )
