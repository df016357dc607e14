"""Real `chorus` windows racing for one data folder: never a second writer, a crash recovered.

The promise is about processes, so these tests watch real ones: Linux /proc shows which of them
hold the database file open, sampled many times a second while twenty launches start at once.
A sample can miss a short-lived open, so the test also checks what each loser said: it handed
over, which run_app only does without ever opening the database.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket
from PySide6.QtWidgets import QApplication

from app.paths import LOCK_NAME, database_path
from tests.cli.conftest import REPO, command_line
from ui.single_instance import InstanceGuard, server_name

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs Linux /proc"),
]

RACERS = 20
START_SECONDS = 180  # twenty Qt processes starting together on two cores take a while
HANDED_OVER = "already open on"


def _environment(home: Path, **extra: str) -> dict[str, str]:
    """Offscreen, a throw-away home (settings stay out of yours), no CHORUS_* of the caller's."""
    home.mkdir(parents=True, exist_ok=True)
    env = {name: value for name, value in os.environ.items() if not name.startswith("CHORUS_")}
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONIOENCODING="utf-8",
        **extra,
    )
    return env


def _launch(data_dir: Path, env: dict[str, str]) -> "subprocess.Popen[str]":
    argv = [*command_line(), "--data-dir", str(data_dir)]
    return subprocess.Popen(
        argv,
        cwd=REPO if argv[0] == sys.executable else env["HOME"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )


def _run_until_started(data_dir: Path, env: dict[str, str]) -> "subprocess.CompletedProcess[str]":
    launch = _launch(data_dir, {**env, "CHORUS_EXIT_AFTER_STARTUP": "1"})
    stdout, stderr = launch.communicate(timeout=START_SECONDS)
    return subprocess.CompletedProcess(launch.args, launch.returncode, stdout, stderr)


def _database_holders(processes: list["subprocess.Popen[str]"], data_dir: Path) -> set[int]:
    """Pids among `processes` with the database (or its write-ahead log) open right now.

    Only processes not yet reaped are looked at, so a pid is never someone else's reused pid.
    """
    database = database_path(data_dir.resolve())
    files = {database, database.with_name(database.name + "-wal")}
    holders = set()
    for process in processes:
        if process.returncode is not None:
            continue
        try:
            descriptors = list(Path(f"/proc/{process.pid}/fd").iterdir())
        except OSError:  # exiting
            continue
        for descriptor in descriptors:
            try:
                if descriptor.readlink() in files:
                    holders.add(process.pid)
                    break
            except OSError:  # closed meanwhile
                continue
    return holders


def _wait_until_serving(data_dir: Path) -> None:
    """The owner drops each connection from its event loop, so a dropped one shows it runs
    (and its SIGTERM handler, installed before the loop starts, is in place)."""
    probe = QLocalSocket()
    probe.connectToServer(server_name(data_dir))
    assert probe.waitForConnected(START_SECONDS * 1000), probe.errorString()
    assert probe.waitForDisconnected(START_SECONDS * 1000), probe.errorString()


def _stop(processes: list["subprocess.Popen[str]"]) -> None:
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.communicate()


def _integrity(data_dir: Path) -> str:
    with sqlite3.connect(database_path(data_dir)) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def test_twenty_launches_at_once_leave_exactly_one_writer(
    tmp_path: Path, qapp: QApplication
) -> None:
    data_dir, env = tmp_path / "data", _environment(tmp_path / "home")
    started, sampling_cpu = time.monotonic(), time.process_time()
    racers = [_launch(data_dir, env) for _ in range(RACERS)]
    try:
        most_holders, polls = 0, 0
        deadline = started + START_SECONDS
        while time.monotonic() < deadline:
            holders = _database_holders(racers, data_dir)
            most_holders, polls = max(most_holders, len(holders)), polls + 1
            running = [racer for racer in racers if racer.poll() is None]
            if len(running) <= 1 and (not running or holders):
                break  # one left, and it writes: nobody else can open the database any more
            time.sleep(0.02)
        raced, sampling_cpu = time.monotonic() - started, time.process_time() - sampling_cpu
        running = [racer for racer in racers if racer.poll() is None]
        assert len(running) == 1, f"{len(running)} launches still running after {raced:.1f} s"
        (winner,) = running
        for loser in racers:
            if loser is not winner:
                stdout, stderr = loser.communicate()
                assert (loser.returncode, HANDED_OVER in stdout) == (0, True), stdout + stderr
        print(f"settled in {raced:.1f} s; {polls} samples took {sampling_cpu:.1f} s CPU")
        assert most_holders == 1
        assert InstanceGuard(data_dir).owner_pid() == winner.pid

        _wait_until_serving(data_dir)
        winner.send_signal(signal.SIGTERM)  # as a logout does: the window closes cleanly
        _stdout, stderr = winner.communicate(timeout=30)
        assert winner.returncode == 0, stderr
        assert not (data_dir / LOCK_NAME).exists()
    finally:
        _stop(racers)

    after = _run_until_started(data_dir, env)
    assert after.returncode == 0, after.stderr
    assert HANDED_OVER not in after.stdout  # it became the owner and opened the window
    assert _integrity(data_dir) == "ok"


def test_a_killed_window_leaves_a_stale_lock_that_the_next_launch_recovers(
    tmp_path: Path,
) -> None:
    data_dir, env = tmp_path / "data", _environment(tmp_path / "home")
    first = _launch(data_dir, env)
    try:
        deadline = time.monotonic() + START_SECONDS
        while not _database_holders([first], data_dir):
            assert first.poll() is None and time.monotonic() < deadline, first.communicate()
            time.sleep(0.02)
        first.send_signal(signal.SIGKILL)  # a crash: no chance to unlock or close anything
        first.communicate(timeout=30)
    finally:
        _stop([first])
    assert InstanceGuard(data_dir).owner_pid() == first.pid  # the dead owner's lock is left

    after = _run_until_started(data_dir, env)
    assert after.returncode == 0, after.stderr
    assert HANDED_OVER not in after.stdout  # the stale lock was taken over, not deferred to
    assert not (data_dir / LOCK_NAME).exists()
    assert _integrity(data_dir) == "ok"
