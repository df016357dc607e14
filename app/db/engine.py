"""The SQLAlchemy engine, with the pragmas every connection must carry."""

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000


def _apply_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # pysqlite's own transaction handling defers BEGIN; SQLAlchemy issues BEGIN itself below.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA foreign_keys = ON")
    finally:
        cursor.close()


WRITE_OPTION = "chorus_write"


def _begin(conn: Any) -> None:
    # A write takes the lock at BEGIN (IMMEDIATE), so a busy database waits on busy_timeout
    # instead of failing half-way through a transaction that has already read.
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path) -> Engine:
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
    )
    event.listen(engine, "connect", _apply_pragmas)
    event.listen(engine, "begin", _begin)
    return engine


def writer(engine: Engine) -> Engine:
    """The same pool, but every transaction begins IMMEDIATE."""
    return engine.execution_options(**{WRITE_OPTION: True})


def read_only_connection(path: Path) -> sqlite3.Connection:
    """Look without leaving a trace: no -wal or -shm is created beside a file we may refuse.

    With no -wal beside it, the main file holds the whole database, so `immutable` is safe;
    otherwise the WAL must be read too, which needs SQLite's shared-memory file.
    """
    uri = path.resolve().as_uri()
    has_wal = path.with_name(path.name + "-wal").exists()
    return sqlite3.connect(uri + ("?mode=ro" if has_wal else "?immutable=1"), uri=True)
