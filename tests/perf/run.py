"""`uv run python tests/perf/run.py [--quick] [--json PATH] [--keep]`: the benchmark of issue 8.

Exits 1 when a figure misses its budget (or could not be measured), 0 otherwise.
"""

import sys
from pathlib import Path

# Run as a script, Python puts tests/perf itself first on sys.path, where names such as data or
# table could shadow other modules. The repo root in its place makes `tests.perf` importable
# whether or not the project is installed in the venv (uv installs it editable today).
sys.path[0] = str(Path(__file__).resolve().parents[2])

from tests.perf.bench import main  # noqa: E402 (needs the path above)

if __name__ == "__main__":
    sys.exit(main())
