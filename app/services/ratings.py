"""Ratings on named scales, by each participant or once for the whole group.

There is at most one rating per (step, scale, participant) and one group rating (no participant)
per (step, scale). SQL UNIQUE treats NULLs as distinct, so the upsert finds the row with IS NULL
itself. Ratings of a removed participant are left in place but not summarised, so restoring the
participant brings them back.
"""

import math
import statistics
from dataclasses import dataclass

from sqlmodel import Session, col, or_, select
from sqlmodel.sql.expression import SelectOfScalar

from app.db.database import Database
from app.db.models import Participant, Rating
from app.services.capture_steps import capture_config, check_participant
from app.services.changes import Area, Changes
from app.services.errors import InvalidInputError
from exercises.model import Condition, RateCapture, Scale, Step

RaterScale = tuple[int | None, str]  # (participant id, None for the group; scale key)


@dataclass(frozen=True)
class ScaleSummary:
    key: str
    label: str
    low: int
    high: int
    count: int
    mean: float | None  # None (and the spread too) when nobody rated yet
    minimum: float | None
    maximum: float | None
    stdev: float | None  # population standard deviation: the room is the whole population
    values: tuple[float, ...]  # every rating, lowest first, for charts


def _scale(step: Step, capture: RateCapture, scale_key: str) -> Scale:
    for scale in capture.scales:
        if scale.key == scale_key:
            return scale
    keys = ", ".join(s.key for s in capture.scales)
    raise InvalidInputError(f"Step {step.title!r} has no scale {scale_key!r} (scales: {keys}).")


def _one(
    agenda_item_id: int, step_key: str, scale_key: str, participant_id: int | None
) -> SelectOfScalar[Rating]:
    query = select(Rating).where(
        Rating.agenda_item_id == agenda_item_id,
        Rating.step_key == step_key,
        Rating.scale_key == scale_key,
    )
    if participant_id is None:
        return query.where(col(Rating.participant_id).is_(None))
    return query.where(Rating.participant_id == participant_id)


def _check_rater(
    session: Session, capture: RateCapture, workshop_id: int, participant_id: int | None
) -> None:
    if participant_id is None:
        return
    if not capture.per_participant:
        raise InvalidInputError("This step takes one rating for the whole group.")
    check_participant(session, workshop_id, participant_id)


def set_rating(
    db: Database,
    agenda_item_id: int,
    step_key: str,
    scale_key: str,
    value: float,
    *,
    participant_id: int | None = None,
) -> Changes:
    """Record or replace one rating; participant_id None is the group's rating."""
    with db.write() as session:
        item, step, capture = capture_config(session, agenda_item_id, step_key, RateCapture)
        scale = _scale(step, capture, scale_key)
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or not scale.low <= value <= scale.high
        ):
            raise InvalidInputError(
                f"{scale.label} takes a value from {scale.low} to {scale.high}."
            )
        _check_rater(session, capture, item.workshop_id, participant_id)
        query = _one(agenda_item_id, step_key, scale_key, participant_id)
        rating = session.exec(query.order_by(col(Rating.id))).first()
        if rating is None:
            rating = Rating(
                agenda_item_id=agenda_item_id,
                step_key=step_key,
                scale_key=scale_key,
                participant_id=participant_id,
                value=float(value),
            )
        rating.value = float(value)
        session.add(rating)
        session.flush()
        assert rating.id is not None
        return Changes.of(Area.RATINGS, workshop_id=item.workshop_id, ids=(rating.id,))


def clear_rating(
    db: Database,
    agenda_item_id: int,
    step_key: str,
    scale_key: str,
    *,
    participant_id: int | None = None,
) -> Changes:
    """Remove one rating (a no-op when there is none). Ids: the rows removed."""
    with db.write() as session:
        item, step, capture = capture_config(session, agenda_item_id, step_key, RateCapture)
        _scale(step, capture, scale_key)
        rows = session.exec(_one(agenda_item_id, step_key, scale_key, participant_id)).all()
        removed = tuple(row.id for row in rows if row.id is not None)
        for row in rows:
            session.delete(row)
        return Changes.of(Area.RATINGS, workshop_id=item.workshop_id, ids=removed)


def interpretations(capture: RateCapture, summaries: list[ScaleSummary]) -> tuple[str, ...]:
    """The exercise's texts whose every condition holds for the current averages, in order."""
    means = {summary.key: summary.mean for summary in summaries}

    def holds(condition: Condition) -> bool:
        mean = means.get(condition.scale)
        return mean is not None and condition.holds(mean)

    return tuple(i.text for i in capture.interpretations if all(map(holds, i.when)))


def list_ratings(db: Database, agenda_item_id: int, step_key: str) -> dict[RaterScale, float]:
    """Every rating of the step by (participant id or None for the group, scale key), so a grid
    can show who gave what. Ratings of removed participants are included (they come back)."""
    with db.read() as session:
        capture_config(session, agenda_item_id, step_key, RateCapture)
        rows = session.exec(
            select(Rating).where(
                Rating.agenda_item_id == agenda_item_id, Rating.step_key == step_key
            )
        ).all()
    return {(row.participant_id, row.scale_key): row.value for row in rows}


def rating_summary(db: Database, agenda_item_id: int, step_key: str) -> list[ScaleSummary]:
    """Per scale, in the exercise's order: how many rated, and where the room stands."""
    with db.read() as session:
        _, _, capture = capture_config(session, agenda_item_id, step_key, RateCapture)
        rows = session.exec(
            select(Rating)
            .outerjoin(Participant, col(Rating.participant_id) == col(Participant.id))
            .where(
                Rating.agenda_item_id == agenda_item_id,
                Rating.step_key == step_key,
                or_(col(Rating.participant_id).is_(None), col(Participant.deleted_at).is_(None)),
            )
        ).all()
    by_scale: dict[str, list[float]] = {scale.key: [] for scale in capture.scales}
    for row in rows:
        by_scale.setdefault(row.scale_key, []).append(row.value)
    summaries = []
    for scale in capture.scales:
        values = sorted(by_scale[scale.key])
        mean = statistics.fmean(values) if values else None
        summaries.append(
            ScaleSummary(
                key=scale.key,
                label=scale.label,
                low=scale.low,
                high=scale.high,
                count=len(values),
                mean=mean,
                minimum=values[0] if values else None,
                maximum=values[-1] if values else None,
                stdev=statistics.pstdev(values) if values else None,
                values=tuple(values),
            )
        )
    return summaries
