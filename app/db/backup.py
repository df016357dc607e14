"""Rotating backups made with SQLite's online backup API, checked before they count.

A backup is written under a temporary name, switched out of WAL so it is one self-contained
file, checked with quick_check, and only then renamed into place: a damaged database can never
replace a good backup.
"""

import contextlib
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from app.db.engine import read_only_connection

NAME_FORMAT = "chorus-%Y%m%d-%H%M%S-%f.sqlite3"
KEEP_NEWEST = 10
KEEP_DAILY_DAYS = 14


class BackupError(Exception):
    """A backup could not be made; the previous backups are unchanged."""


@dataclass(frozen=True, order=True)
class BackupFile:
    taken_at: datetime  # aware UTC, from the file name
    path: Path


def quick_check(path: Path) -> str | None:
    """None when SQLite finds the file sound; otherwise what it found, in its own words."""
    if not path.is_file():
        return "file not found"
    try:
        connection = read_only_connection(path)
    except sqlite3.Error as error:
        return str(error)
    # A damaged page can put any bytes into SQLite's report, or into its error message (which
    # Python then fails to decode); neither may stop the verdict.
    connection.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        rows = connection.execute("PRAGMA quick_check").fetchall()
    except sqlite3.Error as error:
        return str(error)
    except UnicodeDecodeError:
        return "the database is damaged (SQLite's report of it is unreadable)"
    finally:
        connection.close()
    results = [str(row[0]) for row in rows]
    return None if results == ["ok"] else "; ".join(results[:5])


def list_backups(folder: Path) -> list[BackupFile]:
    """Backups found in the folder, newest first; files that are not ours are ignored."""
    found: list[BackupFile] = []
    if not folder.is_dir():
        return found
    for path in folder.glob("chorus-*.sqlite3"):
        try:
            taken = datetime.strptime(path.name, NAME_FORMAT).replace(tzinfo=UTC)
        except ValueError:
            continue
        found.append(BackupFile(taken, path))
    return sorted(found, reverse=True)


def make_backup(database: Path, folder: Path, now: datetime) -> BackupFile:
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / now.astimezone(UTC).strftime(NAME_FORMAT)
    temporary = final.with_name(final.name + ".partial")
    try:
        source = sqlite3.connect(database, timeout=5)
        try:
            target = sqlite3.connect(temporary)
            try:
                source.backup(target)
                target.execute("PRAGMA journal_mode = DELETE")
                target.commit()
            finally:
                target.close()
        finally:
            source.close()
        problem = quick_check(temporary)
        if problem is not None:
            raise BackupError(f"the copy of {database.name} failed its check: {problem}")
        with temporary.open("rb") as handle:
            os.fsync(handle.fileno())
        temporary.replace(final)
    except (sqlite3.Error, OSError) as error:
        raise BackupError(f"could not back up {database.name}: {error}") from error
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
    return BackupFile(now.astimezone(UTC), final)


def backups_to_keep(
    backups: Iterable[BackupFile],
    now: datetime,
    keep_newest: int = KEEP_NEWEST,
    daily_days: int = KEEP_DAILY_DAYS,
) -> set[BackupFile]:
    """The newest few, plus the newest of each day for the last two weeks."""
    ordered = sorted(backups, reverse=True)
    kept = set(ordered[:keep_newest])
    horizon = now - timedelta(days=daily_days)
    seen_days: set[object] = set()
    for backup in ordered:
        day = backup.taken_at.date()
        if backup.taken_at >= horizon and day not in seen_days:
            kept.add(backup)
        seen_days.add(day)
    return kept


def rotate(folder: Path, now: datetime) -> list[Path]:
    backups = list_backups(folder)
    kept = backups_to_keep(backups, now)
    removed = []
    for backup in backups:
        if backup not in kept:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed
