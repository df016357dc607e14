"""The one-way layers: nothing outside ui/ may import Qt or ui/ (DESIGN.md, Layers)."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
ALLOWED = {
    "exercises": {"exercises"},
    "app": {"app", "exercises"},
    "exports": {"exports", "app", "exercises"},
}
FIRST_PARTY = {"app", "exercises", "exports", "ui"}
FORBIDDEN_EVERYWHERE = {"PySide6", "shiboken6", "qtawesome", "pytestqt"}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):  # every import, including ones inside functions
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module.split(".")[0]))
    return found


def test_no_layer_imports_upwards_or_qt() -> None:
    offences = []
    for layer, allowed in ALLOWED.items():
        for path in sorted((ROOT / layer).rglob("*.py")):
            for line, top in _imports(path):
                upward = top in FIRST_PARTY and top not in allowed
                if upward or top in FORBIDDEN_EVERYWHERE:
                    offences.append(f"{path.relative_to(ROOT)}:{line} imports {top}")
    assert offences == []


def test_the_command_line_never_loads_qt() -> None:
    probe = "import sys\nfrom ui.launcher import main\nmain(['--help'])\n"
    result = subprocess.run(
        [sys.executable, "-c", probe + "\n", "--"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    # --help exits through SystemExit(0) after printing usage
    assert "usage: chorus" in result.stdout
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys\nimport ui.launcher, app.cli.commands, exports.registry\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'reportlab', 'qtawesome')))",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    assert loaded.stdout.strip() == "[]"
