"""Tell a disk that cannot take a write apart from a refused change, in words for the room.

A full disk, a folder that became read-only or a failing drive is not the facilitator's mistake
and not the end of the typed text: the write can succeed later, so callers keep what was typed
and try again. SQLite reports these through its result codes (Python exposes them as
`sqlite_errorcode`); file writes report them as OSError numbers. SQLAlchemy and our own
BackupError and FileWriteError wrap the original, so the chain of causes is followed.
"""

import errno
import sqlite3
from dataclasses import dataclass
from enum import Enum

# SQLite primary result codes (the low byte of an extended code).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14


class StorageKind(Enum):
    FULL = "full"
    READ_ONLY = "read_only"
    BUSY = "busy"
    FAILING = "failing"


SQLITE_KINDS = {
    SQLITE_FULL: StorageKind.FULL,
    SQLITE_READONLY: StorageKind.READ_ONLY,
    SQLITE_PERM: StorageKind.READ_ONLY,
    SQLITE_CANTOPEN: StorageKind.READ_ONLY,
    SQLITE_BUSY: StorageKind.BUSY,
    SQLITE_LOCKED: StorageKind.BUSY,
    SQLITE_IOERR: StorageKind.FAILING,
}
OS_KINDS = {
    errno.ENOSPC: StorageKind.FULL,
    errno.EDQUOT: StorageKind.FULL,
    errno.EFBIG: StorageKind.FULL,
    errno.EACCES: StorageKind.READ_ONLY,
    errno.EPERM: StorageKind.READ_ONLY,
    errno.EROFS: StorageKind.READ_ONLY,
    errno.EIO: StorageKind.FAILING,
}
WHY = {
    StorageKind.FULL: "the disk is full",
    StorageKind.READ_ONLY: "Chorus is not allowed to write to its data folder",
    StorageKind.BUSY: "another program is holding the database",
    StorageKind.FAILING: "the disk reported an error",
}
WHAT_TO_DO = {
    StorageKind.FULL: "Free some space on the disk.",
    StorageKind.READ_ONLY: "Check that the folder and its files may be written to.",
    StorageKind.BUSY: "Close the other program that uses the Chorus data folder.",
    StorageKind.FAILING: "Save your work elsewhere too, and check the disk.",
}


@dataclass(frozen=True)
class StorageProblem:
    kind: StorageKind
    detail: str  # the system's own words, for the curious and for bug reports

    @property
    def summary(self) -> str:
        """For the command line, where nothing waits to be tried again."""
        return f"nothing was written: {WHY[self.kind]} ({self.detail}). {WHAT_TO_DO[self.kind]}"

    @property
    def message(self) -> str:
        """One paragraph for the facilitator: what happened, what is safe, what to do."""
        return (
            f"Not saved yet: {WHY[self.kind]}. What you typed stays on screen and everything "
            f"saved before is safe; Chorus keeps trying. {WHAT_TO_DO[self.kind]}"
        )


def _causes(error: BaseException) -> list[BaseException]:
    found: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in found:
        found.append(current)
        wrapped = getattr(current, "orig", None)  # SQLAlchemy's DBAPIError
        current = wrapped if isinstance(wrapped, BaseException) else current.__cause__
    return found


def storage_problem(error: BaseException) -> StorageProblem | None:
    """The storage trouble behind `error`, or None when it is something else (a refusal, a bug)."""
    for cause in _causes(error):
        if isinstance(cause, sqlite3.Error):
            code = getattr(cause, "sqlite_errorcode", None)
            kind = SQLITE_KINDS.get(code & 0xFF) if isinstance(code, int) else None
            if kind is not None:
                return StorageProblem(kind, str(cause))
        elif isinstance(cause, OSError) and cause.errno in OS_KINDS:
            return StorageProblem(OS_KINDS[cause.errno], cause.strerror or str(cause))
    return None
