"""Right-to-left text put in drawing order, for a PDF that draws every run left to right.

ReportLab reorders right-to-left text only through `rlbidi`, which is not on the package index,
and its Paragraph skips reordering for text in more than one font ("bidiSort = False #doBidi" in
paragraph.py), which font fallback makes the usual case. So the Unicode Bidirectional Algorithm
is done here, cut down to what user text in a PDF needs: the paragraph direction from the first
strong character (P2-P3), weak types (W1-W7), bracket pairs (BD16, N0), other neutrals (N1-N2),
implicit levels (I1-I2), trailing whitespace (L1), reversal (L2) and mirrored brackets (L4).
Explicit embeddings and isolates are not honoured (their control characters are removed before
this runs), tabs are spaces by then, and a letter keeps its combining marks after it.

Lines are known only after layout, so BidiParagraph calls `visual_order` for each laid-out line.
"""

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

# Scripts written right to left, and their presentation forms: text without any is left alone.
RTL_CHARS = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
# Bracket pairs (BidiMirroring.txt, the common ones), each opener next to its closer.
_PAIRS = (
    "()<>[]{}\u00ab\u00bb\u2039\u203a\u2045\u2046\u207d\u207e\u208d\u208e"
    "\u27e8\u27e9\u27e6\u27e7\u27ea\u27eb\u3008\u3009\u300a\u300b\u300c\u300d\u300e\u300f\u3010\u3011"
)
_MIRRORS = {
    **dict(zip(_PAIRS[::2], _PAIRS[1::2], strict=True)),
    **dict(zip(_PAIRS[1::2], _PAIRS[::2], strict=True)),
}
# Of those, the ones rule N0 treats as pairs (Bidi_Paired_Bracket_Type): closer -> opener.
_OPENER_OF = {
    _PAIRS[i + 1]: _PAIRS[i] for i in range(0, len(_PAIRS), 2) if _PAIRS[i] not in "<\u00ab\u2039"
}
_STRONG = ("L", "R", "AL")


@cache
def bidi_type(char: str) -> str:
    """The character's Unicode bidi class; unassigned code points count as left to right."""
    return unicodedata.bidirectional(char) or "L"


def is_rtl(text: str) -> bool:
    """True when the first strong character of `text` is right to left (Hebrew, Arabic...)."""
    for char in text:
        kind = bidi_type(char)
        if kind in _STRONG:
            return kind != "L"
    return False


def levels(text: str, rtl: bool) -> list[int]:
    """The embedding level of each character: even runs read left to right, odd right to left."""
    sos = "R" if rtl else "L"
    types = [bidi_type(char) for char in text]
    _resolve_weak(types, sos)
    _resolve_brackets(text, types, sos)
    _resolve_neutral(types, sos)
    if rtl:
        return [1 if kind == "R" else 2 for kind in types]
    return [0 if kind == "L" else 1 if kind == "R" else 2 for kind in types]


def _resolve_weak(types: list[str], sos: str) -> None:
    """Rules W1-W7: marks take their base's type, numbers after Arabic letters are Arabic,
    separators inside numbers join them, and European numbers after Latin text count as Latin."""
    previous, last_strong = sos, sos
    for index in range(len(types)):
        if types[index] == "NSM":  # W1
            types[index] = previous
        if types[index] in _STRONG:
            last_strong = types[index]
        elif types[index] == "EN" and last_strong == "AL":  # W2
            types[index] = "AN"
        previous = types[index]
    for index, kind in enumerate(types):
        if kind == "AL":  # W3
            types[index] = "R"
    for index in range(1, len(types) - 1):  # W4
        before, kind, after = types[index - 1 : index + 2]
        if before == after and (
            (kind == "ES" and before == "EN") or (kind == "CS" and before in ("EN", "AN"))
        ):
            types[index] = before
    index = 0
    while index < len(types):  # W5
        end = index
        while end < len(types) and types[end] == "ET":
            end += 1
        if end > index and (
            (index > 0 and types[index - 1] == "EN") or (end < len(types) and types[end] == "EN")
        ):
            types[index:end] = ["EN"] * (end - index)
        index = max(end, index + 1)
    last_strong = sos
    for index, kind in enumerate(types):
        if kind in ("ES", "ET", "CS"):  # W6
            types[index] = "ON"
        elif kind in ("L", "R"):
            last_strong = kind
        elif kind == "EN" and last_strong == "L":  # W7
            types[index] = "L"


