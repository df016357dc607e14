"""Start-up, measured from outside as a user sees it: spawn to exit of the real `chorus`.

The app honours CHORUS_EXIT_AFTER_FIRST_PAINT (quit once the first window has painted) and
CHORUS_EXIT_AFTER_STARTUP (quit once the home view has painted with its list loaded, or the
runner when a run was interrupted). The floors are tests/perf/floors/bare_window.py. Runs are
interleaved (floor, app, floor, app ...) so that a burst of load from other work on the machine
lands on both sides of a ratio, and the median of each side is taken.
"""

import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.perf.common import PERF, ChildError, ChildRun, Sandbox, chorus_command, spawn

BARE_WINDOW = PERF / "floors" / "bare_window.py"
FIRST_PAINT = {"CHORUS_EXIT_AFTER_FIRST_PAINT": "1"}
STARTUP = {"CHORUS_EXIT_AFTER_STARTUP": "1"}


@dataclass
class Samples:
    seconds: list[float] = field(default_factory=list)
    max_rss_bytes: list[int] = field(default_factory=list)

    def add(self, run: ChildRun) -> None:
        self.seconds.append(run.seconds)
        self.max_rss_bytes.append(run.max_rss_bytes)


@dataclass
class StartupSamples:
    first_paint: Samples = field(default_factory=Samples)
    first_paint_floor: Samples = field(default_factory=Samples)
    interactive: Samples = field(default_factory=Samples)
    interactive_floor: Samples = field(default_factory=Samples)
    runner: Samples = field(default_factory=Samples)  # started on the interrupted run


class Launcher:
    def __init__(self, sandbox: Sandbox, logs: Path) -> None:
        self.sandbox = sandbox
        self.logs = logs
        self.count = 0

    def _run(self, name: str, argv: list[str], extra: dict[str, str]) -> ChildRun:
        self.count += 1
        log = self.logs / f"{self.count:03d}-{name}"
        run = spawn(argv, self.sandbox.env(extra), self.sandbox.home, log)
        if run.returncode != 0:
            raise ChildError(f"{name} exited {run.returncode}:\n{run.stderr[-2000:]}")
        return run

    def chorus(self, name: str, data_dir: Path, extra: dict[str, str]) -> ChildRun:
        return self._run(name, [*chorus_command(), "--data-dir", str(data_dir)], extra)

    def floor(self, name: str, *flags: str) -> ChildRun:
        return self._run(name, [sys.executable, str(BARE_WINDOW), *flags], {})


def measure_startup(
    sandbox: Sandbox, large: Path, running: Path, repeats: int, logs: Path
) -> StartupSamples:
    """`large` has nothing running (home view); `running` reopens into the 2,000-card step."""
    launch = Launcher(sandbox, logs)
    # Untimed: fills the bytecode cache and the OS file cache for every program measured.
    launch.floor("warm-floor", "--imports")
    launch.chorus("warm-chorus", large, STARTUP)
    launch.chorus("warm-runner", running, STARTUP)
    found = StartupSamples()
    for _ in range(repeats):
        found.first_paint_floor.add(launch.floor("first-paint-floor"))
        found.first_paint.add(launch.chorus("first-paint", large, FIRST_PAINT))
        found.interactive_floor.add(launch.floor("interactive-floor", "--imports"))
        found.interactive.add(launch.chorus("interactive", large, STARTUP))
        found.runner.add(launch.chorus("runner-memory", running, STARTUP))
    return found
