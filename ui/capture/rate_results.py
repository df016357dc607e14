"""The rate step on the projector: the room's ratings drawn large, and what they may mean.

Read-only and live: it redraws whenever a rating or the list of participants changes. It shows
only numbers and the exercise's own reading, never who gave which number.
"""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.services.changes import Area, Changes
from app.services.ratings import rating_summary
from exercises.model import RateCapture
from ui.capture.context import StepContext
from ui.capture.rate_form import legend_label
from ui.capture.rate_model import reading
from ui.capture.rating_chart import RatingChart
from ui.capture.room_type import READABLE
from ui.store import Store

CHART_SCALE = 1.5  # of the projector window's font, which is already large
READING_SCALE = 1.4  # the legend is at the smallest readable size (READABLE)


class RateResults(QWidget):
    def __init__(self, store: Store, context: StepContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        capture = context.capture
        assert isinstance(capture, RateCapture)
        self.store = store
        self.context = context
        self.capture = capture
        self.chart = RatingChart(capture.scales)
        self.reading = QLabel()
        self.reading.setObjectName("rate_results_reading")
        self.reading.setWordWrap(True)
        self.reading.setTextFormat(Qt.TextFormat.PlainText)
        self.reading.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.legend = legend_label()
        side = QVBoxLayout()  # the words beside the chart, which keeps the whole height
        side.addWidget(self.reading)
        side.addSpacing(self.fontMetrics().height())
        side.addWidget(self.legend)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.chart, 3)
        layout.addSpacing(self.fontMetrics().height() * 2)
        layout.addLayout(side, 2)
        self._scale_fonts()
        store.sig_changed.connect(self._on_changed)
        self.refresh()

    def _scale_fonts(self) -> None:
        scaled = ((self.chart, CHART_SCALE), (self.reading, READING_SCALE), (self.legend, READABLE))
        for widget, factor in scaled:
            font = self.font()
            font.setPointSizeF(font.pointSizeF() * factor)
            widget.setFont(font)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.FontChange:
            self._scale_fonts()  # the projector picks its font after building the view
        super().changeEvent(event)

    def _on_changed(self, changes: Changes) -> None:
        if changes.workshop_id == self.context.workshop_id and changes.touches(
            Area.RATINGS, Area.PARTICIPANTS
        ):
            self.refresh()

    def refresh(self) -> None:
        context = self.context
        summaries = rating_summary(self.store.db, context.agenda_item_id, context.step_key)
        self.chart.set_summaries(summaries)
        text = reading(self.capture, summaries)
        self.reading.setText(text or "")
        self.reading.setVisible(text is not None)


def rate_results(store: Store, context: StepContext) -> QWidget:
    """RESULTS["rate"]: the live, read-only projector view of a rate step."""
    return RateResults(store, context)
