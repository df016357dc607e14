"""A migration that rebuilds a table keeps every row that points at it.

SQLite alters a table by copying it and dropping the old one; with foreign keys on, the drop
would delete the dots on cards, the ratings of a person and so on. These tests add a migration
of that kind beside a copy of the real ones and run it on the released 0001 fixture.
"""

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.db import schema
from app.db.engine import make_engine

FIXTURE = Path(__file__).parents[1] / "fixtures" / "schemas" / "chorus-0001.sqlite3"
REBUILD_CARD = '''"""rebuild card (test only)"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("card", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("colour", sa.String(), nullable=True))
{extra}

def downgrade() -> None:
    pass
'''
ORPHAN_VOTES = '    op.execute("DELETE FROM card")  # leaves votes pointing at nothing\n'


def _migrations_with(tmp_path: Path, extra: str) -> Path:
    folder = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, folder, ignore=shutil.ignore_patterns("__pycache__"))
    (folder / "versions" / "0002_rebuild_card.py").write_text(REBUILD_CARD.format(extra=extra))
    return folder


def _counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        return {t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        connection.close()


def test_rebuilding_a_table_keeps_the_rows_that_point_at_it(tmp_path: Path) -> None:
    database = tmp_path / "chorus.sqlite3"
    shutil.copyfile(FIXTURE, database)
    before = _counts(database)
    assert before["vote"] > 0 and before["card"] > 0
    engine = make_engine(database)
    try:
        schema.upgrade(engine, script_location=_migrations_with(tmp_path, ""))
    finally:
        engine.dispose()
    assert _counts(database) == before
    assert schema.stored_revision(database) == "0002"


def test_a_migration_that_would_orphan_rows_is_rolled_back(tmp_path: Path) -> None:
    database = tmp_path / "chorus.sqlite3"
    shutil.copyfile(FIXTURE, database)
    before = _counts(database)
    engine = make_engine(database)
    try:
        with pytest.raises(schema.MigrationError, match=r"would break \d+ references"):
            schema.upgrade(engine, script_location=_migrations_with(tmp_path, ORPHAN_VOTES))
        with engine.connect() as connection:  # foreign keys are back on for the app's writes
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()
    assert _counts(database) == before
    assert schema.stored_revision(database) == "0001"
