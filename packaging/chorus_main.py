"""What the bundled executable runs: the same `chorus` entry point as the installed package."""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
