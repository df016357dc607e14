"""What the countdown shows, worked out from a run's timer without any widget.

The timer widget and the projector both draw a `TimerDisplay`, so the digits, the phase that
picks their colour and the words beside them are decided once, here, and tested without Qt.
"""

import math
from dataclasses import dataclass
from enum import StrEnum

from app.services.run_state import TimerView

LOW_FRACTION = 0.2  # "running low" once a fifth of the step's time is left
LAST_MINUTE_SECONDS = 60.0
NO_TIMER_TEXT = "--:--"


class Phase(StrEnum):
    READY = "ready"  # paused at the full budget: not started (or reset)
    RUNNING = "running"
    LOW = "low"  # a fifth of the budget or less left, more than a minute
    LAST_MINUTE = "last_minute"  # a minute or less left
    OVERTIME = "overtime"  # past zero, running or paused
    PAUSED = "paused"  # paused part-way


PHASE_WORDS = {
    Phase.READY: "Ready",
    Phase.RUNNING: "Running",
    Phase.LOW: "Running low",
    Phase.LAST_MINUTE: "Last minute",
    Phase.OVERTIME: "Overtime",
    Phase.PAUSED: "Paused",
}


@dataclass(frozen=True)
class TimerDisplay:
    text: str  # "12:34", "1:02:03"; overtime "+01:05"
    phase: Phase
    running: bool
    remaining_seconds: float  # negative in overtime
    budget_seconds: float
    fraction_left: float  # 0..1, for a progress bar

    @property
    def words(self) -> str:
        """The phase in words, so colour is never the only signal ("Overtime · paused")."""
        if self.text == NO_TIMER_TEXT:
            return "Not started"
        if self.phase is Phase.OVERTIME and not self.running:
            return "Overtime · paused"
        return PHASE_WORDS[self.phase]


NO_TIMER = TimerDisplay(NO_TIMER_TEXT, Phase.READY, False, 0.0, 0.0, 0.0)


def format_clock(seconds: float) -> str:
    """mm:ss below an hour, h:mm:ss from an hour; overtime (negative) as "+mm:ss".

    A countdown shows whole seconds rounded up (12:00 until a full second has gone, 00:00 only
    at zero); overtime counts the whole seconds already over, so it runs on from +00:00.
    """
    seconds = round(seconds, 3)  # float noise from clock arithmetic must not add a second
    over = seconds < 0
    whole = math.floor(-seconds) if over else math.ceil(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"
    return f"+{text}" if over else text


def phase_of(remaining: float, budget: float, running: bool) -> Phase:
    if remaining < 0:
        return Phase.OVERTIME
    if not running:
        return Phase.READY if remaining >= budget else Phase.PAUSED
    if remaining <= LAST_MINUTE_SECONDS:
        return Phase.LAST_MINUTE
    if remaining <= LOW_FRACTION * budget:
        return Phase.LOW
    return Phase.RUNNING


def timer_display(view: TimerView | None, remaining_seconds: float | None = None) -> TimerDisplay:
    """The display for `view`; `remaining_seconds` overrides the view's (a tick since the read)."""
    if view is None or view.run_step_id is None:
        return NO_TIMER
    remaining = view.remaining_seconds if remaining_seconds is None else remaining_seconds
    remaining = min(remaining, view.budget_seconds)  # as the service: never more than the budget
    budget = view.budget_seconds
    fraction = min(1.0, max(0.0, remaining / budget)) if budget > 0 else 0.0
    return TimerDisplay(
        format_clock(remaining),
        phase_of(remaining, budget, view.running),
        view.running,
        remaining,
        budget,
        fraction,
    )
