"""Every command a user can give, declared once: id, text, icon, shortcut, handler, menu.

A view builds the actions of its own scope with `build_actions(view, scope)`; the handler is
the name of a method on that view, so the table is the one place to read or change a command,
and the keyboard shortcut list under Help is generated from it.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ui.icons import icon

Key = QKeySequence.StandardKey


class Scope(StrEnum):
    """Where a shortcut works: in the whole window, or only while focus is inside one view."""

    WINDOW = "window"
    HOME = "home"
    EDITOR = "editor"
    AGENDA = "agenda"
    LIBRARY = "library"
    PARTICIPANTS = "participants"


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str  # menu text, with & before the mnemonic
    handler: str  # method name on the view that owns the scope
    scope: Scope
    shortcut: str | Key | None = None
    icon: str | None = None  # a meaning from ui.icons.ICONS
    menu: str = ""  # "" keeps it out of the menu bar (toolbar or view only)
    tip: str = ""

    @property
    def plain_text(self) -> str:
        return self.text.replace("&", "").removesuffix("…")


W, H, E, A, L, P = (
    Scope.WINDOW,
    Scope.HOME,
    Scope.EDITOR,
    Scope.AGENDA,
    Scope.LIBRARY,
    Scope.PARTICIPANTS,
)

ACTIONS: tuple[ActionSpec, ...] = (
    # File
    ActionSpec("new_workshop", "&New workshop…", "new_workshop", W, Key.New, "new_workshop",
               "File", "Create a workshop, blank or from a template"),
    ActionSpec("import_exercise", "&Import exercise…", "import_exercise", W, "Ctrl+I",
               "import_exercise", "File", "Add an exercise file to your library"),
    ActionSpec("quit", "&Quit", "close", W, "Ctrl+Q", "quit", "File"),  # Key.Quit: none on X11
    # Edit
    ActionSpec("undo", "&Undo", "undo", W, Key.Undo, "undo", "Edit"),
    ActionSpec("redo", "&Redo", "redo", W, Key.Redo, "redo", "Edit"),
    ActionSpec("find", "&Find", "focus_search", W, Key.Find, "find", "Edit",
               "Search the workshops, or the exercise library in the editor"),
    # View
    ActionSpec("go_home", "&Workshops", "go_home", W, "Alt+Home", "home", "View",
               "Back to the list of workshops"),
    # Workshop (home)
    ActionSpec("open_workshop", "&Open", "open_selected", H, Key.Open, "open", "Workshop",
               "Open the selected workshop"),
    ActionSpec("duplicate_workshop", "&Duplicate", "duplicate_selected", H, "Ctrl+D",
               "duplicate", "Workshop", "Copy the workshop's details and agenda"),
    ActionSpec("archive_workshop", "&Archive", "archive_selected", H, "Ctrl+Shift+A",
               "archive", "Workshop", "Move to the archive (or back out of it)"),
    ActionSpec("trash_workshop", "Move to &trash", "trash_selected", H, Key.Delete, "trash",
               "Workshop", "Move the workshop to the trash; restore it from there"),
    ActionSpec("restore_workshop", "&Restore", "restore_selected", H, "Ctrl+Shift+R",
               "restore", "Workshop", "Take the workshop out of the trash"),
    ActionSpec("delete_for_good", "Delete for &good…", "delete_selected_for_good", H,
               "Shift+Del", "delete_for_good", "Workshop",
               "Delete a workshop in the trash and everything in it, for good"),
    ActionSpec("show_active", "Active workshops", "show_active", H, "Ctrl+1", None, "Workshop"),
    ActionSpec("show_archived", "Archived workshops", "show_archived", H, "Ctrl+2", None,
               "Workshop"),
    ActionSpec("show_trash", "Trash", "show_trash", H, "Ctrl+3", None, "Workshop"),
    ActionSpec("open_demo", "Open the &demo workshop", "open_demo", H, None, "demo", "Workshop",
               "A filled-in example workshop to look around in"),
    # Workshop editor
    ActionSpec("show_details", "&Details", "show_details", E, "Ctrl+1", "details", "Editor"),
    ActionSpec("show_participants", "&Participants", "show_participants", E, "Ctrl+2",
               "participants", "Editor"),
    ActionSpec("show_agenda", "&Agenda", "show_agenda", E, "Ctrl+3", "agenda", "Editor"),
    ActionSpec("show_notes", "Private &notes", "show_notes", E, "Ctrl+4", "notes", "Editor"),
    # Agenda builder
    ActionSpec("add_to_agenda", "&Add to agenda", "add_selected", L, "Ctrl+Return",
               "add_to_agenda", "Agenda", "Add the exercise after the selected agenda item"),
    ActionSpec("move_item_up", "Move &up", "move_up", A, "Ctrl+Up", "move_up", "Agenda",
               "Move the agenda item one place earlier"),
    ActionSpec("move_item_down", "Move d&own", "move_down", A, "Ctrl+Down", "move_down",
               "Agenda", "Move the agenda item one place later"),
    ActionSpec("remove_item", "&Remove from agenda", "remove_selected", A, Key.Delete,
               "remove_from_agenda", "Agenda", "Remove the agenda item (undo brings it back)"),
    # Participants
    ActionSpec("add_participant", "Add &participant", "add_participant", P, "Ctrl+Shift+N",
               "participant_add", "", "Add a participant (name optional)"),
    ActionSpec("remove_participant", "Remove participant", "remove_selected", P, Key.Delete,
               "participant_remove", "", "Remove the selected participant"),
    ActionSpec("move_participant_up", "Move participant up", "move_up", P, "Ctrl+Up",
               "move_up", ""),
    ActionSpec("move_participant_down", "Move participant down", "move_down", P, "Ctrl+Down",
               "move_down", ""),
    # Help
    ActionSpec("shortcuts", "&Keyboard shortcuts", "show_shortcuts", W, Key.HelpContents,
               "shortcuts", "Help"),
    ActionSpec("about", "&About Chorus", "show_about", W, None, "about", "Help"),
)  # fmt: skip

MENUS = ("File", "Edit", "View", "Workshop", "Editor", "Agenda", "Help")


def specs(scope: Scope) -> Iterator[ActionSpec]:
    return (spec for spec in ACTIONS if spec.scope is scope)


def spec(action_id: str) -> ActionSpec:
    for candidate in ACTIONS:
        if candidate.id == action_id:
            return candidate
    raise KeyError(action_id)


# Keys some keyboards have for a standard command; listing them would only puzzle.
_DEDICATED_KEYS = {"Undo", "Redo", "Help", "Find", "Open", "New", "Close", "Save"}


def shortcut_text(spec: ActionSpec) -> str:
    """Every key for the command as this platform writes it ("" when there is none)."""
    if spec.shortcut is None:
        return ""
    native = QKeySequence.SequenceFormat.NativeText
    if isinstance(spec.shortcut, Key):
        keys = [k.toString(native) for k in QKeySequence.keyBindings(spec.shortcut)]
        return ", ".join(k for k in keys if k not in _DEDICATED_KEYS)
    return QKeySequence(spec.shortcut).toString(native)


def build_actions(owner: QWidget, scope: Scope) -> dict[str, QAction]:
    """QActions for every spec of `scope`, added to `owner` and wired to its handlers.

    Shortcuts of a view's scope work only while focus is inside that view, so the same key
    (Delete, Ctrl+Up) can mean "the selected thing" in each view without clashing.
    """
    context = (
        Qt.ShortcutContext.WindowShortcut
        if scope is Scope.WINDOW
        else Qt.ShortcutContext.WidgetWithChildrenShortcut
    )
    built: dict[str, QAction] = {}
    for item in specs(scope):
        action = QAction(item.text, owner)
        action.setObjectName(f"action_{item.id}")
        if item.icon:
            action.setIcon(icon(item.icon))
        if isinstance(item.shortcut, Key):
            action.setShortcuts(item.shortcut)  # every binding of the platform (Ctrl+Y too)
        elif item.shortcut is not None:
            action.setShortcut(QKeySequence(item.shortcut))
        action.setShortcutContext(context)
        tip = item.tip or item.plain_text
        keys = shortcut_text(item)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        action.triggered.connect(getattr(owner, item.handler))
        owner.addAction(action)
        built[item.id] = action
    return built


def refresh_icons(actions: dict[str, QAction]) -> None:
    """Redraw icons in the new palette's colours after a switch between light and dark."""
    for action_id, action in actions.items():
        meaning = spec(action_id).icon
        if meaning:
            action.setIcon(icon(meaning))
