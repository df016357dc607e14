"""A workshop's own details in one form; every field is saved when the user leaves it.

There is no Save button: a field commits on Return or focus out (and after a short pause while
typing in the purpose or changing a date, time or duration) through an undoable command.
A refused value stays in the box with the reason under it, so nothing typed is lost.
"""

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Area, Changes
from app.services.workshops import MAX_MINUTES_AVAILABLE, get_workshop
from ui.editor.commands import EditDetailsCommand, push_reporting
from ui.editor.optional_edits import OptionalDateEdit, OptionalEdit, OptionalTimeEdit
from ui.store import Store
from ui.theme import warning_colour

IDLE_MS = 800
LINE_FIELDS = ("title", "organisation", "location", "facilitator")
TEXT_FIELDS = (*LINE_FIELDS, "purpose")
FIELDS = (*TEXT_FIELDS, "date", "start_time", "minutes_available")


def hours_text(minutes: int) -> str:
    """ "= 3 h 30" beside the minutes, once they make an hour or more."""
    if minutes < 60:
        return ""
    hours, rest = divmod(minutes, 60)
    return f"= {hours} h {rest:02d}" if rest else f"= {hours} h"


def normal(field: str, value: object) -> object:
    """The value as the service will store it, so an unchanged field is not saved again."""
    if field in LINE_FIELDS:
        return " ".join(str(value).split())
    if field == "purpose":
        return str(value).strip()
    return value


