"""The participant handout PDF: everything the room made is in it, nothing private is, and it
is a well-formed document (page numbers, metadata, paper size, safe writing)."""

import errno
import io
import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from app.db.database import Database
from app.demo import create_demo_workshop
from app.files import FileWriteError
from app.services.agenda import add_exercise
from app.services.cards import add_card
from app.services.report import WorkshopReport, workshop_report
from app.services.system_map import add_link, add_node
from app.services.workshops import create_workshop
from app.user_library import load_user_library
from exercises.model import Exercise
from exports.pdf import paper, render
from exports.pdf.render import render_pdf, write_pdf
from tests.conftest import FakeClock
from tests.exports.pdf_helpers import flowing, pages, participant_strings, sentences, squeeze

PAYLOADS = (
    '<img src="/etc/hostname"/>',
    '<font color="red" size="40">loud</font>',
    "&amp; &lt;b&gt; &#60;",
    "<para><b>bold?</b></para>",
    "<a href='file:///etc/passwd'>link</a>",
)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, int]]:
    """One demo workshop for the whole module: exporting only reads it."""
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    database = Database.open(data_dir, clock=FakeClock())
    workshop_id = create_demo_workshop(database, load_user_library(data_dir).library).id
    yield database, workshop_id
    database.engine.dispose()


@pytest.fixture
def demo_id(demo_db: tuple[Database, int]) -> int:
    return demo_db[1]


@pytest.fixture(scope="module")
def demo(demo_db: tuple[Database, int]) -> WorkshopReport:
    return workshop_report(*demo_db)


@pytest.fixture(scope="module")
def handout(demo: WorkshopReport) -> bytes:
    return render_pdf(demo, "handout", "a4")


def test_every_card_theme_action_and_prompt_of_the_demo_is_in_the_handout(
    demo: WorkshopReport, handout: bytes
) -> None:
    text = squeeze(flowing(handout))
    wanted = participant_strings(demo)
    assert len(wanted) > 100  # the demo is full: cards, themes, ratings, a map, actions
    missing = [s for s in wanted if squeeze(s) not in text]
    assert missing == []


def test_nothing_from_scripts_debriefs_notes_or_authors_is_in_the_handout(
    demo: WorkshopReport, handout: bytes
) -> None:
    text = squeeze("".join(pages(handout)))
    visible = squeeze(" ".join(participant_strings(demo)))
    private = sentences(demo.notes)
    for item in demo.items:
        for step in item.steps:
            private += sentences(step.step.script) + list(step.step.debrief)
            private += sentences(step.note, shortest=20)
    # A script may quote its prompt, which the handout shows on purpose.
    leaks = [s for s in private if squeeze(s) not in visible and squeeze(s) in text]
    assert len(private) > 50
    assert leaks == []
    assert "saidby" not in text and "Timing:" not in text and "PRIVATE" not in text


def test_every_page_says_page_n_of_m(handout: bytes) -> None:
    texts = pages(handout)
    assert len(texts) >= 4
    for number, page in enumerate(texts, 1):
        numbers = re.findall(r"page (\d+) of (\d+)", page)
        assert numbers == [(str(number), str(len(texts)))], (number, page[-200:])


def test_the_cover_has_no_running_header_and_body_pages_do(
    demo: WorkshopReport, handout: bytes
) -> None:
    first, second, *_ = pages(handout)
    assert "WORKSHOP HANDOUT" in first  # the cover's kind line, in capitals
    assert squeeze(first).count(squeeze(demo.title)) == 1  # the cover title only, no header
    assert second.splitlines()[0] == demo.title  # the running header, first on the page


def test_metadata_names_the_workshop_the_facilitator_and_the_language(
    handout: bytes, demo: WorkshopReport
) -> None:
    reader = PdfReader(io.BytesIO(handout))
    info = reader.metadata
    assert info is not None
    assert info.title == demo.title
    assert info.author == demo.facilitator == "Sam Okafor"
    assert info.creator == "Chorus"
    assert info.subject is not None and info.subject.startswith("Workshop handout")
    language = reader.trailer["/Root"]["/Lang"]
    assert re.fullmatch(r"[a-z]{2,3}(-[A-Z]{2})?", str(language))


def test_a_workshop_without_facilitator_is_authored_by_chorus(db: Database) -> None:
    workshop_id = create_workshop(db, title="Quiet one").id
    info = PdfReader(io.BytesIO(render_pdf(workshop_report(db, workshop_id)))).metadata
    assert info is not None and info.author == "Chorus"


@pytest.mark.parametrize(("size", "width", "height"), [("a4", 595.3, 841.9), ("letter", 612, 792)])
def test_the_page_size_is_honoured(
    demo: WorkshopReport, size: str, width: float, height: float
) -> None:
    reader = PdfReader(io.BytesIO(render_pdf(demo, "handout", size)))
    for page in reader.pages:
        assert float(page.mediabox.width) == pytest.approx(width, abs=0.1)
        assert float(page.mediabox.height) == pytest.approx(height, abs=0.1)


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("en_US.UTF-8", "letter"),
        ("fr_CA.UTF-8", "letter"),
        ("es_MX", "letter"),
        ("en_PH.utf8", "letter"),
        ("English_United States.1252", "letter"),
        ("en_GB.UTF-8", "a4"),
        ("de_DE.UTF-8@euro", "a4"),
        ("C", "a4"),
        ("", "a4"),
    ],
)
def test_the_default_paper_follows_the_locale(name: str, size: str) -> None:
    assert paper.default_page_size(name) == size


