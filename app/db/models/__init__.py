"""Every table, imported together so the metadata is complete for create_all and Alembic."""

from app.db.models.agenda import AgendaItem, RunState, RunStep
from app.db.models.base import metadata, utc_now
from app.db.models.capture import Card, Cluster, MapLink, MapNode, Rating, Vote
from app.db.models.workshop import (
    Action,
    ActionStatus,
    Draft,
    Note,
    Participant,
    Workshop,
    WorkshopStatus,
)

__all__ = [
    "Action",
    "ActionStatus",
    "AgendaItem",
    "Card",
    "Cluster",
    "Draft",
    "MapLink",
    "MapNode",
    "Note",
    "Participant",
    "Rating",
    "RunState",
    "RunStep",
    "Vote",
    "Workshop",
    "WorkshopStatus",
    "metadata",
    "utc_now",
]
