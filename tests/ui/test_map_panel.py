"""The map capture panel, driven from the keyboard (and once by mouse), checked in the database."""

import itertools

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from app.services.agenda import add_exercise, agenda_plan
from app.services.drafts import load_draft
from app.services.system_map import MapView, add_link, add_node, system_map
from app.services.workshops import create_workshop
from exercises.library import builtin_library
from tests.ui.conftest import focus, shown
from ui.capture.context import StepContext, step_context
from ui.capture.map_layout import overlap
from ui.capture.map_panel import HINT, MapPanel
from ui.capture.map_results import EMPTY, MapResults
from ui.capture.map_text import parse_actor
from ui.capture.registry import make_panel, make_results
from ui.store import Store

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
KINDS = ("person", "team", "organisation", "community")
# The name completion's popup asks for the keyboard, which the offscreen platform cannot give.


@pytest.fixture
def context(store: Store) -> StepContext:
    """The map step of "see the larger system" (kinds: person, team, organisation, community)."""
    wid = create_workshop(store.db, title="Discharge delays").id
    add_exercise(store.db, wid, builtin_library().get("see_the_larger_system"))
    plan = agenda_plan(store.db, wid)
    return step_context(plan, plan.items[0].item_id, "map")


@pytest.fixture
def panel(qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack) -> MapPanel:
    made = MapPanel(store, context, undo_stack)
    shown(qtbot, made)
    return made


def stored(store: Store, context: StepContext) -> MapView:
    return system_map(store.db, context.agenda_item_id, context.step_key)


def node_id(store: Store, context: StepContext, label: str) -> int:
    found = [n.id for n in stored(store, context).nodes if n.label == label]
    assert len(found) == 1 and found[0] is not None, label
    return found[0]


def links(store: Store, context: StepContext) -> set[tuple[str, str, str]]:
    view = stored(store, context)
    names = {n.id: n.label for n in view.nodes}
    return {(names[x.source_id], names[x.target_id], x.label) for x in view.links}


def type_actors(qtbot: QtBot, panel: MapPanel, *names: str) -> None:
    focus(qtbot, panel.entry)
    for name in names:
        qtbot.keyClicks(panel.entry, name)
        qtbot.keyClick(panel.entry, Key.Key_Return)


def press_enter(qtbot: QtBot, edit: QLineEdit) -> None:
    """Enter as a user presses it: to the completion popup when it is open."""
    popup = edit.completer().popup() if edit.completer() else None
    qtbot.keyClick(popup if popup is not None and popup.isVisible() else edit, Key.Key_Return)


def select_by_tab(qtbot: QtBot, panel: MapPanel, label: str) -> None:
    """Tab through the actors on the canvas until `label` is selected."""
    focus(qtbot, panel.canvas)
    for _ in range(len(panel.scene.nodes)):
        qtbot.keyClick(panel.canvas, Key.Key_Tab)
        selected = panel.scene.selected_node_ids()
        if selected and panel.scene.nodes[selected[0]].label == label:
            return
    raise AssertionError(f"Tab never reached {label}")


