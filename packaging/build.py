"""Build Chorus as a folder bundle for this platform, check that it runs, and archive it.

    uv run python packaging/build.py                 # dist/chorus and its archive
    uv run python packaging/build.py --help

What it makes, in the dist folder (default: dist/ at the top of the source tree):

- Linux: `chorus/` (the `chorus` executable and `_internal/`, plus `install.sh`, the desktop entry
  and AppStream metadata under `share/`) and `chorus-VERSION-linux-ARCH.tar.gz` of it.
- Windows: `chorus/` (Chorus.exe and chorus-cli.exe), `chorus-VERSION-windows-ARCH.zip`, and an
  installer made by Inno Setup from packaging/windows/chorus.iss when `iscc` is on the PATH.
- macOS: `chorus/` and `Chorus.app`, and `Chorus-VERSION-macos-ARCH.zip` of the app.

The version comes from pyproject.toml. The build ends by running the bundled executable with
`--version`; a bundle that does not start is an error, not an archive.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "chorus.spec"
APP_ID = "org.chorusworkshops.Chorus"


@dataclass(frozen=True)
class Built:
    version: str
    bundle: str  # the folder holding the executable and _internal/
    executable: str
    archive: str | None
    build_seconds: float  # PyInstaller alone
    total_seconds: float  # with the check and the archive
    bundle_bytes: int
    archive_bytes: int | None


def project_version() -> str:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(pyproject["project"]["version"])


def platform_tag() -> str:
    system = {"darwin": "macos", "win32": "windows"}.get(sys.platform, sys.platform)
    machine = platform.machine().lower() or "unknown"
    return f"{system}-{machine}"


def executable_in(bundle: Path) -> Path:
    if sys.platform == "win32":
        return bundle / "chorus-cli.exe"
    return bundle / "chorus"


def folder_bytes(folder: Path) -> int:
    """What the folder takes on disk, counting each file once and no symbolic link."""
    total = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
    return total


def run_pyinstaller(dist: Path, work: Path, *, clean: bool) -> None:
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    if clean:
        command.append("--clean")
    subprocess.run([*command, str(SPEC)], check=True, cwd=ROOT)


def check_version(executable: Path, version: str) -> None:
    result = subprocess.run(
        [str(executable), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    said = result.stdout.strip()
    if result.returncode != 0 or said != f"chorus {version}":
        raise SystemExit(
            f"build.py: the bundle does not start as expected: {executable} --version "
            f"exited {result.returncode}, said {said!r}, stderr {result.stderr.strip()!r}"
        )


def add_linux_files(bundle: Path) -> None:
    """What a user needs beside the bundle: the install script, desktop entry and metadata."""
    linux = PACKAGING / "linux"
    shutil.copy2(linux / "install.sh", bundle / "install.sh")
    (bundle / "install.sh").chmod(0o755)
    for folder, name in (
        ("applications", f"{APP_ID}.desktop"),
        ("metainfo", f"{APP_ID}.metainfo.xml"),
    ):
        target = bundle / "share" / folder
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy2(linux / name, target / name)
    (bundle / "INSTALL.txt").write_text(
        "Chorus for Linux\n\n"
        "Install for your user (no root needed), from this folder:\n\n"
        "    ./install.sh\n\n"
        "Chorus then appears in the application menu; `chorus` runs it from a terminal.\n"
        "Remove it with ~/.local/lib/chorus/uninstall.sh (your workshops stay).\n"
        "Chorus needs the Qt runtime libraries of the desktop (libEGL, libGL, libxcb),\n"
        "and libpulse for the timer's chime (without it Chorus runs silently).\n",
        encoding="utf-8",
    )


def _tar_entry(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def make_tarball(bundle: Path, dist: Path, version: str) -> Path:
    archive = dist / f"chorus-{version}-{platform_tag()}.tar.gz"
    partial = archive.with_name(archive.name + ".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"chorus-{version}", filter=_tar_entry)
    partial.replace(archive)
    return archive


def make_windows_archives(bundle: Path, dist: Path, version: str) -> Path:
    base = dist / f"chorus-{version}-{platform_tag()}"
    archive = Path(shutil.make_archive(str(base), "zip", bundle.parent, bundle.name))
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    if iscc:
        subprocess.run(
            [
                iscc,
                f"/DAppVersion={version}",
                f"/DSourceDir={bundle}",
                f"/DIconFile={ROOT / 'resources' / 'icons' / 'chorus.ico'}",
                f"/O{dist}",
                str(PACKAGING / "windows" / "chorus.iss"),
            ],
            check=True,
        )
    else:
        print("build.py: iscc (Inno Setup) not found; made the .zip only.")
    return archive


def make_macos_archive(dist: Path, version: str) -> Path:
    archive = dist / f"Chorus-{version}-{platform_tag()}.zip"
    subprocess.run(
        ["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", "Chorus.app", str(archive)],
        check=True,
        cwd=dist,
    )
    return archive


def build(dist: Path, work: Path, *, clean: bool = False, archive: bool = True) -> Built:
    started = time.perf_counter()
    version = project_version()
    run_pyinstaller(dist, work, clean=clean)
    build_seconds = time.perf_counter() - started
    bundle = dist / "chorus"
    executable = executable_in(bundle)
    check_version(executable, version)
    made: Path | None = None
    if sys.platform.startswith("linux"):
        add_linux_files(bundle)
        if archive:
            made = make_tarball(bundle, dist, version)
    elif sys.platform == "win32":
        if archive:
            made = make_windows_archives(bundle, dist, version)
    elif sys.platform == "darwin" and archive:
        made = make_macos_archive(dist, version)
    return Built(
        version=version,
        bundle=str(bundle),
        executable=str(executable),
        archive=str(made) if made else None,
        build_seconds=round(build_seconds, 1),
        total_seconds=round(time.perf_counter() - started, 1),
        bundle_bytes=folder_bytes(bundle),
        archive_bytes=made.stat().st_size if made else None,
    )


def _megabytes(count: int) -> str:
    return f"{count / 1_000_000:.0f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's cache"
    )
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--no-archive", action="store_true", help="make the folder only")
    parser.add_argument("--summary", type=Path, help="also write what was built as JSON here")
    args = parser.parse_args(argv)
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        print("build.py: PyInstaller is not installed; run `uv sync` (it is a dev dependency).")
        return 1
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the --version check needs no display
    built = build(
        args.dist.resolve(), args.work.resolve(), clean=args.clean, archive=not args.no_archive
    )
    print(f"Chorus {built.version}: {built.bundle} ({_megabytes(built.bundle_bytes)})")
    if built.archive and built.archive_bytes is not None:
        print(f"archive: {built.archive} ({_megabytes(built.archive_bytes)})")
    print(f"PyInstaller {built.build_seconds:.0f} s, in all {built.total_seconds:.0f} s")
    if args.summary:
        args.summary.write_text(json.dumps(asdict(built), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
