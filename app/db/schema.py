"""Schema versions: create, stamp and upgrade with Alembic, and refuse a newer database.

The stored revision is read through a read-only connection first, so a database written by a
newer Chorus is refused before anything could touch its bytes. Alembic is imported only to
create or migrate: opening a current database must not pay for it at every start.
"""

import sqlite3
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from app.db.engine import read_only_connection
from app.db.models import metadata

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# The newest revision in migrations/versions; tests/app/test_database.py checks they agree.
HEAD_REVISION = "0001"


class NewerDatabaseError(Exception):
    """The database was written by a newer Chorus; it is left exactly as it is."""


class MigrationError(Exception):
    """A migration would have broken the data; it was rolled back and the file is as before."""


class SchemaState(Enum):
    MISSING = "missing"  # no file, or an empty file: create and stamp
    CURRENT = "current"
    OLDER = "older"  # a known revision behind head: back up, then upgrade


def _config(script_location: Path = MIGRATIONS_DIR) -> "Config":
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location))
    return config


def _scripts() -> "ScriptDirectory":
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head_revision() -> str:
    return HEAD_REVISION


def alembic_head() -> str | None:
    """What Alembic finds as head by reading every migration (slow; for tests)."""
    return _scripts().get_current_head()


def stored_revision(path: Path) -> str | None:
    """The revision stamped in the file, read without writing anything."""
    connection = read_only_connection(path)
    try:
        has_table = connection.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if not has_table:
            return None
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError as error:  # a table of that name, but not Alembic's
            raise NewerDatabaseError(
                f"{path} is an SQLite database but not one Chorus made; it was left untouched."
            ) from error
        return str(row[0]) if row else None
    finally:
        connection.close()


def _has_tables(path: Path) -> bool:
    connection = read_only_connection(path)
    try:
        count: int = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        return count > 0
    finally:
        connection.close()


def inspect_schema(path: Path) -> SchemaState:
    if not path.exists() or path.stat().st_size == 0:
        return SchemaState.MISSING
    revision = stored_revision(path)
    if revision is None:
        if _has_tables(path):
            raise NewerDatabaseError(
                f"{path} is an SQLite database but not one Chorus made; it was left untouched."
            )
        return SchemaState.MISSING
    if revision == head_revision():
        return SchemaState.CURRENT
    check_known(revision, path)
    return SchemaState.OLDER


def check_known(revision: str, path: Path) -> None:
    """Refuse a revision this Chorus has no migration for: a newer Chorus made it."""
    if not any(script.revision == revision for script in _scripts().walk_revisions()):
        raise NewerDatabaseError(
            f"{path} was written by a newer version of Chorus (schema {revision}); "
            "update Chorus to open it. The file was left untouched."
        )


def create_fresh(engine: Engine) -> None:
    """A brand-new database gets the current tables at once and is stamped as head."""
    from alembic import command

    with engine.begin() as connection:
        metadata.create_all(connection)
        config = _config()
        config.attributes["connection"] = connection
        command.stamp(config, "head")


def upgrade(engine: Engine, target: str = "head", script_location: Path = MIGRATIONS_DIR) -> None:
    """Migrate in one transaction with foreign keys off, then check every reference.

    SQLite alters a table by copying it and dropping the old one; with foreign keys on, that
    drop would cascade and delete (or null) every row that points at the table. The pragma
    cannot change inside a transaction, so it is switched on the raw connection first.
    """
    from alembic import command

    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with connection.begin():
                config = _config(script_location)
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(
                        f"upgrading the database would break {len(broken)} references "
                        f"(first: {tuple(broken[0])}); it was left as it was"
                    )
        finally:
            raw.execute("PRAGMA foreign_keys = ON")
