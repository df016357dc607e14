"""A commented starter file for a new custom exercise: it validates as written.

Comments carry the format's documentation to the coach who opens the file in a text editor.
"""

import re

from exercises.model import KEY_PATTERN

STARTER = '''\
# A Chorus exercise. Edit the text, then check it with:
#     chorus exercises validate {file_name}
# and add it to your library with:
#     chorus exercises import {file_name}
#
# Keys are lower-case letters, digits and underscores. Minutes are whole numbers, and the
# exercise's "minutes" must equal the sum of its steps' minutes.

key = "{key}"
version = 1                    # raise it when you change the content
title = "{title}"
summary = "One line that says what the group does and why."
capabilities = ["reflection"]  # tags for the library's filter
minutes = 30
materials = ["Sticky notes", "Markers"]
goals = ["What the group should leave with"]

# The five design elements of a good structure:
invitation = "The exact question you ask to open the exercise."
space = "How the room is set up and where the materials are."
participation = "How everyone gets a voice: who speaks when, how quiet people get in."
# (group configuration is set per step; the sequence is the list of steps below)

handout = "A short paragraph for participants that explains the idea behind the exercise."

# Set this to true only if this file should replace a built-in exercise with the same key.
replaces_builtin = false

[based_on]
idea = "The idea this exercise puts into practice"
source = "Where the idea comes from (author, title, year)"
note = "What is yours"

[group_size]
min = 3
max = 20

# Each step: grouping is solo, pairs, small_groups or whole_group. The script is what you
# say and do; the prompt is shown large on the projector.
[[steps]]
key = "open"
title = "Open the question"
minutes = 10
grouping = "whole_group"
script = """
Say: "..." Then explain what happens next. Note what to watch for, and what to do if the \\
room stays silent or one voice takes over.
"""
prompt = "The question, as the room sees it."
debrief = ["What did you notice?"]

# Capture modes: talk (nothing but time), cards (optionally per_participant and with
# categories shown as columns), cluster (source = an earlier cards step), vote (source = an
# earlier cards or cluster step, dots_per_person), rate (scales), map, actions.
[[steps]]
key = "harvest"
title = "Harvest what people say"
minutes = 20
grouping = "whole_group"
script = """
Say: "..." Write each contribution as a card while people speak.
"""
prompt = "What do you see?"

[steps.capture]
mode = "cards"
per_participant = false
categories = [
    {{ key = "hopes", label = "Hopes" }},
    {{ key = "concerns", label = "Concerns" }},
]
'''


class StarterKeyError(ValueError):
    """The key cannot name an exercise."""


def starter_text(key: str, file_name: str = "exercise.toml") -> str:
    if not re.fullmatch(KEY_PATTERN, key):
        raise StarterKeyError(
            f"{key!r} cannot be an exercise key: use lower-case letters, digits and "
            "underscores, starting with a letter (at most 48 characters)."
        )
    title = key.replace("_", " ").capitalize()
    return STARTER.format(key=key, title=title, file_name=file_name)
