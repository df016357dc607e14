"""Which backups rotation keeps: the newest ten and the newest of each of the last 14 days."""

from datetime import UTC, datetime, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from app.db.backup import BackupFile, backups_to_keep

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


def _backup(hours_ago: float) -> BackupFile:
    taken = NOW - timedelta(hours=hours_ago)
    return BackupFile(taken, Path(f"chorus-{taken:%Y%m%d-%H%M%S-%f}.sqlite3"))


@given(st.lists(st.floats(min_value=0, max_value=24 * 40), max_size=80, unique=True))
def test_rotation_keeps_the_newest_ten_and_one_per_recent_day(hours: list[float]) -> None:
    backups = [_backup(h) for h in hours]
    kept = backups_to_keep(backups, NOW)
    newest_first = sorted(backups, reverse=True)
    assert set(newest_first[:10]) <= kept
    for day_offset in range(14):
        day = (NOW - timedelta(days=day_offset)).date()
        on_day = [
            b
            for b in newest_first
            if b.taken_at.date() == day and b.taken_at >= NOW - timedelta(days=14)
        ]
        if on_day:
            assert on_day[0] in kept
    extra = kept - set(newest_first[:10])
    assert len(extra) <= 15  # at most one per day in the window (plus a partial day)
    assert all(b.taken_at >= NOW - timedelta(days=14) for b in extra)


def test_old_backups_beyond_the_newest_ten_go() -> None:
    backups = [_backup(24 * 20 + i) for i in range(15)]
    kept = backups_to_keep(backups, NOW)
    assert kept == set(sorted(backups, reverse=True)[:10])
