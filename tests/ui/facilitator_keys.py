"""A facilitator's hands on the keyboard, for end-to-end tests of a run.

Every key goes where Qt delivers a real key press: to the open popup (a name completer's list)
if there is one, else to the widget with the keyboard focus. A test never picks the widget, so
a key that lands in the wrong place does the wrong thing there, as it would in the room. Each
capture mode's flow is written the way its hint line tells the facilitator to work.
"""

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

Key = Qt.Key
Mod = Qt.KeyboardModifier
NONE = Mod.NoModifier
CTRL = Mod.ControlModifier
SHIFT = Mod.ShiftModifier
CTRL_SHIFT = CTRL | SHIFT


class Keyboard:
    """Key presses and typing (QTest's, which qtbot's keyClick and keyClicks also are)."""

    @staticmethod
    def target() -> QWidget:
        """Where a key pressed now goes: the open popup, else the focused widget.

        Between two key presses a person leaves the event loop time to run (a panel added to
        the window is shown then, a queued focus change happens), so that runs first."""
        QApplication.processEvents()
        receiver = QApplication.activePopupWidget() or QApplication.focusWidget()
        assert receiver is not None, "no widget has the keyboard focus"
        return receiver

    def focused(self) -> str:
        """The accessible name of the widget with the focus (what a screen reader says)."""
        QApplication.processEvents()
        widget = QApplication.focusWidget()
        return widget.accessibleName() if widget is not None else ""

    def press(self, key: Key, modifier: Mod = NONE, times: int = 1) -> None:
        for _ in range(times):
            QTest.keyClick(self.target(), key, modifier)

    def type(self, text: str) -> None:
        """Character by character, each to wherever the keyboard is at that moment."""
        for char in text:
            QTest.keyClicks(self.target(), char)

    def enter(self, text: str = "") -> None:
        self.type(text)
        self.press(Key.Key_Return)

    # --- the run ---

    def next_step(self) -> None:
        self.press(Key.Key_PageDown)

    def start_timer(self) -> None:
        self.press(Key.Key_Space, CTRL_SHIFT)

    # --- one function per capture mode, as its hint line says ---

    def cards(self, *texts: str) -> None:
        """Type, Enter, type the next one ("@Ana" says who, "#column" where)."""
        for text in texts:
            self.enter(text)

    def theme_from_selection(self, extra_cards: int, name: str) -> None:
        """From the current card, Shift+Down over `extra_cards` more, then name a new theme."""
        self.press(Key.Key_Down, SHIFT, times=extra_cards)
        self.press(Key.Key_N, CTRL_SHIFT)
        self.enter(name)

    def add_to_theme(self, typed: str) -> None:
        """Ctrl+T, type the start of a theme's name (it completes), Enter."""
        self.press(Key.Key_T, CTRL)
        self.enter(typed)

    def dots(self, *presses: str) -> None:
        """Row by row down the wall: each string is that row's keys ("+++", "++=-")."""
        keys = {"+": Key.Key_Plus, "=": Key.Key_Equal, "-": Key.Key_Minus}
        for row, row_keys in enumerate(presses):
            if row:
                self.press(Key.Key_Down)
            for char in row_keys:
                self.press(keys[char])

    def ratings(self, *cards: str) -> None:
        """Each person's card along their row: "4", Tab, "2", Tab, "2", Enter."""
        for card in cards:
            for column, digit in enumerate(card):
                self.type(digit)
                self.press(Key.Key_Tab if column < len(card) - 1 else Key.Key_Return)

    def actors(self, *names: str) -> None:
        for name in names:
            self.enter(name)

    def link(self, target: str, label: str) -> None:
        """Ctrl+L on the selected actor: the other actor's name, Enter, the label, Enter."""
        self.press(Key.Key_L, CTRL)
        self.enter(target)
        self.enter(label)

    def action(self, what: str, who: str = "", due: str = "") -> None:
        """What, Tab, who, Tab, by when, Enter (or Enter straight after what)."""
        self.type(what)
        if who or due:
            self.press(Key.Key_Tab)
            self.type(who)
            self.press(Key.Key_Tab)
            self.type(due)
        self.press(Key.Key_Return)
