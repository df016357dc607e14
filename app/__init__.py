"""Chorus domain and storage: tables, migrations, backups, services and the command line. No Qt."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("chorus")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
