"""The JSON bundle: export -> import -> export round-trips, and untrusted input is refused cleanly.

Content is written straight into the tables (not through the capture services) so these tests only
depend on the schema and the agenda service.
"""

import copy
import datetime as dt
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func
from sqlmodel import Session, col, select

from app.bundle.export import bundle_json, export_bundle, write_bundle
from app.bundle.load import import_bundle, load_bundle_text
from app.bundle.model import MAX_BUNDLE_BYTES, BundleError
from app.db.database import Database
from app.db.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Card,
    Cluster,
    MapLink,
    MapNode,
    Note,
    Participant,
    Rating,
    RunStep,
    Vote,
    Workshop,
    WorkshopStatus,
    utc_now,
)
from app.services.agenda import insert_item, steps_of
from app.services.changes import Area
from exercises.model import Exercise

UTC = dt.UTC
T0 = dt.datetime(2025, 3, 14, 9, 30, 15, 123456, tzinfo=UTC)
EMOJI = "Zoë 🌱 — 日本語 ✨ नमस्ते"


def at(minutes: int) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def fill_workshop(db: Database, exercise: Exercise, *, removed: bool = False) -> int:
    """A workshop with rows in every exported table. With `removed`, soft-deleted extras too,
    chosen so that the export must come out exactly as without them."""
    with db.write() as s:
        workshop = Workshop(
            title=f"Offsite {EMOJI}",
            purpose="Find our shared direction.\nSecond line.",
            organisation="Team Süd",
            date=dt.date(2025, 3, 14),
            start_time=dt.time(9, 0),
            minutes_available=180,
            location="Room 4",
            facilitator="Kim",
            status=WorkshopStatus.DONE,
        )
        s.add(workshop)
        s.flush()
        wid = workshop.id
        assert wid is not None
        names = [("Ana", "operations"), (EMOJI, "board"), ("", "")]
        people = [
            Participant(workshop_id=wid, position=i, name=n, vantage_point=v)
            for i, (n, v) in enumerate(names)
        ]
        if removed:
            people.insert(
                1, Participant(workshop_id=wid, position=1, name="Gone", deleted_at=utc_now())
            )
        s.add_all(people)
        s.flush()
        live = [p for p in people if p.deleted_at is None]
        if removed:
            dead = insert_item(s, wid, exercise)
            s.flush()
            assert dead.id is not None
            s.add(Card(agenda_item_id=dead.id, step_key="harvest", text="removed item"))
            s.add(Note(workshop_id=wid, agenda_item_id=dead.id, text="note on removed item"))
            dead.deleted_at = utc_now()
        first = insert_item(s, wid, exercise, minutes={"harvest": 12})
        second = insert_item(s, wid, exercise)
        s.flush()
        assert first.id is not None and second.id is not None
        for run_step in steps_of(s, first.id)[:3]:
            run_step.started_at = at(run_step.position * 10)
            run_step.ended_at = at(run_step.position * 10 + 9)
        _fill_item(s, wid, first.id, live, removed)
        s.add(
            Card(
                agenda_item_id=second.id,
                step_key="harvest",
                text="second item card",
                created_at=at(90),
                updated_at=at(91),
            )
        )
        s.add_all(
            [
                Action(
                    workshop_id=wid,
                    agenda_item_id=first.id,
                    step_key="commit",
                    position=0,
                    what=f"Draft the charter {EMOJI}",
                    owner="Ana",
                    due=dt.date(2025, 4, 1),
                    created_at=at(60),
                ),
                Action(
                    workshop_id=wid,
                    position=1,
                    what="Book a follow-up",
                    owner="",
                    status=ActionStatus.DONE,
                    created_at=at(61),
                ),
                Note(
                    workshop_id=wid,
                    text="Private: watch the energy",
                    created_at=at(0),
                    updated_at=at(5),
                ),
            ]
        )
        if removed:
            s.add(Action(workshop_id=wid, position=1, what="dropped", deleted_at=utc_now()))
        return wid


