"""The workshop planner: one workshop's details, participants, agenda and private notes.

A header names the workshop and when and where it happens; four tabs hold the parts (Ctrl+1 to
Ctrl+4). The Agenda tab puts the exercise library beside the agenda builder, so finding an
exercise and placing it is one movement. Every part saves as the user edits; there is no Save.
"""

from PySide6.QtCore import QByteArray, QDataStream, QEvent, QIODevice, Qt, Signal
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.db.models import Workshop
from app.services.agenda import agenda_plan
from app.services.changes import Area, Changes
from app.services.errors import NotFoundError
from app.services.workshops import get_workshop
from ui.actions import Scope, build_actions, refresh_icons, shortcut_text, spec
from ui.editor.agenda_panel import AgendaPanel
from ui.editor.details_form import DetailsForm
from ui.editor.notes_panel import NotesPanel
from ui.editor.participants_panel import ParticipantsPanel
from ui.icons import icon
from ui.library.library_browser import LibraryBrowser
from ui.prompts import Prompts
from ui.store import Store

DETAILS, PARTICIPANTS, AGENDA, NOTES = range(4)
TABS = (  # tab text, icon meaning, action id
    ("Details", "details", "show_details"),
    ("Participants", "participants", "show_participants"),
    ("Agenda", "agenda", "show_agenda"),
    ("Notes", "notes", "show_notes"),
)
STATE_VERSION = 1


def summary_line(workshop: Workshop) -> str:
    """ "Thu 14 May 2026 · 09:30 · Riverside Health · Room 2", leaving out what is not set."""
    parts = []
    if workshop.date is not None:
        parts.append(f"{workshop.date:%a} {workshop.date.day} {workshop.date:%b %Y}")
    if workshop.start_time is not None:
        parts.append(f"{workshop.start_time:%H:%M}")
    parts += [text for text in (workshop.organisation, workshop.location) if text]
    return " · ".join(parts) or "No date, group or place yet: add them under Details (Ctrl+1)."


