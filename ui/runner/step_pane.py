"""The current step as the facilitator sees it: where we are, the prompt to read out, the script
(folded away on request) and the capture panel for the step's mode.

Shows what it is given and writes nothing; the runner decides when the step changes and which
panel (if any) captures it. All step text is escaped before it reaches rich text.
"""

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui.capture.context import StepContext
from ui.text_style import scale_font

QWIDGETSIZE_MAX = (1 << 24) - 1  # Qt's "no maximum"
NO_CAPTURE = "Talk step: no capture. The script and the timer are all you need."
NOT_ON_AGENDA = "This step is no longer on the agenda. Choose a step in the agenda on the left."


def grouping_text(context: StepContext) -> str:
    """ "Pairs", "Small groups", "Whole group", "Solo"."""
    return str(context.step.grouping.value).replace("_", " ").capitalize()


def script_html(context: StepContext) -> str:
    """The facilitator's script, one paragraph per line, and the debrief questions, escaped."""
    paragraphs = [line.strip() for line in context.step.script.splitlines() if line.strip()]
    parts = [f"<p>{html.escape(text)}</p>" for text in paragraphs]
    if context.step.debrief:
        parts.append("<p><b>Debrief questions</b></p><ul>")
        parts.extend(f"<li>{html.escape(question)}</li>" for question in context.step.debrief)
        parts.append("</ul>")
    return "".join(parts) or "<p>No script for this step.</p>"


class StepPane(QWidget):
    def __init__(self, script_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context: StepContext | None = None
        self.panel: QWidget | None = None
        self.title_label = QLabel()
        self.title_label.setObjectName("step_title")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        scale_font(self.title_label, 1.3, bold=True)
        self.meta_label = QLabel()
        self.meta_label.setObjectName("step_meta")
        self.meta_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.prompt_label = QLabel()
        self.prompt_label.setObjectName("step_prompt")
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setTextFormat(Qt.TextFormat.PlainText)
        self.prompt_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.prompt_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.prompt_label.setAccessibleName("Prompt to read out")
        scale_font(self.prompt_label, 1.8, bold=False)

        self.script_button = QToolButton()
        self.script_button.setObjectName("script_toggle")
        self.script_button.setDefaultAction(script_action)
        self.script_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.script_button.setAutoRaise(True)
        self.script_button.setAccessibleName("Facilitator script")
        self.script_view = QTextBrowser()
        self.script_view.setObjectName("script_view")
        self.script_view.setOpenLinks(False)
        self.script_view.setAccessibleName("Facilitator script")
        scale_font(self.script_view, 1.1, bold=False)

        self.no_capture_label = QLabel(NO_CAPTURE)
        self.no_capture_label.setObjectName("no_capture")
        self.no_capture_label.setWordWrap(True)
        self.no_capture_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_capture_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        scale_font(self.no_capture_label, 1.2, bold=False)
        self.capture_host = QWidget()
        self.capture_host.setObjectName("capture_host")
        self._host_layout = QVBoxLayout(self.capture_host)
        self._host_layout.setContentsMargins(0, 0, 0, 0)
        self._host_layout.addWidget(self.no_capture_label)
        self._build_layout()
        self.set_script_visible(script_action.isChecked())

    def _build_layout(self) -> None:
        self._script_share = 0.3  # of the height under the prompt, while a panel is shown
        heading = QVBoxLayout()
        heading.setSpacing(4)
        heading.addWidget(self.title_label)
        heading.addWidget(self.meta_label)
        heading.addSpacing(6)
        heading.addWidget(self.prompt_label)
        self.top = QHBoxLayout()
        self.top.addLayout(heading, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.script_view)
        self.splitter.addWidget(self.capture_host)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.splitterMoved.connect(self._remember_share)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.top)
        layout.addWidget(self.script_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.splitter, 1)

    def set_corner(self, widget: QWidget) -> None:
        """A widget beside the heading and prompt (the runner's timer)."""
        self.top.addWidget(widget, 0, Qt.AlignmentFlag.AlignTop)

    # --- what is shown ---

    def show_step(
        self, context: StepContext | None, item_title: str, minutes: int, place: str
    ) -> None:
        """`place` reads like "Step 3 of 9"; `minutes` are the planned ones (they can change)."""
        self.context = context
        if context is None:
            self.title_label.setText("")
            self.meta_label.setText("")
            self.prompt_label.setText(NOT_ON_AGENDA)
            self.script_view.setHtml("")
            return
        self.title_label.setText(f"{item_title} · {context.step.title}")
        self.set_minutes(minutes, place)
        self.prompt_label.setText(context.step.prompt)
        self.script_view.setHtml(script_html(context))

    def set_minutes(self, minutes: int, place: str) -> None:
        if self.context is not None:
            self.meta_label.setText(f"{grouping_text(self.context)} · {minutes} min · {place}")

    def set_panel(self, panel: QWidget | None) -> None:
        """Host `panel` (None: the calm talk-step line). The previous panel is deleted."""
        if self.panel is not None:
            self._host_layout.removeWidget(self.panel)
            self.panel.hide()
            self.panel.deleteLater()
        self.panel = panel
        if panel is not None:
            self._host_layout.addWidget(panel, 1)
        self.no_capture_label.setVisible(panel is None and self.context is not None)
        # A talk step gives the script all the room; the calm line needs only its own height.
        spare = self.no_capture_label.fontMetrics().height() * 3
        self.capture_host.setMaximumHeight(spare if panel is None else QWIDGETSIZE_MAX)
        if panel is not None:
            self._share_room()

    def _share_room(self) -> None:
        """The capture panel gets most of the height: the room's words matter more in the
        moment than the script, which stays a glance away (and foldable)."""
        total = sum(self.splitter.sizes()) or self.splitter.height()
        if total > 0:
            script = round(total * self._script_share)
            self.splitter.setSizes([script, total - script])

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.panel is not None:
            self._share_room()  # the first time there is a height to share

    def _remember_share(self, _position: int, _index: int) -> None:
        sizes = self.splitter.sizes()
        if self.panel is not None and sum(sizes) > 0:
            self._script_share = sizes[0] / sum(sizes)

    # --- the script, folded or not ---

    @property
    def script_visible(self) -> bool:
        return not self.script_view.isHidden()

    def set_script_visible(self, on: bool) -> None:
        self.script_view.setVisible(on)
        arrow = Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow
        self.script_button.setArrowType(arrow)
        action = self.script_button.defaultAction()
        if action is not None and action.isChecked() != on:
            action.setChecked(on)
