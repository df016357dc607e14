"""Importing a custom exercise file: choose it, validate it, copy it in, and let undo take it
back out.

The copy is named after the exercise key, so an import can replace an earlier version; the
command remembers that earlier text and undo writes it back. A file with problems is never
copied: the problems are listed in a ProblemsDialog and the command is dropped.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from app.files import FileWriteError, write_atomically
from app.paths import user_exercises_dir
from app.user_library import LibraryEntry, import_exercise
from exercises.loader import load_exercise_text, read_file_text
from exercises.problems import ExerciseFileError, Problem
from ui.actions import shortcut_text, spec
from ui.icons import icon
from ui.library.problems_dialog import ProblemsDialog
from ui.prompts import Prompts
from ui.store import Store

OPEN_TITLE = "Import exercise"
FILE_FILTER = "Exercise files (*.toml)"


@dataclass
class ImportOutcome:
    """What the first redo found; kept outside the command, which Qt deletes if it fails."""

    entry: LibraryEntry | None = None
    problems: tuple[Problem, ...] = ()
    error: str = ""
    replaced: bool = False  # the import took the place of an earlier copy


class ImportExerciseCommand(QUndoCommand):
    """redo: copy the file into the user's library (later: write the same text back);
    undo: delete the copy, or restore the file it replaced."""

    def __init__(
        self,
        store: Store,
        source: Path,
        outcome: ImportOutcome,
        report: Callable[[str], None],
    ) -> None:
        super().__init__(f"Import exercise from {source.name}")
        self.store = store
        self.source = source
        self.outcome = outcome
        self._report = report
        self._target: Path | None = None
        self._previous: bytes | None = None  # the target's text before the import
        self._imported: bytes = b""

    def redo(self) -> None:
        try:
            if self._target is None:
                self._first_import()
            else:
                write_atomically(self._target, self._imported)
        except ExerciseFileError as error:
            self.outcome.problems = error.problems
            self.setObsolete(True)
            return
        except (OSError, FileWriteError) as error:
            self._fail(f"The exercise could not be copied into your library. {_plain(error)}")
            self.store.reload_library()  # show the folder as it now is
            return
        self.store.reload_library()

    def undo(self) -> None:
        assert self._target is not None
        try:
            if self._previous is None:
                self._target.unlink(missing_ok=True)
            else:
                write_atomically(self._target, self._previous)
        except (OSError, FileWriteError) as error:
            self._fail(f"The import could not be undone. {_plain(error)}")
            self.store.reload_library()
            return
        self.store.reload_library()

    def _first_import(self) -> None:
        # Load once to learn the key (and so the target), before anything is written.
        exercise = load_exercise_text(read_file_text(self.source), str(self.source))
        target = user_exercises_dir(self.store.data_dir) / f"{exercise.key}.toml"
        previous = target.read_bytes() if target.is_file() else None
        entry = import_exercise(self.store.data_dir, self.source)
        self._target, self._previous = Path(entry.source), previous
        self._imported = self._target.read_bytes()
        self.setText(f"Import exercise “{entry.exercise.title}”")
        self.outcome.entry = entry
        self.outcome.replaced = previous is not None

    def _fail(self, message: str) -> None:
        """Drop the command; the first import's caller tells the user, later steps do here."""
        first = self.outcome.entry is None
        self.outcome.error = message
        self.setObsolete(True)
        if not first:
            self._report(message)


def import_action(parent: QObject, handler: Callable[[], None]) -> QAction:
    """The window's Import command for a button in a view (the window owns the shortcut)."""
    item = spec("import_exercise")
    action = QAction(item.text, parent)
    action.setIcon(icon(item.icon or "import_exercise"))
    action.setToolTip(f"{item.tip} ({shortcut_text(item)})")
    action.triggered.connect(handler)
    return action


def import_exercise_file(
    store: Store,
    prompts: Prompts,
    parent: QWidget | None,
    undo_stack: QUndoStack,
    on_imported: Callable[[LibraryEntry], None] | None = None,
) -> bool:
    """Ask for a file and import it as one undoable step; True when it was imported.

    Problems in the file open a ProblemsDialog (child of `parent`) and import nothing.
    """
    source = prompts.open_file(OPEN_TITLE, FILE_FILTER)
    if source is None:
        return False
    outcome = ImportOutcome()

    def report(message: str) -> None:
        prompts.warn("Exercise not imported", message)

    undo_stack.push(ImportExerciseCommand(store, source, outcome, report))
    if outcome.problems:
        dialog = ProblemsDialog(outcome.problems, parent=parent)
        dialog.open()
        return False
    if outcome.error:
        report(outcome.error)
    if outcome.entry is None or outcome.error:
        return False
    if on_imported is not None:
        on_imported(outcome.entry)
    return True


def _plain(error: BaseException) -> str:
    text = (error.strerror or str(error)) if isinstance(error, OSError) else str(error)
    text = " ".join(text.split())
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")
