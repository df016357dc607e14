"""Build the PyInstaller bundle and run it as a user would: without Python, outside the tree.

The bundle is built once per test session into a temporary folder (packaging/build.py, about a
minute), then its executable runs from a temporary working folder with a temporary home and data
folder: `--version`, `demo`, `export --format pdf` and the window, headless. On Linux the
`.tar.gz` is installed with install.sh into a temporary home and removed again.
"""

import importlib.util
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.db.schema import HEAD_REVISION
from ui.application import APP_ID

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "packaging" / "build.py"
DEMO_TITLE = tomllib.loads((ROOT / "app" / "demo_content.toml").read_text("utf-8"))["title"]
VERSION = str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])
# What the bundle may weigh (measured: 180 MB and 78 MB on Linux); a jump means something big
# slipped in, such as a Qt module or a development tool.
BUNDLE_BUDGET_BYTES = 260_000_000
ARCHIVE_BUDGET_BYTES = 110_000_000
LINUX = sys.platform.startswith("linux")


@dataclass(frozen=True)
class Bundle:
    folder: Path
    executable: Path
    archive: Path | None
    summary: dict[str, object]
    home: Path


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bundle]:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed: `uv sync` installs it (dev dependency group)")
    out = tmp_path_factory.mktemp("bundle")
    summary_file = out / "summary.json"
    result = subprocess.run(
        [
            sys.executable,
            str(BUILD_SCRIPT),
            "--dist",
            str(out / "dist"),
            "--work",
            str(out / "work"),
            "--summary",
            str(summary_file),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert result.returncode == 0, f"the build failed:\n{result.stdout}\n{result.stderr}"
    summary = json.loads(summary_file.read_text("utf-8"))
    archive = summary["archive"]
    yield Bundle(
        folder=Path(summary["bundle"]),
        executable=Path(summary["executable"]),
        archive=Path(archive) if archive else None,
        summary=summary,
        home=tmp_path_factory.mktemp("home"),
    )
    shutil.rmtree(out, ignore_errors=True)  # 260 MB that pytest would otherwise keep


def run(
    bundle: Bundle, *args: str, cwd: Path, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The bundled executable in a bare environment: no Python path, no user folders."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(bundle.home),
        "XDG_DATA_HOME": str(bundle.home / "data"),
        "XDG_CONFIG_HOME": str(bundle.home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
        **(extra_env or {}),
    }
    if sys.platform == "win32":
        env["SYSTEMROOT"] = os.environ.get("SYSTEMROOT", r"C:\Windows")
    return subprocess.run(
        [str(bundle.executable), *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
        check=False,
    )


def test_version_is_pyprojects(bundle: Bundle, tmp_path: Path) -> None:
    result = run(bundle, "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"chorus {VERSION}"


def test_demo_and_pdf_export_into_a_temporary_data_folder(bundle: Bundle, tmp_path: Path) -> None:
    data = tmp_path / "data"
    demo = run(bundle, "--data-dir", str(data), "demo", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    workshop_id = demo.stdout.strip()
    assert workshop_id.isdigit()
    pdf = tmp_path / "handout.pdf"
    export = run(
        bundle,
        *("--data-dir", str(data), "export", workshop_id, "--format", "pdf", "-o", str(pdf)),
        cwd=tmp_path,
    )
    assert export.returncode == 0, export.stderr
    reader = PdfReader(pdf)
    assert len(reader.pages) > 0
    text = " ".join(page.extract_text() for page in reader.pages)
    assert " ".join(DEMO_TITLE.split()) in " ".join(text.split())
    assert reader.metadata is not None and reader.metadata.title == DEMO_TITLE
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in (page["/Resources"].get("/Font") or {}).values()
    }
    assert any("NotoSans" in font for font in fonts), fonts  # the bundled fonts were found
    # The database was created and stamped through the bundled Alembic migrations.
    with sqlite3.connect(data / "chorus.sqlite3") as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (HEAD_REVISION,)
        ]


def test_the_window_starts_with_its_data_and_paints_headless(
    bundle: Bundle, tmp_path: Path
) -> None:
    result = run(
        bundle,
        *("--data-dir", str(tmp_path / "data")),
        cwd=tmp_path,
        extra_env={"CHORUS_EXIT_AFTER_STARTUP": "1"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_the_bundle_holds_its_data_and_leaves_out_what_it_does_not_need(bundle: Bundle) -> None:
    internal = bundle.folder / "_internal"
    for folder, pattern in (
        ("resources/fonts", "*.ttf"),
        ("resources/fonts", "*LICENSE.txt"),
        ("exercises/library", "*.toml"),
        ("exercises/templates", "*.toml"),
        ("app/db/migrations/versions", "*.py"),
    ):
        source = sorted(p.name for p in (ROOT / folder).glob(pattern))
        assert source, folder
        assert sorted(p.name for p in (internal / folder).glob(pattern)) == source, folder
    for name in (
        "app/db/migrations/env.py",
        "app/db/migrations/script.py.mako",
        "app/demo_content.toml",
        "resources/sounds/chime.wav",
        f"resources/icons/hicolor/scalable/apps/{APP_ID}.svg",
        f"resources/icons/hicolor/256x256/apps/{APP_ID}.png",
    ):
        assert (internal / name).is_file(), name
    metadata = internal / f"chorus-{VERSION}.dist-info" / "METADATA"
    assert f"Version: {VERSION}" in metadata.read_text("utf-8")
    names = {path.name for path in internal.rglob("*")}
    assert not (internal / "resources" / "screenshots").exists()
    for unwanted in ("mypy", "hypothesis", "pytest", "tkinter", "QtQml.abi3.so", "QtQuick.abi3.so"):
        assert unwanted not in names, unwanted
    assert not any(re.match(r"libQt6(Quick|Qml|WebEngine)", name) for name in names)
    assert not any(name.startswith("libav") for name in names)  # no FFmpeg backend


def test_the_bundle_keeps_to_its_size_budget(bundle: Bundle) -> None:
    size = int(str(bundle.summary["bundle_bytes"]))
    assert size < BUNDLE_BUDGET_BYTES, f"the bundle grew to {size / 1e6:.0f} MB"
    if bundle.archive is not None:
        archived = bundle.archive.stat().st_size
        assert archived < ARCHIVE_BUDGET_BYTES, f"the archive grew to {archived / 1e6:.0f} MB"


@pytest.mark.skipif(not LINUX, reason="install.sh and the .tar.gz are for Linux")
def test_install_script_installs_the_tarball_for_the_user_and_removes_it(
    bundle: Bundle, tmp_path: Path
) -> None:
    assert bundle.archive is not None and bundle.archive.name.endswith(".tar.gz")
    home = tmp_path / "home"
    home.mkdir()
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(home)}
    install = subprocess.run(
        ["sh", str(ROOT / "packaging" / "linux" / "install.sh"), str(bundle.archive)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=300,
        check=False,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    local = home / ".local"
    share = local / "share"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    installed = local / "lib" / "chorus" / "chorus"
    assert f"Exec={installed}\n" in desktop.read_text("utf-8")
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        assert (share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    launcher = local / "bin" / "chorus"
    version = subprocess.run(
        [str(launcher), "--version"], capture_output=True, text=True, env=env, check=False
    )
    assert version.stdout.strip() == f"chorus {VERSION}", version.stderr

    uninstall = subprocess.run(
        [str(local / "lib" / "chorus" / "uninstall.sh")],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert uninstall.returncode == 0, uninstall.stdout + uninstall.stderr
    left = sorted(
        str(path.relative_to(home))
        for path in home.rglob("*")
        if path.is_file() or path.is_symlink()
    )
    # Only a menu cache that update-desktop-database may have written stays behind.
    assert [path for path in left if not path.endswith("mimeinfo.cache")] == []
