"""The cards panel, driven by the keyboard: add, name who and where, edit, delete, move, drafts,
and the hot path (thousands of cards, one row inserted per card, never a reload)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from app.db.models import Participant
from app.services.agenda import add_exercise, agenda_plan
from app.services.cards import list_cards
from app.services.participants import add_participant, list_participants
from app.services.workshops import create_workshop
from exercises.library import builtin_library
from ui.capture.cards_panel import CardsPanel
from ui.capture.context import StepContext, step_context
from ui.store import Store

from .conftest import focus, shown, type_in_open_editor

Key = Qt.Key
Ctrl = Qt.KeyboardModifier.ControlModifier
CtrlShift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
VISION = ("vision_and_current_reality", "vision_reality")
CHECK_IN = ("check_in_check_out", "check_in")


def step(store: Store, which: tuple[str, str], people: tuple[str, ...] = ()) -> StepContext:
    workshop_id = create_workshop(store.db, title="Away day").id
    add_exercise(store.db, workshop_id, builtin_library().get(which[0]))
    for name in people:
        add_participant(store.db, workshop_id, name=name)
    plan = agenda_plan(store.db, workshop_id)
    return step_context(plan, plan.items[0].item_id, which[1])


def open_panel(qtbot: QtBot, store: Store, stack: QUndoStack, context: StepContext) -> CardsPanel:
    panel = CardsPanel(store, context, stack)
    shown(qtbot, panel)
    panel.focus_entry()
    qtbot.waitUntil(panel.entry.hasFocus)
    return panel


def type_card(qtbot: QtBot, panel: CardsPanel, text: str) -> None:
    qtbot.keyClicks(panel.entry, text)
    qtbot.keyClick(panel.entry, Key.Key_Return)


def cards(store: Store, context: StepContext) -> list[tuple[str, str | None, str | None]]:
    """(text, author's name, column) of each card of the step, in board order."""
    names = {p.id: p.name for p in _people(store, context)}
    return [
        (c.text, names.get(c.author_id) if c.author_id else None, c.category)
        for c in list_cards(store.db, context.agenda_item_id, context.step_key)
    ]


def _people(store: Store, context: StepContext) -> list[Participant]:
    return list_participants(store.db, context.workshop_id)


def shown_texts(panel: CardsPanel, column: int = 0) -> list[str]:
    return [row.text for row in panel.columns[column].model.rows]


def test_enter_adds_each_card_and_keeps_the_focus_in_the_box(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN)
    panel = open_panel(qtbot, store, undo_stack, context)
    assert panel.count_label.text() == "No cards yet"
    for text in ("Tired", "Curious", "Ready to go"):
        type_card(qtbot, panel, text)
        assert panel.entry.hasFocus()
        assert panel.entry.text() == ""
    assert cards(store, context) == [(t, None, None) for t in ("Tired", "Curious", "Ready to go")]
    assert shown_texts(panel) == ["Tired", "Curious", "Ready to go"]
    assert panel.count_label.text().startswith("3 cards")
    qtbot.keyClick(panel.entry, Key.Key_Return)  # an empty box adds nothing
    qtbot.keyClicks(panel.entry, "   ")
    qtbot.keyClick(panel.entry, Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert len(cards(store, context)) == 3
    undo_stack.undo()
    assert [c[0] for c in cards(store, context)] == ["Tired", "Curious"]
    assert shown_texts(panel) == ["Tired", "Curious"]
    undo_stack.redo()
    assert shown_texts(panel) == ["Tired", "Curious", "Ready to go"]


def test_a_name_and_a_column_typed_with_the_card(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, VISION, ("Ana", "Andrés", "Bea Lindqvist"))
    panel = open_panel(qtbot, store, undo_stack, context)
    type_card(qtbot, panel, "@ana Great idea #vision")
    type_card(qtbot, panel, "Handovers are rushed #hard")  # the start of a column's label
    type_card(qtbot, panel, "@lindqvist: Two posts are vacant")  # a surname, and a colon
    assert cards(store, context) == [
        ("Great idea", "Ana", "vision"),
        ("Handovers are rushed", None, "reality"),
        ("Two posts are vacant", "Bea Lindqvist", "reality"),  # the column stays for the next
    ]
    assert shown_texts(panel, 0) == ["Great idea"]
    assert shown_texts(panel, 1) == ["Handovers are rushed", "Two posts are vacant"]
    assert panel.columns[1].note.text() == "2 cards · #reality · new cards go here"
    assert not panel.message.isVisible()


def test_a_name_that_is_unclear_or_unknown_stays_in_the_text_and_the_card_is_added(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN, ("Ana", "Andrés"))
    panel = open_panel(qtbot, store, undo_stack, context)
    type_card(qtbot, panel, "@An Hello there")
    assert cards(store, context) == [("@An Hello there", None, None)]
    assert "“Ana” or “Andrés”" in panel.message.text()
    assert panel.message.isVisible()
    type_card(qtbot, panel, "Fine thanks @Zoe")
    assert cards(store, context)[-1] == ("Fine thanks @Zoe", None, None)
    assert "No participant is called “Zoe”" in panel.message.text()
    type_card(qtbot, panel, "#1 is our weakest link")  # no columns here: # is just a character
    assert cards(store, context)[-1] == ("#1 is our weakest link", None, None)
    assert not panel.message.isVisible()


def test_a_name_alone_waits_for_the_words_and_a_column_alone_switches_the_column(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, VISION, ("Ana",))
    panel = open_panel(qtbot, store, undo_stack, context)
    type_card(qtbot, panel, "@Ana")
    assert cards(store, context) == []
    assert panel.entry.text() == "@Ana"
    assert "Now type what Ana said" in panel.message.text()
    panel.entry.clear()
    assert "What we deeply want to create" in panel.entry.placeholderText()
    type_card(qtbot, panel, "#reality")
    assert panel.entry.text() == ""
    assert "Hard truths about today" in panel.entry.placeholderText()
    type_card(qtbot, panel, "Nobody reads the reports")
    assert cards(store, context) == [("Nobody reads the reports", None, "reality")]


def test_tab_completes_a_name_and_a_column(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, VISION, ("Ana Ribeiro", "Bea"))
    panel = open_panel(qtbot, store, undo_stack, context)
    qtbot.keyClicks(panel.entry, "@an")
    assert panel.entry.suggestions.isVisible()
    qtbot.keyClick(panel.entry, Key.Key_Tab)
    assert panel.entry.text() == "@Ana_Ribeiro "
    assert panel.entry.hasFocus()
    qtbot.keyClicks(panel.entry, "More time together #rea")
    qtbot.keyClick(panel.entry, Key.Key_Tab)
    assert panel.entry.text() == "@Ana_Ribeiro More time together #reality "
    qtbot.keyClick(panel.entry, Key.Key_Return)
    assert cards(store, context) == [("More time together", "Ana Ribeiro", "reality")]


def test_edit_in_place_with_f2_and_undo_it(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN, ("Ana", "Bea"))
    panel = open_panel(qtbot, store, undo_stack, context)
    type_card(qtbot, panel, "Tierd")
    type_card(qtbot, panel, "Calm")
    listing = panel.columns[0].list
    focus(qtbot, listing)
    listing.setCurrentIndex(panel.columns[0].model.index(0, 0))
    qtbot.keyClick(listing, Key.Key_F2)
    type_in_open_editor(qtbot, "Tired @bea")  # a name in the edit says who said it
    assert cards(store, context) == [("Tired", "Bea", None), ("Calm", None, None)]
    assert shown_texts(panel) == ["Tired", "Calm"]
    undo_stack.undo()  # one step: the text and the name
    assert cards(store, context) == [("Tierd", None, None), ("Calm", None, None)]


def test_f2_from_the_box_edits_the_last_card_and_comes_back_to_the_box(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN)
    panel = open_panel(qtbot, store, undo_stack, context)
    type_card(qtbot, panel, "First")
    type_card(qtbot, panel, "Secnod")
    qtbot.keyClick(panel.entry, Key.Key_F2)
    type_in_open_editor(qtbot, "Second")
    assert [c[0] for c in cards(store, context)] == ["First", "Second"]
    qtbot.waitUntil(panel.entry.hasFocus)


def test_delete_a_card_and_undo_brings_it_back_in_its_place(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN)
    panel = open_panel(qtbot, store, undo_stack, context)
    for text in ("One", "Two", "Three"):
        type_card(qtbot, panel, text)
    qtbot.keyClicks(panel.entry, "Fo")
    qtbot.keyClick(panel.entry, Key.Key_Left)
    qtbot.keyClick(panel.entry, Key.Key_Delete)  # in the box, Delete deletes a character
    assert panel.entry.text() == "F"
    assert len(cards(store, context)) == 3
    qtbot.keyClick(panel.entry, Key.Key_Up)  # up into the cards: the last one is current
    listing = panel.columns[0].list
    assert listing.hasFocus()
    qtbot.keyClick(listing, Key.Key_Up)
    assert listing.currentIndex().row() == 1
    qtbot.keyClick(listing, Key.Key_Delete)
    assert [c[0] for c in cards(store, context)] == ["One", "Three"]
    assert panel.count_label.text().startswith("2 cards")
    assert listing.currentIndex().data() == "Three"  # the next card is ready for another Delete
    undo_stack.undo()
    assert [c[0] for c in cards(store, context)] == ["One", "Two", "Three"]
    assert shown_texts(panel) == ["One", "Two", "Three"]
    qtbot.keyClick(listing, Key.Key_Escape)
    assert panel.entry.hasFocus()
    assert panel.entry.text() == "F"


def test_move_a_card_between_columns_from_the_keyboard(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, VISION)
    panel = open_panel(qtbot, store, undo_stack, context)
    type_card(qtbot, panel, "We listen to each other")
    type_card(qtbot, panel, "Meetings overrun")
    qtbot.keyClicks(panel.entry, "the word")
    qtbot.keyClick(panel.entry, Key.Key_Left, Ctrl)  # in the box: the word before, no move
    assert panel.entry.cursorPosition() == len("the ")
    assert cards(store, context)[1] == ("Meetings overrun", None, "vision")
    panel.entry.clear()
    qtbot.keyClick(panel.entry, Key.Key_Up)  # into the column, on the card just added
    vision = panel.columns[0].list
    assert vision.hasFocus()
    assert vision.currentIndex().data() == "Meetings overrun"
    qtbot.keyClick(vision, Key.Key_Right, Ctrl)
    assert cards(store, context)[1] == ("Meetings overrun", None, "reality")
    reality = panel.columns[1].list
    assert reality.hasFocus()
    assert reality.currentIndex().data() == "Meetings overrun"
    qtbot.keyClick(reality, Key.Key_Right, Ctrl)  # no column further right: nothing happens
    qtbot.keyClick(reality, Key.Key_Left)  # plain Left goes to the column on the left
    assert vision.hasFocus()
    undo_stack.undo()
    assert cards(store, context)[1] == ("Meetings overrun", None, "vision")
    assert shown_texts(panel, 0) == ["We listen to each other", "Meetings overrun"]
    assert shown_texts(panel, 1) == []
    qtbot.keyClick(vision, Key.Key_N, CtrlShift)  # New card: back to the box
    assert panel.entry.hasFocus()


def test_the_vision_and_reality_board_shows_two_columns(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, VISION)
    panel = open_panel(qtbot, store, undo_stack, context)
    shown_columns = [c for c in panel.columns if c.isVisible()]
    assert [c.title.text() for c in shown_columns] == [
        "What we deeply want to create",
        "Hard truths about today",
    ]
    assert shown_columns[0].x() < shown_columns[1].x()
    assert shown_columns[0].y() == shown_columns[1].y()
    assert "#column" in panel.hint.text()


def test_choose_who_said_it_from_the_keyboard(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN, ("Ana", "Bea"))
    panel = open_panel(qtbot, store, undo_stack, context)
    type_card(qtbot, panel, "@Ana Calm")
    qtbot.keyClick(panel.entry, Key.Key_A, CtrlShift)  # from the box: the last card added
    dialog = panel.edits.author_dialog
    assert dialog is not None
    names = [dialog.choices.item(row).text() for row in range(dialog.choices.count())]
    assert names == ["Nobody (anonymous)", "Ana", "Bea"]
    assert dialog.chosen() == _people(store, context)[0].id  # Ana, as now
    qtbot.waitUntil(dialog.choices.hasFocus)
    qtbot.keyClick(dialog.choices, Key.Key_Down)
    qtbot.keyClick(dialog.choices, Key.Key_Return)
    assert cards(store, context) == [("Calm", "Bea", None)]
    assert panel.columns[0].model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "Calm\n— Bea"
    qtbot.waitUntil(panel.entry.hasFocus)
    undo_stack.undo()
    assert cards(store, context) == [("Calm", "Ana", None)]
