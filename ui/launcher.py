"""The `chorus` entry point, and the one place that sees every layer.

It sits in ui/ so that app/ never imports exports/ or ui/; it imports no Qt itself, so the
command line starts fast and runs without a display.
"""

import sys
from pathlib import Path

from app.cli.main import run_cli
from exports.registry import EXPORTERS


def open_window(data_dir: Path) -> int:
    from ui.application import run_app  # Qt loads only when the window is wanted

    return run_app(data_dir)


def main(argv: list[str] | None = None) -> int:
    return run_cli(argv, exporters=EXPORTERS, open_window=open_window)


if __name__ == "__main__":
    sys.exit(main())
