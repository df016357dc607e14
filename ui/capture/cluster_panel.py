"""The cluster step: the cards of the source step grouped into named themes.

The keyboard does it all (select cards, name a new theme or pick one, rename, merge, ungroup,
delete) and so does the mouse (drag cards onto a theme, onto empty space for a new theme, back
to the list to ungroup). Every edit is an undo command on the workshop's stack, saved at once.
A theme name typed but not confirmed is kept as a draft (after a pause in typing, when the focus
leaves the bar, and when the runner moves on) and offered again next time.
"""

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from app.services.drafts import draft_key
from ui.capture.cluster_board import ClusterBoard
from ui.capture.cluster_commands import (
    CreateThemeCommand,
    Link,
    assign_command,
    delete_command,
    merge_command,
    rename_command,
    ungroup_command,
)
from ui.capture.cluster_model import KIND, NAME, ROW_ID, THEME
from ui.capture.context import StepContext
from ui.capture.entry_draft import EntryDraft
from ui.store import Store


class ClusterPanel(ClusterBoard):
    def __init__(
        self,
        store: Store,
        context: StepContext,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        # Before the board's first redraw, which already keeps it in step with the cards.
        self._pending: dict[int, Link] = {}  # the cards the open theme bar is for
        super().__init__(store, context, undo_stack, parent)
        key = draft_key("theme", context.agenda_item_id, context.step_key)
        self.draft = EntryDraft(store, self.bar.line, key, context.workshop_id)
        self.cards_model.sig_cards_dropped.connect(self._ungroup_ids)
        self.themes_model.sig_dropped_on_theme.connect(self._assign_ids)
        self.themes_model.sig_dropped_as_new.connect(self._new_theme_from_drop)
        self.themes_model.sig_renamed.connect(self._on_renamed)
        self.bar.sig_confirmed.connect(self._on_bar_confirmed)
        self.bar.sig_cancelled.connect(self._on_bar_cancelled)
        self.bar.sig_left.connect(self.draft.save)
        if self.bar.line.text():  # a draft left from last time: offer it again
            names = self.themes_model.theme_names()
            self.bar.open_for(0, names, picking=False, text=self.bar.line.text())

    # --- CapturePanel ---

    def focus_entry(self) -> None:
        if self.bar.isVisible():
            self.bar.line.setFocus()
            return
        view = self.card_list if self.cards_model.rowCount() else self.tree
        model = view.model()
        if not view.currentIndex().isValid() and model.rowCount():
            view.setCurrentIndex(model.index(0, 0))
        view.setFocus()

    def commit_pending(self) -> None:
        """A rename being typed is saved; a theme name not yet confirmed is kept as a draft."""
        self.tree.finish_editing()
        self.draft.save(now=True)

    def _refresh(self) -> None:
        super()._refresh()
        self._pending = {i: link for i, link in self._pending.items() if self._where(i)}

    # --- commands (handlers named in ui.actions) ---

    def _push(self, command: QUndoCommand) -> None:
        self.tree.finish_editing()
        self.undo_stack.push(command)

    def new_theme(self) -> None:
        """Ask the name of a new theme for the selected cards, right above the themes."""
        self._open_bar(picking=False)

    def add_to_theme(self) -> None:
        """Pick (or type) the theme the selected cards go into; the current one is offered."""
        self._open_bar(picking=True)
        theme = self.current_theme_id()
        view = self.themes_model.view_of(theme) if theme is not None else None
        if view is not None and not self.bar.line.text():
            self.bar.line.setText(view.cluster.name)
            self.bar.line.selectAll()

    def _open_bar(self, *, picking: bool) -> None:
        self.tree.finish_editing()
        self._pending = self._links(self.selected_card_ids())
        names = self.themes_model.theme_names()
        self.bar.open_for(len(self._pending), names, picking=picking)

    def _on_bar_confirmed(self, name: str) -> None:
        links = self._pending
        wanted = name.casefold()
        theme = next(
            (v for v in self.themes_model.views if v.cluster.name.casefold() == wanted), None
        )
        if theme is not None and theme.cluster.id is not None:
            self._assign(theme.cluster.id, theme.cluster.name, links)
            self.select_theme(theme.cluster.id)
        else:
            command = CreateThemeCommand(self.store, self.context, name, links)
            self._push(command)
            if command.row_id is None:
                return  # refused: the name stays in the box, the reason in the status bar
            self.select_theme(command.row_id)
        self._pending = {}
        self.bar.close_bar(self.active)  # back where the cards were chosen
        self.draft.committed()

    def _on_bar_cancelled(self) -> None:
        self._pending = {}
        self.active.setFocus()
        self.draft.committed()

    def ungroup_selected(self) -> None:
        ids = self.selected_card_ids()
        if not ids:  # whole themes selected: take all their cards out, keep the names
            for theme in self.selected_theme_ids():
                view = self.themes_model.view_of(theme)
                ids += [c.id for c in view.cards if c.id is not None] if view else []
        self._ungroup_ids(ids)

    def _ungroup_ids(self, card_ids: list[int]) -> None:
        links = {i: link for i, link in self._links(card_ids).items() if link.live}
        if links:
            self._push(ungroup_command(self.store, links))

    def rename_theme(self) -> None:
        theme = self.current_theme_id()
        if theme is None:
            return
        index = self.themes_model.theme_index(theme)
        self.tree.setFocus()
        self.select_theme(theme)
        self.tree.edit(index)

    def _on_renamed(self, theme_id: int, old: str, new: str) -> None:
        self._push(rename_command(self.store, theme_id, old, new))

    def merge_themes(self) -> None:
        into = self.current_theme_id()
        sources = [t for t in self.selected_theme_ids() if t != into]
        if into is not None and sources:
            self._push(merge_command(self.store, self.context, into, sources))
            self.select_theme(into)

    def delete_theme(self) -> None:
        index = self.tree.currentIndex()
        if self.active is not self.tree or index.data(KIND) != THEME:
            return
        theme = index.data(ROW_ID)
        self._push(delete_command(self.store, theme, str(index.siblingAtColumn(NAME).data())))

    # --- drops ---

    def _assign(self, theme_id: int, name: str, links: dict[int, Link]) -> None:
        moving = {i: link for i, link in links.items() if link != Link(theme_id)}
        if moving:
            self._push(assign_command(self.store, theme_id, name, moving))

    def _assign_ids(self, theme_id: int, card_ids: list[int]) -> None:
        view = self.themes_model.view_of(theme_id)
        if view is not None:
            self._assign(theme_id, view.cluster.name, self._links(card_ids))

    def _new_theme_from_drop(self, card_ids: list[int]) -> None:
        """Cards dropped on empty space: a theme named "Theme N", its name open for typing."""
        names = {n.casefold() for n in self.themes_model.theme_names()}
        number = len(names) + 1
        while f"theme {number}" in names:
            number += 1
        command = CreateThemeCommand(
            self.store, self.context, f"Theme {number}", self._links(card_ids)
        )
        self._push(command)
        if command.row_id is not None:
            self.rename_theme_now(command.row_id)

    def rename_theme_now(self, theme_id: int) -> None:
        self.select_theme(theme_id)
        self.tree.setFocus()
        self.tree.edit(self.themes_model.theme_index(theme_id))
