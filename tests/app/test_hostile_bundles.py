"""Hostile bundles for `chorus import`: every file in tests/fixtures/hostile_bundles, and inputs too
big to keep there, is refused on one line that says what is wrong, and no table changes.

The database already holds a workshop, so a refusal that wrote anything (a half-import, a touched
row) shows in a dump of every table. Imports go through import_bundle, with the file read as
`chorus import` reads it.
"""

import copy
import importlib.util
import json
import sqlite3
import time
import tomllib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.bundle import MAX_BUNDLE_BYTES, BundleError
from app.bundle.export import bundle_json, export_bundle
from app.bundle.load import import_bundle
from app.db.database import Database
from tests.conftest import FakeClock

FIXTURES = Path(__file__).parents[1] / "fixtures"
CORPUS = FIXTURES / "hostile_bundles"
GOOD = FIXTURES / "bundles" / "every_mode_v1.json"
GOOD_DOCUMENT: dict[str, Any] = json.loads(GOOD.read_bytes())
EXPECTED = {
    entry["name"]: entry
    for entry in tomllib.loads((CORPUS / "EXPECTED.toml").read_text("utf-8"))["file"]
}
FILES = sorted(path.name for path in CORPUS.glob("*.json"))
SECONDS_FOR_50_MB = 4.0  # about 1 s on a laptop; a slow CI machine gets room, a hang does not
Dump = dict[str, list[tuple[Any, ...]]]