def no_overlaps(panel: MapPanel) -> bool:
    boxes = panel.scene.boxes()
    return not any(overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


def test_typing_names_adds_actors_with_kinds_without_overlaps(
    qtbot: QtBot, panel: MapPanel, store: Store, context: StepContext
) -> None:
    panel.kind_box.setCurrentIndex(panel.kind_box.findData("team"))
    type_actors(qtbot, panel, "Ward nurses", "Funder #org", "Patients #community", "Pharmacy")
    view = stored(store, context)
    assert [(n.label, n.kind) for n in view.nodes] == [
        ("Ward nurses", "team"),
        ("Funder", "organisation"),
        ("Patients", "community"),
        ("Pharmacy", "team"),
    ]
    assert panel.entry.text() == ""
    assert [item.label for item in panel.scene.nodes.values()] == [n.label for n in view.nodes]
    assert no_overlaps(panel)
    assert undo_stack_texts(panel) == [
        "Add Ward nurses",
        "Add Funder",
        "Add Patients",
        "Add Pharmacy",
    ]


def undo_stack_texts(panel: MapPanel) -> list[str]:
    return [panel.undo_stack.text(i) for i in range(panel.undo_stack.count())]


def test_an_unknown_kind_is_refused_and_the_text_kept(
    qtbot: QtBot, panel: MapPanel, store: Store, context: StepContext
) -> None:
    type_actors(qtbot, panel, "Funder #xyz")
    assert stored(store, context).nodes == ()
    assert panel.entry.text() == "Funder #xyz"
    assert "#organisation" in panel.message.text()


def test_parse_actor() -> None:
    assert parse_actor("  Social care  #Org ", KINDS) == ("Social care", "organisation")
    assert parse_actor("Ward #team", KINDS, "person") == ("Ward", "team")
    assert parse_actor("Ward", KINDS, "person") == ("Ward", "person")
    assert parse_actor("Room #1 is cold", KINDS) == ("Room #1 is cold", "")  # not the last word
    assert parse_actor("Ward #anything", ()) == ("Ward", "anything")  # a step without kinds
    with pytest.raises(ValueError, match="#person"):
        parse_actor("Ward #p #x", KINDS)


def test_keyboard_flow_link_rename_nudge_delete_undo_redo(
    qtbot: QtBot, panel: MapPanel, store: Store, context: StepContext
) -> None:
    """The map step as a facilitator does it: type, Tab, Ctrl+L, F2, arrows, Delete, undo."""
    stack = panel.undo_stack
    type_actors(qtbot, panel, "Ward nurses", "Funder", "Patients", "Pharmacy")

    select_by_tab(qtbot, panel, "Funder")
    qtbot.keyClick(panel.canvas, Key.Key_L, CTRL)
    assert panel.link_bar.isVisible()
    qtbot.waitUntil(panel.link_bar.target.hasFocus)
    qtbot.keyClicks(panel.link_bar.target, "ward nurses")  # any case will do
    press_enter(qtbot, panel.link_bar.target)
    qtbot.waitUntil(panel.link_bar.label.hasFocus)
    qtbot.keyClicks(panel.link_bar.label, "funds")
    press_enter(qtbot, panel.link_bar.label)
    assert links(store, context) == {("Funder", "Ward nurses", "funds")}
    assert not panel.link_bar.isVisible() and panel.canvas.hasFocus()
    link_to(qtbot, panel, "Ward nurses", "Patients", "cares for")

    rename(qtbot, panel, "Funder", "Hospital board #org")
    board = node_id(store, context, "Hospital board")
    assert [n.kind for n in stored(store, context).nodes if n.id == board] == ["organisation"]

    before = next(n for n in stored(store, context).nodes if n.id == board)
    steps = stack.count()
    for key in (Key.Key_Right, Key.Key_Right, Key.Key_Right, Key.Key_Down):
        qtbot.keyClick(panel.canvas, key)
    after = next(n for n in stored(store, context).nodes if n.id == board)
    assert (after.x, after.y) == (before.x + 30, before.y + 10)
    assert stack.count() == steps + 1  # one burst of nudges, one undo step

    delete(qtbot, panel, "Ward nurses")  # both its links go with it
    assert "Ward nurses" not in [n.label for n in stored(store, context).nodes]
    assert links(store, context) == set()
    both = {("Hospital board", "Ward nurses", "funds"), ("Ward nurses", "Patients", "cares for")}
    stack.undo()  # the actor AND its links come back, labels and all
    assert links(store, context) == both
    stack.redo()
    assert links(store, context) == set()
    stack.undo()

    stack.undo()  # the nudge and the rename, on an actor whose link was re-created
    stack.undo()
    funder = next(n for n in stored(store, context).nodes if n.label == "Funder")
    assert (funder.kind, funder.x, funder.y) == ("", before.x, before.y)
    assert ("Funder", "Ward nurses", "funds") in links(store, context)
    stack.undo()  # the second link, then the first
    stack.undo()
    assert links(store, context) == set()
    for _ in range(4):
        stack.redo()
    assert links(store, context) == both


def test_undo_keeps_up_when_sqlite_reuses_a_freed_id(
    qtbot: QtBot, panel: MapPanel, store: Store, context: StepContext
) -> None:
    """Re-created rows get new ids and SQLite hands freed ids out again: a command that held
    Ward's first id would, at the end, rename Pharmacy (which then has that id)."""
    stack = panel.undo_stack
    type_actors(qtbot, panel, "Funder", "Ward", "Pharmacy")
    first_ward_id = node_id(store, context, "Ward")
    rename(qtbot, panel, "Ward", "Ward 7")
    delete(qtbot, panel, "Ward 7")
    stack.undo()  # Ward 7 is back, under a new id
    assert node_id(store, context, "Ward 7") != first_ward_id
    delete(qtbot, panel, "Ward 7")
    delete(qtbot, panel, "Pharmacy")
    type_actors(qtbot, panel, "Clinic")
    assert node_id(store, context, "Clinic") == first_ward_id  # the freed id, taken again
    for _ in range(3):  # Clinic, then Pharmacy (now under Ward's first id), then Ward 7
        stack.undo()
    assert node_id(store, context, "Pharmacy") == first_ward_id
    stack.undo()  # the rename
    assert sorted(n.label for n in stored(store, context).nodes) == ["Funder", "Pharmacy", "Ward"]
    while stack.canRedo():
        stack.redo()
    assert [n.label for n in stored(store, context).nodes] == ["Funder", "Clinic"]


def rename(qtbot: QtBot, panel: MapPanel, label: str, new: str) -> None:
    select_by_tab(qtbot, panel, label)
    qtbot.keyClick(panel.canvas, Key.Key_F2)
    assert panel.canvas.editor is not None
    editor = panel.canvas.editor
    editor.selectAll()
    qtbot.keyClicks(editor, new)
    qtbot.keyClick(editor, Key.Key_Return)


def delete(qtbot: QtBot, panel: MapPanel, label: str) -> None:
    select_by_tab(qtbot, panel, label)
    qtbot.keyClick(panel.canvas, Key.Key_Delete)


def test_links_come_back_with_their_labels_after_a_reused_id(
    qtbot: QtBot, panel: MapPanel, store: Store, context: StepContext
) -> None:
    stack = panel.undo_stack
    type_actors(qtbot, panel, "Funder", "Ward")
    link_to(qtbot, panel, "Funder", "Ward", "funds")
    delete(qtbot, panel, "Ward")
    type_actors(qtbot, panel, "Clinic")
    link_to(qtbot, panel, "Funder", "Clinic", "pays")
    stack.undo()
    stack.undo()
    stack.undo()
    assert links(store, context) == {("Funder", "Ward", "funds")}
    stack.redo()
    stack.redo()
    stack.redo()
    assert links(store, context) == {("Funder", "Clinic", "pays")}


def link_to(qtbot: QtBot, panel: MapPanel, source: str, target: str, label: str) -> None:
    select_by_tab(qtbot, panel, source)
    qtbot.keyClick(panel.canvas, Key.Key_L, CTRL)
    qtbot.keyClicks(panel.link_bar.target, target)
    press_enter(qtbot, panel.link_bar.target)
    qtbot.keyClicks(panel.link_bar.label, label)
    press_enter(qtbot, panel.link_bar.label)


def test_tidy_moves_every_actor_in_one_step_and_undo_puts_them_back(
    qtbot: QtBot, panel: MapPanel, store: Store, context: StepContext
) -> None:
    item, step = context.agenda_item_id, context.step_key
    ids = [add_node(store.db, item, step, f"Actor {i}", x=i * 5, y=0).id for i in range(8)]
    for a, b in itertools.pairwise(ids):
        add_link(store.db, a, b, "talks to")
    panel.reload()
    assert not no_overlaps(panel)
    before = [(n.x, n.y) for n in stored(store, context).nodes]
    focus(qtbot, panel.canvas)
    qtbot.keyClick(panel.canvas, Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
    after = [(n.x, n.y) for n in stored(store, context).nodes]
    assert after != before and no_overlaps(panel)
    assert [(b.x, b.y) for b in panel.scene.boxes()] == after
    assert panel.undo_stack.count() == 1
    panel.undo_stack.undo()
    assert [(n.x, n.y) for n in stored(store, context).nodes] == before


def test_dragging_an_actor_moves_it_and_undo_moves_it_back(
    qtbot: QtBot, panel: MapPanel, store: Store, context: StepContext
) -> None:
    type_actors(qtbot, panel, "Funder")
    start = stored(store, context).nodes[0]
    item = panel.scene.nodes[start.id or 0]
    viewport = panel.canvas.viewport()
    at = panel.canvas.mapFromScene(item.pos())
    left = Qt.MouseButton.LeftButton
    qtbot.mousePress(viewport, left, pos=at)
    for step in range(1, 6):
        qtbot.mouseMove(viewport, at + QPoint(20 * step, 10 * step))
    qtbot.mouseRelease(viewport, left, pos=at + QPoint(100, 50))
    moved = stored(store, context).nodes[0]
    scale = panel.canvas.transform().m11()
    assert moved.x == pytest.approx(start.x + 100 / scale, abs=2)
    assert moved.y == pytest.approx(start.y + 50 / scale, abs=2)
    panel.undo_stack.undo()
    assert (stored(store, context).nodes[0].x, stored(store, context).nodes[0].y) == (
        start.x,
        start.y,
    )


def test_linking_to_a_new_name_adds_the_actor_too_in_one_step(
    qtbot: QtBot, panel: MapPanel, store: Store, context: StepContext
) -> None:
    type_actors(qtbot, panel, "Funder")
    select_by_tab(qtbot, panel, "Funder")
    qtbot.keyClick(panel.canvas, Key.Key_L, CTRL)
    qtbot.keyClicks(panel.link_bar.target, "Charity")
    press_enter(qtbot, panel.link_bar.target)
    qtbot.keyClicks(panel.link_bar.label, "funds")
    press_enter(qtbot, panel.link_bar.label)
    assert links(store, context) == {("Funder", "Charity", "funds")}
    assert no_overlaps(panel)
    panel.undo_stack.undo()
    assert [n.label for n in stored(store, context).nodes] == ["Funder"]


def test_escape_leaves_the_link_bar_and_the_canvas(
    qtbot: QtBot, panel: MapPanel, store: Store, context: StepContext
) -> None:
    type_actors(qtbot, panel, "Funder", "Ward")
    select_by_tab(qtbot, panel, "Ward")
    qtbot.keyClick(panel.canvas, Key.Key_L, CTRL)
    qtbot.keyClicks(panel.link_bar.target, "Fun")
    qtbot.keyClick(panel.link_bar.target, Key.Key_Escape)
    if panel.link_bar.isVisible():  # the first Escape closed the completion popup
        qtbot.keyClick(panel.link_bar.target, Key.Key_Escape)
    assert not panel.link_bar.isVisible() and panel.canvas.hasFocus()
    assert links(store, context) == set()
    qtbot.keyClick(panel.canvas, Key.Key_Escape)
    assert panel.entry.hasFocus()
    panel.scene.clearSelection()
    qtbot.keyClick(panel.entry, Key.Key_Tab)  # into the map, as the hint says
    assert panel.canvas.hasFocus()
    assert [panel.scene.nodes[i].label for i in panel.scene.selected_node_ids()] == ["Funder"]
    qtbot.keyClick(panel.canvas, Key.Key_Escape)
    qtbot.keyClick(panel.entry, Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert panel.kind_box.hasFocus()  # the kind box is one Shift+Tab away


def test_relabel_a_link_with_f2(
    qtbot: QtBot, panel: MapPanel, store: Store, context: StepContext
) -> None:
    item, step = context.agenda_item_id, context.step_key
    a = add_node(store.db, item, step, "Funder", x=0, y=0).id
    b = add_node(store.db, item, step, "Ward", x=400, y=0).id
    add_link(store.db, a, b, "funds")
    panel.reload()
    focus(qtbot, panel.canvas)
    panel.scene.select_only(next(iter(panel.scene.links.values())))
    qtbot.keyClick(panel.canvas, Key.Key_F2)
    assert panel.canvas.editor is not None
    assert panel.canvas.editor.text() == "funds"
    panel.canvas.editor.selectAll()
    qtbot.keyClicks(panel.canvas.editor, "pays for")
    qtbot.keyClick(panel.canvas.editor, Key.Key_Return)
    assert links(store, context) == {("Funder", "Ward", "pays for")}
    panel.undo_stack.undo()
    assert links(store, context) == {("Funder", "Ward", "funds")}


def test_a_half_typed_name_is_kept_as_a_draft(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    first = MapPanel(store, context, undo_stack)
    shown(qtbot, first)
    focus(qtbot, first.entry)
    qtbot.keyClicks(first.entry, "Social ca")
    first.commit_pending()
    key = f"map:{context.agenda_item_id}:{context.step_key}"
    assert load_draft(store.db, key) == "Social ca"
    again = MapPanel(store, context, undo_stack)
    qtbot.addWidget(again)
    assert again.entry.text() == "Social ca"
    focus(qtbot, first.entry)
    qtbot.keyClicks(first.entry, "re")
    qtbot.keyClick(first.entry, Key.Key_Return)
    assert load_draft(store.db, key) is None


def test_nothing_selected_explains_instead_of_doing_nothing(
    qtbot: QtBot, panel: MapPanel, store: Store, context: StepContext
) -> None:
    focus(qtbot, panel.canvas)
    qtbot.keyClick(panel.canvas, Key.Key_L, CTRL)
    assert not panel.link_bar.isVisible()
    assert "select" in panel.message.text().lower()
    type_actors(qtbot, panel, "Funder")
    assert panel.message.text() == HINT


def test_the_projector_view_follows_the_map(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    results = make_results(store, context)
    assert isinstance(results, MapResults)
    shown(qtbot, results)
    assert results.stack.currentWidget() is results.empty and results.empty.text() == EMPTY
    panel = make_panel(store, context, undo_stack)
    assert isinstance(panel, MapPanel)
    shown(qtbot, panel)
    type_actors(qtbot, panel, "Funder", "Ward")
    qtbot.waitUntil(lambda: [n.label for n in results.scene.nodes.values()] == ["Funder", "Ward"])
    assert results.stack.currentWidget() is results.view
    assert not results.scene.nodes[node_id(store, context, "Ward")].flags() & (
        results.scene.nodes[node_id(store, context, "Ward")].GraphicsItemFlag.ItemIsMovable
    )
    qtbot.waitUntil(
        lambda: (
            results.view.mapToScene(results.view.viewport().rect())
            .boundingRect()
            .contains(results.scene.itemsBoundingRect())
        )
    )
    QApplication.processEvents()


def test_a_reopened_panel_shares_the_stack_s_refs(
    qtbot: QtBot, store: Store, context: StepContext, undo_stack: QUndoStack
) -> None:
    """The runner makes a new panel each time the step is shown; undo must still find rows."""
    first = MapPanel(store, context, undo_stack)
    first.resize(900, 640)
    first.show()
    qtbot.waitExposed(first)
    first.activateWindow()
    type_actors(qtbot, first, "Funder", "Ward", "Pharmacy")
    rename(qtbot, first, "Ward", "Ward 7")
    delete(qtbot, first, "Ward 7")
    refs = first.refs
    with qtbot.waitSignal(first.destroyed):
        first.deleteLater()
    again = MapPanel(store, context, undo_stack)
    shown(qtbot, again)
    assert again.refs is refs
    undo_stack.undo()  # Ward 7 back, under a new id
    rename(qtbot, again, "Ward 7", "Ward 9")
    undo_stack.undo()
    undo_stack.undo()  # the rename made in the first panel, on the re-created row
    assert sorted(n.label for n in stored(store, context).nodes) == ["Funder", "Pharmacy", "Ward"]
