"""Every change the cards panel makes, as undo commands on the workshop's stack.

Which card a command acts on: the current card of the column that has the focus; from the box
(or a toolbar button) the card selected in the last column used, else the card added last,
so "F2" right after a typo fixes it without leaving the box.
"""

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QWidget,
)

from ui.capture.card_author_dialog import AuthorDialog
from ui.capture.card_commands import (
    add_card_command,
    delete_card_command,
    edit_card_command,
    set_author_command,
    set_category_command,
)
from ui.capture.card_prefixes import resolve
from ui.capture.cards_model import CardRow
from ui.undo import push_reporting

if TYPE_CHECKING:
    from ui.capture.cards_panel import CardsPanel

EMPTY = "A card cannot be empty: to remove it, press Delete."


def _focus_in(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


class CardEdits:
    def __init__(self, panel: "CardsPanel") -> None:
        self.panel = panel
        self._back_to_entry = False  # an edit started from the box returns there
        self.author_dialog: AuthorDialog | None = None  # open while choosing who said a card
        for column in panel.board.columns:
            column.on_edit = self.edited

    def _push(self, command: QUndoCommand) -> str | None:
        refused = push_reporting(self.panel.store, self.panel.undo_stack, command)
        if refused:
            self.panel.say(refused)
        return refused

    # -- which card -----------------------------------------------------------------------------

    def chosen_card(self) -> CardRow | None:
        column = self.panel.active_column()
        index = column.list.currentIndex()
        in_column = _focus_in(column.list)
        selected = in_column or column.list.selectionModel().isSelected(index)
        if index.isValid() and index.row() < len(column.model.rows) and selected:
            return column.model.rows[index.row()]
        return None if in_column else self.panel.board.newest()

    # -- the edits ------------------------------------------------------------------------------

    def add(self, *, text: str, author: int | None, category: str | None) -> str | None:
        """Add a card; the refusal in plain words, or None when it was added."""
        context = self.panel.context
        command = add_card_command(
            self.panel.store,
            context.agenda_item_id,
            context.step_key,
            text,
            author_id=author,
            category=category,
        )
        return push_reporting(self.panel.store, self.panel.undo_stack, command)

    def edit_selected(self) -> None:
        card = self.chosen_card()
        if card is None:
            return
        self._back_to_entry = _focus_in(self.panel.entry)
        self.panel.select(card.id)
        column = self.panel.active_column()
        column.list.edit(column.list.currentIndex())

    def edited(self, card_id: int, new: str) -> bool:
        """An edit in place: new text, and @name or #column in it change who or where."""
        old = self.panel.board.card(card_id)
        if old is None:
            return False
        board = self.panel.board
        resolved = resolve(new, board.people, board.categories)
        text = resolved.text.strip()
        if not text and resolved.author_id is None and resolved.category is None:
            self.panel.say(EMPTY)
            return False
        store = self.panel.store
        commands: list[QUndoCommand] = []
        if text and text != old.text:
            commands.append(edit_card_command(store, card_id, old.text, text))
        if resolved.author_id is not None and resolved.author_id != old.author_id:
            commands.append(set_author_command(store, card_id, old.author_id, resolved.author_id))
        if resolved.category is not None and resolved.category != old.category:
            label = self.panel.board.column_for(resolved.category).title
            commands.append(
                set_category_command(store, card_id, old.category, resolved.category, label)
            )
        refused = self._push_all("Edit card", commands)
        if refused:
            # Once the closing editor is gone; never if the step changed and the panel went.
            QTimer.singleShot(0, self.panel, lambda: self._reopen(card_id, new))
            return False
        self.panel.say(" ".join(resolved.problems))
        return True

    def _push_all(self, text: str, commands: list[QUndoCommand]) -> str | None:
        stack = self.panel.undo_stack
        if len(commands) > 1:
            stack.beginMacro(text)
        refused = None
        for command in commands:
            refused = self._push(command)
            if refused:
                break
        if len(commands) > 1:
            stack.endMacro()
        return refused

    def _reopen(self, card_id: int, text: str) -> None:
        """Give the refused text back in the editor, so it is not lost."""
        self.panel.select(card_id)
        column = self.panel.active_column()
        index = column.list.currentIndex()
        column.list.edit(index)
        editor = column.list.indexWidget(index)
        if isinstance(editor, QLineEdit):
            editor.setText(text)

    def editor_closed(self, _editor: QWidget, _hint: QAbstractItemDelegate.EndEditHint) -> None:
        if self._back_to_entry:
            self._back_to_entry = False
            QTimer.singleShot(0, self.panel, self.panel.focus_entry)

    def finish_open_editor(self) -> None:
        """Commit an edit in place still open (the editor saves when it loses the focus)."""
        for column in self.panel.columns:
            if column.list.state() is QAbstractItemView.State.EditingState:
                column.list.setFocus()

    def delete_selected(self) -> None:
        card = self.chosen_card()
        if card is None:
            return
        column = self.panel.active_column()
        found = self.panel.board.find(card.id)
        row = found[1] if found else 0
        if self._push(delete_card_command(self.panel.store, card.id)):
            return
        model = self.panel.board.column_for(card.category)
        if model.rows and _focus_in(column.list):
            column.list.setCurrentIndex(model.index(min(row, len(model.rows) - 1), 0))

    def move_to_side(self, step: int) -> None:
        card = self.chosen_card()
        if card is None or not self.panel.board.categories:
            return
        targets = [c for c in self.panel.visible_columns() if c.model.category is not None]
        keys = [c.model.category for c in targets]
        if card.category in keys:
            at = keys.index(card.category) + step
        else:  # not in a column yet: the first or the last one
            at = 0 if step > 0 else len(keys) - 1
        if not 0 <= at < len(keys):
            return
        to = targets[at].model
        was_in_column = _focus_in(self.panel.active_column().list)
        command = set_category_command(
            self.panel.store, card.id, card.category, to.category, to.title
        )
        if not self._push(command):
            self.panel.select(card.id, focus=was_in_column)

    def choose_author(self) -> None:
        """Pick who said the chosen card from the workshop's people (Enter confirms)."""
        card = self.chosen_card()
        if card is None:
            return
        panel = self.panel
        dialog = AuthorDialog(card.text, panel.board.people, card.author_id, panel)
        dialog.accepted.connect(lambda: self.set_author(card.id, dialog.chosen()))
        back_to = QApplication.focusWidget() or panel.entry
        dialog.finished.connect(lambda: self._author_dialog_closed(back_to))
        self.author_dialog = dialog
        dialog.open()

    def _author_dialog_closed(self, back_to: QWidget) -> None:
        """Back where the keyboard was (the box, or the card in its column)."""
        self.author_dialog = None
        self.panel.window().activateWindow()
        (back_to if shiboken6.isValid(back_to) else self.panel.entry).setFocus()

    def set_author(self, card_id: int, author_id: int | None) -> None:
        card = self.panel.board.card(card_id)
        if card is None or card.author_id == author_id:
            return
        self._push(set_author_command(self.panel.store, card_id, card.author_id, author_id))
