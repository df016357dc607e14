"""The one door from ui/ to app/ services: run a write, then tell every view what changed.

Views never keep the Database themselves; they ask the store to apply a service call and redraw
from `sig_changed` only where the returned `Changes` touches what they show (Anki's OpChanges).
A write that fails is reported through `sig_failed` in plain words and changes nothing.

A write the disk could not take (full, read-only, failing) also blocks saving: `sig_saving_blocked`
says why, and until a write succeeds again `sig_retry_due` fires every few seconds so that each
view still holding unsaved text tries once more. The typed text never leaves its box meanwhile.
"""

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate

from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.exc import SQLAlchemyError

from app.db.database import Database
from app.db.storage_errors import StorageProblem, storage_problem
from app.services.changes import Changes
from app.services.errors import ServiceError
from app.user_library import UserLibrary, load_user_library

Write = Callable[Concatenate[Database, ...], Changes]
RETRY_MS = 5000


class Store(QObject):
    sig_changed = Signal(object)  # Changes, after every successful write
    sig_failed = Signal(str)  # a write was refused or could not be saved: what to tell the user
    sig_library_changed = Signal()  # a custom exercise was imported
    sig_saving_blocked = Signal(str)  # the disk refused a write: why, and that text is kept
    sig_saving_resumed = Signal()  # a write reached the disk again
    sig_retry_due = Signal()  # while blocked: views with unsaved text should try again now

    def __init__(
        self, db: Database, parent: QObject | None = None, retry_ms: int = RETRY_MS
    ) -> None:
        super().__init__(parent)
        self.db = db
        self._library: UserLibrary | None = None
        self.blocked: StorageProblem | None = None
        self._retry = QTimer(self)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self.sig_retry_due)

    @property
    def data_dir(self) -> Path:
        return self.db.data_dir

    def apply(self, write: Write, *args: object, **kwargs: object) -> Changes | None:
        """Run one service write; None (and `sig_failed`) when it was refused or not saved."""
        try:
            changes = write(self.db, *args, **kwargs)
        except (ServiceError, KeyError, ValueError) as error:
            self.sig_failed.emit(_plain(error))
            return None
        except Exception as error:
            problem = storage_problem(error)
            if problem is not None:
                self._block(problem)
            elif isinstance(error, SQLAlchemyError | OSError):
                self.sig_failed.emit(f"Could not save the change: {_plain(error)}")
            else:  # a bug: tell the room's facilitator, keep the window alive
                traceback.print_exc()
                message = f"Something went wrong; nothing was changed ({_plain(error)})."
                self.sig_failed.emit(message)
            return None
        if self.blocked is not None:
            self.blocked = None
            self._retry.stop()
            self.sig_saving_resumed.emit()
        self.sig_changed.emit(changes)
        return changes

    def _block(self, problem: StorageProblem) -> None:
        previous, self.blocked = self.blocked, problem
        if previous is None:
            self._retry.start()
        if previous is None or previous.kind is not problem.kind:
            self.sig_saving_blocked.emit(problem.message)
        self.sig_failed.emit(problem.message)

    @property
    def library(self) -> UserLibrary:
        """The built-in and custom exercises, loaded on first use and after an import."""
        if self._library is None:
            self._library = load_user_library(self.db.data_dir)
        return self._library

    def reload_library(self) -> None:
        self._library = None
        self.sig_library_changed.emit()


def _plain(error: BaseException) -> str:
    text = str(error.args[0]) if isinstance(error, KeyError) and error.args else str(error)
    return " ".join(text.split()) or type(error).__name__
