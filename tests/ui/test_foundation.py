"""The shared parts of the window: the action and icon tables, the store, undo commands."""

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services.workshops import (
    create_workshop,
    get_workshop,
    list_workshops,
    restore_workshop,
    trash_workshop,
)
from ui.actions import ACTIONS, MENUS, Scope, build_actions, shortcut_text
from ui.icons import ICONS, icon
from ui.store import Store
from ui.undo import CreateCommand


def test_every_action_names_a_known_icon_and_menu_and_a_unique_id() -> None:
    assert len({a.id for a in ACTIONS}) == len(ACTIONS)
    for spec in ACTIONS:
        assert spec.icon is None or spec.icon in ICONS, spec.id
        assert spec.menu == "" or spec.menu in MENUS, spec.id


def test_every_icon_in_the_table_draws(qtbot: QtBot) -> None:
    for meaning in ICONS:
        assert not icon(meaning).pixmap(16, 16).isNull(), meaning


def test_shortcuts_do_not_clash_within_a_scope() -> None:
    for scope in Scope:
        keys = [str(s.shortcut) for s in ACTIONS if s.scope is scope and s.shortcut]
        assert len(keys) == len(set(keys)), scope


def test_build_actions_wires_handlers_and_tooltips(qtbot: QtBot) -> None:
    class Participants(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.calls: list[str] = []

        def add_participant(self) -> None:
            self.calls.append("add")

        def remove_selected(self) -> None:
            self.calls.append("remove")

        def move_up(self) -> None:
            self.calls.append("up")

        def move_down(self) -> None:
            self.calls.append("down")

    view = Participants()
    qtbot.addWidget(view)
    actions = build_actions(view, Scope.PARTICIPANTS)
    actions["add_participant"].trigger()
    actions["move_participant_down"].trigger()
    assert view.calls == ["add", "down"]
    assert "Ctrl+Shift+N" in actions["add_participant"].toolTip()


def test_a_refused_write_is_reported_and_changes_nothing(store: Store, qtbot: QtBot) -> None:
    with qtbot.waitSignal(store.sig_failed) as failed:
        assert store.apply(create_workshop, title="   ") is None
    assert "title" in failed.args[0].lower()
    assert list_workshops(store.db) == []


def test_create_command_undo_trashes_and_redo_restores_the_same_row(
    store: Store, undo_stack: QUndoStack
) -> None:
    command = CreateCommand(
        store,
        "New workshop",
        lambda s: s.apply(create_workshop, title="Away day"),
        lambda s, i: s.apply(trash_workshop, i),
        lambda s, i: s.apply(restore_workshop, i),
    )
    undo_stack.push(command)
    assert command.row_id is not None
    assert [w.title for w in list_workshops(store.db)] == ["Away day"]
    undo_stack.undo()
    assert list_workshops(store.db) == []
    undo_stack.redo()
    assert get_workshop(store.db, command.row_id).trashed_at is None


def test_a_command_whose_write_fails_is_not_kept(store: Store, undo_stack: QUndoStack) -> None:
    command = CreateCommand(
        store,
        "New workshop",
        lambda s: s.apply(create_workshop, title=""),
        lambda s, i: s.apply(trash_workshop, i),
        lambda s, i: s.apply(restore_workshop, i),
    )
    undo_stack.push(command)
    assert undo_stack.count() == 0


def test_window_shortcuts_never_clash_with_a_view_shortcut(qtbot: QtBot) -> None:
    """An ambiguous key fires neither action, so a window key must be free in every view."""

    def keys(scopes: set[Scope]) -> set[str]:
        found = set()
        for spec in ACTIONS:
            if spec.scope in scopes and spec.shortcut is not None:
                found.update(shortcut_text(spec).split(", "))
        return found

    views = set(Scope) - {Scope.WINDOW}
    assert keys({Scope.WINDOW}) & keys(views) == set()
