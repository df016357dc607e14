"""The widgets of the actions panel: the entry row (what, who, by when), the tool buttons and the
table, laid out once here so the panel module holds only behaviour."""

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.capture.actions_model import WHAT, WHO, ActionsModel
from ui.capture.due_dates import HELP

Index = QModelIndex | QPersistentModelIndex
ENTRY_FIELDS = ("what", "who", "due")
HINT = (
    "Type what will be done and press Enter; Tab to who and by when first if you know them. "
    "In the list: Space marks done, F2 edits, Delete removes, Ctrl+Up/Down moves."
)
TOOL_BUTTONS = ("add_action", "toggle_action_done", "delete_action", "move_action_up",
                "move_action_down")  # fmt: skip


@dataclass
class ActionsForm:
    what: QLineEdit
    who: QLineEdit
    due: QLineEdit
    table: QTableView
    message: QLabel
    count: QLabel
    owners: QStringListModel


def owner_completer(owners: QStringListModel, parent: QWidget) -> QCompleter:
    """Names offered while typing who; any other text is fine too."""
    completer = QCompleter(owners, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    return completer


class OwnerDelegate(QStyledItemDelegate):
    """The Who cell's editor offers the same names as the entry row."""

    def __init__(self, owners: QStringListModel, parent: QWidget) -> None:
        super().__init__(parent)
        self.owners = owners

    def createEditor(  # noqa: N802 (Qt's name)
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            editor.setCompleter(owner_completer(self.owners, editor))
        return editor


def _line(placeholder: str, name: str, chars: int | None = None) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setAccessibleName(name)
    edit.setClearButtonEnabled(True)
    if chars:
        edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * chars)
        edit.setMaximumWidth(edit.fontMetrics().averageCharWidth() * chars * 2)
    return edit


def _table(model: ActionsModel, owners: QStringListModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName("Actions")
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    triggers = QAbstractItemView.EditTrigger
    table.setEditTriggers(triggers.DoubleClicked | triggers.EditKeyPressed)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.setItemDelegateForColumn(WHO, OwnerDelegate(owners, table))
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(WHO, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(WHO, table.fontMetrics().averageCharWidth() * 22)
    return table


def build_actions_layout(
    panel: QWidget, model: ActionsModel, actions: dict[str, QAction]
) -> ActionsForm:
    owners = QStringListModel(panel)
    what = _line("What will be done?", "What")
    who = _line("Who", "Who", chars=14)
    who.setCompleter(owner_completer(owners, who))
    due = _line("By when, e.g. friday", "By when", chars=16)
    due.setToolTip(HELP)
    entry = QHBoxLayout()
    entry.addWidget(what, 3)
    entry.addWidget(who, 1)
    entry.addWidget(due, 1)

    hint = QLabel(HINT)
    hint.setWordWrap(True)
    hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    count = QLabel()
    count.setObjectName("action_count")
    buttons = QHBoxLayout()
    for action_id in TOOL_BUTTONS:
        button = QToolButton()
        button.setDefaultAction(actions[action_id])
        button.setAccessibleName(actions[action_id].text().replace("&", ""))
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the entry to the list
        if action_id == "add_action":
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            entry.addWidget(button)
        else:
            buttons.addWidget(button)
    buttons.addStretch(1)
    buttons.addWidget(count)

    table = _table(model, owners)
    message = QLabel()
    message.setObjectName("action_message")
    message.setWordWrap(True)
    message.hide()
    layout = QVBoxLayout(panel)
    layout.addWidget(hint)
    layout.addLayout(entry)
    layout.addWidget(message)
    layout.addLayout(buttons)
    layout.addWidget(table, 1)
    panel.setTabOrder(what, who)
    panel.setTabOrder(who, due)
    return ActionsForm(what, who, due, table, message, count, owners)
