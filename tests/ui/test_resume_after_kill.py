"""After a crash mid-workshop, the window opens straight into the run, at the step the room was
on, with the countdown the wall clock gives: the process is really killed (SIGKILL) while it
captures cards and moves the run, as in tests/app/test_kill_recovery.py."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services.run_state import step_timings
from tests.durability.capture_child import run_state_record
from tests.durability.kill_rounds import KillRounds
from tests.ui.conftest import ScriptedPrompts
from ui.main_window import MainWindow
from ui.runner.timer_display import format_clock
from ui.store import Store

ROUNDS = 4
CLOCK_TOLERANCE = 1.0  # seconds: the reading is taken a moment after the window opened


@pytest.mark.slow
def test_the_runner_reopens_at_the_step_and_time_left_after_kills(
    tmp_path: Path, qtbot: QtBot, settings: QSettings, prompts: ScriptedPrompts
) -> None:
    data_dir = tmp_path / "data"
    rounds = KillRounds(data_dir, seed=5)
    for _ in range(ROUNDS):
        rounds.run_round()
    assert rounds.report.failures() == []
    db = Database.open(data_dir)
    try:
        stored = run_state_record(db, rounds.setup.workshop_id)
        steps = {step.id: step for step in step_timings(db, rounds.setup.workshop_id)}
        window = MainWindow(Store(db), settings, prompts)
        qtbot.addWidget(window)
        window.resume_interrupted_run()

        assert window.pages.currentWidget() is window.runner
        context = window.runner.context
        current = steps[stored["step"]]
        assert context is not None
        assert (context.agenda_item_id, context.step_key) == (
            current.agenda_item_id,
            current.step_key,
        )
        shown = window.runner.timer.display()
        if stored["deadline"] is not None:  # the countdown went on while the app was down
            true_remaining = min(stored["deadline"] - db.clock(), stored["budget"])
        else:
            true_remaining = stored["paused"]
        assert shown.running is (stored["deadline"] is not None)
        assert abs(shown.remaining_seconds - true_remaining) < CLOCK_TOLERANCE
        assert window.runner.timer.clock_label.text() in {
            format_clock(true_remaining + offset) for offset in (-1, 0, 1)
        }
        window.close()
    finally:
        db.close()
