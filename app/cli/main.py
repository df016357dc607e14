"""Run the command line: parse, dispatch, and turn every failure into one line on stderr.

Exports beyond JSON and the desktop window live in layers above app/, so the entry point
passes them in (`exporters`, `open_window`); app/ never imports exports/ or ui/.
"""

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.parser import build_parser
from app.paths import resolve_data_dir

if TYPE_CHECKING:
    from app.cli.commands import ExportFn

EXIT_OK = 0
EXIT_FAILED = 1
OpenWindow = Callable[[Path], int]


def run_cli(
    argv: Sequence[str] | None = None,
    *,
    exporters: "Mapping[str, ExportFn] | None" = None,
    open_window: OpenWindow | None = None,
) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command is None:
        if open_window is None:
            parser.print_help()
            return EXIT_OK
        return open_window(data_dir)
    from app.cli.commands import COMMANDS, Context  # after parsing: --help stays quick

    context = Context(data_dir, dict(exporters or {}))
    name = args.command if args.command != "exercises" else f"exercises {args.exercises_command}"
    try:
        return COMMANDS[name](context, args)
    except Exception as error:  # the contract: one line, no traceback
        if os.environ.get("CHORUS_DEBUG"):
            raise
        from app.db.storage_errors import storage_problem

        problem = storage_problem(error)
        # KeyError's str() is the repr of its message; people should read the message itself.
        text = str(error.args[0]) if isinstance(error, KeyError) and error.args else str(error)
        text = problem.summary if problem is not None else text
        message = " ".join(text.split()) or type(error).__name__
        print(f"chorus: {message}", file=sys.stderr)
        return EXIT_FAILED
    finally:
        context.close()


def main() -> int:
    return run_cli()
