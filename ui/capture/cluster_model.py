"""Presenters for the cluster panel: the cards not grouped yet, and the themes with their cards.

They hold no state beyond the last read. Drops and renames are not applied here; they are
announced as signals so the panel pushes an undo command, and the views redraw only when the
store reports the write (never by Qt moving rows itself).
"""

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from app.db.models import Card
from app.services.clusters import ClusterView

CARDS_MIME = "application/x-chorus-cards"  # "agenda item id;origin;card id,card id,..."
FROM_LIST, FROM_THEMES = "list", "themes"  # where a drag of cards started

KIND = Qt.ItemDataRole.UserRole + 1  # THEME or CARD
ROW_ID = Qt.ItemDataRole.UserRole + 2  # the theme's or the card's id
THEME_ID = Qt.ItemDataRole.UserRole + 3  # the theme a row belongs to (None: no live theme)
LINKED_ID = Qt.ItemDataRole.UserRole + 4  # unclustered cards: the deleted theme they still name
THEME, CARD = "theme", "card"
NAME, COUNT = range(2)

Index = QModelIndex | QPersistentModelIndex
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_DRAG = Qt.ItemFlag.ItemIsDragEnabled


def encode_cards(item_id: int, origin: str, card_ids: Iterable[int]) -> QMimeData:
    data = QMimeData()
    text = f"{item_id};{origin};{','.join(str(i) for i in card_ids)}"
    data.setData(CARDS_MIME, QByteArray(text.encode("ascii")))
    return data


def decode_cards(data: QMimeData, item_id: int) -> tuple[str, list[int]] | None:
    """(origin, card ids) of a drag of this agenda item's cards; None for anything else."""
    if not data.hasFormat(CARDS_MIME):
        return None
    try:
        item, origin, ids = bytes(data.data(CARDS_MIME).data()).decode("ascii").split(";")
        cards = [int(i) for i in ids.split(",") if i]
    except ValueError:
        return None
    return (origin, cards) if int(item) == item_id and cards else None


def card_tip(card: Card, categories: dict[str, str]) -> str:
    label = categories.get(card.category or "")
    return f"{label}: {card.text}" if label else card.text


