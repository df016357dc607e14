"""What the cluster panel shows: the cards not grouped yet beside the themes with their cards.

The board reads the step through the services and redraws from the store's report, keeping
the selection, the current row and which themes are open by id (ui.capture.cluster_redraw).
It also answers which cards and themes the user means: "the selected cards" are those of the
side that had the focus last.
The commands live in ClusterPanel (ui.capture.cluster_panel), which names the handlers.
"""

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Area, Changes
from app.services.clusters import list_clusters, unclustered_cards
from exercises.model import CardsCapture
from ui.actions import Scope, build_actions, refresh_icons, shortcut_text, spec
from ui.capture.cluster_commands import NO_THEME, Link
from ui.capture.cluster_model import (
    CARD,
    COUNT,
    KIND,
    LINKED_ID,
    NAME,
    ROW_ID,
    THEME,
    THEME_ID,
    CardListModel,
    ThemesModel,
)
from ui.capture.cluster_redraw import show_cards, show_themes
from ui.capture.cluster_views import CardList, ThemeTree
from ui.capture.context import StepContext
from ui.capture.panel import CapturePanel
from ui.capture.theme_bar import ThemeBar
from ui.store import Store

Select = QItemSelectionModel.SelectionFlag
_BUTTONS = (
    "new_theme",
    "add_to_theme",
    "ungroup_cards",
    "rename_theme",
    "merge_themes",
    "delete_theme",
)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


