"""The agenda: exercise runs in order, minutes per step, computed start times, time against plan."""

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass

from sqlmodel import Session, col, select

from app.db.database import Database
from app.db.models import AgendaItem, RunStep, Workshop, utc_now
from app.services.changes import Area, Changes
from app.services.common import get_any_row, get_row
from app.services.errors import InvalidInputError, NotFoundError
from exercises.model import Exercise

MAX_STEP_MINUTES = 480


@functools.lru_cache(maxsize=256)
def _parse_definition(definition_json: str) -> Exercise:
    return Exercise.model_validate_json(definition_json)


def exercise_of(item: AgendaItem) -> Exercise:
    """The frozen definition the run was made from (never the library's current one)."""
    return _parse_definition(item.definition_json)


def live_items(session: Session, workshop_id: int) -> list[AgendaItem]:
    query = (
        select(AgendaItem)
        .where(AgendaItem.workshop_id == workshop_id, col(AgendaItem.deleted_at).is_(None))
        .order_by(col(AgendaItem.position), col(AgendaItem.id))
    )
    return list(session.exec(query).all())


def steps_of(session: Session, item_id: int) -> list[RunStep]:
    query = select(RunStep).where(RunStep.agenda_item_id == item_id).order_by(col(RunStep.position))
    return list(session.exec(query).all())


def _check_minutes(minutes: int) -> None:
    if not 1 <= minutes <= MAX_STEP_MINUTES:
        raise InvalidInputError(f"A step takes between 1 and {MAX_STEP_MINUTES} minutes.")


def insert_item(
    session: Session,
    workshop_id: int,
    exercise: Exercise,
    *,
    index: int | None = None,
    minutes: dict[str, int] | None = None,
    only_steps: Iterable[str] | None = None,
) -> AgendaItem:
    """Add inside an open transaction; shared by the agenda, templates and the bundle import.

    `only_steps` runs part of the exercise (a check-out round on its own, say).
    """
    overrides = minutes or {}
    all_keys = [step.key for step in exercise.steps]
    chosen = set(all_keys if only_steps is None else only_steps)
    unknown = (set(overrides) | chosen) - set(all_keys)
    if unknown:
        raise InvalidInputError(f"{exercise.title} has no step {sorted(unknown)[0]!r}.")
    if not chosen:
        raise InvalidInputError(f"Choose at least one step of {exercise.title}.")
    missing = exercise.missing_sources(chosen)
    if missing:
        needs, needed = (exercise.step(key).title for key in missing[0])
        raise InvalidInputError(f"Step {needs!r} needs step {needed!r} of {exercise.title}.")
    for value in overrides.values():
        _check_minutes(value)
    items = live_items(session, workshop_id)
    index = len(items) if index is None else max(0, min(index, len(items)))
    item = AgendaItem(
        workshop_id=workshop_id,
        exercise_key=exercise.key,
        exercise_version=exercise.version,
        definition_json=exercise.model_dump_json(),
    )
    items.insert(index, item)
    session.add(item)
    session.flush()
    assert item.id is not None
    kept = [step for step in exercise.steps if step.key in chosen]
    for position, step in enumerate(kept):
        session.add(
            RunStep(
                agenda_item_id=item.id,
                step_key=step.key,
                position=position,
                planned_minutes=overrides.get(step.key, step.minutes),
            )
        )
    _renumber(session, items)
    return item


def _renumber(session: Session, items: list[AgendaItem]) -> None:
    for position, item in enumerate(items):
        if item.position != position:
            item.position = position
            session.add(item)


def add_exercise(
    db: Database, workshop_id: int, exercise: Exercise, index: int | None = None
) -> Changes:
    with db.write() as session:
        get_row(session, Workshop, workshop_id, "Workshop")
        item = insert_item(session, workshop_id, exercise, index=index)
        assert item.id is not None
        return Changes.of(Area.AGENDA, workshop_id=workshop_id, ids=(item.id,))


def remove_item(db: Database, item_id: int) -> Changes:
    """Kept with everything captured in it, so undo (restore_item) brings all of it back."""
    with db.write() as session:
        item = get_row(session, AgendaItem, item_id, "Agenda item")
        item.deleted_at = utc_now()
        session.add(item)
        session.flush()
        _renumber(session, live_items(session, item.workshop_id))
        return Changes.of(Area.AGENDA, workshop_id=item.workshop_id, ids=(item_id,))