class CardListModel(QStandardItemModel):
    """The cards of the source step that are in no live theme, in board order."""

    sig_cards_dropped = Signal(list)  # card ids dragged here from a theme: take them out

    def __init__(self, item_id: int, parent: Any = None) -> None:
        super().__init__(parent)
        self.item_id = item_id

    def set_cards(self, cards: Sequence[Card], categories: dict[str, str]) -> None:
        self.clear()
        for card in cards:
            row = QStandardItem(card.text)
            row.setData(CARD, KIND)
            row.setData(card.id, ROW_ID)
            row.setData(None, THEME_ID)
            row.setData(card.cluster_id, LINKED_ID)
            row.setToolTip(card_tip(card, categories))
            row.setFlags(_FLAGS | _DRAG)
            self.appendRow(row)

    def card_ids(self) -> list[int]:
        return [self.index(row, 0).data(ROW_ID) for row in range(self.rowCount())]

    def row_of(self, card_id: int) -> int:
        ids = self.card_ids()
        return ids.index(card_id) if card_id in ids else -1

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [CARDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        ids = dict.fromkeys(i.data(ROW_ID) for i in indexes if i.isValid())
        return encode_cards(self.item_id, FROM_LIST, ids)

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 (Qt's name)
        return Qt.DropAction.MoveAction

    def canDropMimeData(  # noqa: N802 (Qt's name)
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        decoded = decode_cards(data, self.item_id)
        return decoded is not None and decoded[0] == FROM_THEMES

    def dropMimeData(  # noqa: N802 (Qt's name)
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        decoded = decode_cards(data, self.item_id)
        if decoded is None or decoded[0] != FROM_THEMES:
            return False
        self.sig_cards_dropped.emit(decoded[1])
        return True


def _shape(views: Sequence[ClusterView]) -> tuple[tuple[int | None, tuple[int | None, ...]], ...]:
    return tuple((v.cluster.id, tuple(c.id for c in v.cards)) for v in views)


class ThemesModel(QStandardItemModel):
    """Themes (top-level rows: name and card count) with their cards as children."""

    sig_dropped_on_theme = Signal(int, list)  # theme id, card ids dropped onto it
    sig_dropped_as_new = Signal(list)  # card ids dropped on empty space: a new theme
    sig_renamed = Signal(int, str, str)  # theme id, old name, new name (typed in the tree)

    def __init__(self, item_id: int, parent: Any = None) -> None:
        super().__init__(0, 2, parent)
        self.item_id = item_id
        self.setHorizontalHeaderLabels(["Theme", "Cards"])
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        self.setHeaderData(
            COUNT, Qt.Orientation.Horizontal, right, Qt.ItemDataRole.TextAlignmentRole
        )
        self.views: list[ClusterView] = []
        self.categories: dict[str, str] = {}

    def set_themes(self, views: Sequence[ClusterView], categories: dict[str, str]) -> bool:
        """Show `views`: in place when only names or texts changed (True when rebuilt)."""
        same_shape = _shape(views) == _shape(self.views)
        self.views, self.categories = list(views), categories
        if not same_shape:
            self.removeRows(0, self.rowCount())
            for view in views:
                cells = [QStandardItem(), QStandardItem()]
                for _card in view.cards:
                    cells[NAME].appendRow([QStandardItem(), QStandardItem()])
                self.appendRow(cells)
        for row, view in enumerate(views):
            self._fill_theme(row, view)
        return not same_shape

    def _fill_theme(self, row: int, view: ClusterView) -> None:
        name, count = self.item(row, NAME), self.item(row, COUNT)
        bold = QFont()
        bold.setBold(True)
        for cell in (name, count):
            cell.setData(THEME, KIND)
            cell.setData(view.cluster.id, ROW_ID)
            cell.setData(view.cluster.id, THEME_ID)
            cell.setFont(bold)
        name.setText(view.cluster.name)
        name.setFlags(_FLAGS | Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDropEnabled)
        count.setText(str(len(view.cards)))
        count.setFlags(_FLAGS | Qt.ItemFlag.ItemIsDropEnabled)
        count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        for child, card in enumerate(view.cards):
            for column in (NAME, COUNT):
                cell = name.child(child, column)
                cell.setData(CARD, KIND)
                cell.setData(card.id, ROW_ID)
                cell.setData(view.cluster.id, THEME_ID)
                cell.setFlags(_FLAGS | _DRAG | Qt.ItemFlag.ItemIsDropEnabled)
            text = name.child(child, NAME)
            text.setText(card.text)
            text.setToolTip(card_tip(card, self.categories))

    # --- finding rows by id ---

    def theme_index(self, theme_id: int, column: int = NAME) -> QModelIndex:
        for row in range(self.rowCount()):
            if self.index(row, NAME).data(ROW_ID) == theme_id:
                return self.index(row, column)
        return QModelIndex()

    def card_index(self, card_id: int) -> QModelIndex:
        for row in range(self.rowCount()):
            theme = self.index(row, NAME)
            for child in range(self.rowCount(theme)):
                index = self.index(child, NAME, theme)
                if index.data(ROW_ID) == card_id:
                    return index
        return QModelIndex()

    def view_of(self, theme_id: int) -> ClusterView | None:
        return next((v for v in self.views if v.cluster.id == theme_id), None)

    def theme_names(self) -> list[str]:
        return [v.cluster.name for v in self.views]

    # --- editing and dropping (announced, never applied here) ---

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.data(KIND) != THEME:
            return super().setData(index, value, role)
        old, new = str(index.data()), " ".join(str(value).split())
        if new and new != old:
            self.sig_renamed.emit(index.data(ROW_ID), old, new)
        return False  # the store's report of the rename redraws the row

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [CARDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        ids = dict.fromkeys(i.data(ROW_ID) for i in indexes if i.data(KIND) == CARD)
        return encode_cards(self.item_id, FROM_THEMES, ids)

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 (Qt's name)
        return Qt.DropAction.MoveAction

    def canDropMimeData(  # noqa: N802 (Qt's name)
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return decode_cards(data, self.item_id) is not None

    def dropMimeData(  # noqa: N802 (Qt's name)
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Onto a theme or one of its cards: into that theme; anywhere else: a new theme."""
        decoded = decode_cards(data, self.item_id)
        if decoded is None:
            return False
        theme_id = parent.data(THEME_ID) if parent.isValid() else None
        if theme_id is None:
            self.sig_dropped_as_new.emit(decoded[1])
        else:
            self.sig_dropped_on_theme.emit(theme_id, decoded[1])
        return True
