"""The cards panel in the room: drafts that survive, refusals that keep the words, Ctrl+Z
after Enter, a whole check-in round by keyboard, the projector view, and 2,000 cards."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.services.cards import add_card, delete_card, list_cards
from app.services.drafts import draft_key, load_draft
from ui.capture.cards_panel import CardsPanel
from ui.capture.cards_results import EMPTY, CardsResults
from ui.capture.registry import make_panel, make_results
from ui.store import Store

from .conftest import shown, type_in_open_editor
from .test_cards_panel import CHECK_IN, VISION, cards, open_panel, shown_texts, step, type_card

Key = Qt.Key


def test_typed_text_is_kept_as_a_draft_and_comes_back_in_a_new_panel(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN)
    key = draft_key("cards", context.agenda_item_id, context.step_key)
    panel = open_panel(qtbot, store, undo_stack, context)
    qtbot.keyClicks(panel.entry, "Half a sent")
    qtbot.waitUntil(lambda: load_draft(store.db, key) == "Half a sent")  # after a pause
    qtbot.keyClicks(panel.entry, "ence")
    panel.commit_pending()  # the step changes or the window closes
    assert load_draft(store.db, key) == "Half a sentence"
    again = open_panel(qtbot, store, QUndoStack(), context)
    assert again.entry.text() == "Half a sentence"
    qtbot.keyClick(again.entry, Key.Key_Return)
    assert cards(store, context) == [("Half a sentence", None, None)]
    assert load_draft(store.db, key) is None


def test_a_draft_is_saved_when_the_focus_leaves_the_box(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN)
    key = draft_key("cards", context.agenda_item_id, context.step_key)
    panel = open_panel(qtbot, store, undo_stack, context)
    add_card(store.db, context.agenda_item_id, context.step_key, "Already there")
    qtbot.keyClicks(panel.entry, "Still typing")
    qtbot.keyClick(panel.entry, Key.Key_Up)  # to the cards
    assert panel.columns[0].list.hasFocus()
    assert load_draft(store.db, key) == "Still typing"


def test_a_refused_card_keeps_its_text_in_the_box(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN)
    panel = open_panel(qtbot, store, undo_stack, context)
    essay = "word " * 4001  # more than a card may hold
    panel.entry.setText(essay)
    qtbot.keyClick(panel.entry, Key.Key_Return)
    assert cards(store, context) == []
    assert panel.entry.text() == essay
    assert "too long" in panel.message.text()
    assert undo_stack.count() == 0


def test_ctrl_z_right_after_enter_undoes_the_card(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    """The window's Undo reaches the stack: the emptied box keeps no undo of its own."""
    context = step(store, CHECK_IN)
    window = QWidget()
    undo = QAction("Undo", window)
    undo.setShortcuts(QKeySequence.StandardKey.Undo)
    undo.triggered.connect(undo_stack.undo)
    window.addAction(undo)
    panel = CardsPanel(store, context, undo_stack)
    QVBoxLayout(window).addWidget(panel)
    shown(qtbot, window)
    panel.focus_entry()
    qtbot.waitUntil(panel.entry.hasFocus)
    type_card(qtbot, panel, "Oops")
    qtbot.keyClick(panel.entry, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert cards(store, context) == []
    assert shown_texts(panel) == []


def test_a_check_in_round_by_keyboard_only(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN, ("Ana Ribeiro", "Andrés", "Bea", "Chidi"))
    panel = make_panel(store, context, undo_stack)
    assert isinstance(panel, CardsPanel)
    shown(qtbot, panel)
    panel.focus_entry()
    qtbot.waitUntil(panel.entry.hasFocus)
    assert "not heard yet: Ana Ribeiro, Andrés, Bea, Chidi" in panel.count_label.text()
    type_card(qtbot, panel, "Tired but curious")  # the facilitator goes first, unnamed
    qtbot.keyClicks(panel.entry, "@ana")
    qtbot.keyClick(panel.entry, Key.Key_Tab)
    type_card(qtbot, panel, "Hopeful")
    type_card(qtbot, panel, "@andres Pass")
    type_card(qtbot, panel, "@Bea Ready to go, a bit nervos")
    assert "not heard yet: Chidi" in panel.count_label.text()
    qtbot.keyClick(panel.entry, Key.Key_F2)  # fix the typo in the card just added
    type_in_open_editor(qtbot, "Ready to go, a bit nervous")
    qtbot.waitUntil(panel.entry.hasFocus)
    type_card(qtbot, panel, "Glad to be here @chi")
    assert cards(store, context) == [
        ("Tired but curious", None, None),
        ("Hopeful", "Ana Ribeiro", None),
        ("Pass", "Andrés", None),
        ("Ready to go, a bit nervous", "Bea", None),
        ("Glad to be here", "Chidi", None),
    ]
    assert panel.count_label.text() == "5 cards · everyone named has spoken"
    assert panel.entry.hasFocus()


def test_the_projector_shows_the_words_in_their_columns_without_authors(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, VISION, ("Ana",))
    results = make_results(store, context)
    assert isinstance(results, CardsResults)
    qtbot.addWidget(results)
    results.resize(1280, 480)
    assert EMPTY in results.shown_texts()
    panel = open_panel(qtbot, store, undo_stack, context)
    type_card(qtbot, panel, "@Ana We trust each other #vision")
    type_card(qtbot, panel, "Nobody owns the rota #reality")
    qtbot.waitUntil(lambda: "Nobody owns the rota" in results.shown_texts())
    assert [c.title for c in results.shown_columns()] == [
        "What we deeply want to create",
        "Hard truths about today",
    ]
    assert [r.text for r in results.board.columns[0].rows] == ["We trust each other"]
    assert [r.text for r in results.board.columns[1].rows] == ["Nobody owns the rota"]
    assert "We trust each other" in results.shown_texts()
    assert not any("Ana" in text for text in results.shown_texts())  # never who said it
    assert EMPTY not in results.shown_texts()
    undo_stack.undo()
    assert [r.text for r in results.board.columns[1].rows] == []
    qtbot.waitUntil(lambda: "Nobody owns the rota" not in results.shown_texts())


def test_changes_made_elsewhere_show_up_in_the_panel(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN)
    panel = open_panel(qtbot, store, undo_stack, context)
    changes = store.apply(add_card, context.agenda_item_id, context.step_key, "From elsewhere")
    assert changes is not None
    assert shown_texts(panel) == ["From elsewhere"]
    store.apply(delete_card, changes.id)
    assert shown_texts(panel) == []
    assert panel.count_label.text() == "No cards yet"


@pytest.mark.slow
def test_two_thousand_cards_through_the_box_never_reload_the_board(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN)
    panel = open_panel(qtbot, store, undo_stack, context)
    model = panel.columns[0].model
    resets: list[int] = []
    model.modelReset.connect(lambda: resets.append(1))
    for number in range(1, 2001):
        panel.entry.setText(f"Card number {number}")
        qtbot.keyClick(panel.entry, Key.Key_Return)
    assert resets == []
    assert len(model.rows) == 2000
    assert panel.count_label.text() == "2,000 cards"
    qtbot.keyClicks(panel.entry, "One more")
    qtbot.keyClick(panel.entry, Key.Key_Return)
    # handled within the key press itself: no event loop turn needed to see the new row
    assert model.rows[-1].text == "One more"
    assert panel.count_label.text() == "2,001 cards"
    assert panel.entry.text() == ""
    assert panel.entry.hasFocus()
    assert resets == []
    stored = list_cards(store.db, context.agenda_item_id, context.step_key)
    assert len(stored) == 2001
    assert [c.text for c in stored[:2]] == ["Card number 1", "Card number 2"]
