"""Capture cards as fast as people speak: type, Enter, type the next one.

The box keeps the focus after each card. "@Ana" says who said it and "#vision" which column it
goes to (see card_prefixes); a column named this way stays the column for the cards that follow,
since rooms fill one column at a time. A name or column that matches nothing, or several, stays
in the card's text and a line under the box says why: no word is lost and nobody waits.
What is typed but not yet added is kept as a draft; every change is an undo step.
"""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.drafts import draft_key
from exercises.model import CardsCapture
from ui.actions import Scope, build_actions, refresh_icons
from ui.capture.card_columns import CardColumn
from ui.capture.card_counts import count_text
from ui.capture.card_entry import CardEntry
from ui.capture.card_prefixes import resolve
from ui.capture.cards_edits import CardEdits
from ui.capture.cards_model import CardsBoard
from ui.capture.context import StepContext
from ui.capture.entry_draft import EntryDraft
from ui.capture.panel import CapturePanel
from ui.store import Store
from ui.theme import tint_warning

HINT = "Enter adds · @name says who said it · Tab completes · ↑ goes to the cards"
HINT_COLUMNS = (
    "Enter adds · @name says who · #column says where (next cards follow) · Tab completes"
)
BUTTONS = ("edit_card", "delete_card", "card_to_left", "card_to_right", "card_author")


