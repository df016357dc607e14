"""The command line: a stable contract that scripts and tests use (see DESIGN.md)."""
