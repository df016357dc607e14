"""Kill a capturing process at random moments and check, after each restart, that nothing it
was told is saved went missing.

Each round forks a child (tests/durability/capture_child.py) from a fork server that has already
imported the app, so a round costs a fork instead of a fresh interpreter; the child opens the
data folder itself, as the app does, and is killed with SIGKILL up to `max_delay` seconds after it
was started (one round in five: the kill may hit the start-up) or after it said it was ready:
mostly while writing, now and then during a backup. The parent then opens the folder the way a
restarted app would and compares what is stored with every acknowledgement of every round so far.
"""

import json
import multiprocessing
import os
import random
import signal
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlmodel import select

from app.db.backup import list_backups, quick_check
from app.db.database import Database
from app.db.models import Card
from app.services.agenda import add_exercise
from app.services.run_state import start_run, step_timings, timer
from app.services.workshops import create_workshop
from exercises.loader import load_exercise
from tests.durability.capture_child import Target, capture_until_killed, run_state_record

EXERCISE = Path(__file__).parents[1] / "fixtures" / "every_mode.toml"
CARDS_STEP = "harvest"  # the cards step of every_mode.toml
REMAINING_TOLERANCE = 0.5
RUN_FIELDS = ("step", "deadline", "paused", "budget")
START_UP_SHARE = 0.2  # rounds whose delay counts from the fork, so the kill may hit start-up
READY_TIMEOUT = 30.0  # seconds between the parent's clock reading and the service's


@dataclass(frozen=True)
class Setup:
    workshop_id: int
    agenda_item_id: int
    step_ids: frozenset[int]


@dataclass
class RoundResult:
    killed_after: float
    acknowledged: int  # cards acknowledged in this round
    lost: list[str]  # acknowledged cards (any round so far) missing after the restart
    integrity: str
    recovery: str | None  # a kill must never look like damage
    run_compared: bool  # False when a change of the run was in flight at the kill
    run_matches: bool
    remaining_error: float  # |what the restarted timer says - what the deadline gives|
    backups_sound: bool


@dataclass
class KillReport:
    rounds: list[RoundResult] = field(default_factory=list)

    @property
    def acknowledged(self) -> int:
        return sum(result.acknowledged for result in self.rounds)

    @property
    def lost(self) -> int:
        return len(self.rounds[-1].lost) if self.rounds else 0

    def failures(self) -> list[str]:
        """One line per broken promise; empty when every round kept every promise."""
        found = []
        for number, result in enumerate(self.rounds, 1):
            if result.lost:
                found.append(f"round {number}: lost {result.lost[:3]}")
            if result.integrity != "ok":
                found.append(f"round {number}: integrity_check says {result.integrity}")
            if result.recovery is not None:
                found.append(f"round {number}: start-up recovered: {result.recovery}")
            if not result.run_matches:
                found.append(f"round {number}: the run state differs from the last acknowledged")
            if result.remaining_error > REMAINING_TOLERANCE:
                found.append(f"round {number}: timer off by {result.remaining_error:.2f} s")
            if not result.backups_sound:
                found.append(f"round {number}: a listed backup fails quick_check")
        return found

    def summary(self) -> str:
        compared = sum(result.run_compared for result in self.rounds)
        return (
            f"{len(self.rounds)} rounds killed, {self.acknowledged} cards acknowledged, "
            f"{self.lost} lost; run state compared exactly in {compared} rounds; "
            f"{len(self.failures())} broken promises"
        )


def prepare(data_dir: Path) -> Setup:
    """A workshop with two capture exercises, its run started: what the child drives."""
    db = Database.open(data_dir)
    try:
        exercise = load_exercise(EXERCISE)
        workshop_id = create_workshop(db, title="Kill test").id
        assert workshop_id is not None
        item_id = add_exercise(db, workshop_id, exercise).id
        add_exercise(db, workshop_id, exercise)
        assert item_id is not None
        start_run(db, workshop_id)
        steps = frozenset(step.id for step in step_timings(db, workshop_id) if step.id)
        return Setup(workshop_id, item_id, steps)
    finally:
        db.close()