def _fill_item(s: Session, wid: int, item: int, people: list[Participant], removed: bool) -> None:
    themes = [
        Cluster(agenda_item_id=item, step_key="themes", name=name, position=i)
        for i, name in enumerate(["Trust", f"Speed {EMOJI}"])
    ]
    if removed:
        themes.insert(
            1,
            Cluster(
                agenda_item_id=item, step_key="themes", name="x", position=1, deleted_at=utc_now()
            ),
        )
    s.add_all(themes)
    s.flush()
    trust, speed = (t for t in themes if t.deleted_at is None)
    cards = [
        Card(
            agenda_item_id=item,
            step_key="harvest",
            text="We listen",
            author_id=people[0].id,
            category="vision",
            cluster_id=trust.id,
            position=0,
            created_at=at(11),
            updated_at=at(12),
        ),
        Card(
            agenda_item_id=item,
            step_key="harvest",
            text=f"Decide fast {EMOJI}",
            author_id=people[1].id,
            category="reality",
            cluster_id=speed.id,
            position=1,
            created_at=at(13),
            updated_at=at(13),
        ),
        Card(
            agenda_item_id=item,
            step_key="harvest",
            text="Anonymous, no category",
            position=1,
            created_at=at(14),
            updated_at=at(14),
        ),  # same position: id decides
    ]
    if removed:
        cards.append(
            Card(
                agenda_item_id=item,
                step_key="harvest",
                text="deleted",
                position=2,
                cluster_id=trust.id,
                deleted_at=utc_now(),
            )
        )
    s.add_all(cards)
    s.add_all(
        [
            Vote(agenda_item_id=item, step_key="choose", cluster_id=trust.id, count=5),
            Vote(agenda_item_id=item, step_key="choose", cluster_id=speed.id, count=2),
            Rating(
                agenda_item_id=item,
                step_key="rate",
                scale_key="aligned",
                participant_id=None,
                value=3.5,
            ),
        ]
    )
    if removed:
        s.add(Vote(agenda_item_id=item, step_key="choose", cluster_id=themes[1].id, count=9))
        s.add(
            Rating(
                agenda_item_id=item,
                step_key="rate",
                scale_key="aligned",
                participant_id=s.exec(
                    select(Participant.id).where(
                        Participant.name == "Gone", Participant.workshop_id == wid
                    )
                ).one(),
                value=1.0,
            )
        )
    for p_index, person in enumerate(people):
        for scale_index, scale in enumerate(("aligned", "proactive")):
            s.add(
                Rating(
                    agenda_item_id=item,
                    step_key="rate",
                    scale_key=scale,
                    participant_id=person.id,
                    value=float(1 + p_index + scale_index),
                )
            )
    nodes = [
        MapNode(agenda_item_id=item, step_key="system", label=label, kind=kind, x=x, y=y)
        for label, kind, x, y in [
            ("Board", "team", 0.0, 0.0),
            ("Kim", "person", 120.5, -3.25),
            (EMOJI, "", 1e3, 2.0),
        ]
    ]
    s.add_all(nodes)
    s.flush()
    board, kim, other = (node.id or 0 for node in nodes)
    s.add_all(
        [
            MapLink(
                agenda_item_id=item,
                step_key="system",
                source_id=board,
                target_id=kim,
                label="funds",
            ),
            MapLink(agenda_item_id=item, step_key="system", source_id=other, target_id=board),
            Note(
                workshop_id=wid,
                agenda_item_id=item,
                text="Item note",
                created_at=at(20),
                updated_at=at(20),
            ),
            Note(
                workshop_id=wid,
                agenda_item_id=item,
                step_key="rate",
                text=f"Step note {EMOJI}",
                created_at=at(40),
                updated_at=at(41),
            ),
        ]
    )


def without_stamp(text: str) -> dict[str, Any]:
    data = json.loads(text)
    del data["exported_at"]
    assert isinstance(data, dict)
    return data


def counts(db: Database, wid: int) -> dict[str, int]:
    """Rows per table belonging to one workshop (through its agenda items where needed)."""
    with db.read() as s:
        items = select(AgendaItem.id).where(AgendaItem.workshop_id == wid)
        found = {
            table.__name__: s.exec(
                select(func.count()).select_from(table).where(col(table.workshop_id) == wid)
            ).one()
            for table in (Participant, Action, Note, AgendaItem)
        }
        for table in (RunStep, Cluster, Card, Vote, Rating, MapNode, MapLink):
            column = col(table.agenda_item_id)
            found[table.__name__] = s.exec(
                select(func.count()).select_from(table).where(column.in_(items))
            ).one()
        return found


