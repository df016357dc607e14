"""Writing export files so that a crash or a full disk never leaves half a file behind."""

import contextlib
import os
import tempfile
from pathlib import Path


class FileWriteError(Exception):
    """The file could not be written; any earlier file at that path is unchanged."""


def write_atomically(path: Path, data: bytes) -> None:
    """Temporary file beside the target, fsync, rename over it, then fsync the folder."""
    folder = path.parent if str(path.parent) else Path()
    temporary: Path | None = None
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=folder)
        temporary = Path(name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.chmod(0o644)  # mkstemp makes it private; an export is meant to be shared
        temporary.replace(path)
        temporary = None
        with contextlib.suppress(OSError):  # not every platform can open a folder
            folder_handle = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(folder_handle)
            finally:
                os.close(folder_handle)
    except OSError as error:
        reason = error.strerror or str(error)
        raise FileWriteError(f"could not write {path}: {reason}") from error
    finally:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
