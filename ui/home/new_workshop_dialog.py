"""Asks for what a new workshop needs before it exists: a title, and blank or which template.

The view opens it with `.open()` and creates the workshop on `accepted`, so the dialog never
writes anything itself and a test can fill it in and press OK like a user.
"""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.common import MAX_LINE
from exercises.workshop_template import WorkshopTemplate
from ui.icons import icon

BLANK_TEXT = "Blank workshop"
BLANK_SUMMARY = "An empty agenda: add exercises from the library yourself."


def duration_text(minutes: int) -> str:
    """Minutes the way a facilitator says them: "45 min", "2 h", "3 h 30"."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest:02d}" if rest else f"{hours} h"


def template_label(template: WorkshopTemplate) -> str:
    return f"{template.title} · {duration_text(template.minutes)}"


class NewWorkshopDialog(QDialog):
    """Title (required) and a choice of "Blank workshop" or one of the templates."""

    def __init__(
        self,
        templates: Sequence[WorkshopTemplate],
        parent: QWidget | None = None,
        template_key: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("New workshop")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._templates = tuple(templates)
        self._title_typed = False  # once the user types a title, picking a template keeps it

        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("For example: Away day with the ward team")
        self.title_edit.setAccessibleName("Workshop title")
        self.title_edit.setClearButtonEnabled(True)
        self.title_edit.setMaxLength(MAX_LINE)  # the longest title the workshop can keep
        title_label = QLabel("&Title")
        title_label.setBuddy(self.title_edit)

        self.choice_list = QListWidget()
        self.choice_list.setAccessibleName("Start from")
        self.choice_list.setWordWrap(True)
        self.choice_list.setUniformItemSizes(False)
        self.choice_list.setSpacing(2)
        self._add_choice(BLANK_TEXT, BLANK_SUMMARY, "new_workshop", None)
        for template in self._templates:
            self._add_choice(template_label(template), template.summary, "template", template.key)
        choice_label = QLabel("&Start from")
        choice_label.setBuddy(self.choice_list)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Create")
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title_label)
        layout.addWidget(self.title_edit)
        layout.addSpacing(layout.spacing())
        layout.addWidget(choice_label)
        layout.addWidget(self.choice_list, 1)
        layout.addWidget(self.buttons)

        self.title_edit.textEdited.connect(self._on_title_typed)
        self.title_edit.textChanged.connect(self._update_ok)
        self.choice_list.currentRowChanged.connect(self._on_choice)
        self.choice_list.itemDoubleClicked.connect(self._accept_if_ready)
        self._select(template_key)
        self._update_ok()
        self.title_edit.setFocus()
        self.resize(self.fontMetrics().averageCharWidth() * 100, self.sizeHint().height())

    # --- what the view reads after `accepted` -------------------------------------------------

    def title(self) -> str:
        return " ".join(self.title_edit.text().split())

    def template(self) -> WorkshopTemplate | None:
        """The chosen template, or None for a blank workshop."""
        item = self.choice_list.currentItem()
        key = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((t for t in self._templates if t.key == key), None)

    def choose(self, template_key: str | None) -> None:
        """Pick a template by key (None: blank), as a click in the list would."""
        self._select(template_key)

    # --- inner workings -----------------------------------------------------------------------

    def _add_choice(self, text: str, summary: str, meaning: str, key: str | None) -> None:
        item = QListWidgetItem(icon(meaning), f"{text}\n{summary}")
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{text}. {summary}")
        item.setToolTip(summary)
        self.choice_list.addItem(item)

    def _select(self, template_key: str | None) -> None:
        for row in range(self.choice_list.count()):
            if self.choice_list.item(row).data(Qt.ItemDataRole.UserRole) == template_key:
                self.choice_list.setCurrentRow(row)
                return
        self.choice_list.setCurrentRow(0)

    def _on_title_typed(self, text: str) -> None:
        self._title_typed = bool(text.strip())

    def _on_choice(self, _row: int) -> None:
        """Until the user types a title, the title follows the chosen template."""
        if self._title_typed:
            return
        template = self.template()
        self.title_edit.setText(template.title if template is not None else "")

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.title()))

    def _accept_if_ready(self) -> None:
        if self.ok_button.isEnabled():
            self.accept()