def _bracket_pairs(text: str, types: list[str]) -> list[tuple[int, int]]:
    """Rule BD16: matching opening and closing brackets, in order of their openers."""
    stack: list[tuple[str, int]] = []
    pairs: list[tuple[int, int]] = []
    for index, char in enumerate(text):
        if types[index] != "ON":
            continue
        if char in _OPENER_OF.values():
            if len(stack) == 63:
                break
            stack.append((char, index))
        elif char in _OPENER_OF:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == _OPENER_OF[char]:
                    pairs.append((stack[depth][1], index))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _resolve_brackets(text: str, types: list[str], sos: str) -> None:
    """Rule N0: a bracket pair takes the paragraph's direction if its content has a letter of
    that direction, else the opposite direction if its content and what precedes it have it."""
    for opener, closer in _bracket_pairs(text, types):
        inside = {_direction(kind) for kind in types[opener + 1 : closer]} - {""}
        if not inside:
            continue
        if sos in inside:
            direction = sos
        else:  # the opposite direction if the context before has it too, else ours
            before = (_direction(kind) for kind in reversed(types[:opener]))
            direction = next((kind for kind in before if kind), sos)
        types[opener] = types[closer] = direction


def _direction(kind: str) -> str:
    """The strong direction a resolved type counts as for rules N0-N1 (numbers count as R),
    or "" for a neutral."""
    if kind == "L":
        return "L"
    return "R" if kind in ("R", "EN", "AN") else ""


def _resolve_neutral(types: list[str], sos: str) -> None:
    """Rules N1-N2: a run of neutrals between two runs of one direction takes it (numbers count
    as right to left); otherwise it takes the paragraph's direction."""
    resolved = ("L", "R", "EN", "AN")
    index = 0
    while index < len(types):
        if types[index] in resolved:
            index += 1
            continue
        end = index
        while end < len(types) and types[end] not in resolved:
            end += 1
        before = sos if index == 0 else ("L" if types[index - 1] == "L" else "R")
        after = sos if end == len(types) else ("L" if types[end] == "L" else "R")
        types[index:end] = [before if before == after else sos] * (end - index)
        index = end


def reorder(item_levels: Sequence[int]) -> list[int]:
    """Rule L2: the visual order of items (as indices), given each item's level."""
    order = list(range(len(item_levels)))
    if not order:
        return order
    lowest_odd = min(item_levels) | 1
    for level in range(max(item_levels), lowest_odd - 1, -1):
        index = 0
        while index < len(order):
            if item_levels[order[index]] < level:
                index += 1
                continue
            end = index
            while end < len(order) and item_levels[order[end]] >= level:
                end += 1
            order[index:end] = order[index:end][::-1]
            index = end
    return order


def visual_order(text: str, rtl: bool) -> tuple[list[int], list[int]]:
    """The indices of `text`'s characters in drawing order, and each character's level.

    For one laid-out line: whitespace at its end takes the paragraph's level (rule L1), and a
    letter keeps its combining marks after it (the PDF draws a mark over the glyph before it).
    """
    if not rtl and not RTL_CHARS.search(text):
        return list(range(len(text))), [0] * len(text)
    char_levels = levels(text, rtl)
    end = len(text)
    while end and text[end - 1].isspace():
        end -= 1
        char_levels[end] = 1 if rtl else 0
    return _ordered(text, char_levels), char_levels


def _ordered(text: str, char_levels: Sequence[int]) -> list[int]:
    """Indices of `text` in L2 order, combining marks kept after their base."""
    clusters: list[list[int]] = []
    cluster_levels: list[int] = []
    for index, char in enumerate(text):
        if (
            clusters
            and unicodedata.category(char) in ("Mn", "Me")
            and not text[index - 1].isspace()
        ):
            clusters[-1].append(index)
        else:
            clusters.append([index])
            cluster_levels.append(char_levels[index])
    return [index for cluster in reorder(cluster_levels) for index in clusters[cluster]]


def mirrored(char: str, level: int) -> str:
    """Rule L4: a bracket in a right-to-left run is drawn as its mirror image."""
    return _MIRRORS.get(char, char) if level % 2 else char
