"""Edits a step's planned minutes in place with a spin box bounded like the service (1..480)."""

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QSpinBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.services.agenda import MAX_STEP_MINUTES

Index = QModelIndex | QPersistentModelIndex


class MinutesDelegate(QStyledItemDelegate):
    """The model's setData turns the new value into an undo command; nothing is written here."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802 (Qt's name)
        editor = QSpinBox(parent)
        editor.setRange(1, MAX_STEP_MINUTES)
        editor.setSuffix(" min")
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        editor.setAutoFillBackground(True)  # not the selection showing through
        editor.setAccessibleName("Planned minutes")
        return editor

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        """Rows tall enough for the spin box, and easier to aim at when dragging."""
        hint = super().sizeHint(option, index)
        line = option.fontMetrics.height()
        return QSize(hint.width(), max(hint.height(), round(line * 1.6)))

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 (Qt's name)
        assert isinstance(editor, QSpinBox)
        editor.setValue(int(index.data(Qt.ItemDataRole.EditRole)))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802 (Qt's name)
        assert isinstance(editor, QSpinBox)
        editor.interpretText()
        model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(  # noqa: N802 (Qt's name)
        self, editor: QWidget, option: QStyleOptionViewItem, index: Index
    ) -> None:
        """At least as wide as the spin box needs, growing leftwards over the Starts column."""
        rect = QRect(option.rect)
        width = max(rect.width(), editor.sizeHint().width())
        rect.setLeft(rect.right() - width + 1)
        editor.setGeometry(rect)
