"""Kill a capturing Chorus process 200 times (or --rounds N) and print what survived.

    uv run python -m tests.stress.kill_rounds [--rounds 200] [--seed N] [--max-delay 0.8]

Every round forks a process that opens the data folder, adds cards and moves the run, kills it
with SIGKILL after a random delay, then opens the folder as a restarted app and checks every card
it was told is saved, the run's step and timer, `PRAGMA integrity_check` and the backups. CI runs
30 of these rounds (tests/app/test_kill_recovery.py); this script is the longer run. It exits 1
when any promise was broken.
"""

import argparse
import sys
import tempfile
import time
from pathlib import Path

from tests.durability.kill_rounds import KillRounds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--max-delay", type=float, default=0.8, help="seconds before the kill")
    args = parser.parse_args(argv)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="chorus-kill-") as folder:
        rounds = KillRounds(Path(folder) / "data", seed=args.seed, max_delay=args.max_delay)
        for number in range(1, args.rounds + 1):
            result = rounds.run_round()
            print(
                f"round {number:3d}: killed after {result.killed_after:.2f} s, "
                f"{result.acknowledged:4d} cards acknowledged, {len(result.lost)} missing",
                flush=True,
            )
        report = rounds.report
    print(f"seed {args.seed}: {report.summary()} in {time.monotonic() - started:.0f} s")
    for failure in report.failures():
        print(failure)
    return 1 if report.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
