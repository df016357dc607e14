"""Dot votes: never negative, ranked, on the right targets, with a budget from the room."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.db.database import Database
from app.services import votes
from app.services.agenda import add_exercise
from app.services.cards import add_card, delete_card, restore_card
from app.services.changes import Area
from app.services.clusters import create_cluster, delete_cluster, restore_cluster
from app.services.errors import InvalidInputError, NotFoundError
from app.services.participants import add_participant, remove_participant
from app.services.workshops import create_workshop
from exercises.model import Exercise


@pytest.fixture
def item(db: Database, every_mode: Exercise) -> tuple[int, int]:
    workshop_id = create_workshop(db, title="Votes").id
    return workshop_id, add_exercise(db, workshop_id, every_mode).id


@pytest.fixture
def on_cards(every_mode: Exercise) -> Exercise:
    """every_mode with the vote on the harvest's cards instead of on the themes."""
    data = every_mode.model_dump(mode="json")
    for step in data["steps"]:
        if step["key"] == "choose":
            step["capture"]["source"] = "harvest"
    return Exercise.model_validate_json(json.dumps(data))


def _themes(db: Database, item_id: int, *names: str) -> list[int]:
    return [create_cluster(db, item_id, "themes", name).id for name in names]


def _ranked(db: Database, item_id: int) -> list[tuple[str, int]]:
    return [(row.label, row.count) for row in votes.vote_results(db, item_id, "choose").rows]


def test_dots_rank_themes_and_never_go_below_zero(db: Database, item: tuple[int, int]) -> None:
    workshop_id, item_id = item
    trust, purpose, pace = _themes(db, item_id, "Trust", "Purpose", "Pace")
    changes = votes.add_dots(db, item_id, "choose", cluster_id=purpose, delta=3)
    assert changes.areas == {Area.VOTES}
    assert changes.workshop_id == workshop_id
    votes.add_dots(db, item_id, "choose", cluster_id=pace)
    votes.add_dots(db, item_id, "choose", cluster_id=pace, delta=-5)
    votes.add_dots(db, item_id, "choose", cluster_id=trust, delta=1)
    assert (
        votes.add_dots(db, item_id, "choose", cluster_id=trust).id
        == votes.add_dots(db, item_id, "choose", cluster_id=trust, delta=0).id
    )  # one row per target
    assert _ranked(db, item_id) == [("Purpose", 3), ("Trust", 2), ("Pace", 0)]
    results = votes.vote_results(db, item_id, "choose")
    assert results.target == "clusters"
    assert results.total == 5
    assert results.rows[0].target_id == purpose


def test_ties_keep_board_order(db: Database, item: tuple[int, int]) -> None:
    _, item_id = item
    first, second, third = _themes(db, item_id, "First", "Second", "Third")
    for theme in (third, second, first):
        votes.add_dots(db, item_id, "choose", cluster_id=theme, delta=2)
    assert _ranked(db, item_id) == [("First", 2), ("Second", 2), ("Third", 2)]


def test_the_budget_reflects_the_live_participants(db: Database, item: tuple[int, int]) -> None:
    workshop_id, item_id = item
    _themes(db, item_id, "Trust")
    assert votes.vote_results(db, item_id, "choose").budget is None
    ana = add_participant(db, workshop_id, name="Ana").id
    add_participant(db, workshop_id)
    add_participant(db, create_workshop(db, title="Other").id, name="Bo")
    results = votes.vote_results(db, item_id, "choose")
    assert results.budget == 6  # 3 dots x 2 people
    assert results.remaining == 6
    remove_participant(db, ana)
    assert votes.vote_results(db, item_id, "choose").budget == 3


def test_the_target_must_match_the_vote(
    db: Database, item: tuple[int, int], every_mode: Exercise
) -> None:
    workshop_id, item_id = item
    (trust,) = _themes(db, item_id, "Trust")
    card = add_card(db, item_id, "harvest", "A card").id
    other_item = add_exercise(db, workshop_id, every_mode).id
    (elsewhere,) = _themes(db, other_item, "Elsewhere")
    with pytest.raises(InvalidInputError, match="on themes, not cards"):
        votes.add_dots(db, item_id, "choose", card_id=card)
    with pytest.raises(InvalidInputError, match="one card or one theme"):
        votes.add_dots(db, item_id, "choose")
    with pytest.raises(InvalidInputError, match="one card or one theme"):
        votes.add_dots(db, item_id, "choose", card_id=card, cluster_id=trust)
    with pytest.raises(InvalidInputError, match=f"Theme {elsewhere} is not part of step 'themes'"):
        votes.add_dots(db, item_id, "choose", cluster_id=elsewhere)
    with pytest.raises(InvalidInputError, match="records themes, not dot votes"):
        votes.add_dots(db, item_id, "themes", cluster_id=trust)
    with pytest.raises(InvalidInputError, match="whole number"):
        votes.add_dots(db, item_id, "choose", cluster_id=trust, delta=True)
    delete_cluster(db, trust)
    with pytest.raises(NotFoundError, match="Theme"):
        votes.add_dots(db, item_id, "choose", cluster_id=trust)
    with db.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM vote")).scalar_one() == 0


def test_a_removed_theme_keeps_its_dots_for_restore(db: Database, item: tuple[int, int]) -> None:
    _, item_id = item
    trust, purpose = _themes(db, item_id, "Trust", "Purpose")
    votes.add_dots(db, item_id, "choose", cluster_id=trust, delta=2)
    votes.add_dots(db, item_id, "choose", cluster_id=purpose, delta=1)
    delete_cluster(db, trust)
    assert _ranked(db, item_id) == [("Purpose", 1)]
    assert votes.vote_results(db, item_id, "choose").total == 1
    restore_cluster(db, trust)
    assert _ranked(db, item_id) == [("Trust", 2), ("Purpose", 1)]


def test_a_vote_on_cards(db: Database, on_cards: Exercise) -> None:
    workshop_id = create_workshop(db, title="Cards vote").id
    item_id = add_exercise(db, workshop_id, on_cards).id
    first = add_card(db, item_id, "harvest", "First").id
    second = add_card(db, item_id, "harvest", "Second").id
    (theme,) = _themes(db, item_id, "A theme")
    votes.add_dots(db, item_id, "choose", card_id=second, delta=2)
    votes.add_dots(db, item_id, "choose", card_id=first)
    with pytest.raises(InvalidInputError, match="on cards, not themes"):
        votes.add_dots(db, item_id, "choose", cluster_id=theme)
    results = votes.vote_results(db, item_id, "choose")
    assert results.target == "cards"
    assert [(row.target_id, row.label, row.count) for row in results.rows] == [
        (second, "Second", 2),
        (first, "First", 1),
    ]
    delete_card(db, second)
    assert _ranked(db, item_id) == [("First", 1)]
    restore_card(db, second)
    assert _ranked(db, item_id) == [("Second", 2), ("First", 1)]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(deltas=st.lists(st.integers(min_value=-5, max_value=5), max_size=12))
def test_any_sequence_of_deltas_is_the_clamped_running_sum(
    db: Database, item: tuple[int, int], deltas: list[int]
) -> None:
    _, item_id = item
    (theme,) = _themes(db, item_id, "Theme")  # a fresh target for every example
    expected = 0
    for delta in deltas:
        votes.add_dots(db, item_id, "choose", cluster_id=theme, delta=delta)
        expected = max(0, expected + delta)
        counts = {r.target_id: r.count for r in votes.vote_results(db, item_id, "choose").rows}
        assert counts[theme] == expected
