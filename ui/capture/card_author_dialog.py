"""Who said it: a short list of the workshop's people, picked with the arrows or the first
letters of a name, then Enter. "Nobody" keeps a card anonymous."""

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

NOBODY = "Nobody (anonymous)"
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AuthorDialog(QDialog):
    def __init__(
        self,
        card_text: str,
        people: Sequence[tuple[int, str]],
        current: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Who said it?")
        question = QLabel(f"Who said “{_short(card_text)}”?")
        question.setWordWrap(True)
        self.choices = QListWidget()
        self.choices.setAccessibleName("People")
        for person_id, name in [(None, NOBODY), *[(p, n) for p, n in people if n.strip()]]:
            item = QListWidgetItem(name)
            item.setData(ID_ROLE, person_id)
            self.choices.addItem(item)
            if person_id == current:
                self.choices.setCurrentItem(item)
        self.choices.itemActivated.connect(self.accept)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addWidget(self.choices, 1)
        layout.addWidget(buttons)
        self.choices.setFocus()

    def chosen(self) -> int | None:
        item = self.choices.currentItem()
        value = None if item is None else item.data(ID_ROLE)
        return value if isinstance(value, int) else None

    def choose(self, name: str) -> None:
        """Make `name` current (what typing its first letters does)."""
        for row in range(self.choices.count()):
            if self.choices.item(row).text() == name:
                self.choices.setCurrentRow(row)


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
