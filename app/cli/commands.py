"""One handler per command. Each returns the exit code; failures raise and main() reports them."""

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from app.cli.exercise_commands import EXERCISE_COMMANDS
from app.db.backup import list_backups, quick_check
from app.db.database import Database
from app.db.restore import restore_from
from app.lock_owner import window_pid
from app.paths import database_path
from app.services.workshops import WorkshopView, list_workshops
from exercises.library import builtin_library

ExportFn = Callable[[Database, int, str, Path], None]  # (db, workshop id, kind, output path)


@dataclass
class Context:
    data_dir: Path
    exporters: dict[str, ExportFn]
    _db: Database | None = field(default=None, init=False)

    @property
    def db(self) -> Database:
        """Opened on first use, so `exercises validate` never touches a data folder."""
        if self._db is None:
            self._db = Database.open(self.data_dir)
            if self._db.recovery is not None:
                print(f"chorus: {self._db.recovery.message}", file=sys.stderr)
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            if self._db.backup_problem:  # the command's work is saved; only the backup failed
                print(f"chorus: warning: {self._db.backup_problem}", file=sys.stderr)


Handler = Callable[[Context, argparse.Namespace], int]


def demo(context: Context, _args: argparse.Namespace) -> int:
    from app.demo import create_demo_workshop

    print(create_demo_workshop(context.db, builtin_library()).id)
    return 0


def _status(workshop_status: str, archived: bool) -> str:
    return "archived" if archived else workshop_status


def list_command(context: Context, args: argparse.Namespace) -> int:
    rows = list_workshops(context.db, WorkshopView.ACTIVE) + list_workshops(
        context.db, WorkshopView.ARCHIVED
    )
    records = [
        {
            "id": workshop.id,
            "title": workshop.title,
            "date": workshop.date.isoformat() if workshop.date else None,
            "status": _status(workshop.status.value, workshop.archived_at is not None),
        }
        for workshop in rows
    ]
    if args.json:
        print(json.dumps(records, ensure_ascii=False, indent=2))
        return 0
    for record in records:
        day = record["date"] or ""
        print(f"{record['id']:>5}  {day:<10}  {record['status']:<8}  {record['title']}")
    return 0


def export(context: Context, args: argparse.Namespace) -> int:
    output = Path(args.output)
    if args.format == "json":
        from app.bundle.export import write_bundle

        write_bundle(context.db, args.id, output)
    else:
        exporter = context.exporters.get(args.format)
        if exporter is None:
            raise RuntimeError(f"{args.format} export is not yet available in this version.")
        exporter(context.db, args.id, args.kind, output)
    print(output)
    return 0


def import_command(context: Context, args: argparse.Namespace) -> int:
    from app.bundle import MAX_BUNDLE_BYTES
    from app.bundle.load import import_bundle

    path = Path(args.path)
    if path.exists() and not path.is_file():  # a folder, or a pipe that would wait forever
        raise RuntimeError(f"{path} is not a file.")
    try:
        with path.open("rb") as stream:  # one byte past the limit is enough to refuse it
            data = stream.read(MAX_BUNDLE_BYTES + 1)
    except OSError as error:
        raise RuntimeError(f"cannot read {path}: {error.strerror or error}") from error
    print(import_bundle(context.db, data, source=str(path)).id)
    return 0


def check(context: Context, _args: argparse.Namespace) -> int:
    db = context.db
    problem = quick_check(database_path(db.data_dir))
    with db.engine.connect() as connection:
        integrity = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check")]
        orphans = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    backups = list_backups(db.backups_dir)
    print(f"database: {database_path(db.data_dir)}")
    print(f"integrity: {'ok' if integrity == ['ok'] and problem is None else '; '.join(integrity)}")
    print(f"foreign keys: {'ok' if not orphans else f'{len(orphans)} broken reference(s)'}")
    if backups:
        newest = backups[0].taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"backups: {len(backups)}, newest {newest} ({backups[0].path})")
    else:
        print("backups: none yet")
    return 0 if integrity == ["ok"] and problem is None and not orphans else 1


def backup(context: Context, _args: argparse.Namespace) -> int:
    print(context.db.backup_now().path)
    return 0


def restore(context: Context, args: argparse.Namespace) -> int:
    owner = window_pid(context.data_dir)
    if owner is not None:
        raise RuntimeError(
            f"Chorus is open on {context.data_dir} (process {owner}); close it, then restore."
        )
    safety = restore_from(context.data_dir, Path(args.file), datetime.now(UTC))
    if safety is not None:
        print(f"previous database backed up to {safety.path}")
    reopened = Database.open(context.data_dir)  # migrates a restore from an older Chorus
    reopened.engine.dispose()
    print(f"restored from {args.file}")
    return 0


COMMANDS: dict[str, Handler] = {
    **EXERCISE_COMMANDS,
    "demo": demo,
    "list": list_command,
    "export": export,
    "import": import_command,
    "check": check,
    "backup": backup,
    "restore": restore,
}