def workshop_count(db: Database) -> int:
    with db.read() as s:
        return s.exec(select(func.count()).select_from(Workshop)).one()


@pytest.fixture
def filled(db: Database, every_mode: Exercise) -> int:
    return fill_workshop(db, every_mode)


@pytest.fixture
def good(db: Database, filled: int) -> dict[str, Any]:
    """A valid bundle as a parsed JSON document, to be broken by the tests."""
    data = json.loads(bundle_json(export_bundle(db, filled)))
    assert isinstance(data, dict)
    return data


def test_round_trip_gives_the_same_json_and_the_same_rows(db: Database, filled: int) -> None:
    first = bundle_json(export_bundle(db, filled))
    changes = import_bundle(db, first.encode("utf-8"))
    assert changes.areas == frozenset({Area.WORKSHOPS})
    assert changes.workshop_id == changes.id != filled
    second = bundle_json(export_bundle(db, changes.id))
    assert without_stamp(second) == without_stamp(first)
    assert second == first  # the fake clock keeps even exported_at equal: byte-identical
    assert counts(db, changes.id) == counts(db, filled)
    assert all(n > 0 for n in counts(db, filled).values())


V1_FILE = Path(__file__).parents[1] / "fixtures" / "bundles" / "every_mode_v1.json"


def test_a_version_1_file_still_imports_and_exports_the_same(db: Database) -> None:
    """A file written by an earlier Chorus keeps working: the format is a promise."""
    text = V1_FILE.read_text(encoding="utf-8")
    new_id = import_bundle(db, V1_FILE.read_bytes(), source=V1_FILE.name).id
    again = without_stamp(bundle_json(export_bundle(db, new_id)))
    expected = without_stamp(text)
    assert again.pop("app_version") and expected.pop("app_version")
    assert again == expected


def test_the_fixture_export_matches_the_version_1_file(db: Database, filled: int) -> None:
    exported = without_stamp(bundle_json(export_bundle(db, filled)))
    expected = without_stamp(V1_FILE.read_text(encoding="utf-8"))
    del exported["app_version"], expected["app_version"]
    assert exported == expected


def test_bundle_uses_local_refs_in_export_order(good: dict[str, Any]) -> None:
    assert [p["ref"] for p in good["participants"]] == ["p1", "p2", "p3"]
    first, second = good["agenda"]
    assert (first["ref"], second["ref"]) == ("a1", "a2")
    assert [c["ref"] for c in first["cards"]] == ["c1", "c2", "c3"]
    assert [c["ref"] for c in second["cards"]] == ["c4"]
    assert [(c["author"], c["cluster"], c["category"]) for c in first["cards"]] == [
        ("p1", "t1", "vision"),
        ("p2", "t2", "reality"),
        (None, None, None),
    ]
    assert first["cards"][0]["created_at"] == "2025-03-14T09:41:15.123456Z"
    assert [v["cluster"] for v in first["votes"]] == ["t1", "t2"]
    assert [(lk["source"], lk["target"]) for lk in first["map_links"]] == [
        ("n1", "n2"),
        ("n3", "n1"),
    ]
    assert [s["planned_minutes"] for s in first["steps"]][:2] == [5, 12]
    assert good["actions"][0]["item"] == "a1" and good["actions"][1]["item"] is None
    assert good["actions"][0]["due"] == "2025-04-01"
    assert good["workshop"]["start_time"] == "09:00:00"


def test_an_empty_workshop_round_trips(db: Database) -> None:
    with db.write() as s:
        workshop = Workshop(title="Just a title")
        s.add(workshop)
        s.flush()
        wid = workshop.id
    assert wid is not None
    first = bundle_json(export_bundle(db, wid))
    new_id = import_bundle(db, first).id
    assert bundle_json(export_bundle(db, new_id)) == first
    assert json.loads(first)["agenda"] == [] and json.loads(first)["workshop"]["date"] is None


def test_soft_deleted_rows_are_not_exported(db: Database, every_mode: Exercise) -> None:
    clean = bundle_json(export_bundle(db, fill_workshop(db, every_mode)))
    with_removed = bundle_json(export_bundle(db, fill_workshop(db, every_mode, removed=True)))
    assert without_stamp(with_removed) == without_stamp(clean)
    assert "removed item" not in with_removed and "Gone" not in with_removed


