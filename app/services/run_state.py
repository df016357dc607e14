"""A live run: which step is current, and its timer as a deadline kept in the database.

While running, the timer is a wall-clock deadline; while paused, the seconds left. Reopening
after a crash recomputes the remaining time from the deadline, so the room's countdown is true.
A clock that jumps backwards cannot give more than the step's budget.
"""

import datetime as dt
from dataclasses import dataclass

from sqlmodel import Session

from app.db.database import Database
from app.db.models import AgendaItem, RunState, RunStep, Workshop, WorkshopStatus
from app.services.agenda import live_items, steps_of
from app.services.changes import Area, Changes
from app.services.common import get_row
from app.services.errors import InvalidInputError

MAX_EXTENSION_SECONDS = 8 * 3600


@dataclass(frozen=True)
class TimerView:
    workshop_id: int
    run_step_id: int | None
    agenda_item_id: int | None
    step_key: str | None
    budget_seconds: float
    remaining_seconds: float  # negative once overtime
    running: bool

    @property
    def overtime(self) -> bool:
        return self.remaining_seconds < 0


def _ordered_steps(session: Session, workshop_id: int) -> list[RunStep]:
    steps: list[RunStep] = []
    for item in live_items(session, workshop_id):
        assert item.id is not None
        steps.extend(steps_of(session, item.id))
    return steps


def _remaining(state: RunState, now: float) -> float:
    if state.deadline_epoch is not None:
        return min(state.deadline_epoch - now, state.budget_seconds)
    return state.paused_remaining if state.paused_remaining is not None else state.budget_seconds


def _view(session: Session, state: RunState, now: float) -> TimerView:
    step = session.get(RunStep, state.run_step_id) if state.run_step_id is not None else None
    return TimerView(
        state.workshop_id,
        state.run_step_id,
        step.agenda_item_id if step else None,
        step.step_key if step else None,
        state.budget_seconds,
        _remaining(state, now),
        state.deadline_epoch is not None,
    )


def _state(session: Session, workshop_id: int) -> RunState:
    state = session.get(RunState, workshop_id)
    if state is None:
        raise InvalidInputError("This workshop has not been started yet.")
    return state


def timer(db: Database, workshop_id: int) -> TimerView | None:
    """The run as it stands now, or None if the workshop was never started."""
    with db.read() as session:
        state = session.get(RunState, workshop_id)
        return None if state is None else _view(session, state, db.clock())


def _enter(session: Session, state: RunState, step: RunStep, now: float) -> None:
    """Make `step` current with a full, paused timer; the step it leaves gets its end time."""
    moment = dt.datetime.fromtimestamp(now, dt.UTC)
    if state.run_step_id is not None and state.run_step_id != step.id:
        previous = session.get(RunStep, state.run_step_id)
        if previous is not None and previous.started_at is not None:
            previous.ended_at = moment
            session.add(previous)
    state.run_step_id = step.id
    state.budget_seconds = step.planned_minutes * 60.0
    state.deadline_epoch = None
    state.paused_remaining = state.budget_seconds
    state.updated_at = moment
    session.add(state)


def start_run(db: Database, workshop_id: int) -> Changes:
    """Begin (or come back to) a run; the first step is current until told otherwise."""
    with db.write() as session:
        workshop = get_row(session, Workshop, workshop_id, "Workshop")
        steps = _ordered_steps(session, workshop_id)
        if not steps:
            raise InvalidInputError("Add an exercise to the agenda before running the workshop.")
        state = session.get(RunState, workshop_id)
        if state is None:
            state = RunState(workshop_id=workshop_id)
            _enter(session, state, steps[0], db.clock())
        workshop.status = WorkshopStatus.RUNNING
        session.add(workshop)
    return Changes.of(Area.RUN, Area.DETAILS, Area.WORKSHOPS, workshop_id=workshop_id)


