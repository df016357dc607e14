"""Child: the handout PDF of the 2,000-card workshop against a bare ReportLab document, or the
JSON bundle's export + import of that workshop.

    python -m tests.perf.measure_exports pdf DATA_DIR WORKSHOP_ID --repeats N
    python -m tests.perf.measure_exports json DATA_DIR WORKSHOP_ID --repeats N

pdf: exports.registry.export_pdf(db, id, "handout", path), as `chorus export --format pdf`
calls it (the database read, the layout, the file written whole). The floor, interleaved: a
SimpleDocTemplate on A4 holding every non-empty line of the same handout's Markdown export (the
same content as text) as a plain Paragraph in Noto Sans Regular at the body's 10/14.2 pt,
built to a file in the same folder. Each side is run once untimed first (imports, font files).
json: write_bundle then import_bundle of the file's bytes, the functions behind `chorus export
--format json` and `chorus import`; each import adds one workshop to this copy of the folder.
"""

import argparse
import time
from pathlib import Path
from xml.sax.saxutils import escape

from app.db.database import Database
from tests.perf.common import report

FONT_FILE = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "NotoSans-Regular.ttf"
FLOOR_FONT = "PerfNotoSans"  # registered apart from the app's own names


def handout_lines(db: Database, workshop_id: int, folder: Path) -> list[str]:
    from exports.registry import export_markdown

    path = folder / "handout.md"
    export_markdown(db, workshop_id, "handout", path)
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def floor_pdf(lines: list[str], output: Path) -> float:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    start = time.perf_counter()
    style = ParagraphStyle("body", fontName=FLOOR_FONT, fontSize=10, leading=14.2)
    story = [Paragraph(escape(line), style) for line in lines]
    SimpleDocTemplate(str(output), pagesize=A4).build(story)
    return time.perf_counter() - start


def app_pdf(db: Database, workshop_id: int, output: Path) -> float:
    from exports.registry import export_pdf

    start = time.perf_counter()
    export_pdf(db, workshop_id, "handout", output)
    return time.perf_counter() - start


def measure_pdf(db: Database, workshop_id: int, folder: Path, repeats: int) -> dict[str, object]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(FLOOR_FONT, str(FONT_FILE)))
    lines = handout_lines(db, workshop_id, folder)
    app_out, floor_out = folder / "handout.pdf", folder / "floor.pdf"
    first, first_floor = app_pdf(db, workshop_id, app_out), floor_pdf(lines, floor_out)
    seconds, floor_seconds = [], []
    for _ in range(repeats):
        floor_seconds.append(floor_pdf(lines, floor_out))
        seconds.append(app_pdf(db, workshop_id, app_out))
    return {
        "seconds": seconds,
        "floor_seconds": floor_seconds,
        "first_seconds": first,
        "first_floor_seconds": first_floor,
        "lines": len(lines),
        "pdf_bytes": app_out.stat().st_size,
        "floor_pdf_bytes": floor_out.stat().st_size,
    }


def export_import(db: Database, workshop_id: int, path: Path) -> float:
    from app.bundle.export import write_bundle
    from app.bundle.load import import_bundle

    start = time.perf_counter()
    write_bundle(db, workshop_id, path)
    import_bundle(db, path.read_bytes(), source=str(path))
    return time.perf_counter() - start


def measure_json(db: Database, workshop_id: int, folder: Path, repeats: int) -> dict[str, object]:
    path = folder / "bundle.json"
    first = export_import(db, workshop_id, path)
    seconds = [export_import(db, workshop_id, path) for _ in range(repeats)]
    return {"seconds": seconds, "first_seconds": first, "bundle_bytes": path.stat().st_size}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=("pdf", "json"))
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("workshop_id", type=int)
    parser.add_argument("--repeats", type=int, required=True)
    args = parser.parse_args()
    folder = args.data_dir.parent / f"{args.data_dir.name}-out"
    folder.mkdir(exist_ok=True)
    db = Database.open(args.data_dir)
    try:
        measure = measure_pdf if args.what == "pdf" else measure_json
        report(measure(db, args.workshop_id, folder, args.repeats))
    finally:
        db.close()


if __name__ == "__main__":
    main()
