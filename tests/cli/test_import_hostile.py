"""`chorus import` with hostile files, through the real program: exit 1, one `chorus: ...` line
on stderr, no traceback, and a database (and its backups) exactly as before.

Every file of tests/fixtures/hostile_bundles is checked in-process by
tests/app/test_hostile_bundles.py; here a few representative ones, and big inputs, go through
the whole command line once.
"""

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.bundle import MAX_BUNDLE_BYTES
from tests.cli.conftest import chorus, one_line_error, succeeded

FIXTURES = Path(__file__).parents[1] / "fixtures"
CORPUS = FIXTURES / "hostile_bundles"
GOOD = FIXTURES / "bundles" / "every_mode_v1.json"
REPRESENTATIVE = {
    "syntax_trailing_comma.json": "not valid JSON",
    "encoding_utf16_bom.json": "UTF-16 text; save the file as UTF-8",
    "version_newer.json": "made by a newer Chorus (bundle version 2)",
    "type_vote_count_negative.json": "agenda[0].votes[0].count: expected at least 0, got -1",
    "ref_card_author.json": "agenda[0].cards[0].author: no participant 'p9'",
    "dup_participant_ref.json": "participants[1].ref: 'p1' is already used",
}


def state(data_dir: Path) -> tuple[dict[str, list[tuple[Any, ...]]], list[str]]:
    """Every row of every table, sorted, and the names of the backups."""
    database = data_dir / "chorus.sqlite3"
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
        tables = [name for (name,) in connection.execute(names)]
        rows = {t: sorted(connection.execute(f'SELECT * FROM "{t}"'), key=repr) for t in tables}
    finally:
        connection.close()
    return rows, sorted(p.name for p in (data_dir / "backups").glob("*"))


@pytest.fixture(scope="module")
def data_dir(cli_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data folder holding one workshop, imported from the good bundle."""
    folder = tmp_path_factory.mktemp("import-hostile") / "data"
    assert succeeded(chorus("import", GOOD, data_dir=folder)).strip().isdigit()
    yield folder


def refused(data_dir: Path, path: Path) -> tuple[str, float]:
    """Run `chorus import PATH`; its one error line and the seconds the run took."""
    before = state(data_dir)
    started = time.perf_counter()
    result = chorus("import", path, data_dir=data_dir)
    elapsed = time.perf_counter() - started
    line = one_line_error(result)
    assert line.startswith(f"chorus: {path}: "), line
    assert state(data_dir) == before, "a refused import changed the database or its backups"
    return line, elapsed


@pytest.mark.parametrize("name", sorted(REPRESENTATIVE))
def test_a_hostile_bundle_is_refused_on_one_line(data_dir: Path, name: str) -> None:
    line, _ = refused(data_dir, CORPUS / name)
    assert REPRESENTATIVE[name] in line


def test_100_000_nested_arrays_are_refused_without_a_traceback(
    data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "deep.json"
    path.write_bytes(b"[" * 100_000 + b"]" * 100_000)
    line, _ = refused(data_dir, path)
    assert line.endswith("not usable JSON: nested too deeply")


def test_a_50_mb_flood_is_refused(data_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "flood.json"
    path.write_bytes(
        b'{"format": "chorus-workshop", "version": 1, "notes": [' + b"1, " * 17_000_000 + b"1]}"
    )
    line, elapsed = refused(data_dir, path)
    assert "notes[0]: expected an object, got 1" in line or "larger than" in line
    assert elapsed < 15, f"{elapsed:.1f} s"  # the program's start included; about 2 s


def test_a_file_far_over_the_size_limit_is_refused_after_reading_only_the_limit(
    data_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as stream:
        stream.truncate(4 * MAX_BUNDLE_BYTES)  # sparse: takes no disk space
    line, elapsed = refused(data_dir, path)
    assert f"larger than {MAX_BUNDLE_BYTES // 2**20} MiB" in line
    assert elapsed < 15, f"{elapsed:.1f} s"  # the program's start included; about 1 s
