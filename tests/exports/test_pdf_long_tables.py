"""Long tables laid out a page at a time, rows measured once, the collector paused: the pages
come out exactly as ReportLab's own table would make them, only sooner."""

import dataclasses
import datetime as dt
import gc
import io
import random

import pytest
from pypdf import PdfReader
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Table, TableStyle

from app.db.database import Database
from app.services.agenda import add_exercise
from app.services.cards import add_card
from app.services.report import ActionLine, CardLine, Column, Theme, WorkshopReport, workshop_report
from app.services.workshops import create_workshop
from exercises.model import Exercise
from exports.pdf import blocks, flow, render
from exports.pdf.fonts import register_fonts
from exports.pdf.gc_pause import collector_paused
from exports.pdf.long_table import LONG, LongTable
from exports.pdf.page_table import PageTable
from exports.pdf.render import render_pdf
from exports.pdf.styles import make_styles
from exports.pdf.text import paragraph

WORDS = ["we", "need", "more", "time", "talk", "handovers", "rushed", "it's", "Q&A", "the", "ward"]
ODD = ["שלום עולם וכל מה", "مرحبا بالعالم", "🙂 emoji", "中文字符", "<b> & 'quoted'"]


def _cards(count: int, rng: random.Random) -> tuple[CardLine, ...]:
    cards = []
    for index in range(count):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.choice((2, 6, 12, 30))))
        if index % 13 == 5:
            text += " " + ODD[index % len(ODD)]
        if index % 47 == 9:  # taller than a page: cut across two or three
            text = " ".join(rng.choice(WORDS) for _ in range(900))
        if index % 31 == 3:
            text = "A block.\n\nAnother, with a break\nhere " + text
        author = f"Person {index % 5}" if index % 3 else None
        cards.append(CardLine(text, author, None, rng.choice((0, 0, 2))))
    return tuple(cards)


@pytest.fixture(scope="module")
def long_report(tmp_path_factory: pytest.TempPathFactory, every_mode: Exercise) -> WorkshopReport:
    db = Database.open(tmp_path_factory.mktemp("long") / "data")
    try:
        workshop_id = create_workshop(db, title="Long tables").id
        add_card(db, add_exercise(db, workshop_id, every_mode).id, "harvest", "seed")
        report = workshop_report(db, workshop_id)
    finally:
        db.engine.dispose()
    rng = random.Random(8)
    item = report.items[0]
    empty = dataclasses.replace(item.steps[0], cards=(), columns=(), themes=(), unclustered=())
    steps = (
        dataclasses.replace(
            empty, columns=(Column("Vision", _cards(100, rng)), Column("Reality", _cards(70, rng)))
        ),
        dataclasses.replace(empty, cards=_cards(90, rng)),
        dataclasses.replace(
            empty, themes=(Theme("Big", 9, _cards(80, rng)),), unclustered=_cards(75, rng)
        ),
    )
    actions = tuple(
        ActionLine(" ".join(rng.choice(WORDS) for _ in range(rng.choice((3, 40)))), "Sam",
                   dt.date(2026, 2, 1 + n % 27), n % 4 == 0)
        for n in range(80)
    )  # fmt: skip
    items = (dataclasses.replace(item, steps=steps),)
    return dataclasses.replace(report, items=items, actions=actions)


def _page_streams(pdf: bytes) -> list[bytes]:
    return [page.get_contents().get_data() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize(("kind", "paper"), [("handout", "a4"), ("report", "letter")])
def test_long_tables_draw_the_pages_reportlab_would(
    long_report: WorkshopReport, kind: str, paper: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    windowed = _page_streams(render_pdf(long_report, kind, paper))
    monkeypatch.setattr(flow, "LONG", 10**9)  # every table whole, split by ReportLab alone
    whole = _page_streams(render_pdf(long_report, kind, paper))
    assert len(windowed) == len(whole) > 20
    assert windowed == whole  # byte for byte, cards cut across pages included


def test_only_long_splittable_tables_are_windowed(long_report: WorkshopReport) -> None:
    styles = make_styles(register_fonts(), "a4")
    columns = long_report.items[0].steps[0].columns
    assert isinstance(blocks.board(columns, styles)[0], LongTable)
    short = [[paragraph("cell", styles["cell"], styles.fonts)] for _ in range(LONG)]
    assert isinstance(flow.table(short, [100], [], head=0), PageTable)
    assert isinstance(flow.table(short * 2, [100], [], head=0, whole=True), PageTable)


def test_rows_are_measured_as_reportlab_measures_them() -> None:
    fonts = register_fonts()
    style = ParagraphStyle("cell", fontName=fonts.body, fontSize=9, leading=12)
    rng = random.Random(3)
    texts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 60))) for _ in range(300)]
    commands = [("TOPPADDING", (0, 0), (-1, -1), 5), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    tables = []
    for kind in (Table, PageTable):
        rows = [[paragraph(text, style, fonts), ""] for text in texts]
        table = kind(rows, colWidths=[150, 40])
        table.setStyle(TableStyle(commands))
        table.wrap(190, 10**6)
        tables.append(table)
    assert tables[0]._rowHeights == tables[1]._rowHeights
    assert [len(part._cellvalues) for part in tables[1].split(190, 700)] == [
        len(part._cellvalues) for part in tables[0].split(190, 700)
    ]


def test_the_collector_is_paused_during_an_export_and_resumed_after(
    long_report: WorkshopReport, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = []
    build = render.build
    monkeypatch.setattr(render, "build", lambda *a: seen.append(gc.isenabled()) or build(*a))
    assert gc.isenabled()
    render_pdf(long_report, "handout")
    assert seen == [False] and gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()  # the outer pause still holds
        raise ValueError
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a collector someone else turned off stays off
    finally:
        gc.enable()