class WorkshopEditor(QWidget):
    sig_run_requested = Signal(int)  # the coach asked to run this workshop now

    def __init__(self, store: Store, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.prompts = prompts
        self.workshop_id: int | None = None
        self.undo_stack: QUndoStack | None = None

        self.details = DetailsForm(store)
        self.participants = ParticipantsPanel(store)
        self.library = LibraryBrowser(store, prompts)
        self.agenda = AgendaPanel(store)
        self.notes = NotesPanel(store)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("agenda_splitter")
        library_page = QWidget()  # the same margins as the agenda beside it, so the tops line up
        QVBoxLayout(library_page).addWidget(self.library)
        self.splitter.addWidget(library_page)
        self.splitter.addWidget(self.agenda)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([400, 600])

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page, (text, _meaning, _action) in zip(
            (self.details, self.participants, self.splitter, self.notes), TABS, strict=True
        ):
            self.tabs.addTab(page, text)
        self.command_actions = build_actions(self, Scope.EDITOR)
        self._refresh_tab_icons()

        layout = QVBoxLayout(self)
        layout.setSpacing(2)
        layout.addLayout(self._build_header())
        layout.addSpacing(self.fontMetrics().lineSpacing() // 2)
        layout.addWidget(self.tabs, 1)

        self.library.sig_add_exercise.connect(self.agenda.add_exercise)
        store.sig_changed.connect(self._on_changed)
        self._show_header()

    # -- the workshop -------------------------------------------------------------------------

    def set_workshop(self, workshop_id: int, undo_stack: QUndoStack) -> None:
        """Show this workshop; its edits go on `undo_stack`. The agenda first, when it has one."""
        self.workshop_id = workshop_id  # each part first saves what was typed for the last one
        self.undo_stack = undo_stack
        self.details.set_workshop(workshop_id, undo_stack)
        self.participants.set_workshop(workshop_id, undo_stack)
        self.agenda.set_workshop(workshop_id, undo_stack)
        self.library.set_undo_stack(undo_stack)
        self.notes.set_workshop(workshop_id, undo_stack)
        self._show_header()
        has_agenda = bool(agenda_plan(self.store.db, workshop_id).items)
        self.tabs.setCurrentIndex(AGENDA if has_agenda else DETAILS)

    def commit_pending(self) -> None:
        """Save anything typed but not yet saved (before closing or switching workshops)."""
        self.details.commit_pending()
        self.participants.commit_pending()
        self.notes.commit_pending()

    def _on_changed(self, changes: Changes) -> None:
        if changes.workshop_id == self.workshop_id and changes.touches(Area.DETAILS):
            self._show_header()

    def _show_header(self) -> None:
        if self.workshop_id is None:
            self.title_label.clear()
            self.summary_label.clear()
            return
        try:
            workshop = get_workshop(self.store.db, self.workshop_id)
        except NotFoundError:
            return  # deleted for good: the window goes back home
        self.title_label.setText(workshop.title)
        self.summary_label.setText(summary_line(workshop))

    # -- handlers of the EDITOR actions -------------------------------------------------------

    def show_details(self) -> None:
        self._show_tab(DETAILS, self.details.title_edit)

    def show_participants(self) -> None:
        self._show_tab(PARTICIPANTS, self.participants.table)

    def show_agenda(self) -> None:
        self._show_tab(AGENDA, self.agenda.tree)

    def show_notes(self) -> None:
        self._show_tab(NOTES, self.notes.editor)

    def _show_tab(self, tab: int, focus: QWidget) -> None:
        self.tabs.setCurrentIndex(tab)
        focus.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _build_header(self) -> QHBoxLayout:
        """The workshop's title and when/where line, with Run beside them."""
        self.title_label = QLabel()
        self.title_label.setObjectName("workshop_title")
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.title_label.setFont(font)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("workshop_summary")
        self.summary_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.run_button = QToolButton()
        self.run_button.setDefaultAction(self.command_actions["start_run"])
        self.run_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(self.title_label)
        heading.addWidget(self.summary_label)
        header = QHBoxLayout()
        header.addLayout(heading, 1)
        header.addWidget(self.run_button, 0, Qt.AlignmentFlag.AlignTop)

        return header

    def request_run(self) -> None:
        if self.workshop_id is not None:
            self.commit_pending()
            self.sig_run_requested.emit(self.workshop_id)

    def focus_search(self) -> None:
        """Find (Ctrl+F) in the editor searches the exercise library."""
        self.tabs.setCurrentIndex(AGENDA)
        self.library.focus_search()

    def import_exercise(self) -> None:
        self.tabs.setCurrentIndex(AGENDA)
        self.library.import_exercise()

    # -- remembered layout --------------------------------------------------------------------

    def save_state(self) -> QByteArray:
        """The agenda tab's splitter and the library's own, for the window to keep."""
        state = QByteArray()
        stream = QDataStream(state, QIODevice.OpenModeFlag.WriteOnly)
        stream.writeInt32(STATE_VERSION)
        stream << self.splitter.saveState()
        stream << self.library.save_state()
        return state

    def restore_state(self, state: QByteArray) -> None:
        """Ignores a state from another version rather than half-applying it."""
        stream = QDataStream(state, QIODevice.OpenModeFlag.ReadOnly)
        if state.isEmpty() or stream.readInt32() != STATE_VERSION:
            return
        outer, inner = QByteArray(), QByteArray()
        stream >> outer
        stream >> inner
        if stream.status() is QDataStream.Status.Ok:
            self.splitter.restoreState(outer)
            self.library.restore_state(inner)

    # -- appearance ---------------------------------------------------------------------------

    def _refresh_tab_icons(self) -> None:
        for index, (_text, meaning, action_id) in enumerate(TABS):
            self.tabs.setTabIcon(index, icon(meaning))
            keys = shortcut_text(spec(action_id))
            self.tabs.setTabToolTip(index, f"{spec(action_id).plain_text} ({keys})")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._refresh_tab_icons()
            refresh_icons(self.command_actions)
