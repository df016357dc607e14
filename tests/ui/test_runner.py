"""Run mode: the rail, the current step, next/previous/jump, plan against actual, the script,
the projector and finishing the run, driven by keys and checked in the database."""

from itertools import pairwise

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.db.models import WorkshopStatus
from app.services import run_state
from app.services.agenda import add_exercise, agenda_plan, remove_item, set_step_minutes
from app.services.drafts import list_drafts
from app.services.participants import add_participant
from app.services.workshops import create_workshop, get_workshop
from exercises.library import builtin_library
from exercises.model import Exercise
from tests.conftest import FakeClock
from tests.ui.conftest import ScriptedPrompts, focus, shown
from ui.actions import ACTIONS, Scope
from ui.capture.context import StepContext
from ui.projector.projector_window import ProjectorWindow
from ui.runner.agenda_rail import STATE
from ui.runner.runner_view import RunnerView
from ui.runner.step_pane import NO_CAPTURE, NOT_ON_AGENDA, script_html
from ui.store import Store

LIBRARY = builtin_library()
KEYS = ("check_in_check_out", "generative_conversation")
# check_in (cards, 12 min), check_out (cards, 10), assumptions (cards, 20), listen (talk, 30),
# shifted (20)
Key = Qt.Key
NO_MODIFIER = Qt.KeyboardModifier.NoModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def start_workshop(store: Store) -> int:
    workshop_id = create_workshop(store.db, title="Away day").id
    for key in KEYS:
        add_exercise(store.db, workshop_id, LIBRARY.get(key))
    for name in ("Ana", "Ben"):
        add_participant(store.db, workshop_id, name=name)
    run_state.start_run(store.db, workshop_id)
    return workshop_id


@pytest.fixture
def runner(
    store: Store, prompts: ScriptedPrompts, undo_stack: QUndoStack, qtbot: QtBot
) -> RunnerView:
    view = RunnerView(store, prompts)
    shown(qtbot, view)
    view.resize(1200, 800)
    view.set_workshop(start_workshop(store), undo_stack)
    focus(qtbot, view.rail.tree)
    return view


def current_key(view: RunnerView) -> str | None:
    assert view.workshop_id is not None
    state = run_state.timer(view.store.db, view.workshop_id)
    return state.step_key if state else None


def run_step_id(view: RunnerView, key: str) -> int:
    assert view.workshop_id is not None
    plan = agenda_plan(view.store.db, view.workshop_id)
    return next(s.run_step_id for i in plan.items for s in i.steps if s.key == key)


def prompt_of(key: str) -> str:
    return next(s.prompt for k in KEYS for s in LIBRARY.get(k).steps if s.key == key)


def press(qtbot: QtBot, key: Key, modifier: Qt.KeyboardModifier = NO_MODIFIER) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def test_the_first_step_shows_its_prompt_script_and_cards_panel(runner: RunnerView) -> None:
    assert runner.pane.prompt_label.text() == prompt_of("check_in")
    assert "Check-in" in runner.pane.title_label.text()
    assert "Whole group" in runner.pane.meta_label.text()
    assert "Step 1 of 5" in runner.pane.meta_label.text()
    assert runner.panel is not None and runner.panel.context.step_key == "check_in"
    assert runner.panel.isVisible() and not runner.pane.no_capture_label.isVisible()
    assert not runner.command_actions["previous_step"].isEnabled()


def test_page_down_and_page_up_move_the_run(runner: RunnerView, qtbot: QtBot) -> None:
    press(qtbot, Key.Key_PageDown)
    assert current_key(runner) == "check_out"
    assert runner.pane.prompt_label.text() == prompt_of("check_out")
    assert runner.rail.tree.currentIndex().data(STATE) == "current"
    press(qtbot, Key.Key_PageUp)
    assert current_key(runner) == "check_in"
    assert runner.pane.prompt_label.text() == prompt_of("check_in")


