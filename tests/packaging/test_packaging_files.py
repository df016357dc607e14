"""The files that make Chorus installable agree with each other and with the app.

One id names the app everywhere (setDesktopFileName, the desktop entry, the metainfo, the icon);
the version lives in pyproject.toml only; every icon size exists at its size. These are quick;
the bundle itself is built and run by test_bundle_build.py.
"""

import configparser
import importlib.metadata
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from importlib.metadata import PackageNotFoundError
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

import app
from app import __version__
from ui.application import APP_ID
from ui.help import about_dialog
from ui.help.about_dialog import AboutDialog, app_icon

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def pyproject_version() -> str:
    return str(tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"])


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_the_version_is_the_one_in_pyproject() -> None:
    assert __version__ == pyproject_version()


def test_a_source_tree_never_installed_reads_the_version_from_pyproject(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def not_installed(name: str) -> str:
        raise PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    assert app._version() == f"{pyproject_version()}+source"


def test_the_desktop_entry_is_named_by_the_app_id_and_shows_its_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Chorus"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "chorus"  # install.sh puts the installed path here
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "Chorus"  # Qt's X11 class is the application name


def test_the_metainfo_names_the_same_app_and_the_current_version() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None and launchable.text == f"{APP_ID}.desktop"
    assert root.findtext("icon") == APP_ID
    assert root.findtext("project_license") == "MIT"
    newest = root.find("releases/release")
    assert newest is not None
    assert newest.get("version") == pyproject_version(), (
        "add a <release> for the new version at the top of the metainfo's <releases>"
    )
    categories = {c.text for c in root.iterfind("categories/category")}
    assert categories == set(filter(None, desktop_entry()["Categories"].split(";")))


def test_every_icon_size_is_rendered_at_its_size() -> None:
    svg = ICONS / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert ET.parse(svg).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    for size in PNG_SIZES:
        path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(path) == (size, size)
    assert (ICONS / "chorus.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (ICONS / "chorus.icns").read_bytes()[:4] == b"icns"
    assert "CC0" in (ICONS / "LICENSE.txt").read_text("utf-8")


def test_the_about_dialog_shows_icon_version_licence_and_credits(qtbot: QtBot) -> None:
    assert about_dialog.APP_ID == APP_ID
    assert not app_icon().isNull()
    assert sorted(app_icon().availableSizes(), key=lambda s: s.width())[-1].width() == 512
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    labels = dialog.findChildren(QLabel)
    text = " ".join(label.text() for label in labels)
    assert f"Version {__version__}" in text
    assert "MIT licence" in text
    assert "Dawn of System Leadership" in text  # the ideas
    assert "Noto Sans" in text and "Symbola" in text  # the fonts
    assert "Material Design Icons" in text and "CC0" in text  # the icons
    assert any(label.pixmap() is not None and not label.pixmap().isNull() for label in labels)


def test_the_install_script_is_valid_shell() -> None:
    script = LINUX / "install.sh"
    assert script.stat().st_mode & 0o111, "install.sh must be executable"
    subprocess.run(["sh", "-n", str(script)], check=True)


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed"
)
def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and "error" not in result.stdout, result.stdout


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_the_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
