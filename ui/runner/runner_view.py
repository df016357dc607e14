"""Run mode: the agenda rail, the current step with its capture panel, the timer, and the
projector the room sees.

Moving between steps is not an edit, so it is not an undo command: it goes straight through the
store (step_by, go_to_step) and undo stays about what the room produced. Before the step changes,
what is being typed is saved (`commit_pending`). The step pane is rebuilt only when the run's
current step changes, never on a timer tick; the rail redraws on every run or agenda change and
every few seconds, so "behind" appears while the current step runs over.
"""

import datetime as dt

from PySide6.QtCore import QByteArray, QEvent, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from app.services import run_state
from app.services.agenda import AgendaPlan, agenda_plan
from app.services.changes import Area, Changes
from app.services.errors import NotFoundError
from ui.actions import Scope, build_actions, refresh_icons, spec
from ui.capture.context import StepContext, step_context
from ui.capture.panel import CapturePanel
from ui.capture.registry import make_panel
from ui.projector.projector_window import ProjectorWindow
from ui.prompts import Prompts
from ui.runner.agenda_rail import AgendaRail
from ui.runner.projector_link import ProjectorLink
from ui.runner.run_progress import StepPlace, run_progress, step_place
from ui.runner.runner_layout import build_runner_layout, restore_splitters, splitters_state
from ui.runner.step_pane import StepPane
from ui.runner.timer_widget import TimerWidget
from ui.store import Store

PROGRESS_REFRESH_MS = 15_000  # the rail's "behind" line while a step runs over
TOGGLES = ("toggle_script", "toggle_projector", "blank_projector", "projector_results")
PROJECTOR_ONLY = ("blank_projector", "projector_results")
FINISH_QUESTION = (
    "This ends the workshop run: the timer stops and the workshop is marked done. "
    "Everything the room produced stays, ready for the report."
)


