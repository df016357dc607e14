"""Shared column helpers and the metadata naming convention Alembic relies on."""

from datetime import UTC, datetime

from sqlmodel import SQLModel

# Named constraints let Alembic's batch mode (SQLite table rebuilds) find and alter them later.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = SQLModel.metadata


def utc_now() -> datetime:
    """Aware UTC: SQLModel stores datetimes as UTC and gives them back aware."""
    return datetime.now(UTC)
