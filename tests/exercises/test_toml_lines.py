"""Best-effort line lookup for field paths."""

from exercises.toml_lines import find_line

TEXT = '''\
key = "x"
title = "A title"
script = """
[[steps]]
source = "this is inside a string, not a key"
"""
materials = [
    "one",
    "[not a header]",
]
group_size = { min = 1, max = 3 }

[based_on]
idea = "An idea"

[[steps]]
key = "first"
capture.mode = "talk"

[[steps]]
key = "second"
minutes = 5

[steps.capture]
mode = "vote"
source = "first"

[[steps.capture.extra]]
label = "nested"
'''


def test_top_level_fields() -> None:
    assert find_line(TEXT, ("key",)) == 1
    assert find_line(TEXT, ("title",)) == 2
    assert find_line(TEXT, ("materials", 1)) == 7
    assert find_line(TEXT, ("group_size", "max")) == 11


def test_tables_and_arrays_of_tables() -> None:
    assert find_line(TEXT, ("based_on", "idea")) == 14
    assert find_line(TEXT, ("based_on", "note")) == 13  # missing: the table header
    assert find_line(TEXT, ("steps", 0, "key")) == 17
    assert find_line(TEXT, ("steps", 0, "capture", "mode")) == 18
    assert find_line(TEXT, ("steps", 1)) == 20
    assert find_line(TEXT, ("steps", 1, "minutes")) == 22
    assert find_line(TEXT, ("steps", 1, "capture", "source")) == 26
    assert find_line(TEXT, ("steps", 1, "capture", "extra", 0, "label")) == 29


def test_unknown_paths_give_none_or_the_nearest_table() -> None:
    assert find_line(TEXT, ("summary",)) is None
    assert find_line(TEXT, ("steps", 5, "key")) is None
    assert find_line(TEXT, ("steps", 1, "title")) == 20
    assert find_line("", ("key",)) is None
    assert find_line('a = """\nunclosed', ("a",)) == 1


def test_inline_arrays_of_tables_point_at_their_key() -> None:
    text = 'key = "x"\nsteps = [\n  { key = "a" },\n]\n'
    assert find_line(text, ("steps", 0, "key")) == 2
