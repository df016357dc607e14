"""Opening the data folder at start-up, and saying in plain words what went wrong, if anything.

The app never starts on a database it could not open safely: a newer or foreign file is refused
and left untouched; a damaged one was already set aside and restored by app/db, and the
facilitator is told which backup came back and from when.
"""

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from app.db.backup import BackupError
from app.db.database import Database
from app.db.schema import MigrationError, NewerDatabaseError


@dataclass(frozen=True)
class StartupProblem:
    title: str
    text: str
    fatal: bool  # True: the window cannot open on this data folder


def open_database(data_dir: Path) -> tuple[Database | None, StartupProblem | None]:
    try:
        db = Database.open(data_dir)
    except NewerDatabaseError as error:
        return None, StartupProblem(
            "Chorus cannot open this data",
            f"{error}\n\nNothing was changed. Install the newer Chorus to open this folder, "
            "or start Chorus with another data folder (chorus --data-dir FOLDER).",
            fatal=True,
        )
    except MigrationError as error:
        return None, StartupProblem(
            "Chorus cannot upgrade this data",
            f"Chorus stopped an upgrade of its data: {error}.\n\nNothing was lost: a backup "
            "was made before the upgrade began. Please report this problem.",
            fatal=True,
        )
    except (OSError, SQLAlchemyError, sqlite3.Error, BackupError) as error:
        return None, StartupProblem(
            "Chorus cannot open its data folder",
            f"Chorus could not open {data_dir}: {error}\n\nCheck that the folder exists, "
            "that you may write to it and that the disk is not full, then start Chorus again.",
            fatal=True,
        )
    if db.recovery is not None:
        restored = db.recovery.restored_from is not None
        return db, StartupProblem(
            "Your data was restored from a backup" if restored else "Your data was damaged",
            db.recovery.message,
            fatal=False,
        )
    return db, None
