"""Random damage to a database or a backup never gets past start-up or restore as a crash:
each either opens (recovered, if need be) or is refused with one of the documented errors."""

import functools
import shutil
import sqlite3
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.db.backup import BackupError, quick_check
from app.db.database import Database
from app.db.restore import restore_from
from app.db.schema import NewerDatabaseError
from app.paths import database_path
from app.services.workshops import create_workshop

Flips = list[tuple[int, int]]
flips = st.lists(st.tuples(st.integers(0, 2**20), st.integers(0, 255)), min_size=1, max_size=20)


@functools.cache
def sound_database() -> bytes:
    """A small Chorus database in one file (no -wal), as a backup is."""
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder))
        for number in range(30):
            create_workshop(db, title=f"Workshop {number} · équipe 🌱")
        db.engine.dispose()
        connection = sqlite3.connect(database_path(Path(folder)))
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.close()
        return database_path(Path(folder)).read_bytes()


def damaged(changes: Flips) -> bytes:
    data = bytearray(sound_database())
    for offset, value in changes:
        data[offset % len(data)] = value
    return bytes(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=flips)
def test_a_damaged_database_opens_recovered_or_is_refused(changes: Flips) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        data_dir.mkdir()
        database_path(data_dir).write_bytes(damaged(changes))
        verdict = quick_check(database_path(data_dir))  # a verdict, never an exception
        assert verdict is None or verdict.strip()
        try:
            db = Database.open(data_dir)
        except NewerDatabaseError:
            assert database_path(data_dir).read_bytes() == damaged(changes)  # left untouched
            return
        try:
            problem = quick_check(db.path)
            assert problem is None, problem  # what start-up hands over is sound
        finally:
            db.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=flips)
@example(changes=[(74692, 128)])  # an error message in bytes that are not UTF-8
def test_restoring_a_damaged_backup_is_refused_or_sound(changes: Flips) -> None:
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder) / "data"
        backup = Path(folder) / "chorus-backup.sqlite3"
        backup.write_bytes(damaged(changes))
        live = Database.open(data_dir)
        create_workshop(live, title="The live one")
        live.close()
        before = database_path(data_dir).read_bytes()
        try:
            restore_from(data_dir, backup, datetime.now(UTC))
        except (BackupError, NewerDatabaseError):
            assert database_path(data_dir).read_bytes() == before
            return
        assert quick_check(database_path(data_dir)) is None
        shutil.rmtree(data_dir)
