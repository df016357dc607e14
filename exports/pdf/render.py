"""From a workshop to PDF bytes, and to a file written whole or not at all.

The document is built in memory first, so a layout error or a full disk never leaves half a
PDF where the user expects one; app.files.write_atomically replaces any older file in one step.
"""

from collections.abc import Callable
from pathlib import Path

from reportlab.platypus import Flowable

from app.db.database import Database
from app.files import write_atomically
from app.services.report import WorkshopReport, workshop_report
from exports.pdf import guide, handout, report
from exports.pdf.fonts import register_fonts
from exports.pdf.gc_pause import collector_paused
from exports.pdf.page import DocInfo, build
from exports.pdf.paper import document_language
from exports.pdf.styles import Styles, make_styles

Story = Callable[[WorkshopReport, Styles], list[Flowable]]
KINDS: dict[str, tuple[str, Story]] = {
    "handout": (handout.KIND, handout.handout_story),
    "report": (report.KIND, report.report_story),
    "guide": (guide.KIND, guide.guide_story),
}


def render_pdf(
    content: WorkshopReport, kind: str = "handout", page_size: str | None = None
) -> bytes:
    """The PDF of `kind` (handout, report, guide) on "a4", "letter" or the locale's paper."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    label, story = KINDS[kind]
    styles = make_styles(register_fonts(), page_size)
    when = f", {content.date.isoformat()}" if content.date else ""
    info = DocInfo(
        title=content.title,
        kind=label,
        author=content.facilitator or "Chorus",
        subject=f"{label}{when}",
        language=document_language(),
    )
    with collector_paused():
        return build(story(content, styles), styles, info)


def write_pdf(
    db: Database, workshop_id: int, kind: str, output: Path, page_size: str | None = None
) -> None:
    """Build the PDF in memory, then write it atomically (FileWriteError when that fails)."""
    with collector_paused():
        data = render_pdf(workshop_report(db, workshop_id), kind, page_size)
    write_atomically(output, data)
