"""Redrawing the cluster board without losing the user's place: the selection, the current row
and which themes are open are kept by id across every redraw (an undo, a card added in another
step, a drop), so the keyboard carries on where it was."""

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex

from app.db.models import Card
from app.services.clusters import ClusterView
from ui.capture.cluster_model import (
    CARD,
    COUNT,
    KIND,
    NAME,
    ROW_ID,
    THEME,
    CardListModel,
    ThemesModel,
)
from ui.capture.cluster_views import CardList, ThemeTree

Select = QItemSelectionModel.SelectionFlag
Key = tuple[str, int]  # (KIND, ROW_ID) of a row of the themes tree


def show_cards(
    view: CardList, model: CardListModel, cards: list[Card], categories: dict[str, str]
) -> None:
    """Show `cards` in the list; when the current card left, go to the first card after the
    ones that left, so the keyboard carries on down the list."""
    selection = view.selectionModel()
    old_ids = model.card_ids()
    chosen = {i.data(ROW_ID) for i in selection.selectedRows()}
    current_id = view.currentIndex().data(ROW_ID)
    gone_from = min([old_ids.index(i) for i in chosen | {current_id} if i in old_ids], default=0)
    model.set_cards(cards, categories)
    ids = model.card_ids()
    if not ids or current_id is None:
        return
    if current_id in ids:
        row = ids.index(current_id)
    else:
        row = min(len([i for i in old_ids[:gone_from] if i in ids]), len(ids) - 1)
    selection.setCurrentIndex(model.index(row, 0), Select.NoUpdate)
    picked = QItemSelection()
    for index in (model.index(r, 0) for r in range(len(ids))):
        if index.data(ROW_ID) in chosen:
            picked.select(index, index)
    if picked.isEmpty():
        picked.select(view.currentIndex(), view.currentIndex())
    selection.select(picked, Select.ClearAndSelect)


def show_themes(
    tree: ThemeTree, model: ThemesModel, views: list[ClusterView], categories: dict[str, str]
) -> None:
    """Show `views` in the tree, themes open or closed as they were."""
    collapsed = {
        model.index(r, NAME).data(ROW_ID)
        for r in range(model.rowCount())
        if not tree.isExpanded(model.index(r, NAME))
    }
    chosen = {(i.data(KIND), i.data(ROW_ID)) for i in tree.selectionModel().selectedRows()}
    current = tree.currentIndex()
    current_key = (current.data(KIND), current.data(ROW_ID))
    if not model.set_themes(views, categories):
        return
    for r in range(model.rowCount()):
        index = model.index(r, NAME)
        tree.setExpanded(index, index.data(ROW_ID) not in collapsed)
    _select_in_tree(tree, model, chosen, current_key)
    if not tree.currentIndex().isValid() and model.rowCount():
        tree.selectionModel().setCurrentIndex(model.index(0, NAME), Select.NoUpdate)


def _select_in_tree(tree: ThemeTree, model: ThemesModel, chosen: set[Key], current: Key) -> None:
    def find(key: Key) -> QModelIndex:
        kind, row_id = key
        if kind == THEME:
            return model.theme_index(row_id)
        return model.card_index(row_id) if kind == CARD else QModelIndex()

    selection = tree.selectionModel()
    picked = QItemSelection()
    for key in chosen:
        index = find(key)
        if index.isValid():
            picked.select(index, index.siblingAtColumn(COUNT))
    index = find(current)
    if index.isValid():
        selection.setCurrentIndex(index, Select.NoUpdate)
    selection.select(picked, Select.ClearAndSelect)