def dump_tables(db: Database) -> Dump:
    """Every row of every table, sorted: equal dumps mean nothing was written."""
    connection = sqlite3.connect(f"{db.path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        tables = [name for (name,) in connection.execute(names)]
        return {t: sorted(connection.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}
    finally:
        connection.close()


def read_like_the_cli(path: Path) -> bytes:
    with path.open("rb") as stream:  # as app/cli/commands.py import_command reads it
        return stream.read(MAX_BUNDLE_BYTES + 1)


def untouched(before: Dump, after: Dump) -> None:
    """Every row in `before` is still in `after`, unchanged (new rows may have been added)."""
    for table, rows in before.items():
        assert not Counter(rows) - Counter(after[table]), f"{table}: a row was changed or removed"


def refusal(db: Database, path: Path) -> tuple[str, float]:
    """Import `path`, expect a refusal that wrote nothing; its message and the seconds it took."""
    before = dump_tables(db), sorted(p.name for p in db.data_dir.rglob("*"))
    data = read_like_the_cli(path)
    started = time.perf_counter()
    with pytest.raises(BundleError) as raised:
        import_bundle(db, data, source=str(path))
    elapsed = time.perf_counter() - started
    assert (dump_tables(db), sorted(p.name for p in db.data_dir.rglob("*"))) == before
    message = str(raised.value)
    assert message.startswith(f"{path}: ")
    assert message.isprintable(), message  # one line: no line breaks or other controls
    assert len(message) <= 600, message
    for word in ("Traceback", "pydantic", "NoneType", "<class", "Error(", "sys."):
        assert word not in message, message
    return message, elapsed


@pytest.fixture(scope="module")
def holding(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """A database that already holds the good bundle's workshop."""
    db = Database.open(tmp_path_factory.mktemp("hostile") / "data", clock=FakeClock())
    import_bundle(db, GOOD.read_bytes(), source=GOOD.name)
    yield db
    db.engine.dispose()


def test_the_corpus_is_what_make_corpus_writes() -> None:
    spec = importlib.util.spec_from_file_location("make_corpus", CORPUS / "make_corpus.py")
    assert spec is not None and spec.loader is not None
    make_corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_corpus)
    cases = make_corpus.corpus()
    assert [name for name, *_ in cases] == FILES == sorted(EXPECTED)
    assert len(FILES) >= 100
    for name, _, _, data in cases:
        assert (CORPUS / name).read_bytes() == data, f"{name}: run make_corpus.py again"
    assert (CORPUS / "EXPECTED.toml").read_text("utf-8") == make_corpus.expected_toml(cases)


@pytest.mark.parametrize("name", FILES)
def test_hostile_bundle_is_refused_on_one_line_and_nothing_changes(
    holding: Database, name: str
) -> None:
    message, elapsed = refusal(holding, CORPUS / name)
    for phrase in EXPECTED[name]["expect"]:
        assert phrase in message
    assert elapsed < 1, f"{name} took {elapsed:.2f} s"


def _deep(depth: int, kind: str) -> bytes:
    if kind == "arrays":
        return b"[" * depth + b"]" * depth
    if kind == "objects":
        return b'{"a": ' * depth + b"1" + b"}" * depth
    text = GOOD.read_bytes()  # deep arrays where a card's text should be
    return text.replace(b'"We listen"', b"[" * depth + b"]" * depth, 1)


@pytest.mark.parametrize("kind", ["arrays", "objects", "inside a card"])
def test_100_000_levels_of_nesting_are_refused_without_a_recursion_error(
    holding: Database, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(_deep(100_000, kind))
    message, elapsed = refusal(holding, path)
    assert message.endswith("not usable JSON: nested too deeply")
    assert elapsed < 1, f"{elapsed:.2f} s"


def _fifty_mb(kind: str) -> bytes:
    """About 50 MB of one kind of flood; the first three once took gigabytes or seconds."""
    size = 50_000_000
    good = GOOD.read_bytes()
    if kind == "numbers":  # an error per item: gigabytes, until lists stopped at their first
        return (
            b'{"format": "chorus-workshop", "version": 1, "notes": ['
            + b"1, " * (size // 3)
            + b"1]}"
        )
    if kind == "exercise list":  # the same, inside an exercise, where the lists are trimmed
        return good.replace(b'"markers"', b'"x", ' * (size // 5) + b'"x"', 1)
    if kind == "surrogates":  # an escaped emoji sent the check for lone halves on a slow walk
        return good.replace(b'"markers"', b'"\\ud83c\\udf31", ' * (size // 16) + b'"\\ud800"', 1)
    return good.replace(b"We listen", b"x" * size, 1)  # one enormous card text


FIFTY_MB = {
    "numbers": "notes[0]: expected an object, got 1",
    "exercise list": "agenda[0].exercise.materials: expected at most 30 items, got 10000002",
    "surrogates": "contains \\u escapes that are not valid Unicode text",
    "card text": "agenda[0].cards[0].text: expected at most 20000 characters, got 50000000",
}


@pytest.mark.parametrize("kind", sorted(FIFTY_MB))
def test_a_50_mb_file_is_refused_quickly(holding: Database, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(_fifty_mb(kind))
    size = path.stat().st_size
    assert size >= 50_000_000
    message, elapsed = refusal(holding, path)
    expected = FIFTY_MB[kind] if size <= MAX_BUNDLE_BYTES else "larger than"
    assert expected in message
    assert elapsed < SECONDS_FOR_50_MB, f"{size / 1e6:.0f} MB took {elapsed:.2f} s"


def test_importing_the_same_bundle_twice_makes_two_independent_workshops(db: Database) -> None:
    """Bundle refs are local names, never row ids: a second import is a new copy, not a merge."""
    first = import_bundle(db, GOOD.read_bytes()).id
    before = dump_tables(db)
    second = import_bundle(db, GOOD.read_bytes()).id
    after = dump_tables(db)
    assert second != first
    untouched(before, after)
    added = {t: len(after[t]) - len(before[t]) for t in after if len(after[t]) != len(before[t])}
    assert added.pop("workshop") == 1
    assert added and all(n > 0 for n in added.values())
    assert bundle_json(export_bundle(db, second)) == bundle_json(export_bundle(db, first))


def test_refs_that_look_like_row_ids_only_name_rows_in_the_bundle(db: Database) -> None:
    import_bundle(db, GOOD.read_bytes())  # participant rows 1, 2, 3 now exist
    document = copy.deepcopy(GOOD_DOCUMENT)
    renamed = {"p1": "3", "p2": "1", "p3": "2"}
    for person in document["participants"]:
        person["ref"] = renamed[person["ref"]]
    for item in document["agenda"]:
        for row in item["cards"] + item["ratings"]:
            for field in ("author", "participant"):
                if row.get(field):
                    row[field] = renamed[row[field]]
    copied = import_bundle(db, json.dumps(document)).id
    exported = json.loads(bundle_json(export_bundle(db, copied)))
    assert exported["participants"] == GOOD_DOCUMENT["participants"]
    assert exported["agenda"] == GOOD_DOCUMENT["agenda"]


def _paths(value: Any, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    if isinstance(value, dict):
        children = list(value.items())
    elif isinstance(value, list):
        children = list(enumerate(value))
    else:
        return []
    return [p for key, child in children for p in [(*prefix, key), *_paths(child, (*prefix, key))]]


HEADER = ("format", "version")  # the corpus breaks those; here they would hide the rest
PATHS = [path for path in _paths(GOOD_DOCUMENT) if path[0] not in HEADER]
VALUES = st.one_of(
    st.sampled_from(
        [None, True, 0, -1, 2.5, 1e9, "", [], {}, "p1", "p9", "a1", "a2", "c1", "t1", "t2"]
    ),
    st.sampled_from(
        ["n1", "n3", "open", "harvest", "themes", "choose", "rate", "system", "commit"]
    ),
    st.text(max_size=8),
    st.integers(),
)


def _mutate(data: st.DataObject, document: Any) -> None:
    """Set, delete or duplicate a few values anywhere, down to the exercise definitions."""
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        *parents, last = data.draw(st.sampled_from(PATHS), label="path")
        target = document
        try:
            for part in parents:
                target = target[part]
            action = data.draw(st.sampled_from(["set", "delete", "copy"]), label="action")
            if action == "copy" and isinstance(target, list):
                target.insert(last, copy.deepcopy(target[last]))
            elif action == "delete":
                del target[last]
            else:
                target[last] = data.draw(VALUES, label="value")
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed this path


@given(st.data())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_mutated_bundle_is_refused_whole_or_imported_whole(
    holding: Database, data: st.DataObject
) -> None:
    """Only BundleError, with nothing written; or a new workshop with every old row untouched."""
    document = copy.deepcopy(GOOD_DOCUMENT)
    _mutate(data, document)
    before = dump_tables(holding)
    try:
        new_id = import_bundle(holding, json.dumps(document)).id
    except BundleError as error:
        assert str(error).isprintable()
        assert dump_tables(holding) == before
        return
    after = dump_tables(holding)
    untouched(before, after)
    assert len(after["workshop"]) == len(before["workshop"]) + 1
    assert json.loads(bundle_json(export_bundle(holding, new_id)))["format"] == "chorus-workshop"
    with holding.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []


@given(
    st.integers(0, len(GOOD.read_bytes())),
    st.integers(0, 40),
    st.binary(max_size=40) | st.sampled_from([b"", b",", b"]", b"}", b"null", b'"', b"\\u"]),
)
@settings(max_examples=150, deadline=None)
def test_a_spliced_bundle_file_is_refused_whole_or_imported_whole(
    holding: Database, at: int, cut: int, insert: bytes
) -> None:
    """Bytes cut out of the file and others put in their place: JSON broken in any way."""
    text = GOOD.read_bytes()
    before = dump_tables(holding)
    try:
        import_bundle(holding, text[:at] + insert + text[at + cut :])
    except BundleError as error:
        assert str(error).isprintable()
        assert dump_tables(holding) == before
    else:  # a harmless splice (spaces, or a changed letter in a text)
        untouched(before, dump_tables(holding))