def test_lc_paper_wins_over_lang_and_lc_all_over_both(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    monkeypatch.setenv("LC_PAPER", "en_US.UTF-8")
    assert paper.default_page_size() == "letter"
    assert paper.document_language() == "en-US"
    monkeypatch.setenv("LC_ALL", "nl_NL.UTF-8")
    assert paper.default_page_size() == "a4"
    assert paper.document_language() == "nl-NL"
    monkeypatch.setenv("LC_ALL", "C.UTF-8")  # says nothing about paper: the A4 default
    assert paper.default_page_size() == "a4"
    assert paper.document_language() == "en"
    with pytest.raises(ValueError, match="a4 or letter"):
        paper.page_size("tabloid")


def test_write_pdf_writes_a_whole_pdf(demo_db: tuple[Database, int], tmp_path: Path) -> None:
    db, demo_id = demo_db
    out = tmp_path / "out"
    out.mkdir()
    target = out / "handout.pdf"
    target.write_text("an older export")
    write_pdf(db, demo_id, "handout", target, page_size="letter")
    data = target.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert [p.name for p in out.iterdir()] == ["handout.pdf"]


def test_a_failed_write_leaves_no_file(demo_db: tuple[Database, int], tmp_path: Path) -> None:
    db, demo_id = demo_db
    out = tmp_path / "out"
    out.mkdir()
    missing_folder = out / "gone" / "handout.pdf"
    with pytest.raises(FileWriteError, match="could not write"):
        write_pdf(db, demo_id, "handout", missing_folder)
    target = out / "is-a-folder.pdf"
    target.mkdir()  # renaming a file over a folder fails
    with pytest.raises(FileWriteError, match="could not write"):
        write_pdf(db, demo_id, "handout", target)
    assert [p.name for p in out.iterdir()] == ["is-a-folder.pdf"]


def test_an_unwritable_folder_or_a_full_disk_keeps_the_older_file(
    demo_db: tuple[Database, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, demo_id = demo_db
    out = tmp_path / "out"
    out.mkdir()
    target = out / "handout.pdf"
    target.write_text("yesterday's export")
    out.chmod(0o500)
    try:
        if os.access(out, os.W_OK):  # root ignores folder permissions: fill the disk instead

            def disk_full(_fd: int) -> None:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            monkeypatch.setattr(os, "fsync", disk_full)
        with pytest.raises(FileWriteError, match="could not write"):
            write_pdf(db, demo_id, "handout", target)
    finally:
        out.chmod(0o700)
    assert target.read_text() == "yesterday's export"
    assert [p.name for p in out.iterdir()] == ["handout.pdf"]


def test_a_layout_failure_writes_nothing(
    demo_db: tuple[Database, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, demo_id = demo_db

    def broken(*_args: object) -> bytes:
        raise RuntimeError("layout failed")

    monkeypatch.setattr(render, "build", broken)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(RuntimeError, match="layout failed"):
        write_pdf(db, demo_id, "handout", out / "handout.pdf")
    assert list(out.iterdir()) == []


def test_unknown_kinds_are_refused(demo: WorkshopReport) -> None:
    with pytest.raises(ValueError, match="handout, report, guide"):
        render_pdf(demo, "poster")


def _workshop_with(db: Database, exercise: Exercise, texts: list[str]) -> WorkshopReport:
    workshop_id = create_workshop(db, title=texts[0]).id
    item_id = add_exercise(db, workshop_id, exercise).id
    for text in texts:
        add_card(db, item_id, "harvest", text)
    return workshop_report(db, workshop_id)


def test_markup_in_user_text_prints_literally(db: Database, every_mode: Exercise) -> None:
    report = _workshop_with(db, every_mode, list(PAYLOADS))
    text = "\n".join(pages(render_pdf(report)))
    for payload in PAYLOADS:
        assert squeeze(payload) in squeeze(text)


printable = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
    min_size=1,
    max_size=80,
).filter(lambda s: s.strip() and s.strip().isprintable())


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(texts=st.lists(printable, min_size=1, max_size=4))
def test_any_unicode_text_exports_without_error(
    db: Database, every_mode: Exercise, texts: list[str]
) -> None:
    report = _workshop_with(db, every_mode, [" ".join(t.split()) for t in texts])
    assert render_pdf(report, "handout").startswith(b"%PDF-")


def _map_workshop(db: Database, exercise: Exercise, count: int) -> WorkshopReport:
    workshop_id = create_workshop(db, title="Map").id
    item_id = add_exercise(db, workshop_id, exercise).id
    ids = [add_node(db, item_id, "system", f"Actor {n}", kind="team").id for n in range(count)]
    for source, target in itertools.pairwise(ids):
        add_link(db, source, target, "talks to")
    return workshop_report(db, workshop_id)


def test_nodes_never_placed_are_drawn_in_a_grid(db: Database, every_mode: Exercise) -> None:
    report = _map_workshop(db, every_mode, 12)  # every node at (0, 0)
    text = squeeze("".join(pages(render_pdf(report))))
    assert all(squeeze(f"Actor {n}") in text for n in range(12))
    assert squeeze("too large to draw") not in text


def test_a_map_too_large_to_draw_is_written_out(db: Database, every_mode: Exercise) -> None:
    report = _map_workshop(db, every_mode, 90)
    text = squeeze("".join(pages(render_pdf(report))))
    assert squeeze("The map is too large to draw on a page") in text
    assert squeeze("Actor 41 → Actor 42: talks to") in text
