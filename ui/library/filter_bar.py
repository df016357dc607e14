"""The search box and the capability and length filters above the exercise list.

The bar only holds what the user chose; `apply_to` hands it to the list's filter proxy, so
the browser decides when the list narrows (as the user types, and after a reload).
"""

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from app.user_library import LibraryEntry
from ui.icons import icon
from ui.library.library_model import MINUTES_CHOICES, LibraryFilter

ADJUST_TO_MINIMUM = QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
ANY_CAPABILITY = "Any capability"


class LibraryFilterBar(QWidget):
    sig_changed = Signal()  # the user changed the search text or a filter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search_box = QLineEdit(placeholderText="Search exercises", clearButtonEnabled=True)
        self.search_box.setAccessibleName("Search exercises")
        self.search_box.setToolTip("Search titles, summaries, capabilities and goals")
        self._find_icon = self.search_box.addAction(
            icon("find"), QLineEdit.ActionPosition.LeadingPosition
        )
        self.capability_box = QComboBox()
        self.capability_box.setAccessibleName("Capability")
        self.capability_box.setToolTip("Show only exercises that build this capability")
        self.minutes_box = QComboBox()
        self.minutes_box.setAccessibleName("Length")
        self.minutes_box.setToolTip("Show only exercises of this length")
        self.minutes_box.addItems([choice.label for choice in MINUTES_CHOICES])
        for box in (self.capability_box, self.minutes_box):  # two equal halves of the row
            box.setSizeAdjustPolicy(ADJUST_TO_MINIMUM)
            box.setMinimumContentsLength(10)
            box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        filters = QHBoxLayout()
        filters.addWidget(self.capability_box, 1)
        filters.addWidget(self.minutes_box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search_box)
        layout.addLayout(filters)

        self.search_box.textChanged.connect(self.sig_changed)
        self.capability_box.currentIndexChanged.connect(self.sig_changed)
        self.minutes_box.currentIndexChanged.connect(self.sig_changed)

    def capability(self) -> str:
        """The chosen capability, "" for any."""
        return str(self.capability_box.currentData() or "")

    def apply_to(self, proxy: LibraryFilter) -> None:
        proxy.set_search(self.search_box.text())
        proxy.set_capability(self.capability())
        proxy.set_minutes(MINUTES_CHOICES[max(self.minutes_box.currentIndex(), 0)])

    def clear(self) -> None:
        """Every exercise again (each step reports a change, as if the user did it)."""
        self.search_box.clear()
        self.capability_box.setCurrentIndex(0)
        self.minutes_box.setCurrentIndex(0)

    def fill_capabilities(self, entries: Iterable[LibraryEntry]) -> None:
        """Offer the capabilities of these exercises, keeping the chosen one if still offered.

        Quietly: the caller updates the list once, after the reload."""
        chosen = self.capability()
        found = sorted({c for e in entries for c in e.exercise.capabilities}, key=str.casefold)
        self.capability_box.blockSignals(True)
        self.capability_box.clear()
        self.capability_box.addItem(ANY_CAPABILITY, "")
        for capability in found:
            self.capability_box.addItem(capability, capability)
        kept = self.capability_box.findData(chosen) if chosen else 0
        self.capability_box.setCurrentIndex(max(kept, 0))
        self.capability_box.blockSignals(False)

    def refresh_icons(self) -> None:
        """Redraw the search icon in the palette's colours after a light/dark switch."""
        self._find_icon.setIcon(icon("find"))
