"""The open database of one data folder: start-up checks, sessions for reads and writes, backups."""

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine
from sqlmodel import Session

from app.db import schema
from app.db.backup import (
    BackupError,
    BackupFile,
    list_backups,
    make_backup,
    quick_check,
    rotate,
)
from app.db.engine import make_engine, writer
from app.db.recovery import RecoveryReport, recover
from app.db.wal_check import wal_problem
from app.paths import backup_dir, database_path

BACKUP_INTERVAL_SECONDS = 30 * 60

Clock = Callable[[], float]


@dataclass
class Database:
    data_dir: Path
    engine: Engine
    recovery: RecoveryReport | None = None  # set when start-up restored or restarted the file
    clock: Clock = time.time
    _writer: Engine = field(init=False, repr=False)
    _changed_since_backup: bool = field(default=False, init=False)
    _last_backup: float = field(default=0.0, init=False)
    backup_problem: str | None = field(default=None, init=False)  # why the last backup failed

    def __post_init__(self) -> None:
        self._writer = writer(self.engine)
        newest = list_backups(self.backups_dir)
        self._last_backup = newest[0].taken_at.timestamp() if newest else 0.0

    @classmethod
    def open(cls, data_dir: Path, clock: Clock = time.time) -> "Database":
        """Check, recover, refuse or migrate, in that order, then hand out the database."""
        data_dir.mkdir(parents=True, exist_ok=True)
        path = database_path(data_dir)
        now = datetime.fromtimestamp(clock(), UTC)
        report = None
        if path.exists() and path.stat().st_size > 0:
            problem = wal_problem(path) or quick_check(path)
            if problem is not None:
                report = recover(path, backup_dir(data_dir), problem, now)
        state = schema.inspect_schema(path)  # raises NewerDatabaseError, touching nothing
        if state is schema.SchemaState.OLDER:
            make_backup(path, backup_dir(data_dir), now)
        engine = make_engine(path)
        if state is schema.SchemaState.MISSING:
            schema.create_fresh(engine)
        elif state is schema.SchemaState.OLDER:
            schema.upgrade(engine)
        return cls(data_dir, engine, report, clock)

    @property
    def path(self) -> Path:
        return database_path(self.data_dir)

    @property
    def backups_dir(self) -> Path:
        return backup_dir(self.data_dir)

    @contextmanager
    def read(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One short transaction, committed on leaving the block, rolled back on an error."""
        with Session(self._writer, expire_on_commit=False) as session, session.begin():
            yield session
        self._changed_since_backup = True
        self.backup_if_due()

    def backup_if_due(self) -> BackupFile | None:
        """A backup when one is due. Its failure never fails the write that was just committed:
        the caller would think the change lost and make it again. It is kept in
        `backup_problem` and tried again at the next write."""
        if not self._changed_since_backup:
            return None
        if self.clock() - self._last_backup < BACKUP_INTERVAL_SECONDS:
            return None
        try:
            return self.backup_now()
        except BackupError as error:
            self.backup_problem = str(error)
            return None

    def backup_now(self) -> BackupFile:
        now = datetime.fromtimestamp(self.clock(), UTC)
        made = make_backup(self.path, self.backups_dir, now)
        rotate(self.backups_dir, now)
        self._last_backup = made.taken_at.timestamp()
        self._changed_since_backup = False
        self.backup_problem = None
        return made

    def close(self) -> None:
        """A last backup if anything changed since the previous one, then release the file.

        The file is released even when that backup fails: everything is already committed."""
        try:
            if self._changed_since_backup:
                self.backup_now()
        except BackupError as error:
            self.backup_problem = str(error)
        finally:
            self.engine.dispose()
