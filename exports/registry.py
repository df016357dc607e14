"""Exporters by format, for the command line and the app. Heavy modules load on first use."""

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.cli.commands import ExportFn
    from app.db.database import Database


def export_markdown(db: "Database", workshop_id: int, kind: str, output: Path) -> None:
    from exports.markdown import write_markdown

    write_markdown(db, workshop_id, kind, output)


def export_pdf(
    db: "Database", workshop_id: int, kind: str, output: Path, page_size: str | None = None
) -> None:
    """On `page_size` ("a4" or "letter"), else the locale's paper; ReportLab loads only now."""
    from exports.pdf.render import write_pdf

    write_pdf(db, workshop_id, kind, output, page_size)


EXPORTERS: "dict[str, ExportFn]" = {"md": export_markdown, "pdf": export_pdf}
