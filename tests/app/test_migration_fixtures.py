"""A database made at every released schema revision opens with today's code, every row intact.

tests/fixtures/schemas holds chorus-<revision>.sqlite3, written by make_fixture.py while that
revision was head and never remade since (it stands for the files users have), with
chorus-<revision>.json listing every row of every table. Each test works on a copy: opening
migrates in place, and the fixture's own bytes must never change.

Rows are compared as SQLite stores them, by primary key, on the columns the fixture had, so a
migration that adds a column or a table passes as it is. A migration that renames or drops a
column must say where the old values went: add it to RENAMED below (None: dropped on purpose).
One that moves rows to another table or rewrites stored values (a new date format, say) needs
its own mapping here too: a row the check cannot find is reported as lost.
"""

import hashlib
import json
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from alembic.script import ScriptDirectory

from app.db import schema
from app.db.backup import list_backups
from app.db.database import Database
from app.db.models import metadata
from app.paths import backup_dir, database_path
from tests.conftest import FakeClock
from tests.fixtures.schemas.make_fixture import HERE, read_content, table_names, table_rows

# (table, column in a fixture) -> that column's name at head, or None when dropped on purpose.
RENAMED: dict[tuple[str, str], str | None] = {}

FIXTURES = sorted(HERE.glob("chorus-*.sqlite3"))
HEAD_FIXTURE = HERE / f"chorus-{schema.HEAD_REVISION}.sqlite3"
OLDER = [path for path in FIXTURES if path.stem != f"chorus-{schema.HEAD_REVISION}"]


def _revision(fixture: Path) -> str:
    return fixture.stem.removeprefix("chorus-")


def _expected(fixture: Path) -> dict[str, Any]:
    content: dict[str, Any] = json.loads(fixture.with_suffix(".json").read_text("utf-8"))
    return content


def _digests() -> dict[str, str]:
    return {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in HERE.glob("chorus-*")
    }


@pytest.fixture(autouse=True)
def _fixtures_untouched() -> Iterator[None]:
    """No test may change a fixture's bytes or leave a -wal, -shm or journal beside it."""
    before = _digests()
    yield
    assert _digests() == before


def _open_copy(fixture: Path, data_dir: Path, clock: FakeClock) -> Path:
    """Open a copy the way the app opens its data folder; give back the copy's path."""
    data_dir.mkdir(parents=True)
    shutil.copyfile(fixture, database_path(data_dir))
    db = Database.open(data_dir, clock=clock)
    assert db.recovery is None, f"opening {fixture.name} restored or restarted it"
    db.engine.dispose()
    return db.path


def _same(old: object, new: object) -> bool:
    return type(old) is type(new) and old == new  # 2 and 2.0 are not the same stored value


def _differences(expected: dict[str, Any], path: Path) -> list[str]:
    """Every fixture row missing or changed in the database at `path`, and every count changed."""
    problems = []
    with closing(sqlite3.connect(path)) as connection:
        present = set(table_names(connection))
        for table, held in expected["tables"].items():
            if table == "alembic_version":
                continue  # its one row is the revision, checked on its own
            if table not in present:
                problems.append(f"table {table} is gone")
                continue
            key = held["primary_key"]
            rows = table_rows(connection, table, key)
            if len(rows) != len(held["rows"]):
                problems.append(f"{table}: {len(held['rows'])} rows became {len(rows)}")
            found = {tuple(row[name] for name in key): row for row in rows}
            for old in held["rows"]:
                ident = tuple(old[name] for name in key)
                new = found.get(ident)
                if new is None:
                    problems.append(f"{table} {ident}: lost")
                    continue
                for column, value in old.items():
                    column_now = RENAMED.get((table, column), column)
                    if column_now is None:
                        continue
                    if column_now not in new:
                        problems.append(f"{table}.{column} is gone (say where in RENAMED)")
                    elif not _same(value, new[column_now]):
                        problems.append(
                            f"{table} {ident} {column}: {value!r} -> {new[column_now]!r}"
                        )
    return problems


