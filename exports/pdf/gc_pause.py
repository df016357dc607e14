"""The cyclic garbage collector held off while a PDF is made.

A 2,000-card handout keeps over 100,000 objects alive from the first card read to the last page
written (paragraphs, their laid-out lines, table cells, the pages waiting for "page N of M"), so
Python's collector made two or three full passes over the whole heap and some two hundred small
ones during the export: 0.2 s of about 1 s, to find almost nothing, as nearly all of it is freed
by reference counting at the end. The collector is off for the export and on again after it (in
a worker thread too: a second of paused collection elsewhere in the app is harmless); the few
cycles the export leaves are collected at the next ordinary pass.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Pauses:
    """Exports under way (a preview may run during an export), and whether the collector was
    on when the first of them began."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.depth = 0
        self.resume = False


_PAUSES = _Pauses()


@contextmanager
def collector_paused() -> Iterator[None]:
    with _PAUSES.lock:
        if _PAUSES.depth == 0:
            _PAUSES.resume = gc.isenabled()
            gc.disable()
        _PAUSES.depth += 1
    try:
        yield
    finally:
        with _PAUSES.lock:
            _PAUSES.depth -= 1
            if _PAUSES.depth == 0 and _PAUSES.resume:
                gc.enable()
