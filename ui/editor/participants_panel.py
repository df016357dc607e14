"""Who is in the room: a table of participants, edited in place, every change undoable.

Names are optional, so a room that stays anonymous can still list its vantage points; the
vote budget and the runner's "@name" prefix come from this list.
"""

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QPalette, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QToolButton,
    QWidget,
)

from app.services.changes import Area, Changes
from ui.actions import Scope, build_actions, refresh_icons
from ui.editor.commands import (
    add_participant_command,
    edit_participant_command,
    move_participant_command,
    remove_participant_command,
)
from ui.editor.participants_model import FIELDS, ParticipantsModel
from ui.row_table import reopen_refused
from ui.store import Store
from ui.text_style import readable_column
from ui.theme import tint_warning
from ui.undo import push_reporting

EXPLANATION = "Names are optional: a vantage point alone (e.g. “ward nurse”, “funder”) is enough."
Select = QItemSelectionModel.SelectionFlag
WIDTH_CHARS = 100  # two short columns read badly when stretched across a wide window


class ParticipantsPanel(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.workshop_id: int | None = None
        self.undo_stack: QUndoStack | None = None
        self.model = ParticipantsModel(self._edit, self)
        self.command_actions = build_actions(self, Scope.PARTICIPANTS)
        self._build_table()
        self._build_layout()
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        store.sig_changed.connect(self._on_changed)
        self._update_actions()

    def _build_layout(self) -> None:
        explanation = QLabel(EXPLANATION)
        explanation.setWordWrap(True)
        explanation.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.count_label = QLabel()
        self.count_label.setObjectName("participant_count")

        buttons = QHBoxLayout()
        for action_id, text_beside in (
            ("add_participant", True),
            ("remove_participant", False),
            ("move_participant_up", False),
            ("move_participant_down", False),
        ):
            button = QToolButton()
            button.setDefaultAction(self.command_actions[action_id])
            button.setAccessibleName(self.command_actions[action_id].text().replace("&", ""))
            button.setAutoRaise(True)
            if text_beside:
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)

        self.message = QLabel()
        self.message.setObjectName("participant_message")
        self.message.setWordWrap(True)
        self.message.hide()
        tint_warning(self.message, self.palette())

        layout = readable_column(self, WIDTH_CHARS)
        layout.addWidget(explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Participants")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, self.fontMetrics().averageCharWidth() * 32)

    # -- the workshop -------------------------------------------------------------------------

    def set_workshop(self, workshop_id: int, undo_stack: QUndoStack) -> None:
        self.commit_pending()
        if workshop_id != self.workshop_id:
            self.table.setCurrentIndex(self.model.index(-1, -1))
        self.workshop_id = workshop_id
        self.undo_stack = undo_stack
        self.message.hide()
        self._reload()

    def commit_pending(self) -> None:
        """Save a cell still being edited (before closing or switching workshops)."""
        if self.table.state() is QAbstractItemView.State.EditingState:
            self.table.setFocus()  # the editor commits when it loses focus

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Area.PARTICIPANTS) and changes.workshop_id == self.workshop_id:
            self._reload()

    def _reload(self) -> None:
        current = self._current_id()
        column = max(self.table.currentIndex().column(), 0)
        selected = self._selected_ids()
        self.model.load(self.store.db, self.workshop_id)
        if current is not None:
            self._select(current, column, selected)
        elif self.model.rows:
            self._select(self.model.rows[0].id, 0)
        self._update_count()
        self._update_actions()

    # -- handlers of the PARTICIPANTS actions --------------------------------------------------

    def add_participant(self) -> None:
        """Add an unnamed row and start typing its name there."""
        if self.workshop_id is None:
            return
        command = add_participant_command(self.store, self.workshop_id)
        if self._push(command) or command.row_id is None:
            return
        self._select(command.row_id, 0)
        self.table.setFocus()
        self.table.edit(self.table.currentIndex())

    def remove_selected(self) -> None:
        ids = self._selected_ids() or [i for i in [self._current_id()] if i is not None]
        if not ids or self.undo_stack is None:
            return
        first_row = min(r for r in (self.model.row_of(i) for i in ids) if r is not None)
        labels = {row.id: row.label for row in self.model.rows}
        if len(ids) > 1:
            self.undo_stack.beginMacro(f"Remove {len(ids)} participants")
        for participant_id in ids:
            label = labels[participant_id]
            self._push(remove_participant_command(self.store, participant_id, label))
        if len(ids) > 1:
            self.undo_stack.endMacro()
        if self.model.rows:
            following = self.model.rows[min(first_row, len(self.model.rows) - 1)]
            self._select(following.id, 0)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        current = self._current_id()
        row = None if current is None else self.model.row_of(current)
        if current is None or row is None or not 0 <= row + step < len(self.model.rows):
            return
        column = max(self.table.currentIndex().column(), 0)
        self._push(move_participant_command(self.store, current, row, row + step))
        self._select(current, column)

    # -- editing in place ---------------------------------------------------------------------

    def _edit(self, participant_id: int, field: str, new: str) -> bool:
        row = self.model.row_of(participant_id)
        if row is None:
            return False
        old = self.model.rows[row].value(field)
        refused = self._push(edit_participant_command(self.store, participant_id, field, old, new))
        if refused:  # give the typed text back in the cell, so it is not lost
            column = FIELDS.index(field)
            QTimer.singleShot(0, self, lambda: self._reopen(participant_id, column, new))
        return refused is None

    def _reopen(self, participant_id: int, column: int, text: str) -> None:
        reopen_refused(self.table, self.model, participant_id, column, text)

    def _push(self, command: QUndoCommand) -> str | None:
        """Push on the workshop's stack; show the refusal (if any) under the table."""
        if self.undo_stack is None:
            return "No workshop is open."
        refused = push_reporting(self.store, self.undo_stack, command)
        self.message.setText(refused or "")
        self.message.setVisible(bool(refused))
        return refused

    # -- selection, count, enabled state ------------------------------------------------------

    def _current_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()].id

    def _selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [self.model.rows[r].id for r in rows if r < len(self.model.rows)]

    def _select(self, current: int, column: int, others: list[int] | None = None) -> None:
        row = self.model.row_of(current)
        if row is None:
            return
        selection = self.table.selectionModel()
        index = self.model.index(row, column)
        selection.setCurrentIndex(index, Select.ClearAndSelect | Select.Rows)
        for other in others or []:
            other_row = self.model.row_of(other)
            if other_row is not None and other != current:
                selection.select(self.model.index(other_row, 0), Select.Select | Select.Rows)
        self.table.scrollTo(index)

    def _update_count(self) -> None:
        count = len(self.model.rows)
        if count == 0:
            self.count_label.setText("No participants yet")
        else:
            self.count_label.setText(f"{count} participant{'s' if count != 1 else ''}")

    def _update_actions(self) -> None:
        row = self.table.currentIndex().row() if self.table.currentIndex().isValid() else -1
        has_row = 0 <= row < len(self.model.rows)
        self.command_actions["add_participant"].setEnabled(True)
        self.command_actions["remove_participant"].setEnabled(has_row)
        self.command_actions["move_participant_up"].setEnabled(has_row and row > 0)
        self.command_actions["move_participant_down"].setEnabled(
            has_row and row < len(self.model.rows) - 1
        )

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange:
            tint_warning(self.message, self.palette())
            refresh_icons(self.command_actions)
        super().changeEvent(event)
