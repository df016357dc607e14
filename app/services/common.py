"""Small helpers shared by services: fetching rows or failing clearly, and cleaning text."""

from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func
from sqlmodel import Session, SQLModel, select

from app.services.errors import InvalidInputError, NotFoundError
from exercises.text_safety import remove_controls

Row = TypeVar("Row", bound=SQLModel)

MAX_TEXT = 20_000  # one card or note; a pasted essay beyond this is a mistake
MAX_LINE = 300  # titles, names, labels


def get_row(session: Session, table: type[Row], row_id: int, what: str) -> Row:
    row = session.get(table, row_id)
    if row is None or getattr(row, "deleted_at", None) is not None:
        raise NotFoundError(f"{what} {row_id} does not exist.")
    return row


def get_any_row(session: Session, table: type[Row], row_id: int, what: str) -> Row:
    """Like get_row, but a soft-deleted row is found too (for restore)."""
    row = session.get(table, row_id)
    if row is None:
        raise NotFoundError(f"{what} {row_id} does not exist.")
    return row


def clean_text(text: str, what: str, *, required: bool = True, limit: int = MAX_TEXT) -> str:
    """Trimmed, with invisible control codes dropped (every visible character is kept)."""
    cleaned = remove_controls(text).strip()
    if required and not cleaned:
        raise InvalidInputError(f"{what} cannot be empty.")
    if len(cleaned) > limit:
        raise InvalidInputError(f"{what} is too long ({len(cleaned)} characters; at most {limit}).")
    return cleaned


def clean_line(text: str, what: str, *, required: bool = True) -> str:
    return clean_text(" ".join(text.split()), what, required=required, limit=MAX_LINE)


def next_position(session: Session, position: Any, *where: ColumnElement[bool] | bool) -> int:
    """The position after the last row matching `where`: one aggregate, never a full read."""
    top = session.exec(select(func.max(position)).where(*where)).one()
    return 0 if top is None else int(top) + 1
