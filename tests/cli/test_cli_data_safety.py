"""Data safety through the command line: refuse a newer database, recover a damaged one from its
newest sound backup, and back up / check / restore on request without losing the previous file.
"""

import hashlib
import json
import re
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from app.db.database import Database
from app.paths import LOCK_NAME
from tests.cli.conftest import chorus, describe, one_line_error, succeeded

DATABASE = "chorus.sqlite3"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def backups_in(data_dir: Path) -> set[Path]:
    return set((data_dir / "backups").glob("chorus-*.sqlite3"))


def make_demo(data_dir: Path) -> int:
    out = succeeded(chorus("demo", data_dir=data_dir))
    assert re.fullmatch(r"\d+\n", out), out
    return int(out)


def workshop_ids(data_dir: Path) -> list[int]:
    records: list[dict[str, Any]] = json.loads(
        succeeded(chorus("list", "--json", data_dir=data_dir))
    )
    return [record["id"] for record in records]


def live_workshops_in(database: Path) -> int:
    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        (count,) = connection.execute(
            "SELECT count(*) FROM workshop WHERE trashed_at IS NULL"
        ).fetchone()
    finally:
        connection.close()
    return int(count)


def test_database_from_a_newer_chorus_is_refused_and_left_untouched(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    Database.open(data_dir).close()  # a current database, then stamped as if from the future
    database = data_dir / DATABASE
    connection = sqlite3.connect(database)
    try:
        with connection:
            connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    finally:
        connection.close()
    before = sha256(database)
    backups_before = backups_in(data_dir)

    line = one_line_error(chorus("list", data_dir=data_dir))

    assert "newer" in line
    assert sha256(database) == before, "the newer database was modified"
    assert list(data_dir.glob("*.damaged")) == [], "a sound newer database was set aside"
    assert backups_in(data_dir) == backups_before


def test_truncated_database_is_restored_from_the_newest_backup(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    workshop_id = make_demo(data_dir)
    backup = Path(succeeded(chorus("backup", data_dir=data_dir)).strip())
    database = data_dir / DATABASE
    with database.open("r+b") as handle:
        handle.truncate(4096)
    truncated = sha256(database)

    result = chorus("list", "--json", data_dir=data_dir)

    assert result.returncode == 0, describe(result)
    assert workshop_id in [record["id"] for record in json.loads(result.stdout)]
    assert "Traceback" not in result.stderr, describe(result)
    notices = result.stderr.splitlines()
    assert len(notices) == 1, describe(result)
    notice = notices[0]
    assert notice.startswith("chorus: "), describe(result)
    assert backup.name in notice, f"the notice does not name the backup used:\n{notice}"
    damaged = list(data_dir.glob("*.damaged"))
    assert len(damaged) == 1, sorted(p.name for p in data_dir.iterdir())
    assert sha256(damaged[0]) == truncated, "the damaged file was not kept as it was"


def test_backup_check_and_restore(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    first = make_demo(data_dir)

    out = succeeded(chorus("backup", data_dir=data_dir))
    assert len(out.splitlines()) == 1, f"backup must print only the new file's path:\n{out}"
    backup = Path(out.strip())
    assert backup.is_file(), out
    assert backup.resolve().parent == (data_dir / "backups").resolve()

    report = succeeded(chorus("check", data_dir=data_dir))
    assert re.search(r"^integrity: ok$", report, re.MULTILINE), report
    counted = re.search(r"^backups: (\d+)\b", report, re.MULTILINE)
    assert counted, report
    assert int(counted.group(1)) == len(backups_in(data_dir)), report

    second = make_demo(data_dir)
    assert second != first
    backups_before = backups_in(data_dir)

    succeeded(chorus("restore", backup, data_dir=data_dir))

    made = backups_in(data_dir) - backups_before
    assert len(made) == 1, f"expected one safety backup, found {sorted(made)}"
    assert live_workshops_in(made.pop()) == 2, "the database replaced by restore was not kept"
    assert workshop_ids(data_dir) == [first]


def test_restore_is_refused_while_a_window_has_the_folder_open(tmp_path: Path) -> None:
    """The open window would go on writing to the replaced file, and those words would be lost."""
    data_dir = tmp_path / "data"
    make_demo(data_dir)
    backup = Path(succeeded(chorus("backup", data_dir=data_dir)).strip())
    make_demo(data_dir)
    before = sha256(data_dir / DATABASE)
    holder = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:  # a lock in Qt's format, held by a live process on this host
        (data_dir / LOCK_NAME).write_text(f"{holder.pid}\nchorus\n{socket.gethostname()}\n")
        message = one_line_error(chorus("restore", backup, data_dir=data_dir))
        assert f"Chorus is open on {data_dir} (process {holder.pid})" in message
        assert sha256(data_dir / DATABASE) == before
    finally:
        holder.kill()
        holder.wait()
    succeeded(chorus("restore", backup, data_dir=data_dir))  # its owner is gone: a stale lock
    assert len(workshop_ids(data_dir)) == 1