def read_log(log: Path) -> list[dict[str, Any]]:
    """Whole lines only: a line cut short by the kill was never acknowledged."""
    text = log.read_text("utf-8") if log.exists() else ""
    return [json.loads(line) for line in text.split("\n")[:-1]]


class KillRounds:
    """Rounds against one data folder; acknowledgements accumulate across rounds."""

    def __init__(self, data_dir: Path, seed: int, max_delay: float = 0.8) -> None:
        self.data_dir = data_dir
        self.rng = random.Random(seed)
        self.max_delay = max_delay
        self.setup = prepare(data_dir)
        self.saved: set[str] = set()
        self.run: dict[str, Any] | None = self._stored_run()
        self.report = KillReport()
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(["tests.durability.capture_child"])
        warm_up = self._context.Process(target=time.sleep, args=(0,))
        warm_up.start()  # the fork server imports the app now, not inside the first round
        warm_up.join()

    def _stored_run(self) -> dict[str, Any]:
        db = Database.open(self.data_dir)
        try:
            return run_state_record(db, self.setup.workshop_id)
        finally:
            db.close()

    def run_round(self) -> RoundResult:
        number = len(self.report.rounds) + 1
        log = self.data_dir.parent / f"kill-round-{number}.log"
        target = Target(
            self.data_dir,
            log,
            self.setup.workshop_id,
            self.setup.agenda_item_id,
            CARDS_STEP,
            number,
            seed=self.rng.getrandbits(32),
        )
        child = self._context.Process(target=capture_until_killed, args=(target,))
        delay = self.rng.uniform(0.0, self.max_delay)
        during_start_up = self.rng.random() < START_UP_SHARE
        child.start()
        if not during_start_up:
            _wait_until_ready(log)
        time.sleep(delay)
        assert child.pid is not None
        if child.exitcode is not None:
            raise RuntimeError(f"the capturing child stopped by itself ({child.exitcode})")
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        records = read_log(log)
        log.unlink(missing_ok=True)
        result = self._check_after_restart(records, delay)
        self.report.rounds.append(result)
        return result

    def _check_after_restart(self, records: list[dict[str, Any]], delay: float) -> RoundResult:
        cards = [record["text"] for record in records if record["event"] == "card"]
        self.saved.update(cards)
        run_records = [record for record in records if record["event"] in ("begin", "run")]
        in_flight = bool(run_records) and run_records[-1]["event"] == "begin"
        if run_records and not in_flight:
            self.run = {
                key: run_records[-1][key] for key in ("step", "deadline", "paused", "budget")
            }
        db = Database.open(self.data_dir)
        try:
            recovery = db.recovery.message if db.recovery else None
            with db.read() as session:
                stored = set(session.exec(select(Card.text)).all())
            stored_run = run_state_record(db, self.setup.workshop_id)
            expected = self.run if not in_flight else stored_run
            shown = timer(db, self.setup.workshop_id)
            now = time.time()
            assert shown is not None
            true_remaining = _remaining(stored_run, now)
            integrity = _integrity(db.path)
            backups_sound = all(quick_check(b.path) is None for b in list_backups(db.backups_dir))
        finally:
            db.close()
        self.run = stored_run
        return RoundResult(
            killed_after=delay,
            acknowledged=len(cards),
            lost=sorted(self.saved - stored),
            integrity=integrity,
            recovery=recovery,
            run_compared=not in_flight,
            run_matches=stored_run == expected and stored_run["step"] in self.setup.step_ids,
            remaining_error=abs(shown.remaining_seconds - true_remaining),
            backups_sound=backups_sound,
        )


def _wait_until_ready(log: Path) -> None:
    """Most delays count from the moment the child is writing, so a slow machine still kills
    it mid-capture rather than always during start-up."""
    give_up = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < give_up:
        if log.exists() and log.stat().st_size > 0:
            return
        time.sleep(0.005)
    raise RuntimeError("the capturing child never said it was ready")


def _remaining(run: dict[str, Any], now: float) -> float:
    """Time left as the room should see it: from the wall-clock deadline, or as paused."""
    if run["deadline"] is not None:
        return float(min(run["deadline"] - now, run["budget"]))
    return float(run["paused"] if run["paused"] is not None else run["budget"])


def _integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()
    return "; ".join(str(row[0]) for row in rows)