def restore_item(db: Database, item_id: int, index: int | None = None) -> Changes:
    with db.write() as session:
        item = get_any_row(session, AgendaItem, item_id, "Agenda item")
        items = live_items(session, item.workshop_id)
        if item.deleted_at is not None:
            item.deleted_at = None
            items.insert(len(items) if index is None else max(0, min(index, len(items))), item)
            _renumber(session, items)
            session.add(item)
        return Changes.of(Area.AGENDA, workshop_id=item.workshop_id, ids=(item_id,))


def move_item(db: Database, item_id: int, index: int) -> Changes:
    with db.write() as session:
        item = get_row(session, AgendaItem, item_id, "Agenda item")
        items = [other for other in live_items(session, item.workshop_id) if other.id != item_id]
        items.insert(max(0, min(index, len(items))), item)
        _renumber(session, items)
        return Changes.of(Area.AGENDA, workshop_id=item.workshop_id, ids=(item_id,))


def set_step_minutes(db: Database, item_id: int, step_key: str, minutes: int) -> Changes:
    _check_minutes(minutes)
    with db.write() as session:
        item = get_row(session, AgendaItem, item_id, "Agenda item")
        step = session.exec(
            select(RunStep).where(RunStep.agenda_item_id == item_id, RunStep.step_key == step_key)
        ).first()
        if step is None:
            raise NotFoundError(f"Step {step_key!r} is not part of this agenda item.")
        step.planned_minutes = minutes
        session.add(step)
        return Changes.of(Area.AGENDA, workshop_id=item.workshop_id, ids=(item_id,))


@dataclass(frozen=True)
class StepPlan:
    run_step_id: int
    key: str
    title: str
    minutes: int
    start_offset: int  # minutes from the start of the workshop
    starts_at: dt.time | None
    started_at: dt.datetime | None  # as it really happened
    ended_at: dt.datetime | None


@dataclass(frozen=True)
class ItemPlan:
    item_id: int
    exercise: Exercise
    steps: tuple[StepPlan, ...]
    start_offset: int
    starts_at: dt.time | None
    minutes: int

    @property
    def partial(self) -> bool:
        """True when the item runs only some of its exercise's steps."""
        return len(self.steps) < len(self.exercise.steps)

    @property
    def title(self) -> str:
        """The exercise's title, or the titles of the steps it runs when only some."""
        if self.partial:
            return " / ".join(step.title for step in self.steps)
        return self.exercise.title


@dataclass(frozen=True)
class AgendaPlan:
    workshop_id: int
    items: tuple[ItemPlan, ...]
    total_minutes: int
    minutes_available: int | None

    @property
    def over_by(self) -> int:
        """Minutes beyond the time available (0 when it fits or no time is set)."""
        if self.minutes_available is None:
            return 0
        return max(0, self.total_minutes - self.minutes_available)


def _clock(start: dt.time | None, offset: int) -> dt.time | None:
    if start is None:
        return None
    moment = dt.datetime.combine(dt.date(2000, 1, 1), start) + dt.timedelta(minutes=offset)
    return moment.time()


def agenda_plan(db: Database, workshop_id: int) -> AgendaPlan:
    with db.read() as session:
        workshop = get_row(session, Workshop, workshop_id, "Workshop")
        offset = 0
        items = []
        for item in live_items(session, workshop_id):
            assert item.id is not None
            exercise = exercise_of(item)
            item_start = offset
            steps = []
            for run_step in steps_of(session, item.id):
                assert run_step.id is not None
                steps.append(
                    StepPlan(
                        run_step.id,
                        run_step.step_key,
                        exercise.step(run_step.step_key).title,
                        run_step.planned_minutes,
                        offset,
                        _clock(workshop.start_time, offset),
                        run_step.started_at,
                        run_step.ended_at,
                    )
                )
                offset += run_step.planned_minutes
            items.append(
                ItemPlan(
                    item.id,
                    exercise,
                    tuple(steps),
                    item_start,
                    _clock(workshop.start_time, item_start),
                    offset - item_start,
                )
            )
        return AgendaPlan(workshop_id, tuple(items), offset, workshop.minutes_available)
