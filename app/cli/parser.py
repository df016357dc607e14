"""The argument parser: every command and option of the command-line contract, in one place."""

import argparse
from collections.abc import Sequence
from typing import Any

FORMATS = ("pdf", "md", "json")
KINDS = ("handout", "report", "guide")


class VersionAction(argparse.Action):
    """argparse's "version" action, but the version is looked up only when asked for."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        import app

        print(f"chorus {app.__version__}")
        parser.exit()


def _data_dir_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="data folder (default: $CHORUS_DATA_DIR, else the user data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chorus",
        description="Chorus: plan, run and record collective-leadership workshops. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument(
        "--version", action=VersionAction, nargs=0, help="show the version number and exit"
    )
    _data_dir_option(parser, None)
    # Sub-commands accept --data-dir too; SUPPRESS keeps them from hiding the global one.
    common = argparse.ArgumentParser(add_help=False)
    _data_dir_option(common, argparse.SUPPRESS)

    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "demo", parents=[common], help="create a filled-in demo workshop, print its id"
    )
    listing = commands.add_parser(
        "list", parents=[common], help="workshops: id, title, date, status"
    )
    listing.add_argument("--json", action="store_true", help="print JSON")

    export = commands.add_parser("export", parents=[common], help="export a workshop")
    export.add_argument("id", type=int, help="workshop id (see: chorus list)")
    export.add_argument("--format", required=True, choices=FORMATS)
    export.add_argument("--kind", default="handout", choices=KINDS, help="default: handout")
    export.add_argument("-o", "--output", required=True, metavar="PATH")

    importing = commands.add_parser(
        "import", parents=[common], help="import a JSON bundle, print the new id"
    )
    importing.add_argument("path", metavar="PATH")

    exercises = commands.add_parser("exercises", parents=[common], help="the exercise library")
    exercise_commands = exercises.add_subparsers(dest="exercises_command", metavar="ACTION")
    exercise_commands.required = True
    listed = exercise_commands.add_parser(
        "list", parents=[common], help="built-in and custom exercises"
    )
    listed.add_argument("--json", action="store_true", help="print JSON")
    show = exercise_commands.add_parser("show", parents=[common], help="one exercise in full")
    show.add_argument("key")
    validate = exercise_commands.add_parser(
        "validate", parents=[common], help="check exercise files"
    )
    validate.add_argument("files", nargs="+", metavar="FILE")
    imported = exercise_commands.add_parser(
        "import", parents=[common], help="add exercise files to your library (after checking)"
    )
    imported.add_argument("files", nargs="+", metavar="FILE")
    new = exercise_commands.add_parser(
        "new", parents=[common], help="write a commented starter file for a new exercise"
    )
    new.add_argument("key")
    new.add_argument("-o", "--output", required=True, metavar="FILE")

    commands.add_parser("check", parents=[common], help="database integrity and backups")
    commands.add_parser("backup", parents=[common], help="make a backup now, print its path")
    restore = commands.add_parser(
        "restore", parents=[common], help="replace the database with a backup file"
    )
    restore.add_argument("file", metavar="FILE")
    return parser
