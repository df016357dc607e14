"""Spot a write-ahead log whose header is garbage, which SQLite itself would silently ignore.

SQLite treats a -wal file with a bad header as empty: every transaction committed since the last
checkpoint would vanish without a word, and the next backup would then copy the poorer file over
time. Chorus calls such a log damage instead, so start-up sets it aside and restores a backup.

Only the 32-byte header is judged. With `synchronous = FULL` SQLite syncs the header before any
frame, so a sound log always has a valid one; invalid frames after a valid header are normal (a
write cut off before its commit, or frames left from before the log was restarted) and are left
to SQLite's own recovery. The layout is SQLite's documented WAL file format.
"""

import struct
from pathlib import Path

HEADER_SIZE = 32
MAGIC_LITTLE_ENDIAN = 0x377F0682  # checksums over native little-endian words
MAGIC_BIG_ENDIAN = 0x377F0683
FORMAT_VERSION = 3007000
MASK = 0xFFFFFFFF


def wal_path(database: Path) -> Path:
    return database.with_name(database.name + "-wal")


def checksum(data: bytes, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum: two running sums over pairs of 32-bit words."""
    words = struct.unpack((">" if big_endian else "<") + f"{len(data) // 4}I", data)
    first = second = 0
    for index in range(0, len(words), 2):
        first = (first + words[index] + second) & MASK
        second = (second + words[index + 1] + first) & MASK
    return first, second


def header_problem(header: bytes) -> str | None:
    """None for a valid WAL header; otherwise what is wrong with it."""
    magic, version, page_size = struct.unpack(">III", header[:12])
    if magic not in (MAGIC_LITTLE_ENDIAN, MAGIC_BIG_ENDIAN):
        return "the write-ahead log is not one SQLite wrote"
    if version != FORMAT_VERSION:
        return f"the write-ahead log has an unknown format ({version})"
    if page_size < 512 or page_size > 65536 or page_size & (page_size - 1):
        return "the write-ahead log names an impossible page size"
    stored = struct.unpack(">II", header[24:32])
    if checksum(header[:24], big_endian=magic == MAGIC_BIG_ENDIAN) != stored:
        return "the write-ahead log's header fails its checksum"
    return None


def wal_problem(database: Path) -> str | None:
    """What is wrong with the database's -wal file; None when it is sound, empty or absent.

    A log shorter than its header holds no frame, so nothing committed can be in it.
    """
    path = wal_path(database)
    try:
        with path.open("rb") as stream:
            header = stream.read(HEADER_SIZE)
    except FileNotFoundError:
        return None
    except OSError as error:
        return f"the write-ahead log cannot be read ({error.strerror or error})"
    if len(header) < HEADER_SIZE:
        return None
    return header_problem(header)
