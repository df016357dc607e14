"""Damage found at start-up: set aside, never deleted, the newest sound backup put back, and
the facilitator told which backup and from when.

Each kind of damage is made on a copy of a live data folder, as a crash or a power cut leaves it
(the -wal file still beside the database), because that is when a damaged log would otherwise
cost every change since the last checkpoint without a word.
"""

import hashlib
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from app.db.backup import BackupFile, list_backups
from app.db.database import Database
from app.db.wal_check import wal_path, wal_problem
from app.paths import database_path
from app.services.workshops import create_workshop, list_workshops
from tests.conftest import FakeClock

Damage = Callable[[Path], None]
PAGE = 4096


def truncate(database: Path) -> None:
    database.write_bytes(database.read_bytes()[:PAGE])


def zero_header(database: Path) -> None:
    data = database.read_bytes()
    database.write_bytes(b"\0" * 100 + data[100:])


def garbage_wal(database: Path) -> None:
    wal = wal_path(database)
    wal.write_bytes(os.urandom(wal.stat().st_size))


def garbage_wal_header(database: Path) -> None:
    wal = wal_path(database)
    data = wal.read_bytes()
    wal.write_bytes(b"garbage!" * 4 + data[32:])


KINDS: dict[str, Damage] = {
    "truncated file": truncate,
    "zeroed header": zero_header,
    "garbage in the -wal": garbage_wal,
    "garbage over the -wal's header": garbage_wal_header,
}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _titles(db: Database) -> list[str]:
    return sorted(workshop.title for workshop in list_workshops(db))


def crashed_copy(db: Database, target: Path, in_wal: bool) -> Path:
    """The data folder as a crash leaves it; `in_wal`: the latest changes only in the -wal."""
    connection = sqlite3.connect(db.path)
    try:
        if not in_wal:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copytree(db.data_dir, target)
    finally:
        connection.close()
    return target


def _live_folder(db: Database, clock: FakeClock) -> tuple[BackupFile, BackupFile]:
    create_workshop(db, title="In both backups")
    older = db.backup_now()
    clock.advance(90 * 60)
    create_workshop(db, title="In the newest backup")
    newest = db.backup_now()
    clock.advance(60)
    create_workshop(db, title="Typed after the last backup")
    return older, newest


@pytest.mark.parametrize("kind", KINDS)
def test_damage_is_set_aside_and_the_newest_sound_backup_restored(
    kind: str, db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    _older, newest = _live_folder(db, clock)
    folder = crashed_copy(db, tmp_path / "crashed", in_wal="wal" in kind)
    database = database_path(folder)
    KINDS[kind](database)
    damaged_bytes = database.read_bytes()
    backup = folder / "backups" / newest.path.name
    backup_digest = _digest(backup)

    reopened = Database.open(folder, clock=clock)
    try:
        report = reopened.recovery
        assert report is not None, kind
        assert report.restored_from is not None and report.restored_from.path == backup
        taken = newest.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        assert f"restored from the backup of {taken} ({backup.name})" in report.message
        assert str(report.damaged_path) in report.message
        assert report.damaged_path.read_bytes() == damaged_bytes  # kept as it was found
        assert report.damaged_path.name.endswith(".damaged")
        assert _titles(reopened) == ["In both backups", "In the newest backup"]
        assert _digest(backup) == backup_digest  # the backup itself is untouched
        assert _integrity(reopened.path) == "ok"
    finally:
        reopened.close()


@pytest.mark.parametrize("kind", KINDS)
def test_with_no_sound_backup_a_fresh_database_starts_and_says_so(
    kind: str, db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    _live_folder(db, clock)
    folder = crashed_copy(db, tmp_path / "crashed", in_wal="wal" in kind)
    for backup in list_backups(folder / "backups"):
        backup.path.write_bytes(b"\0" * PAGE)  # every backup damaged too
    KINDS[kind](database_path(folder))

    reopened = Database.open(folder, clock=clock)
    try:
        report = reopened.recovery
        assert report is not None and report.restored_from is None
        assert "no sound backup was found" in report.message
        assert "A new, empty database was started" in report.message
        assert _titles(reopened) == []
        assert report.damaged_path.exists()
    finally:
        reopened.close()


def test_a_damaged_database_never_overwrites_a_good_backup(
    db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    """The restored file is closed with a backup of its own; the damaged one never is."""
    _live_folder(db, clock)
    folder = crashed_copy(db, tmp_path / "crashed", in_wal=True)
    garbage_wal(database_path(folder))
    before = {b.path.name: _digest(b.path) for b in list_backups(folder / "backups")}
    reopened = Database.open(folder, clock=clock)
    create_workshop(reopened, title="After the restore")
    reopened.close()
    after = {b.path.name: _digest(b.path) for b in list_backups(folder / "backups")}
    assert {name: after[name] for name in before} == before
    newest_now = list_backups(folder / "backups")[0]
    assert newest_now.path.name not in before
    assert _backup_titles(newest_now.path) == [
        "After the restore",
        "In both backups",
        "In the newest backup",
    ]


def test_a_sound_log_left_by_a_crash_is_replayed_not_called_damage(
    db: Database, clock: FakeClock, tmp_path: Path
) -> None:
    _live_folder(db, clock)
    folder = crashed_copy(db, tmp_path / "crashed", in_wal=True)
    assert wal_path(database_path(folder)).stat().st_size > 0
    assert wal_problem(database_path(folder)) is None
    reopened = Database.open(folder, clock=clock)
    try:
        assert reopened.recovery is None
        assert "Typed after the last backup" in _titles(reopened)
    finally:
        reopened.close()


@pytest.mark.parametrize("size", [0, 1, 31])
def test_a_log_too_short_to_hold_a_frame_is_not_damage(tmp_path: Path, size: int) -> None:
    database = tmp_path / "chorus.sqlite3"
    wal_path(database).write_bytes(b"\x37" * size)
    assert wal_problem(database) is None


def _integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return "; ".join(str(row[0]) for row in connection.execute("PRAGMA integrity_check"))
    finally:
        connection.close()


def _backup_titles(path: Path) -> list[str]:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT title FROM workshop ORDER BY title").fetchall()
    finally:
        connection.close()
    return [str(row[0]) for row in rows]
