"""Where Chorus keeps its data: --data-dir, else CHORUS_DATA_DIR, else the user's data folder."""

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "CHORUS_DATA_DIR"
DATABASE_NAME = "chorus.sqlite3"
BACKUP_FOLDER = "backups"
LOCK_NAME = "chorus.lock"  # kept by the open window (ui/single_instance.py), read by app/lock_owner


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return Path(platformdirs.user_data_dir("Chorus", appauthor=False))


def database_path(data_dir: Path) -> Path:
    return data_dir / DATABASE_NAME


def backup_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_FOLDER


def user_exercises_dir(data_dir: Path) -> Path:
    """Custom exercises imported by this user; never the code tree."""
    return data_dir / "exercises"


def lock_path(data_dir: Path) -> Path:
    return data_dir / LOCK_NAME
