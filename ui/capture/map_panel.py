"""The map step: the room's actors and relationships on a canvas, built from the keyboard.

Type a name and Enter to add an actor (a last word like "#team" sets its kind), Tab into the map
and between actors, Ctrl+L to link the selected actor to another by name with a label, arrows to
nudge, F2 to rename, Delete to delete, Ctrl+Shift+L to tidy. The mouse drags and double-clicks.
Every edit is an undo command and is saved at once; the half-typed name is kept as a draft.
"""

import itertools

from PySide6.QtCore import QEvent, QPointF, QTimer
from PySide6.QtGui import QPalette, QShowEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from app.services.changes import Area, Changes
from app.services.drafts import draft_key
from app.services.errors import ServiceError
from app.services.system_map import system_map
from exercises.model import MapCapture
from ui.actions import Scope, build_actions, refresh_icons
from ui.capture.context import StepContext
from ui.capture.entry_draft import EntryDraft
from ui.capture.map_canvas import MapCanvas
from ui.capture.map_commands import (
    MoveNodesCommand,
    Point,
    add_link_command,
    add_linked_node_command,
    add_node_command,
    delete_command,
    relabel_link_command,
    rename_node_command,
)
from ui.capture.map_form import HINT, build_map_layout
from ui.capture.map_items import LinkItem, NodeItem, node_size
from ui.capture.map_layout import free_spot, tidy_layout
from ui.capture.map_link_bar import LinkBar
from ui.capture.map_refs import Ref, map_refs
from ui.capture.map_scene import MapScene
from ui.capture.map_text import parse_actor
from ui.capture.panel import CapturePanel
from ui.store import Store
from ui.theme import tint_text, warning_colour
from ui.undo import push_reporting

_BURSTS = itertools.count(1)  # arrow presses of one burst share a number and merge in undo


