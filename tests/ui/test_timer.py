"""The live timer: display rules, controls, overtime, the chime, and resuming after a restart.

Time never passes by sleeping: the FakeClock behind the database is advanced and the widget's
tick (the handler of its QTimer) is called, so each reading is exact. What the buttons do is
checked in the database's run state through app/services/run_state.
"""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from app.db.database import Database
from app.services.agenda import add_exercise
from app.services.run_state import TimerView, start_run, step_by, timer
from app.services.workshops import create_workshop
from exercises.library import builtin_library
from tests.conftest import FakeClock
from tests.ui.conftest import focus, shown
from ui.actions import ACTIONS, Scope, shortcut_text
from ui.runner.chime import CHIME_WAV, Chime
from ui.runner.timer_display import NO_TIMER, Phase, format_clock, timer_display
from ui.runner.timer_widget import TimerWidget
from ui.store import Store
from ui.theme import alert_colour, dark_palette, warning_colour

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier
BUDGET = 12 * 60.0  # check_in_check_out: check_in is planned at 12 minutes


def view(remaining: float, running: bool = True, budget: float = BUDGET) -> TimerView:
    return TimerView(1, 1, 1, "step", budget, remaining, running)


# -- what the countdown shows (no widgets) -----------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (720, "12:00"),
        (719.2, "12:00"),  # whole seconds rounded up: 12:00 until a full second has gone
        (420.0000001, "07:00"),  # clock arithmetic noise adds no second
        (59.5, "01:00"),
        (0.4, "00:01"),
        (0, "00:00"),
        (-0.4, "+00:00"),
        (-30, "+00:30"),
        (-65, "+01:05"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (2 * 3600 + 3 * 60 + 4, "2:03:04"),
        (-3725, "+1:02:05"),
    ],
)
def test_clock_text(seconds: float, text: str) -> None:
    assert format_clock(seconds) == text


@pytest.mark.parametrize(
    ("remaining", "running", "phase"),
    [
        (BUDGET, False, Phase.READY),  # paused at the full budget
        (BUDGET - 1, False, Phase.PAUSED),
        (30, False, Phase.PAUSED),  # paused in the last minute says "paused"
        (BUDGET, True, Phase.RUNNING),
        (0.2 * BUDGET + 0.5, True, Phase.RUNNING),
        (0.2 * BUDGET, True, Phase.LOW),  # exactly a fifth left
        (60.5, True, Phase.LOW),
        (60, True, Phase.LAST_MINUTE),
        (0, True, Phase.LAST_MINUTE),
        (-0.01, True, Phase.OVERTIME),
        (-90, False, Phase.OVERTIME),  # paused in overtime is still overtime
    ],
)
def test_phase_boundaries(remaining: float, running: bool, phase: Phase) -> None:
    assert timer_display(view(remaining, running)).phase is phase


def test_a_short_step_goes_straight_to_the_last_minute() -> None:
    budget = 3 * 60.0  # a fifth of it (36 s) is inside the last minute
    assert timer_display(view(61, budget=budget)).phase is Phase.RUNNING
    assert timer_display(view(60, budget=budget)).phase is Phase.LAST_MINUTE


def test_display_fraction_words_and_no_run() -> None:
    shown = timer_display(view(BUDGET), remaining_seconds=BUDGET / 4)
    assert (shown.text, shown.fraction_left, shown.words) == ("03:00", 0.25, "Running")
    over = timer_display(view(-5, running=False))
    assert (over.fraction_left, over.words) == (0.0, "Overtime · paused")
    assert timer_display(view(BUDGET + 30)).text == "12:00"  # never more than the budget
    assert timer_display(None) == NO_TIMER
    assert NO_TIMER.words == "Not started"


# -- the widget ---------------------------------------------------------------------------


@pytest.fixture
def run(store: Store) -> int:
    """A started workshop whose current step is check_in (12 minutes)."""
    workshop_id = create_workshop(store.db, title="Away day").id
    add_exercise(store.db, workshop_id, builtin_library().get("check_in_check_out"))
    start_run(store.db, workshop_id)
    return workshop_id


def open_timer(qtbot: QtBot, store: Store, workshop_id: int | None) -> TimerWidget:
    widget = TimerWidget(store)
    if workshop_id is not None:
        widget.set_workshop(workshop_id)
    shown(qtbot, widget)
    widget.resize(600, 260)
    return widget


def in_db(store: Store, workshop_id: int) -> TimerView:
    found = timer(store.db, workshop_id)
    assert found is not None
    return found


def colour(widget: TimerWidget) -> QColor:
    return widget.clock_label.palette().color(QPalette.ColorRole.WindowText)


