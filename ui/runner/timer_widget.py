"""The step's countdown, large enough to read from across the room, with its live controls.

The time left is never counted here: the database keeps the deadline (app/services/run_state),
so a crash or a restart resumes with the true time. The widget reads the run once per change
and, between changes, adds the clock's elapsed time to that reading on a short tick.

Start, pause, a minute more or less and reset are live controls, not edits: they go through the
store but are not undo commands, because undoing "pause" a minute later could not give back the
minute that went by, and Ctrl+Z in the room must keep meaning "undo my last capture edit".
"""

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QToolButton, QVBoxLayout, QWidget

from app.services import run_state
from app.services.changes import Area, Changes
from app.services.run_state import TimerView
from ui.actions import Scope, build_actions, refresh_icons, spec
from ui.icons import icon
from ui.runner.chime import Chime
from ui.runner.timer_display import NO_TIMER, Phase, TimerDisplay, timer_display
from ui.runner.timer_face import TimerFace
from ui.store import Store, Write

TICK_MS = 200
BUTTONS = ("timer_start_pause", "timer_less", "timer_more", "timer_reset")
BUTTON_TEXT = {
    "timer_less": "\u22121 min",
    "timer_more": "+1 min",
    "timer_reset": "Reset",
    "timer_mute": "Mute",
}
TOGGLE_TEXTS = ("Start", "Pause", "Resume")


