"""A date or a time that may be left unset: a tick box beside the box, as in many date pickers.

Unticked, the box is greyed out and reads "No date"; ticking it fills in a sensible default
(today, 9:00) that the user then adjusts.
"""

import datetime as dt

from PySide6.QtCore import QDate, QTime, QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDateTimeEdit, QHBoxLayout, QTimeEdit, QWidget


class OptionalEdit(QWidget):
    sig_toggled = Signal()  # ticked or unticked by the user: save now
    sig_changed = Signal()  # the value moved (typing, arrow keys): save after a pause
    sig_finished = Signal()  # Return, focus out, or a day picked in the calendar: save now

    def __init__(self, edit: QDateTimeEdit, unset_text: str, what: str) -> None:
        super().__init__()
        self.check = QCheckBox()
        self.check.setAccessibleName(f"Set a {what}")
        self.check.setToolTip(f"Tick to give the workshop a {what}; untick for none")
        self.edit = edit
        self.edit.setAccessibleName(what.capitalize())
        self._unset_text = unset_text
        self._loading = False
        metrics = edit.fontMetrics()  # room for the "not set" text, not only for a value
        extra = metrics.horizontalAdvance(unset_text) - metrics.horizontalAdvance(
            edit.displayFormat()
        )
        edit.setMinimumWidth(edit.sizeHint().width() + max(extra, 0))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(edit)
        layout.addStretch(1)
        self.check.toggled.connect(self._toggled)
        edit.dateTimeChanged.connect(self._changed)
        edit.editingFinished.connect(self._finished)
        self.set_value(None)

    def value(self) -> object:
        return self._from_edit() if self.check.isChecked() else None

    def set_value(self, value: object) -> None:
        """Show `value` (None: not set) without reporting it as a user's change."""
        self._loading = True
        try:
            on = value is not None
            self.check.setChecked(on)
            self.edit.setEnabled(on)
            self.edit.setSpecialValueText("" if on else self._unset_text)
            self._to_edit(value)
        finally:
            self._loading = False

    def _changed(self) -> None:
        if not self._loading:
            self.sig_changed.emit()

    def _finished(self) -> None:
        if not self._loading:
            self.sig_finished.emit()

    def _toggled(self, on: bool) -> None:
        if self._loading:
            return
        self.set_value(self._default() if on else None)
        self.sig_toggled.emit()

    def _from_edit(self) -> object:
        raise NotImplementedError

    def _to_edit(self, value: object) -> None:
        raise NotImplementedError

    def _default(self) -> object:
        raise NotImplementedError


class OptionalDateEdit(OptionalEdit):
    NOT_SET = QDate(2000, 1, 1)  # the box's minimum, shown as "No date"

    def __init__(self) -> None:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("ddd d MMM yyyy")
        edit.setMinimumDate(self.NOT_SET)
        super().__init__(edit, "No date", "date")
        picked = edit.calendarWidget()  # the popup changes the date without editingFinished
        picked.clicked.connect(lambda: QTimer.singleShot(0, self, self.sig_finished.emit))
        picked.activated.connect(lambda: QTimer.singleShot(0, self, self.sig_finished.emit))

    def _from_edit(self) -> dt.date:
        date = self.edit.date()
        return dt.date(date.year(), date.month(), date.day())

    def _to_edit(self, value: object) -> None:
        if isinstance(value, dt.date):
            self.edit.setDate(QDate(value.year, value.month, value.day))
        else:
            self.edit.setDate(self.NOT_SET)

    def _default(self) -> dt.date:
        return dt.date.today()


class OptionalTimeEdit(OptionalEdit):
    def __init__(self) -> None:
        edit = QTimeEdit()
        edit.setDisplayFormat("HH:mm")
        super().__init__(edit, "No start time", "start time")

    def _from_edit(self) -> dt.time:
        time = self.edit.time()
        return dt.time(time.hour(), time.minute())

    def _to_edit(self, value: object) -> None:
        if isinstance(value, dt.time):
            self.edit.setTime(QTime(value.hour, value.minute))
        else:
            self.edit.setTime(QTime(0, 0))

    def _default(self) -> dt.time:
        return dt.time(9, 0)
