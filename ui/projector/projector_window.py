"""What the room sees: the current step's prompt, the timer and, when asked, what it produced.

Built only from the step's title and prompt, the timer's display and the step's results view,
so nothing meant for the facilitator (the script, debrief questions, private notes) and nothing
from another workshop can reach the wall. It never takes keyboard focus, so typing stays in the
runner; the runner tells it every change (`show_step`, `set_timer`), and the results view
redraws itself from the store.
"""

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QFont, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from ui.capture.context import StepContext
from ui.capture.registry import make_results
from ui.projector.prompt_view import FittedLabel
from ui.projector.screen_placement import ScreenPlacement, runner_screen_of
from ui.runner.timer_display import NO_TIMER, Phase, TimerDisplay
from ui.store import Store
from ui.theme import alert_colour, blank_colour, warning_colour

TITLE = "Chorus — projector"
Role = QPalette.ColorRole
# Rows of the page, as stretch factors: title, prompt, results, timer.
PROMPT_ALONE = (1, 12, 0, 2)
PROMPT_AS_HEADER = (1, 2, 12, 2)
PROMPT_LINE_SHARE = 0.14  # of the window's height: the tallest a line of the prompt may be
RESULTS_FONT_HEIGHT = 600  # a window this tall shows results in the application's font size
SPOKEN = (Phase.PAUSED, Phase.OVERTIME)  # said in words too: colour is never the only signal
PALETTE_EVENTS = (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)


