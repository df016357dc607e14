"""The vote step: count the dots the room put on each card or theme.

The facilitator goes down the wall row by row: + (or =) adds a dot, minus takes one away,
never below zero; each row also has its own minus and plus buttons. The budget line says how
many dots the room was given and warns when more were counted. Rows stay in board order while
counting (so the next row is the next on the wall); Ranked shows most dots first, keeping the
same row selected. A dot counted reads the tally once and redraws only the rows it changed; the
board itself is read again only when its cards, themes or people change.
"""

from typing import cast

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.cards import list_cards
from app.services.changes import Area, Changes
from app.services.clusters import list_clusters
from app.services.votes import VoteResults, VoteRow, vote_results
from exercises.model import CardsCapture, VoteCapture
from ui.actions import Scope, build_actions, refresh_icons, shortcut_text, spec
from ui.capture.context import StepContext
from ui.capture.panel import CapturePanel
from ui.capture.vote_commands import DotsCommand
from ui.capture.vote_model import LABEL, VoteModel, budget_text
from ui.capture.vote_views import VoteTable
from ui.store import Store
from ui.theme import paint_warning_line

Select = QItemSelectionModel.SelectionFlag
Resize = QHeaderView.ResizeMode


class VotePanel(CapturePanel):
    def __init__(
        self,
        store: Store,
        context: StepContext,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, context, undo_stack, parent)
        self.target = context.exercise.vote_target(context.step_key)
        self.dots_per_person = cast(VoteCapture, context.capture).dots_per_person
        source = context.source_step()
        self.source_key = source.key if source is not None else ""
        capture = source.capture if source is not None else None
        self._category_labels = (
            {c.key: c.label for c in capture.categories}
            if isinstance(capture, CardsCapture)
            else {}
        )
        self.results: VoteResults | None = None
        self.model = VoteModel("Theme" if self.target == "clusters" else "Card", self)
        self.command_actions = build_actions(self, Scope.VOTE)
        self.command_actions["add_dot"].setShortcuts([QKeySequence("+"), QKeySequence("=")])
        self.command_actions["ranked_order"].setCheckable(True)
        title = source.title if source is not None else ""
        self._build_table(title)
        self._build_layout(title)
        self.store.sig_changed.connect(self._on_changed)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._refresh()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, LABEL))

    def _build_table(self, source_title: str) -> None:
        what = "theme" if self.target == "clusters" else "card"
        self.table = VoteTable(self.model, what, self)
        if self.target == "clusters":
            empty = f"No themes yet: group the cards in “{source_title}” first."
        else:
            empty = f"No cards yet: the cards written in “{source_title}” appear here."
        self.table.empty_text = empty
        self.table.sig_row_clicked.connect(self.change_row)

    def _build_layout(self, source_title: str) -> None:
        what = "theme" if self.target == "clusters" else "card"
        heading = QLabel(f"Dots on each {what}" + (f" of “{source_title}”" if source_title else ""))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        heading.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        ranked = QToolButton(self)
        ranked.setDefaultAction(self.command_actions["ranked_order"])
        ranked.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        ranked.setAutoRaise(True)
        ranked.setAccessibleName(spec("ranked_order").plain_text)
        ranked.setObjectName("button_ranked_order")
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(ranked)

        self.budget_label = QLabel()
        self.budget_label.setObjectName("vote_budget")
        self.warning = QWidget(self)
        self.warning_icon = QLabel()
        self.warning_label = QLabel()
        self.warning_label.setObjectName("vote_warning")
        bold = self.warning_label.font()
        bold.setBold(True)
        self.warning_label.setFont(bold)
        warning_row = QHBoxLayout(self.warning)
        warning_row.setContentsMargins(0, 0, 0, 0)
        warning_row.addWidget(self.warning_icon)
        warning_row.addWidget(self.warning_label, 1)
        self._colour_warning()
        plus, minus = shortcut_text(spec("add_dot")), shortcut_text(spec("remove_dot"))
        hint = QLabel(
            f"Go down the wall: select a row, press {plus} for each dot and {minus} to take "
            f"one back. {shortcut_text(spec('ranked_order'))} shows the ranking."
        )
        hint.setWordWrap(True)
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.budget_label)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        layout.addWidget(hint)

    # --- CapturePanel ---

    def focus_entry(self) -> None:
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, LABEL))
        self.table.setFocus()

    # --- showing the tally ---

    def _on_changed(self, changes: Changes) -> None:
        if changes.workshop_id != self.context.workshop_id:
            return
        if changes.touches(Area.CARDS, Area.CLUSTERS, Area.PARTICIPANTS):
            self._refresh()
        elif changes.touches(Area.VOTES):
            self._recount()

    def _board(self) -> tuple[list[int], dict[int, str]]:
        """Target ids in board order, and each card's column label (cards only)."""
        item = self.context.agenda_item_id
        if self.target == "clusters":
            views = list_clusters(self.store.db, item, self.source_key)
            return [v.cluster.id for v in views if v.cluster.id is not None], {}
        cards = list_cards(self.store.db, item, self.source_key)
        labels = {
            c.id: self._category_labels.get(c.category or "", "") for c in cards if c.id is not None
        }
        return [c.id for c in cards if c.id is not None], {i: t for i, t in labels.items() if t}

    def _ordered(self, rows: tuple[VoteRow, ...], board: list[int]) -> list[VoteRow]:
        if self.ranked:
            return list(rows)  # vote_results: most dots first, ties in board order
        place = {target: index for index, target in enumerate(board)}
        return sorted(rows, key=lambda row: place.get(row.target_id, len(place)))

    @property
    def ranked(self) -> bool:
        return self.command_actions["ranked_order"].isChecked()

    def _refresh(self) -> None:
        """Read the board and the tally again and show them afresh, on the same target."""
        current = self.current_row()
        current_id = self.model.rows[current].target_id if current >= 0 else None
        self.results = self._tally()
        board, categories = self._board()
        self.model.set_rows(self._ordered(self.results.rows, board), categories)
        if current_id is not None and self.model.row_of(current_id) >= 0:
            self.select_row(self.model.row_of(current_id))
        elif current >= 0 and self.model.rowCount():
            self.select_row(min(current, self.model.rowCount() - 1))
        self.table.fit_columns()
        self._show_budget()

    def _recount(self) -> None:
        """Only counts changed: redraw the rows they changed (and move them, when ranked)."""
        results = self._tally()
        if not self.model.recount(results.rows, ranked=self.ranked):
            self._refresh()  # a target came or went meanwhile
            return
        self.results = results
        self.table.fit_columns()
        if self.ranked and self.table.currentIndex().isValid():
            self.table.scrollTo(self.table.currentIndex())  # it may have climbed the ranking
        self._show_budget()

    def _tally(self) -> VoteResults:
        return vote_results(self.store.db, self.context.agenda_item_id, self.context.step_key)

    def _show_budget(self) -> None:
        assert self.results is not None
        line, warning = budget_text(self.results, self.dots_per_person)
        self.budget_label.setText(line)
        self.warning_label.setText(warning)
        self.warning.setVisible(bool(warning))
        self.warning.setAccessibleName(warning)
        self._update_actions()

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        index = self.model.index(row, LABEL)
        self.table.selectionModel().setCurrentIndex(index, Select.ClearAndSelect | Select.Rows)
        self.table.scrollTo(index)

    def _update_actions(self) -> None:
        row = self.current_row()
        self.command_actions["add_dot"].setEnabled(row >= 0)
        self.command_actions["remove_dot"].setEnabled(self.model.count_at(row) > 0)

    def _colour_warning(self) -> None:
        paint_warning_line(self.warning_icon, self.warning_label)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colour_warning()
            refresh_icons(self.command_actions)
            self.table.refresh_icons()  # the dots are drawn in the accent colour: repainted

    # --- commands (handlers named in ui.actions) ---

    def add_dot(self) -> None:
        self.change_row(self.current_row(), 1)

    def remove_dot(self) -> None:
        self.change_row(self.current_row(), -1)

    def change_row(self, row: int, delta: int) -> None:
        """One dot more (delta 1) or fewer (delta -1) on the row's target; never below zero."""
        if not 0 <= row < self.model.rowCount():
            return
        vote = self.model.rows[row]
        if delta < 0 and vote.count + delta < 0:
            return
        self.select_row(row)
        command = DotsCommand(
            self.store, self.context, self.target, vote.target_id, label=vote.label, delta=delta
        )
        self.undo_stack.push(command)

    def toggle_ranked(self) -> None:
        self._refresh()
