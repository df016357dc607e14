"""The vote panel's table: one row per card or theme, with its own minus and plus.

The minus and plus are drawn by a delegate, not made of a widget per row: a wall of 400 cards
costs no 800 buttons, and a dot counted redraws one cell. They look and answer like auto-raise
tool buttons (raised under the mouse, sunk while pressed, minus greyed at zero dots, a tooltip
each) and never take the keyboard focus, so the facilitator can click one and carry on with the
keys on the same table. The narrow columns are sized from what they can hold (the most dots,
the number of rows), never measured cell by cell, so a dot counted never reads every row again.
An empty step says why there is nothing to count yet.
"""

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QFontMetrics,
    QHelpEvent,
    QIcon,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionToolButton,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from ui.capture.vote_model import (
    BUTTONS,
    COUNT,
    DOT_COUNT,
    DOTS,
    LABEL,
    RANK,
    VoteModel,
    dots_text,
)
from ui.icons import icon

Resize = QHeaderView.ResizeMode
Index = QModelIndex | QPersistentModelIndex
PAD = 4  # around the icon inside a button
GAP = 2  # between minus and plus
MARGIN = 4  # between the buttons and the cell's edges
PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)  # a quick second click


def button_tip(label: str, delta: int) -> str:
    return f"One more dot on “{label}”" if delta > 0 else f"One dot fewer on “{label}”"


