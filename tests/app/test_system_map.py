"""The system map: nodes and links in one map step, and deletes that take links with them."""

import math

import pytest
from sqlalchemy import text

from app.db.database import Database
from app.services import system_map as maps
from app.services.agenda import add_exercise
from app.services.changes import Area
from app.services.errors import InvalidInputError, NotFoundError
from app.services.workshops import create_workshop
from exercises.model import Exercise


@pytest.fixture
def item(db: Database, every_mode: Exercise) -> tuple[int, int]:
    workshop_id = create_workshop(db, title="Map").id
    return workshop_id, add_exercise(db, workshop_id, every_mode).id


def _links_in_db(db: Database) -> list[tuple[int, int, str]]:
    with db.engine.connect() as connection:
        query = text("SELECT source_id, target_id, label FROM maplink ORDER BY id")
        return [(row[0], row[1], row[2]) for row in connection.execute(query)]


def test_nodes_and_links_make_the_map(db: Database, item: tuple[int, int]) -> None:
    workshop_id, item_id = item
    ward = maps.add_node(db, item_id, "system", " Ward  team ", kind="team", x=10, y=20)
    assert ward.areas == {Area.MAP}
    assert ward.workshop_id == workshop_id
    ana = maps.add_node(db, item_id, "system", "Ana", kind="person").id
    link = maps.add_link(db, ward.id, ana, "leads")
    assert link.areas == {Area.MAP}
    view = maps.system_map(db, item_id, "system")
    assert [(n.label, n.kind, n.x, n.y) for n in view.nodes] == [
        ("Ward team", "team", 10.0, 20.0),
        ("Ana", "person", 0.0, 0.0),
    ]
    assert [(lk.id, lk.source_id, lk.target_id, lk.label) for lk in view.links] == [
        (link.id, ward.id, ana, "leads")
    ]


def test_edits(db: Database, item: tuple[int, int]) -> None:
    _, item_id = item
    a = maps.add_node(db, item_id, "system", "A").id
    b = maps.add_node(db, item_id, "system", "B").id
    link = maps.add_link(db, a, b).id
    maps.rename_node(db, a, "Board")
    maps.set_node_kind(db, a, "team")
    maps.move_node(db, a, -40.5, 300)
    maps.relabel_link(db, link, "budgets")
    view = maps.system_map(db, item_id, "system")
    assert (view.nodes[0].label, view.nodes[0].kind) == ("Board", "team")
    assert (view.nodes[0].x, view.nodes[0].y) == (-40.5, 300.0)
    assert view.links[0].label == "budgets"
    assert maps.delete_link(db, link).ids == (link,)
    assert maps.system_map(db, item_id, "system").links == ()
    with pytest.raises(NotFoundError, match="Map link"):
        maps.relabel_link(db, link, "gone")


def test_deleting_a_node_removes_its_links(db: Database, item: tuple[int, int]) -> None:
    _, item_id = item
    a, b, c = (maps.add_node(db, item_id, "system", label).id for label in "ABC")
    ab = maps.add_link(db, a, b, "ab").id
    ca = maps.add_link(db, c, a, "ca").id
    maps.add_link(db, b, c, "bc")
    changes = maps.delete_node(db, a)
    assert changes.areas == {Area.MAP}
    assert changes.ids == (a, ab, ca)
    assert _links_in_db(db) == [(b, c, "bc")]
    assert [n.label for n in maps.system_map(db, item_id, "system").nodes] == ["B", "C"]
    with pytest.raises(NotFoundError, match="Map node"):
        maps.add_link(db, a, b)


def test_links_join_two_different_nodes_of_one_map(
    db: Database, item: tuple[int, int], every_mode: Exercise
) -> None:
    workshop_id, item_id = item
    a = maps.add_node(db, item_id, "system", "A").id
    other_item = add_exercise(db, workshop_id, every_mode).id
    elsewhere = maps.add_node(db, other_item, "system", "Elsewhere").id
    with pytest.raises(InvalidInputError, match="two different nodes"):
        maps.add_link(db, a, a)
    with pytest.raises(InvalidInputError, match="same map"):
        maps.add_link(db, a, elsewhere)
    assert _links_in_db(db) == []


def test_input_is_checked(db: Database, item: tuple[int, int]) -> None:
    _, item_id = item
    with pytest.raises(InvalidInputError, match=r"no node kind 'robot' \(kinds: person, team\)"):
        maps.add_node(db, item_id, "system", "R2", kind="robot")
    with pytest.raises(InvalidInputError, match="within the canvas"):
        maps.add_node(db, item_id, "system", "Lost", x=math.nan)
    with pytest.raises(InvalidInputError, match="cannot be empty"):
        maps.add_node(db, item_id, "system", " ")
    with pytest.raises(InvalidInputError, match="records ratings, not a system map"):
        maps.add_node(db, item_id, "rate", "Wrong step")
    node = maps.add_node(db, item_id, "system", "Fine").id
    with pytest.raises(InvalidInputError, match="within the canvas"):
        maps.move_node(db, node, 0, math.inf)
    assert [n.label for n in maps.system_map(db, item_id, "system").nodes] == ["Fine"]
