"""The runner's side of the projector: opened on demand, told every change of step and timer,
closed when the runner is left.

The projector window is created only when the facilitator first asks for it, so a run without a
second screen never opens one; a closed projector is deleted, and a new one is made next time.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ui.capture.context import StepContext
from ui.projector.projector_window import ProjectorWindow
from ui.runner.timer_display import TimerDisplay
from ui.store import Store


class ProjectorLink(QObject):
    sig_closed = Signal()  # the facilitator closed the projector window itself

    def __init__(self, store: Store, runner: QWidget) -> None:
        super().__init__(runner)
        self.store = store
        self.runner = runner  # the window's parent: it is placed on another screen than this
        self.window: ProjectorWindow | None = None

    def open(
        self, context: StepContext | None, display: TimerDisplay, *, blank: bool, results: bool
    ) -> ProjectorWindow:
        if self.window is None:
            window = ProjectorWindow(self.store, self.runner)
            window.sig_closed.connect(self._on_closed)
            window.set_blank(blank)
            window.set_results_visible(results)
            window.show_step(context)
            window.set_timer(display)
            self.window = window
            window.place()
        return self.window

    def close(self) -> None:
        window, self.window = self.window, None
        if window is not None:
            window.sig_closed.disconnect(self._on_closed)
            window.close()
            window.deleteLater()

    def _on_closed(self) -> None:
        self.close()
        self.sig_closed.emit()

    def show_step(self, context: StepContext | None) -> None:
        if self.window is not None:
            self.window.show_step(context)

    def set_timer(self, display: TimerDisplay) -> None:
        if self.window is not None:
            self.window.set_timer(display)

    def set_blank(self, on: bool) -> None:
        if self.window is not None:
            self.window.set_blank(on)

    def set_results_visible(self, on: bool) -> None:
        if self.window is not None:
            self.window.set_results_visible(on)
