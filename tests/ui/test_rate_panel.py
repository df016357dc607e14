"""The rate panel, by keyboard only: digits typed on the grid are saved at once, the chart and
the exercise's reading follow live, out-of-range numbers are refused, and every change undoes."""

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.services.agenda import add_exercise, agenda_plan
from app.services.participants import add_participant
from app.services.ratings import list_ratings, rating_summary
from app.services.workshops import create_workshop
from exercises.model import Exercise
from ui.capture.context import StepContext, step_context
from ui.capture.rate_panel import RatePanel
from ui.capture.rate_results import RateResults
from ui.capture.registry import make_panel, make_results
from ui.store import Store

from .conftest import focus, shown, type_in_open_editor

KEY, STEP = "aligned_proactive_collaborative", "three_qualities"
Key = Qt.Key


def _context(store: Store, exercise: Exercise, people: int) -> StepContext:
    workshop_id = create_workshop(store.db, title="Away day").id
    add_exercise(store.db, workshop_id, exercise)
    for name in ("Ana", "Tomás", "", "Lena")[:people]:
        add_participant(store.db, workshop_id, name=name, vantage_point="" if name else "funder")
    plan = agenda_plan(store.db, workshop_id)
    return step_context(plan, plan.items[0].item_id, STEP)


def _variant(store: Store, **capture: object) -> Exercise:
    """The built-in exercise with its rate step's capture changed."""
    data = store.library.library.get(KEY).model_dump(mode="json")
    data["steps"][0]["capture"].update(capture)
    return Exercise.model_validate_json(json.dumps(data))


def _panel(qtbot: QtBot, store: Store, context: StepContext, stack: QUndoStack) -> RatePanel:
    panel = make_panel(store, context, stack)
    assert isinstance(panel, RatePanel)
    shown(qtbot, panel)
    panel.focus_entry()
    qtbot.waitUntil(panel.grid.hasFocus)
    return panel


def _means(store: Store, context: StepContext) -> dict[str, float | None]:
    summaries = rating_summary(store.db, context.agenda_item_id, context.step_key)
    return {s.key: s.mean for s in summaries}


def _type_cards(qtbot: QtBot, panel: RatePanel, cards: list[str]) -> None:
    """Each card's numbers typed along its row: "4", Tab, "2", Tab, "2", Enter."""
    for card in cards:
        for number, digit in enumerate(card):
            qtbot.keyClicks(panel.grid, digit)
            qtbot.keyClick(panel.grid, Key.Key_Tab if number < len(card) - 1 else Key.Key_Return)


@pytest.fixture
def context(store: Store) -> StepContext:
    return _context(store, store.library.library.get(KEY), people=4)


