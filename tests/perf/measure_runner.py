"""Child: open the runner on a 2,000-card step, against a plain QListView of the same strings.

    python -m tests.perf.measure_runner DATA_DIR WORKSHOP_ID --repeats N

The app's MainWindow is shown on the home view first (untimed). One opening: the clock starts
before MainWindow.run_workshop (what F5 in the editor calls) and stops once every visible card
column's viewport has handled the Paint event Qt scheduled for it; then back home, untimed.
The floor, interleaved with the openings: in an already shown QMainWindow of the same size, a
QStringListModel of the step's 2,000 card texts, a default QListView on it set as the central
widget, stopped at its viewport's first Paint. The first opening of each (one-off imports and
caches) is untimed and reported apart as "first".
"""

import argparse
import time
from pathlib import Path

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QListView, QMainWindow

from app.services.agenda import agenda_plan
from app.services.cards import list_cards
from tests.perf.common import report
from tests.perf.data import CARDS_STEP
from tests.perf.qt_child import (
    WINDOW_SIZE,
    PaintWatch,
    close_window,
    open_window,
    settle,
    wait_until_painted,
)
from ui.capture.cards_panel import CardsPanel
from ui.main_window import MainWindow


def open_runner(window: MainWindow, workshop_id: int) -> float:
    start = time.perf_counter()
    window.run_workshop(workshop_id)
    panel = window.runner.panel
    assert isinstance(panel, CardsPanel), f"the runner shows {panel!r}, not a cards step"
    watches = [PaintWatch(column.list.viewport()) for column in panel.visible_columns()]
    wait_until_painted(watches)
    seconds = time.perf_counter() - start
    for watch in watches:
        watch.detach()
    window.show_home()
    settle()
    return seconds


def open_floor(host: QMainWindow, texts: list[str]) -> float:
    start = time.perf_counter()
    model = QStringListModel(texts)
    view = QListView()
    view.setModel(model)
    model.setParent(view)
    watch = PaintWatch(view.viewport())
    host.setCentralWidget(view)  # deletes the previous one
    wait_until_painted([watch])
    seconds = time.perf_counter() - start
    settle()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("workshop_id", type=int)
    parser.add_argument("--repeats", type=int, required=True)
    args = parser.parse_args()
    _, window = open_window(args.data_dir, args.data_dir.parent / f"{args.data_dir.name}.ini")
    item_id = _cards_item(window, args.workshop_id)
    texts = [card.text for card in list_cards(window.store.db, item_id, CARDS_STEP)]
    host = QMainWindow()
    host.resize(*WINDOW_SIZE)
    host_watch = PaintWatch(host)
    host.show()
    wait_until_painted([host_watch])
    host_watch.detach()
    first_floor = open_floor(host, texts)
    first = open_runner(window, args.workshop_id)
    seconds, floor_seconds = [], []
    for _ in range(args.repeats):
        floor_seconds.append(open_floor(host, texts))
        seconds.append(open_runner(window, args.workshop_id))
    report(
        {
            "seconds": seconds,
            "floor_seconds": floor_seconds,
            "first_seconds": first,
            "first_floor_seconds": first_floor,
            "strings": len(texts),
        }
    )
    host.close()
    close_window(window)


def _cards_item(window: MainWindow, workshop_id: int) -> int:
    plan = agenda_plan(window.store.db, workshop_id)
    return next(i.item_id for i in plan.items if any(s.key == CARDS_STEP for s in i.steps))


if __name__ == "__main__":
    main()
