"""The library as a list: one row per exercise, a filter for the browser, and how a row looks.

The list model holds the store's LibraryEntry tuple as it is; the proxy decides what the search
box and the two filters let through, so typing never reloads anything. Rows are drag sources
carrying the exercise key (ui.mime.EXERCISE_KEY), which the agenda accepts.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractListModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from app.user_library import BUILT_IN, LibraryEntry
from exercises.model import Exercise
from ui.icons import icon
from ui.mime import EXERCISE_KEY
from ui.theme import muted_colour

Index = QModelIndex | QPersistentModelIndex
PAD = 6


class Role(IntEnum):
    KEY = Qt.ItemDataRole.UserRole + 1  # str
    ENTRY = Qt.ItemDataRole.UserRole + 2  # LibraryEntry
    SECOND_LINE = Qt.ItemDataRole.UserRole + 3  # str: minutes, group, capabilities
    IS_CUSTOM = Qt.ItemDataRole.UserRole + 4  # bool


def is_custom(entry: LibraryEntry) -> bool:
    return entry.source != BUILT_IN


def second_line(exercise: Exercise) -> str:
    size = exercise.group_size
    parts = [f"{exercise.minutes} min", f"{size.min}–{size.max} people"]  # noqa: RUF001
    if exercise.capabilities:
        parts.append(", ".join(exercise.capabilities))
    return " · ".join(parts)


def _tooltip(entry: LibraryEntry) -> str:
    exercise = entry.exercise
    lines = [exercise.title, exercise.summary, second_line(exercise)]
    if is_custom(entry):
        lines.append(f"Custom exercise from {entry.source}")
    return "\n".join(lines)


class LibraryListModel(QAbstractListModel):
    """store.library.entries, one row each, in the library's order (by title)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries: tuple[LibraryEntry, ...] = ()

    def set_entries(self, entries: tuple[LibraryEntry, ...]) -> None:
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def entry(self, row: int) -> LibraryEntry:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        exercise = entry.exercise
        match role:
            case Qt.ItemDataRole.DisplayRole:
                return exercise.title
            case Qt.ItemDataRole.ToolTipRole:
                return _tooltip(entry)
            case Qt.ItemDataRole.AccessibleTextRole:
                custom = ", custom exercise" if is_custom(entry) else ""
                return f"{exercise.title}, {exercise.minutes} minutes{custom}"
            case Role.KEY:
                return exercise.key
            case Role.ENTRY:
                return entry
            case Role.SECOND_LINE:
                return second_line(exercise)
            case Role.IS_CUSTOM:
                return is_custom(entry)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def mimeTypes(self) -> list[str]:  # noqa: N802 (Qt's name)
        return [EXERCISE_KEY]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 (Qt's name)
        data = QMimeData()
        valid = [i for i in indexes if i.isValid()]
        if valid:
            key = str(self.data(valid[0], Role.KEY))
            data.setData(EXERCISE_KEY, key.encode("utf-8"))
            data.setText(self._entries[valid[0].row()].exercise.title)
        return data

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 (Qt's name)
        return Qt.DropAction.CopyAction


@dataclass(frozen=True)
class MinutesChoice:
    label: str
    low: int  # inclusive
    high: int | None  # inclusive; None: no upper bound


MINUTES_CHOICES = (
    MinutesChoice("Any length", 0, None),
    MinutesChoice("Up to 15 min", 0, 15),
    MinutesChoice("Up to 30 min", 0, 30),
    MinutesChoice("Up to 45 min", 0, 45),
    MinutesChoice("Up to 60 min", 0, 60),
    MinutesChoice("Up to 90 min", 0, 90),
    MinutesChoice("Longer than 90 min", 91, None),
)


class LibraryFilter(QSortFilterProxyModel):
    """Search words (all must appear) in title, summary, capabilities and goals; a capability;
    a length range."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self._capability = ""
        self._minutes = MINUTES_CHOICES[0]

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_capability(self, capability: str) -> None:
        """An empty capability lets every exercise through."""
        self.beginFilterChange()
        self._capability = capability
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_minutes(self, choice: MinutesChoice) -> None:
        self.beginFilterChange()
        self._minutes = choice
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        assert isinstance(model, LibraryListModel)
        exercise = model.entry(source_row).exercise
        if self._capability and self._capability not in exercise.capabilities:
            return False
        low, high = self._minutes.low, self._minutes.high
        if exercise.minutes < low or (high is not None and exercise.minutes > high):
            return False
        if not self._words:
            return True
        haystack = "\n".join(
            (exercise.title, exercise.summary, *exercise.capabilities, *exercise.goals)
        ).casefold()
        return all(word in haystack for word in self._words)


class LibraryRowDelegate(QStyledItemDelegate):
    """Title on the first line; length, group size and capabilities muted beneath; custom
    exercises carry the "custom" icon and the word Custom on the right."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._custom_icon: QIcon = icon("custom")

    def refresh_icons(self) -> None:
        self._custom_icon = icon("custom")

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        title = QFontMetrics(_title_font(option.font))
        small = QFontMetrics(_small_font(option.font))
        return QSize(200, title.height() + small.height() + 3 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        opt.icon = QIcon()
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        main = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        muted = main if selected else muted_colour(palette)
        rect = opt.rect.adjusted(PAD * 2, PAD, -PAD * 2, -PAD)
        title_font, small_font = _title_font(opt.font), _small_font(opt.font)
        title_metrics, small_metrics = QFontMetrics(title_font), QFontMetrics(small_font)
        painter.save()
        if index.data(Role.IS_CUSTOM):
            tag = "Custom"
            side = small_metrics.height()
            tag_width = small_metrics.horizontalAdvance(tag)
            tag_rect = QRect(rect.right() - tag_width, rect.top(), tag_width, side)
            icon_rect = QRect(tag_rect.left() - side - 4, rect.top(), side, side)
            mode = QIcon.Mode.Selected if selected else QIcon.Mode.Normal
            self._custom_icon.paint(painter, icon_rect, Qt.AlignmentFlag.AlignCenter, mode)
            painter.setFont(small_font)
            painter.setPen(muted)
            painter.drawText(tag_rect, Qt.AlignmentFlag.AlignRight, tag)
            title_right = icon_rect.left() - PAD
        else:
            title_right = rect.right()
        title_rect = QRect(rect.left(), rect.top(), title_right - rect.left(), rect.height())
        painter.setFont(title_font)
        painter.setPen(main)
        title = title_metrics.elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, title_rect.width()
        )
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, title)
        second_rect = rect.adjusted(0, title_metrics.height() + PAD // 2, 0, 0)
        painter.setFont(small_font)
        painter.setPen(muted)
        second = small_metrics.elidedText(
            str(index.data(Role.SECOND_LINE)), Qt.TextElideMode.ElideRight, second_rect.width()
        )
        top_left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        painter.drawText(second_rect, top_left, second)
        painter.restore()


def _title_font(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    return bold


def _small_font(font: QFont) -> QFont:
    small = QFont(font)
    if font.pointSizeF() > 0:  # (a font set in pixels has no point size)
        small.setPointSizeF(font.pointSizeF() * 0.9)
    return small
