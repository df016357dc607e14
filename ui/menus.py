"""The menu bar, built from the action table: each spec's `menu` says where it goes.

Menus that belong to one page (Workshop on the list, Go and Agenda in the editor, Run in the
runner) are shown only while that page is, so the bar never offers a command that cannot act.
"""

from collections.abc import Callable, Mapping

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from ui.actions import ACTIONS, MENUS
from ui.theme import Appearance

MENU_TITLES = {
    "File": "&File",
    "Edit": "&Edit",
    "View": "&View",
    "Workshop": "&Workshop",
    "Editor": "&Go",
    "Agenda": "&Agenda",
    "Run": "&Run",
    "Help": "&Help",
}
PAGE_MENUS = {"home": ("Workshop",), "editor": ("Editor", "Agenda", "Run"), "runner": ("Run",)}


def build_menus(bar: QMenuBar, actions: Mapping[str, QAction]) -> dict[str, QMenu]:
    menus: dict[str, QMenu] = {}
    for name in MENUS:
        menu = bar.addMenu(MENU_TITLES[name])
        for spec in ACTIONS:
            if spec.menu == name and spec.id in actions:
                menu.addAction(actions[spec.id])
        menus[name] = menu
    return menus


def show_page_menus(menus: Mapping[str, QMenu], page: str) -> None:
    shown = PAGE_MENUS[page]
    for name in {name for names in PAGE_MENUS.values() for name in names}:
        menus[name].menuAction().setVisible(name in shown)


def add_appearance_menu(
    owner: QWidget,
    view_menu: QMenu,
    chosen: Appearance,
    choose: Callable[[Appearance], None],
) -> None:
    submenu = view_menu.addMenu("&Appearance")
    group = QActionGroup(owner)
    for choice, text in (
        (Appearance.SYSTEM, "Follow the &system"),
        (Appearance.LIGHT, "&Light"),
        (Appearance.DARK, "&Dark"),
    ):
        action = submenu.addAction(text)
        action.setCheckable(True)
        action.setChecked(choice is chosen)
        action.setObjectName(f"appearance_{choice.value}")
        action.triggered.connect(lambda _=False, c=choice: choose(c))
        group.addAction(action)
