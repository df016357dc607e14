"""Drafts: text typed but not yet committed, so a crash mid-sentence loses nothing.

A draft is keyed by where the text is being typed (see draft_key) and holds the text exactly as
typed, spaces included. Saving is one upsert statement, cheap enough to run on every pause in
typing; saving empty text clears the draft. When the text is committed (the card is added, the
note saved), the caller clears the draft; at start-up, list_drafts finds what a crash left behind.
"""

from sqlalchemy.dialects.sqlite import insert
from sqlmodel import col, delete, select

from app.db.database import Database
from app.db.models import Draft, utc_now
from app.services.changes import Area, Changes
from app.services.common import MAX_TEXT
from app.services.errors import InvalidInputError

MAX_KEY = 200  # the column's length


def draft_key(*parts: object) -> str:
    """A key from its parts: draft_key("card", 12, "harvest") -> "card:12:harvest"."""
    return _check_key(":".join(str(part) for part in parts))


def _check_key(key: str) -> str:
    if not key.strip():
        raise InvalidInputError("A draft needs a key.")
    if len(key) > MAX_KEY:
        raise InvalidInputError(f"A draft key is at most {MAX_KEY} characters.")
    return key


def save_draft(db: Database, key: str, text: str, *, workshop_id: int | None = None) -> Changes:
    """Keep typed text; tied to a workshop, it goes when that workshop is deleted for good."""
    _check_key(key)
    if len(text) > MAX_TEXT:
        raise InvalidInputError(
            f"The text is too long ({len(text)} characters; at most {MAX_TEXT})."
        )
    if not text.strip():
        return clear_draft(db, key)
    now = utc_now()
    statement = (
        insert(Draft)
        .values(key=key, text=text, updated_at=now, workshop_id=workshop_id)
        .on_conflict_do_update(
            index_elements=[col(Draft.key)],
            set_={"text": text, "updated_at": now, "workshop_id": workshop_id},
        )
    )
    with db.write() as session:
        session.exec(statement)
    return Changes.of(Area.DRAFTS, workshop_id=workshop_id)


def load_draft(db: Database, key: str) -> str | None:
    with db.read() as session:
        return session.exec(select(Draft.text).where(Draft.key == key)).first()


def clear_draft(db: Database, key: str) -> Changes:
    with db.write() as session:
        session.exec(delete(Draft).where(col(Draft.key) == key))
    return Changes.of(Area.DRAFTS)


def list_drafts(db: Database, prefix: str = "") -> list[Draft]:
    """Drafts whose key starts with `prefix`, oldest first (what a crash left behind)."""
    query = select(Draft)
    if prefix:
        query = query.where(col(Draft.key).startswith(prefix, autoescape=True))
    with db.read() as session:
        return list(session.exec(query.order_by(col(Draft.updated_at), col(Draft.key))).all())
