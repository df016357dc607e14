"""What the home screen shows when its list is empty.

Before there is any workshop, a first-time user has no manual at hand, so the panel says in two
sentences what Chorus does and offers the three ways to start: look at a filled-in demo, start
from a template, or blank. Otherwise one short line says why the list is empty.
"""

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.services.workshops import WorkshopView
from exercises.workshop_template import WorkshopTemplate
from ui.home.new_workshop_dialog import template_label
from ui.icons import icon

WELCOME = "Welcome to Chorus"
ABOUT = (
    "Chorus helps you plan a collective-leadership workshop: start from a template or pick "
    "exercises from the library, and it times the agenda to the minute. "
    "In the room it walks you through each step and keeps what the group produces, from cards "
    "and votes to the actions people commit to."
)
NOTHING_HERE = {
    WorkshopView.ACTIVE: "No active workshops. Start one with New workshop.",
    WorkshopView.ARCHIVED: "No archived workshops",
    WorkshopView.TRASH: "The trash is empty",
}
NOTHING_MATCHES = {
    WorkshopView.ACTIVE: "Nothing matches “{}”",
    WorkshopView.ARCHIVED: "No archived workshop matches “{}”",
    WorkshopView.TRASH: "Nothing in the trash matches “{}”",
}
TEXT_WIDTH = 46  # of the average character width: a comfortable line for reading


class EmptyState(QScrollArea):
    """The first-run panel; scrolls rather than clips in a small window."""

    sig_demo = Signal()
    sig_template = Signal(str)  # template key
    sig_blank = Signal()

    def __init__(self, templates: Sequence[WorkshopTemplate], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._icons: list[tuple[QPushButton, str]] = []

        heading = _label(WELCOME, scale=1.6, bold=True)
        self.about = _label(ABOUT)
        self.about.setWordWrap(True)
        self.about.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.demo_button = QPushButton("Open the demo workshop")
        self.demo_button.setToolTip("A filled-in example workshop to look around in")
        self.demo_button.setDefault(True)
        self._with_icon(self.demo_button, "demo")
        self.demo_button.clicked.connect(self.sig_demo)

        start_label = _label("Or start a workshop of your own", bold=True)

        self.template_buttons = {t.key: self._template_button(t) for t in templates}
        self.blank_button = QCommandLinkButton(
            "Blank workshop", "An empty agenda: add exercises from the library yourself."
        )
        self.blank_button.setAccessibleName("New blank workshop")
        self._with_icon(self.blank_button, "new_workshop")
        self.blank_button.clicked.connect(self.sig_blank)

        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * TEXT_WIDTH * 2)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(column)
        layout.addWidget(heading)
        layout.addWidget(self.about)
        layout.addSpacing(layout.spacing() * 2)
        layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addSpacing(layout.spacing() * 3)
        layout.addWidget(start_label)
        for button in self.template_buttons.values():
            layout.addWidget(button)
        layout.addWidget(self.blank_button)

        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(column, 4)
        centred.addStretch(1)
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)
        self.setWidget(page)
        page.setBackgroundRole(self.backgroundRole())

    def _template_button(self, template: WorkshopTemplate) -> QCommandLinkButton:
        button = QCommandLinkButton(template_label(template), template.summary)
        button.setAccessibleName(f"New workshop from the template {template.title}")
        button.setAccessibleDescription(template.summary)
        self._with_icon(button, "template")
        button.clicked.connect(lambda _=False, key=template.key: self.sig_template.emit(key))
        return button

    def _with_icon(self, button: QPushButton, meaning: str) -> None:
        button.setIcon(icon(meaning))
        self._icons.append((button, meaning))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Redraw the icons in the new palette's colours after a light/dark switch."""
        if event.type() == QEvent.Type.PaletteChange:
            for button, meaning in self._icons:
                button.setIcon(icon(meaning))
        super().changeEvent(event)


def nothing_text(view: WorkshopView, search: str) -> str:
    """Why a list that is not a first run shows no rows: nothing there, or nothing matches."""
    return NOTHING_MATCHES[view].format(search) if search else NOTHING_HERE[view]


def _label(text: str, *, scale: float = 1.0, bold: bool = False) -> QLabel:
    """A label in the app font, scaled and weighted rather than sized in pixels."""
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(bold)
    label.setFont(font)
    return label
