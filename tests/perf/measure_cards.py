"""Child: add cards by the keyboard in the real runner, with its floor interleaved.

    python -m tests.perf.measure_cards DATA_DIR WORKSHOP_ID [DATA_DIR WORKSHOP_ID ...]
        --count N [--floor-db PATH] [--profile PATH [--profile-count N]]

The window is the app's MainWindow in the runner at the workshop's cards step (as the app opens
an interrupted run), so every view that listens to the store pays its part. One addition:
the card's text is typed with QTest.keyClicks (untimed; within the 500 ms draft delay, so no
draft is saved, as when typing at speed); the clock starts before the Return keypress is sent
to the box and stops once the new row is in the target column's model and that column's
viewport has handled the Paint event Qt scheduled for it. By then the row is committed: the
service call is synchronous. The floor, timed right before each addition, is a raw sqlite3
BEGIN IMMEDIATE + INSERT + COMMIT of the same row shape into the card table of a copy of the
same database, with the app's pragmas, in the same folder.
Several DATA_DIR WORKSHOP_ID pairs open one window each, and their additions alternate: the
flat figure compares a 200-card and a 20,000-card step this way, under the same load.
"""

import argparse
import cProfile
import datetime as dt
import random
import sqlite3
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.perf.common import report
from tests.perf.data import sentence
from tests.perf.qt_child import PaintWatch, close_window, open_window, settle, wait_until_painted
from ui.capture.cards_panel import CardsPanel
from ui.main_window import MainWindow

WARMUP = 3  # untimed additions first: lazy imports and first-use caches


def floor_connection(path: Path) -> sqlite3.Connection:
    """The app's pragmas (app/db/engine.py), autocommit so BEGIN/COMMIT are ours."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    for pragma in (
        "busy_timeout = 5000",
        "journal_mode = WAL",
        "synchronous = FULL",
        "foreign_keys = ON",
    ):
        connection.execute(f"PRAGMA {pragma}")
    return connection


def floor_insert(connection: sqlite3.Connection, item_id: int, text: str, position: int) -> float:
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    start = time.perf_counter()
    connection.execute("BEGIN IMMEDIATE")
    connection.execute(
        "INSERT INTO card (agenda_item_id, step_key, text, author_id, category, cluster_id,"
        " position, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (item_id, "harvest", text, None, "vision", None, position, now, now, None),
    )
    connection.execute("COMMIT")
    return time.perf_counter() - start


class Adder:
    def __init__(self, window: MainWindow) -> None:
        panel = window.runner.panel
        assert isinstance(panel, CardsPanel), f"the runner shows {panel!r}, not a cards step"
        self.panel = panel
        column = next(c for c in panel.columns if c.model.category == panel.target)
        self.model = column.model
        self.watch = PaintWatch(column.list.viewport())

    def add(self, text: str, profiler: cProfile.Profile | None = None) -> float:
        """One card: typed (untimed), then Return until its row is painted (timed)."""
        QTest.keyClicks(self.panel.entry, text)
        rows, painted = len(self.model.rows), self.watch.painted
        if profiler is not None:
            profiler.enable()
        start = time.perf_counter()
        QTest.keyClick(self.panel.entry, Qt.Key.Key_Return)
        if len(self.model.rows) <= rows:  # the model is updated synchronously, or not at all
            raise RuntimeError(f"the card was not added: {self.panel.message.text()!r}")
        wait_until_painted([self.watch], [painted])
        seconds = time.perf_counter() - start
        if profiler is not None:
            profiler.disable()
        return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("target", nargs="+", help="DATA_DIR WORKSHOP_ID, one pair per window")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--floor-db", type=Path, help="a copy of the first target's database")
    parser.add_argument("--profile", type=Path, help="cProfile more additions (first target)")
    parser.add_argument("--profile-count", type=int, default=1, help="how many, in one profile")
    args = parser.parse_args()
    rng = random.Random(args.count)
    targets = [(Path(d), int(w)) for d, w in zip(args.target[::2], args.target[1::2], strict=True)]
    windows = []
    for data_dir, workshop_id in targets:
        _, window = open_window(data_dir, data_dir.parent / f"{data_dir.name}.ini")
        window.run_workshop(workshop_id)
        windows.append(window)
    settle()
    adders = [Adder(window) for window in windows]
    before = [adder.panel.board.count for adder in adders]
    floor = floor_connection(args.floor_db) if args.floor_db else None
    item_id = adders[0].panel.context.agenda_item_id
    for _ in range(WARMUP):
        for adder in adders:
            adder.add(sentence(rng))
        if floor:
            floor_insert(floor, item_id, sentence(rng), 100_000)
    settle()
    seconds: list[list[float]] = [[] for _ in adders]
    floor_seconds = []
    for index in range(args.count):  # interleaved, so a burst of load hits every side alike
        if floor:
            floor_seconds.append(floor_insert(floor, item_id, sentence(rng), 100_001 + index))
        for adder, found in zip(adders, seconds, strict=True):
            found.append(adder.add(sentence(rng)))
    if args.profile:
        settle()
        profiler = cProfile.Profile()
        for _ in range(args.profile_count):
            adders[0].add(sentence(rng), profiler)
        profiler.dump_stats(str(args.profile))
    report(
        {
            "seconds": seconds,
            "floor_seconds": floor_seconds,
            "cards_on_board_before": before,
            "cards_on_board_after": [adder.panel.board.count for adder in adders],
        }
    )
    if floor:
        floor.close()
    for window in windows:
        close_window(window)


if __name__ == "__main__":
    main()
