"""The performance benchmark of issue 8: `uv run python tests/perf/run.py [--quick] [--json PATH]`.

Not a pytest suite (no test_*.py here): timings on a shared machine are ratios against floors
measured in the same run, which a pass/fail unit test cannot express.
"""