def test_enter_on_a_rail_step_jumps_there_and_a_talk_step_has_no_capture(
    runner: RunnerView, qtbot: QtBot
) -> None:
    index = runner.rail.model.step_index(run_step_id(runner, "listen"))
    runner.rail.tree.setCurrentIndex(index)
    qtbot.keyClick(runner.rail.tree, Key.Key_Return)
    assert current_key(runner) == "listen"
    assert runner.pane.prompt_label.text() == prompt_of("listen")
    assert "Pairs" in runner.pane.meta_label.text()
    assert runner.panel is None
    assert runner.pane.no_capture_label.isVisible()
    assert runner.pane.no_capture_label.text() == NO_CAPTURE


def test_choosing_the_current_step_again_keeps_its_timer(
    runner: RunnerView, clock: FakeClock, qtbot: QtBot
) -> None:
    assert runner.workshop_id is not None
    runner.store.apply(run_state.start_timer, runner.workshop_id)
    clock.advance(60)
    qtbot.keyClick(runner.rail.tree, Key.Key_Return)
    state = run_state.timer(runner.store.db, runner.workshop_id)
    assert state is not None and state.running and state.remaining_seconds == 11 * 60


def test_done_steps_are_checked_and_the_rail_says_behind_or_ahead(
    runner: RunnerView, clock: FakeClock, qtbot: QtBot
) -> None:
    wid = runner.workshop_id
    assert wid is not None
    press(qtbot, Key.Key_Space, CTRL_SHIFT)  # start the timer (its key works in the runner)
    clock.advance(20 * 60)  # check_in: 12 planned, 20 taken
    press(qtbot, Key.Key_PageDown)
    timings = {s.step_key: s for s in run_state.step_timings(runner.store.db, wid)}
    assert timings["check_in"].ended_at is not None
    done = runner.rail.model.step_index(run_step_id(runner, "check_in"))
    assert done.data(STATE) == "done"
    assert done.data(Qt.ItemDataRole.DecorationRole) is not None
    assert done.siblingAtColumn(2).data() == "20"
    assert runner.rail.progress_label.text() == "8 min behind"

    press(qtbot, Key.Key_Space, CTRL_SHIFT)
    clock.advance(2 * 60)  # check_out: 10 planned, 2 taken
    press(qtbot, Key.Key_PageDown)
    assert runner.rail.progress_label.text() == "On time"
    press(qtbot, Key.Key_Space, CTRL_SHIFT)
    clock.advance(60)  # assumptions: 20 planned, 1 taken
    press(qtbot, Key.Key_PageDown)
    assert runner.rail.progress_label.text() == "19 min ahead"


def test_the_rail_shows_the_current_step_running_over_without_a_key(
    runner: RunnerView, clock: FakeClock, qtbot: QtBot
) -> None:
    assert runner.workshop_id is not None
    runner.store.apply(run_state.start_timer, runner.workshop_id)
    clock.advance(15 * 60)  # 12 planned
    runner.progress_timer.setInterval(10)
    qtbot.waitUntil(lambda: runner.rail.progress_label.text() == "3 min behind")
    current = runner.rail.model.step_index(run_step_id(runner, "check_in"))
    assert current.data(STATE) == "current"
    assert current.siblingAtColumn(2).data() == "15"


def test_the_script_folds_and_unfolds_with_its_debrief_questions(
    runner: RunnerView, qtbot: QtBot
) -> None:
    pane = runner.pane
    assert pane.script_view.isVisible()
    check_in = LIBRARY.get("check_in_check_out").steps[0]
    assert check_in.debrief[0] in pane.script_view.toPlainText()
    press(qtbot, Key.Key_S, CTRL_SHIFT)
    assert not pane.script_view.isVisible()
    assert not runner.command_actions["toggle_script"].isChecked()
    press(qtbot, Key.Key_S, CTRL_SHIFT)
    assert pane.script_view.isVisible()
    runner.go_to_step(run_step_id(runner, "listen"))
    text = pane.script_view.toPlainText()
    assert "Debrief questions" in text
    assert "What was it like to be listened to in this way?" in text


def test_script_text_is_escaped() -> None:
    exercise = LIBRARY.get("check_in_check_out")
    step = exercise.steps[0].model_copy(update={"script": "Say <b>hi</b> & wait", "debrief": ()})
    context = StepContext(1, 1, exercise, step)
    assert script_html(context) == "<p>Say &lt;b&gt;hi&lt;/b&gt; &amp; wait</p>"


