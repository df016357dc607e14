"""Arabic letters joined: each letter replaced by its isolated, initial, medial or final form.

ReportLab draws one glyph per character from the font's character map. Its optional shaping
(through uharfbuzz) shapes each word with the font of the word's first character, so a word that
spans two fonts, which per-character fallback makes common ("(مرحبا)" with Latin brackets, an
emoji after a word), fails with an AttributeError or draws wrong glyphs. Unicode's Arabic
Presentation Forms give every contextual form its own code point and the bundled Arabic font has
all of them, so joining is done here, in logical order, before bidi reordering and font choice.
The table of forms comes from the compatibility decompositions in unicodedata, not typed in.
"""

import re
import unicodedata
from functools import cache
from itertools import chain

LAM = "\u0644"
ALEFS = "\u0622\u0623\u0625\u0627"  # with madda, hamza above, hamza below, plain
_FORM_NAMES = ("isolated", "final", "initial", "medial")
_JOIN_CAUSING = {"\u0640", "\u200d"}  # tatweel and zero width joiner
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")


@cache
def _tables() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    """Forms of each letter, and the lam-alef ligatures keyed by the alef."""
    forms: dict[str, dict[str, str]] = {}
    lam_alef: dict[str, dict[str, str]] = {}
    for code in chain(range(0xFB50, 0xFE00), range(0xFE70, 0xFF00)):
        parts = unicodedata.decomposition(chr(code)).split()
        if not parts or parts[0].strip("<>") not in _FORM_NAMES:
            continue
        form = parts[0].strip("<>")
        letters = "".join(chr(int(part, 16)) for part in parts[1:])
        if len(letters) == 1 and unicodedata.category(letters).startswith("L"):
            forms.setdefault(letters, {}).setdefault(form, chr(code))
        elif len(letters) == 2 and letters[0] == LAM and letters[1] in ALEFS:
            lam_alef.setdefault(letters[1], {}).setdefault(form, chr(code))
    return forms, lam_alef


@cache
def _joining(char: str) -> str:
    """Joining type: D joins both sides, R only to the previous letter, C causes joining,
    T is transparent (marks), U does not join."""
    if char in _JOIN_CAUSING:
        return "C"
    if unicodedata.category(char) in ("Mn", "Me", "Cf") and char != "\u200c":
        return "T"
    forms = _tables()[0].get(char)
    if not forms:
        return "U"
    return "D" if "initial" in forms or "medial" in forms else "R"


def _neighbour(types: list[str], index: int, step: int) -> int | None:
    """The nearest character that is not transparent, looking back (-1) or ahead (+1)."""
    index += step
    while 0 <= index < len(types):
        if types[index] != "T":
            return index
        index += step
    return None


def shape_arabic(text: str) -> str:
    """`text` with its Arabic letters in contextual forms; anything else untouched.

    Order stays logical (the bidi step reverses later). Letters that Unicode gives no
    presentation forms (some extended letters) stay as they are and print unjoined.
    """
    if not _ARABIC.search(text):
        return text
    forms, lam_alef = _tables()
    types = [_joining(char) for char in text]
    out: list[str] = []
    index = 0
    while index < len(text):
        char, kind = text[index], types[index]
        if kind not in ("D", "R"):
            out.append(char)
            index += 1
            continue
        before = _neighbour(types, index, -1)
        joins_before = before is not None and types[before] in ("D", "C")
        after = _neighbour(types, index, 1)
        if char == LAM and after is not None and text[after] in lam_alef:
            ligature = lam_alef[text[after]]
            out.append(ligature["final" if joins_before else "isolated"])
            out.extend(text[index + 1 : after])  # marks on the lam follow the ligature
            index = after + 1
            continue
        joins_after = kind == "D" and after is not None and types[after] in ("D", "R", "C")
        if joins_before and joins_after:
            form = "medial"
        elif joins_before:
            form = "final"
        elif joins_after:
            form = "initial"
        else:
            form = "isolated"
        letter_forms = forms[char]
        out.append(letter_forms.get(form) or letter_forms.get("isolated") or char)
        index += 1
    return "".join(out)
