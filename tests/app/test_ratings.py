"""Ratings: range checks, one row per rater (the group included), and the summary numbers."""

import json
import math

import pytest
from sqlalchemy import text

from app.db.database import Database
from app.services import ratings
from app.services.agenda import add_exercise
from app.services.changes import Area
from app.services.errors import InvalidInputError, NotFoundError
from app.services.participants import add_participant, remove_participant, restore_participant
from app.services.workshops import create_workshop
from exercises.model import Exercise, RateCapture

LOW_TEXT = "Energy without shared direction."


@pytest.fixture
def item(db: Database, every_mode: Exercise) -> tuple[int, int]:
    workshop_id = create_workshop(db, title="Ratings").id
    return workshop_id, add_exercise(db, workshop_id, every_mode).id


@pytest.fixture
def group_only(every_mode: Exercise) -> Exercise:
    """every_mode whose rate step takes one rating for the group, with more interpretations."""
    data = every_mode.model_dump(mode="json")
    for step in data["steps"]:
        if step["key"] == "rate":
            step["capture"]["per_participant"] = False
            step["capture"]["interpretations"] = [
                {"when": [{"scale": "aligned", "at_least": 4.0}], "text": "High."},
                {
                    "when": [{"scale": "aligned", "at_least": 2.0, "at_most": 4.0}],
                    "text": "Middle.",
                },
                {"when": [{"scale": "aligned", "at_most": 2.0}], "text": "Low."},
            ]
    return Exercise.model_validate_json(json.dumps(data))


def _rows(db: Database) -> list[tuple[str, int | None, float]]:
    with db.engine.connect() as connection:
        query = text("SELECT scale_key, participant_id, value FROM rating ORDER BY id")
        return [(row[0], row[1], row[2]) for row in connection.execute(query)]


def _meaning(db: Database, item_id: int, exercise: Exercise) -> tuple[str, ...]:
    capture = exercise.step("rate").capture
    assert isinstance(capture, RateCapture)
    return ratings.interpretations(capture, ratings.rating_summary(db, item_id, "rate"))


def _summary(db: Database, item_id: int) -> dict[str, ratings.ScaleSummary]:
    return {s.key: s for s in ratings.rating_summary(db, item_id, "rate")}


def test_a_value_out_of_range_is_refused_naming_the_range(
    db: Database, item: tuple[int, int]
) -> None:
    _, item_id = item
    for value in (0, 5.5, math.nan, math.inf):
        with pytest.raises(InvalidInputError, match=r"^Aligned takes a value from 1 to 5\.$"):
            ratings.set_rating(db, item_id, "rate", "aligned", value)
    with pytest.raises(InvalidInputError, match=r"no scale 'speed' \(scales: aligned, proactive\)"):
        ratings.set_rating(db, item_id, "rate", "speed", 3)
    with pytest.raises(InvalidInputError, match="records cards, not ratings"):
        ratings.set_rating(db, item_id, "harvest", "aligned", 3)
    assert _rows(db) == []


def test_the_group_rating_is_one_row_however_often_it_is_set(
    db: Database, item: tuple[int, int]
) -> None:
    workshop_id, item_id = item
    first = ratings.set_rating(db, item_id, "rate", "aligned", 2)
    assert first.areas == {Area.RATINGS}
    assert first.workshop_id == workshop_id
    again = ratings.set_rating(db, item_id, "rate", "aligned", 4)
    assert again.id == first.id
    ratings.set_rating(db, item_id, "rate", "proactive", 1)
    assert _rows(db) == [("aligned", None, 4.0), ("proactive", None, 1.0)]


def test_each_participant_has_one_rating_per_scale(db: Database, item: tuple[int, int]) -> None:
    workshop_id, item_id = item
    ana = add_participant(db, workshop_id, name="Ana").id
    bo = add_participant(db, workshop_id, name="Bo").id
    ratings.set_rating(db, item_id, "rate", "aligned", 2, participant_id=ana)
    ratings.set_rating(db, item_id, "rate", "aligned", 3, participant_id=bo)
    ratings.set_rating(db, item_id, "rate", "aligned", 5, participant_id=ana)
    ratings.set_rating(db, item_id, "rate", "aligned", 1)  # the group's, alongside
    assert _rows(db) == [("aligned", ana, 5.0), ("aligned", bo, 3.0), ("aligned", None, 1.0)]
    stranger = add_participant(db, create_workshop(db, title="Other").id).id
    with pytest.raises(InvalidInputError, match="not part of this workshop"):
        ratings.set_rating(db, item_id, "rate", "aligned", 3, participant_id=stranger)


def test_clear_removes_only_that_rating(db: Database, item: tuple[int, int]) -> None:
    workshop_id, item_id = item
    ana = add_participant(db, workshop_id, name="Ana").id
    group = ratings.set_rating(db, item_id, "rate", "aligned", 2).id
    ratings.set_rating(db, item_id, "rate", "aligned", 4, participant_id=ana)
    changes = ratings.clear_rating(db, item_id, "rate", "aligned")
    assert changes.ids == (group,)
    assert _rows(db) == [("aligned", ana, 4.0)]
    assert ratings.clear_rating(db, item_id, "rate", "aligned").ids == ()


