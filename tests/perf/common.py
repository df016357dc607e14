"""What every part of the benchmark shares: paths, the children's environment, spawning and
timing a child from outside, and the statistics.

Each measurement runs in a process of its own, so one figure's caches, imports and memory never
flatter or burden another, and each process creates exactly one QApplication.
"""

import json
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PERF = Path(__file__).resolve().parent
CHORUS_SCRIPT = Path(sys.executable).parent / ("chorus.exe" if os.name == "nt" else "chorus")
NOT_INHERITED = ("CHORUS_DATA_DIR", "CHORUS_DEBUG", "PYTHONDONTWRITEBYTECODE")
RESULT_MARK = "PERF-RESULT "  # a child prints its result on one line that starts with this
CHILD_TIMEOUT_S = 900


@dataclass(frozen=True)
class Sandbox:
    """A HOME, settings and bytecode cache of this run: never the user's own, never the repo's."""

    root: Path

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def pycache(self) -> Path:
        return self.root / "pycache"

    def env(self, extra: Mapping[str, str] | None = None) -> dict[str, str]:
        """Like tests/cli/conftest.py: bytecode goes to a prefix folder (warmed by a first
        untimed run), so no start pays for compiling and no __pycache__ lands in the tree."""
        self.home.mkdir(parents=True, exist_ok=True)
        env = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
        env.update(
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.home / ".config"),
            XDG_DATA_HOME=str(self.home / ".local" / "share"),
            XDG_CACHE_HOME=str(self.home / ".cache"),
            PYTHONPYCACHEPREFIX=str(self.pycache),
            PYTHONIOENCODING="utf-8",
            QT_QPA_PLATFORM="offscreen",
        )
        env.update(extra or {})
        return env


@dataclass(frozen=True)
class ChildRun:
    seconds: float  # spawn to exit, wall clock
    max_rss_bytes: int  # the child's own peak resident set (ru_maxrss of its rusage)
    stdout: str
    stderr: str
    returncode: int


def chorus_command() -> list[str]:
    """The console script `uv run chorus` runs, else the module behind it."""
    if CHORUS_SCRIPT.exists():
        return [str(CHORUS_SCRIPT)]
    return [sys.executable, "-m", "ui.launcher"]


def spawn(argv: Sequence[str], env: Mapping[str, str], cwd: Path, log: Path) -> ChildRun:
    """Run a child and time it from spawn to exit; its rusage comes from wait4 on its own pid
    (RUSAGE_CHILDREN only keeps the largest of all children, so it cannot be split per run)."""
    log.parent.mkdir(parents=True, exist_ok=True)
    out_path, err_path = log.with_suffix(".out"), log.with_suffix(".err")
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, env=dict(env), stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    # Linux reports ru_maxrss in KiB, macOS in bytes.
    rss = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return ChildRun(
        seconds,
        rss,
        out_path.read_text(encoding="utf-8", errors="replace"),
        err_path.read_text(encoding="utf-8", errors="replace"),
        process.returncode,
    )


class ChildError(RuntimeError):
    pass


def run_child(module: str, args: Sequence[str], sandbox: Sandbox, log: Path) -> dict[str, object]:
    """Run `python -m tests.perf.<module> ARGS` and return the JSON result it printed."""
    argv = [sys.executable, "-m", f"tests.perf.{module}", *args]
    run = spawn(argv, sandbox.env(), REPO, log)
    for line in reversed(run.stdout.splitlines()):
        if line.startswith(RESULT_MARK):
            result: dict[str, object] = json.loads(line[len(RESULT_MARK) :])
            result["max_rss_bytes"] = run.max_rss_bytes
            return result
    tail = (run.stderr or run.stdout)[-2000:]
    raise ChildError(f"{module} exited {run.returncode} without a result:\n{tail}")


def report(result: Mapping[str, object]) -> None:
    """What a child hands back to run.py (stdout is otherwise free for the app's own output)."""
    print(RESULT_MARK + json.dumps(result), flush=True)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest rank: the smallest value with at least `fraction` of the values at or below it
    (of 200 additions p99 is the third slowest; of 50, the slowest)."""
    ordered = sorted(values)
    rank = math.ceil(fraction * len(ordered) - 1e-9)
    return ordered[min(max(rank, 1), len(ordered)) - 1]
