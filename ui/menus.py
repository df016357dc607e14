"""The menu bar, built from the action table: each spec's `menu` says where it goes.

Menus that belong to one page (Workshop on the list, Go and Agenda in the editor, Run in the
runner, Export in both) are shown only while that page is, so the bar never offers a command
that cannot act.
"""

from collections.abc import Callable, Mapping, Sequence

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
    "Export": "E&xport",
    "Help": "&Help",
}
PAGE_MENUS = {
    "home": ("Workshop",),
    "editor": ("Editor", "Agenda", "Run", "Export"),
    "runner": ("Run", "Export"),
}


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


def add_choice_menu(
    owner: QWidget,
    menu: QMenu,
    *,
    title: str,
    choices: Sequence[tuple[str, str]],
    chosen: str,
    choose: Callable[[str], None],
) -> None:
    """A submenu of exclusive, checkable choices (value, text); object names `<value>`."""
    submenu = menu.addMenu(title)
    group = QActionGroup(owner)
    for value, text in choices:
        action = submenu.addAction(text)
        action.setCheckable(True)
        action.setChecked(value == chosen)
        action.setObjectName(value)
        action.triggered.connect(lambda _=False, v=value: choose(v))
        group.addAction(action)


def add_appearance_menu(
    owner: QWidget,
    view_menu: QMenu,
    chosen: Appearance,
    choose: Callable[[Appearance], None],
) -> None:
    choices = (
        (Appearance.SYSTEM, "Follow the &system"),
        (Appearance.LIGHT, "&Light"),
        (Appearance.DARK, "&Dark"),
    )
    add_choice_menu(
        owner,
        view_menu,
        title="&Appearance",
        choices=[(f"appearance_{c.value}", text) for c, text in choices],
        chosen=f"appearance_{chosen.value}",
        choose=lambda name: choose(Appearance(name.removeprefix("appearance_"))),
    )


PAPERS = (
    ("paper_auto", "From the &language settings"),
    ("paper_a4", "&A4"),
    ("paper_letter", "&Letter"),
)


def add_paper_menu(
    owner: QWidget, export_menu: QMenu, chosen: str | None, choose: Callable[[str | None], None]
) -> None:
    """Export > Paper size: A4, Letter, or what the locale uses (None)."""
    export_menu.addSeparator()
    add_choice_menu(
        owner,
        export_menu,
        title="&Paper size",
        choices=PAPERS,
        chosen=f"paper_{chosen or 'auto'}",
        choose=lambda name: choose(None if name == "paper_auto" else name.removeprefix("paper_")),
    )
