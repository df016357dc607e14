"""The main window: assembles the views, menus and status bar, and nothing else.

Each view owns its widgets, actions and redraws. The window owns what is shared: the undo group
(one stack for the workshop list, one per opened workshop, shared by its editor and its run, so
Ctrl+Z never reaches into a workshop that is not on screen), the page switch (list, editor,
runner), and what QSettings remembers.
"""

from PySide6.QtCore import QByteArray, QEvent, QSettings
from PySide6.QtGui import QAction, QCloseEvent, QUndoGroup, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget, QWidget

from app.db.models import WorkshopStatus
from app.services.changes import Area, Changes
from app.services.errors import NotFoundError
from app.services.run_state import start_run
from app.services.workshops import get_workshop, list_workshops
from ui.actions import Scope, build_actions, refresh_icons
from ui.editor.editor_view import WorkshopEditor
from ui.export.export_commands import ExportCommands
from ui.export.export_flow import ExportFlow
from ui.help.about_dialog import AboutDialog
from ui.help.shortcuts_dialog import ShortcutsDialog
from ui.home.home_view import HomeView
from ui.library.import_flow import import_exercise_file
from ui.menus import add_appearance_menu, add_paper_menu, build_menus, show_page_menus
from ui.prompts import Prompts
from ui.runner.runner_view import RunnerView
from ui.save_status import SaveStatus
from ui.store import Store
from ui.theme import APPEARANCE_KEY, Appearance, AppearanceSwitch

MUTED_KEY = "runner/muted"