def test_removed_author_and_removed_item_are_dropped_from_live_rows(
    db: Database, filled: int
) -> None:
    with db.write() as s:
        ana = s.exec(select(Participant).where(Participant.name == "Ana")).one()
        ana.deleted_at = utc_now()
        first = s.exec(select(AgendaItem).where(AgendaItem.position == 0)).one()
        first.deleted_at = utc_now()
    data = json.loads(bundle_json(export_bundle(db, filled)))
    assert [a["item"] for a in data["actions"]] == [None, None]
    assert [a["step"] for a in data["actions"]] == [None, None]
    assert len(data["agenda"]) == 1 and len(data["participants"]) == 2
    import_bundle(db, json.dumps(data))


def test_non_ascii_and_emoji_survive(db: Database, filled: int) -> None:
    text = bundle_json(export_bundle(db, filled))
    assert EMOJI in text and "\\u" not in text and text.endswith("}\n")
    new_id = import_bundle(db, text).id
    with db.read() as s:
        workshop = s.get(Workshop, new_id)
        assert workshop is not None and workshop.title == f"Offsite {EMOJI}"
        texts = s.exec(select(Card.text)).all()
    assert texts.count(f"Decide fast {EMOJI}") == 2


def test_imported_workshop_is_never_archived_or_trashed(db: Database, filled: int) -> None:
    with db.write() as s:
        workshop = s.get(Workshop, filled)
        assert workshop is not None
        workshop.archived_at = workshop.trashed_at = utc_now()
    new_id = import_bundle(db, bundle_json(export_bundle(db, filled))).id
    with db.read() as s:
        copy_ = s.get(Workshop, new_id)
        assert copy_ is not None
        assert copy_.archived_at is None and copy_.trashed_at is None
        assert copy_.status is WorkshopStatus.DONE