def test_typed_cards_are_saved_and_the_chart_and_reading_follow(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    panel = _panel(qtbot, store, context, undo_stack)
    assert [panel.model.headerData(r, Qt.Orientation.Vertical, 0) for r in range(4)] == [
        "Ana", "Tomás", "funder", "Lena"
    ]  # fmt: skip
    assert panel.reading.text().startswith("No reading yet: rate at least once on Aligned")
    _type_cards(qtbot, panel, ["422", "421", "332", "513"])
    assert panel.grid.currentIndex().row() == 3  # Enter on the last row stays there
    summaries = rating_summary(store.db, context.agenda_item_id, STEP)
    assert [(s.mean, s.count) for s in summaries] == [(4.0, 4), (2.0, 4), (2.0, 4)]
    assert summaries[0].stdev == pytest.approx(0.7071, abs=1e-4)
    assert panel.chart.summaries == summaries
    assert "Aligned, but neither proactive nor collaborative" in panel.reading.text()
    assert panel.model.index(1, 2).data() == "1"
    assert undo_stack.count() == 12


def test_a_number_out_of_range_is_refused_and_nothing_is_saved(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    panel = _panel(qtbot, store, context, undo_stack)
    qtbot.keyClicks(panel.grid, "3")
    qtbot.keyClicks(panel.grid, "7")  # 37 is no rating, and neither is 7 alone
    assert panel.message.isVisible()
    assert panel.message.text() == "Aligned takes a value from 1 to 5."
    assert list(list_ratings(store.db, context.agenda_item_id, STEP).values()) == [3.0]
    qtbot.keyClick(panel.grid, Key.Key_Tab)
    qtbot.keyClicks(panel.grid, "0")
    assert panel.message.text() == "Proactive takes a value from 1 to 5."
    qtbot.keyClicks(panel.grid, "4")  # a good number clears the message
    assert not panel.message.isVisible()
    assert _means(store, context) == {"aligned": 3.0, "proactive": 4.0, "collaborative": None}


def test_a_second_digit_replaces_the_first_when_together_they_are_out_of_range(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    panel = _panel(qtbot, store, context, undo_stack)
    qtbot.keyClicks(panel.grid, "45")
    assert _means(store, context)["aligned"] == 5.0


def test_backspace_clears_and_undo_redo_walk_through_every_change(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    panel = _panel(qtbot, store, context, undo_stack)
    qtbot.keyClicks(panel.grid, "4")
    qtbot.keyClick(panel.grid, Key.Key_Return)
    qtbot.keyClicks(panel.grid, "2")
    assert _means(store, context)["aligned"] == 3.0
    qtbot.keyClick(panel.grid, Key.Key_Backspace)
    assert _means(store, context)["aligned"] == 4.0
    assert panel.model.index(1, 0).data() == ""
    qtbot.keyClick(panel.grid, Key.Key_Up)
    qtbot.keyClick(panel.grid, Key.Key_Delete)  # the Clear rating action
    assert _means(store, context)["aligned"] is None
    assert panel.chart.summaries[0].count == 0
    undo_stack.undo()
    assert panel.model.index(0, 0).data() == "4"
    undo_stack.undo()
    undo_stack.undo()
    assert _means(store, context)["aligned"] == 4.0
    undo_stack.redo()
    assert _means(store, context)["aligned"] == 3.0
    assert panel.chart.summaries[0].values == (2.0, 4.0)


def test_a_negative_scale_takes_several_digits_as_one_undo_step(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    scales = [{"key": "mood", "label": "Mood", "low": -100, "high": 100}]
    context = _context(store, _variant(store, scales=scales, interpretations=[]), people=2)
    panel = _panel(qtbot, store, context, undo_stack)
    assert not panel.reading_area.isVisibleTo(panel)  # this step offers no readings
    qtbot.keyClicks(panel.grid, "-20")
    assert panel.model.index(0, 0).data() == "-20"
    qtbot.keyClick(panel.grid, Key.Key_Return)
    qtbot.keyClicks(panel.grid, "100")
    assert _means(store, context)["mood"] == 40.0
    assert undo_stack.count() == 2
    undo_stack.undo()
    undo_stack.undo()
    assert list_ratings(store.db, context.agenda_item_id, STEP) == {}
    qtbot.keyClicks(panel.grid, "-")  # held until a digit follows: nothing saved yet
    assert list_ratings(store.db, context.agenda_item_id, STEP) == {}


def test_f2_takes_a_decimal_and_refuses_words(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    panel = _panel(qtbot, store, context, undo_stack)
    qtbot.keyClick(panel.grid, Key.Key_F2)
    type_in_open_editor(qtbot, "3.5")
    assert _means(store, context)["aligned"] == 3.5
    assert panel.model.index(0, 0).data() == "3.5"
    focus(qtbot, panel.grid)
    qtbot.keyClick(panel.grid, Key.Key_F2)
    type_in_open_editor(qtbot, "lots")
    assert "“lots” is not a number" in panel.message.text()
    assert _means(store, context)["aligned"] == 3.5


def test_a_room_without_participants_rates_as_one_group(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = _context(store, store.library.library.get(KEY), people=0)
    panel = _panel(qtbot, store, context, undo_stack)
    assert panel.model.rowCount() == 1
    assert panel.model.headerData(0, Qt.Orientation.Vertical, 0) == "Group"
    qtbot.keyClicks(panel.grid, "2")
    assert list_ratings(store.db, context.agenda_item_id, STEP) == {(None, "aligned"): 2.0}


def test_a_group_step_lists_only_the_group_even_with_participants(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = _context(store, _variant(store, per_participant=False), people=3)
    panel = _panel(qtbot, store, context, undo_stack)
    assert [r.participant_id for r in panel.model.raters] == [None]
    _type_cards(qtbot, panel, ["132"])
    assert _means(store, context) == {"aligned": 1.0, "proactive": 3.0, "collaborative": 2.0}
    assert "neither aligned nor collaborative" in panel.reading.text()


def test_a_new_participant_appears_as_a_row_while_the_panel_is_open(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    panel = _panel(qtbot, store, context, undo_stack)
    qtbot.keyClick(panel.grid, Key.Key_Down)
    store.apply(add_participant, context.workshop_id, name="Kofi")
    assert panel.model.headerData(4, Qt.Orientation.Vertical, 0) == "Kofi"
    assert panel.grid.currentIndex().row() == 1  # the cursor stayed on Tomás


def test_the_projector_view_follows_the_ratings(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    view = make_results(store, context)
    assert isinstance(view, RateResults)
    qtbot.addWidget(view)
    panel = _panel(qtbot, store, context, undo_stack)
    _type_cards(qtbot, panel, ["111", "121"])
    assert view.chart.summaries == panel.chart.summaries
    assert [s.mean for s in view.chart.summaries] == [1.0, 1.5, 1.0]
    reading = view.findChild(QLabel, "rate_results_reading")
    assert isinstance(reading, QLabel)
    assert reading.text().startswith("All three are low")
    font = view.font()
    font.setPointSizeF(30)
    view.setFont(font)  # the projector's large type: the chart grows with it
    assert view.chart.font().pointSizeF() == 30 * 1.5
