"""One window per data folder: a second launch hands over to the first instead of writing too.

The lock is a QLockFile in the data folder; Qt records the owner's pid and host in it and treats
the lock as stale when that process is gone, so a crash never locks the folder for good, and a
live owner's lock is never taken over (stale time 0: age alone never makes it stale). The
running instance also listens on a QLocalServer named after the folder; a second launch
connects (the connection itself asks the window to come to the front) and quits without ever
opening the database.

Taking the lock and listening are two steps: under a millisecond apart alone, but tens of
milliseconds when many launches start together, and a launch that looks in between finds the
folder taken and nobody to call (of twenty guards started at one instant, most did, and said
the owner did not answer). So a second launch keeps trying, to take the lock or to reach its
owner, for a few seconds first. It only ever reads the owner's lock and connects to its
socket: removing a stale socket is left to whoever holds the lock.
"""

import hashlib
import os
import time
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.paths import lock_path

PATIENCE_SECONDS = 5.0  # how long a live owner may take to start listening
RETRY_SECONDS = 0.05


class Claim(Enum):
    OWNER = "owner"  # this process now owns the folder
    HANDED_OVER = "handed over"  # the running owner was asked to come forward
    NO_ANSWER = "no answer"  # a live owner held the folder and never answered


def server_name(data_dir: Path) -> str:
    """A socket name unique to this user and folder, short enough for every platform."""
    key = f"{os.getuid() if hasattr(os, 'getuid') else ''}:{data_dir.resolve()}"
    return "chorus-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]


class InstanceGuard(QObject):
    sig_activate_requested = Signal()  # a second launch asked this window to come forward

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self._lock = QLockFile(str(lock_path(data_dir)))
        self._lock.setStaleLockTime(0)
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process now owns the folder (a stale lock is recovered on the way)."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        if not self._lock.tryLock(0):
            return False
        name = server_name(self.data_dir)
        QLocalServer.removeServer(name)  # a socket left by a crash; safe: we hold the lock
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._on_connection)
        if not server.listen(name):
            # Still the only writer; we just cannot be called to the front.
            return True
        self._server = server
        return True

    def claim(self, patience_seconds: float = PATIENCE_SECONDS) -> Claim:
        """Own the folder, or hand over to the process that does.

        Both are retried: the owner may be between locking and listening, or may have quit
        since we looked (then the lock is free, or stale, and ours on the next try).
        """
        deadline = time.monotonic() + patience_seconds
        while True:
            if self.acquire():
                return Claim.OWNER
            if self.ask_owner_to_activate():
                return Claim.HANDED_OVER
            if time.monotonic() >= deadline:
                return Claim.NO_ANSWER
            time.sleep(RETRY_SECONDS)

    def owner_pid(self) -> int | None:
        """The pid holding the lock, when another process holds it."""
        pid, _host, _app = self._lock.getLockInfo()  # (0, "", "") when nobody holds it
        return int(pid) or None

    def ask_owner_to_activate(self, timeout_ms: int = 3000) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(server_name(self.data_dir))
        if not socket.waitForConnected(timeout_ms):
            return False
        socket.disconnectFromServer()
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _on_connection(self) -> None:
        """Any connection is a request to come forward; nothing else is ever sent."""
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.abort()
            socket.deleteLater()
            self.sig_activate_requested.emit()
