"""The exercise library beside the agenda: find an exercise, read it, add it.

Search and two filters narrow the list as you type; the page on the right (below, when the
browser is narrow) shows the whole exercise. Adding goes out as `sig_add_exercise(key)`:
Ctrl+Return, Enter or a double-click on the list, the Add button, or a drag onto the agenda.
Custom files are imported from here too, as one undoable step.
"""

from itertools import pairwise

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QResizeEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.user_library import LibraryEntry
from ui.actions import Scope, build_actions, refresh_icons
from ui.icons import icon
from ui.library.exercise_detail import empty_html, exercise_html
from ui.library.filter_bar import LibraryFilterBar
from ui.library.import_flow import import_action, import_exercise_file
from ui.library.library_model import LibraryFilter, LibraryListModel, LibraryRowDelegate, Role
from ui.library.problems_dialog import LeftOutNotice
from ui.prompts import Prompts
from ui.store import Store

NARROW = 640  # below this width the page goes under the list instead of beside it
NO_SELECTION = "Select an exercise to see its steps, script and materials."
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
KEYPAD = Qt.KeyboardModifier.KeypadModifier


class LibraryBrowser(QWidget):
    sig_add_exercise = Signal(str)  # exercise key the user asked to add to the agenda

    def __init__(self, store: Store, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.prompts = prompts
        self._undo_stack: QUndoStack | None = None
        self._imported_key: str | None = None  # the confirmation stays while this is current
        self._shown: LibraryEntry | None = None  # what the page shows
        self.command_actions = build_actions(self, Scope.LIBRARY)
        self.import_action = import_action(self, self.import_exercise)
        self.import_action.setEnabled(False)  # until set_undo_stack
        self.filters = LibraryFilterBar()
        self.search_box = self.filters.search_box
        self.capability_box = self.filters.capability_box
        self.minutes_box = self.filters.minutes_box
        self._build_list()
        self._build_footer()
        self._layout()

        self.filters.sig_changed.connect(self._filters_changed)
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        self.list_view.doubleClicked.connect(self._double_clicked)
        self.search_box.installEventFilter(self)
        self.list_view.installEventFilter(self)
        self.list_view.viewport().installEventFilter(self)
        self._loaded = False  # the library is read when the browser is first shown or asked:
        self.store.sig_library_changed.connect(self._library_changed)  # every exercise file
        # is parsed then, and most starts never open the Agenda tab

    def ensure_loaded(self) -> None:
        if not self._loaded:
            self.refresh()

    def _library_changed(self) -> None:
        if self._loaded:
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        self.ensure_loaded()
        super().showEvent(event)

    def _build_list(self) -> None:
        self.model = LibraryListModel(self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)
        self.delegate = LibraryRowDelegate(self)
        self.list_view = QListView()
        self.list_view.setAccessibleName("Exercises")
        self.list_view.setModel(self.proxy)
        self.list_view.setItemDelegate(self.delegate)
        self.list_view.setUniformItemSizes(True)
        self.list_view.setDragEnabled(True)
        self.list_view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list_view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.empty_label = QLabel(self.list_view.viewport())
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setText(
            'No exercise matches.<br><a href="clear">Clear the search and filters</a>'
        )
        self.empty_label.linkActivated.connect(lambda _link: self.clear_filters())
        self.detail = QTextBrowser()
        self.detail.setAccessibleName("Exercise details")
        self.detail.setOpenLinks(False)
        self.detail.setTabChangesFocus(True)
        self.detail.document().setDocumentMargin(12)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.list_view)
        self.splitter.addWidget(self.detail)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

    def _build_footer(self) -> None:
        self.left_out = LeftOutNotice()
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Import result")
        self.count_label = QLabel()
        self.import_button = _text_button(self.import_action)
        self.add_button = _text_button(self.command_actions["add_to_agenda"])

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label)
        buttons.addSpacing(self.fontMetrics().averageCharWidth() * 3)
        buttons.addWidget(self.status_label, 1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)
        layout.addWidget(self.left_out)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)
        order: tuple[QWidget, ...] = (self.search_box, self.capability_box, self.minutes_box)
        order += (self.list_view, self.detail, self.left_out.show_button)
        order += (self.import_button, self.add_button)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    # the interface other views use

    def set_undo_stack(self, stack: QUndoStack) -> None:
        self._undo_stack = stack
        self.import_action.setEnabled(True)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def import_exercise(self) -> None:
        if self._undo_stack is None:
            raise RuntimeError("LibraryBrowser.set_undo_stack() must come before an import")
        self._set_status("")
        import_exercise_file(
            self.store, self.prompts, self, self._undo_stack, on_imported=self._imported
        )

    def add_selected(self) -> None:
        key = self.current_key()
        if key is not None:
            self._set_status("")
            self.sig_add_exercise.emit(key)

    def current_key(self) -> str | None:
        self.ensure_loaded()
        index = self.list_view.currentIndex()
        return str(index.data(Role.KEY)) if index.isValid() else None

    def select_key(self, key: str) -> bool:
        """Make the exercise with this key current, if the filters show it."""
        self.ensure_loaded()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(Role.KEY) == key:
                self.list_view.setCurrentIndex(index)
                self.list_view.scrollTo(index)
                return True
        return False

    def clear_filters(self) -> None:
        self.filters.clear()

    def save_state(self) -> QByteArray:
        return self.splitter.saveState()

    def restore_state(self, state: QByteArray) -> None:
        self.splitter.restoreState(state)

    def refresh(self) -> None:
        """Reload from the store, keeping the current exercise (or its place in the list)."""
        self._loaded = True
        key, row = self.current_key(), self.list_view.currentIndex().row()
        library = self.store.library
        self.model.set_entries(library.entries)
        self.filters.fill_capabilities(library.entries)
        self.proxy.set_capability(self.filters.capability())
        self.left_out.set_problems(library.problems)
        if key is None or not self.select_key(key):
            self._ensure_current(max(row, 0))
        self._show_current(force=True)  # the entry may have changed under the same key

    # reacting to the user

    def _filters_changed(self) -> None:
        self._set_status("")
        self.filters.apply_to(self.proxy)
        self._ensure_current(0)
        self._show_current()

    def _ensure_current(self, row: int) -> None:
        """A current row whenever the list shows any, so the page is never blank for nothing."""
        if not self.list_view.currentIndex().isValid() and self.proxy.rowCount() > 0:
            row = min(row, self.proxy.rowCount() - 1)
            self.list_view.setCurrentIndex(self.proxy.index(row, 0))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and current.data(Role.KEY) != self._imported_key:
            self._set_status("")
        self._show_current()

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.list_view.setCurrentIndex(index)
            self.add_selected()

    def _show_current(self, force: bool = False) -> None:
        """The page for the current exercise (redrawn only when it changes, to keep scroll)."""
        index = self.list_view.currentIndex()
        found = index.data(Role.ENTRY) if index.isValid() else None
        entry = found if isinstance(found, LibraryEntry) else None
        if force or entry is None or entry is not self._shown:
            palette = self.palette()  # (the page's own may not have followed a switch yet)
            html = exercise_html(entry, palette) if entry else empty_html(palette, NO_SELECTION)
            self.detail.setHtml(html)
        self._shown = entry
        self.command_actions["add_to_agenda"].setEnabled(entry is not None)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count_label.setText(
            f"{total} exercises" if shown == total else f"{shown} of {total} exercises"
        )
        self.empty_label.setVisible(shown == 0)
        self._place_empty_label()

    def _imported(self, entry: LibraryEntry) -> None:
        key = entry.exercise.key
        if not self.select_key(key):
            self.clear_filters()
            self.select_key(key)
        self._imported_key = key
        self._set_status(f"Imported “{entry.exercise.title}”")

    def _set_status(self, text: str) -> None:
        if not text:
            self._imported_key = None
        self.status_label.setText(text)

    def _place_empty_label(self) -> None:
        viewport = self.list_view.viewport()
        self.empty_label.setGeometry(viewport.rect().adjusted(12, 12, -12, -12))

    # events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, KEYPAD)
            into_list = (Qt.Key.Key_Down, *ENTER_KEYS)
            if watched is self.search_box and plain and event.key() in into_list:
                self._ensure_current(0)
                self.list_view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if watched is self.list_view and plain and event.key() in ENTER_KEYS:
                self.add_selected()
                return True
        if watched is self.list_view.viewport() and event.type() == QEvent.Type.Resize:
            self._place_empty_label()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        wide = event.size().width() >= NARROW
        self.splitter.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            refresh_icons(self.command_actions)
            self.import_action.setIcon(icon("import_exercise"))
            self.filters.refresh_icons()
            self.delegate.refresh_icons()
            self._show_current(force=True)


def _text_button(action: QAction) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAccessibleName(action.text().replace("&", "").removesuffix("…"))
    return button