class DotButtons(QStyledItemDelegate):
    """Draws the minus and plus of each row in the BUTTONS column; a click on one emits
    sig_clicked(row, delta). Other columns are drawn as usual."""

    sig_clicked = Signal(int, int)  # row, change asked for: -1 or 1

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.icons: dict[int, QIcon] = {}
        self.hover: tuple[int, int] | None = None  # (row, delta) under the mouse
        self.pressed: tuple[int, int] | None = None  # (row, delta) held down
        self.refresh_icons()

    def refresh_icons(self) -> None:
        self.icons = {-1: icon("dot_remove"), 1: icon("dot_add")}

    def side(self) -> int:
        """A button's width and height: a small icon with some room around it."""
        style = self.view.style()
        return style.pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self.view) + 2 * PAD

    def cell_size(self) -> QSize:
        side = self.side()
        return QSize(2 * MARGIN + 2 * side + GAP, side)

    def button_rect(self, cell: QRect, delta: int) -> QRect:
        side = self.side()
        left = cell.left() + MARGIN + (side + GAP if delta > 0 else 0)
        return QRect(left, cell.top() + (cell.height() - side) // 2, side, side)

    def hit(self, cell: QRect, point: QPoint) -> int:
        """The delta of the button at `point` in the cell (0: none)."""
        return next((d for d in (-1, 1) if self.button_rect(cell, d).contains(point)), 0)

    # -- drawing ---------------------------------------------------------------------------------

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        if index.column() == BUTTONS:
            return self.cell_size()
        return super().sizeHint(option, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.column() != BUTTONS:
            super().paint(painter, option, index)
            return
        cell = QStyleOptionViewItem(option)
        self.initStyleOption(cell, index)
        cell.text = ""
        style = self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, cell, painter, self.view)
        for delta in (-1, 1):
            self._paint_button(painter, cell, index, delta)

    def _paint_button(
        self, painter: QPainter, cell: QStyleOptionViewItem, index: Index, delta: int
    ) -> None:
        rect = self.button_rect(cell.rect, delta)
        enabled = delta > 0 or int(index.data(DOT_COUNT) or 0) > 0
        here = (index.row(), delta)
        raised = enabled and here in (self.hover, self.pressed)
        if raised:
            button = QStyleOptionToolButton()
            button.initFrom(self.view)
            button.rect = rect
            state = QStyle.StateFlag
            button.state = state.State_Enabled | state.State_AutoRaise | state.State_MouseOver
            button.state |= state.State_Sunken if here == self.pressed else state.State_Raised
            self.view.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelButtonTool, button, painter, self.view
            )
        mode = QIcon.Mode.Normal if enabled else QIcon.Mode.Disabled
        if enabled and not raised and cell.state & QStyle.StateFlag.State_Selected:
            mode = QIcon.Mode.Selected  # drawn in the highlighted text's colour
        self.icons[delta].paint(painter, rect.adjusted(PAD, PAD, -PAD, -PAD), mode=mode)

    # -- the mouse -------------------------------------------------------------------------------

    def editorEvent(  # noqa: N802 (Qt's name)
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if index.column() != BUTTONS or not isinstance(event, QMouseEvent):
            return super().editorEvent(event, model, option, index)
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        delta = self.hit(option.rect, event.position().toPoint())
        if event.type() in PRESSES:
            self.pressed = (index.row(), delta) if delta else None
            self.view.update(index)
            return bool(delta)
        if event.type() == QEvent.Type.MouseButtonRelease:
            clicked = self.pressed is not None and self.pressed == (index.row(), delta)
            self.pressed = None
            self.view.update(index)
            if clicked:
                self.sig_clicked.emit(index.row(), delta)
            return clicked
        return False

    def helpEvent(  # noqa: N802 (Qt's name)
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        delta = self.hit(option.rect, event.pos()) if index.column() == BUTTONS else 0
        if not delta or event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        QToolTip.showText(event.globalPos(), self.tip(index, delta), view, option.rect)
        return True

    def tip(self, index: Index, delta: int) -> str:
        label = index.model().index(index.row(), LABEL).data()
        return button_tip(" ".join(str(label).split()), delta)


class VoteTable(QTableView):
    sig_row_clicked = Signal(int, int)  # row, change asked for by its minus or plus

    def __init__(self, model: VoteModel, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = ""
        self.vote_model = model
        self.setModel(model)
        self.buttons = DotButtons(self)
        self.setItemDelegateForColumn(BUTTONS, self.buttons)
        self.buttons.sig_clicked.connect(self.sig_row_clicked)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setShowGrid(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAccessibleName(f"Dots per {what}")
        self.setMouseTracking(True)  # the button under the mouse is raised
        self.verticalHeader().hide()
        size = self.buttons.cell_size()
        height = max(self.fontMetrics().height() * 2, size.height())
        self.verticalHeader().setDefaultSectionSize(height)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(Resize.Fixed)
        header.setSectionResizeMode(LABEL, Resize.Stretch)
        header.resizeSection(BUTTONS, size.width() + 2 * MARGIN)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Rank, dots and count wide enough for the widest they show now (the dots grow as they
        are counted); the label takes the rest."""
        rows = self.vote_model.rows
        most = max((row.count for row in rows), default=0)
        widest = {RANK: f"{max(len(rows), 9)}.", DOTS: dots_text(max(most, 3)), COUNT: str(most)}
        header = self.horizontalHeader()
        style = self.style()
        pad = 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1)
        pad += self.fontMetrics().averageCharWidth()
        bold = self.font()
        bold.setBold(True)
        for column, text in widest.items():
            metrics = QFontMetrics(bold) if column == COUNT else self.fontMetrics()
            title = str(self.vote_model.headerData(column, Qt.Orientation.Horizontal))
            width = max(
                metrics.horizontalAdvance(text), header.fontMetrics().horizontalAdvance(title)
            )
            if header.sectionSize(column) != width + pad:
                header.resizeSection(column, width + pad)

    def button_rect(self, row: int, delta: int) -> QRect:
        """Where the row's minus (delta -1) or plus (1) is, in the viewport."""
        return self.buttons.button_rect(self.visualRect(self.model().index(row, BUTTONS)), delta)

    def button_tip(self, row: int, delta: int) -> str:
        return self.buttons.tip(self.model().index(row, BUTTONS), delta)

    def refresh_icons(self) -> None:
        self.buttons.refresh_icons()
        self.viewport().update()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        index = self.indexAt(event.position().toPoint())
        hover = None
        if index.column() == BUTTONS:
            delta = self.buttons.hit(self.visualRect(index), event.position().toPoint())
            hover = (index.row(), delta) if delta else None
        self._set_hover(hover)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        self._set_hover(None)
        super().leaveEvent(event)

    def _set_hover(self, hover: tuple[int, int] | None) -> None:
        if hover == self.buttons.hover:
            return
        for was in (self.buttons.hover, hover):
            if was is not None:
                self.update(self.model().index(was[0], BUTTONS))
        self.buttons.hover = hover

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self.model().rowCount() == 0 and self.empty_text:
            painter = QPainter(self.viewport())
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            margin = self.fontMetrics().height() * 2
            area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
            flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(area, int(flags), self.empty_text)
            painter.end()
