"""Crash-safety machinery shared by the kill test in CI and the longer stress script."""
