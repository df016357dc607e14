"""The actions step: what, who, by when, typed as the groups read their steps out.

"What" then Enter adds an action and leaves the cursor ready for the next; Tab reaches who (the
participants' names are offered, any text is fine) and by when ("friday", "1 Dec", a date). The
table below is the workshop's whole list: Space marks the selected action done, F2 edits it in
place, Delete removes it, Ctrl+Up/Down move it. Every change is an undo step; typing not yet
added is kept as a draft, so a crash or a step change loses nothing.
"""

import datetime as dt

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QWidget,
)

from app.services.changes import Area, Changes
from app.services.drafts import draft_key
from app.services.participants import list_participants
from ui.actions import Scope, build_actions, refresh_icons
from ui.capture.action_commands import (
    add_action_command,
    delete_action_command,
    done_command,
    edit_action_command,
    move_action_command,
)
from ui.capture.actions_form import ENTRY_FIELDS, build_actions_layout
from ui.capture.actions_model import FIELDS, STATUS, ActionsModel, today_of
from ui.capture.context import StepContext
from ui.capture.due_dates import parse_due
from ui.capture.entry_draft import EntryDraft
from ui.capture.panel import CapturePanel
from ui.row_table import reopen_refused
from ui.store import Store
from ui.theme import tint_warning
from ui.undo import push_reporting

Select = QItemSelectionModel.SelectionFlag


