"""Chorus domain and storage: tables, migrations, backups, services and the command line. No Qt.

The version is written in one place, pyproject.toml. An installed Chorus reads it from the
package metadata made from that file; so does a bundle, whose build writes the same metadata
(packaging/chorus.spec). A source tree that was never installed reads pyproject.toml itself.

It is looked up on first use (`app.__version__`, PEP 562): reading package metadata imports
most of the email package, a cost the window's start-up need not pay before it is on screen.
"""


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("chorus")
    except PackageNotFoundError:
        pass
    import tomllib
    from pathlib import Path

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
        return f"{project['version']}+source"
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError):
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        found = _version()
        globals()["__version__"] = found  # looked up once
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
