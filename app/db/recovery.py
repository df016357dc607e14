"""Start-up check: a damaged database is set aside and the newest sound backup put in its place."""

import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app.db.backup import BackupFile, list_backups, quick_check

SIDE_FILES = ("-wal", "-shm", "-journal")


@dataclass(frozen=True)
class RecoveryReport:
    damaged_path: Path  # where the damaged file now lies
    problem: str
    restored_from: BackupFile | None  # None: no sound backup, a fresh database was started

    @property
    def message(self) -> str:
        if self.restored_from is None:
            return (
                f"The database was damaged ({self.problem}) and no sound backup was found. "
                f"A new, empty database was started; the damaged file is kept at "
                f"{self.damaged_path}."
            )
        taken = self.restored_from.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        return (
            f"The database was damaged ({self.problem}). It was restored from the backup of "
            f"{taken} ({self.restored_from.path.name}); the damaged file is kept at "
            f"{self.damaged_path}."
        )


def set_aside(database: Path, now: datetime) -> Path:
    """Move the file and its WAL companions to `<name>.<stamp>.damaged`; nothing is deleted."""
    stamp = now.astimezone(UTC).strftime("%Y%m%d-%H%M%S")
    target = database.with_name(f"{database.name}.{stamp}.damaged")
    counter = 1
    while target.exists():
        target = database.with_name(f"{database.name}.{stamp}-{counter}.damaged")
        counter += 1
    database.replace(target)
    for suffix in SIDE_FILES:
        side = database.with_name(database.name + suffix)
        if side.exists():
            side.replace(target.with_name(target.name + suffix))
    return target


def newest_sound_backup(folder: Path) -> BackupFile | None:
    for backup in list_backups(folder):
        if quick_check(backup.path) is None:
            return backup
    return None


def install_copy(source: Path, database: Path) -> None:
    """Copy under a temporary name and rename, so a crash never leaves half a database."""
    temporary = database.with_name(database.name + ".restoring")
    shutil.copyfile(source, temporary)
    temporary.replace(database)


def recover(database: Path, backups: Path, problem: str, now: datetime) -> RecoveryReport:
    damaged = set_aside(database, now)
    backup = newest_sound_backup(backups)
    if backup is not None:
        install_copy(backup.path, database)
    return RecoveryReport(damaged, problem, backup)
