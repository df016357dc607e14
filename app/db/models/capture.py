"""What the room produced during a step: cards, themes, votes, ratings, a system map."""

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, text
from sqlmodel import Field, SQLModel

from app.db.models.base import utc_now


class Cluster(SQLModel, table=True):
    """A theme, made in a cluster step, grouping cards of that step's source."""

    id: int | None = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="agendaitem.id", ondelete="CASCADE", index=True)
    step_key: str = Field(max_length=48)
    name: str
    position: int = 0
    deleted_at: datetime | None = None


class Card(SQLModel, table=True):
    # The add-card hot path asks for max(position) within one step.
    __table_args__ = (Index("ix_card_step_position", "agenda_item_id", "step_key", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="agendaitem.id", ondelete="CASCADE", index=True)
    step_key: str = Field(max_length=48)
    text: str
    author_id: int | None = Field(
        default=None, foreign_key="participant.id", ondelete="SET NULL", index=True
    )
    category: str | None = None
    cluster_id: int | None = Field(
        default=None, foreign_key="cluster.id", ondelete="SET NULL", index=True
    )
    position: int = 0
    created_at: datetime = Field(default_factory=utc_now)
    updated_at: datetime = Field(default_factory=utc_now)
    deleted_at: datetime | None = None


class Vote(SQLModel, table=True):
    """Dots given in a vote step to one card or one theme."""

    __table_args__ = (
        CheckConstraint("(card_id IS NULL) != (cluster_id IS NULL)", name="one_target"),
        CheckConstraint("count >= 0", name="count_not_negative"),
        Index("uq_vote_card", "agenda_item_id", "step_key", "card_id", unique=True),
        Index("uq_vote_cluster", "agenda_item_id", "step_key", "cluster_id", unique=True),
    )

    id: int | None = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="agendaitem.id", ondelete="CASCADE", index=True)
    step_key: str = Field(max_length=48)
    card_id: int | None = Field(default=None, foreign_key="card.id", ondelete="CASCADE")
    cluster_id: int | None = Field(default=None, foreign_key="cluster.id", ondelete="CASCADE")
    count: int = 0


class Rating(SQLModel, table=True):
    """One value on one scale, by a participant or (participant_id empty) by the group."""

    # UNIQUE treats NULLs as distinct, so the group's rating needs its own partial index.
    __table_args__ = (
        Index(
            "uq_rating_person",
            "agenda_item_id",
            "step_key",
            "scale_key",
            "participant_id",
            unique=True,
            sqlite_where=text("participant_id IS NOT NULL"),
        ),
        Index(
            "uq_rating_group",
            "agenda_item_id",
            "step_key",
            "scale_key",
            unique=True,
            sqlite_where=text("participant_id IS NULL"),
        ),
    )

    id: int | None = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="agendaitem.id", ondelete="CASCADE", index=True)
    step_key: str = Field(max_length=48)
    scale_key: str = Field(max_length=48)
    participant_id: int | None = Field(
        default=None, foreign_key="participant.id", ondelete="CASCADE"
    )
    value: float


class MapNode(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="agendaitem.id", ondelete="CASCADE", index=True)
    step_key: str = Field(max_length=48)
    label: str
    kind: str = ""
    x: float = 0.0
    y: float = 0.0


class MapLink(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    agenda_item_id: int = Field(foreign_key="agendaitem.id", ondelete="CASCADE", index=True)
    step_key: str = Field(max_length=48)
    source_id: int = Field(foreign_key="mapnode.id", ondelete="CASCADE")
    target_id: int = Field(foreign_key="mapnode.id", ondelete="CASCADE")
    label: str = ""