class ClusterBoard(CapturePanel):
    def __init__(
        self,
        store: Store,
        context: StepContext,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, context, undo_stack, parent)
        source = context.source_step()
        capture = source.capture if source is not None else None
        self.categories = (
            {c.key: c.label for c in capture.categories}
            if isinstance(capture, CardsCapture)
            else {}
        )
        self.source_title = source.title if source is not None else "the earlier step"
        self.cards_model = CardListModel(context.agenda_item_id, self)
        self.themes_model = ThemesModel(context.agenda_item_id, self)
        self.card_list = CardList(self)
        self.card_list.setModel(self.cards_model)
        self.tree = ThemeTree(self)
        self.tree.setModel(self.themes_model)
        self.active: CardList | ThemeTree = self.card_list  # whose selection counts
        self.bar = ThemeBar(self)
        self.command_actions = build_actions(self, Scope.CLUSTER)
        self._build_layout()
        self._connect()
        self._refresh()

    def _build_layout(self) -> None:
        new_key = shortcut_text(spec("new_theme"))
        self.card_list.empty_text = (
            f"No cards in “{self.source_title}” yet. Cards written there appear here."
        )
        self.tree.empty_text = (
            f"No themes yet. Select cards and press {new_key}, or drag cards here."
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.cards_heading = self._heading("Not grouped yet")
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.cards_heading)
        left_column.addWidget(self.card_list, 1)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self._heading("Themes"))
        bar.addStretch(1)
        for action_id in _BUTTONS:
            button = QToolButton(self)
            button.setDefaultAction(self.command_actions[action_id])
            button.setAutoRaise(True)
            button.setAccessibleName(spec(action_id).plain_text)
            button.setObjectName(f"button_{action_id}")
            if action_id in ("new_theme", "add_to_theme"):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            bar.addWidget(button)
        self.command_actions["new_theme"].setIconText("New theme")  # short beside the icon
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        right_column.addLayout(bar)
        right_column.addWidget(self.bar)
        right_column.addWidget(self.tree, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([400, 600])  # kept in proportion when first laid out
        self.count_label = QLabel()
        self.count_label.setObjectName("cluster_counts")
        self.count_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.count_label)

    @staticmethod
    def _heading(text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _connect(self) -> None:
        self.store.sig_changed.connect(self._on_changed)
        self.card_list.sig_focused.connect(lambda: self._set_active(self.card_list))
        self.tree.sig_focused.connect(lambda: self._set_active(self.tree))
        for view in (self.card_list, self.tree):
            view.selectionModel().selectionChanged.connect(self._update_actions)
            view.selectionModel().currentChanged.connect(self._update_actions)

    # --- showing the step ---

    def _on_changed(self, changes: Changes) -> None:
        if changes.workshop_id == self.context.workshop_id and changes.touches(
            Area.CARDS, Area.CLUSTERS
        ):
            self._refresh()

    def _refresh(self) -> None:
        item, step = self.context.agenda_item_id, self.context.step_key
        cards = unclustered_cards(self.store.db, item, step)
        views = list_clusters(self.store.db, item, step)
        show_cards(self.card_list, self.cards_model, cards, self.categories)
        show_themes(self.tree, self.themes_model, views, self.categories)
        self.cards_heading.setText(f"Not grouped yet ({len(cards)})")
        left = "Every card is in a theme" if views else "No cards yet"
        if cards:
            left = f"{_plural(len(cards), 'card')} not grouped yet"
        self.count_label.setText(f"{left} · {_plural(len(views), 'theme')}")
        self._update_actions()

    def select_theme(self, theme_id: int) -> None:
        index = self.themes_model.theme_index(theme_id)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(index, Select.ClearAndSelect | Select.Rows)
            self.tree.scrollTo(index)

    # --- which cards and themes are meant ---

    def _set_active(self, view: CardList | ThemeTree) -> None:
        self.active = view
        self._update_actions()

    def _where(self, card_id: int) -> Link | None:
        """Where the card hangs now (None: it is not on the board any more)."""
        row = self.cards_model.row_of(card_id)
        if row >= 0:
            linked = self.cards_model.index(row, 0).data(LINKED_ID)
            return NO_THEME if linked is None else Link(linked, live=False)
        index = self.themes_model.card_index(card_id)
        return Link(index.data(THEME_ID)) if index.isValid() else None

    def _links(self, card_ids: list[int]) -> dict[int, Link]:
        found = {i: self._where(i) for i in card_ids}
        return {i: link for i, link in found.items() if link is not None}

    def selected_card_ids(self) -> list[int]:
        """The cards selected on the side that had the focus last, in board order."""
        if self.active is self.card_list:
            rows = self.card_list.selectionModel().selectedRows()
            if not rows and self.card_list.currentIndex().isValid():
                rows = [self.card_list.currentIndex()]  # the card with the focus frame
            return [i.data(ROW_ID) for i in sorted(rows, key=lambda i: i.row())]
        ids: list[int] = []
        for theme_row in range(self.themes_model.rowCount()):
            theme = self.themes_model.index(theme_row, NAME)
            for child in range(self.themes_model.rowCount(theme)):
                index = self.themes_model.index(child, NAME, theme)
                if self.tree.selectionModel().isRowSelected(child, theme):
                    ids.append(index.data(ROW_ID))
        current = self.tree.currentIndex()
        if not self.tree.selectionModel().hasSelection() and current.data(KIND) == CARD:
            ids = [current.data(ROW_ID)]  # the card with the focus frame
        return ids

    def selected_theme_ids(self) -> list[int]:
        rows = sorted(self.tree.selectionModel().selectedRows(), key=lambda i: i.row())
        return [i.data(ROW_ID) for i in rows if i.data(KIND) == THEME]

    def current_theme_id(self) -> int | None:
        index = self.tree.currentIndex()
        return index.data(THEME_ID) if index.isValid() else None

    def _update_actions(self) -> None:
        in_tree = self.active is self.tree
        themes = self.themes_model.rowCount() > 0
        enable = self.command_actions
        enable["ungroup_cards"].setEnabled(
            in_tree and bool(self.selected_card_ids() or self.selected_theme_ids())
        )
        enable["rename_theme"].setEnabled(self.current_theme_id() is not None)
        enable["merge_themes"].setEnabled(len(self.selected_theme_ids()) >= 2)
        enable["delete_theme"].setEnabled(in_tree and self.tree.currentIndex().data(KIND) == THEME)
        enable["add_to_theme"].setEnabled(themes or bool(self.selected_card_ids()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            refresh_icons(self.command_actions)
