"""The `chorus` entry point, and the one place that sees every layer.

It sits in ui/ so that app/ never imports exports/ or ui/; it imports no Qt itself, so the
command line starts fast and runs without a display.
"""

import sys

from app.cli.main import run_cli
from exports.registry import EXPORTERS


def main(argv: list[str] | None = None) -> int:
    # open_window arrives with the desktop app; until then `chorus` alone prints help.
    return run_cli(argv, exporters=EXPORTERS, open_window=None)


if __name__ == "__main__":
    sys.exit(main())
