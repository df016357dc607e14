"""Run the real `chorus` program, as a user or a script would, and check what it says.

Every call starts a fresh process with an environment that does not inherit CHORUS_DATA_DIR or
CHORUS_DEBUG, and whose HOME and XDG_DATA_HOME point into a throwaway folder: if a bug ever
ignored --data-dir, it would write there and never into the real user data folder.

Byte-compiled modules go to a cache folder of this test session (PYTHONPYCACHEPREFIX), so a start
does not recompile every module even where PYTHONDONTWRITEBYTECODE is set (that cost over a
second per process), and the tests never write __pycache__ folders into the source tree.
"""

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHORUS_SCRIPT = Path(sys.executable).parent / ("chorus.exe" if os.name == "nt" else "chorus")
SAMPLE_EXERCISE = REPO / "exercises" / "library" / "recall_great_collaboration.toml"
NOT_INHERITED = ("CHORUS_DATA_DIR", "CHORUS_DEBUG", "PYTHONDONTWRITEBYTECODE")
TIMEOUT_SECONDS = 120

_sandbox: dict[str, Path] = {}


@pytest.fixture(scope="session", autouse=True)
def cli_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The HOME every `chorus` process sees; nothing may appear in it."""
    root = tmp_path_factory.mktemp("cli-sandbox")
    _sandbox["home"] = root / "home"
    _sandbox["home"].mkdir()
    _sandbox["pycache"] = root / "pycache"
    yield _sandbox["home"]
    _sandbox.clear()


def command_line() -> list[str]:
    """The installed console script (what `uv run chorus` runs), else the module behind it."""
    if CHORUS_SCRIPT.exists():
        return [str(CHORUS_SCRIPT)]
    return [sys.executable, "-m", "ui.launcher"]


def cli_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    if not _sandbox:
        raise RuntimeError("chorus() needs the cli_home fixture of tests/cli/conftest.py")
    home = _sandbox["home"]
    env = {name: value for name, value in os.environ.items() if name not in NOT_INHERITED}
    env.update(
        HOME=str(home),
        USERPROFILE=str(home),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        PYTHONPYCACHEPREFIX=str(_sandbox["pycache"]),
        PYTHONIOENCODING="utf-8",
    )
    env.update(extra or {})
    return env


def chorus(
    *args: str | Path,
    data_dir: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> "subprocess.CompletedProcess[str]":
    """Run `chorus [--data-dir DATA_DIR] ARGS...` and return what it printed and its exit code."""
    argv = command_line()
    if data_dir is not None:
        argv += ["--data-dir", str(data_dir)]
    argv += [str(arg) for arg in args]
    return subprocess.run(
        argv,
        cwd=REPO if argv[0] == sys.executable else _sandbox["home"],
        env=cli_env(env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT_SECONDS,
        check=False,
    )


def describe(result: "subprocess.CompletedProcess[str]") -> str:
    """The whole exchange, for assertion messages."""
    return (
        f"$ {' '.join(result.args)}\nexit {result.returncode}\n"
        f"--- stdout\n{result.stdout}--- stderr\n{result.stderr}"
    )


def succeeded(result: "subprocess.CompletedProcess[str]") -> str:
    """Exit 0 with nothing on stderr (a script may merge the two); returns stdout."""
    assert result.returncode == 0, describe(result)
    assert result.stderr == "", describe(result)
    return result.stdout


def one_line_error(result: "subprocess.CompletedProcess[str]") -> str:
    """The error contract: exit 1, one `chorus: ...` line on stderr, no traceback, no stdout."""
    assert result.returncode == 1, describe(result)
    assert "Traceback" not in result.stderr, describe(result)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, describe(result)
    assert lines[0].startswith("chorus: "), describe(result)
    assert result.stdout == "", describe(result)
    return lines[0]


def chorus_files_under(folder: Path) -> list[Path]:
    """Chorus databases anywhere under `folder` (used to prove the default folder stayed unused)."""
    return sorted(folder.rglob("chorus.sqlite3*"))