class MapPanel(CapturePanel):
    def __init__(
        self,
        store: Store,
        context: StepContext,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, context, undo_stack, parent)
        capture = context.capture
        self.kinds: tuple[str, ...] = capture.node_kinds if isinstance(capture, MapCapture) else ()
        self.refs = map_refs(undo_stack, context)
        self.scene = MapScene(editable=True, parent=self)
        self.canvas = MapCanvas(self.scene)
        self.link_bar = LinkBar()
        self.command_actions = build_actions(self, Scope.MAP)
        self._link_source: Ref | None = None
        self._burst = next(_BURSTS)
        self._burst_timer = QTimer(self, singleShot=True, interval=1500)
        self._fitted = False
        form = build_map_layout(self, self.canvas, self.link_bar, self.kinds, self.command_actions)
        self.entry, self.kind_box, self.message = form.entry, form.kind_box, form.message
        self._say(HINT)
        key = draft_key("map", context.agenda_item_id, context.step_key)
        self.draft = EntryDraft(store, self.entry, key, context.workshop_id)
        self._burst_timer.timeout.connect(self._end_burst)
        self.entry.returnPressed.connect(self._add_actor)
        self.canvas.sig_nudge.connect(self._nudge)
        self.canvas.sig_leave.connect(self.focus_entry)
        self.scene.sig_nodes_dragged.connect(self._dragged)
        self.scene.sig_edit_requested.connect(self._edit_item)
        self.scene.selectionChanged.connect(self._end_burst)
        self.link_bar.sig_link.connect(self._link)
        self.link_bar.sig_cancelled.connect(self.canvas.setFocus)
        store.sig_changed.connect(self._on_changed)
        self.reload()

    # what the base class promises the runner

    def focus_entry(self) -> None:
        self.entry.setFocus()

    def commit_pending(self) -> None:
        self.canvas.finish_inline()
        self.draft.save(now=True)

    # redrawing

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Area.MAP) and changes.workshop_id in (None, self.context.workshop_id):
            self.reload()

    def reload(self) -> None:
        try:
            view = system_map(self.store.db, self.context.agenda_item_id, self.context.step_key)
        except ServiceError:  # the agenda item was removed under us
            return
        self.refs.forget_missing(
            {n.id for n in view.nodes if n.id is not None},
            {link.id for link in view.links if link.id is not None},
        )
        self.scene.show_map(view)
        self.canvas.viewport().update()  # the empty-map hint comes and goes

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            QTimer.singleShot(0, self, self.canvas.fit)

    # handlers of the MAP actions

    def start_link(self) -> None:
        ids = self.scene.selected_node_ids()
        if len(ids) != 1:
            self._say("First select the one actor to link from (Tab in the map).", problem=True)
            return
        self._link_source = self.refs.node(ids[0])
        names = [item.label for i, item in self.scene.nodes.items() if i != ids[0]]
        labels = sorted({link.label for link in self.scene.links.values() if link.label})
        self.link_bar.open(self.scene.nodes[ids[0]].label, names, labels)

    def rename_selected(self) -> None:
        nodes, links = self.scene.selected_node_ids(), self.scene.selected_link_ids()
        if len(nodes) == 1:
            self._edit_item(self.scene.nodes[nodes[0]])
        elif not nodes and len(links) == 1:
            self._edit_item(self.scene.links[links[0]])
        else:
            self._say("Select one actor or one link to rename.", problem=True)

    def delete_selected(self) -> None:
        nodes, links = self.scene.selected_node_ids(), self.scene.selected_link_ids()
        if not nodes and not links:
            self._say("Select actors or links to delete (Tab in the map).", problem=True)
            return
        self._push(delete_command(self.store, self.refs, self.context, nodes, links))

    def tidy(self) -> None:
        boxes = self.scene.boxes()
        places = tidy_layout(boxes, self.scene.link_ends())
        moves = [(self.refs.node(b.id), (b.x, b.y), places[b.id]) for b in boxes]
        if self._push(MoveNodesCommand(self.store, moves, "Tidy the map")):
            self.canvas.fit()

    def fit_view(self) -> None:
        self.canvas.fit()

    # edits

    def _add_actor(self) -> None:
        text = self.entry.text()
        if not text.strip():
            return
        try:
            label, kind = parse_actor(text, self.kinds, str(self.kind_box.currentData() or ""))
        except ValueError as error:
            self._say(str(error), problem=True)
            return
        selected = self.scene.selected_node_ids()
        near = self.scene.nodes[selected[0]].pos() if len(selected) == 1 else None
        at = self._spot(label, kind, near)
        ctx = self.context
        command, ref = add_node_command(self.store, self.refs, ctx, label, kind=kind, at=at)
        if self._push(command):
            self.entry.clear()
            self.draft.committed()
            if ref.id in self.scene.nodes:
                self.canvas.ensureVisible(self.scene.nodes[ref.id])

    def _spot(self, label: str, kind: str, near: QPointF | None) -> Point:
        size = node_size(label, kind, self.scene.font())
        if near is None:
            near = self.canvas.mapToScene(self.canvas.viewport().rect().center())
        return free_spot(self.scene.boxes(), size.width(), size.height(), (near.x(), near.y()))

    def _link(self, name: str, label: str) -> None:
        source = self._link_source
        if source is None or source.id not in self.scene.nodes:
            self.link_bar.hide()
            return
        found = [
            i
            for i, item in self.scene.nodes.items()
            if i != source.id and item.label.casefold() == name.casefold()
        ]
        command: QUndoCommand
        if found:
            command, _ = add_link_command(
                self.store, self.refs, source, self.refs.node(found[0]), label
            )
        else:
            at = self._spot(name, "", self.scene.nodes[source.id].pos())
            ctx = self.context
            command = add_linked_node_command(
                self.store, self.refs, ctx, source, name, at=at, label=label
            )
        if self._push(command):
            self.link_bar.hide()
            self.canvas.setFocus()

    def _edit_item(self, item: NodeItem | LinkItem) -> None:
        if isinstance(item, NodeItem):
            ref, old = self.refs.node(item.node_id), (item.label, item.kind)
            text = f"{item.label} #{item.kind}" if item.kind else item.label
            self.canvas.edit_inline(
                item.scene_rect(), text, lambda typed: self._renamed(ref, old, typed)
            )
        else:
            link_ref, was = self.refs.link(item.link_id), item.label
            over = item.plate_rect() if item.label else item.boundingRect()
            self.canvas.edit_inline(over, was, lambda typed: self._relabelled(link_ref, was, typed))

    def _renamed(self, ref: Ref, old: tuple[str, str], typed: str | None) -> None:
        if typed is None or not typed.strip():
            return
        try:
            new = parse_actor(typed, self.kinds)
        except ValueError as error:
            self._say(str(error), problem=True)
            return
        if new != old:
            self._push(rename_node_command(self.store, ref, old, new))

    def _relabelled(self, ref: Ref, old: str, typed: str | None) -> None:
        if typed is not None and typed.strip() != old:
            self._push(relabel_link_command(self.store, ref, old, typed.strip()))

    def _nudge(self, dx: float, dy: float) -> None:
        self._burst_timer.start()
        moves = [
            (self.refs.node(i), (p.x(), p.y()), (p.x() + dx, p.y() + dy))
            for i in self.scene.selected_node_ids()
            for p in [self.scene.nodes[i].pos()]
        ]
        self._push(MoveNodesCommand(self.store, moves, "Move actor", burst=self._burst))

    def _end_burst(self) -> None:
        self._burst = next(_BURSTS)

    def _dragged(self, moved: list[tuple[int, Point, Point]]) -> None:
        moves = [(self.refs.node(i), old, new) for i, old, new in moved]
        text = "Move actor" if len(moves) == 1 else "Move actors"
        if not self._push(MoveNodesCommand(self.store, moves, text)):
            self.reload()  # put the boxes back where the database has them

    def _push(self, command: QUndoCommand) -> bool:
        refused = push_reporting(self.store, self.undo_stack, command)
        self._say(refused or HINT, problem=bool(refused))
        return refused is None

    def _say(self, text: str, *, problem: bool = False) -> None:
        quiet = self.palette().color(QPalette.ColorRole.PlaceholderText)
        tint_text(self.message, warning_colour(self.palette()) if problem else quiet)
        self.message.setText(text)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "message"):
            refresh_icons(self.command_actions)
            self._say(self.message.text(), problem=self.message.text() != HINT)
        super().changeEvent(event)