def test_bom_and_other_time_zones_are_accepted(db: Database, good: dict[str, Any]) -> None:
    good["agenda"][0]["cards"][0]["created_at"] = "2025-03-14T11:41:15+02:00"
    bundle = load_bundle_text("\ufeff" + json.dumps(good))
    assert bundle.agenda[0].cards[0].created_at == dt.datetime(2025, 3, 14, 9, 41, 15, tzinfo=UTC)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A mutation setting `a.0.b` (dot path, list indexes as numbers) to `value`."""

    def apply(data: dict[str, Any]) -> None:
        *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        target: Any = data
        for part in parents:
            target = target[part]
        target[last] = value

    return apply


BROKEN = [
    ("format", _set("format", "something-else"), "not a Chorus workshop bundle"),
    ("newer", _set("version", 2), "made by a newer Chorus (bundle version 2)"),
    ("version-text", _set("version", "1"), "unsupported bundle version '1'"),
    ("version-bool", _set("version", True), "unsupported bundle version true"),
    ("type", _set("agenda.0.cards.0.text", 5), "agenda[0].cards[0].text: expected text"),
    ("extra", _set("workshop.colour", "red"), "workshop.colour: unknown field 'colour'"),
    (
        "escape-code",
        _set("agenda.0.cards.0.text", "red \u001b[31malert"),
        "cards[0].text: must not contain control characters (found U+001B)",
    ),
    (
        "direction-override",
        _set("participants.0.name", "Ana\u202eEvil"),
        "participants[0].name: must not contain control characters (found U+202E)",
    ),
    ("missing", _set("workshop.title", ""), "workshop.title: must not be empty"),
    ("naive", _set("agenda.0.cards.0.created_at", "2025-03-14T09:00:00"), "timezone"),
    ("exercise", _set("agenda.0.exercise.steps.1.capture.mode", "dance"), "unknown mode 'dance'"),
    ("author", _set("agenda.0.cards.0.author", "p9"), "cards[0].author: no participant 'p9'"),
    ("cluster", _set("agenda.0.cards.0.cluster", "t9"), "cards[0].cluster: no cluster 't9'"),
    ("vote-card", _set("agenda.0.votes.0.cluster", "t7"), "votes[0].cluster: no cluster 't7'"),
    (
        "vote-kind",
        _set("agenda.0.votes.0", {"step": "choose", "card": "c1", "count": 1}),
        "votes on clusters",
    ),
    ("link", _set("agenda.0.map_links.0.target", "n99"), "map_links[0].target: no node 'n99'"),
    ("step", _set("agenda.0.steps.0.key", "nope"), "steps[0].key: no step 'nope'"),
    ("card-step", _set("agenda.0.cards.0.step", "open"), "step 'open' captures talk, not cards"),
    ("category", _set("agenda.0.cards.0.category", "dreams"), "no category 'dreams'"),
    ("rating", _set("agenda.0.ratings.0.value", 9.0), "expected a value from 1 to 5, got 9"),
    ("scale", _set("agenda.0.ratings.0.scale", "speed"), "no scale 'speed'"),
    ("duplicate", _set("participants.1.ref", "p1"), "participants[1].ref: 'p1' is already used"),
    ("same-step", _set("agenda.0.steps.1.key", "open"), "step 'open' is listed twice"),
    ("same-vote", _set("agenda.0.votes.1.cluster", "t1"), "a second vote for 't1' in step"),
    ("same-rating", _set("agenda.0.ratings.1.participant", None), "a second rating by the group"),
    ("action", _set("actions.0.item", "a9"), "actions[0].item: no agenda item 'a9'"),
    ("minutes", _set("agenda.0.steps.0.planned_minutes", 0), "expected at least 1"),
    ("long", _set("participants.0.name", "x" * 301), "expected at most 300 characters"),
    ("not-object", _set("workshop", [1]), "workshop: expected an object"),
]


@pytest.mark.parametrize(
    ("mutate", "expected"), [b[1:] for b in BROKEN], ids=[b[0] for b in BROKEN]
)
def test_bad_bundles_are_refused_with_one_line_and_nothing_written(
    db: Database, good: dict[str, Any], mutate: Callable[[dict[str, Any]], None], expected: str
) -> None:
    mutate(good)
    before = workshop_count(db)
    with pytest.raises(BundleError) as raised:
        import_bundle(db, json.dumps(good, ensure_ascii=False).encode("utf-8"))
    message = str(raised.value)
    assert expected in message
    assert "\n" not in message and len(message) <= 600 and "pydantic" not in message
    assert workshop_count(db) == before


RAW = [
    ("utf8", b'{"format": "chorus-workshop", "title": "\xff"}', "not UTF-8 text (byte 0xff"),
    ("json", b'{\n  "format": "chorus-workshop",\n  "version": 1,,\n}', "line 3, column 16"),
    ("empty", b"", "not valid JSON"),
    ("list", b"[]", "expected a JSON object"),
    ("nan", b'{"format": "chorus-workshop", "version": NaN}', "NaN is not a number"),
    ("deep", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ("surrogate", b'{"format": "chorus-workshop", "x": "\\ud800"}', "not valid Unicode"),
    ("digits", b'{"version": 1' + b"0" * 5000 + b"}", "not usable JSON"),
]


@pytest.mark.parametrize(("data", "expected"), [r[1:] for r in RAW], ids=[r[0] for r in RAW])
def test_unreadable_input_is_refused(db: Database, data: bytes, expected: str) -> None:
    before = workshop_count(db)
    with pytest.raises(BundleError) as raised:
        import_bundle(db, data)
    assert expected in str(raised.value) and "\n" not in str(raised.value)
    assert workshop_count(db) == before


def test_many_problems_are_joined_and_capped(good: dict[str, Any]) -> None:
    for card in good["agenda"][0]["cards"]:
        card["author"] = "nobody-" + "x" * 12
    for rating in good["agenda"][0]["ratings"]:
        rating["value"] = 99.0
    with pytest.raises(BundleError) as raised:
        load_bundle_text(json.dumps(good), source="coach.json")
    message = str(raised.value)
    assert message.startswith("coach.json: agenda[0].cards[0].author: no participant")
    assert "; " in message and "more problems" in message
    assert len(message) <= 600 and "\n" not in message


@pytest.mark.parametrize("kind", [bytes, str])
def test_oversized_input_is_refused_before_parsing(kind: type) -> None:
    size = MAX_BUNDLE_BYTES + 1024 * 1024  # invalid UTF-8 past the limit: decoding would fail first
    data: bytes | str = b"\xff" * size if kind is bytes else "x" * size
    with pytest.raises(BundleError, match="larger than 16 MiB"):
        load_bundle_text(data)


def test_text_that_grows_past_the_limit_in_utf8_is_refused() -> None:
    with pytest.raises(BundleError, match="larger than 16 MiB"):
        load_bundle_text("é" * (MAX_BUNDLE_BYTES // 2 + 1))


def test_write_bundle_writes_the_exported_json(db: Database, filled: int, tmp_path: Path) -> None:
    target = tmp_path / "out" / "offsite.json"
    target.parent.mkdir()
    target.write_text("old content")
    write_bundle(db, filled, target)
    assert target.read_text(encoding="utf-8") == bundle_json(export_bundle(db, filled))
    assert sorted(p.name for p in target.parent.iterdir()) == ["offsite.json"]
    new_id = import_bundle(db, target.read_bytes()).id
    assert counts(db, new_id) == counts(db, filled)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores modes")
def test_write_bundle_into_a_read_only_folder(db: Database, filled: int, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(BundleError, match="could not write") as raised:
            write_bundle(db, filled, folder / "offsite.json")
        assert "\n" not in str(raised.value)
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_write_bundle_failing_at_the_rename_leaves_no_temp_file(
    db: Database, filled: int, tmp_path: Path
) -> None:
    target = tmp_path / "offsite.json"
    target.mkdir()  # a folder where the file should go: the temp file is written, the rename fails
    (target / "keep").write_text("")
    with pytest.raises(BundleError, match="could not write") as raised:
        write_bundle(db, filled, target)
    assert "\n" not in str(raised.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "offsite.json"]


def test_write_bundle_into_a_missing_folder(db: Database, filled: int, tmp_path: Path) -> None:
    with pytest.raises(BundleError, match="could not write"):
        write_bundle(db, filled, tmp_path / "missing" / "offsite.json")


def test_export_refuses_rows_a_bundle_cannot_carry(db: Database, filled: int) -> None:
    with db.write() as s:
        card = s.exec(select(Card).where(Card.text == "We listen")).one()
        card.category = "Not a key"
    with pytest.raises(BundleError, match="cannot be exported: card category: expected a key"):
        export_bundle(db, filled)
    with db.write() as s:
        s.exec(select(Card).where(Card.text == "We listen")).one().category = "dreams"
    with pytest.raises(BundleError, match=r"agenda\[0\]\.cards\[0\]\.category: no category"):
        export_bundle(db, filled)


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_arbitrary_bytes_raise_only_bundle_error(data: bytes) -> None:
    try:
        load_bundle_text(data)
    except BundleError as error:
        assert "\n" not in str(error)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
_FIELDS = ["exported_at", "app_version", "workshop", "participants", "agenda", "actions", "notes"]


@given(st.dictionaries(st.sampled_from(_FIELDS), _JSON, max_size=7))
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_arbitrary_documents_raise_only_bundle_error(fields: dict[str, Any]) -> None:
    document = {"format": "chorus-workshop", "version": 1, **fields}
    try:
        load_bundle_text(json.dumps(document))
    except BundleError as error:
        assert "\n" not in str(error)


@given(st.data())
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_mutated_bundles_raise_only_bundle_error(data: st.DataObject) -> None:
    document = copy.deepcopy(_GOOD_DOCUMENT)
    for _ in range(data.draw(st.integers(1, 3))):
        target: Any = document
        while isinstance(target, dict | list) and target and data.draw(st.booleans()):
            key = data.draw(
                st.sampled_from(
                    sorted(target) if isinstance(target, dict) else list(range(len(target)))
                )
            )
            if not isinstance(target[key], dict | list):
                target[key] = data.draw(_JSON)
                break
            target = target[key]
    try:
        load_bundle_text(json.dumps(document))
    except BundleError as error:
        assert "\n" not in str(error)


_GOOD_DOCUMENT: dict[str, Any] = {}


@pytest.fixture(autouse=True, scope="module")
def _good_document(tmp_path_factory: pytest.TempPathFactory, every_mode: Exercise) -> None:
    """One valid document for the mutation test (hypothesis cannot take function fixtures)."""
    database = Database.open(tmp_path_factory.mktemp("bundle") / "data")
    try:
        wid = fill_workshop(database, every_mode)
        _GOOD_DOCUMENT.update(json.loads(bundle_json(export_bundle(database, wid))))
    finally:
        database.engine.dispose()
