"""The rate step: a grid of raters by scales, typed into like a spreadsheet, with the room's
averages and spread drawn live beside it and the exercise's reading of the current result.

A digit typed on a cell is saved at once (no F2 needed), so the facilitator can read numbers off
rating cards as fast as they are called out; a number the scale does not take is refused with a
short message and nothing is saved. Every change is an undo step on the workshop's stack.
"""

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QWidget

from app.services.changes import Area, Changes
from app.services.ratings import rating_summary
from exercises.model import RateCapture
from ui.actions import Scope, build_actions, refresh_icons
from ui.capture.context import StepContext
from ui.capture.panel import CapturePanel
from ui.capture.rate_commands import RatingCommand
from ui.capture.rate_form import build_rate_layout, fit_grid
from ui.capture.rate_model import (
    RateModel,
    could_become,
    out_of_range,
    parse_value,
    reading,
)
from ui.capture.rating_chart import RatingChart
from ui.store import Store
from ui.theme import tint_warning
from ui.undo import push_reporting

TYPING_PAUSE_MS = 1200  # digits typed closer together than this make one number ("-", "2", "0")
NUMBER_KEYS = frozenset("0123456789-.,")
Key = Qt.Key


class RatePanel(CapturePanel):
    def __init__(
        self,
        store: Store,
        context: StepContext,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, context, undo_stack, parent)
        capture = context.capture
        assert isinstance(capture, RateCapture)
        self.capture = capture
        self.model = RateModel(capture, self._edit_from_cell, self)
        self.chart = RatingChart(capture.scales)
        self.command_actions = build_actions(self, Scope.RATE)
        self._typed = ""  # digits of the number being typed on the current cell
        self._session = 0  # typing sessions, so one number's digits merge into one undo step
        self._tab_start: tuple[int, int] | None = None  # (row, column) where Tab-ing began
        self._sized = False
        self._pause = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._pause.timeout.connect(self._end_typing)
        self.form = build_rate_layout(self, self.model, self.chart, self.command_actions)
        self.grid, self.message = self.form.grid, self.form.message
        self.reading, self.reading_area = self.form.reading, self.form.reading_area
        self.grid.installEventFilter(self)
        self.grid.selectionModel().currentChanged.connect(self._on_current_changed)
        tint_warning(self.message, self.palette())
        store.sig_changed.connect(self._on_changed)
        self._reload()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            fit_grid(self.form, self.model.columnCount())

    # -- what the runner calls ----------------------------------------------------------------

    def focus_entry(self) -> None:
        if not self.grid.currentIndex().isValid() and self.model.raters:
            self.grid.setCurrentIndex(self.model.index(0, 0))
        self.grid.setFocus()

    def commit_pending(self) -> None:
        """Close a cell editor (it saves when it loses focus) and end the number being typed."""
        if self.grid.state() is QAbstractItemView.State.EditingState:
            self.grid.setFocus()
        self._end_typing()

    # -- redraw -------------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.workshop_id == self.context.workshop_id and changes.touches(
            Area.RATINGS, Area.PARTICIPANTS
        ):
            self._reload()

    def _reload(self) -> None:
        current = self.grid.currentIndex()
        rater = self.model.raters[current.row()].participant_id if current.isValid() else None
        column = current.column() if current.isValid() else 0
        had_current = current.isValid()
        self.model.load(self.store.db, self.context)
        if had_current and not self.grid.currentIndex().isValid():
            row = self.model.row_of(rater)
            self.grid.setCurrentIndex(self.model.index(row or 0, column))
        context = self.context
        summaries = rating_summary(self.store.db, context.agenda_item_id, context.step_key)
        self.chart.set_summaries(summaries)
        text = reading(self.capture, summaries)
        self.form.reading_heading.setVisible(text is not None)
        self.reading_area.setVisible(text is not None)
        self.reading.setText(text or "")

    # -- typing numbers -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.grid and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        if self.grid.state() is QAbstractItemView.State.EditingState:
            return False
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        if plain and event.text() and event.text() in NUMBER_KEYS:
            self._type(event.text())
            return True
        if event.key() in (Key.Key_Backspace, Key.Key_Delete) and plain:
            self.clear_current()
            return True
        if event.key() in (Key.Key_Return, Key.Key_Enter) and plain:
            self._next_rater()
            return True
        if event.key() in (Key.Key_Tab, Key.Key_Backtab):
            current = self.grid.currentIndex()
            if self._tab_start is None or self._tab_start[0] != current.row():
                self._tab_start = (current.row(), current.column())
        return False

    def _type(self, char: str) -> None:
        index = self.grid.currentIndex()
        if not index.isValid():
            return
        scale = self.model.scales[index.column()]
        candidate = self._typed + char
        value = parse_value(candidate)
        if (value is None or out_of_range(scale, value)) and not could_become(candidate, scale):
            if self._typed:  # a new number over the one just typed: "4" then "5" on 1..5
                self._end_typing()
                self._type(char)
                return
            self._show(out_of_range(scale, value if value is not None else scale.high + 1))
            return
        self._typed = candidate
        self._pause.start()
        if value is not None and out_of_range(scale, value) is None:
            self._set(index.row(), index.column(), value)
        else:
            self._show(None)

    def _end_typing(self) -> None:
        self._pause.stop()
        if self._typed:
            self._typed = ""
            self._session += 1

    def _on_current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._end_typing()

    def _next_rater(self) -> None:
        """Enter: the next row, back in the column where a run of Tabs began (a spreadsheet's
        way), so "4 Tab 3 Tab 2 Enter" fills one person's card and lands on the next."""
        self._end_typing()
        current = self.grid.currentIndex()
        if not current.isValid():
            return
        column = current.column()
        if self._tab_start is not None and self._tab_start[0] == current.row():
            column = self._tab_start[1]
        self._tab_start = None
        row = min(current.row() + 1, self.model.rowCount() - 1)
        self.grid.setCurrentIndex(self.model.index(row, column))

    # -- handlers of the RATE actions ---------------------------------------------------------

    def clear_current(self) -> None:
        self._end_typing()
        index = self.grid.currentIndex()
        if index.isValid() and self.model.value(index.row(), index.column()) is not None:
            self._set(index.row(), index.column(), None)
            self._end_typing()

    # -- saving -------------------------------------------------------------------------------

    def _edit_from_cell(self, row: int, column: int, text: str) -> bool:
        """F2 editing takes any number in range ("3.5"); empty clears."""
        scale = self.model.scales[column]
        value = parse_value(text) if text else None
        if text and value is None:
            self._show(f"“{text}” is not a number. {out_of_range(scale, scale.high + 1)}")
            return False
        problem = None if value is None else out_of_range(scale, value)
        if problem:
            self._show(problem)
            return False
        if value == self.model.value(row, column):
            return False
        self._end_typing()
        return self._set(row, column, value)

    def _set(self, row: int, column: int, value: float | None) -> bool:
        rater, scale = self.model.raters[row], self.model.scales[column]
        command = RatingCommand(
            self.store,
            self.context,
            participant_id=rater.participant_id,
            scale_key=scale.key,
            old=self.model.value(row, column),
            new=value,
            rater=rater.label,
            scale_label=scale.label,
            session=self._session,
        )
        refused = push_reporting(self.store, self.undo_stack, command)
        self._show(refused)
        return refused is None

    def _show(self, message: str | None) -> None:
        self.message.setText(message or "")
        self.message.setVisible(bool(message))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange:
            tint_warning(self.message, self.palette())
            refresh_icons(self.command_actions)
        super().changeEvent(event)
