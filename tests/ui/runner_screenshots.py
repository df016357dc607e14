"""Screenshots of the runner in each capture mode and of the projector (used by make_screenshots).

The demo workshop has captured content in every mode, so each step shows a filled panel.
"""

from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.db.database import Database
from app.services.agenda import agenda_plan
from app.services.run_state import start_timer
from ui.main_window import MainWindow

PROJECTOR_SIZE = (1280, 720)


def _settle(app: QApplication) -> None:
    for _ in range(8):
        app.processEvents()


def first_step_of_each_mode(db: Database, workshop_id: int) -> dict[str, int]:
    """run_step_id of the first step capturing each mode (talk included)."""
    chosen: dict[str, int] = {}
    for item in agenda_plan(db, workshop_id).items:
        for step in item.steps:
            mode = str(item.exercise.step(step.key).capture.mode)
            chosen.setdefault(mode, step.run_step_id)
    return chosen


def grab_runner(app: QApplication, window: MainWindow, demo: int, out: Path, look: str) -> None:
    window.run_workshop(demo)
    steps = first_step_of_each_mode(window.store.db, demo)
    for mode, run_step_id in steps.items():
        window.runner.go_to_step(run_step_id)
        if mode == "cards":
            window.store.apply(start_timer, demo)
        _settle(app)
        window.grab().save(str(out / f"runner-{mode}-{look}.png"))
    window.runner.go_to_step(steps["cards"])
    window.runner.open_projector()
    projector = window.runner.projector
    assert projector is not None
    projector.showNormal()
    projector.resize(*PROJECTOR_SIZE)
    _settle(app)
    projector.grab().save(str(out / f"projector-prompt-{look}.png"))
    for mode in ("cards", "vote", "rate", "map"):
        window.runner.go_to_step(steps[mode])
        projector.set_results_visible(True)
        _settle(app)
        projector.grab().save(str(out / f"projector-{mode}-{look}.png"))
    window.runner.close_projector()
    window.runner.back_to_planner()
    _settle(app)