def finish_run(db: Database, workshop_id: int) -> Changes:
    with db.write() as session:
        workshop = get_row(session, Workshop, workshop_id, "Workshop")
        state = _state(session, workshop_id)
        now = dt.datetime.fromtimestamp(db.clock(), dt.UTC)
        if state.run_step_id is not None:
            step = session.get(RunStep, state.run_step_id)
            if step is not None and step.started_at is not None and step.ended_at is None:
                step.ended_at = now
                session.add(step)
        state.paused_remaining = _remaining(state, db.clock())  # before the deadline goes
        state.deadline_epoch = None
        session.add(state)
        workshop.status = WorkshopStatus.DONE
        session.add(workshop)
    return Changes.of(Area.RUN, Area.DETAILS, Area.WORKSHOPS, workshop_id=workshop_id)


def go_to_step(db: Database, workshop_id: int, run_step_id: int) -> Changes:
    with db.write() as session:
        state = _state(session, workshop_id)
        step = session.get(RunStep, run_step_id)
        item = session.get(AgendaItem, step.agenda_item_id) if step else None
        if step is None or item is None or item.workshop_id != workshop_id or item.deleted_at:
            raise InvalidInputError("That step is not on this workshop's agenda.")
        _enter(session, state, step, db.clock())
    return Changes.of(Area.RUN, workshop_id=workshop_id, ids=(run_step_id,))


def step_by(db: Database, workshop_id: int, offset: int) -> Changes:
    """Next (+1) or previous (-1) step; at either end the run stays where it is."""
    with db.write() as session:
        state = _state(session, workshop_id)
        steps = _ordered_steps(session, workshop_id)
        if not steps:
            raise InvalidInputError("The agenda is empty: add an exercise to run it.")
        ids = [step.id for step in steps]
        # A current step removed from the agenda counts as "before the first", so Next lands on
        # the first remaining step instead of skipping it.
        here = ids.index(state.run_step_id) if state.run_step_id in ids else -1
        target = max(0, min(here + offset, len(steps) - 1))
        if ids[target] != state.run_step_id:
            _enter(session, state, steps[target], db.clock())
        step_id = ids[target]
        assert step_id is not None
    return Changes.of(Area.RUN, workshop_id=workshop_id, ids=(step_id,))


def start_timer(db: Database, workshop_id: int) -> Changes:
    with db.write() as session:
        state = _state(session, workshop_id)
        now = db.clock()
        if state.deadline_epoch is None:
            state.deadline_epoch = now + _remaining(state, now)
            state.paused_remaining = None
            session.add(state)
            step = session.get(RunStep, state.run_step_id) if state.run_step_id else None
            if step is not None and step.started_at is None:
                step.started_at = dt.datetime.fromtimestamp(now, dt.UTC)
                session.add(step)
    return Changes.of(Area.RUN, workshop_id=workshop_id)


def pause_timer(db: Database, workshop_id: int) -> Changes:
    with db.write() as session:
        state = _state(session, workshop_id)
        if state.deadline_epoch is not None:
            state.paused_remaining = _remaining(state, db.clock())
            state.deadline_epoch = None
            session.add(state)
    return Changes.of(Area.RUN, workshop_id=workshop_id)


def extend_timer(db: Database, workshop_id: int, seconds: float) -> Changes:
    """+1 / -1 minute and the like: moves the deadline and the budget together."""
    if abs(seconds) > MAX_EXTENSION_SECONDS:
        raise InvalidInputError("A step can be extended by at most eight hours at a time.")
    with db.write() as session:
        state = _state(session, workshop_id)
        state.budget_seconds = max(0.0, state.budget_seconds + seconds)
        if state.deadline_epoch is not None:
            state.deadline_epoch += seconds
        else:
            state.paused_remaining = _remaining(state, db.clock()) + seconds
        session.add(state)
    return Changes.of(Area.RUN, workshop_id=workshop_id)


def reset_timer(db: Database, workshop_id: int) -> Changes:
    """Back to the step's planned minutes, paused."""
    with db.write() as session:
        state = _state(session, workshop_id)
        step = session.get(RunStep, state.run_step_id) if state.run_step_id else None
        state.budget_seconds = step.planned_minutes * 60.0 if step else 0.0
        state.deadline_epoch = None
        state.paused_remaining = state.budget_seconds
        session.add(state)
    return Changes.of(Area.RUN, workshop_id=workshop_id)


def step_timings(db: Database, workshop_id: int) -> list[RunStep]:
    """Every step in agenda order with its planned minutes and actual start and end."""
    with db.read() as session:
        return _ordered_steps(session, workshop_id)
