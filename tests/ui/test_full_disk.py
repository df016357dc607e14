"""A disk that refuses writes (full, read-only, failing) loses nothing the facilitator typed.

The text stays in its box and in memory, the facilitator is told in plain words, saving is tried
again on the store's retry tick (called here directly, like the timer's tick elsewhere) and goes
through once the disk takes writes again; what was saved before is untouched.

SQLite's own errors are real: `max_page_count` makes the file unable to grow (SQLITE_FULL) and
`query_only` refuses every write (SQLITE_READONLY). OSError numbers (ENOSPC, EACCES), which no
running SQLite connection raises on its own, are simulated by making the database's write door
raise them.
"""

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from app.db.database import Database
from app.db.storage_errors import StorageKind
from app.services.cards import list_cards
from app.services.drafts import load_draft
from app.services.notes import workshop_notes
from app.services.workshops import edit_workshop, get_workshop
from ui.capture.cards_panel import CardsPanel
from ui.editor.details_form import DetailsForm
from ui.editor.notes_panel import NotesPanel
from ui.save_status import SaveStatus
from ui.store import Store

from .conftest import focus, retype, shown
from .test_cards_panel import CHECK_IN, open_panel, step, type_card

# Long enough to need a new page of the file, so a database that may not grow refuses it.
LONG_CARD = "We never say out loud who decides the budget. " * 100


@contextmanager
def disk_full(db: Database) -> Iterator[None]:
    def cap(connection: sqlite3.Connection, *_: Any) -> None:
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(db.engine, "checkout", cap)
    try:
        yield
    finally:
        event.remove(db.engine, "checkout", cap)
        db.engine.dispose()  # the next connections may grow the file again


@contextmanager
def read_only(db: Database) -> Iterator[None]:
    def refuse_writes(connection: sqlite3.Connection, *_: Any) -> None:
        connection.execute("PRAGMA query_only = ON")

    event.listen(db.engine, "checkout", refuse_writes)
    try:
        yield
    finally:
        event.remove(db.engine, "checkout", refuse_writes)
        db.engine.dispose()


@contextmanager
def os_refuses(db: Database, number: int) -> Iterator[None]:
    def refuse() -> None:
        raise OSError(number, os.strerror(number), str(db.path))

    db.write = refuse  # type: ignore[method-assign]
    try:
        yield
    finally:
        del db.write


def _integrity(db: Database) -> str:
    with db.engine.connect() as connection:
        return str(connection.exec_driver_sql("PRAGMA integrity_check").scalar())


def test_a_card_refused_by_a_full_disk_stays_in_the_box_and_is_added_once_space_is_back(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN)
    panel = open_panel(qtbot, store, undo_stack, context)
    status = SaveStatus(store)
    type_card(qtbot, panel, "Saved before the disk filled up")

    with disk_full(store.db):
        panel.entry.setText(LONG_CARD)
        qtbot.keyClicks(panel.entry, "!")  # typed: the draft would be saved after a pause
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
        assert panel.entry.text() == LONG_CARD + "!"
        assert store.blocked is not None and store.blocked.kind is StorageKind.FULL
        assert panel.message.isVisible()
        assert panel.message.text().startswith("Not saved yet: the disk is full.")
        assert "What you typed stays on screen" in panel.message.text()
        assert status.label.text() == "Not saved yet · retrying"
        store.sig_retry_due.emit()  # still full: nothing changes, nothing is lost
        assert panel.entry.text() == LONG_CARD + "!"
        assert [c.text for c in list_cards(store.db, context.agenda_item_id, "check_in")] == [
            "Saved before the disk filled up"
        ]

    store.sig_retry_due.emit()
    texts = [c.text for c in list_cards(store.db, context.agenda_item_id, "check_in")]
    assert texts == ["Saved before the disk filled up", (LONG_CARD + "!").strip()]
    assert panel.entry.text() == ""
    assert not panel.message.isVisible()
    assert store.blocked is None
    assert status.label.text() == "All changes saved"
    assert load_draft(store.db, panel.draft.key) in (None, "")
    assert _integrity(store.db) == "ok"


def test_a_changed_box_is_kept_as_a_draft_not_added_behind_the_facilitators_back(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack
) -> None:
    context = step(store, CHECK_IN)
    panel: CardsPanel = open_panel(qtbot, store, undo_stack, context)
    with disk_full(store.db):
        panel.entry.setText(LONG_CARD)
        qtbot.keyClick(panel.entry, Qt.Key.Key_Return)
        qtbot.keyClicks(panel.entry, " and more")
        panel.draft.save(now=True)  # the pause in typing: refused too
    store.sig_retry_due.emit()
    assert list_cards(store.db, context.agenda_item_id, "check_in") == []
    assert panel.entry.text() == LONG_CARD + " and more"
    assert load_draft(store.db, panel.draft.key) == LONG_CARD + " and more"


def test_notes_refused_by_a_read_only_folder_are_saved_when_writing_works_again(
    qtbot: QtBot, store: Store, undo_stack: QUndoStack, workshop_id: int
) -> None:
    panel = NotesPanel(store)
    shown(qtbot, panel)
    panel.set_workshop(workshop_id, undo_stack)
    before = workshop_notes(store.db, workshop_id)
    with read_only(store.db):
        focus(qtbot, panel.editor)
        qtbot.keyClicks(panel.editor, "Ask Priya to open the second day.")
        panel.commit_pending()
        assert store.blocked is not None and store.blocked.kind is StorageKind.READ_ONLY
        assert "not allowed to write to its data folder" in panel.message.text()
        assert panel.editor.toPlainText().endswith("Ask Priya to open the second day.")
        assert workshop_notes(store.db, workshop_id) == before
    store.sig_retry_due.emit()
    assert workshop_notes(store.db, workshop_id).endswith("Ask Priya to open the second day.")
    assert not panel.message.isVisible()
    assert store.blocked is None


@pytest.mark.parametrize(
    "refusal", [(errno.ENOSPC, "the disk is full"), (errno.EACCES, "not allowed to write")]
)
def test_a_title_refused_with_an_os_error_stays_typed_and_is_retried(
    qtbot: QtBot,
    store: Store,
    undo_stack: QUndoStack,
    workshop_id: int,
    refusal: tuple[int, str],
) -> None:
    number, words = refusal
    form = DetailsForm(store)
    shown(qtbot, form)
    form.set_workshop(workshop_id, undo_stack)
    with os_refuses(store.db, number):
        retype(qtbot, form.title_edit, "Spring retreat")
        qtbot.keyClick(form.title_edit, Qt.Key.Key_Return)
        assert words in form.messages["title"].text()
        assert form.title_edit.text() == "Spring retreat"
        assert get_workshop(store.db, workshop_id).title == "Away day"
        store.sig_retry_due.emit()
        assert form.title_edit.text() == "Spring retreat"
    store.sig_retry_due.emit()
    assert get_workshop(store.db, workshop_id).title == "Spring retreat"
    assert not form.messages["title"].isVisible()
    assert undo_stack.count() == 1  # the refused attempts left no empty undo steps


def test_a_refusal_that_is_not_the_disk_blocks_nothing(store: Store, workshop_id: int) -> None:
    with disk_full(store.db):
        assert store.apply(edit_workshop, workshop_id, title=" ") is None  # refused before
    assert store.blocked is None  # any write: the empty title, not the disk
