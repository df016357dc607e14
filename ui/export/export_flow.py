"""Export a workshop from the app: ask where, write it off the UI thread, offer to open it.

The exporters build the whole document in memory and write it atomically, so a full disk or a
missing folder leaves no half file behind; this flow only turns that into plain words. The
export runs in a worker thread (the database reads through its own pooled connection, which
SQLite's WAL mode allows beside the UI's writes), so the window keeps painting and a busy
dialog can appear when an export takes more than a moment.
"""

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.db.database import Database
from app.files import FileWriteError
from app.services.workshops import get_workshop
from exports.registry import EXPORTERS, export_pdf
from ui.prompts import Prompts
from ui.store import Store

KIND_NAMES = {"handout": "handout", "report": "facilitator report", "guide": "preparation guide"}
FORMATS = {"pdf": ("PDF", "PDF documents (*.pdf)"), "md": ("Markdown", "Markdown text (*.md)")}
BUSY_AFTER_MS = 400  # a quick export never flashes a dialog
Exporter = Callable[[Database, int, str, Path], None]  # as in exports.registry.EXPORTERS
_NOT_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def suggested_name(title: str, kind: str, fmt: str) -> str:
    """Title, en dash, kind ("Away day \u2013 handout.pdf"), safe as a name on every system."""
    safe = _NOT_IN_NAMES.sub("-", title.replace(":", " -"))
    safe = " ".join(safe.split()).strip(" .-") or "Workshop"
    return f"{safe} \u2013 {KIND_NAMES[kind]}.{fmt}"


class ExportJob(QThread):
    """Runs one exporter; the outcome is read in the UI thread once `finished` is emitted."""

    def __init__(
        self, exporter: Exporter, db: Database, workshop_id: int, kind: str, path: Path
    ) -> None:
        super().__init__()
        self._exporter = exporter
        self._arguments = (db, workshop_id, kind, path)
        self.write_error: str | None = None  # plain reason the file could not be written
        self.failure: BaseException | None = None  # anything else: re-raised in the UI thread

    def run(self) -> None:
        try:
            self._exporter(*self._arguments)
        except (FileWriteError, OSError) as error:
            cause = error.__cause__ if isinstance(error.__cause__, OSError) else error
            reason = cause.strerror if isinstance(cause, OSError) else None
            self.write_error = reason or str(error)
        except Exception as error:  # handed to the UI thread, not swallowed
            self.failure = error


class ExportFlow(QObject):
    sig_done = Signal()  # the flow is over: written and asked, warned, or cancelled

    def __init__(self, store: Store, prompts: Prompts, parent: QWidget) -> None:
        super().__init__(parent)
        self.store = store
        self.prompts = prompts
        self._window = parent
        self._folder = Path.home()  # the next save dialog opens where the last file went
        self.job: ExportJob | None = None
        self._progress: QProgressDialog | None = None
        self._path: Path | None = None
        self.paper: str | None = None  # "a4", "letter", or None: the locale's paper

    @property
    def busy(self) -> bool:
        return self.job is not None

    def export(self, workshop_id: int, kind: str, fmt: str) -> None:
        """Ask for a file name, then write the workshop's `kind` as `fmt` ("pdf" or "md")."""
        if self.busy:
            return
        label, name_filter = FORMATS[fmt]
        title = get_workshop(self.store.db, workshop_id).title
        what = KIND_NAMES[kind]
        chosen = self.prompts.save_file(
            f"Export the {what} as {label}",
            self._folder / suggested_name(title, kind, fmt),
            name_filter,
        )
        if chosen is None:
            self.sig_done.emit()
            return
        path = chosen if chosen.suffix else chosen.with_name(f"{chosen.name}.{fmt}")
        self._folder = path.parent
        self._path = path
        self._progress = self._busy_dialog(f"Writing the {what} to “{path.name}”…")
        exporter = EXPORTERS[fmt] if fmt != "pdf" else partial(export_pdf, page_size=self.paper)
        self.job = ExportJob(exporter, self.store.db, workshop_id, kind, path)
        self.job.finished.connect(self._finish)
        self.job.start()

    def wait(self) -> None:
        """Block until a running export is over (on quit: never cut a file off mid-write)."""
        if self.job is not None:
            self.job.wait()

    def _busy_dialog(self, text: str) -> QProgressDialog:
        progress = QProgressDialog(text, "", 0, 0, self._window)
        progress.setWindowTitle("Exporting")
        progress.setCancelButton(None)  # an atomic write is not worth stopping half-way
        progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        progress.setMinimumDuration(BUSY_AFTER_MS)
        progress.setAutoClose(False)
        progress.setValue(0)  # starts the clock; the dialog shows itself only if still busy
        return progress

    def _finish(self) -> None:
        job, path, progress = self.job, self._path, self._progress
        self.job, self._path, self._progress = None, None, None
        if progress is not None:
            progress.reset()
            progress.deleteLater()
        assert job is not None and path is not None
        job.deleteLater()
        try:
            if job.failure is not None:
                raise job.failure
            if job.write_error is not None:
                self.prompts.warn(
                    "Could not export",
                    f"Chorus could not save “{path.name}” in {path.parent}: "
                    f"{job.write_error}.\n\nNothing was written there. "
                    "Choose another folder, or free some space, and try again.",
                )
            elif self.prompts.confirm(
                "Export finished",
                f"Saved “{path.name}” in {path.parent}.\n\nOpen it now?",
                "Open",
            ):
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        finally:
            self.sig_done.emit()
