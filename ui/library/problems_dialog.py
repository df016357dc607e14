"""Why an exercise file could not be used, one row per problem, so a coach can fix the file in
one pass: which file, which line, which field, and what was expected.

The dialog opens with .open() (window-modal, non-blocking); the text can be copied for an email.
LeftOutNotice is the one-line note in the library for custom files that failed to load.
"""

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from exercises.problems import Problem
from ui.icons import icon
from ui.theme import tint_warning

IMPORT_FAILED = "Nothing was imported. Fix these problems in the file and import it again:"
LEFT_OUT = (
    "These files in your exercise folder could not be loaded, so they are not in the library. "
    "Fix the problems and reopen Chorus, or import the fixed file again:"
)
COLUMNS = ("File", "Line", "Field", "Problem")


def problems_text(problems: Sequence[Problem]) -> str:
    """One problem per line, as the command line prints them."""
    return "\n".join(str(problem) for problem in problems)


class ProblemsDialog(QDialog):
    def __init__(
        self,
        problems: Sequence[Problem],
        intro: str = IMPORT_FAILED,
        title: str = "Exercise not imported",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.problems = tuple(problems)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(self.problems), len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName("Problems")
        self.table.verticalHeader().hide()
        for row, problem in enumerate(self.problems):
            for column, item in enumerate(_cells(problem)):
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.copy_button = QPushButton("Copy problems")
        self.copy_button.setToolTip("Copy the list as text, for example to send with the file")
        self.copy_button.clicked.connect(self.copy_problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 130, self.fontMetrics().height() * 22)
        self.table.setFocus()

    def rows(self) -> list[tuple[str, str, str, str]]:
        """What the table shows, row by row (for tests and for reading back)."""
        text, rows = self._cell_text, self.table.rowCount()
        return [(text(r, 0), text(r, 1), text(r, 2), text(r, 3)) for r in range(rows)]

    def _cell_text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return "" if item is None else item.text()

    def copy_problems(self) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(problems_text(self.problems))


def _cells(problem: Problem) -> list[QTableWidgetItem]:
    name = Path(problem.file).name or problem.file
    line = "" if problem.line is None else str(problem.line)
    field = problem.field or "(whole file)"
    cells = [QTableWidgetItem(text) for text in (name, line, field, problem.message)]
    cells[0].setToolTip(problem.file)
    top = Qt.AlignmentFlag.AlignTop
    for cell in cells:
        cell.setTextAlignment(top | Qt.AlignmentFlag.AlignLeft)
    cells[1].setTextAlignment(top | Qt.AlignmentFlag.AlignRight)
    return cells


class LeftOutNotice(QWidget):
    """ "2 custom exercise files could not be loaded. [Show problems…]"; hidden when none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: tuple[Problem, ...] = ()
        self.icon_label = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.show_button = QToolButton()
        self.show_button.setText("Show problems…")
        self.show_button.setToolTip("Why these files were left out of the library")
        self.show_button.clicked.connect(self.show_problems)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.icon_label)
        row.addWidget(self.label, 1)
        row.addWidget(self.show_button)
        self.setVisible(False)

    def set_problems(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        files = len({p.file for p in self.problems})
        what = "1 custom exercise file" if files == 1 else f"{files} custom exercise files"
        self.label.setText(f"{what} could not be loaded.")
        self.refresh_icon()
        self.setVisible(bool(self.problems))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.refresh_icon()

    def refresh_icon(self) -> None:
        """The icon and the warning tone follow light and dark."""
        self.icon_label.setPixmap(icon("warning").pixmap(self.label.fontMetrics().height()))
        tint_warning(self.label, self.palette())

    def show_problems(self) -> None:
        if self.problems:
            ProblemsDialog(self.problems, LEFT_OUT, "Exercise files left out", self).open()
