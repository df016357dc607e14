"""What the facilitator is told when the database needed attention at start-up."""

import hashlib
import sqlite3
from pathlib import Path

from app.db.database import Database
from app.paths import database_path
from app.services.workshops import create_workshop, list_workshops
from tests.conftest import FakeClock
from ui.startup import open_database


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_clean_folder_opens_without_a_message(data_dir: Path) -> None:
    db, problem = open_database(data_dir)
    assert db is not None and problem is None
    db.close()


def test_a_newer_database_is_refused_in_plain_words_and_left_as_it_was(
    db: Database,
) -> None:
    create_workshop(db, title="From the future")
    db.close()
    path = database_path(db.data_dir)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_newer'")
    connection.close()
    before = _digest(path)
    opened, problem = open_database(db.data_dir)
    assert opened is None
    assert problem is not None and problem.fatal
    assert "newer version of Chorus" in problem.text
    assert "Nothing was changed" in problem.text
    assert _digest(path) == before


def test_a_restored_database_names_the_backup_and_keeps_its_work(
    db: Database, clock: FakeClock
) -> None:
    create_workshop(db, title="Kept in the backup")
    backup = db.backup_now()
    db.close()
    path = database_path(db.data_dir)
    path.write_bytes(b"\0" * 4096)  # a zeroed header
    opened, problem = open_database(db.data_dir)
    assert opened is not None
    assert problem is not None and not problem.fatal
    assert problem.title == "Your data was restored from a backup"
    assert backup.path.name in problem.text
    assert [w.title for w in list_workshops(opened)] == ["Kept in the backup"]
    opened.close()
