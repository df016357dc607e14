"""Cards: the facilitator's hot path. Order, categories, authors, soft delete, and cascades."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, text

from app.db.database import Database
from app.db.models import Card
from app.services import cards
from app.services.actions import add_action
from app.services.agenda import add_exercise, remove_item
from app.services.changes import Area
from app.services.clusters import create_cluster
from app.services.drafts import save_draft
from app.services.errors import InvalidInputError, NotFoundError
from app.services.notes import set_step_note, set_workshop_notes
from app.services.participants import add_participant, remove_participant
from app.services.ratings import set_rating
from app.services.system_map import add_link, add_node
from app.services.votes import add_dots
from app.services.workshops import (
    create_workshop,
    delete_workshop_for_good,
    trash_workshop,
)
from exercises.model import Exercise
from tests.conftest import FakeClock


@pytest.fixture
def item(db: Database, every_mode: Exercise) -> tuple[int, int]:
    """(workshop id, agenda item id) of a workshop running the every_mode exercise."""
    workshop_id = create_workshop(db, title="Cards").id
    return workshop_id, add_exercise(db, workshop_id, every_mode).id


def _texts(db: Database, item_id: int) -> list[str]:
    return [card.text for card in cards.list_cards(db, item_id, "harvest")]


def _count(db: Database, table: str) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_cards_keep_their_order_and_survive_reopening(
    db: Database, item: tuple[int, int], clock: FakeClock
) -> None:
    workshop_id, item_id = item
    changes = cards.add_card(db, item_id, "harvest", "  Clear purpose  ")
    assert changes.areas == {Area.CARDS}
    assert changes.workshop_id == workshop_id
    cards.add_card(db, item_id, "harvest", "Time to reflect")
    cards.add_card(db, item_id, "harvest", "Trust")
    assert _texts(db, item_id) == ["Clear purpose", "Time to reflect", "Trust"]
    assert cards.list_cards(db, item_id, "harvest")[0].id == changes.id
    db.close()
    again = Database.open(db.data_dir, clock=clock)
    try:
        assert _texts(again, item_id) == ["Clear purpose", "Time to reflect", "Trust"]
        assert cards.count_cards(again, item_id, "harvest") == 3
    finally:
        again.close()


def test_a_category_must_be_one_of_the_step(db: Database, item: tuple[int, int]) -> None:
    _, item_id = item
    card_id = cards.add_card(db, item_id, "harvest", "A shared map", category="vision").id
    assert cards.get_card(db, card_id).category == "vision"
    with pytest.raises(
        InvalidInputError, match=r"no category 'dream' \(categories: vision, reality\)"
    ):
        cards.add_card(db, item_id, "harvest", "Refused", category="dream")
    with pytest.raises(InvalidInputError, match="no category"):
        cards.set_card_category(db, card_id, "Vision")  # the label is not the key
    cards.set_card_category(db, card_id, "reality")
    assert cards.get_card(db, card_id).category == "reality"
    cards.set_card_category(db, card_id, None)
    assert cards.get_card(db, card_id).category is None
    assert _texts(db, item_id) == ["A shared map"]


def test_a_card_cannot_go_into_another_kind_of_step(db: Database, item: tuple[int, int]) -> None:
    _, item_id = item
    with pytest.raises(InvalidInputError, match=r"^Step 'Rate' records ratings, not cards\.$"):
        cards.add_card(db, item_id, "rate", "Misplaced")
    with pytest.raises(InvalidInputError, match="records nothing but time"):
        cards.add_card(db, item_id, "open", "Misplaced")
    with pytest.raises(NotFoundError, match="has no step 'nowhere'"):
        cards.add_card(db, item_id, "nowhere", "Misplaced")
    with pytest.raises(InvalidInputError, match="cannot be empty"):
        cards.add_card(db, item_id, "harvest", "   \n ")
    assert _count(db, "card") == 0


def test_the_author_is_a_live_participant_of_the_same_workshop(
    db: Database, item: tuple[int, int]
) -> None:
    workshop_id, item_id = item
    ana = add_participant(db, workshop_id, name="Ana").id
    other_workshop = create_workshop(db, title="Elsewhere").id
    stranger = add_participant(db, other_workshop, name="Bo").id
    card_id = cards.add_card(db, item_id, "harvest", "Mine", author_id=ana).id
    assert cards.get_card(db, card_id).author_id == ana
    with pytest.raises(InvalidInputError, match="not part of this workshop"):
        cards.add_card(db, item_id, "harvest", "Theirs", author_id=stranger)
    with pytest.raises(InvalidInputError, match="not part of this workshop"):
        cards.set_card_author(db, card_id, stranger)
    cards.set_card_author(db, card_id, None)
    assert cards.get_card(db, card_id).author_id is None
    remove_participant(db, ana)
    with pytest.raises(NotFoundError, match="Participant"):
        cards.add_card(db, item_id, "harvest", "Gone", author_id=ana)


def test_edit_changes_the_text_and_the_time(db: Database, item: tuple[int, int]) -> None:
    _, item_id = item
    card_id = cards.add_card(db, item_id, "harvest", "Frist").id
    before = cards.get_card(db, card_id)
    changes = cards.edit_card(db, card_id, "First")
    assert changes.ids == (card_id,)
    after = cards.get_card(db, card_id)
    assert after.text == "First"
    assert after.updated_at >= before.updated_at
    with pytest.raises(InvalidInputError):
        cards.edit_card(db, card_id, "")
    assert cards.get_card(db, card_id).text == "First"


def test_move_reorders_within_the_step(db: Database, item: tuple[int, int]) -> None:
    _, item_id = item
    ids = [cards.add_card(db, item_id, "harvest", t).id for t in "ABCD"]
    cards.move_card(db, ids[3], 0)
    assert _texts(db, item_id) == ["D", "A", "B", "C"]
    cards.move_card(db, ids[3], 99)
    assert _texts(db, item_id) == ["A", "B", "C", "D"]
    cards.move_card(db, ids[0], 2)
    assert _texts(db, item_id) == ["B", "C", "A", "D"]


def test_delete_then_restore_brings_the_card_back_at_its_place(
    db: Database, item: tuple[int, int]
) -> None:
    _, item_id = item
    ids = [cards.add_card(db, item_id, "harvest", t).id for t in "ABCD"]
    changes = cards.delete_card(db, ids[1])
    assert changes.areas == {Area.CARDS}
    assert changes.ids == (ids[1],)
    assert _texts(db, item_id) == ["A", "C", "D"]
    assert cards.count_cards(db, item_id, "harvest") == 3
    with pytest.raises(NotFoundError):
        cards.edit_card(db, ids[1], "edited while deleted")
    cards.add_card(db, item_id, "harvest", "E")
    cards.move_card(db, ids[3], 0)  # D first; B stays between A and C
    assert _texts(db, item_id) == ["D", "A", "C", "E"]
    cards.restore_card(db, ids[1])
    assert _texts(db, item_id) == ["D", "A", "B", "C", "E"]
    assert _count(db, "card") == 5


def test_cards_of_a_removed_agenda_item_are_out_of_reach(
    db: Database, item: tuple[int, int]
) -> None:
    _, item_id = item
    card_id = cards.add_card(db, item_id, "harvest", "Kept").id
    remove_item(db, item_id)
    with pytest.raises(NotFoundError, match="Agenda item"):
        cards.add_card(db, item_id, "harvest", "Refused")
    with pytest.raises(NotFoundError, match="Agenda item"):
        cards.edit_card(db, card_id, "Refused")


@contextmanager
def _statements(db: Database) -> Iterator[list[str]]:
    seen: list[str] = []

    def record(*args: Any) -> None:
        seen.append(str(args[2]))

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def test_adding_a_card_reads_no_other_card(db: Database, item: tuple[int, int]) -> None:
    """The hot path: one aggregate for the position, one insert, no renumbering."""
    _, item_id = item
    for number in range(20):
        cards.add_card(db, item_id, "harvest", f"card {number}")
    with _statements(db) as seen:
        cards.add_card(db, item_id, "harvest", "one more")
    assert [s.split()[0] for s in seen] == ["BEGIN", "SELECT", "SELECT", "INSERT"], seen
    assert "FROM agendaitem" in seen[1]
    assert "max(card.position)" in seen[2]
    assert "WHERE card.agenda_item_id = ? AND card.step_key = ?" in seen[2]


def test_deleting_a_workshop_for_good_removes_everything_captured(
    db: Database, every_mode: Exercise
) -> None:
    kept = create_workshop(db, title="Kept").id
    kept_item = add_exercise(db, kept, every_mode).id
    cards.add_card(db, kept_item, "harvest", "Stays")
    gone = create_workshop(db, title="Gone").id
    item_id = add_exercise(db, gone, every_mode).id
    person = add_participant(db, gone, name="Ana").id
    card = cards.add_card(db, item_id, "harvest", "Goes", author_id=person).id
    cluster = create_cluster(db, item_id, "themes", "Theme", [card]).id
    add_dots(db, item_id, "choose", cluster_id=cluster, delta=2)
    set_rating(db, item_id, "rate", "aligned", 3, participant_id=person)
    first = add_node(db, item_id, "system", "Ward").id
    second = add_node(db, item_id, "system", "Pharmacy").id
    add_link(db, first, second, "orders")
    add_action(db, gone, "Follow up", agenda_item_id=item_id, step_key="commit")
    set_workshop_notes(db, gone, "Private")
    set_step_note(db, item_id, "harvest", "Quiet room")
    save_draft(db, f"card:{item_id}:harvest", "half a sen")
    tables = ["participant", "agendaitem", "runstep", "card", "cluster", "vote", "rating"]
    tables += ["mapnode", "maplink", "action", "note"]
    before = {table: _count(db, table) for table in tables}
    assert all(before[table] > 0 for table in tables)

    with pytest.raises(InvalidInputError, match="trash"):
        delete_workshop_for_good(db, gone)
    trash_workshop(db, gone)
    delete_workshop_for_good(db, gone)

    after = {table: _count(db, table) for table in tables}
    assert after == {
        "participant": 0,
        "agendaitem": 1,
        "runstep": len(every_mode.steps),
        "card": 1,
        "cluster": 0,
        "vote": 0,
        "rating": 0,
        "mapnode": 0,
        "maplink": 0,
        "action": 0,
        "note": 0,
    }
    assert _texts(db, kept_item) == ["Stays"]


def test_invisible_control_codes_are_dropped_and_every_visible_word_kept(
    db: Database, item: tuple[int, int]
) -> None:
    _, item_id = item
    typed = "Pasted\u0007 from a\tterminal \u001b[1mbold\u202e, emoji 👩\u200d💻 kept"
    cards.add_card(db, item_id, "harvest", typed)
    assert _texts(db, item_id) == ["Pasted from a\tterminal [1mbold, emoji 👩\u200d💻 kept"]


def test_card_lines_are_the_live_cards_in_board_order_and_the_add_carries_its_row(
    db: Database, item: tuple[int, int]
) -> None:
    _, item_id = item
    first = cards.add_card(db, item_id, "harvest", "Trust", category="vision")
    second = cards.add_card(db, item_id, "harvest", "Gone soon")
    third = cards.add_card(db, item_id, "harvest", "Time")
    cards.delete_card(db, second.id)
    cards.move_card(db, third.id, 0)
    lines = cards.list_card_lines(db, item_id, "harvest")
    assert [line[:2] for line in lines] == [(third.id, "Time"), (first.id, "Trust")]
    assert lines == [
        (c.id, c.text, c.author_id, c.category, c.position)
        for c in cards.list_cards(db, item_id, "harvest")
    ]
    carried = first.rows[0]
    assert isinstance(carried, Card) and (carried.id, carried.text) == (first.id, "Trust")