class CardsPanel(CapturePanel):
    def __init__(
        self,
        store: Store,
        context: StepContext,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, context, undo_stack, parent)
        capture = context.capture
        assert isinstance(capture, CardsCapture)
        self.per_participant = capture.per_participant
        self.board = CardsBoard(store, context, self)
        self.command_actions = build_actions(self, Scope.CARDS)
        self.edits = CardEdits(self)
        self.target = self._first_target()
        self._build()
        key = draft_key("cards", context.agenda_item_id, context.step_key)
        self.draft = EntryDraft(store, self.entry, key, context.workshop_id)
        self._retry_text: str | None = None  # a card the disk refused, still in the box
        store.sig_retry_due.connect(self._retry_add)
        self.board.sig_updated.connect(self._update_counts)
        self.board.sig_people.connect(self._update_choices)
        self._update_choices()
        self._update_counts()

    # -- layout ---------------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_top())
        layout.addLayout(self._build_columns(), 1)
        layout.addLayout(self._build_entry())
        self.hint = QLabel(HINT_COLUMNS if self.board.categories else HINT)
        self.hint.setObjectName("card_hint")
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.hint.setWordWrap(True)  # the runner's pane may be narrow
        self.message = QLabel()
        self.message.setObjectName("card_message")
        self.message.setWordWrap(True)
        self.message.hide()
        tint_warning(self.message, self.palette())
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        self.setFocusProxy(self.entry)
        self._show_target()

    def _build_top(self) -> QHBoxLayout:
        self.count_label = QLabel()
        self.count_label.setObjectName("card_count")
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        for action_id in BUTTONS:
            if action_id.startswith("card_to_") and not self.board.categories:
                continue
            button = QToolButton()
            button.setDefaultAction(self.command_actions[action_id])
            button.setAccessibleName(self.command_actions[action_id].text().replace("&", ""))
            button.setAutoRaise(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            top.addWidget(button)
        return top

    def _build_columns(self) -> QHBoxLayout:
        self.columns: list[CardColumn] = []
        board_row = QHBoxLayout()
        board_row.setSpacing(self.fontMetrics().averageCharWidth() * 2)
        for model in self.board.columns:
            column = CardColumn(model)
            column.note.setVisible(bool(self.board.categories))
            column.list.sig_escape.connect(self.focus_entry)
            column.list.sig_side.connect(lambda step, c=column: self._focus_side(c, step))
            column.list.sig_focused.connect(lambda c=column: self._set_active(c))
            column.delegate.closeEditor.connect(self.edits.editor_closed)
            board_row.addWidget(column, 1)
            self.columns.append(column)
        self._active = self._column_of(self.target)
        return board_row

    def _build_entry(self) -> QHBoxLayout:
        self.entry = CardEntry()
        self.entry.sig_submit.connect(self.add_card)
        self.entry.sig_up.connect(self._focus_target_column)
        add_button = QToolButton()
        add_button.setIcon(self.command_actions["new_card"].icon())
        add_button.setText("Add")
        add_button.setToolTip("Add the card (Enter)")
        add_button.setAccessibleName("Add card")
        add_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        add_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        add_button.clicked.connect(self.add_card)
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(add_button)
        return entry_row

    # -- the runner's entry points --------------------------------------------------------------

    def focus_entry(self) -> None:
        self.entry.setFocus()

    def commit_pending(self) -> None:
        """Save the box as a draft, and finish an edit in place."""
        self.edits.finish_open_editor()
        self.draft.save(now=True)

    # -- adding ---------------------------------------------------------------------------------

    def add_card(self) -> None:
        """Enter: add what the box says, keep the focus there for the next card."""
        text = self.entry.text()
        if not text.strip():
            return
        resolved = resolve(text, self.board.people, self.board.categories)
        if resolved.category is not None and resolved.category != self.target:
            self.target = resolved.category
            self._show_target()
        if not resolved.text.strip():  # only a name or a column: nothing to add yet
            if resolved.author_name:
                self.say(f"Now type what {resolved.author_name} said, then Enter.")
            else:
                self.entry.setText("")
                self.draft.committed()
                self.say(f"New cards go to “{self._column_of(self.target).model.title}”.")
            return
        category = self.target if self.board.categories else None
        refused = self.edits.add(text=resolved.text, author=resolved.author_id, category=category)
        if refused:
            self.say(refused)  # the text stays in the box
            self._retry_text = text if self.store.blocked is not None else None
            return
        self._retry_text = None
        self.entry.setText("")  # also empties the box's own undo, so Ctrl+Z undoes the card
        self.draft.committed()
        self.say(" ".join(resolved.problems))
        self._column_of(category).list.scrollToBottom()  # a new card is the column's last

    def _retry_add(self) -> None:
        """The disk refused the last card: add it now, unless the box was changed since."""
        pending, self._retry_text = self._retry_text, None
        if pending is not None and self.entry.text() == pending:
            self.add_card()

    def say(self, text: str) -> None:
        """A line under the box (a refusal, or why a name stayed in the text); "" hides it."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- columns and focus ----------------------------------------------------------------------

    def _first_target(self) -> str | None:
        """The column of the last card added (so a reopened step carries on), else the first."""
        if not self.board.categories:
            return None
        newest = self.board.newest()
        if newest is not None and newest.category is not None:
            return newest.category
        return self.board.categories[0][0]

    def _column_of(self, category: str | None) -> CardColumn:
        for column in self.columns:
            if column.model.category == category:
                return column
        return self.columns[-1]

    def visible_columns(self) -> list[CardColumn]:
        return [
            c
            for c in self.columns
            if c.model.category is not None or c.model.rows or not self.board.categories
        ]

    def active_column(self) -> CardColumn:
        return self._active

    def _set_active(self, column: CardColumn) -> None:
        self._active = column

    def _focus_side(self, column: CardColumn, step: int) -> None:
        shown = self.visible_columns()
        at = shown.index(column) + step
        if 0 <= at < len(shown):
            row = max(column.list.currentIndex().row(), 0)
            other = shown[at]
            other.list.setFocus()
            if other.model.rows:
                index = other.model.index(min(row, len(other.model.rows) - 1), 0)
                other.list.setCurrentIndex(index)

    def _focus_target_column(self) -> None:
        column = self._column_of(self.target)
        if not column.model.rows:
            column = next((c for c in self.visible_columns() if c.model.rows), column)
        column.list.setFocus()
        if column.model.rows:  # the card just above the box: the newest one
            column.list.setCurrentIndex(column.model.index(len(column.model.rows) - 1, 0))

    def _show_target(self) -> None:
        if self.board.categories:
            title = self._column_of(self.target).model.title
            self.entry.setPlaceholderText(f"New card for “{title}”: type it, then Enter")
        else:
            self.entry.setPlaceholderText("Type what is said, then Enter")
        self._update_counts()

    def select(self, card_id: int, *, focus: bool = True) -> None:
        found = self.board.find(card_id)
        if found is None:
            return
        column = self._column_of(found[0].category)
        column.list.setCurrentIndex(found[0].index(found[1], 0))
        self._active = column
        if focus:
            column.list.setFocus()

    # -- what the cards and counts show ---------------------------------------------------------

    def _update_choices(self) -> None:
        self.entry.set_choices([name for _, name in self.board.people], self.board.categories)

    def _update_counts(self) -> None:
        board = self.board
        text = count_text(
            board.count, board.people, board.heard, per_participant=self.per_participant
        )
        self.count_label.setText(text)
        self.count_label.setToolTip(text)
        for column in self.columns:
            key = column.model.category
            extra = [f"#{key}"] if key else []
            if self.board.categories and key == self.target:
                extra.append("new cards go here")
            column.set_note(len(column.model.rows), " · ".join(extra))
            if self.board.categories and column.model.category is None:
                column.setVisible(bool(column.model.rows))

    # -- handlers of the CARDS actions (the edits themselves are in cards_edits) ---------------

    def edit_selected(self) -> None:
        self.edits.edit_selected()

    def delete_selected(self) -> None:
        self.edits.delete_selected()

    def move_left(self) -> None:
        self.edits.move_to_side(-1)

    def move_right(self) -> None:
        self.edits.move_to_side(+1)

    def choose_author(self) -> None:
        self.edits.choose_author()

    # -- looks ----------------------------------------------------------------------------------

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange:
            tint_warning(self.message, self.palette())
            refresh_icons(self.command_actions)
        super().changeEvent(event)