class DetailsForm(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.workshop_id: int | None = None
        self.undo_stack: QUndoStack | None = None
        self._loaded: dict[str, object] = {}  # what the database holds, per field
        self._session: dict[str, int] = dict.fromkeys(FIELDS, 0)
        self._sessions = 0
        self._pending: set[str] = set()
        self._loading = False
        self._committing: str | None = None
        self._idle = QTimer(self, singleShot=True, interval=IDLE_MS)
        self._idle.timeout.connect(self._commit_typed)
        self._build()
        store.sig_changed.connect(self._on_changed)

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.title_edit = self._line("title", "e.g. Team away day: who decides what?")
        self.purpose_edit = QPlainTextEdit()
        self.purpose_edit.setObjectName("purpose")
        self.purpose_edit.setTabChangesFocus(True)
        self.purpose_edit.setPlaceholderText(
            "What should this workshop make possible, and for whom?"
        )
        self.purpose_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 6)
        self.purpose_edit.textChanged.connect(lambda: self._changed_soon("purpose"))
        self.purpose_edit.installEventFilter(self)
        self.group_edit = self._line("organisation", "The team or organisation taking part")
        self.location_edit = self._line("location", "Where the group meets")
        self.facilitator_edit = self._line("facilitator", "Who runs the workshop")

        self.date_field = OptionalDateEdit()
        self.time_field = OptionalTimeEdit()
        for optional, field in ((self.date_field, "date"), (self.time_field, "start_time")):
            optional.sig_toggled.connect(lambda f=field: self.commit(f))
            optional.sig_changed.connect(lambda f=field: self._changed_soon(f))
            optional.sig_finished.connect(lambda f=field: self._finished(f))

        self._build_minutes()
        self._build_layout()

    def _build_minutes(self) -> None:
        self.minutes_spin = QSpinBox()
        self.minutes_spin.setObjectName("minutes_available")
        self.minutes_spin.setRange(0, MAX_MINUTES_AVAILABLE)
        self.minutes_spin.setSingleStep(15)
        self.minutes_spin.setSuffix(" min")
        self.minutes_spin.setSpecialValueText("Not set")
        self.minutes_spin.setAccelerated(True)
        self.minutes_spin.valueChanged.connect(self._minutes_changed)
        self.minutes_spin.editingFinished.connect(lambda: self._finished("minutes_available"))
        self.hours_label = QLabel()
        self.hours_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)

    def _build_layout(self) -> None:
        self.messages: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(self.fontMetrics().lineSpacing() // 2)
        self._row(form, "&Title:", self.title_edit, "title")
        self._row(form, "&Purpose:", self.purpose_edit, "purpose")
        self._row(form, "&Group:", self.group_edit, "organisation")
        self._row(form, "&Date:", self.date_field, buddy=self.date_field.check)
        self._row(form, "&Start time:", self.time_field, buddy=self.time_field.check)
        minutes = QWidget()
        minutes_row = QHBoxLayout(minutes)
        minutes_row.setContentsMargins(0, 0, 0, 0)
        minutes_row.addWidget(self.minutes_spin)
        minutes_row.addWidget(self.hours_label)
        minutes_row.addStretch(1)
        self._row(form, "Time a&vailable:", minutes, buddy=self.minutes_spin)
        self._row(form, "&Location:", self.location_edit, "location")
        self._row(form, "&Facilitator:", self.facilitator_edit, "facilitator")

        hint = QLabel("Every change is saved as you make it. Undo with Ctrl+Z.")
        hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column = QVBoxLayout()
        column.addLayout(form)
        column.addSpacing(self.fontMetrics().lineSpacing())
        column.addWidget(hint)
        column.addStretch(1)
        page = QWidget()
        page.setLayout(column)
        page.setMaximumWidth(self.fontMetrics().averageCharWidth() * 100)
        outer = QHBoxLayout(self)
        outer.addWidget(page, 1)
        outer.addStretch(0)
        self._tint_messages()

    def _line(self, field: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(field)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(field != "title")
        edit.editingFinished.connect(lambda: self._finished(field))
        return edit

    def _row(
        self,
        form: QFormLayout,
        text: str,
        field_widget: QWidget,
        field: str | None = None,
        buddy: QWidget | None = None,
    ) -> None:
        label = QLabel(text)
        label.setBuddy(buddy or field_widget)
        if field is None:
            form.addRow(label, field_widget)
            return
        message = QLabel()
        message.setObjectName(f"{field}_message")
        message.setWordWrap(True)
        message.hide()
        self.messages[field] = message
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field_widget)
        column.addWidget(message)
        form.addRow(label, box)

    # -- the workshop -----------------------------------------------------------------------

    def set_workshop(self, workshop_id: int, undo_stack: QUndoStack) -> None:
        if self.workshop_id is not None:
            self.commit_pending()  # to the workshop (and undo stack) it was typed for
        self.workshop_id = workshop_id
        self.undo_stack = undo_stack
        self._loaded = {}
        for message in self.messages.values():
            message.hide()
        self.reload(force=True)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Area.DETAILS) and changes.workshop_id == self.workshop_id:
            self.reload()

    def reload(self, force: bool = False) -> None:
        """Show what the database holds, except in a field the user is still typing in."""
        if self.workshop_id is None:
            return
        workshop = get_workshop(self.store.db, self.workshop_id)
        for field in FIELDS:
            value = getattr(workshop, field)
            outside = field != self._committing and self._loaded.get(field, value) != value
            keep = self._dirty(field) and (self._has_focus(field) or self._refused(field))
            self._loaded[field] = value
            if force or field == self._committing or not keep:
                self._write(field, value)
                self._show_message(field, None)
                self._pending.discard(field)
            if outside:  # undone or redone: typing on starts a new undo step
                self._new_session(field)

    # -- saving -----------------------------------------------------------------------------

    def commit_pending(self) -> None:
        """Save every field whose box differs from the database (also before switching away)."""
        self._idle.stop()
        for field in FIELDS:
            self.commit(field)

    def _commit_typed(self) -> None:
        """After a pause: save the fields typed in since the last save (not a half-typed title)."""
        for field in [f for f in FIELDS if f in self._pending]:
            self.commit(field)

    def commit(self, field: str) -> None:
        self._pending.discard(field)
        if self.workshop_id is None or self.undo_stack is None or field not in self._loaded:
            return
        old, new = self._loaded[field], normal(field, self._read(field))
        if new == old:
            self._show_message(field, None)
            return
        command = EditDetailsCommand(
            self.store, self.workshop_id, field, old, new, session=self._session[field]
        )
        self._committing = field
        try:
            refused = push_reporting(self.store, self.undo_stack, command)
        finally:
            self._committing = None
        self._show_message(field, refused)

    def _finished(self, field: str) -> None:
        """Return or focus out: save now, and end the run of saves that merge into one step."""
        if self._loading:
            return
        self.commit(field)
        self._new_session(field)

    def _changed_soon(self, field: str) -> None:
        if self._loading:
            return
        self._pending.add(field)
        self._idle.start()

    def _minutes_changed(self, minutes: int) -> None:
        self.hours_label.setText(hours_text(minutes))
        self._changed_soon("minutes_available")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.purpose_edit and event.type() == QEvent.Type.FocusOut:
            self._finished("purpose")
        return super().eventFilter(watched, event)

    # -- reading and writing the widgets ----------------------------------------------------

    def _widget(self, field: str) -> QWidget:
        return {
            "title": self.title_edit,
            "purpose": self.purpose_edit,
            "organisation": self.group_edit,
            "location": self.location_edit,
            "facilitator": self.facilitator_edit,
            "date": self.date_field,
            "start_time": self.time_field,
            "minutes_available": self.minutes_spin,
        }[field]

    def _read(self, field: str) -> object:
        widget = self._widget(field)
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, OptionalEdit):
            return widget.value()
        return self.minutes_spin.value() or None  # 0 is "Not set"

    def _write(self, field: str, value: object) -> None:
        if field in TEXT_FIELDS and normal(field, self._read(field)) == value:
            return  # the same once trimmed: leave the cursor where the user has it
        widget = self._widget(field)
        self._loading = True
        try:
            if isinstance(widget, QLineEdit):
                widget.setText(str(value))
                widget.setCursorPosition(len(widget.text()) if widget.hasFocus() else 0)
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value))
            elif isinstance(widget, OptionalEdit):
                widget.set_value(value)
            else:
                self.minutes_spin.setValue(value if isinstance(value, int) else 0)
        finally:
            self._loading = False

    def _dirty(self, field: str) -> bool:
        return field in self._loaded and normal(field, self._read(field)) != self._loaded[field]

    def _has_focus(self, field: str) -> bool:
        focused, widget = QApplication.focusWidget(), self._widget(field)
        return focused is not None and (focused is widget or widget.isAncestorOf(focused))

    def _refused(self, field: str) -> bool:
        message = self.messages.get(field)
        return message is not None and not message.isHidden()

    def _new_session(self, field: str) -> None:
        self._sessions += 1
        self._session[field] = self._sessions

    # -- messages ---------------------------------------------------------------------------

    def _show_message(self, field: str, text: str | None) -> None:
        message = self.messages.get(field)
        if message is not None:
            message.setText(text or "")
            message.setVisible(bool(text))

    def _tint_messages(self) -> None:
        for message in self.messages.values():
            palette = message.palette()
            palette.setColor(QPalette.ColorRole.WindowText, warning_colour(self.palette()))
            message.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange:
            self._tint_messages()
        super().changeEvent(event)
