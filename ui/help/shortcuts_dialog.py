"""Help > Keyboard shortcuts: generated from the action table, so it can never go stale."""

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.actions import ACTIONS, Scope, shortcut_text

SCOPE_TITLES = {
    Scope.WINDOW: "Everywhere",
    Scope.HOME: "Workshop list",
    Scope.EDITOR: "Workshop editor",
    Scope.LIBRARY: "Exercise library",
    Scope.AGENDA: "Agenda",
    Scope.PARTICIPANTS: "Participants",
    Scope.RUNNER: "Running a workshop",
    Scope.TIMER: "Timer",
    Scope.CARDS: "Cards",
    Scope.CLUSTER: "Themes",
    Scope.VOTE: "Dot votes",
    Scope.RATE: "Ratings",
    Scope.MAP: "System map",
    Scope.ACTION_LIST: "Actions",
    Scope.EXPORT: "Planner and run: export",
}

# Keys that come from Qt's own widgets rather than from the table.
BUILT_IN_KEYS = {
    Scope.HOME: (("Open the selected workshop", "Enter"),),
    Scope.LIBRARY: (("Add the selected exercise", "Enter"), ("From search to the list", "Down")),
    Scope.AGENDA: (("Edit a step's minutes", "F2"),),
    Scope.PARTICIPANTS: (("Edit the selected cell", "F2"),),
    Scope.WINDOW: (("Next field or list", "Tab"), ("Open a menu", "Alt + its underlined letter")),
    Scope.RUNNER: (("Go to the step chosen in the agenda", "Enter"),),
    Scope.CARDS: (
        ("Add the card typed in the box", "Enter"),
        ("Type who said it and the column (first or last word)", "@name, #column"),
        ("Complete the name or column", "Tab"),
        ("From the box to the cards", "Up"),
        ("Column on the left or right", "Left, Right"),
        ("Back to the box", "Esc"),
    ),
    Scope.CLUSTER: (
        ("Select more cards", "Shift+Down, Shift+Up"),
        ("Confirm or cancel the theme name", "Enter, Esc"),
    ),
    Scope.VOTE: (("Add a dot", "="), ("Next or previous card or theme", "Down, Up")),
    Scope.RATE: (
        ("Set the rating (saved at once)", "Digits"),
        ("Clear rating", "Backspace"),
        ("Next scale", "Tab"),
        ("Next person", "Enter"),
        ("Edit the cell", "F2"),
    ),
    Scope.MAP: (
        ("Add the actor typed in the box", "Enter"),
        ("Kind of the new actor (last word)", "#kind"),
        ("Into the map, then the next actor", "Tab"),
        ("Previous actor", "Shift+Tab"),
        ("Move the selected actor (Shift: further)", "Arrow keys"),
        ("Back to the name box", "Esc"),
    ),
    Scope.ACTION_LIST: (
        ("Next field: what, who, by when", "Tab"),
        ("Add the action", "Enter"),
        ("Edit the selected cell", "F2"),
    ),
}


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Command", "Keys"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        for scope, title in SCOPE_TITLES.items():
            group = QTreeWidgetItem(self.tree, [title])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            for spec in ACTIONS:
                if spec.scope is scope and spec.shortcut is not None:
                    QTreeWidgetItem(group, [spec.plain_text, shortcut_text(spec)])
            for text, keys in BUILT_IN_KEYS.get(scope, ()):
                QTreeWidgetItem(group, [text, keys])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 640)

    def rows(self) -> list[tuple[str, str, str]]:
        """(section, command, keys) as shown; for tests and for reading aloud."""
        shown = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            assert group is not None
            for j in range(group.childCount()):
                child = group.child(j)
                assert child is not None
                shown.append((group.text(0), child.text(0), child.text(1)))
        return shown
