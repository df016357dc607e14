"""The cluster panel, driven by the keyboard and by drag and drop: make a theme from selected
cards, add to a theme by name, rename, merge, ungroup, delete; undo and redo each, checked in
the database through app/services."""

from PySide6.QtCore import QModelIndex, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services.agenda import add_exercise, agenda_plan
from app.services.cards import add_card
from app.services.changes import Area, Changes
from app.services.clusters import create_cluster, list_clusters, unclustered_cards
from app.services.drafts import load_draft
from app.services.votes import add_dots, vote_results
from app.services.workshops import create_workshop
from exercises.library import builtin_library
from ui.capture.cluster_model import FROM_LIST, FROM_THEMES, NAME, encode_cards
from ui.capture.cluster_panel import ClusterPanel
from ui.capture.cluster_results import ClusterResults
from ui.capture.context import StepContext, step_context
from ui.capture.registry import make_panel, make_results
from ui.store import Store

from .conftest import focus, shown, type_in_open_editor

Key = Qt.Key
Shift = Qt.KeyboardModifier.ShiftModifier
Ctrl = Qt.KeyboardModifier.ControlModifier
CtrlShift = Ctrl | Shift
Move = Qt.DropAction.MoveAction
HARVEST = ("Knew why it mattered", "Said what we needed", "Mistakes shared early", "Stand-ups")


def patterns_step(store: Store, cards: tuple[str, ...] = HARVEST) -> StepContext:
    """recall_great_collaboration's patterns step, with `cards` written in its harvest."""
    workshop_id = create_workshop(store.db, title="Away day").id
    add_exercise(store.db, workshop_id, builtin_library().get("recall_great_collaboration"))
    plan = agenda_plan(store.db, workshop_id)
    item = plan.items[0].item_id
    for text in cards:
        add_card(store.db, item, "harvest", text)
    return step_context(plan, item, "patterns")


def open_panel(qtbot: QtBot, store: Store, stack: QUndoStack, context: StepContext) -> ClusterPanel:
    panel = ClusterPanel(store, context, stack)
    shown(qtbot, panel)
    panel.focus_entry()
    qtbot.waitUntil(panel.card_list.hasFocus)
    return panel


def themes(store: Store, context: StepContext) -> list[tuple[str, list[str]]]:
    """(name, card texts) of each live theme, as the database holds them."""
    views = list_clusters(store.db, context.agenda_item_id, context.step_key)
    return [(v.cluster.name, [c.text for c in v.cards]) for v in views]


def loose(store: Store, context: StepContext) -> list[str]:
    return [c.text for c in unclustered_cards(store.db, context.agenda_item_id, context.step_key)]


def card_id(store: Store, context: StepContext, text: str) -> int:
    item = context.agenda_item_id
    cards = unclustered_cards(store.db, item, context.step_key)
    cards += [c for v in list_clusters(store.db, item, context.step_key) for c in v.cards]
    found = next(c.id for c in cards if c.text == text)
    assert found is not None
    return found


def name_theme(qtbot: QtBot, panel: ClusterPanel, name: str) -> None:
    qtbot.waitUntil(panel.bar.line.hasFocus)
    qtbot.keyClicks(panel.bar.line, name)
    qtbot.keyClick(panel.bar.line, Key.Key_Return)


def group(qtbot: QtBot, panel: ClusterPanel, extra_rows: int, name: str) -> None:
    """From the current card in the list, select `extra_rows` more and make a theme."""
    focus(qtbot, panel.card_list)
    for _ in range(extra_rows):
        qtbot.keyClick(panel.card_list, Key.Key_Down, Shift)
    qtbot.keyClick(panel.card_list, Key.Key_N, CtrlShift)
    name_theme(qtbot, panel, name)


