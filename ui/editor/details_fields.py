"""The boxes of a workshop's details form, laid out with their labels and refusal messages.

Fields are addressed by the workshop's column names ("title", "date", ...) so the form that
saves them (DetailsForm) needs no knowledge of which widget holds which. What the user does is
reported as signals; what the program writes into a box is not.
"""

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QPalette
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

from app.services.workshops import MAX_MINUTES_AVAILABLE
from ui.editor.optional_edits import OptionalDateEdit, OptionalEdit, OptionalTimeEdit
from ui.theme import tint_warning

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


class DetailsFields(QWidget):
    sig_edited = Signal(str)  # the user typed in or moved this field: save after a pause
    sig_finished = Signal(str)  # Return or focus out in this field: save now, end the step
    sig_toggled = Signal(str)  # a date or start time was ticked on or off: save now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False  # writing a value in: not the user's edit
        self._build()

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
        self.purpose_edit.textChanged.connect(lambda: self._edited("purpose"))
        self.purpose_edit.installEventFilter(self)
        self.group_edit = self._line("organisation", "The team or organisation taking part")
        self.location_edit = self._line("location", "Where the group meets")
        self.facilitator_edit = self._line("facilitator", "Who runs the workshop")

        self.date_field = OptionalDateEdit()
        self.time_field = OptionalTimeEdit()
        for optional, field in ((self.date_field, "date"), (self.time_field, "start_time")):
            optional.sig_toggled.connect(lambda f=field: self.sig_toggled.emit(f))
            optional.sig_changed.connect(lambda f=field: self._edited(f))
            optional.sig_finished.connect(lambda f=field: self._finish(f))

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
        self.minutes_spin.editingFinished.connect(lambda: self._finish("minutes_available"))
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
        edit.editingFinished.connect(lambda: self._finish(field))
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

    # -- what the user does -----------------------------------------------------------------

    def _edited(self, field: str) -> None:
        if not self._loading:
            self.sig_edited.emit(field)

    def _finish(self, field: str) -> None:
        if not self._loading:
            self.sig_finished.emit(field)

    def _minutes_changed(self, minutes: int) -> None:
        self.hours_label.setText(hours_text(minutes))
        self._edited("minutes_available")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.purpose_edit and event.type() == QEvent.Type.FocusOut:
            self._finish("purpose")
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

    def _has_focus(self, field: str) -> bool:
        focused, widget = QApplication.focusWidget(), self._widget(field)
        return focused is not None and (focused is widget or widget.isAncestorOf(focused))

    # -- messages ---------------------------------------------------------------------------

    def _refused(self, field: str) -> bool:
        """A refusal is showing under this field."""
        message = self.messages.get(field)
        return message is not None and not message.isHidden()

    def _show_message(self, field: str, text: str | None) -> None:
        message = self.messages.get(field)
        if message is not None:
            message.setText(text or "")
            message.setVisible(bool(text))

    def _tint_messages(self) -> None:
        for message in self.messages.values():
            tint_warning(message, self.palette())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange:
            self._tint_messages()
        super().changeEvent(event)
