"""The participants' handout as it will print, before it is saved anywhere.

The PDF is rendered in memory by the same code as the export, so what the coach sees is exactly
what the file will hold; "Save as PDF…" then runs the ordinary export flow.
"""

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.services.report import workshop_report
from exports.pdf.render import render_pdf
from ui.export.export_flow import ExportFlow
from ui.icons import icon


class HandoutPreview(QDialog):
    def __init__(self, flow: ExportFlow, workshop_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("handout_preview")
        self.flow = flow
        self.workshop_id = workshop_id
        report = workshop_report(flow.store.db, workshop_id)
        self.setWindowTitle(f"Handout preview — {report.title}")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            # QPdfDocument reads from the buffer for as long as it is shown: keep both alive.
            self._bytes = QByteArray(render_pdf(report, "handout", flow.paper))
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)

        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        gap = self.style().pixelMetric(QStyle.PixelMetric.PM_LayoutLeftMargin)
        self.view.setDocumentMargins(QMargins(gap, gap, gap, gap))  # paper on a desk
        self.view.setPageSpacing(gap)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and PgDown scroll

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(icon("export_handout"), "&Save as PDF…")
        self.save_button.setToolTip("Save this handout as a PDF file")
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(900, 1000)
        self.view.setFocus()

    def save(self) -> None:
        self.flow.export(self.workshop_id, "handout", "pdf")
