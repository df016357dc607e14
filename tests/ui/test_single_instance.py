"""One writer per data folder: a second launch hands over, a crashed owner's lock is recovered.

The real app racing for a folder is in test_twenty_launches.py; these tests hold the owner's
side still (a helper process that locks, and listens late or never) to pin down what a second
launch does in each state it can find the owner in.
"""

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.lock_owner import window_pid
from app.paths import LOCK_NAME
from ui.single_instance import Claim, InstanceGuard

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
SLOW_OWNER = (  # an owner's start stretched out: it locks, and listens only later, or never
    "import sys, time\n"
    "from pathlib import Path\n"
    "from PySide6.QtCore import QCoreApplication, QLockFile\n"
    "from PySide6.QtNetwork import QLocalServer\n"
    "from app.paths import LOCK_NAME\nfrom ui.single_instance import server_name\n"
    "folder, listen_after, quit_after = Path(sys.argv[1]), *map(float, sys.argv[2:])\n"
    "app = QCoreApplication([])\n"
    "folder.mkdir(parents=True)\n"
    "lock = QLockFile(str(folder / LOCK_NAME))\n"
    "lock.setStaleLockTime(0)\n"
    "print('locked' if lock.tryLock(0) else 'refused', flush=True)\n"
    "server = QLocalServer()\n"
    "if listen_after >= 0:\n"
    "    time.sleep(listen_after)\n"
    "    server.listen(server_name(folder))\n"
    "time.sleep(quit_after) if quit_after >= 0 else sys.stdin.read()\n"
    "server.close()\n"
    "lock.unlock()\n"
)


def _environment() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


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


@contextmanager
def _slow_owner(
    data_dir: Path, listen_after: float, quit_after: float = -1
) -> Iterator["subprocess.Popen[str]"]:
    """Negative times mean never: it does not listen, or stays until the test is done."""
    owner = subprocess.Popen(
        [sys.executable, "-c", SLOW_OWNER, str(data_dir), str(listen_after), str(quit_after)],
        cwd=ROOT,
        env=_environment(),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert owner.stdout is not None
        assert owner.stdout.readline().strip() == "locked"
        yield owner
    finally:
        owner.communicate(timeout=30)  # closing its stdin lets it unlock and quit


def test_a_second_launch_waits_for_an_owner_that_is_not_listening_yet(data_dir: Path) -> None:
    """Without waiting, a launch in the owner's first moments said it did not answer."""
    with _slow_owner(data_dir, listen_after=0.5) as owner:
        guard = InstanceGuard(data_dir)
        assert guard.claim() is Claim.HANDED_OVER
        assert guard.owner_pid() == owner.pid  # its lock untouched
        assert InstanceGuard(data_dir).claim() is Claim.HANDED_OVER  # and its socket too


def test_a_second_launch_takes_over_when_the_owner_quits_while_it_waits(data_dir: Path) -> None:
    with _slow_owner(data_dir, listen_after=-1, quit_after=0.5):
        guard = InstanceGuard(data_dir)
        assert guard.claim() is Claim.OWNER
        guard.release()


def test_a_live_owner_that_never_answers_keeps_the_folder(data_dir: Path) -> None:
    with _slow_owner(data_dir, listen_after=-1) as owner:
        guard = InstanceGuard(data_dir)
        assert guard.claim(patience_seconds=0.5) is Claim.NO_ANSWER
        assert guard.owner_pid() == owner.pid


def test_the_command_line_reads_the_windows_lock_without_qt(data_dir: Path) -> None:
    guard = InstanceGuard(data_dir)
    assert guard.acquire()
    try:
        assert window_pid(data_dir) == os.getpid()  # Qt's lock format, as app/ parses it
    finally:
        guard.release()
    assert window_pid(data_dir) is None
