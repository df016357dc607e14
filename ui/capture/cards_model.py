"""The cards of one step as list models, one per column, kept in step with the database.

Adding a card is the hot path: a change naming one new card inserts that one row (one read by
id), never a reload, so the board stays instant with thousands of cards. Edits, deletes and
restores touch only their own row too; anything else (a reorder, a bulk change) reloads the
step with one query.
"""

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from app.db.models import Card
from app.services.cards import get_card, list_card_lines
from app.services.changes import Area, Changes
from app.services.errors import NotFoundError
from app.services.participants import list_participants
from exercises.model import CardsCapture
from ui.capture.context import StepContext
from ui.store import Store

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
ID_ROLE = Role.UserRole + 1  # the card's id
AUTHOR_ROLE = Role.UserRole + 2  # who said it ("" when nobody is named)
UNSORTED = "Not in a column"
MANY = 50  # a change naming more cards than this reloads the step instead


@dataclass(frozen=True)
class CardRow:
    id: int
    text: str
    author_id: int | None
    category: str | None
    position: int

    @classmethod
    def of(cls, card: Card) -> "CardRow":
        assert card.id is not None
        return cls(card.id, card.text, card.author_id, card.category, card.position)


def _order(row: CardRow) -> tuple[int, int]:
    return (row.position, row.id)


EditHandler = Callable[[int, str], bool]  # card id, new text -> saved?


