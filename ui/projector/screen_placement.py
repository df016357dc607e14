"""Where the projector window goes: full screen on a screen the facilitator is not using, else a
plain window beside the runner.

Screens come and go during a workshop (the projector cable is plugged in late, or pulled out at
the break), so the placement is decided again whenever Qt reports a screen added or removed.
The decision itself is a pure function, so it is tested without real screens.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, QRect, QTimer
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QWidget

S = TypeVar("S")

WINDOW_SHARE = 0.6  # of the screen's width, for the window shown when there is no second screen


@dataclass(frozen=True)
class Placement(Generic[S]):
    screen: S | None  # None only when there is no screen at all
    fullscreen: bool


def choose(screens: Sequence[S], runner_screen: S | None, current: S | None = None) -> Placement[S]:
    """The screen for the projector, and whether it goes full screen there.

    Any screen but the runner's gets it full screen (the one it is already on, if that is still
    a candidate, so plugging in a third screen does not make it jump). With one screen it is a
    window on that screen. A runner screen that is gone counts as the first (primary) screen,
    where the system puts the runner's window.
    """
    if not screens:
        return Placement(runner_screen, False)
    runner = runner_screen if runner_screen in screens else screens[0]
    others = [screen for screen in screens if screen != runner]
    if not others:
        return Placement(runner, False)
    return Placement(current if current in others else others[0], True)


def window_geometry(available: QRect) -> QRect:
    """A 16:9 window centred on the screen's available area, large enough to read."""
    width = int(available.width() * WINDOW_SHARE)
    height = width * 9 // 16
    if height > available.height() * 0.8:
        height = int(available.height() * 0.8)
        width = height * 16 // 9
    rect = QRect(0, 0, width, height)
    rect.moveCenter(available.center())
    return rect


def runner_screen_of(parent: QWidget | None) -> QScreen | None:
    """The screen the facilitator works on: the runner's window's, else the active window's.

    Found by position, not `QWidget.screen()`: PySide makes the screen returned by that getter
    a child of the widget, so deleting the widget would invalidate every held QScreen wrapper.
    """
    window = parent.window() if parent is not None else QApplication.activeWindow()
    if window is not None:
        screen = QGuiApplication.screenAt(window.frameGeometry().center())
        if screen is not None:
            return screen
    return QGuiApplication.primaryScreen()


class ScreenPlacement(QObject):
    """Places `window` by `choose`, now and again whenever a screen is plugged or unplugged."""

    def __init__(
        self,
        window: QWidget,
        runner_screen: Callable[[], QScreen | None],
        screens: Callable[[], Sequence[QScreen]] = QGuiApplication.screens,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._runner_screen = runner_screen
        self._screens = screens
        self._applied: Placement[QScreen] | None = None
        self.active = False  # follows screen changes only once placed (i.e. while shown)
        app = QGuiApplication.instance()
        assert isinstance(app, QGuiApplication)
        app.screenAdded.connect(self._on_screens_changed)
        app.screenRemoved.connect(self._on_screens_changed)

    @property
    def applied(self) -> Placement[QScreen] | None:
        """What was applied last (None before the first `place`)."""
        return self._applied

    def place(self) -> None:
        """Decide and apply: full screen on another screen, or a window on this one."""
        self.active = True
        current = self._applied.screen if self._applied is not None else None
        decision = choose(list(self._screens()), self._runner_screen(), current)
        if decision == self._applied and self._window.isVisible():
            return  # the same place: leave a window the facilitator moved or resized alone
        self._apply(decision)
        self._applied = decision

    def stop(self) -> None:
        """The window was closed: stop following screen changes until it is placed again."""
        self.active = False
        self._applied = None

    def _on_screens_changed(self, _screen: QScreen) -> None:
        if self.active:
            # After the system has moved windows off a removed screen and forgotten it.
            QTimer.singleShot(0, self, self._replace)

    def _replace(self) -> None:
        if self.active:
            self.place()

    def _apply(self, decision: Placement[QScreen]) -> None:
        window = self._window
        screen = decision.screen
        if window.isFullScreen():
            window.showNormal()  # a full-screen window moves to another screen only as a window
        if screen is not None:
            window.setScreen(screen)
        if decision.fullscreen and screen is not None:
            window.setGeometry(screen.geometry())
            window.showFullScreen()
            return
        window.showNormal()
        if screen is not None:
            window.setGeometry(window_geometry(screen.availableGeometry()))
