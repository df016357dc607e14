"""The command-line contract a script relies on: commands, output formats, exit codes, errors.

Each test runs the real `chorus` program (see conftest.py) and groups the checks of one scenario,
so the whole file starts as few processes as it can.
"""

import datetime as dt
import json
import re
import sqlite3
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.cli.conftest import (
    CHORUS_SCRIPT,
    REPO,
    chorus,
    chorus_files_under,
    describe,
    one_line_error,
    succeeded,
)

COMMANDS = ("demo", "list", "export", "import", "exercises", "check", "backup", "restore")
STATUSES = {"planned", "running", "done", "archived"}


@dataclass(frozen=True)
class Demo:
    data_dir: Path
    id: int
    title: str  # read from the database file itself, not through the command line


def printed_id(out: str) -> int:
    """`demo` and `import` print the new id and nothing else, so `$(chorus demo)` works."""
    assert re.fullmatch(r"\d+\n", out), f"expected only an id on stdout, got {out!r}"
    return int(out)


def list_json(data_dir: Path) -> list[dict[str, Any]]:
    records = json.loads(succeeded(chorus("list", "--json", data_dir=data_dir)))
    assert isinstance(records, list)
    return records


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    """A data folder holding the demo workshop (made with --data-dir before the command)."""
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    workshop_id = printed_id(succeeded(chorus("demo", data_dir=data_dir)))
    connection = sqlite3.connect(data_dir / "chorus.sqlite3")
    try:
        row = connection.execute("SELECT title FROM workshop WHERE id = ?", (workshop_id,))
        (title,) = row.fetchone()
    finally:
        connection.close()
    return Demo(data_dir, workshop_id, title)


@pytest.fixture(scope="module")
def bundle_a(demo: Demo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo workshop exported as a JSON bundle."""
    path = tmp_path_factory.mktemp("bundles") / "a.json"
    result = chorus("export", str(demo.id), "--format", "json", "-o", path, data_dir=demo.data_dir)
    succeeded(result)
    assert path.is_file(), describe(result)
    return path


def test_help_version_and_bare_command(cli_home: Path) -> None:
    assert CHORUS_SCRIPT.exists(), f"the `chorus` console script is not installed: {CHORUS_SCRIPT}"

    help_text = succeeded(chorus("--help"))
    for command in COMMANDS:
        assert re.search(rf"^\s+{command}\b", help_text, re.MULTILINE), (command, help_text)
    assert "--data-dir" in help_text

    version = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version)
    assert succeeded(chorus("--version")) == f"chorus {version}\n"

    assert chorus_files_under(cli_home) == []  # asking for help writes nothing anywhere


def test_the_bare_command_opens_the_window_on_the_data_folder(tmp_path: Path) -> None:
    data_dir = tmp_path / "window data"
    opened = chorus(
        data_dir=data_dir,
        env={"CHORUS_EXIT_AFTER_STARTUP": "1", "QT_QPA_PLATFORM": "offscreen"},
    )
    assert opened.returncode == 0, describe(opened)
    assert (data_dir / "chorus.sqlite3").is_file()  # the window opened the database
    assert not (data_dir / "chorus.lock").exists()  # and gave the folder back on exit


def test_list_shows_the_demo_with_the_option_after_the_command_or_the_variable(
    demo: Demo, cli_home: Path
) -> None:
    # (The demo fixture passed --data-dir before the command.)
    records = json.loads(succeeded(chorus("list", "--json", "--data-dir", str(demo.data_dir))))
    (record,) = [r for r in records if r["id"] == demo.id]
    assert record["title"] == demo.title
    assert record["date"] is None or dt.date.fromisoformat(record["date"])
    assert record["status"] in STATUSES

    # Plain text, with the folder given only by CHORUS_DATA_DIR.
    plain = succeeded(chorus("list", env={"CHORUS_DATA_DIR": str(demo.data_dir)}))
    (line,) = [line for line in plain.splitlines() if re.match(rf"\s*{demo.id}\b", line)]
    assert demo.title in line, plain
    assert chorus_files_under(cli_home) == [], "the default data folder was used"


def test_json_bundle_round_trips_through_export_and_import(demo: Demo, bundle_a: Path) -> None:
    new_id = printed_id(succeeded(chorus("import", bundle_a, data_dir=demo.data_dir)))
    assert new_id != demo.id

    bundle_b = bundle_a.with_name("b.json")
    result = chorus(
        "export", str(new_id), "--format", "json", "-o", bundle_b, data_dir=demo.data_dir
    )
    succeeded(result)
    a = json.loads(bundle_a.read_text("utf-8"))
    b = json.loads(bundle_b.read_text("utf-8"))
    for bundle in (a, b):
        dt.datetime.fromisoformat(bundle.pop("exported_at"))
    assert a == b, "export -> import -> export changed more than exported_at"


def test_markdown_export_writes_the_workshop(demo: Demo, tmp_path: Path) -> None:
    output = tmp_path / "x.md"
    result = chorus("export", str(demo.id), "--format", "md", "-o", output, data_dir=demo.data_dir)
    succeeded(result)
    text = output.read_text("utf-8")
    assert demo.title in text
    headings = [line for line in text.splitlines() if line.startswith("# ")]
    assert any(demo.title in heading for heading in headings), text[:500]


def test_pdf_export_writes_each_kind(demo: Demo, tmp_path: Path) -> None:
    for kind in ("handout", "report", "guide"):
        output = tmp_path / f"{kind}.pdf"
        result = chorus(
            "export",
            str(demo.id),
            "--format",
            "pdf",
            "--kind",
            kind,
            "-o",
            output,
            data_dir=demo.data_dir,
        )
        assert succeeded(result) == f"{output}\n"
        data = output.read_bytes()
        assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"), describe(result)
        assert demo.title.encode() in data  # the document title in the metadata
    assert sorted(p.name for p in tmp_path.iterdir()) == ["guide.pdf", "handout.pdf", "report.pdf"]


def test_errors_are_one_line_and_change_nothing(bundle_a: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"

    output = tmp_path / "n.json"
    missing_id = chorus("export", "424242", "--format", "json", "-o", output, data_dir=data_dir)
    assert "424242" in one_line_error(missing_id)
    assert not output.exists()

    missing_file = tmp_path / "missing.json"
    assert str(missing_file) in one_line_error(chorus("import", missing_file, data_dir=data_dir))

    not_json = tmp_path / "not.json"
    not_json.write_text('{"format": "chorus-workshop", ', encoding="utf-8")
    assert "JSON" in one_line_error(chorus("import", not_json, data_dir=data_dir))

    newer = json.loads(bundle_a.read_text("utf-8"))
    newer["version"] = 99
    newer_file = tmp_path / "newer.json"
    newer_file.write_text(json.dumps(newer), encoding="utf-8")
    assert "newer" in one_line_error(chorus("import", newer_file, data_dir=data_dir))

    notes = "these are my notes, not a database\n"
    not_a_database = tmp_path / "notes.sqlite3"
    not_a_database.write_text(notes, encoding="utf-8")
    refused = one_line_error(chorus("restore", not_a_database, data_dir=data_dir))
    assert str(not_a_database) in refused
    assert not_a_database.read_text("utf-8") == notes

    assert list_json(data_dir) == [], "a refused command left a workshop behind"
    # `exercises show` of an unknown key: see tests/cli/test_exercises_validate.py.
