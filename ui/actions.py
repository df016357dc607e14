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
    RUNNER = "runner"  # the live run: steps, projector
    TIMER = "timer"
    CARDS = "cards"
    CLUSTER = "cluster"
    VOTE = "vote"
    RATE = "rate"
    MAP = "map"
    ACTION_LIST = "action_list"  # the actions capture panel (what, who, by when)
    EXPORT = "export"  # handouts and reports of the workshop on screen (planner and run)


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
R, T = Scope.RUNNER, Scope.TIMER

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
    ActionSpec("start_run", "&Run the workshop", "request_run", E, "F5", "run", "Run",
               "Run the workshop in the room: script, timer, capture and projector"),
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
    # Runner (scope RUNNER)
    ActionSpec("next_step", "&Next step", "next_step", R, "PgDown", "next_step", "Run",
               "Go on to the next step (a presenter clicker's forward key)"),
    ActionSpec("previous_step", "&Previous step", "previous_step", R, "PgUp", "previous_step",
               "Run", "Go back to the previous step"),
    ActionSpec("go_to_step", "&Go to step…", "focus_rail", R, "Ctrl+G", None, "Run",
               "Choose any step in the agenda, then press Enter"),
    ActionSpec("toggle_script", "Facilitator &script", "toggle_script", R, "Ctrl+Shift+S",
               "script", "Run", "Show or hide the script and debrief questions"),
    ActionSpec("toggle_projector", "&Projector", "toggle_projector", R, "Ctrl+Shift+P",
               "projector", "Run", "Open or close the projector window"),
    ActionSpec("blank_projector", "&Blank projector", "toggle_blank", R, "Ctrl+B",
               "blank_projector", "Run", "Blank the projector screen, or bring it back"),
    ActionSpec("projector_results", "Show &results on projector", "toggle_results", R,
               "Ctrl+Shift+O", "projector_results", "Run",
               "Show what the room produced in this step on the projector, or hide it"),
    ActionSpec("finish_run", "&Finish the run…", "finish_run", R, None, "finish_run", "Run",
               "End the workshop run and go back to the planner"),
    ActionSpec("back_to_planner", "Back to the p&lanner", "back_to_planner", R, "Shift+F5",
               "back_to_planner", "Run", "Leave run mode; the run stays where it is"),
    # Timer (scope TIMER)
    ActionSpec("timer_start_pause", "Start or pause the &timer", "toggle_timer", T,
               "Ctrl+Shift+Space", "timer_start", "Run", "Start or pause the step's countdown"),
    ActionSpec("timer_less", "&One minute less", "subtract_minute", T, "Ctrl+-", "timer_less",
               "Run", "Take a minute off the step's time"),
    ActionSpec("timer_more", "One &minute more", "add_minute", T, "Ctrl++", "timer_more", "Run",
               "Give the step another minute"),
    ActionSpec("timer_reset", "R&eset the timer", "reset_countdown", T, "Ctrl+Shift+R",
               "timer_reset", "Run", "Back to the step's planned minutes, paused"),
    ActionSpec("timer_mute", "Mute the &chime", "apply_mute", T, "Ctrl+M", "chime", "Run",
               "No sound when the time is up"),
    # Cards panel (scope CARDS)
    ActionSpec("new_card", "&New card", "focus_entry", Scope.CARDS, "Ctrl+Shift+N", "card_add",
               "", "Type a new card, then Enter (@name says who said it, #column where it goes)"),
    ActionSpec("edit_card", "&Edit card", "edit_selected", Scope.CARDS, "F2", "card_edit", "",
               "Edit the selected card (from the box: the last card added)"),
    ActionSpec("delete_card", "&Delete card", "delete_selected", Scope.CARDS, Key.Delete,
               "trash", "", "Delete the selected card (undo brings it back)"),
    ActionSpec("card_to_left", "Move to the column on the &left", "move_left", Scope.CARDS,
               "Ctrl+Left", "card_left", "", "Move the selected card one column to the left"),
    ActionSpec("card_to_right", "Move to the column on the &right", "move_right", Scope.CARDS,
               "Ctrl+Right", "card_right", "", "Move the selected card one column to the right"),
    ActionSpec("card_author", "&Who said it…", "choose_author", Scope.CARDS, "Ctrl+Shift+A",
               "card_author", "", "Say who said the selected card (from the box: the last one)"),
    # Cluster panel (scope CLUSTER)
    ActionSpec("new_theme", "&New theme from selection…", "new_theme", Scope.CLUSTER,
               "Ctrl+Shift+N", "theme_new", "", "Put the selected cards in a new theme you name"),
    ActionSpec("add_to_theme", "&Add to theme…", "add_to_theme", Scope.CLUSTER, "Ctrl+T",
               "theme_add", "", "Put the selected cards in a theme you pick by name"),
    ActionSpec("ungroup_cards", "&Ungroup", "ungroup_selected", Scope.CLUSTER, "Ctrl+Shift+G",
               "theme_ungroup", "", "Take the selected cards out of their theme"),
    ActionSpec("rename_theme", "&Rename theme", "rename_theme", Scope.CLUSTER, "F2",
               "theme_rename", "", "Rename the current theme"),
    ActionSpec("merge_themes", "&Merge themes", "merge_themes", Scope.CLUSTER, "Ctrl+Shift+M",
               "theme_merge", "", "Fold the selected themes into the current one"),
    ActionSpec("delete_theme", "&Delete theme", "delete_theme", Scope.CLUSTER, Key.Delete,
               "theme_delete", "", "Delete the current theme; its cards go back to the list"),
    # Vote panel (scope VOTE)
    ActionSpec("add_dot", "&Add a dot", "add_dot", Scope.VOTE, "+", "dot_add", "",
               "One more dot on the selected card or theme (= works too)"),
    ActionSpec("remove_dot", "&Take a dot away", "remove_dot", Scope.VOTE, "-", "dot_remove",
               "", "One dot fewer on the selected card or theme"),
    ActionSpec("ranked_order", "&Ranked", "toggle_ranked", Scope.VOTE, "Ctrl+R", "ranked", "",
               "Most dots first, or back to the order on the board"),
    # Rate panel (scope RATE)
    ActionSpec("clear_rating", "&Clear rating", "clear_current", Scope.RATE, Key.Delete,
               "clear_rating", "", "Clear the selected rating (Backspace works too)"),
    # Map panel (scope MAP)
    ActionSpec("map_new_actor", "&New actor", "focus_entry", Scope.MAP, "Ctrl+Shift+N",
               "map_actor_add", "", "Type a new actor's name, then Enter (#kind sets its kind)"),
    ActionSpec("map_link", "&Link to…", "start_link", Scope.MAP, "Ctrl+L", "map_link", "",
               "Link the selected actor to another: pick it by name, then say what passes"),
    ActionSpec("map_rename", "&Rename", "rename_selected", Scope.MAP, "F2", "map_rename", "",
               "Rename the selected actor (#kind changes its kind) or relabel the selected link"),
    ActionSpec("map_delete", "&Delete", "delete_selected", Scope.MAP, Key.Delete, "trash", "",
               "Delete the selection; an actor goes with its links (undo brings all back)"),
    ActionSpec("map_tidy", "&Tidy", "tidy", Scope.MAP, "Ctrl+Shift+L", "map_tidy", "",
               "Arrange the map: linked actors close, none overlapping (undo puts them back)"),
    ActionSpec("map_fit", "&Fit to window", "fit_view", Scope.MAP, "Ctrl+0", "map_fit", "",
               "Show the whole map (Ctrl+wheel zooms)"),
    # Actions panel (scope ACTION_LIST)
    ActionSpec("new_action", "&New action", "focus_entry", Scope.ACTION_LIST, "Ctrl+Shift+N",
               None, "", "Type a new action: what, then Tab to who and by when"),
    ActionSpec("add_action", "&Add", "add_entry", Scope.ACTION_LIST, None, "action_add", "",
               "Add the action typed above (Enter does it too)"),
    ActionSpec("toggle_action_done", "Mark &done or open", "toggle_done", Scope.ACTION_LIST,
               "Space", "action_done", "", "Mark the selected action done, or open again"),
    ActionSpec("delete_action", "&Delete action", "delete_selected", Scope.ACTION_LIST,
               Key.Delete, "trash", "", "Delete the selected action (undo brings it back)"),
    ActionSpec("move_action_up", "Move action up", "move_up", Scope.ACTION_LIST, "Ctrl+Up",
               "move_up", ""),
    ActionSpec("move_action_down", "Move action down", "move_down", Scope.ACTION_LIST,
               "Ctrl+Down", "move_down", ""),
    # Export (scope EXPORT: built on the main window, shown on the editor and runner pages)
    ActionSpec("preview_handout", "&Preview handout…", "preview_handout", Scope.EXPORT,
               "Ctrl+Shift+H", "preview", "Export",
               "See the participants' handout as it will print, then save it"),
    ActionSpec("export_handout_pdf", "Export &handout (PDF)…", "export_handout_pdf",
               Scope.EXPORT, "Ctrl+Shift+E", "export_handout", "Export",
               "Save the participants' handout as a PDF"),
    ActionSpec("export_report_pdf", "Export facilitator &report (PDF)…", "export_report_pdf",
               Scope.EXPORT, None, "export_report", "Export",
               "Save the handout plus timings, private notes and who said what, as a PDF"),
    ActionSpec("export_guide_pdf", "Export preparation &guide (PDF)…", "export_guide_pdf",
               Scope.EXPORT, None, "export_guide", "Export",
               "Save the coach's preparation guide (scripts, materials, timings) as a PDF"),
    ActionSpec("export_handout_markdown", "Export handout as &Markdown…",
               "export_handout_markdown", Scope.EXPORT, None, "export_markdown", "Export",
               "Save the handout as a Markdown text file, to paste into other tools"),
    # Help
    ActionSpec("shortcuts", "&Keyboard shortcuts", "show_shortcuts", W, Key.HelpContents,
               "shortcuts", "Help"),
    ActionSpec("about", "&About Chorus", "show_about", W, None, "about", "Help"),
)  # fmt: skip

MENUS = ("File", "Edit", "View", "Workshop", "Editor", "Agenda", "Run", "Export", "Help")


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