class MainWindow(ExportCommands, QMainWindow):
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
        self.runner = RunnerView(store, self.prompts)
        self.pages.addWidget(self.runner)
        self.setCentralWidget(self.pages)
        self.save_status = SaveStatus(store)
        self.statusBar().addPermanentWidget(self.save_status)

        self.export_flow = ExportFlow(store, self.prompts, self)
        self.command_actions = build_actions(self, Scope.WINDOW)
        self.export_actions = build_actions(self, Scope.EXPORT)  # act on the page's workshop
        self._menus = self._build_menus()
        self._connect()
        self._restore_settings()
        self.show_home(reload=False)  # the list was loaded a moment ago, when the home was made

    # -- assembly ---------------------------------------------------------------------------

    def _all_actions(self) -> dict[str, QAction]:
        views: list[QWidget] = [
            self.home,
            self.editor,
            self.editor.library,
            self.editor.agenda,
            self.runner,
            self.runner.timer,
        ]
        found = self.command_actions | self.export_actions
        for view in views:
            found.update(getattr(view, "command_actions", {}))
        return found

    def _build_menus(self) -> dict[str, QMenu]:
        menus = build_menus(self.menuBar(), self._all_actions())
        chosen = Appearance(str(self.settings.value(APPEARANCE_KEY, Appearance.SYSTEM.value)))
        add_appearance_menu(self, menus["View"], chosen, self.set_appearance)
        self.restore_paper()
        add_paper_menu(self, menus["Export"], self.export_flow.paper, self.set_paper)
        return menus

    def _connect(self) -> None:
        self.home.sig_open_workshop.connect(self.open_workshop)
        self.editor.sig_run_requested.connect(self.run_workshop)
        self.runner.sig_back_to_planner.connect(self.open_workshop)
        self.runner.timer.sig_muted.connect(lambda muted: self.settings.setValue(MUTED_KEY, muted))
        self.store.sig_changed.connect(self._on_changed)
        self.store.sig_failed.connect(lambda message: self.statusBar().showMessage(message, 8000))
        self.store.sig_saving_resumed.connect(self.statusBar().clearMessage)
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

    def _leave_page(self) -> None:
        """Save what is being typed on the page we are leaving."""
        current = self.pages.currentWidget()
        if current is self.editor:
            self.editor.commit_pending()
        elif current is self.runner:
            self.runner.commit_pending()
            self.runner.close_projector()
            self.runner.timer.ticker.stop()  # no chime from a run that is not on screen

    def _show_page_commands(self, page: str) -> None:
        """Menus of the page on screen; a hidden runner's commands can never act."""
        show_page_menus(self._menus, page)
        for view in (self.runner, self.runner.timer):
            for action in view.command_actions.values():
                action.setVisible(page == "runner")
        self.editor.command_actions["start_run"].setVisible(page == "editor")
        for action in self.export_actions.values():
            action.setVisible(page != "home")

    def show_home(self, *, reload: bool = True) -> None:
        self._leave_page()
        if reload:  # before it is shown: a list stale from changes made meanwhile reads once
            self.home.refresh()
        self.pages.setCurrentWidget(self.home)
        self.undo_group.setActiveStack(self.home_stack)
        self._show_page_commands("home")
        self._update_title()
        self.home.focus_search()

    def _stack_of(self, workshop_id: int) -> QUndoStack:
        stack = self._workshop_stacks.get(workshop_id)
        if stack is None:
            stack = QUndoStack(self.undo_group)
            self._workshop_stacks[workshop_id] = stack
        return stack

    def open_workshop(self, workshop_id: int) -> None:
        self._leave_page()
        stack = self._stack_of(workshop_id)
        self.editor.set_workshop(workshop_id, stack)
        self.pages.setCurrentWidget(self.editor)
        self.undo_group.setActiveStack(stack)
        self._show_page_commands("editor")
        self._update_title()

    def run_workshop(self, workshop_id: int) -> None:
        """Start (or come back to) the run: the step and timer are where the room left them."""
        self._leave_page()
        previous = self.pages.currentWidget()
        self.pages.setCurrentWidget(self.runner)  # first, so the pages it hides skip the redraw
        if self.store.apply(start_run, workshop_id) is None:
            if previous is not None:
                self.pages.setCurrentWidget(previous)
            return  # refused (an empty agenda, say): sig_failed has told the user why
        stack = self._stack_of(workshop_id)
        self.runner.set_workshop(workshop_id, stack)
        self.undo_group.setActiveStack(stack)
        self._show_page_commands("runner")
        self._update_title()
        self.runner.focus_current()

    def resume_interrupted_run(self) -> None:
        """After a crash or a closed laptop mid-workshop, open straight into that run."""
        running = [w for w in list_workshops(self.store.db) if w.status is WorkshopStatus.RUNNING]
        if running:
            newest = max(running, key=lambda w: w.updated_at)
            if newest.id is not None:
                self.run_workshop(newest.id)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Area.WORKSHOPS):
            self._forget_deleted_workshops()
        shown = changes.workshop_id is not None and changes.workshop_id == self._shown_workshop()
        if shown and changes.touches(Area.DETAILS, Area.WORKSHOPS):  # where the title lives
            self._update_title()

    def _shown_workshop(self) -> int | None:
        current = self.pages.currentWidget()
        if current is self.editor:
            return self.editor.workshop_id
        if current is self.runner:
            return self.runner.workshop_id
        return None

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
        workshop_id = self._shown_workshop()
        if workshop_id is None:
            self.setWindowTitle("Chorus")
            return
        try:
            title = get_workshop(self.store.db, workshop_id).title
        except NotFoundError:  # deleted for good by another change
            self.show_home()
            return
        running = " · running" if self.pages.currentWidget() is self.runner else ""
        self.setWindowTitle(f"{title}{running} — Chorus")

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
        for key, view in (("editor/state", self.editor), ("runner/state", self.runner)):
            state = self.settings.value(key)
            if isinstance(state, QByteArray):
                view.restore_state(state)
        self.runner.timer.muted = self.settings.value(MUTED_KEY, False, type=bool) is True

    def save_settings(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("editor/state", self.editor.save_state())
        self.settings.setValue("runner/state", self.runner.save_state())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._leave_page()
        self.save_settings()
        self.export_flow.wait()
        event.accept()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange:
            refresh_icons(self.command_actions)  # each view redraws its own
            refresh_icons(self.export_actions)
            self.save_status.refresh_icons()
        super().changeEvent(event)
