"""Shared fixtures. The offscreen platform is set here, before anything imports Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.db.database import Database
from exercises.loader import load_exercise
from exercises.model import Exercise

FIXTURES = Path(__file__).parent / "fixtures"


class FakeClock:
    """A settable wall clock for timers and backup intervals."""

    def __init__(self, start: float = 1_800_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path, clock: FakeClock) -> Iterator[Database]:
    """A real SQLite database in a temporary data folder."""
    database = Database.open(data_dir, clock=clock)
    yield database
    database.engine.dispose()


@pytest.fixture(scope="session")
def every_mode() -> Exercise:
    """An exercise with one step of each capture mode (tests/fixtures/every_mode.toml)."""
    return load_exercise(FIXTURES / "every_mode.toml")
