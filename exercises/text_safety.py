"""Characters that have no place in shared text: control codes and direction overrides.

They can hide or reorder what is shown in the room, in a PDF or in a terminal. Joiners and
other format characters stay, since emoji need them.
"""

import unicodedata

DIRECTION_TRAPS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029")
LINE_BREAKS = "\n\r\t"


def _unwanted(char: str, allowed: str) -> bool:
    if char in allowed:
        return False
    return unicodedata.category(char) == "Cc" or char in DIRECTION_TRAPS


def refuse_controls(value: str, allowed: str = LINE_BREAKS) -> str:
    """For files from elsewhere: a clear refusal names the first offending character."""
    for char in value:
        if _unwanted(char, allowed):
            raise ValueError(f"must not contain control characters (found U+{ord(char):04X})")
    return value


def remove_controls(value: str, allowed: str = LINE_BREAKS) -> str:
    """For what the facilitator types or pastes: keep every word, drop the invisible codes."""
    if value.isprintable():  # the common case costs one C-level scan
        return value
    return "".join(char for char in value if not _unwanted(char, allowed))