def test_the_timer_starts_counts_down_and_pauses(
    qtbot: QtBot, store: Store, clock: FakeClock, run: int
) -> None:
    widget = open_timer(qtbot, store, run)
    assert widget.clock_label.text() == "12:00"
    assert widget.display().phase is Phase.READY
    assert widget.buttons["timer_start_pause"].text() == "Start"
    assert colour(widget) == widget.palette().color(QPalette.ColorRole.WindowText)

    focus(qtbot, widget.buttons["timer_mute"])
    qtbot.keyClick(widget.buttons["timer_mute"], Qt.Key.Key_Space, CTRL_SHIFT)
    assert in_db(store, run).running
    assert widget.ticker.isActive()
    clock.advance(5 * 60)
    widget.tick()
    assert widget.clock_label.text() == "07:00"
    assert (widget.display().phase, widget.phase_label.text()) == (Phase.RUNNING, "Running")
    assert widget.buttons["timer_start_pause"].text() == "Pause"

    qtbot.mouseClick(widget.buttons["timer_start_pause"], Qt.MouseButton.LeftButton)
    assert not in_db(store, run).running
    assert in_db(store, run).remaining_seconds == 7 * 60
    assert not widget.ticker.isActive()
    clock.advance(10 * 60)  # paused: time goes by, the countdown does not
    widget.tick()
    assert widget.clock_label.text() == "07:00"
    assert widget.display().phase is Phase.PAUSED
    assert widget.buttons["timer_start_pause"].text() == "Resume"

    qtbot.mouseClick(widget.buttons["timer_start_pause"], Qt.MouseButton.LeftButton)
    clock.advance(1)
    qtbot.waitUntil(lambda: widget.clock_label.text() == "06:59")  # the QTimer itself ticks


