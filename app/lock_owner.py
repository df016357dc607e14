"""Which process, if any, has a Chorus window open on a data folder, read without Qt.

The window keeps a QLockFile in the folder (ui/single_instance.py). Its text is Qt's: the
owner's pid, the application name, the host name, then machine and boot ids, one per line. The
command line reads it so that `chorus restore` never swaps the database from under an open
window, whose later writes would go to the replaced file and be lost.
"""

import os
import socket
from pathlib import Path

from app.paths import lock_path


def window_pid(data_dir: Path) -> int | None:
    """The pid of the Chorus holding the folder; None when the lock is absent or its owner dead.

    A lock from another computer (a shared folder) counts as held: its owner cannot be checked.
    """
    try:
        lines = lock_path(data_dir).read_text("utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not lines or not lines[0].strip().isdigit():
        return None
    pid = int(lines[0])
    same_host = len(lines) < 3 or lines[2] == socket.gethostname()
    if not same_host or os.name == "nt":  # os.kill(pid, 0) would end the process on Windows
        return pid
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # the window crashed; its lock is stale and will be taken over
    except PermissionError:
        return pid  # alive, owned by someone else
    return pid