def test_the_projector_opens_follows_the_run_and_blanks(runner: RunnerView, qtbot: QtBot) -> None:
    assert not runner.command_actions["blank_projector"].isEnabled()
    press(qtbot, Key.Key_P, CTRL_SHIFT)
    projector = runner.projector
    assert isinstance(projector, ProjectorWindow)
    qtbot.waitUntil(projector.isVisible)
    assert projector.prompt_label.text() == prompt_of("check_in")
    assert runner.rail.tree.hasFocus()  # the projector never takes the keyboard
    press(qtbot, Key.Key_PageDown)
    assert projector.prompt_label.text() == prompt_of("check_out")
    press(qtbot, Key.Key_Space, CTRL_SHIFT)  # start the timer: the wall shows it
    assert projector.timer_label.text() == runner.timer.display().text
    press(qtbot, Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert projector.blank
    press(qtbot, Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert not projector.blank
    results = projector.results_visible
    press(qtbot, Key.Key_O, CTRL_SHIFT)
    assert projector.results_visible is not results
    press(qtbot, Key.Key_P, CTRL_SHIFT)
    assert runner.projector is None
    assert not runner.command_actions["toggle_projector"].isChecked()


def test_closing_the_projector_window_itself_unchecks_it(runner: RunnerView, qtbot: QtBot) -> None:
    runner.open_projector()
    assert runner.projector is not None
    runner.projector.close()
    assert runner.projector is None
    assert not runner.command_actions["toggle_projector"].isChecked()
    assert not runner.command_actions["projector_results"].isEnabled()


def test_back_to_the_planner_closes_the_projector(runner: RunnerView, qtbot: QtBot) -> None:
    runner.open_projector()
    with qtbot.waitSignal(runner.sig_back_to_planner) as left:
        press(qtbot, Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert left.args == [runner.workshop_id]
    assert runner.projector is None
    assert current_key(runner) == "check_in"  # the run stays where it is


def test_next_at_the_last_step_finishes_the_run(
    runner: RunnerView, prompts: ScriptedPrompts, qtbot: QtBot
) -> None:
    wid = runner.workshop_id
    assert wid is not None
    runner.go_to_step(run_step_id(runner, "shifted"))
    assert "Finish" in runner.command_actions["next_step"].text()
    prompts.confirm_answers = [False]
    press(qtbot, Key.Key_PageDown)
    assert prompts.asked[-1].startswith("Finish the run")
    assert get_workshop(runner.store.db, wid).status == WorkshopStatus.RUNNING
    prompts.confirm_answers = [True]
    runner.open_projector()
    with qtbot.waitSignal(runner.sig_back_to_planner):
        press(qtbot, Key.Key_PageDown)
    assert get_workshop(runner.store.db, wid).status == WorkshopStatus.DONE
    assert runner.projector is None


def test_page_down_while_typing_a_card_moves_on_and_keeps_the_words_as_a_draft(
    runner: RunnerView, qtbot: QtBot
) -> None:
    assert runner.panel is not None
    runner.panel.focus_entry()
    entry = QApplication.focusWidget()
    assert entry is not None and runner.panel.isAncestorOf(entry)
    qtbot.keyClicks(entry, "Tired but curious")
    qtbot.keyClick(entry, Key.Key_PageDown)
    assert current_key(runner) == "check_out"
    assert "Tired but curious" in [d.text for d in list_drafts(runner.store.db)]
    focused = QApplication.focusWidget()
    assert runner.panel is not None and focused is not None
    assert runner.panel.isAncestorOf(focused)  # ready to type the next round


def test_another_workshop_closes_the_projector(
    runner: RunnerView, store: Store, undo_stack: QUndoStack
) -> None:
    runner.open_projector()
    other = start_workshop(store)
    runner.set_workshop(other, undo_stack)
    assert runner.projector is None
    assert runner.rail.model.rowCount() == 2


def keys_of(*scopes: Scope) -> list[str]:
    return [str(s.shortcut) for s in ACTIONS if s.scope in scopes and s.shortcut]


@pytest.mark.parametrize(
    "panel_scope",
    [Scope.CARDS, Scope.CLUSTER, Scope.VOTE, Scope.RATE, Scope.MAP, Scope.ACTION_LIST],
)
def test_runner_timer_and_panel_keys_never_clash(panel_scope: Scope) -> None:
    """All three are live at once while typing in a panel; a shared key would fire nothing."""
    keys = keys_of(Scope.RUNNER, Scope.TIMER, panel_scope)
    assert len(keys) == len(set(keys))


def test_page_down_works_from_the_script_of_a_talk_step(runner: RunnerView, qtbot: QtBot) -> None:
    runner.go_to_step(run_step_id(runner, "listen"))
    runner.focus_current()
    assert runner.pane.script_view.hasFocus()
    press(qtbot, Key.Key_PageDown)
    assert current_key(runner) == "shifted"


def test_a_reopened_projector_is_not_blank(runner: RunnerView, qtbot: QtBot) -> None:
    runner.open_projector()
    press(qtbot, Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert runner.projector is not None and runner.projector.blank
    runner.close_projector()
    assert not runner.command_actions["blank_projector"].isChecked()
    runner.open_projector()
    assert runner.projector is not None and not runner.projector.blank


def test_splitter_sizes_are_saved_and_restored(
    runner: RunnerView, store: Store, prompts: ScriptedPrompts, qtbot: QtBot
) -> None:
    runner.splitter.setSizes([500, 700])
    state = runner.save_state()
    other = RunnerView(store, prompts)
    shown(qtbot, other)
    other.resize(1200, 800)
    other.restore_state(state)
    assert other.splitter.sizes()[0] == runner.splitter.sizes()[0]
    other.restore_state(QByteArray(b"not a state"))  # ignored


def test_agenda_changes_redraw_the_rail_and_a_removed_step_says_so(
    runner: RunnerView, qtbot: QtBot
) -> None:
    assert runner.context is not None
    runner.store.apply(set_step_minutes, runner.context.agenda_item_id, "check_in", 15)
    assert "15 min" in runner.pane.meta_label.text()
    assert (
        runner.rail.model.step_index(run_step_id(runner, "check_in")).siblingAtColumn(1).data()
        == "15"
    )
    runner.store.apply(remove_item, runner.context.agenda_item_id)
    assert runner.rail.model.rowCount() == 1
    assert runner.panel is None and runner.context is None
    assert runner.pane.prompt_label.text() == NOT_ON_AGENDA
    assert not runner.pane.no_capture_label.isVisible()
    runner.go_to_step(run_step_id(runner, "assumptions"))
    assert current_key(runner) == "assumptions"
    assert runner.panel is not None


def test_page_down_moves_on_from_the_entry_of_every_capture_panel(
    store: Store,
    prompts: ScriptedPrompts,
    undo_stack: QUndoStack,
    qtbot: QtBot,
    every_mode: Exercise,
) -> None:
    workshop_id = create_workshop(store.db, title="Every mode").id
    add_exercise(store.db, workshop_id, every_mode)
    add_participant(store.db, workshop_id, name="Ana")
    run_state.start_run(store.db, workshop_id)
    view = RunnerView(store, prompts)
    shown(qtbot, view)
    view.set_workshop(workshop_id, undo_stack)
    keys = [step.key for step in every_mode.steps]
    for here, after in pairwise(keys):
        assert current_key(view) == here
        view.focus_current()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
        focused = QApplication.focusWidget()
        assert focused is not None and view.isAncestorOf(focused), here
        press(qtbot, Key.Key_PageDown)
        assert current_key(view) == after, f"PgDown was kept by {type(focused).__name__} in {here}"


def test_double_click_on_a_rail_step_jumps_there(runner: RunnerView, qtbot: QtBot) -> None:
    tree = runner.rail.tree
    index = runner.rail.model.step_index(run_step_id(runner, "assumptions"))
    centre = tree.visualRect(index).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert current_key(runner) == "check_in"  # a single click only selects
    qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert current_key(runner) == "assumptions"
    assert runner.pane.prompt_label.text() == prompt_of("assumptions")
