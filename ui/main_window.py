"""The main window: assembles the views, menus and status bar, and nothing else.

Each view owns its widgets, actions and redraws. The window owns what is shared: the undo group
(one stack for the workshop list, one per opened workshop, so Ctrl+Z never reaches into a
workshop that is not on screen), the menus built from the action table, the page switch, and
the geometry remembered in QSettings.
"""

from PySide6.QtCore import QEvent, QSettings
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget, QWidget

from app.services.changes import Area, Changes
from app.services.errors import NotFoundError
from app.services.workshops import get_workshop
from ui.actions import ACTIONS, MENUS, Scope, build_actions, refresh_icons
from ui.editor.editor_view import WorkshopEditor
from ui.help.about_dialog import AboutDialog
from ui.help.shortcuts_dialog import ShortcutsDialog
from ui.home.home_view import HomeView
from ui.library.import_flow import import_exercise_file
from ui.prompts import Prompts
from ui.save_status import SaveStatus
from ui.store import Store
from ui.theme import Appearance, AppearanceSwitch

MENU_TITLES = {
    "File": "&File",
    "Edit": "&Edit",
    "View": "&View",
    "Workshop": "&Workshop",
    "Editor": "&Go",
    "Agenda": "&Agenda",
    "Help": "&Help",
}
APPEARANCE_KEY = "appearance"


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        settings: QSettings,
        prompts: Prompts | None = None,
        appearance: AppearanceSwitch | None = None,
    ) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.store = store
        self.settings = settings
        self.prompts = prompts or Prompts(self)
        self._appearance = appearance
        self.undo_group = QUndoGroup(self)
        self.home_stack = QUndoStack(self.undo_group)
        self._workshop_stacks: dict[int, QUndoStack] = {}

        self.home = HomeView(store, self.home_stack, self.prompts)
        self.editor = WorkshopEditor(store, self.prompts)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.home)
        self.pages.addWidget(self.editor)
        self.setCentralWidget(self.pages)
        self.save_status = SaveStatus(store)
        self.statusBar().addPermanentWidget(self.save_status)

        self.command_actions = build_actions(self, Scope.WINDOW)
        self._menus = self._build_menus()
        self._connect()
        self._restore_settings()
        self.show_home()

    # -- assembly ---------------------------------------------------------------------------

    def _all_actions(self) -> dict[str, QAction]:
        views: list[QWidget] = [self.home, self.editor, self.editor.library, self.editor.agenda]
        found = dict(self.command_actions)
        for view in views:
            found.update(getattr(view, "command_actions", {}))
        return found

    def _build_menus(self) -> dict[str, QMenu]:
        actions = self._all_actions()
        menus: dict[str, QMenu] = {}
        for name in MENUS:
            menu = self.menuBar().addMenu(MENU_TITLES[name])
            for spec in ACTIONS:
                if spec.menu == name and spec.id in actions:
                    menu.addAction(actions[spec.id])
            menus[name] = menu
        self._add_appearance_menu(menus["View"])
        return menus

    def _add_appearance_menu(self, view_menu: QMenu) -> None:
        submenu = view_menu.addMenu("&Appearance")
        group = QActionGroup(self)
        chosen = Appearance(str(self.settings.value(APPEARANCE_KEY, Appearance.SYSTEM.value)))
        for choice, text in (
            (Appearance.SYSTEM, "Follow the &system"),
            (Appearance.LIGHT, "&Light"),
            (Appearance.DARK, "&Dark"),
        ):
            action = submenu.addAction(text)
            action.setCheckable(True)
            action.setChecked(choice is chosen)
            action.setObjectName(f"appearance_{choice.value}")
            action.triggered.connect(lambda _=False, c=choice: self.set_appearance(c))
            group.addAction(action)

    def _connect(self) -> None:
        self.home.sig_open_workshop.connect(self.open_workshop)
        self.store.sig_changed.connect(self._on_changed)
        self.store.sig_failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        group = self.undo_group
        group.canUndoChanged.connect(self.command_actions["undo"].setEnabled)
        group.canRedoChanged.connect(self.command_actions["redo"].setEnabled)
        group.undoTextChanged.connect(lambda text: self._name_undo("undo", "&Undo", text))
        group.redoTextChanged.connect(lambda text: self._name_undo("redo", "&Redo", text))
        self.command_actions["undo"].setEnabled(False)
        self.command_actions["redo"].setEnabled(False)

    def _name_undo(self, action_id: str, base: str, text: str) -> None:
        self.command_actions[action_id].setText(f"{base} {text}" if text else base)

    # -- pages ------------------------------------------------------------------------------

    def show_home(self) -> None:
        if self.pages.currentWidget() is self.editor:
            self.editor.commit_pending()  # a field still being typed in is saved first
        self.pages.setCurrentWidget(self.home)
        self.undo_group.setActiveStack(self.home_stack)
        self._show_menus(home=True)
        self.home.refresh()
        self._update_title()
        self.home.focus_search()

    def open_workshop(self, workshop_id: int) -> None:
        stack = self._workshop_stacks.get(workshop_id)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._workshop_stacks[workshop_id] = stack
        self.editor.set_workshop(workshop_id, stack)
        self.pages.setCurrentWidget(self.editor)
        self.undo_group.setActiveStack(stack)
        self._show_menus(home=False)
        self._update_title()

    def _show_menus(self, home: bool) -> None:
        self._menus["Workshop"].menuAction().setVisible(home)
        for name in ("Editor", "Agenda"):
            self._menus[name].menuAction().setVisible(not home)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Area.WORKSHOPS):
            self._forget_deleted_workshops()
        on_editor = self.pages.currentWidget() is self.editor
        if on_editor and changes.workshop_id == self.editor.workshop_id:
            self._update_title()

    def _forget_deleted_workshops(self) -> None:
        """A workshop deleted for good takes its undo history with it."""
        for workshop_id in list(self._workshop_stacks):
            try:
                get_workshop(self.store.db, workshop_id)
            except NotFoundError:
                stack = self._workshop_stacks.pop(workshop_id)
                self.undo_group.removeStack(stack)
                stack.deleteLater()

    def _update_title(self) -> None:
        if self.pages.currentWidget() is self.editor and self.editor.workshop_id is not None:
            try:
                title = get_workshop(self.store.db, self.editor.workshop_id).title
            except NotFoundError:  # deleted for good by another change
                self.show_home()
                return
            self.setWindowTitle(f"{title} — Chorus")
        else:
            self.setWindowTitle("Chorus")

    # -- handlers named in the action table -------------------------------------------------

    def new_workshop(self) -> None:
        if self.pages.currentWidget() is not self.home:
            self.show_home()
        self.home.new_workshop()

    def import_exercise(self) -> None:
        if self.pages.currentWidget() is self.editor:
            self.editor.import_exercise()
        else:
            import_exercise_file(self.store, self.prompts, self, self.home_stack)

    def undo(self) -> None:
        self.undo_group.undo()

    def redo(self) -> None:
        self.undo_group.redo()

    def focus_search(self) -> None:
        current = self.pages.currentWidget()
        if current is self.editor:
            self.editor.focus_search()
        else:
            self.home.focus_search()

    def go_home(self) -> None:
        self.show_home()

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).open()

    def show_about(self) -> None:
        AboutDialog(self).open()

    def set_appearance(self, choice: Appearance) -> None:
        self.settings.setValue(APPEARANCE_KEY, choice.value)
        if self._appearance is not None:
            self._appearance.apply(choice)

    def bring_to_front(self) -> None:
        """A second launch on the same data folder asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()
        self.statusBar().showMessage("Chorus is already open on this data folder.", 6000)

    # -- settings and events ----------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 820)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("editor/state")
        if splitter is not None:
            self.editor.restore_state(splitter)

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("editor/state", self.editor.save_state())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.editor.commit_pending()
        self.save_settings()
        event.accept()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange:
            refresh_icons(self.command_actions)  # each view redraws its own
            self.save_status.refresh_icons()
        super().changeEvent(event)
