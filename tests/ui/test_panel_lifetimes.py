"""Capture panels come and go with the step: whatever they leave for later (a refused edit given
back in its cell, the suggestions list of the card box) goes with them, and what one panel holds
is never shared with another one."""

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from app.services.actions import add_action, list_actions
from app.services.agenda import add_exercise, agenda_plan
from app.services.cards import add_card, list_cards
from app.services.common import MAX_TEXT
from app.services.participants import add_participant, list_participants
from app.services.workshops import create_workshop
from exercises.library import builtin_library
from ui.capture.actions_model import FIELDS
from ui.capture.actions_panel import ActionsPanel
from ui.capture.cards_panel import CardsPanel
from ui.capture.cluster_panel import ClusterPanel
from ui.capture.context import StepContext, step_context
from ui.capture.map_commands import MoveNodesCommand
from ui.capture.vote_commands import DotsCommand
from ui.editor.participants_model import FIELDS as PARTICIPANT_FIELDS
from ui.editor.participants_panel import ParticipantsPanel
from ui.store import Store
from ui.undo import MergeId

Role = Qt.ItemDataRole


def _step(store: Store, exercise: str, step: str) -> StepContext:
    workshop_id = create_workshop(store.db, title="Away day").id
    add_exercise(store.db, workshop_id, builtin_library().get(exercise))
    plan = agenda_plan(store.db, workshop_id)
    return step_context(plan, plan.items[0].item_id, step)


def test_a_refused_date_is_not_given_back_to_an_actions_panel_already_gone(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = _step(store, "vision_and_current_reality", "first_steps")
    add_action(store.db, context.workshop_id, "Book the room")
    panel = ActionsPanel(store, context, undo_stack)
    index = panel.model.index(0, FIELDS.index("due"))
    assert not panel.model.setData(index, "whenever", Role.EditRole)  # refused: reopen later
    shiboken6.delete(panel)  # the step changed before the reopen ran
    qtbot.wait(50)  # a reopen on the deleted panel would raise in the event loop
    assert list_actions(store.db, context.workshop_id)[0].due is None


def test_a_refused_card_edit_is_not_given_back_to_a_cards_panel_already_gone(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = _step(store, "check_in_check_out", "check_in")
    add_card(store.db, context.agenda_item_id, "check_in", "Tired")
    panel = CardsPanel(store, context, undo_stack)
    model = panel.columns[0].model
    assert not model.setData(model.index(0, 0), "x" * (MAX_TEXT + 1), Role.EditRole)
    assert panel.message.text()  # why it was refused
    shiboken6.delete(panel)
    qtbot.wait(50)
    assert [c.text for c in list_cards(store.db, context.agenda_item_id, "check_in")] == ["Tired"]


def test_a_refused_name_is_not_given_back_to_a_participants_panel_already_gone(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    workshop_id = create_workshop(store.db, title="Away day").id
    for name in ("Ana", "Bea"):
        add_participant(store.db, workshop_id, name=name)
    panel = ParticipantsPanel(store)
    panel.set_workshop(workshop_id, undo_stack)
    index = panel.model.index(1, PARTICIPANT_FIELDS.index("name"))
    assert not panel.model.setData(index, "Ana", Role.EditRole)  # a name taken: refused
    shiboken6.delete(panel)  # the workshop closed before the reopen ran
    qtbot.wait(50)
    assert [p.name for p in list_participants(store.db, workshop_id)] == ["Ana", "Bea"]


def test_the_card_suggestions_go_with_the_box_even_if_never_shown(
    store: Store, undo_stack: QUndoStack
) -> None:
    context = _step(store, "check_in_check_out", "check_in")
    panel = CardsPanel(store, context, undo_stack)
    suggestions = panel.entry.suggestions
    assert suggestions.parent() is not None  # never a window of its own
    shiboken6.delete(panel)
    assert not shiboken6.isValid(suggestions)


def test_each_cluster_panel_has_its_own_pending_cards(store: Store, undo_stack: QUndoStack) -> None:
    context = _step(store, "recall_great_collaboration", "patterns")
    first = ClusterPanel(store, context, undo_stack)
    second = ClusterPanel(store, context, undo_stack)
    assert first._pending is not second._pending
    assert "_pending" not in vars(ClusterPanel)
    for panel in (first, second):
        shiboken6.delete(panel)


def test_every_merging_command_type_has_its_own_merge_id(store: Store) -> None:
    context = _step(store, "learning_from_what_did_not_work", "choose_lessons")
    dots = DotsCommand(store, context, "cards", 1, label="A card", delta=1)
    nudge = MoveNodesCommand(store, [], "Move actor", burst=1)
    assert dots.id() == MergeId.DOTS
    assert nudge.id() == MergeId.MAP_NUDGE
    assert dots.id() != nudge.id()
    assert len({int(m) for m in MergeId}) == len(MergeId)
