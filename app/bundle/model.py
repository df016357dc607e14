"""The JSON bundle format (version 1): one workshop with everything captured in it, and its rules.

Bundles travel between coaches, so every model is strict, forbids unknown fields and bounds every
text and list. Rows point at each other by local refs ("p1", "c3"), never by database ids, so the
same workshop always exports to the same bytes. Lists are tuples, as in the exercise format, so the
exercise loader's plain-words error messages can walk these models too.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    model_validator,
)

from exercises.messages import describe
from exercises.model import (
    Exercise,
    Key,
)
from exercises.text_safety import refuse_controls

FORMAT = "chorus-workshop"
VERSION = 1
MAX_BUNDLE_BYTES = 16 * 1024 * 1024  # a 2,000-card workshop is under 1 MiB
"""A 2,000-card workshop is under 1 MiB; anything over 16 MiB is a mistake or an attack."""
MAX_FIELDS = 40
"""More keys than any object in a bundle has fields: refused as one error, not one per key."""
MAX_AGENDA_ITEMS = 500


class BundleError(Exception):
    """A bundle cannot be read, written or imported; str() is one line a coach can act on."""


def json_words(value: object) -> str:
    """describe() in JSON's words: null and objects, not Python's None and TOML's tables."""
    if value is None:
        return "null"
    return "an object" if isinstance(value, dict) else describe(value)


def _as_text(value: Any) -> Any:
    """Dates and times must be ISO text in the file (or real objects when exporting)."""
    if isinstance(value, str | dt.date | dt.time):
        return value
    raise ValueError(f"expected a date or time as ISO text, got {json_words(value)}")


def _utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def _local_time(value: dt.time) -> dt.time:
    if value.tzinfo is not None:
        raise ValueError("expected a time of day without a time zone")
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be blank")
    return refuse_controls(value, "\t")


def _one_line(value: str) -> str:
    return refuse_controls(value, "\t")


Ref = Annotated[str, Field(min_length=1, max_length=24, pattern=r"^[A-Za-z0-9_-]+$")]
Line = Annotated[str, Field(max_length=300), AfterValidator(_one_line)]
Text = Annotated[str, Field(max_length=20_000), AfterValidator(refuse_controls)]
Title = Annotated[str, Field(min_length=1, max_length=300), AfterValidator(_not_blank)]
Coordinate = Annotated[float, Field(ge=-1e7, le=1e7, allow_inf_nan=False)]
Moment = Annotated[
    AwareDatetime, BeforeValidator(_as_text), Field(strict=False), AfterValidator(_utc)
]
Day = Annotated[dt.date, BeforeValidator(_as_text), Field(strict=False)]
TimeOfDay = Annotated[
    dt.time, BeforeValidator(_as_text), Field(strict=False), AfterValidator(_local_time)
]


def _bounded(limit: int) -> Any:
    """A bounded list field; strict items, but the container may come as a JSON array.

    It stops at its first bad item: pydantic checks every item before the length, and a hostile
    file of millions of bad items would otherwise cost an error (and a gigabyte) per million.
    """
    return Field(default=(), max_length=limit, strict=False, fail_fast=True)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _few_fields(cls, data: Any) -> Any:
        """Millions of unknown keys would otherwise make millions of errors."""
        if isinstance(data, dict) and len(data) > MAX_FIELDS:
            raise ValueError(f"expected at most {MAX_FIELDS} fields, got {len(data)}")
        return data


class WorkshopData(_Model):
    title: Title
    purpose: Text = ""
    organisation: Line = ""
    date: Day | None = None
    start_time: TimeOfDay | None = None
    minutes_available: int | None = Field(default=None, ge=1, le=7 * 24 * 60)
    location: Line = ""
    facilitator: Line = ""
    status: Literal["planned", "running", "done"] = "planned"


class ParticipantData(_Model):
    ref: Ref
    name: Line = ""
    vantage_point: Line = ""


class StepData(_Model):
    """The minutes planned for one step and, once run, when it really started and ended."""

    key: Key
    planned_minutes: int = Field(ge=1, le=480)
    started_at: Moment | None = None
    ended_at: Moment | None = None


class ClusterData(_Model):
    ref: Ref
    step: Key
    name: Line


class CardData(_Model):
    """A card; its times are content (when it was said), so they travel with it."""

    ref: Ref
    step: Key
    text: Text
    author: Ref | None = None
    category: Key | None = None
    cluster: Ref | None = None
    created_at: Moment
    updated_at: Moment


class VoteData(_Model):
    step: Key
    card: Ref | None = None
    cluster: Ref | None = None
    count: int = Field(ge=0, le=100_000)

    @model_validator(mode="after")
    def _one_target(self) -> VoteData:
        if (self.card is None) == (self.cluster is None):
            raise ValueError("a vote goes to exactly one card or one cluster")
        return self


class RatingData(_Model):
    """One value on one scale, by a participant or, without one, by the whole group."""

    step: Key
    scale: Key
    participant: Ref | None = None
    value: float = Field(allow_inf_nan=False)


class MapNodeData(_Model):
    ref: Ref
    step: Key
    label: Line
    kind: Line = ""
    x: Coordinate = 0.0
    y: Coordinate = 0.0


class MapLinkData(_Model):
    step: Key
    source: Ref
    target: Ref
    label: Line = ""


class NoteData(_Model):
    """A private facilitator note on the workshop."""

    text: Text = ""
    created_at: Moment
    updated_at: Moment


class ItemNoteData(NoteData):
    """A private facilitator note on an agenda item, or on one of its steps."""

    step: Key | None = None


class AgendaItemData(_Model):
    """One exercise run: its frozen definition, timings and everything captured in it."""

    ref: Ref
    exercise: Exercise
    steps: tuple[StepData, ...] = _bounded(40)
    clusters: tuple[ClusterData, ...] = _bounded(10_000)
    cards: tuple[CardData, ...] = _bounded(100_000)
    votes: tuple[VoteData, ...] = _bounded(100_000)
    ratings: tuple[RatingData, ...] = _bounded(100_000)
    map_nodes: tuple[MapNodeData, ...] = _bounded(10_000)
    map_links: tuple[MapLinkData, ...] = _bounded(50_000)
    notes: tuple[ItemNoteData, ...] = _bounded(10_000)


class ActionData(_Model):
    """What, who, by when; `item` and `step` say where it was agreed, when known."""

    item: Ref | None = None
    step: Key | None = None
    what: Text
    owner: Line = ""
    due: Day | None = None
    status: Literal["open", "done"] = "open"
    created_at: Moment


class Bundle(_Model):
    """One workshop as a file: what `chorus export --format json` writes and `import` reads."""

    format: Literal["chorus-workshop"] = "chorus-workshop"
    version: Literal[1] = 1
    exported_at: Moment
    app_version: Line
    workshop: WorkshopData
    participants: tuple[ParticipantData, ...] = _bounded(5_000)
    agenda: tuple[AgendaItemData, ...] = _bounded(MAX_AGENDA_ITEMS)
    actions: tuple[ActionData, ...] = _bounded(10_000)
    notes: tuple[NoteData, ...] = _bounded(10_000)
