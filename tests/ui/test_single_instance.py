"""One writer per data folder: a second launch hands over, a crashed owner's lock is recovered."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.paths import database_path
from ui.single_instance import LOCK_NAME, InstanceGuard

ROOT = Path(__file__).parents[2]
HOLDER = (
    "import sys, time\n"
    "from pathlib import Path\n"
    "from PySide6.QtCore import QCoreApplication\n"
    "from ui.single_instance import InstanceGuard\n"
    "app = QCoreApplication([])\n"
    "guard = InstanceGuard(Path(sys.argv[1]))\n"
    "print('locked' if guard.acquire() else 'refused', flush=True)\n"
    "time.sleep(120)\n"
)


def _environment(home: Path | None = None) -> dict[str, str]:
    """Offscreen, and (for the real app) a throw-away home so its settings stay out of yours."""
    extra = {"HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")} if home else {}
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", **extra}


def test_a_second_guard_is_refused_and_its_request_reaches_the_owner(
    data_dir: Path, qtbot: QtBot
) -> None:
    owner = InstanceGuard(data_dir)
    assert owner.acquire()
    second = InstanceGuard(data_dir)
    assert not second.acquire()
    assert second.owner_pid() == os.getpid()
    with qtbot.waitSignal(owner.sig_activate_requested, timeout=5000):
        assert second.ask_owner_to_activate()
    owner.release()
    assert second.acquire()  # a clean exit frees the folder at once
    second.release()


def test_a_lock_left_by_a_killed_process_is_recovered(data_dir: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir)],
        cwd=ROOT,
        env=_environment(),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        guard = InstanceGuard(data_dir)
        assert not guard.acquire()  # alive: never taken over, however old the lock is
        assert guard.owner_pid() == holder.pid
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.communicate()
    assert (data_dir / LOCK_NAME).exists()  # the crash left its lock behind
    assert guard.acquire()
    guard.release()


@pytest.mark.slow
def test_a_second_launch_of_the_app_hands_over_and_never_opens_the_database(
    data_dir: Path, tmp_path: Path
) -> None:
    first = subprocess.Popen(
        [sys.executable, "-m", "ui.launcher", "--data-dir", str(data_dir)],
        cwd=ROOT,
        env=_environment(tmp_path / "home"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not database_path(data_dir).exists() and time.monotonic() < deadline:
            assert first.poll() is None, first.communicate()
            time.sleep(0.2)
        time.sleep(1.0)  # let the window finish starting
        second = subprocess.run(
            [sys.executable, "-m", "ui.launcher", "--data-dir", str(data_dir)],
            cwd=ROOT,
            env=_environment(tmp_path / "home"),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert second.returncode == 0, second.stderr
        assert "already open" in second.stdout
        assert first.poll() is None  # the first window is still running
        first.terminate()  # as a logout does: the app closes cleanly and frees the folder
        first.communicate(timeout=30)
        assert first.returncode == 0
        assert not (data_dir / LOCK_NAME).exists()
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate()