class ColumnModel(QStandardItemModel):
    """The cards of one column, in board order.

    The rows live in Qt's own item model, so a view's layout (which asks the model for every
    row after each insertion) never calls into Python: adding a card costs the same with 200 or
    20,000 on the board. `rows` mirrors them as CardRows for the board's own lookups; both
    change together, the mirror first, so a view that reads during a change sees the new state.
    """

    def __init__(
        self, category: str | None, title: str, names: dict[int, str], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.category = category
        self.title = title
        self.rows: list[CardRow] = []
        self._names = names  # shared with the board, so a rename shows everywhere
        self.on_edit: EditHandler | None = None

    # -- what the views read --------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        editable = Qt.ItemFlag.ItemIsEditable if self.on_edit else Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | editable

    def setData(self, index: Index, value: object, role: int = Role.EditRole) -> bool:  # noqa: N802 (Qt's name)
        """An edit typed in place goes to the store; the row changes when the store says so."""
        if self.on_edit is None or not index.isValid() or role != Role.EditRole:
            return False
        row = self.rows[index.row()]
        return self.on_edit(row.id, str(value))

    def author(self, row: CardRow) -> str:
        return "" if row.author_id is None else self._names.get(row.author_id, "")

    def row_of(self, card_id: int) -> int | None:
        for number, row in enumerate(self.rows):
            if row.id == card_id:
                return number
        return None

    def _item(self, row: CardRow) -> QStandardItem:
        item = QStandardItem(row.text)
        item.setData(row.id, ID_ROLE)
        self._label(item, row)
        return item

    def _label(self, item: QStandardItem, row: CardRow) -> None:
        author = self.author(row)
        item.setData(author, AUTHOR_ROLE)
        item.setToolTip(f"{row.text}\n— {author}" if author else row.text)

    # -- what the board changes -----------------------------------------------------------------

    def reset(self, rows: list[CardRow]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.blockSignals(True)  # one reset for the views, not a signal per row
        try:
            self.setRowCount(0)
            self.invisibleRootItem().appendRows([self._item(row) for row in rows])
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def insert(self, row: CardRow) -> None:
        """One row in its place (a new card goes at the end: no other row moves)."""
        at = bisect_right(self.rows, _order(row), key=_order)
        self.rows.insert(at, row)
        self.insertRow(at, self._item(row))

    def remove(self, card_id: int) -> CardRow | None:
        at = self.row_of(card_id)
        if at is None:
            return None
        row = self.rows.pop(at)
        self.removeRow(at)
        return row

    def replace(self, row: CardRow) -> None:
        at = self.row_of(row.id)
        item = None if at is None else self.item(at)
        if at is not None and item is not None:
            self.rows[at] = row
            item.setText(row.text)
            self._label(item, row)

    def names_changed(self) -> None:
        for number, row in enumerate(self.rows):
            item = self.item(number)
            if item is not None:
                self._label(item, row)


class CardsBoard(QObject):
    """Every column of a cards step, following the store's changes."""

    sig_updated = Signal()  # rows were added, removed or changed: counts may differ
    sig_people = Signal()  # participants changed: names to complete and show

    def __init__(self, store: Store, context: StepContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.context = context
        capture = context.capture
        assert isinstance(capture, CardsCapture), "a cards board needs a cards step"
        self.names: dict[int, str] = {}
        self.people: list[tuple[int, str]] = []  # live participants, in the workshop's order
        self.categories: list[tuple[str, str]] = [(c.key, c.label) for c in capture.categories]
        self.columns = [ColumnModel(k, label, self.names, self) for k, label in self.categories]
        self.unsorted = ColumnModel(None, UNSORTED if self.categories else "", self.names, self)
        self.columns.append(self.unsorted)  # cards without a column (all of them, if none)
        self._where: dict[int, ColumnModel] = {}
        self.heard: Counter[int] = Counter()  # cards per author
        self._load_names()
        self.load()
        store.sig_changed.connect(self._on_changed)

    # -- reading --------------------------------------------------------------------------------

    @property
    def count(self) -> int:
        return len(self._where)

    def column_for(self, category: str | None) -> ColumnModel:
        for column in self.columns:
            if column.category == category:
                return column
        return self.unsorted

    def find(self, card_id: int) -> tuple[ColumnModel, int] | None:
        column = self._where.get(card_id)
        row = None if column is None else column.row_of(card_id)
        return None if column is None or row is None else (column, row)

    def card(self, card_id: int) -> CardRow | None:
        found = self.find(card_id)
        return None if found is None else found[0].rows[found[1]]

    def newest(self) -> CardRow | None:
        """The card added last (the one at the end of the step's order)."""
        last = [c.rows[-1] for c in self.columns if c.rows]
        return max(last, key=_order) if last else None

    # -- following the database -----------------------------------------------------------------

    def load(self) -> None:
        """Everything again, in one query (at start and after changes too big to patch)."""
        lines = list_card_lines(self.store.db, self.context.agenda_item_id, self.context.step_key)
        rows = [CardRow(*line) for line in lines]
        by_column: dict[int, list[CardRow]] = {id(c): [] for c in self.columns}
        self._where.clear()
        self.heard.clear()
        for row in rows:
            column = self.column_for(row.category)
            by_column[id(column)].append(row)
            self._track(row, column)
        for column in self.columns:
            column.reset(by_column[id(column)])
        self.sig_updated.emit()

    def _load_names(self) -> None:
        people = list_participants(self.store.db, self.context.workshop_id)
        self.people = [(p.id, p.name) for p in people if p.id is not None]
        self.names.clear()
        self.names.update((pid, name) for pid, name in self.people if name)

    def _on_changed(self, changes: Changes) -> None:
        if changes.workshop_id != self.context.workshop_id:
            return
        if changes.touches(Area.PARTICIPANTS):
            self._load_names()
            for column in self.columns:
                column.names_changed()
            self.sig_people.emit()
            self.sig_updated.emit()
        if not changes.touches(Area.CARDS):
            return
        if changes.areas != {Area.CARDS} or not changes.ids or len(changes.ids) > MANY:
            self.load()  # themes, bulk changes: rare, so read the step again
            return
        saved = {row.id: row for row in changes.rows if isinstance(row, Card)}
        for card_id in changes.ids:
            if not self._patch(card_id, saved.get(card_id)):
                self.load()
                return
        self.sig_updated.emit()

    def _patch(self, card_id: int, saved: Card | None) -> bool:
        """Bring one card up to date (from the change itself when it carries the row, so an
        added card costs no read); False when the whole step must be read again."""
        try:
            card = saved if saved is not None else get_card(self.store.db, card_id)
        except NotFoundError:  # gone for good
            self._drop(card_id)
            return True
        if card.deleted_at is not None:
            self._drop(card_id)
            return True
        if card.agenda_item_id != self.context.agenda_item_id:
            return True
        if card.step_key != self.context.step_key:
            return True
        row = CardRow.of(card)
        old = self.card(card_id)
        if old is None:  # added, or restored by an undo
            column = self.column_for(row.category)
            column.insert(row)
            self._track(row, column)
        elif old.position != row.position:
            return False  # a reorder renumbers its neighbours too
        elif old.category != row.category:
            self._drop(card_id)
            column = self.column_for(row.category)
            column.insert(row)
            self._track(row, column)
        else:
            self._untrack(old)
            self._track(row, self.column_for(row.category))
            self.column_for(row.category).replace(row)
        return True

    def _drop(self, card_id: int) -> None:
        column = self._where.get(card_id)
        if column is None:
            return
        row = column.remove(card_id)
        if row is not None:
            self._untrack(row)

    def _track(self, row: CardRow, column: ColumnModel) -> None:
        self._where[row.id] = column
        if row.author_id is not None:
            self.heard[row.author_id] += 1

    def _untrack(self, row: CardRow) -> None:
        self._where.pop(row.id, None)
        if row.author_id is not None:
            self.heard[row.author_id] -= 1
            if self.heard[row.author_id] <= 0:
                del self.heard[row.author_id]
