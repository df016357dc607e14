"""Opening a data folder: creation, pragmas, refusing a newer schema, recovery from damage."""

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from app.db import schema
from app.db.backup import list_backups
from app.db.database import BACKUP_INTERVAL_SECONDS, Database
from app.db.models import Workshop
from app.paths import database_path
from app.services.workshops import create_workshop, list_workshops
from tests.conftest import FakeClock


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _titles(db: Database) -> list[str]:
    return sorted(workshop.title for workshop in list_workshops(db))


def test_a_new_folder_gets_a_stamped_database_with_the_pragmas(db: Database) -> None:
    assert schema.stored_revision(db.path) == schema.head_revision()
    with db.engine.connect() as connection:
        pragma = connection.exec_driver_sql
        assert pragma("PRAGMA journal_mode").scalar() == "wal"
        assert pragma("PRAGMA foreign_keys").scalar() == 1
        assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
        assert pragma("PRAGMA busy_timeout").scalar() == 5000


def test_what_is_written_is_there_after_reopening(db: Database, clock: FakeClock) -> None:
    create_workshop(db, title="Kick-off with the care teams")
    db.close()
    again = Database.open(db.data_dir, clock=clock)
    assert _titles(again) == ["Kick-off with the care teams"]
    again.close()


def test_the_head_constant_matches_the_migrations() -> None:
    assert schema.alembic_head() == schema.HEAD_REVISION


def test_migrations_from_nothing_build_the_same_schema_as_the_tables(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.db.engine import make_engine
    from app.db.models import metadata

    engine = make_engine(tmp_path / "migrated.sqlite3")
    schema.upgrade(engine)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()
    assert differences == []


def test_a_newer_schema_is_refused_and_left_byte_for_byte(db: Database, clock: FakeClock) -> None:
    create_workshop(db, title="From the future")
    db.close()
    path = database_path(db.data_dir)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    connection.close()
    before = _digest(path)
    with pytest.raises(schema.NewerDatabaseError, match="newer version of Chorus"):
        Database.open(db.data_dir, clock=clock)
    assert _digest(path) == before
    assert sorted(p.name for p in db.data_dir.iterdir()) == ["backups", "chorus.sqlite3"]


def test_a_foreign_sqlite_file_is_refused_untouched(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = database_path(data_dir)
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
    connection.close()
    before = _digest(path)
    with pytest.raises(schema.NewerDatabaseError, match="not one Chorus made"):
        Database.open(data_dir)
    assert _digest(path) == before


def test_a_truncated_database_is_set_aside_and_the_newest_backup_restored(
    db: Database, clock: FakeClock
) -> None:
    create_workshop(db, title="Saved before the backup")
    older = db.backup_now()
    clock.advance(60)
    create_workshop(db, title="Saved in the newest backup")
    newest = db.backup_now()
    db.close()
    path = database_path(db.data_dir)
    path.write_bytes(path.read_bytes()[:4096])  # a power cut mid-write, say

    reopened = Database.open(db.data_dir, clock=clock)
    report = reopened.recovery
    assert report is not None
    assert report.restored_from is not None
    assert report.restored_from.path == newest.path != older.path
    assert newest.path.name in report.message
    assert report.damaged_path.exists()
    assert report.damaged_path.name.endswith(".damaged")
    assert _titles(reopened) == ["Saved before the backup", "Saved in the newest backup"]
    reopened.close()


def test_a_damaged_backup_is_skipped_for_an_older_sound_one(db: Database, clock: FakeClock) -> None:
    create_workshop(db, title="In the older backup")
    db.backup_now()
    clock.advance(60)
    newest = db.backup_now()
    db.close()
    newest.path.write_bytes(b"\0" * 4096)
    path = database_path(db.data_dir)
    path.write_bytes(b"\0" * 100 + path.read_bytes()[100:])  # zeroed header

    reopened = Database.open(db.data_dir, clock=clock)
    assert reopened.recovery is not None
    assert reopened.recovery.restored_from is not None
    assert reopened.recovery.restored_from.path != newest.path
    assert _titles(reopened) == ["In the older backup"]
    reopened.close()


def test_with_no_sound_backup_a_fresh_database_starts_and_says_so(
    data_dir: Path, clock: FakeClock
) -> None:
    data_dir.mkdir(parents=True)
    path = database_path(data_dir)
    path.write_bytes(b"this is not a database" * 200)
    reopened = Database.open(data_dir, clock=clock)
    assert reopened.recovery is not None
    assert reopened.recovery.restored_from is None
    assert "no sound backup" in reopened.recovery.message
    assert _titles(reopened) == []
    damaged = reopened.recovery.damaged_path
    assert damaged.read_bytes() == b"this is not a database" * 200
    reopened.close()


def test_a_damaged_database_never_becomes_a_backup(db: Database, clock: FakeClock) -> None:
    create_workshop(db, title="Good")
    good = db.backup_now()
    db.engine.dispose()
    path = database_path(db.data_dir)
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 2] = b"\xff" * 4096  # wreck a page in the middle
    path.write_bytes(bytes(data))
    clock.advance(3600)
    with pytest.raises(Exception, match=r"check|malformed|not a database"):
        db.backup_now()
    assert [backup.path for backup in list_backups(db.backups_dir)] == [good.path]
    assert not list(db.backups_dir.glob("*.partial"))


def test_backups_are_made_at_most_every_half_hour_while_something_changes(
    db: Database, clock: FakeClock
) -> None:
    create_workshop(db, title="First change of the session")
    assert len(list_backups(db.backups_dir)) == 1  # never backed up before: at once
    clock.advance(BACKUP_INTERVAL_SECONDS - 1)
    create_workshop(db, title="Too soon")
    assert len(list_backups(db.backups_dir)) == 1
    clock.advance(1)
    create_workshop(db, title="Half an hour later")
    assert len(list_backups(db.backups_dir)) == 2
    clock.advance(BACKUP_INTERVAL_SECONDS * 3)
    assert db.backup_if_due() is None  # nothing changed since


def test_the_stored_rows_survive_a_restart_of_the_engine(db: Database) -> None:
    create_workshop(db, title="Ünïcode ✓ 日本語")
    db.engine.dispose()
    with db.read() as session:
        assert session.exec(select(Workshop.title)).one() == "Ünïcode ✓ 日本語"