class ResultsArea(QWidget):
    """Holds the results view in the share of the height the window gives it."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return False  # wrapped text inside must not make the layout ignore the row stretches


class ProjectorWindow(QWidget):
    """A top-level window for the second screen (or beside the runner when there is none)."""

    sig_closed = Signal()  # the facilitator closed the window itself (not through the runner)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.context: StepContext | None = None
        self.results: QWidget | None = None  # the live results view of the current step
        self._display: TimerDisplay | None = None
        self._results_visible = False
        self.setWindowFlags(Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWindowTitle(TITLE)
        self._build()
        self.placement = ScreenPlacement(self, lambda: runner_screen_of(self.parentWidget()))

    def _build(self) -> None:
        self.title_label = FittedLabel(min_scale=0.8, max_scale=10.0, wrap=False, line_share=0.8)
        self.title_label.setObjectName("projector_title")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.title_label.setForegroundRole(Role.PlaceholderText)
        self.prompt_label = FittedLabel(min_scale=1.0, max_scale=40.0, weight=QFont.Weight.Medium)
        self.prompt_label.setObjectName("projector_prompt")
        self.prompt_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.timer_label = FittedLabel(
            min_scale=1.0, max_scale=40.0, wrap=False, sample="+88:88", weight=QFont.Weight.Bold
        )
        self.timer_label.setObjectName("projector_timer")
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.timer_label.hide()
        self.phase_label = FittedLabel(min_scale=0.8, max_scale=10.0, wrap=False, line_share=0.4)
        self.phase_label.setObjectName("projector_phase")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.phase_label.setForegroundRole(Role.PlaceholderText)
        self.phase_label.hide()
        self.timer_band = QWidget()  # keeps its share of the height while the timer is hidden
        self.timer_band.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        band = QHBoxLayout(self.timer_band)
        band.setContentsMargins(0, 0, 0, 0)
        band.addWidget(self.phase_label, 2)
        band.addWidget(self.timer_label, 1)
        self.results_area = ResultsArea()
        self.results_area.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.results_layout = QVBoxLayout(self.results_area)
        self.results_layout.setContentsMargins(0, 0, 0, 0)
        # A results view taller than its share is cut off below, never squeezes the prompt.
        self.results_layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

        self.page = QWidget()
        self.page.setObjectName("projector_page")
        self.rows = QVBoxLayout(self.page)
        for row in (self.title_label, self.prompt_label, self.results_area, self.timer_band):
            self.rows.addWidget(row)
        self.blank_page = QWidget()
        self.blank_page.setObjectName("projector_blank")
        self.blank_page.setAutoFillBackground(True)
        self.stack = QStackedLayout(self)
        self.stack.setContentsMargins(0, 0, 0, 0)
        self.stack.addWidget(self.page)
        self.stack.addWidget(self.blank_page)
        self._paint_blank()
        self._arrange()

    # The runner's side -------------------------------------------------------------------

    def show_step(self, context: StepContext | None) -> None:
        """Show this step's title and prompt; its results replace the previous step's."""
        if context == self.context:
            return  # the runner repeats itself on every change; keep the live results view
        self.context = context
        self._drop_results()
        if context is None:
            self.title_label.setText("")
            self.prompt_label.setText("")
        else:
            self.title_label.setText(f"{context.exercise.title} · {context.step.title}")
            self.prompt_label.setText(context.step.prompt)
        self._arrange()

    def set_timer(self, display: TimerDisplay | None) -> None:
        """Show the timer as the runner shows it (None or NO_TIMER hide it: nothing is timed)."""
        if display == NO_TIMER:
            display = None
        self._display = display
        self.timer_label.setVisible(display is not None)
        self.phase_label.setVisible(display is not None and display.phase in SPOKEN)
        if display is not None:
            self.timer_label.setText(display.text)
            self.phase_label.setText(display.words)
        self._colour_timer()

    @property
    def results_visible(self) -> bool:
        return self._results_visible

    def set_results_visible(self, on: bool) -> None:
        """Show what the room produced in this step (for modes that have a results view)."""
        self._results_visible = on
        self._arrange()

    @property
    def blank(self) -> bool:
        return self.stack.currentWidget() is self.blank_page

    def set_blank(self, on: bool) -> None:
        """An empty black screen, nothing at all on it, until the facilitator brings it back."""
        self.stack.setCurrentWidget(self.blank_page if on else self.page)

    def place(self) -> None:
        """Full screen on a screen the runner is not on; otherwise a window on the same one."""
        self.placement.place()

    # Inside -------------------------------------------------------------------------------

    def _arrange(self) -> None:
        if self._results_visible and self.results is None and self.context is not None:
            self.results = make_results(self.store, self.context)
            if self.results is not None:
                self._adopt(self.results)
        showing = self._results_visible and self.results is not None
        self.results_area.setVisible(showing)
        self.prompt_label.setVisible(self.context is not None)
        self.title_label.setVisible(self.context is not None)
        for row, stretch in enumerate(PROMPT_AS_HEADER if showing else PROMPT_ALONE):
            self.rows.setStretch(row, stretch)
        self._scale_results_font()
        self.prompt_label.max_line_height = self.height() * PROMPT_LINE_SHARE
        self.prompt_label.fit()
        margin = max(12, self.height() // 30)
        self.rows.setContentsMargins(margin * 2, margin, margin * 2, margin)
        self.rows.setSpacing(margin // 2)

    def _scale_results_font(self) -> None:
        """Results views drawn in the inherited font grow with the window, like the prompt."""
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * max(1.0, self.height() / RESULTS_FONT_HEIGHT))
        if font != self.results_area.font():
            self.results_area.setFont(font)

    def _adopt(self, results: QWidget) -> None:
        results.setObjectName("projector_results")
        for widget in (results, *results.findChildren(QWidget)):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the runner
        self.results_layout.addWidget(results)

    def _drop_results(self) -> None:
        if self.results is not None:
            self.results_layout.removeWidget(self.results)
            self.results.hide()
            self.results.deleteLater()
            self.results = None

    def _colour_timer(self) -> None:
        palette = QPalette(self.palette())
        palette.setColor(Role.WindowText, self._timer_colour(palette))
        self.timer_label.setPalette(palette)

    def _timer_colour(self, palette: QPalette) -> QColor:
        phase = self._display.phase if self._display is not None else Phase.READY
        if phase is Phase.OVERTIME:
            return alert_colour(palette)
        if phase in (Phase.LOW, Phase.LAST_MINUTE):
            return warning_colour(palette)
        if phase is Phase.PAUSED:
            return palette.color(Role.PlaceholderText)
        return palette.color(Role.WindowText)

    def _paint_blank(self) -> None:
        palette = QPalette(self.palette())
        palette.setColor(Role.Window, blank_colour())
        self.blank_page.setPalette(palette)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._arrange()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() in PALETTE_EVENTS:  # light/dark switched while running
            self._colour_timer()
            self._paint_blank()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        self.placement.stop()
        super().closeEvent(event)
        self.sig_closed.emit()