class RunnerView(QWidget):
    sig_back_to_planner = Signal(int)  # workshop id: leave run mode

    def __init__(self, store: Store, prompts: Prompts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.prompts = prompts
        self.workshop_id: int | None = None
        self.undo_stack: QUndoStack | None = None
        self.plan: AgendaPlan | None = None
        self.context: StepContext | None = None
        self.run_step_id: int | None = None  # the step the pane shows
        self._shown: tuple[int | None, bool] = (None, False)  # and whether it was on the agenda
        self.panel: CapturePanel | None = None
        self.projector_link = ProjectorLink(store, self)
        self.command_actions = build_actions(self, Scope.RUNNER)
        for action_id in TOGGLES:
            self.command_actions[action_id].setCheckable(True)
        self.command_actions["toggle_script"].setChecked(True)
        self.timer = TimerWidget(store)
        for action in self.timer.command_actions.values():
            self.addAction(action)  # the timer's keys work wherever the focus is in the runner
        self.rail = AgendaRail()
        self.pane = StepPane(self.command_actions["toggle_script"])
        self.pane.set_corner(self.timer)
        self.splitter = build_runner_layout(self, self.command_actions, self.rail, self.pane)
        self.progress_timer = QTimer(self)
        self.progress_timer.setInterval(PROGRESS_REFRESH_MS)
        self.progress_timer.timeout.connect(self._refresh_rail)
        self.store.sig_changed.connect(self._on_changed)
        self.rail.sig_step_chosen.connect(self.go_to_step)
        self.timer.sig_display.connect(self.projector_link.set_timer)
        self.projector_link.sig_closed.connect(self._sync_projector_actions)
        self._update_actions()

    # --- showing a run ---

    def set_workshop(self, workshop_id: int, undo_stack: QUndoStack) -> None:
        """Show the run of `workshop_id` (already started with run_state.start_run)."""
        if workshop_id != self.workshop_id:
            self.commit_pending()
            self.close_projector()
            self.run_step_id = None
        self.workshop_id = workshop_id
        self.undo_stack = undo_stack
        self.timer.set_workshop(workshop_id)
        self._refresh(force=True)
        self.progress_timer.start()

    def _on_changed(self, changes: Changes) -> None:
        ours = self.workshop_id is not None and changes.workshop_id == self.workshop_id
        if ours and changes.touches(Area.RUN, Area.AGENDA):
            self._refresh()

    def _refresh(self, force: bool = False) -> None:
        assert self.workshop_id is not None
        try:
            self.plan = agenda_plan(self.store.db, self.workshop_id)
        except NotFoundError:  # deleted for good while on screen
            self.plan = None
        view = run_state.timer(self.store.db, self.workshop_id)
        run_step_id = view.run_step_id if view is not None else None
        place = step_place(self.plan, run_step_id)
        if force or (run_step_id, place is not None) != self._shown:
            self._show_step(run_step_id, place)
        elif place is not None:
            self.pane.set_minutes(place.step.minutes, place.text)
        self._refresh_rail()
        self._update_actions()

    def _refresh_rail(self) -> None:
        if self.plan is None:
            self.rail.show_run(None, None)
            return
        moment = dt.datetime.fromtimestamp(self.store.db.clock(), dt.UTC)
        self.rail.show_run(self.plan, run_progress(self.plan, self.run_step_id, moment))

    def _show_step(self, run_step_id: int | None, place: StepPlace | None) -> None:
        focus = QApplication.focusWidget()
        had_focus = focus is not None and (focus is self or self.isAncestorOf(focus))
        if self.panel is not None:
            self.panel.commit_pending()
        self.run_step_id = run_step_id
        self._shown = (run_step_id, place is not None)
        self.context = None
        if place is not None and self.plan is not None:
            self.context = step_context(self.plan, place.item.item_id, place.step.key)
            self.pane.show_step(self.context, place.item.title, place.step.minutes, place.text)
        else:
            self.pane.show_step(None, "", 0, "")
        panel = None
        if self.context is not None and self.undo_stack is not None:
            panel = make_panel(self.store, self.context, self.undo_stack)
        self.panel = panel
        self.pane.set_panel(panel)
        self.projector_link.show_step(self.context)
        self.rail.follow(run_step_id)
        if had_focus:
            self.focus_current()

    def focus_current(self) -> None:
        """Put the keyboard where the facilitator works now: the capture entry, else the
        script (arrows scroll it), else the rail."""
        if self.panel is not None:
            self.panel.focus_entry()
        elif self.pane.script_visible:
            self.pane.script_view.setFocus()
        else:
            self.rail.tree.setFocus()

    @property
    def projector(self) -> ProjectorWindow | None:
        return self.projector_link.window

    def _at_last_step(self) -> bool:
        place = step_place(self.plan, self.run_step_id)
        return place is not None and place.last

    def _update_actions(self) -> None:
        place = step_place(self.plan, self.run_step_id)
        running = self.workshop_id is not None and self.plan is not None
        self.command_actions["previous_step"].setEnabled(place is not None and not place.first)
        self.command_actions["next_step"].setEnabled(running)
        last = self._at_last_step()
        next_step = self.command_actions["next_step"]
        next_step.setText("&Finish the run…" if last else spec("next_step").text)
        next_step.setIconText(next_step.text().replace("&", ""))
        for action_id in PROJECTOR_ONLY:
            self.command_actions[action_id].setEnabled(self.projector is not None)

    def commit_pending(self) -> None:
        if self.panel is not None:
            self.panel.commit_pending()

    # --- handlers named in ui.actions ---

    def next_step(self) -> None:
        if self.workshop_id is None:
            return
        if self._at_last_step():
            self.finish_run()
            return
        self.commit_pending()
        self.store.apply(run_state.step_by, self.workshop_id, 1)

    def previous_step(self) -> None:
        if self.workshop_id is not None:
            self.commit_pending()
            self.store.apply(run_state.step_by, self.workshop_id, -1)

    def go_to_step(self, run_step_id: int) -> None:
        """Jump from the rail; choosing the current step only puts the keyboard back on it."""
        if self.workshop_id is None:
            return
        if run_step_id == self.run_step_id:
            self.focus_current()
            return
        self.commit_pending()
        self.store.apply(run_state.go_to_step, self.workshop_id, run_step_id)

    def focus_rail(self) -> None:
        self.rail.follow(self.run_step_id)
        self.rail.tree.setFocus()

    def toggle_script(self) -> None:
        self.pane.set_script_visible(self.command_actions["toggle_script"].isChecked())

    def toggle_projector(self) -> None:
        if self.projector is None:
            self.open_projector()
        else:
            self.close_projector()

    def open_projector(self) -> None:
        results = self.command_actions["projector_results"].isChecked()
        self.projector_link.open(self.context, self.timer.display(), blank=False, results=results)
        self._sync_projector_actions()

    def close_projector(self) -> None:
        self.projector_link.close()
        self._sync_projector_actions()

    def _sync_projector_actions(self) -> None:
        """A projector opened again shows the step: it is never blank at first."""
        is_open = self.projector is not None
        self.command_actions["toggle_projector"].setChecked(is_open)
        if not is_open:
            self.command_actions["blank_projector"].setChecked(False)
        self._update_actions()

    def toggle_blank(self) -> None:
        self.projector_link.set_blank(self.command_actions["blank_projector"].isChecked())

    def toggle_results(self) -> None:
        on = self.command_actions["projector_results"].isChecked()
        self.projector_link.set_results_visible(on)

    def finish_run(self) -> None:
        if self.workshop_id is None:
            return
        if not self.prompts.confirm("Finish the run", FINISH_QUESTION, "Finish the run"):
            return
        self.commit_pending()
        if self.store.apply(run_state.finish_run, self.workshop_id) is not None:
            self._leave()

    def back_to_planner(self) -> None:
        if self.workshop_id is not None:
            self.commit_pending()
            self._leave()

    def _leave(self) -> None:
        assert self.workshop_id is not None
        self.close_projector()
        self.progress_timer.stop()
        self.sig_back_to_planner.emit(self.workshop_id)

    def save_state(self) -> QByteArray:
        """The rail's width and the script's share of the height, for the main window."""
        return splitters_state((self.splitter, self.pane.splitter))

    def restore_state(self, state: QByteArray) -> None:
        restore_splitters((self.splitter, self.pane.splitter), state)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            refresh_icons(self.command_actions)
