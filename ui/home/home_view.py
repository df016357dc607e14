"""The home screen: every workshop, searched as you type, kept active, archived or in the trash.

Every edit is an undo command on the stack the window gives us; the list redraws from the
store's `sig_changed`, so undo and redo show up here without extra code.
"""

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.models import Workshop
from app.services.changes import Area, Changes
from app.services.workshops import WorkshopView, delete_workshop_for_good, list_workshops
from exercises.workshop_template import WorkshopTemplate
from ui.actions import Scope, build_actions, refresh_icons
from ui.home import commands
from ui.home.empty_state import EmptyState, nothing_text
from ui.home.home_header import HomeHeader
from ui.home.new_workshop_dialog import NewWorkshopDialog
from ui.home.workshop_list_model import WorkshopListModel, WorkshopTable
from ui.home.workshop_toolbar import INSIDE_TRASH, OUTSIDE_TRASH, WorkshopToolbar
from ui.prompts import Prompts
from ui.store import Store

MakeCommand = Callable[[Store, int, str], commands.WorkshopCommand]


class _Selected(NamedTuple):
    id: int
    title: str


class HomeView(QWidget):
    sig_open_workshop = Signal(int)  # the user opened (or just created) this workshop

    def __init__(
        self,
        store: Store,
        undo_stack: QUndoStack,
        prompts: Prompts,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.prompts = prompts
        self.view_filter = WorkshopView.ACTIVE
        self.new_dialog: NewWorkshopDialog | None = None
        self.command_actions = build_actions(self, Scope.HOME)

        self.model = WorkshopListModel(self)
        self.table = WorkshopTable(self.model)
        self.table.activated.connect(self.open_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.empty_label = QLabel()
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._stale = False  # changed while hidden
        self._empty_state: EmptyState | None = None  # built when first needed: it reads
        self.pages = QStackedWidget()  # the whole exercise library for its templates
        for page in (self.table, self.empty_label):
            self.pages.addWidget(page)

        self.header = HomeHeader(self.command_actions)
        self.search_box = self.header.search_box
        self.filter_buttons = self.header.filter_buttons
        self.new_button = self.header.new_button
        self.search_box.textChanged.connect(self.refresh)
        self.search_box.installEventFilter(self)
        self.new_button.clicked.connect(self.new_workshop)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        self.toolbar = WorkshopToolbar(self.command_actions)
        self.tool_buttons = self.toolbar.buttons
        self.count_label = self.toolbar.count_label
        layout.addWidget(self.toolbar)
        layout.addWidget(self.pages, 1)
        store.sig_changed.connect(self._on_changed)
        self.refresh()

    # --- the interface the window uses --------------------------------------------------------

    def new_workshop(self) -> None:
        """Ask for a title and blank or a template; create and open it on OK."""
        if self.new_dialog is not None:  # already asking
            self.new_dialog.activateWindow()
            return
        dialog = NewWorkshopDialog(self._templates(), self)
        dialog.accepted.connect(lambda: self._create_from_dialog(dialog))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.new_dialog = dialog
        dialog.open()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def refresh(self) -> None:
        self._reload(self.selected_id())

    def selected_id(self) -> int | None:
        workshop = self.selected_workshop()
        return workshop.id if workshop is not None else None

    def selected_workshop(self) -> Workshop | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.workshop_at(index.row())

    # --- action handlers (names from ui/actions.py) -------------------------------------------

    def open_selected(self) -> None:
        if (workshop := self._acting_on(outside_trash=True)) is not None:
            self.sig_open_workshop.emit(workshop.id)

    def duplicate_selected(self) -> None:
        if (workshop := self._acting_on(outside_trash=True)) is not None:
            self._push_create(commands.duplicate(self.store, workshop.id, workshop.title))

    def archive_selected(self) -> None:
        """Archive, or in the Archived list take it back out."""
        archived = self.view_filter is WorkshopView.ARCHIVED
        self._push_on_selected(commands.unarchive if archived else commands.archive, True)

    def trash_selected(self) -> None:
        self._push_on_selected(commands.trash, outside_trash=True)

    def restore_selected(self) -> None:
        self._push_on_selected(commands.restore, outside_trash=False)

    def delete_selected_for_good(self) -> None:
        """Only from the trash, after a question whose safe answer is the default. No undo."""
        workshop = self._acting_on(outside_trash=False)
        if workshop is None:
            return
        asked = self.prompts.confirm(
            "Delete for good?",
            f"“{workshop.title}” and everything in it (agenda, participants, notes and what "
            "the room produced) will be deleted. This cannot be undone.",
            "Delete for good",
        )
        if asked and self.store.apply(delete_workshop_for_good, workshop.id) is not None:
            commands.forget_workshop(self.undo_stack, workshop.id)

    def show_active(self) -> None:
        self._set_filter(WorkshopView.ACTIVE)

    def show_archived(self) -> None:
        self._set_filter(WorkshopView.ARCHIVED)

    def show_trash(self) -> None:
        self._set_filter(WorkshopView.TRASH)

    def open_demo(self) -> None:
        self._push_create(commands.create_demo(self.store))

    # --- inner workings -----------------------------------------------------------------------

    @property
    def empty_state(self) -> EmptyState:
        """The first-run panel, made on first use (most starts open on a list of workshops)."""
        if self._empty_state is None:
            panel = EmptyState(self._templates())
            panel.sig_demo.connect(self.open_demo)
            panel.sig_template.connect(self._create_from_template)
            panel.sig_blank.connect(self.new_workshop)
            self.pages.addWidget(panel)
            self._empty_state = panel
        return self._empty_state

    def _templates(self) -> tuple[WorkshopTemplate, ...]:
        return self.store.library.library.templates

    def _acting_on(self, *, outside_trash: bool) -> _Selected | None:
        """The selected workshop, if the action fits the list on show."""
        workshop = self.selected_workshop()
        if workshop is None or (self.view_filter is WorkshopView.TRASH) == outside_trash:
            return None
        assert workshop.id is not None
        return _Selected(workshop.id, workshop.title)

    def _push_on_selected(self, make: MakeCommand, outside_trash: bool) -> None:
        if (workshop := self._acting_on(outside_trash=outside_trash)) is not None:
            self.undo_stack.push(make(self.store, workshop.id, workshop.title))

    def _push_create(self, command: commands.NewWorkshopCommand) -> None:
        """Push; open the new workshop unless the write was refused."""
        self.undo_stack.push(command)
        if command.workshop_id is not None:
            self.sig_open_workshop.emit(command.workshop_id)

    def _create_from_template(self, key: str) -> None:
        template = self.store.library.library.template(key)
        self._push_create(commands.create_with_template(self.store, template))

    def _create_from_dialog(self, dialog: NewWorkshopDialog) -> None:
        if dialog.title():
            self._push_create(commands.create_new(self.store, dialog.title(), dialog.template()))

    def _forget_dialog(self, dialog: NewWorkshopDialog) -> None:
        if self.new_dialog is dialog:
            self.new_dialog = None
        dialog.deleteLater()

    def _set_filter(self, view: WorkshopView) -> None:
        self.view_filter = view
        self.header.show_view(view)
        self.table.setCurrentIndex(self.model.index(-1, -1))  # a new list starts at the top
        self._reload()

    def _on_changed(self, changes: Changes) -> None:
        if not changes.touches(Area.WORKSHOPS, Area.DETAILS, Area.RUN):
            return
        if self.isVisible():
            self._reload(changes.workshop_id, self.selected_id())
        else:  # behind the editor or the runner: read once when shown, not on every timer tap
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        if self._stale:
            self._reload(self.selected_id())
        super().showEvent(event)

    def _reload(self, *prefer: int | None) -> None:
        """Load the list again; select the first preferred id still shown, else the same row."""
        self._stale = False
        search = self.search_box.text().strip()
        row_before = self.table.currentIndex().row()
        self.model.set_workshops(list_workshops(self.store.db, self.view_filter, search))
        count = self.model.rowCount()
        rows = [self.model.row_of(i) for i in prefer if i is not None]
        row = next((r for r in rows if r is not None), min(max(row_before, 0), count - 1))
        if count:
            self.table.selectRow(row)
        self._show_page(search, count)
        self._update_actions()

    def _show_page(self, search: str, count: int) -> None:
        first_run = (
            not count
            and not search
            and self.view_filter is WorkshopView.ACTIVE
            and not any(list_workshops(self.store.db, view) for view in WorkshopView)
        )
        self.toolbar.setVisible(not first_run)
        self.toolbar.show_count(count)
        if count:
            self.pages.setCurrentWidget(self.table)
        elif first_run:
            self.pages.setCurrentWidget(self.empty_state)
        else:
            self.empty_label.setText(nothing_text(self.view_filter, search))
            self.pages.setCurrentWidget(self.empty_label)

    def _update_actions(self) -> None:
        selected = self.selected_workshop() is not None
        in_trash = self.view_filter is WorkshopView.TRASH
        for action_id in OUTSIDE_TRASH:
            self.command_actions[action_id].setEnabled(selected and not in_trash)
        for action_id in INSIDE_TRASH:
            self.command_actions[action_id].setEnabled(selected and in_trash)
        self.toolbar.show_for(self.view_filter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Down in the search box goes to the list, so typing then choosing needs no mouse."""
        if watched is self.search_box and isinstance(event, QKeyEvent):
            to_list = (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if (
                event.type() == QEvent.Type.KeyPress
                and event.key() in to_list
                and self.model.rowCount()
            ):
                if self.selected_workshop() is None:
                    self.table.selectRow(0)
                self.table.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Redraw icons in the new palette's colours after a light/dark switch."""
        if event.type() == QEvent.Type.PaletteChange:
            refresh_icons(self.command_actions)
            self.header.refresh_icons()
            self._update_actions()
        super().changeEvent(event)