class TimerWidget(QWidget):
    """Countdown of the current step of one workshop's run, with start/pause, ±1 min, reset and
    a mute for the chime that rings once when the time runs out."""

    sig_display = Signal(object)  # TimerDisplay, on every visible change (second, phase, pause)
    sig_muted = Signal(bool)  # the user muted or unmuted the chime (the runner remembers it)

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, sound: Chime | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.sound = sound if sound is not None else Chime()
        self.workshop_id: int | None = None
        self._view: TimerView | None = None
        self._read_at = 0.0  # the clock when `_view` was read
        self._last_remaining: float | None = None  # for noticing the moment zero is crossed
        self._shown = NO_TIMER

        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        self.command_actions = build_actions(self, Scope.TIMER)
        self.command_actions["timer_mute"].setCheckable(True)
        for action_id, text in BUTTON_TEXT.items():
            self.command_actions[action_id].setIconText(text)
        self._build_layout()
        self._apply_fonts()
        self.store.sig_changed.connect(self._on_changed)
        self._show(NO_TIMER, restyle=True)

    def _build_layout(self) -> None:
        self.face = TimerFace(NO_TIMER.text)
        self.clock_label = self.face.clock_label
        self.phase_label = self.face.phase_label
        self.progress = self.face.progress
        self.buttons: dict[str, QToolButton] = {}
        row = QHBoxLayout()
        row.addStretch(1)
        for action_id in (*BUTTONS, "timer_mute"):
            if action_id == "timer_mute":
                row.addSpacing(self.fontMetrics().averageCharWidth() * 3)
            button = QToolButton(self)
            button.setDefaultAction(self.command_actions[action_id])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setAccessibleName(spec(action_id).plain_text)
            button.setObjectName(f"button_{action_id}")
            row.addWidget(button)
            self.buttons[action_id] = button
        row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.face)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addLayout(row)
        layout.addStretch(1)

    def _fit_toggle(self) -> None:
        """Wide enough for Start, Pause and Resume, so the row does not shift when it flips."""
        toggle = self.command_actions["timer_start_pause"]
        widths = []
        for text in TOGGLE_TEXTS:
            toggle.setIconText(text)
            widths.append(self.buttons["timer_start_pause"].sizeHint().width())
        self.buttons["timer_start_pause"].setMinimumWidth(max(widths))

    def _apply_fonts(self) -> None:
        self.face.apply_fonts(self._shown.phase)
        self._fit_toggle()

    # -- the run --------------------------------------------------------------------------

    def set_workshop(self, workshop_id: int) -> None:
        self.workshop_id = workshop_id
        self._refetch()

    def display(self) -> TimerDisplay:
        """What the widget shows now (the last tick's reading)."""
        return self._shown

    @property
    def muted(self) -> bool:
        return self.sound.muted

    @muted.setter
    def muted(self, on: bool) -> None:
        changed = on != self.sound.muted
        self.sound.muted = on
        self.command_actions["timer_mute"].setChecked(on)
        self._update_actions()
        if changed:
            self.sig_muted.emit(on)

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Area.RUN) and changes.workshop_id == self.workshop_id:
            self._refetch()

    def _refetch(self) -> None:
        """Read the run again; a fresh reading never rings (reopening in overtime is quiet)."""
        if self.workshop_id is None:
            return
        self._view = run_state.timer(self.store.db, self.workshop_id)
        self._read_at = self.store.db.clock()
        if self._view is not None and self._view.running:
            self.sound.prepare()
            self.ticker.start()
        else:
            self.ticker.stop()
        shown = timer_display(self._view)
        self._last_remaining = shown.remaining_seconds
        self._show(shown)

    def tick(self) -> None:
        """Advance the reading by the clock's elapsed time; ring once on crossing zero."""
        view = self._view
        if view is None:
            return
        remaining = view.remaining_seconds
        if view.running:
            remaining -= self.store.db.clock() - self._read_at
        shown = timer_display(view, remaining)
        crossed = self._last_remaining is not None and self._last_remaining > 0
        if view.running and crossed and shown.remaining_seconds <= 0:
            self.sound.play()
        self._last_remaining = shown.remaining_seconds
        self._show(shown)

    def _show(self, shown: TimerDisplay, restyle: bool = False) -> None:
        before = self._shown
        self._shown = shown
        self.face.set_fraction(shown.fraction_left)
        if not restyle and _looks(shown) == _looks(before):
            return
        self.face.show_text(shown)
        if restyle or _state(shown) != _state(before):
            self._restyle()
        self.sig_display.emit(shown)

    # -- looks ----------------------------------------------------------------------------

    def _restyle(self) -> None:
        self.face.restyle(self._shown.phase)
        self._update_actions()

    def _update_actions(self) -> None:
        actions = self.command_actions
        has_run = self._shown.text != NO_TIMER.text
        for action_id in BUTTONS:
            actions[action_id].setEnabled(has_run)
        toggle = actions["timer_start_pause"]
        if self._shown.running:
            toggle.setText("Pause the &timer")
            toggle.setIconText("Pause")
            toggle.setIcon(icon("timer_pause"))
        else:
            toggle.setText("Start the &timer")
            toggle.setIconText("Start" if self._shown.phase is Phase.READY else "Resume")
            toggle.setIcon(icon("timer_start"))
        self.buttons["timer_start_pause"].setAccessibleName(toggle.iconText() + " the timer")
        muted = self.sound.muted
        actions["timer_mute"].setIcon(icon("chime_muted" if muted else "chime"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # After anyone else's icon refresh for the new palette: ours depend on state.
            QTimer.singleShot(0, self, self._repaint_for_palette)
        elif event.type() == QEvent.Type.FontChange:
            self._apply_fonts()
            self._update_actions()

    def _repaint_for_palette(self) -> None:
        refresh_icons(self.command_actions)
        self._restyle()

    # -- handlers (names from ui/actions.py, scope TIMER) -------------------------------

    def toggle_timer(self) -> None:
        if self._view is not None:
            self._apply(run_state.pause_timer if self._view.running else run_state.start_timer)

    def add_minute(self) -> None:
        self._apply(run_state.extend_timer, 60.0)

    def subtract_minute(self) -> None:
        self._apply(run_state.extend_timer, -60.0)

    def reset_countdown(self) -> None:
        self._apply(run_state.reset_timer)

    def apply_mute(self) -> None:
        self.muted = self.command_actions["timer_mute"].isChecked()

    def _apply(self, write: Write, *args: float) -> None:
        if self.workshop_id is not None and self._view is not None:
            self.store.apply(write, self.workshop_id, *args)


def _looks(shown: TimerDisplay) -> tuple[object, ...]:
    """What a viewer can see change (the progress bar aside, which moves on every tick)."""
    return (shown.text, shown.phase, shown.running, shown.budget_seconds)


def _state(shown: TimerDisplay) -> tuple[object, ...]:
    """What decides the colours and the buttons."""
    return (shown.phase, shown.running, shown.text == NO_TIMER.text)
