"""Which panel captures each mode, and which read-only view shows its results on the projector.

Named by import path and loaded on first use, so the runner opens without importing every
panel, and a mode without a panel (talk: the script and the timer only) simply has none.
"""

from collections.abc import Callable
from importlib import import_module
from typing import cast

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from ui.capture.context import StepContext
from ui.capture.panel import CapturePanel
from ui.store import Store

PANELS: dict[str, str] = {
    # mode: "module:CapturePanel subclass"
    "cards": "ui.capture.cards_panel:CardsPanel",
    "rate": "ui.capture.rate_panel:RatePanel",
    "actions": "ui.capture.actions_panel:ActionsPanel",
    "cluster": "ui.capture.cluster_panel:ClusterPanel",
    "vote": "ui.capture.vote_panel:VotePanel",
    "map": "ui.capture.map_panel:MapPanel",
}
RESULTS: dict[str, str] = {
    # mode: "module:function(store, context) -> QWidget", a live read-only view for the projector
    "cards": "ui.capture.cards_results:cards_results",
    "rate": "ui.capture.rate_results:rate_results",
    "actions": "ui.capture.actions_results:actions_results",
    "cluster": "ui.capture.cluster_results:cluster_results_view",
    "vote": "ui.capture.vote_results:vote_results_view",
    "map": "ui.capture.map_results:map_results",
}

ResultsFactory = Callable[[Store, StepContext], QWidget]


def _load(path: str) -> object:
    module, name = path.split(":")
    return getattr(import_module(module), name)


def make_panel(store: Store, context: StepContext, undo_stack: QUndoStack) -> CapturePanel | None:
    path = PANELS.get(context.mode)
    if path is None:
        return None
    panel_class = cast(type[CapturePanel], _load(path))
    return panel_class(store, context, undo_stack)


def make_results(store: Store, context: StepContext) -> QWidget | None:
    path = RESULTS.get(context.mode)
    if path is None:
        return None
    factory = cast(ResultsFactory, _load(path))
    return factory(store, context)
