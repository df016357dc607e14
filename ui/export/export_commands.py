"""The Export menu's handlers, mixed into the main window (the owner of Scope.EXPORT).

Each acts on the workshop of the page on screen, the editor's or the runner's, and on nothing
when the workshop list is shown; the window hides these actions there too.
"""

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from ui.export.export_flow import ExportFlow

if TYPE_CHECKING:  # the preview loads QtPdf and ReportLab: only when first opened
    from ui.export.preview_dialog import HandoutPreview

PAPER_KEY = "export/paper"  # "a4", "letter" or "auto" (the locale's)


class ExportCommands:
    export_flow: ExportFlow
    settings: QSettings
    preview: "HandoutPreview | None" = None  # the last preview opened (tests click its buttons)

    def restore_paper(self) -> None:
        paper = self.settings.value(PAPER_KEY)
        self.export_flow.paper = paper if paper in ("a4", "letter") else None

    def set_paper(self, paper: str | None) -> None:
        """Export > Paper size; None follows the locale (Letter in North America, else A4)."""
        self.export_flow.paper = paper
        self.settings.setValue(PAPER_KEY, paper or "auto")

    def _shown_workshop(self) -> int | None:
        raise NotImplementedError  # the window says which workshop is on screen

    def _export_shown(self, kind: str, fmt: str) -> None:
        workshop_id = self._shown_workshop()
        if workshop_id is not None:
            self.export_flow.export(workshop_id, kind, fmt)

    def preview_handout(self) -> None:
        workshop_id = self._shown_workshop()
        if workshop_id is None or not isinstance(self, QWidget):
            return
        from ui.export.preview_dialog import HandoutPreview

        dialog = HandoutPreview(self.export_flow, workshop_id, self)
        dialog.finished.connect(lambda _result, d=dialog: self._forget_preview(d))
        self.preview = dialog
        dialog.open()

    def _forget_preview(self, dialog: "HandoutPreview") -> None:
        if self.preview is dialog:
            self.preview = None
        dialog.deleteLater()

    def export_handout_pdf(self) -> None:
        self._export_shown("handout", "pdf")

    def export_report_pdf(self) -> None:
        self._export_shown("report", "pdf")

    def export_guide_pdf(self) -> None:
        self._export_shown("guide", "pdf")

    def export_handout_markdown(self) -> None:
        self._export_shown("handout", "md")
