"""`uv run python tests/perf/profiles.py [--out DIR]`: where start-up and add-card spend time.

Writes to DIR (default /tmp/perf-profiles), on a freshly built large data folder:
- startup-importtime.txt: `python -X importtime` of `chorus` with CHORUS_EXIT_AFTER_STARTUP;
- startup.prof: cProfile of ui.launcher.main (the whole of run_app, its imports included);
- add-card.prof: cProfile of one Return keypress in the runner at 2,000 cards, until painted,
  and add-card-x20.prof of 20 of them (steadier proportions);
and prints the top 15 entries of each (cumulative), also saved as *.txt beside them.
"""

import sys
from pathlib import Path

sys.path[0] = str(Path(__file__).resolve().parents[2])  # as in run.py

import argparse  # noqa: E402
import io  # noqa: E402
import pstats  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402

from tests.perf import data  # noqa: E402
from tests.perf.common import REPO, Sandbox, run_child, spawn  # noqa: E402

TOP = 15
STARTUP = {"CHORUS_EXIT_AFTER_STARTUP": "1"}
PROFILE_MAIN = (
    "import cProfile, sys\n"
    "from ui.launcher import main\n"
    "profiler = cProfile.Profile()\n"
    "code = profiler.runcall(main, ['--data-dir', sys.argv[1]])\n"
    "profiler.dump_stats(sys.argv[2])\n"
    "sys.exit(code)\n"
)


# Import machinery tops any profile of a start-up without saying which import is slow (the
# -X importtime list does); this hides those frames in a second listing.
NOT_IMPORTS = r"^(?!.*(frozen importlib|builtins\.exec|builtins\.__import__|<module>))"


def top_cumulative(profile: Path, *, without_imports: bool = False) -> str:
    out = io.StringIO()
    stats = pstats.Stats(str(profile), stream=out).strip_dirs().sort_stats("cumulative")
    if without_imports:
        stats.print_stats(NOT_IMPORTS, TOP)
    else:
        stats.print_stats(TOP)
    text = out.getvalue()
    suffix = "-no-imports.txt" if without_imports else ".txt"
    profile.with_name(profile.stem + suffix).write_text(text, encoding="utf-8")
    return text


def top_imports(log: str, target: Path) -> str:
    """The slowest imports by cumulative time (a package's time includes its submodules)."""
    rows = []
    for line in log.splitlines():
        if line.startswith("import time:") and "|" in line and "self [us]" not in line:
            _, cumulative, name = (part.strip() for part in line[12:].split("|"))
            rows.append((int(cumulative), name))
    rows.sort(reverse=True)
    text = "\n".join(f"{us / 1e6:8.3f} s  {name}" for us, name in rows[:TOP])
    target.write_text(log, encoding="utf-8")
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path("/tmp/perf-profiles"))
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="chorus-profile-"))
    try:
        sandbox = Sandbox(work / "sandbox")
        large = work / "large"
        big = data.build_large_folder(large)
        launch = [sys.executable, "-m", "ui.launcher", "--data-dir", str(large)]
        warm = spawn(launch, sandbox.env(STARTUP), REPO, work / "logs" / "warm")
        assert warm.returncode == 0, warm.stderr
        timed = spawn(
            [sys.executable, "-X", "importtime", *launch[1:]],
            sandbox.env(STARTUP), REPO, work / "logs" / "importtime",
        )  # fmt: skip
        print(f"== imports at start-up (total run {timed.seconds:.2f} s), top {TOP} cumulative")
        print(top_imports(timed.stderr, out / "startup-importtime.txt"))
        profiled = spawn(
            [sys.executable, "-c", PROFILE_MAIN, str(large), str(out / "startup.prof")],
            sandbox.env(STARTUP), REPO, work / "logs" / "startup-profile",
        )  # fmt: skip
        assert profiled.returncode == 0, profiled.stderr
        print("== cProfile of ui.launcher.main with CHORUS_EXIT_AFTER_STARTUP")
        print(top_cumulative(out / "startup.prof"))
        print("== the same, import machinery left out")
        print(top_cumulative(out / "startup.prof", without_imports=True))
        running = data.copy_folder(large, work / "running")
        data.start_running(running, big)
        for count, name in ((1, "add-card.prof"), (20, "add-card-x20.prof")):
            folder = data.copy_folder(running, work / f"cards-{count}")
            run_child(
                "measure_cards",
                [str(folder), str(big.workshop_id), "--count", "20",
                 "--profile", str(out / name), "--profile-count", str(count)],
                sandbox, work / "logs" / name,
            )  # fmt: skip
            print(f"== cProfile of {count} add-card keypress(es) at {data.BIG_CARDS:,} cards")
            print(top_cumulative(out / name))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
