"""Themes: grouping the cards of the source step, merging, soft delete that keeps the grouping."""

import pytest
from sqlalchemy import text

from app.db.database import Database
from app.services import clusters
from app.services.agenda import add_exercise
from app.services.cards import add_card, delete_card, restore_card
from app.services.changes import Area
from app.services.errors import InvalidInputError, NotFoundError
from app.services.votes import add_dots, vote_results
from app.services.workshops import create_workshop
from exercises.model import Exercise


@pytest.fixture
def item(db: Database, every_mode: Exercise) -> tuple[int, int]:
    workshop_id = create_workshop(db, title="Themes").id
    return workshop_id, add_exercise(db, workshop_id, every_mode).id


@pytest.fixture
def card_ids(db: Database, item: tuple[int, int]) -> list[int]:
    _, item_id = item
    return [add_card(db, item_id, "harvest", t).id for t in ("A", "B", "C", "D", "E")]


def _board(db: Database, item_id: int) -> dict[str, list[str]]:
    board = {
        view.cluster.name: [card.text for card in view.cards]
        for view in clusters.list_clusters(db, item_id, "themes")
    }
    board[""] = [card.text for card in clusters.unclustered_cards(db, item_id, "themes")]
    return board


def _cluster_id_in_db(db: Database, card_id: int) -> int | None:
    with db.engine.connect() as connection:
        query = text("SELECT cluster_id FROM card WHERE id = :id")
        value = connection.execute(query, {"id": card_id}).scalar_one()
        return None if value is None else int(value)


def test_create_with_cards_and_list_in_board_order(
    db: Database, item: tuple[int, int], card_ids: list[int]
) -> None:
    workshop_id, item_id = item
    changes = clusters.create_cluster(db, item_id, "themes", " Trust ", [card_ids[2], card_ids[0]])
    assert changes.areas == {Area.CLUSTERS, Area.CARDS}
    assert changes.workshop_id == workshop_id
    assert changes.ids == (changes.id, card_ids[2], card_ids[0])
    empty = clusters.create_cluster(db, item_id, "themes", "Purpose")
    assert empty.areas == {Area.CLUSTERS}
    assert _board(db, item_id) == {"Trust": ["A", "C"], "Purpose": [], "": ["B", "D", "E"]}


def test_only_cards_of_the_source_step_can_be_grouped(
    db: Database, item: tuple[int, int], card_ids: list[int], every_mode: Exercise
) -> None:
    workshop_id, item_id = item
    other_item = add_exercise(db, workshop_id, every_mode).id
    foreign = add_card(db, other_item, "harvest", "From another run").id
    theme = clusters.create_cluster(db, item_id, "themes", "Trust").id
    with pytest.raises(InvalidInputError, match=f"Card {foreign} is not a card of step 'harvest'"):
        clusters.assign_cards(db, theme, [card_ids[0], foreign])
    with pytest.raises(NotFoundError, match="Card 9999"):
        clusters.assign_cards(db, theme, [9999])
    delete_card(db, card_ids[1])
    with pytest.raises(NotFoundError):
        clusters.assign_cards(db, theme, [card_ids[1]])
    with pytest.raises(InvalidInputError, match="records cards, not themes"):
        clusters.create_cluster(db, item_id, "harvest", "Wrong step")
    with pytest.raises(InvalidInputError, match="cannot be empty"):
        clusters.create_cluster(db, item_id, "themes", "  ")
    assert _board(db, item_id)["Trust"] == []  # nothing half-done


def test_assign_moves_cards_between_themes_and_ungroup_frees_them(
    db: Database, item: tuple[int, int], card_ids: list[int]
) -> None:
    _, item_id = item
    trust = clusters.create_cluster(db, item_id, "themes", "Trust", card_ids[:2]).id
    purpose = clusters.create_cluster(db, item_id, "themes", "Purpose").id
    changes = clusters.assign_cards(db, purpose, [card_ids[1], card_ids[2]])
    assert changes.areas == {Area.CLUSTERS, Area.CARDS}
    assert _board(db, item_id) == {"Trust": ["A"], "Purpose": ["B", "C"], "": ["D", "E"]}
    clusters.ungroup_cards(db, [card_ids[1]])
    assert _board(db, item_id) == {"Trust": ["A"], "Purpose": ["C"], "": ["B", "D", "E"]}
    clusters.rename_cluster(db, trust, "Trust first")
    assert "Trust first" in _board(db, item_id)
    with pytest.raises(InvalidInputError, match="at least one card"):
        clusters.ungroup_cards(db, [])


