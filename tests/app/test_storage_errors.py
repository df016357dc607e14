"""Storage trouble is told apart from refusals by SQLite's own result codes and errno values,
through every wrapper Chorus and SQLAlchemy put around them."""

import errno
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app.db.backup import BackupError
from app.db.engine import make_engine
from app.db.storage_errors import StorageKind, storage_problem
from app.files import FileWriteError, write_atomically


@pytest.fixture
def connection(tmp_path: Path) -> Iterator[sqlite3.Connection]:
    opened = sqlite3.connect(tmp_path / "probe.sqlite3", isolation_level=None)
    opened.execute("CREATE TABLE note (body TEXT NOT NULL UNIQUE)")
    yield opened
    opened.close()


def _raised(connection: sqlite3.Connection, statement: str, *args: object) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        connection.execute(statement, args)
    return caught.value


def test_a_database_that_may_not_grow_is_a_full_disk(connection: sqlite3.Connection) -> None:
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    error = _raised(connection, "INSERT INTO note VALUES (?)", "x" * 20_000)
    problem = storage_problem(error)
    assert problem is not None and problem.kind is StorageKind.FULL
    assert problem.message.startswith("Not saved yet: the disk is full.")
    assert "Free some space" in problem.summary


def test_a_read_only_database_is_reported_as_such(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA query_only = ON")
    problem = storage_problem(_raised(connection, "INSERT INTO note VALUES ('a')"))
    assert problem is not None and problem.kind is StorageKind.READ_ONLY


def test_sqlalchemy_wrapping_is_seen_through(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "missing" / "folder" / "chorus.sqlite3")
    try:
        with pytest.raises(SQLAlchemyError) as caught, engine.connect() as live:
            live.execute(text("SELECT 1"))
        problem = storage_problem(caught.value)
        assert problem is not None and problem.kind is StorageKind.READ_ONLY  # cannot open
    finally:
        engine.dispose()


def test_refusals_and_bugs_are_not_storage_trouble(connection: sqlite3.Connection) -> None:
    connection.execute("INSERT INTO note VALUES ('a')")
    assert storage_problem(_raised(connection, "INSERT INTO note VALUES ('a')")) is None
    assert storage_problem(_raised(connection, "SELECT nothing FROM note")) is None
    assert storage_problem(ValueError("A card cannot be empty.")) is None
    assert storage_problem(OSError(errno.ENOENT, "No such file")) is None


@pytest.mark.parametrize(
    ("number", "kind"),
    [
        (errno.ENOSPC, StorageKind.FULL),
        (errno.EDQUOT, StorageKind.FULL),
        (errno.EACCES, StorageKind.READ_ONLY),
        (errno.EROFS, StorageKind.READ_ONLY),
        (errno.EIO, StorageKind.FAILING),
    ],
)
def test_os_errors_behind_our_own_wrappers(number: int, kind: StorageKind) -> None:
    cause = OSError(number, os.strerror(number))
    for wrapper in (BackupError, FileWriteError):
        try:
            raise wrapper("could not write") from cause
        except wrapper as error:
            problem = storage_problem(error)
        assert problem is not None and problem.kind is kind
        assert problem.detail == os.strerror(number)


def test_an_export_to_a_full_disk_names_the_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_space(_descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    target = tmp_path / "handout.pdf"
    target.write_bytes(b"the earlier export")
    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(FileWriteError) as caught:
        write_atomically(target, b"%PDF-1.4 new")
    problem = storage_problem(caught.value)
    assert problem is not None and problem.kind is StorageKind.FULL
    assert target.read_bytes() == b"the earlier export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handout.pdf"]
