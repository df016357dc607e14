"""The agenda builder: the workshop's exercises in order, with start times, minutes per step and
the total against the time available.

Every edit is an undo command on the workshop's stack; the tree redraws from the store's report
of the write, keeping the current row (by id) and which items are open.
"""

from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QPalette, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.agenda import AgendaPlan, ItemPlan, agenda_plan
from app.services.changes import Area, Changes
from app.services.errors import NotFoundError
from ui.actions import Scope, build_actions, refresh_icons, spec
from ui.editor.agenda_commands import (
    add_command,
    minutes_command,
    move_command,
    remove_command,
)
from ui.editor.agenda_model import (
    ITEM_ID,
    MINUTES,
    RUN_STEP_ID,
    STARTS,
    TITLE,
    AgendaModel,
    format_minutes,
)
from ui.editor.agenda_tree import AgendaTree
from ui.editor.minutes_delegate import MinutesDelegate
from ui.store import Store
from ui.theme import paint_warning_line


class AgendaPanel(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.workshop_id: int | None = None
        self.undo_stack: QUndoStack | None = None
        self.model = AgendaModel(self)
        self.tree = AgendaTree(self)
        self.tree.setModel(self.model)
        self.tree.setItemDelegateForColumn(MINUTES, MinutesDelegate(self.tree))
        self.tree.setAccessibleName("Agenda")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(STARTS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MINUTES, QHeaderView.ResizeMode.ResizeToContents)
        self.command_actions = build_actions(self, Scope.AGENDA)
        self._build_layout()
        self.store.sig_changed.connect(self._on_changed)
        self.model.sig_minutes_edited.connect(self._on_minutes_edited)
        self.model.sig_exercise_dropped.connect(self.add_exercise)
        self.model.sig_item_dropped.connect(self._on_item_dropped)
        self.tree.selectionModel().currentChanged.connect(self._update_actions)
        self._show_footer(None)
        self._update_actions()

    def _build_layout(self) -> None:
        heading = QLabel("Agenda")
        font = heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        heading.setFont(font)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(heading)
        bar.addStretch(1)
        for action_id in ("move_item_up", "move_item_down", "remove_item"):
            button = QToolButton(self)
            button.setDefaultAction(self.command_actions[action_id])
            button.setAutoRaise(True)
            button.setAccessibleName(spec(action_id).plain_text)
            button.setObjectName(f"button_{action_id}")
            bar.addWidget(button)

        self.total_label = QLabel()
        self.total_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label = QLabel()  # muted: time to spare, or no time set
        self.note_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.warning = QWidget(self)  # shown only when the agenda runs over
        self.warning_icon = QLabel()
        self.warning_label = QLabel()
        self.warning_label.setWordWrap(True)
        self.warning_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bold = self.warning_label.font()
        bold.setBold(True)
        self.warning_label.setFont(bold)
        warning_row = QHBoxLayout(self.warning)
        warning_row.setContentsMargins(0, 0, 0, 0)
        warning_row.addWidget(self.warning_icon)
        warning_row.addWidget(self.warning_label, 1)
        self._colour_warning()

        footer = QVBoxLayout()
        footer.setSpacing(2)
        footer.addWidget(self.total_label)
        footer.addWidget(self.note_label)
        footer.addWidget(self.warning)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.tree, 1)
        layout.addLayout(footer)

    # --- showing a workshop ---

    def set_workshop(self, workshop_id: int, undo_stack: QUndoStack) -> None:
        self.workshop_id = workshop_id
        self.undo_stack = undo_stack
        self.model.set_plan(None)
        self._refresh(None)
        if self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, TITLE))

    def _on_changed(self, changes: Changes) -> None:
        if self.workshop_id is None or changes.workshop_id != self.workshop_id:
            return
        if changes.touches(Area.AGENDA, Area.DETAILS):
            self._refresh(changes)

    def _refresh(self, changes: Changes | None) -> None:
        assert self.workshop_id is not None
        try:
            plan: AgendaPlan | None = agenda_plan(self.store.db, self.workshop_id)
        except NotFoundError:
            plan = None
        old_ids = set(self.model.item_ids())
        current = self.tree.currentIndex()
        item_id, run_step_id = current.data(ITEM_ID), current.data(RUN_STEP_ID)
        row, column = self.model.item_row(current), max(current.column(), TITLE)
        collapsed = {
            self.model.item(r).data(ITEM_ID)
            for r in range(self.model.rowCount())
            if not self.tree.isExpanded(self.model.index(r, TITLE))
        }
        rebuilt = self.model.set_plan(plan)
        if rebuilt:
            for r in range(self.model.rowCount()):
                index = self.model.index(r, TITLE)
                self.tree.setExpanded(index, index.data(ITEM_ID) not in collapsed)
            appeared = set(self.model.item_ids()) - old_ids
            if changes is not None and changes.ids and changes.id in appeared:
                self.select_item(changes.id)  # added, or brought back by undo
            else:
                self._restore_current(item_id, run_step_id, row, column)
        self._show_footer(plan)
        self._update_actions()

    def _restore_current(
        self, item_id: int | None, run_step_id: int | None, row: int, column: int
    ) -> None:
        index = QModelIndex()
        if run_step_id is not None:
            index = self.model.step_index(run_step_id)
        if not index.isValid() and item_id is not None:
            index = self.model.item_index(item_id)
        if not index.isValid() and row >= 0 and self.model.rowCount():
            index = self.model.index(min(row, self.model.rowCount() - 1), TITLE)
        if index.isValid():
            self.tree.setCurrentIndex(index.siblingAtColumn(column))
            self.tree.scrollTo(index)

    def select_item(self, item_id: int) -> None:
        index = self.model.item_index(item_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def current_item(self) -> ItemPlan | None:
        row = self.model.item_row(self.tree.currentIndex())
        plan = self.model.plan
        return plan.items[row] if plan is not None and 0 <= row < len(plan.items) else None

    # --- the footer: total against time available ---

    def _show_footer(self, plan: AgendaPlan | None) -> None:
        total = plan.total_minutes if plan else 0
        available = plan.minutes_available if plan else None
        text = f"Total {format_minutes(total)}"
        note = "No time available set"
        if available is not None:
            text += f" · {format_minutes(available)} available"
            spare = available - total
            note = f"{format_minutes(spare)} to spare" if spare > 0 else ""
        over = plan.over_by if plan else 0
        self.total_label.setText(text)
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note))
        self.warning_label.setText(f"{format_minutes(over)} over the time available")
        self.warning.setVisible(over > 0)
        self.warning.setAccessibleName(self.warning_label.text() if over else "")

    def _colour_warning(self) -> None:
        paint_warning_line(self.warning_icon, self.warning_label)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_warning()
            refresh_icons(self.command_actions)

    # --- commands (handlers named in ui.actions) ---

    def _push(self, command: QUndoCommand) -> None:
        if self.undo_stack is not None:
            self.undo_stack.push(command)

    def add_exercise(self, key: str, index: int | None = None) -> None:
        """Add the library exercise `key` at `index`; None: after the current item, or last."""
        if self.workshop_id is None:
            return
        try:
            exercise = self.store.library.get(key).exercise
        except KeyError:
            self.store.sig_failed.emit(f"There is no exercise “{key}” in the library.")
            return
        self.tree.finish_editing()
        count = self.model.rowCount()
        if index is None:
            row = self.model.item_row(self.tree.currentIndex())
            index = row + 1 if row >= 0 else count
        command = add_command(self.store, self.workshop_id, exercise, max(0, min(index, count)))
        self._push(command)
        if command.row_id is not None:
            self.select_item(command.row_id)

    def move_up(self) -> None:
        self._move_by(-1)

    def move_down(self) -> None:
        self._move_by(1)

    def _move_by(self, step: int) -> None:
        self.tree.finish_editing()
        item = self.current_item()
        if item is not None:
            row = self.model.item_row(self.tree.currentIndex())
            if 0 <= row + step < self.model.rowCount():
                self._push(move_command(self.store, item.item_id, item.title, row, row + step))

    def remove_selected(self) -> None:
        self.tree.finish_editing()
        item = self.current_item()
        if item is not None:
            row = self.model.item_row(self.tree.currentIndex())
            self._push(remove_command(self.store, item.item_id, item.title, row))

    def _on_item_dropped(self, item_id: int, gap: int) -> None:
        ids = self.model.item_ids()
        old = ids.index(item_id)
        new = gap if gap <= old else gap - 1
        if new != old and self.model.plan is not None:
            title = self.model.plan.items[old].title
            self._push(move_command(self.store, item_id, title, old, new))
            self.select_item(item_id)

    def _on_minutes_edited(self, item_id: int, step_key: str, old: int, new: int) -> None:
        plan = self.model.plan
        item = next((i for i in plan.items if i.item_id == item_id), None) if plan else None
        if item is not None:
            title = item.exercise.step(step_key).title
            self._push(minutes_command(self.store, item_id, step_key, title, old=old, new=new))

    def _update_actions(self) -> None:
        row = self.model.item_row(self.tree.currentIndex())
        self.command_actions["move_item_up"].setEnabled(row > 0)
        self.command_actions["move_item_down"].setEnabled(0 <= row < self.model.rowCount() - 1)
        self.command_actions["remove_item"].setEnabled(row >= 0)
