"""What the room reads of the timer: the time left in large tabular digits, the phase in words
and a bar of the share left, coloured by phase from the palette (the warning tone when time runs
low, the alert tone in overtime, bold digits in the last minute). Shows what it is given."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel, QProgressBar, QSizePolicy, QVBoxLayout, QWidget

from ui.runner.timer_display import Phase, TimerDisplay
from ui.text_style import scaled_font
from ui.theme import alert_colour, warning_colour

CLOCK_SCALE = 4.0  # the digits, times the app font
WORDS_SCALE = 1.25
PROGRESS_STEPS = 1000
WARNED = {Phase.LOW, Phase.LAST_MINUTE}
STRONG = {Phase.LAST_MINUTE, Phase.OVERTIME}  # bold digits as well as colour


class TimerFace(QWidget):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock_label = QLabel(text)
        self.clock_label.setObjectName("timer_clock")
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.clock_label.setAccessibleName("Time left")
        self.phase_label = QLabel()
        self.phase_label.setObjectName("timer_phase")
        self.phase_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.phase_label.setAccessibleName("Timer state")
        self.progress = QProgressBar()
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName("Share of the step's time left")
        self.progress.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.clock_label)
        layout.addWidget(self.phase_label)
        layout.addWidget(self.progress)

    def apply_fonts(self, phase: Phase) -> None:
        """Sizes from the app font (again after a font change)."""
        big = scaled_font(self.font(), CLOCK_SCALE, bold=phase in STRONG)
        big.setFeature(QFont.Tag("tnum"), 1)  # tabular digits: the clock does not jiggle
        big.setStyleHint(QFont.StyleHint.Monospace, QFont.StyleStrategy.PreferDefault)
        self.clock_label.setFont(big)
        self.phase_label.setFont(scaled_font(self.font(), WORDS_SCALE))
        self.progress.setFixedHeight(max(4, self.fontMetrics().height() // 3))

    def set_fraction(self, fraction_left: float) -> None:
        self.progress.setValue(round(fraction_left * PROGRESS_STEPS))

    def show_text(self, shown: TimerDisplay) -> None:
        self.clock_label.setText(shown.text)
        self.phase_label.setText(shown.words)
        self.clock_label.setAccessibleDescription(shown.words)

    def restyle(self, phase: Phase) -> None:
        """Colour by phase from the palette; bold digits in the last minute and overtime."""
        palette = self.palette()
        if phase is Phase.OVERTIME:
            colour = alert_colour(palette)
        elif phase in WARNED:
            colour = warning_colour(palette)
        else:
            colour = palette.color(QPalette.ColorRole.WindowText)
        for label in (self.clock_label, self.phase_label):
            tinted = QPalette(palette)
            tinted.setColor(QPalette.ColorRole.WindowText, colour)
            label.setPalette(tinted)
        bar = QPalette(palette)
        if phase in WARNED or phase is Phase.OVERTIME:
            bar.setColor(QPalette.ColorRole.Highlight, colour)
        self.progress.setPalette(bar)
        big = self.clock_label.font()
        big.setBold(phase in STRONG)
        self.clock_label.setFont(big)