@pytest.mark.parametrize("fixture", FIXTURES, ids=_revision)
def test_each_fixture_opens_at_head_with_every_row_intact(
    fixture: Path, data_dir: Path, clock: FakeClock
) -> None:
    opened = _open_copy(fixture, data_dir, clock)
    assert schema.stored_revision(opened) == schema.HEAD_REVISION
    with closing(sqlite3.connect(opened)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert _differences(_expected(fixture), opened) == []


@pytest.mark.parametrize(
    "fixture",
    OLDER
    or [pytest.param(None, marks=pytest.mark.skip(reason="one schema revision: none older yet"))],
    ids=lambda fixture: _revision(fixture) if fixture else "none",
)
def test_opening_an_older_fixture_backs_it_up_first(
    fixture: Path, data_dir: Path, clock: FakeClock
) -> None:
    """The backup is the file as it was before migrating: same revision, same rows."""
    _open_copy(fixture, data_dir, clock)
    backups = list_backups(backup_dir(data_dir))
    assert len(backups) == 1
    assert schema.stored_revision(backups[0].path) == _revision(fixture)
    assert read_content(backups[0].path) == _expected(fixture)


def test_every_migration_has_its_fixture_and_the_newest_is_head() -> None:
    """Adding a migration needs a fixture made at the new head; older ones are never removed."""
    scripts = ScriptDirectory(str(schema.MIGRATIONS_DIR))
    revisions = [script.revision for script in scripts.walk_revisions()]  # newest first
    fixtures = [_revision(path) for path in FIXTURES]
    missing = [revision for revision in revisions if revision not in fixtures]
    unknown = [revision for revision in fixtures if revision not in revisions]
    assert missing == [], (
        f"no fixture for schema {missing}: while it is head, run "
        "`uv run python -m tests.fixtures.schemas.make_fixture`; restore an older one from git"
    )
    assert unknown == [], f"fixtures for revisions no migration knows: {unknown}"
    assert revisions[0] == schema.HEAD_REVISION


def test_the_head_fixture_has_rows_in_every_table(tmp_path: Path) -> None:
    """A new table forces a new migration, and so a new fixture with rows in that table too."""
    copy = tmp_path / "head.sqlite3"
    shutil.copyfile(HEAD_FIXTURE, copy)
    expected = _expected(HEAD_FIXTURE)
    with closing(sqlite3.connect(copy)) as connection:
        tables = table_names(connection)
        counts = {
            t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables
        }
    assert set(tables) == {*metadata.tables, "alembic_version"}
    assert [table for table, count in counts.items() if count == 0] == []
    assert counts == {table: len(held["rows"]) for table, held in expected["tables"].items()}


@pytest.mark.parametrize("fixture", FIXTURES, ids=_revision)
def test_each_fixture_is_one_small_self_contained_file(fixture: Path) -> None:
    header = fixture.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert header[18:20] == b"\x01\x01", "written in WAL mode: it would need its -wal file"
    assert fixture.stat().st_size <= 512 * 1024
    assert fixture.with_suffix(".json").is_file()
    assert schema.stored_revision(fixture) == _revision(fixture)
    assert _expected(fixture)["revision"] == _revision(fixture)


def test_the_check_reports_a_lost_row_and_a_changed_value(tmp_path: Path) -> None:
    """The comparison itself, on a copy damaged on purpose: it must not pass vacuously."""
    copy = tmp_path / "damaged.sqlite3"
    shutil.copyfile(HEAD_FIXTURE, copy)
    with closing(sqlite3.connect(copy)) as connection, connection:
        connection.execute("UPDATE card SET text = 'overwritten' WHERE id = 1")
        connection.execute("DELETE FROM vote WHERE id = 1")
    problems = _differences(_expected(HEAD_FIXTURE), copy)
    assert any(p.startswith("card (1,) text:") for p in problems)
    assert "vote (1,): lost" in problems
    assert any(p.startswith("vote: ") for p in problems)
