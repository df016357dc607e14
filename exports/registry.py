"""Exporters by format, for the command line and the app. Heavy modules load on first use."""

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.cli.commands import ExportFn
    from app.db.database import Database


def export_markdown(db: "Database", workshop_id: int, kind: str, output: Path) -> None:
    from exports.markdown import write_markdown

    write_markdown(db, workshop_id, kind, output)


# PDF joins with the exports issue; the command line says "not yet available" until then.
EXPORTERS: "dict[str, ExportFn]" = {"md": export_markdown}