def test_merge_moves_cards_and_dots_and_removes_the_others(
    db: Database, item: tuple[int, int], card_ids: list[int]
) -> None:
    _, item_id = item
    trust = clusters.create_cluster(db, item_id, "themes", "Trust", [card_ids[0]]).id
    safety = clusters.create_cluster(db, item_id, "themes", "Safety", card_ids[1:3]).id
    candour = clusters.create_cluster(db, item_id, "themes", "Candour", [card_ids[3]]).id
    delete_card(db, card_ids[2])  # a removed card follows the merge too
    add_dots(db, item_id, "choose", cluster_id=trust, delta=1)
    add_dots(db, item_id, "choose", cluster_id=safety, delta=2)
    add_dots(db, item_id, "choose", cluster_id=candour, delta=4)

    changes = clusters.merge_clusters(db, [safety, candour, trust], trust)

    assert changes.areas == {Area.CLUSTERS, Area.CARDS, Area.VOTES}
    assert changes.ids[:3] == (trust, safety, candour)
    assert set(changes.ids[3:]) == {card_ids[1], card_ids[2], card_ids[3]}
    assert _board(db, item_id) == {"Trust": ["A", "B", "D"], "": ["E"]}
    results = vote_results(db, item_id, "choose")
    assert [(row.label, row.count) for row in results.rows] == [("Trust", 7)]
    restore_card(db, card_ids[2])
    assert _board(db, item_id)["Trust"] == ["A", "B", "C", "D"]
    with pytest.raises(NotFoundError, match="Theme"):
        clusters.assign_cards(db, safety, [card_ids[4]])


def test_merge_refuses_a_theme_of_another_step(
    db: Database, item: tuple[int, int], every_mode: Exercise
) -> None:
    workshop_id, item_id = item
    other_item = add_exercise(db, workshop_id, every_mode).id
    here = clusters.create_cluster(db, item_id, "themes", "Here").id
    there = clusters.create_cluster(db, other_item, "themes", "There").id
    with pytest.raises(InvalidInputError, match="'There' belongs to another step"):
        clusters.merge_clusters(db, [there], here)
    assert [v.cluster.name for v in clusters.list_clusters(db, other_item, "themes")] == ["There"]


def test_delete_keeps_the_grouping_so_restore_brings_it_back(
    db: Database, item: tuple[int, int], card_ids: list[int]
) -> None:
    _, item_id = item
    trust = clusters.create_cluster(db, item_id, "themes", "Trust", card_ids[:3]).id
    purpose = clusters.create_cluster(db, item_id, "themes", "Purpose").id
    changes = clusters.delete_cluster(db, trust)
    assert changes.areas == {Area.CLUSTERS, Area.VOTES}
    assert changes.ids == (trust,)
    assert _board(db, item_id) == {"Purpose": [], "": ["A", "B", "C", "D", "E"]}
    assert _cluster_id_in_db(db, card_ids[0]) == trust  # the link is kept
    clusters.assign_cards(db, purpose, [card_ids[2]])  # regrouped while the theme is deleted
    with pytest.raises(NotFoundError, match="Theme"):
        clusters.rename_cluster(db, trust, "Nope")
    clusters.restore_cluster(db, trust)
    assert _board(db, item_id) == {"Trust": ["A", "B"], "Purpose": ["C"], "": ["D", "E"]}


def test_themes_and_loose_cards_in_one_read_agree_with_the_two_queries(
    db: Database, item: tuple[int, int], card_ids: list[int]
) -> None:
    _, item_id = item
    trust = clusters.create_cluster(db, item_id, "themes", "Trust", card_ids[:2]).id
    clusters.create_cluster(db, item_id, "themes", "Purpose", card_ids[2:3])
    gone = clusters.create_cluster(db, item_id, "themes", "Gone", card_ids[3:4]).id
    clusters.delete_cluster(db, gone)  # its card counts as loose again
    delete_card(db, card_ids[4])
    views, loose = clusters.themes_and_loose_cards(db, item_id, "themes")
    assert [(v.cluster.name, [c.text for c in v.cards]) for v in views] == [
        ("Trust", ["A", "B"]),
        ("Purpose", ["C"]),
    ]
    assert [c.text for c in loose] == ["D"]
    assert [c.id for c in loose] == [
        c.id for c in clusters.unclustered_cards(db, item_id, "themes")
    ]
    assert views[0].cluster.id == trust
