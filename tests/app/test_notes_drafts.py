"""Private notes (one per place, upserted) and drafts (exactly what was typed, until committed)."""

import pytest
from sqlalchemy import text

from app.db.database import Database
from app.services import drafts, notes
from app.services.agenda import add_exercise, remove_item
from app.services.changes import Area
from app.services.errors import InvalidInputError, NotFoundError
from app.services.workshops import create_workshop, delete_workshop_for_good, trash_workshop
from exercises.model import Exercise
from tests.conftest import FakeClock


@pytest.fixture
def item(db: Database, every_mode: Exercise) -> tuple[int, int]:
    workshop_id = create_workshop(db, title="Notes").id
    return workshop_id, add_exercise(db, workshop_id, every_mode).id


def _note_rows(db: Database) -> int:
    with db.engine.connect() as connection:
        return int(connection.execute(text("SELECT count(*) FROM note")).scalar_one())


def test_workshop_notes_are_one_row_and_empty_removes_it(
    db: Database, item: tuple[int, int]
) -> None:
    workshop_id, _ = item
    assert notes.workshop_notes(db, workshop_id) == ""
    first = notes.set_workshop_notes(db, workshop_id, "Lena arrives late.\n\nKeep it brisk.  ")
    assert first.areas == {Area.NOTES}
    assert first.workshop_id == workshop_id
    again = notes.set_workshop_notes(db, workshop_id, "Lena arrives late.")
    assert again.id == first.id
    assert notes.workshop_notes(db, workshop_id) == "Lena arrives late."
    assert _note_rows(db) == 1
    assert notes.set_workshop_notes(db, workshop_id, "  ").ids == (first.id,)
    assert notes.workshop_notes(db, workshop_id) == ""
    assert _note_rows(db) == 0


def test_step_notes_are_upserted_per_step(db: Database, item: tuple[int, int]) -> None:
    workshop_id, item_id = item
    notes.set_workshop_notes(db, workshop_id, "Workshop")
    first = notes.set_step_note(db, item_id, "harvest", "Quiet side first")
    assert notes.set_step_note(db, item_id, "harvest", "Loud side first").id == first.id
    notes.set_step_note(db, item_id, "open", "Smile")
    notes.set_step_note(db, item_id, None, "The whole exercise")
    assert notes.step_note(db, item_id, "harvest") == "Loud side first"
    assert notes.step_note(db, item_id, "rate") == ""
    assert notes.workshop_notes(db, workshop_id) == "Workshop"
    assert [n.text for n in notes.list_notes(db, workshop_id)] == [
        "Workshop",
        "The whole exercise",
        "Smile",
        "Loud side first",
    ]
    notes.set_step_note(db, item_id, "harvest", "")
    assert notes.step_note(db, item_id, "harvest") == ""
    assert _note_rows(db) == 3
    with pytest.raises(NotFoundError, match="has no step 'nowhere'"):
        notes.set_step_note(db, item_id, "nowhere", "Lost")


def test_notes_of_a_removed_agenda_item_are_left_out(
    db: Database, item: tuple[int, int], every_mode: Exercise
) -> None:
    workshop_id, item_id = item
    second = add_exercise(db, workshop_id, every_mode).id
    notes.set_step_note(db, item_id, "open", "First run")
    notes.set_step_note(db, second, "open", "Second run")
    remove_item(db, item_id)
    assert [n.text for n in notes.list_notes(db, workshop_id)] == ["Second run"]


def test_a_draft_keeps_exactly_what_was_typed(db: Database, clock: FakeClock) -> None:
    key = drafts.draft_key("card", 12, "harvest")
    assert key == "card:12:harvest"
    assert drafts.load_draft(db, key) is None
    assert drafts.save_draft(db, key, "We trusted ").areas == {Area.DRAFTS}
    drafts.save_draft(db, key, "We trusted each ")
    assert drafts.load_draft(db, key) == "We trusted each "
    db.close()
    again = Database.open(db.data_dir, clock=clock)  # as after a crash
    try:
        assert drafts.load_draft(again, key) == "We trusted each "
        drafts.clear_draft(again, key)
        assert drafts.load_draft(again, key) is None
    finally:
        again.close()


def test_saving_nothing_clears_and_list_finds_by_prefix(db: Database) -> None:
    drafts.save_draft(db, "card:1:harvest", "half")
    drafts.save_draft(db, "card:2:harvest", "other")
    drafts.save_draft(db, "note:1", "note")
    drafts.save_draft(db, "card_1", "not a card draft")  # "_" is not a wildcard
    drafts.save_draft(db, "card:2:harvest", "   ")
    assert drafts.load_draft(db, "card:2:harvest") is None
    assert [d.key for d in drafts.list_drafts(db, "card:")] == ["card:1:harvest"]
    assert len(drafts.list_drafts(db)) == 3
    with pytest.raises(InvalidInputError, match="needs a key"):
        drafts.save_draft(db, " ", "text")
    with pytest.raises(InvalidInputError, match="at most 200"):
        drafts.save_draft(db, "k" * 201, "text")


def test_drafts_of_a_workshop_go_when_it_is_deleted_for_good(db: Database) -> None:
    doomed = create_workshop(db, title="Doomed").id
    kept = create_workshop(db, title="Kept").id
    drafts.save_draft(db, "card:doomed", "half a sentence", workshop_id=doomed)
    drafts.save_draft(db, "card:kept", "another half", workshop_id=kept)
    trash_workshop(db, doomed)
    delete_workshop_for_good(db, doomed)
    assert drafts.load_draft(db, "card:doomed") is None
    assert drafts.load_draft(db, "card:kept") == "another half"