def test_a_minute_more_or_less_moves_the_countdown_and_the_deadline(
    qtbot: QtBot, store: Store, clock: FakeClock, run: int
) -> None:
    widget = open_timer(qtbot, store, run)
    focus(qtbot, widget.buttons["timer_start_pause"])
    qtbot.keyClick(widget.buttons["timer_start_pause"], Qt.Key.Key_Plus, CTRL)
    assert widget.clock_label.text() == "13:00"
    assert in_db(store, run).budget_seconds == 13 * 60
    assert widget.display().phase is Phase.READY  # still the full (longer) time

    qtbot.mouseClick(widget.buttons["timer_start_pause"], Qt.MouseButton.LeftButton)
    clock.advance(3 * 60)
    widget.tick()
    qtbot.keyClick(widget.buttons["timer_start_pause"], Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(widget.buttons["timer_start_pause"], Qt.Key.Key_Minus, CTRL)
    assert widget.clock_label.text() == "08:00"
    assert in_db(store, run).remaining_seconds == 8 * 60
    qtbot.mouseClick(widget.buttons["timer_more"], Qt.MouseButton.LeftButton)
    assert widget.clock_label.text() == "09:00"
    assert in_db(store, run).budget_seconds == 12 * 60
    assert in_db(store, run).running


def test_colours_and_words_follow_the_phase_into_overtime_with_one_chime(
    qtbot: QtBot, store: Store, clock: FakeClock, run: int
) -> None:
    widget = open_timer(qtbot, store, run)
    widget.toggle_timer()
    clock.advance(0.8 * BUDGET - 1)
    widget.tick()
    assert widget.display().phase is Phase.RUNNING
    clock.advance(1)
    widget.tick()
    assert (widget.clock_label.text(), widget.display().phase) == ("02:24", Phase.LOW)
    assert colour(widget) == warning_colour(widget.palette())
    assert widget.phase_label.text() == "Running low"

    clock.advance(0.2 * BUDGET - 60)
    widget.tick()
    assert (widget.clock_label.text(), widget.display().phase) == ("01:00", Phase.LAST_MINUTE)
    assert colour(widget) == warning_colour(widget.palette())
    assert widget.clock_label.font().bold()
    assert widget.sound.played == 0

    clock.advance(90)
    with qtbot.waitSignal(widget.sig_display) as signal:
        widget.tick()
    assert signal.args[0].text == "+00:30"
    assert widget.clock_label.text() == "+00:30"
    assert widget.display().phase is Phase.OVERTIME
    assert widget.phase_label.text() == "Overtime"  # not colour alone
    assert colour(widget) == alert_colour(widget.palette())
    assert colour(widget) != warning_colour(widget.palette())
    assert widget.sound.played == 1
    clock.advance(5)
    widget.tick()
    widget.tick()
    assert widget.clock_label.text() == "+00:35"
    assert widget.sound.played == 1  # once at zero, not on every tick

    focus(qtbot, widget.buttons["timer_start_pause"])
    qtbot.keyClick(widget.buttons["timer_start_pause"], Qt.Key.Key_R, CTRL_SHIFT)
    state = in_db(store, run)
    assert (state.remaining_seconds, state.running) == (BUDGET, False)
    assert (widget.clock_label.text(), widget.display().phase) == ("12:00", Phase.READY)
    assert colour(widget) == widget.palette().color(QPalette.ColorRole.WindowText)


def test_a_restart_resumes_with_the_true_time_left(
    qtbot: QtBot, store: Store, clock: FakeClock, data_dir: Path, run: int
) -> None:
    widget = open_timer(qtbot, store, run)
    widget.toggle_timer()
    clock.advance(100)
    widget.tick()
    assert widget.clock_label.text() == "10:20"
    widget.close()
    widget.deleteLater()
    store.db.engine.dispose()  # as if the app had crashed here

    clock.advance(200)  # while the app was closed
    reopened = Database.open(data_dir, clock=clock)
    try:
        again = open_timer(qtbot, Store(reopened), run)
        assert again.clock_label.text() == "07:00"
        assert again.display().running
        assert again.ticker.isActive()
        clock.advance(7 * 60 + 10)
        again.tick()
        assert again.clock_label.text() == "+00:10"
        assert again.sound.played == 1  # it crossed zero while this window was running

        third = open_timer(qtbot, Store(reopened), run)  # reopened already in overtime
        clock.advance(5)
        third.tick()
        assert third.clock_label.text() == "+00:15"
        assert third.sound.played == 0
    finally:
        reopened.engine.dispose()


def test_mute_stops_the_chime_and_is_reported(
    qtbot: QtBot, store: Store, clock: FakeClock, run: int
) -> None:
    widget = open_timer(qtbot, store, run)
    focus(qtbot, widget.buttons["timer_start_pause"])
    with qtbot.waitSignal(widget.sig_muted) as muted:
        qtbot.keyClick(widget.buttons["timer_start_pause"], Qt.Key.Key_M, CTRL)
    assert muted.args == [True]
    assert widget.muted and widget.buttons["timer_mute"].isChecked()
    widget.toggle_timer()
    clock.advance(BUDGET + 1)
    widget.tick()
    assert widget.display().phase is Phase.OVERTIME
    assert widget.sound.played == 0

    widget.muted = False
    assert not widget.buttons["timer_mute"].isChecked()
    widget.subtract_minute()  # in overtime already: a refetch never rings
    clock.advance(1)
    widget.tick()
    assert widget.sound.played == 0


def test_a_new_step_gives_a_fresh_ready_timer(
    qtbot: QtBot, store: Store, clock: FakeClock, run: int
) -> None:
    widget = open_timer(qtbot, store, run)
    widget.toggle_timer()
    clock.advance(BUDGET + 30)
    widget.tick()
    store.apply(step_by, run, 1)  # check_out: 10 minutes
    assert (widget.clock_label.text(), widget.display().phase) == ("10:00", Phase.READY)
    assert not widget.ticker.isActive()


def test_without_a_run_the_controls_are_off(qtbot: QtBot, store: Store) -> None:
    workshop_id = create_workshop(store.db, title="Not started").id
    widget = open_timer(qtbot, store, workshop_id)
    assert widget.clock_label.text() == NO_TIMER.text
    assert widget.phase_label.text() == "Not started"
    for action_id in ("timer_start_pause", "timer_less", "timer_more", "timer_reset"):
        assert not widget.command_actions[action_id].isEnabled(), action_id
    assert widget.command_actions["timer_mute"].isEnabled()


def test_buttons_are_named_and_the_colours_follow_a_dark_palette(
    qtbot: QtBot, store: Store, clock: FakeClock, run: int
) -> None:
    widget = open_timer(qtbot, store, run)
    for button in widget.buttons.values():
        assert button.accessibleName() and button.toolTip()
    assert "Ctrl+Shift+Space" in widget.buttons["timer_start_pause"].toolTip()
    widget.toggle_timer()
    clock.advance(BUDGET + 1)
    widget.tick()
    light = colour(widget)
    widget.setPalette(dark_palette())
    qtbot.waitUntil(lambda: colour(widget) == alert_colour(dark_palette()))
    assert colour(widget) != light


def test_timer_keys_are_free_in_the_runner_that_also_surfaces_them() -> None:
    def keys(scope: Scope) -> set[str]:
        return {shortcut_text(s) for s in ACTIONS if s.scope is scope and s.shortcut}

    assert len(keys(Scope.TIMER)) == 5
    assert keys(Scope.TIMER).isdisjoint(keys(Scope.RUNNER))


# -- the chime ----------------------------------------------------------------------------


def test_the_chime_is_a_short_unclipped_wav(qtbot: QtBot) -> None:
    import wave

    with wave.open(str(CHIME_WAV)) as sound:
        frames = sound.readframes(sound.getnframes())
        seconds = sound.getnframes() / sound.getframerate()
        assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (1, 2, 44100)
    samples = memoryview(frames).cast("h")
    assert 0.5 <= seconds <= 1.5
    assert 0.3 * 32767 < max(abs(s) for s in samples) < 32767
    assert (CHIME_WAV.parent / "LICENSE.txt").is_file()


def test_the_chime_counts_plays_quietly_even_without_sound(qtbot: QtBot) -> None:
    chime = Chime()
    chime.prepare()
    chime.play()
    chime.play()
    assert chime.played == 2
    assert chime.available or chime.problems  # no sound here: it says why, without a Qt warning
    chime.muted = True
    chime.play()
    assert chime.played == 2