def test_the_summary_numbers(db: Database, item: tuple[int, int], every_mode: Exercise) -> None:
    workshop_id, item_id = item
    people = [add_participant(db, workshop_id, name=n).id for n in ("Ana", "Bo", "Cy")]
    for person, value in zip(people, (1, 2, 3), strict=True):
        ratings.set_rating(db, item_id, "rate", "aligned", value, participant_id=person)
    summary = ratings.rating_summary(db, item_id, "rate")
    assert [s.key for s in summary] == ["aligned", "proactive"]
    aligned, proactive = summary
    assert (aligned.label, aligned.low, aligned.high, aligned.count) == ("Aligned", 1, 5, 3)
    assert aligned.mean == pytest.approx(2.0)
    assert (aligned.minimum, aligned.maximum) == (1.0, 3.0)
    assert aligned.stdev == pytest.approx(math.sqrt(2 / 3))  # population, not sample
    assert aligned.values == (1.0, 2.0, 3.0)
    assert _meaning(db, item_id, every_mode) == (LOW_TEXT,)  # mean 2 is "at most 2"
    assert proactive.count == 0
    assert proactive.mean is proactive.stdev is proactive.minimum is None

    ratings.set_rating(db, item_id, "rate", "aligned", 4, participant_id=people[0])
    aligned = _summary(db, item_id)["aligned"]
    assert aligned.mean == pytest.approx(3.0)
    assert _meaning(db, item_id, every_mode) == ()  # above the bound: the text no longer applies


def test_a_removed_participant_is_left_out_until_restored(
    db: Database, item: tuple[int, int]
) -> None:
    workshop_id, item_id = item
    ana = add_participant(db, workshop_id, name="Ana").id
    bo = add_participant(db, workshop_id, name="Bo").id
    ratings.set_rating(db, item_id, "rate", "proactive", 1, participant_id=ana)
    ratings.set_rating(db, item_id, "rate", "proactive", 5, participant_id=bo)
    ratings.set_rating(db, item_id, "rate", "proactive", 3)
    remove_participant(db, ana)
    proactive = _summary(db, item_id)["proactive"]
    assert (proactive.count, proactive.mean) == (2, 4.0)
    with pytest.raises(NotFoundError):
        ratings.set_rating(db, item_id, "rate", "proactive", 2, participant_id=ana)
    restore_participant(db, ana)
    assert _summary(db, item_id)["proactive"].values == (1.0, 3.0, 5.0)


def test_a_group_step_refuses_participants_and_picks_interpretations(
    db: Database, group_only: Exercise
) -> None:
    workshop_id = create_workshop(db, title="Group").id
    item_id = add_exercise(db, workshop_id, group_only).id
    ana = add_participant(db, workshop_id, name="Ana").id
    with pytest.raises(InvalidInputError, match="one rating for the whole group"):
        ratings.set_rating(db, item_id, "rate", "aligned", 3, participant_id=ana)
    expected = {1: ("Low.",), 2: ("Middle.", "Low."), 3: ("Middle.",), 4: ("High.", "Middle.")}
    for value, texts in expected.items():
        ratings.set_rating(db, item_id, "rate", "aligned", value)
        assert _meaning(db, item_id, group_only) == texts
    assert len(_rows(db)) == 1


def test_a_combination_needs_every_condition(
    db: Database, item: tuple[int, int], every_mode: Exercise
) -> None:
    """every_mode says "Agreed, but waiting to be told." when aligned >= 4 and proactive <= 2."""
    _, item_id = item
    ratings.set_rating(db, item_id, "rate", "aligned", 5)
    assert _meaning(db, item_id, every_mode) == ()  # proactive not rated yet: no mean
    ratings.set_rating(db, item_id, "rate", "proactive", 2)
    assert _meaning(db, item_id, every_mode) == ("Agreed, but waiting to be told.",)
    ratings.set_rating(db, item_id, "rate", "proactive", 3)
    assert _meaning(db, item_id, every_mode) == ()


def test_list_ratings_tells_who_gave_what(db: Database, item: tuple[int, int]) -> None:
    workshop_id, item_id = item
    ana = add_participant(db, workshop_id, name="Ana").id
    assert ratings.list_ratings(db, item_id, "rate") == {}
    ratings.set_rating(db, item_id, "rate", "aligned", 4, participant_id=ana)
    ratings.set_rating(db, item_id, "rate", "proactive", 2.5)
    assert ratings.list_ratings(db, item_id, "rate") == {
        (ana, "aligned"): 4.0,
        (None, "proactive"): 2.5,
    }
    with pytest.raises(InvalidInputError, match="records cards, not ratings"):
        ratings.list_ratings(db, item_id, "harvest")