def test_selected_cards_become_a_named_theme_by_keyboard_with_undo_and_redo(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    context = patterns_step(store)
    panel = open_panel(qtbot, store, undo_stack, context)
    assert panel.count_label.text() == "4 cards not grouped yet · 0 themes"
    written: list[Changes] = []
    store.sig_changed.connect(written.append)
    group(qtbot, panel, 1, "Trust first")
    assert not any(c.touches(Area.DRAFTS) for c in written)  # a confirmed name is no draft
    assert themes(store, context) == [("Trust first", list(HARVEST[:2]))]
    assert loose(store, context) == list(HARVEST[2:])
    assert not panel.bar.isVisible()
    assert panel.card_list.hasFocus()  # ready for the next selection
    assert panel.selected_card_ids() == [card_id(store, context, HARVEST[2])]
    assert panel.count_label.text() == "2 cards not grouped yet · 1 theme"
    assert panel.themes_model.index(0, NAME).data() == "Trust first"
    theme_id = list_clusters(store.db, context.agenda_item_id, "patterns")[0].cluster.id
    undo_stack.undo()
    assert themes(store, context) == []
    assert loose(store, context) == list(HARVEST)
    undo_stack.redo()
    assert themes(store, context) == [("Trust first", list(HARVEST[:2]))]
    assert list_clusters(store.db, context.agenda_item_id, "patterns")[0].cluster.id == theme_id


def test_the_picker_adds_cards_to_a_theme_or_makes_one_from_a_new_name(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    context = patterns_step(store)
    panel = open_panel(qtbot, store, undo_stack, context)
    group(qtbot, panel, 0, "Trust first")
    qtbot.keyClick(panel.card_list, Key.Key_T, Ctrl)  # the current theme is offered, selected
    qtbot.waitUntil(panel.bar.line.hasFocus)
    assert panel.bar.line.text() == "Trust first"
    assert panel.bar.label.text() == "Add 1 card to theme:"
    qtbot.keyClicks(panel.bar.line, "tru")  # completes the existing name, in any case
    assert panel.bar.line.text() == "trust first"
    qtbot.keyClick(panel.bar.line, Key.Key_Return)
    assert themes(store, context) == [("Trust first", list(HARVEST[:2]))]
    assert undo_stack.undoText() == "Add 1 card to “Trust first”"
    qtbot.keyClick(panel.card_list, Key.Key_T, Ctrl)
    qtbot.waitUntil(panel.bar.line.hasFocus)
    panel.bar.line.clear()
    qtbot.keyClicks(panel.bar.line, "Rhythm")
    qtbot.keyClick(panel.bar.line, Key.Key_Return)
    assert themes(store, context) == [
        ("Trust first", list(HARVEST[:2])),
        ("Rhythm", [HARVEST[2]]),
    ]
    undo_stack.undo()
    undo_stack.undo()
    assert themes(store, context) == [("Trust first", [HARVEST[0]])]
    assert loose(store, context) == list(HARVEST[1:])


def test_escape_closes_the_bar_and_a_typed_name_survives_as_a_draft(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    context = patterns_step(store)
    panel = open_panel(qtbot, store, undo_stack, context)
    qtbot.keyClick(panel.card_list, Key.Key_N, CtrlShift)
    qtbot.waitUntil(panel.bar.line.hasFocus)
    qtbot.keyClick(panel.bar.line, Key.Key_Escape)
    assert not panel.bar.isVisible()
    assert panel.card_list.hasFocus()
    qtbot.keyClick(panel.card_list, Key.Key_N, CtrlShift)
    qtbot.waitUntil(panel.bar.line.hasFocus)
    qtbot.keyClicks(panel.bar.line, "Half a tho")
    panel.commit_pending()  # the runner moves on, or the window closes
    assert load_draft(store.db, panel.draft.key) == "Half a tho"
    again = ClusterPanel(store, context, undo_stack)
    shown(qtbot, again)
    again.focus_entry()
    assert again.bar.isVisible()
    qtbot.waitUntil(again.bar.line.hasFocus)
    assert again.bar.line.text() == "Half a tho"
    qtbot.keyClicks(again.bar.line, "ught")
    qtbot.keyClick(again.bar.line, Key.Key_Return)
    assert themes(store, context) == [("Half a thought", [])]
    assert load_draft(store.db, panel.draft.key) is None


def test_rename_with_f2_merge_ungroup_and_delete_each_undo(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    context = patterns_step(store)
    item = context.agenda_item_id
    panel = open_panel(qtbot, store, undo_stack, context)
    group(qtbot, panel, 1, "Trust first")
    group(qtbot, panel, 0, "Rhythm")
    a, b = (v.cluster.id for v in list_clusters(store.db, item, "patterns"))
    assert a is not None and b is not None
    add_dots(store.db, item, "choose", cluster_id=a, delta=2)
    add_dots(store.db, item, "choose", cluster_id=b, delta=1)

    focus(qtbot, panel.tree)  # rename the current theme (the new one)
    assert panel.current_theme_id() == b
    qtbot.keyClick(panel.tree, Key.Key_F2)
    type_in_open_editor(qtbot, "Daily rhythm")
    assert [name for name, _ in themes(store, context)] == ["Trust first", "Daily rhythm"]
    undo_stack.undo()
    assert [name for name, _ in themes(store, context)] == ["Trust first", "Rhythm"]
    undo_stack.redo()

    panel.select_theme(a)  # keep "Trust first": select "Daily rhythm" too, then merge
    for _ in range(3):  # past Trust first's two cards
        qtbot.keyClick(panel.tree, Key.Key_Down, Ctrl)
    qtbot.keyClick(panel.tree, Key.Key_Space, Ctrl)
    qtbot.keyClick(panel.tree, Key.Key_Up, Ctrl)
    qtbot.keyClick(panel.tree, Key.Key_Up, Ctrl)
    qtbot.keyClick(panel.tree, Key.Key_Up, Ctrl)
    assert panel.current_theme_id() == a
    assert sorted(panel.selected_theme_ids()) == sorted([a, b])
    qtbot.keyClick(panel.tree, Key.Key_M, CtrlShift)
    assert themes(store, context) == [("Trust first", list(HARVEST[:3]))]
    assert [(r.label, r.count) for r in vote_results(store.db, item, "choose").rows] == [
        ("Trust first", 3)
    ]
    undo_stack.undo()
    assert themes(store, context) == [
        ("Trust first", list(HARVEST[:2])),
        ("Daily rhythm", [HARVEST[2]]),
    ]
    assert [(r.label, r.count) for r in vote_results(store.db, item, "choose").rows] == [
        ("Trust first", 2),
        ("Daily rhythm", 1),
    ]
    undo_stack.redo()
    assert themes(store, context) == [("Trust first", list(HARVEST[:3]))]

    panel.tree.setCurrentIndex(panel.themes_model.card_index(card_id(store, context, HARVEST[1])))
    focus(qtbot, panel.tree)
    qtbot.keyClick(panel.tree, Key.Key_G, CtrlShift)
    assert themes(store, context) == [("Trust first", [HARVEST[0], HARVEST[2]])]
    assert loose(store, context) == [HARVEST[1], HARVEST[3]]
    undo_stack.undo()
    assert themes(store, context) == [("Trust first", list(HARVEST[:3]))]

    panel.select_theme(a)
    qtbot.keyClick(panel.tree, Key.Key_Delete)
    assert themes(store, context) == []
    assert loose(store, context) == list(HARVEST)
    undo_stack.undo()
    assert themes(store, context) == [("Trust first", list(HARVEST[:3]))]


def test_undo_puts_a_card_back_under_a_deleted_theme(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    context = patterns_step(store)
    panel = open_panel(qtbot, store, undo_stack, context)
    group(qtbot, panel, 1, "Trust first")
    focus(qtbot, panel.tree)
    qtbot.keyClick(panel.tree, Key.Key_Delete)  # its cards go back to the list, still linked
    assert loose(store, context) == list(HARVEST)
    panel.card_list.setCurrentIndex(panel.cards_model.index(0, 0))
    group(qtbot, panel, 0, "Why")
    assert themes(store, context) == [("Why", [HARVEST[0]])]
    undo_stack.undo()
    undo_stack.undo()  # the deleted theme comes back with both its cards
    assert themes(store, context) == [("Trust first", list(HARVEST[:2]))]


def drop_on(qtbot: QtBot, view: object, at: QPointF, data: object) -> bool:
    """A real drag over `view`'s viewport: enter, move, drop; True when the drop was taken."""
    viewport = view.viewport()  # type: ignore[attr-defined]
    buttons, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at.toPoint(), Move, data, buttons, none)  # type: ignore[arg-type]
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(at.toPoint(), Move, data, buttons, none)  # type: ignore[arg-type]
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(at, Move, data, buttons, none)  # type: ignore[arg-type]
    QApplication.sendEvent(viewport, drop)
    return drop.isAccepted()


def test_drag_and_drop_assigns_makes_a_theme_moves_and_ungroups(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    context = patterns_step(store)
    item = context.agenda_item_id
    create_cluster(store.db, item, "patterns", "Trust first", [card_id(store, context, HARVEST[0])])
    panel = open_panel(qtbot, store, undo_stack, context)
    first, second = (card_id(store, context, t) for t in HARVEST[1:3])

    theme = panel.themes_model.index(0, NAME)  # the model's drop, onto the theme row
    assert panel.themes_model.dropMimeData(
        encode_cards(item, FROM_LIST, [first]), Move, -1, -1, theme
    )
    assert themes(store, context) == [("Trust first", list(HARVEST[:2]))]

    data = encode_cards(item, FROM_LIST, [second])  # kept alive: events hold a plain pointer
    empty = QPointF(20, panel.tree.viewport().height() - 10)
    assert drop_on(qtbot, panel.tree, empty, data)  # empty space: a new theme, name open
    assert themes(store, context)[1] == ("Theme 2", [HARVEST[2]])
    type_in_open_editor(qtbot, "Rhythm")
    assert themes(store, context)[1] == ("Rhythm", [HARVEST[2]])

    moving = encode_cards(item, FROM_THEMES, [first])  # from one theme onto another's card
    target = panel.tree.visualRect(panel.themes_model.card_index(second)).center()
    assert drop_on(qtbot, panel.tree, QPointF(target), moving)
    assert themes(store, context) == [("Trust first", [HARVEST[0]]), ("Rhythm", list(HARVEST[1:3]))]
    undo_stack.undo()
    assert themes(store, context) == [("Trust first", list(HARVEST[:2])), ("Rhythm", [HARVEST[2]])]

    back = encode_cards(item, FROM_THEMES, [second])  # back onto the list: out of its theme
    assert drop_on(qtbot, panel.card_list, QPointF(QPoint(10, 10)), back)
    assert themes(store, context) == [("Trust first", list(HARVEST[:2])), ("Rhythm", [])]
    assert loose(store, context) == [HARVEST[2], HARVEST[3]]
    undo_stack.undo()
    assert themes(store, context)[1] == ("Rhythm", [HARVEST[2]])
    elsewhere = encode_cards(item + 1000, FROM_LIST, [second])  # another step's drag
    assert not panel.themes_model.dropMimeData(elsewhere, Move, -1, -1, QModelIndex())


def test_the_registry_and_the_projector_view_follow_the_board(
    store: Store, undo_stack: QUndoStack, qtbot: QtBot
) -> None:
    context = patterns_step(store)
    assert isinstance(make_panel(store, context, undo_stack), ClusterPanel)
    view = make_results(store, context)
    assert isinstance(view, ClusterResults)
    qtbot.addWidget(view)
    view.resize(1280, 480)
    store.apply(create_cluster, context.agenda_item_id, "patterns", "Trust first", [])
    qtbot.waitUntil(lambda: "Trust first" in view.shown_texts())
    assert "4 cards not grouped yet" in view.shown_texts()
