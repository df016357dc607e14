"""The promise behind "never lose a word": a card Chorus said it saved is there after a crash.

A child process captures cards and moves the run through the services the runner uses; it is
killed with SIGKILL at random moments (tests/durability/kill_rounds.py). After every kill the
data folder is opened as a restarted app would open it. tests/stress/kill_rounds.py runs the
same rounds 200 at a time.
"""

from pathlib import Path

import pytest

from tests.durability.kill_rounds import KillRounds

CI_ROUNDS = 30


@pytest.mark.slow
def test_every_acknowledged_card_and_the_run_survive_thirty_kills(tmp_path: Path) -> None:
    rounds = KillRounds(tmp_path / "data", seed=20261121)
    for _ in range(CI_ROUNDS):
        rounds.run_round()
    report = rounds.report
    print(report.summary())
    assert report.failures() == []
    assert len(report.rounds) == CI_ROUNDS
    # The kills landed where it matters: mostly while cards were being written.
    assert sum(result.acknowledged > 0 for result in report.rounds) >= CI_ROUNDS // 2
    assert report.acknowledged >= 5 * CI_ROUNDS
    assert any(result.run_compared for result in report.rounds)
    assert not list((tmp_path / "data").glob("*.damaged"))


def test_a_promise_broken_by_a_lost_card_is_reported(tmp_path: Path) -> None:
    """The check itself can fail: a card missing after the restart is named."""
    rounds = KillRounds(tmp_path / "data", seed=7)
    rounds.run_round()
    rounds.saved.add("a card that was never written")
    result = rounds.run_round()
    assert result.lost == ["a card that was never written"]
    assert rounds.report.lost == 1
    assert any("never written" in failure for failure in rounds.report.failures())
