"""The Markdown export: what each kind shows, hostile text printed literally, safe writing."""

import errno
import os
from pathlib import Path

import pytest

from app.db.database import Database
from app.demo import create_demo_workshop
from app.files import FileWriteError
from app.services.agenda import add_exercise
from app.services.cards import add_card
from app.services.notes import set_workshop_notes
from app.services.report import workshop_report
from app.services.workshops import create_workshop
from exercises.library import builtin_library
from exercises.model import Exercise
from exports.markdown import escape, render_markdown, write_markdown


@pytest.fixture
def demo_id(db: Database) -> int:
    return create_demo_workshop(db, builtin_library()).id


def test_the_handout_shows_what_the_group_made_and_nothing_private(
    db: Database, demo_id: int
) -> None:
    text = render_markdown(workshop_report(db, demo_id), "handout")
    assert text.startswith("# Demo: from heroic to collective leadership\n")
    assert "**Safe to say it early** (9 dots)" in text
    assert text.index("Safe to say it early") < text.index("Leaders who clear the path")
    assert "| Try a ten-minute huddle across ward and pharmacy at 08:15 | Grace Liu |" in text
    assert "*Aligned and collaborative, but not proactive" in text
    for private in ("Lena (board) joins", "Pharmacy and the ward told", "said by", "Timing:"):
        assert private not in text


def test_the_report_adds_authors_timings_and_private_notes(db: Database, demo_id: int) -> None:
    text = render_markdown(workshop_report(db, demo_id), "report")
    assert "- Curious, and a bit tired after nights (said by Ana Ribeiro)" in text
    assert "*Timing: planned 15 min, not timed*" in text
    assert "Lena (board) joins after the first break" in text
    assert "*Private note:* Pharmacy and the ward told the same story" in text


def test_the_guide_has_scripts_materials_and_times_but_no_results(
    db: Database, demo_id: int
) -> None:
    text = render_markdown(workshop_report(db, demo_id), "guide")
    assert "## Materials" in text
    assert "- [ ] Dot stickers, three per person" in text
    assert "*09:42 5 min, solo*" in text
    assert "| 12:32 | Check-out: what are we leaving with? | 10 |" in text
    assert "Total: 192 minutes of 210 available" in text
    assert "Safe to say it early" not in text and "## Actions" not in text


def test_markup_in_user_text_is_printed_literally(db: Database, every_mode: Exercise) -> None:
    workshop_id = create_workshop(db, title="# <b>Not a heading</b>").id
    item_id = add_exercise(db, workshop_id, every_mode).id
    add_card(db, item_id, "harvest", "**bold** [link](http://x) | pipe `code` <img src=x>")
    set_workshop_notes(db, workshop_id, "private")
    text = render_markdown(workshop_report(db, workshop_id), "handout")
    assert text.startswith("# \\# \\<b\\>Not a heading\\</b\\>\n")
    assert "- \\*\\*bold\\*\\* \\[link\\](http://x) \\| pipe \\`code\\` \\<img src=x\\>" in text
    assert escape("a\nb") == "a  \nb"


def test_writing_replaces_the_file_whole(db: Database, demo_id: int, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "handout.md"
    target.write_text("an older export")
    write_markdown(db, demo_id, "handout", target)
    assert target.read_text(encoding="utf-8").startswith("# Demo")
    assert [p.name for p in out.iterdir()] == ["handout.md"]


def test_a_full_disk_keeps_the_older_file_and_leaves_no_partial_one(
    db: Database, demo_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "handout.md"
    target.write_text("the export from yesterday")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(FileWriteError, match="No space left"):
        write_markdown(db, demo_id, "handout", target)
    assert target.read_text() == "the export from yesterday"
    assert [p.name for p in out.iterdir()] == ["handout.md"]


def test_a_failed_write_leaves_no_partial_file(db: Database, demo_id: int, tmp_path: Path) -> None:
    out = tmp_path / "out"
    target = out / "is-a-folder.md"
    target.mkdir(parents=True)  # renaming a file over a folder fails
    with pytest.raises(FileWriteError, match="could not write"):
        write_markdown(db, demo_id, "handout", target)
    assert [p.name for p in out.iterdir()] == ["is-a-folder.md"]
