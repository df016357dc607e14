"""The process that gets killed: it captures cards and drives the run through the same service
calls the runner makes, and reports each change only after the call has returned, that is after
the service said it was saved.

Reports go to an append-only log, one line per event, each written with a single os.write, so a
SIGKILL leaves whole lines for what was acknowledged and at most one line cut short. A line
`begin <op>` precedes each change of the run, so the parent knows when one was in flight.
"""

import json
import os
import random
import time
from dataclasses import dataclass
from pathlib import Path

from app.db.database import Database
from app.db.models import RunState
from app.services.cards import add_card
from app.services.run_state import extend_timer, pause_timer, start_timer, step_by


@dataclass(frozen=True)
class Target:
    """Where the cards go and which run is driven; the parent made them."""

    data_dir: Path
    log: Path
    workshop_id: int
    agenda_item_id: int
    step_key: str
    round_number: int
    seed: int
    backup_every: int = 25  # cards between backups, so some kills land in a backup


def _report(log_fd: int, record: dict[str, object]) -> None:
    os.write(log_fd, (json.dumps(record, separators=(",", ":")) + "\n").encode("utf-8"))


def run_state_record(db: Database, workshop_id: int) -> dict[str, object]:
    """The run's step and timer as stored: what a restarted runner would read."""
    with db.read() as session:
        state = session.get(RunState, workshop_id)
        assert state is not None
        return {
            "step": state.run_step_id,
            "deadline": state.deadline_epoch,
            "paused": state.paused_remaining,
            "budget": state.budget_seconds,
        }


def _change_run(db: Database, target: Target, rng: random.Random) -> str:
    choice = rng.choice(("next", "previous", "start", "pause", "extend"))
    if choice in ("next", "previous"):
        step_by(db, target.workshop_id, 1 if choice == "next" else -1)
    elif choice == "start":
        start_timer(db, target.workshop_id)
    elif choice == "pause":
        pause_timer(db, target.workshop_id)
    else:
        extend_timer(db, target.workshop_id, 60)
    return choice


def capture_until_killed(target: Target) -> None:
    """Open the data folder as the app does, then add cards and move the run, forever."""
    rng = random.Random(target.seed)
    log_fd = os.open(target.log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    db = Database.open(target.data_dir, clock=time.time)
    _report(log_fd, {"event": "ready"})
    number = 0
    while True:
        if rng.random() < 0.15:
            _report(log_fd, {"event": "begin"})
            operation = _change_run(db, target, rng)
            _report(
                log_fd,
                {"event": "run", "op": operation, **run_state_record(db, target.workshop_id)},
            )
            continue
        number += 1
        text = f"round {target.round_number} card {number} — écrit à la main"
        changes = add_card(db, target.agenda_item_id, target.step_key, text)
        _report(log_fd, {"event": "card", "id": changes.id, "text": text})
        if number % target.backup_every == 0:
            db.backup_now()
            _report(log_fd, {"event": "backup"})
