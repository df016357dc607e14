"""Put a backup (or any Chorus database file) in place of the live one, keeping the old one."""

import sqlite3
from datetime import datetime
from pathlib import Path

from app.db import schema
from app.db.backup import BackupError, BackupFile, make_backup, quick_check
from app.db.recovery import SIDE_FILES, install_copy
from app.paths import backup_dir, database_path


def restore_from(data_dir: Path, source: Path, now: datetime) -> BackupFile | None:
    """Check `source`, back up the live database, then swap. Returns the safety backup made.

    The live WAL is checkpointed away first: a stale -wal beside a restored file would be
    replayed onto it.
    """
    problem = quick_check(source)
    if problem is not None:
        raise BackupError(f"{source} is not a sound SQLite database ({problem}).")
    revision = schema.stored_revision(source)
    if revision is None:
        raise BackupError(f"{source} is not a Chorus database.")
    schema.check_known(revision, source)
    database = database_path(data_dir)
    safety = None
    if database.exists() and quick_check(database) is None:
        safety = make_backup(database, backup_dir(data_dir), now)
        connection = sqlite3.connect(database)
        try:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
    data_dir.mkdir(parents=True, exist_ok=True)
    for suffix in SIDE_FILES:
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    install_copy(source, database)
    return safety
