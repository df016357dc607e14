"""Plan against actual, with fixed times: per-step actual minutes and ahead/behind."""

import datetime as dt

from app.services.agenda import AgendaPlan, ItemPlan, StepPlan
from exercises.library import builtin_library
from ui.runner.run_progress import format_actual, progress_text, run_progress, step_place

START = dt.datetime(2030, 5, 6, 9, 0, tzinfo=dt.UTC)
CHECK_IN = builtin_library().get("check_in_check_out")


def at(minutes: float) -> dt.datetime:
    return START + dt.timedelta(minutes=minutes)


def plan(*steps: tuple[int, int, float | None, float | None]) -> AgendaPlan:
    """Steps as (run step id, planned minutes, started at, ended at), minutes from START."""
    made = tuple(
        StepPlan(
            step_id,
            "check_in",
            "Check in",
            minutes,
            0,
            None,
            None if started is None else at(started),
            None if ended is None else at(ended),
        )
        for step_id, minutes, started, ended in steps
    )
    item = ItemPlan(1, CHECK_IN, made, 0, None, sum(s.minutes for s in made))
    return AgendaPlan(7, (item,), item.minutes, None)


def test_before_anything_started_the_run_is_on_time_and_no_step_has_an_actual() -> None:
    progress = run_progress(plan((1, 10, None, None), (2, 5, None, None)), 1, at(30))
    assert [s.actual_minutes for s in progress.steps] == [None, None]
    assert progress.summary == "On time"
    assert [s.current for s in progress.steps] == [True, False]


def test_a_done_step_that_overran_puts_the_run_behind() -> None:
    progress = run_progress(plan((1, 10, 0, 22), (2, 5, None, None)), 2, at(22))
    first = progress.step(1)
    assert first is not None and first.done and first.actual_minutes == 22
    assert progress.rounded_delta == 12
    assert progress.summary == "12 min behind"


def test_a_done_step_that_ended_early_puts_the_run_ahead() -> None:
    progress = run_progress(plan((1, 10, 0, 5), (2, 5, 5, None)), 2, at(6))
    assert progress.summary == "5 min ahead"
    current = progress.step(2)
    assert current is not None and current.current and not current.done
    assert current.actual_minutes == 1  # elapsed so far


def test_the_current_step_counts_only_once_it_goes_past_its_plan() -> None:
    steps = ((1, 10, 0, 10), (2, 5, 10, None))
    assert run_progress(plan(*steps), 2, at(14)).summary == "On time"  # 4 of 5 minutes used
    late = run_progress(plan(*steps), 2, at(23))
    assert late.summary == "8 min behind"
    assert late.step(2) is not None and late.step(2).actual_minutes == 13  # type: ignore[union-attr]


def test_overrun_and_saving_add_up_over_the_done_steps() -> None:
    steps = ((1, 10, 0, 15), (2, 10, 15, 18), (3, 10, 18, None))
    progress = run_progress(plan(*steps), 3, at(20))
    assert progress.delta_minutes == 5 - 7
    assert progress.summary == "2 min ahead"


def test_a_step_never_started_counts_neither_way() -> None:
    skipped = ((1, 10, 0, 10), (2, 30, None, None), (3, 5, 10, None))
    assert run_progress(plan(*skipped), 3, at(12)).summary == "On time"


def test_naive_times_are_read_as_utc() -> None:
    naive = StepPlan(1, "check_in", "Check in", 10, 0, None, dt.datetime(2030, 5, 6, 9), None)
    item = ItemPlan(1, CHECK_IN, (naive,), 0, None, 10)
    progress = run_progress(AgendaPlan(7, (item,), 10, None), 1, at(25))
    assert progress.summary == "15 min behind"


def test_texts() -> None:
    assert progress_text(0) == "On time"
    assert progress_text(1) == "1 min behind"
    assert progress_text(-3) == "3 min ahead"
    assert format_actual(None) == ""
    assert format_actual(12.4) == "12"
    assert format_actual(12.6) == "13"


def test_step_place_counts_over_all_items() -> None:
    made = plan((1, 10, None, None), (2, 5, None, None), (3, 5, None, None))
    place = step_place(made, 2)
    assert place is not None and place.text == "Step 2 of 3"
    assert not place.first and not place.last
    last = step_place(made, 3)
    assert last is not None and last.last
    assert step_place(made, 99) is None
    assert step_place(None, 1) is None
