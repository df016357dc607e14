"""The one door from ui/ to app/ services: run a write, then tell every view what changed.

Views never keep the Database themselves; they ask the store to apply a service call and redraw
from `sig_changed` only where the returned `Changes` touches what they show (Anki's OpChanges).
A write that fails is reported through `sig_failed` in plain words and changes nothing.
"""

import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Concatenate

from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import SQLAlchemyError

from app.db.database import Database
from app.services.changes import Changes
from app.services.errors import ServiceError
from app.user_library import UserLibrary, load_user_library

Write = Callable[Concatenate[Database, ...], Changes]


class Store(QObject):
    sig_changed = Signal(object)  # Changes, after every successful write
    sig_failed = Signal(str)  # a write was refused or could not be saved: what to tell the user
    sig_library_changed = Signal()  # a custom exercise was imported

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._library: UserLibrary | None = None

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
        except (SQLAlchemyError, OSError) as error:
            self.sig_failed.emit(f"Could not save the change: {_plain(error)}")
            return None
        except Exception as error:  # a bug: tell the room's facilitator, keep the window alive
            traceback.print_exc()
            self.sig_failed.emit(f"Something went wrong; nothing was changed ({_plain(error)}).")
            return None
        self.sig_changed.emit(changes)
        return changes

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