class ActionsPanel(CapturePanel):
    def __init__(
        self,
        store: Store,
        context: StepContext,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, context, undo_stack, parent)
        self.model = ActionsModel(self._edit, self)
        self.command_actions = build_actions(self, Scope.ACTION_LIST)
        form = build_actions_layout(self, self.model, self.command_actions)
        self.what, self.who, self.due = form.what, form.who, form.due
        self.table, self.message, self.count_label = form.table, form.message, form.count
        self.owners = form.owners  # the names offered in "Who"
        item, step = context.agenda_item_id, context.step_key
        self.drafts = [  # what is typed in the entry row, one draft per box
            EntryDraft(store, edit, draft_key("actions", item, step, field), context.workshop_id)
            for field, edit in zip(ENTRY_FIELDS, (self.what, self.who, self.due), strict=True)
        ]
        for edit in (self.what, self.who, self.due):
            edit.returnPressed.connect(self.add_entry)
        self.table.doubleClicked.connect(self._on_double_click)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        tint_warning(self.message, self.palette())
        store.sig_changed.connect(self._on_changed)
        self._reload()
        self._load_owners()

    # -- what the runner calls ----------------------------------------------------------------

    def focus_entry(self) -> None:
        self.what.setFocus()

    def commit_pending(self) -> None:
        """Close a cell editor (it saves on losing focus) and keep the entry's typing as drafts."""
        if self.table.state() is QAbstractItemView.State.EditingState:
            self.table.setFocus()
        for draft in self.drafts:
            draft.save(now=True)

    # -- redraw -------------------------------------------------------------------------------

    def _on_changed(self, changes: Changes) -> None:
        if changes.workshop_id != self.context.workshop_id:
            return
        if changes.touches(Area.ACTIONS):
            self._reload()
        if changes.touches(Area.ACTIONS, Area.PARTICIPANTS):
            self._load_owners()

    def _reload(self) -> None:
        current = self._current_id()
        column = max(self.table.currentIndex().column(), 0)
        self.model.load(self.store.db, self.context.workshop_id)
        if current is not None:
            self._select(current, column)
        count = len(self.model.rows)
        done = sum(row.done for row in self.model.rows)
        text = f"{count} action{'s' if count != 1 else ''}" + (f", {done} done" if done else "")
        self.count_label.setText(text if count else "No actions yet")
        self._update_actions()

    def _load_owners(self) -> None:
        names = [p.name for p in list_participants(self.store.db, self.context.workshop_id)]
        names += [row.owner for row in self.model.rows]
        self.owners.setStringList(sorted({n for n in names if n}, key=str.casefold))

    # -- handlers of the ACTION_LIST actions --------------------------------------------------

    def add_entry(self) -> None:
        """Add what is typed in the entry row; on success empty it and stay there."""
        if not self.what.text().strip():
            self._show("Type what will be done first." if self.who.text() else None)
            self.what.setFocus()
            return
        try:
            due = parse_due(self.due.text(), today_of(self.store.db))
        except ValueError as problem:
            self._show(str(problem))
            self.due.setFocus()
            return
        command = add_action_command(
            self.store, self.context, self.what.text(), self.who.text().strip(), due
        )
        if self._push(command) is not None:
            return
        for edit, draft in zip((self.what, self.who, self.due), self.drafts, strict=True):
            edit.clear()
            draft.committed()
        if command.row_id is not None:
            self._select(command.row_id, 0)
        self.what.setFocus()

    def toggle_done(self) -> None:
        row = self._current_row()
        if row is not None:
            self._edit(self.model.rows[row].id, "status", not self.model.rows[row].done)

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.column() == STATUS:  # the other columns open their editor
            self.toggle_done()

    def delete_selected(self) -> None:
        row = self._current_row()
        if row is None:
            return
        action = self.model.rows[row]
        self._push(delete_action_command(self.store, action.id, action.what))
        if self.model.rows:
            self._select(self.model.rows[min(row, len(self.model.rows) - 1)].id, 0)

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(+1)

    def _move(self, step: int) -> None:
        row = self._current_row()
        if row is None or not 0 <= row + step < len(self.model.rows):
            return
        action_id = self.model.rows[row].id
        column = max(self.table.currentIndex().column(), 0)
        self._push(move_action_command(self.store, action_id, row, row + step))
        self._select(action_id, column)

    # -- editing in place ---------------------------------------------------------------------

    def _edit(self, action_id: int, field: str, value: object) -> bool:
        row = self.model.row_of(action_id)
        if row is None:
            return False
        action = self.model.rows[row]
        if field == "status":
            return self._push(done_command(self.store, action_id, bool(value), action.what)) is None
        text = str(value)
        new: str | dt.date | None = text if field == "what" else text.strip()
        if field == "due":
            try:
                new = parse_due(text, today_of(self.store.db))
            except ValueError as problem:
                self._show(str(problem))
                self._reopen_later(action_id, field, text)
                return False
        old = action.value(field)
        if new == old or (field == "what" and text.strip() == old):
            return False
        command = edit_action_command(
            self.store, action_id, field, old=old, new=new, what=action.what
        )
        if self._push(command) is not None:
            self._reopen_later(action_id, field, text)
            return False
        return True

    def _reopen_later(self, action_id: int, field: str, text: str) -> None:
        """Once the closing editor is gone; never if the step changed and this panel went."""
        QTimer.singleShot(0, self, lambda: self._reopen(action_id, FIELDS.index(field), text))

    def _reopen(self, action_id: int, column: int, text: str) -> None:
        reopen_refused(self.table, self.model, action_id, column, text)

    def _push(self, command: QUndoCommand) -> str | None:
        refused = push_reporting(self.store, self.undo_stack, command)
        self._show(refused)
        return refused

    # -- selection, messages, enabled state ---------------------------------------------------

    def _current_row(self) -> int | None:
        index = self.table.currentIndex()
        return index.row() if index.isValid() and index.row() < len(self.model.rows) else None

    def _current_id(self) -> int | None:
        row = self._current_row()
        return None if row is None else self.model.rows[row].id

    def _select(self, action_id: int, column: int) -> None:
        row = self.model.row_of(action_id)
        if row is None:
            return
        index = self.model.index(row, column)
        self.table.selectionModel().setCurrentIndex(index, Select.ClearAndSelect | Select.Rows)
        self.table.scrollTo(index)

    def _update_actions(self, *_: QModelIndex) -> None:
        row = self._current_row()
        has_row = row is not None
        for action_id in ("toggle_action_done", "delete_action"):
            self.command_actions[action_id].setEnabled(has_row)
        self.command_actions["move_action_up"].setEnabled(has_row and row != 0)
        last = len(self.model.rows) - 1
        self.command_actions["move_action_down"].setEnabled(has_row and row != last)

    def _show(self, message: str | None) -> None:
        self.message.setText(message or "")
        self.message.setVisible(bool(message))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange:
            tint_warning(self.message, self.palette())
            refresh_icons(self.command_actions)
        super().changeEvent(event)
