"""Who said it and which column, typed with the card: "@Ana Great idea #vision".

A word that starts with @ (a participant) or # (a column) at the very start or the very end of
the text is a prefix; it is taken out of the card's text once it names exactly one participant
or column. A prefix that names nobody, or several people, stays in the card's text word for word,
so nothing typed is ever lost and the room never waits: the card is added and the facilitator
is told why the name stayed in the text. Matching ignores case, accents, spaces and punctuation,
and a prefix may be the start of a name ("@an" finds Ana when she is the only one).

Pure functions, no Qt: the entry box, the in-place editor and the tests share them.
"""

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

AUTHOR = "@"
CATEGORY = "#"
K = TypeVar("K")


@dataclass(frozen=True)
class Prefix:
    sigil: str  # "@" or "#"
    word: str  # what follows the sigil, exactly as typed ("Ana:" in "@Ana: yes")
    at_start: bool

    @property
    def raw(self) -> str:
        return self.sigil + self.word


@dataclass(frozen=True)
class ParsedCard:
    body: str  # the text between the prefixes (the whole text, unchanged, when there are none)
    author: Prefix | None = None
    category: Prefix | None = None

    def text_keeping(self, *kept: Prefix | None) -> str:
        """The card's text with the `kept` prefixes put back where they were typed."""
        keep = [p for p in kept if p is not None]
        if not keep:
            return self.body
        start = [p.raw for p in (self.author, self.category) if p in keep and p.at_start]
        end = [p.raw for p in (self.category, self.author) if p in keep and not p.at_start]
        return " ".join(part for part in [*start, self.body, *end] if part)


def fold(text: str) -> str:
    """Letters and digits only, without accents, ignoring case: "Andrés_R." -> "andresr"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isalnum()).casefold()


def _is_prefix(word: str, sigils: str) -> bool:
    return len(word) > 1 and word[0] in sigils and bool(fold(word[1:]))


def _first_word(text: str) -> tuple[str, str]:
    stripped = text.lstrip()
    for i, ch in enumerate(stripped):
        if ch.isspace():
            return stripped[:i], stripped[i:]
    return stripped, ""


def _last_word(text: str) -> tuple[str, str]:
    stripped = text.rstrip()
    for i in range(len(stripped) - 1, -1, -1):
        if stripped[i].isspace():
            return stripped[:i], stripped[i + 1 :]
    return "", stripped


def parse_card(text: str, sigils: str = AUTHOR + CATEGORY) -> ParsedCard:
    """At most one @ and one # prefix, each at the start or the end of `text`.

    `sigils` says which prefixes the step knows (a step without columns passes "@", so "#1" is
    just text there). Text without prefixes comes back unchanged, spaces and all.
    """
    found: dict[str, Prefix] = {}
    body = text
    while True:  # from the start
        word, rest = _first_word(body)
        if not _is_prefix(word, sigils) or word[0] in found:
            break
        found[word[0]] = Prefix(word[0], word[1:], at_start=True)
        body = rest
    while True:  # from the end
        rest, word = _last_word(body)
        if not _is_prefix(word, sigils) or word[0] in found:
            break
        found[word[0]] = Prefix(word[0], word[1:], at_start=False)
        body = rest
    if not found:
        return ParsedCard(text)
    return ParsedCard(body.strip(), found.get(AUTHOR), found.get(CATEGORY))


def matches(word: str, options: Sequence[tuple[K, Sequence[str]]]) -> list[K]:
    """The options `word` names: those it spells out in full, else those it begins.

    Each option has several spellings (a person's full name and each later part of it; a
    column's key, label and each word of the label).
    """
    wanted = fold(word)
    if not wanted:
        return []
    exact = [key for key, names in options if any(fold(n) == wanted for n in names)]
    if exact:
        return exact
    return [key for key, names in options if any(fold(n).startswith(wanted) for n in names)]


def person_spellings(name: str) -> tuple[str, ...]:
    """ "Ana Ribeiro" answers to @Ana_Ribeiro, @AnaR, @Ana and @Ribeiro."""
    parts = name.split()
    return (name, *(" ".join(parts[i:]) for i in range(1, len(parts))))


def column_spellings(key: str, label: str) -> tuple[str, ...]:
    parts = label.split()
    return (key, label, *(" ".join(parts[i:]) for i in range(1, len(parts))))


def completion_token(sigil: str, name: str) -> str:
    """What Tab writes into the box: one word, so it parses back ("@Ana_Ribeiro")."""
    return sigil + "_".join(name.split())


@dataclass(frozen=True)
class Resolved:
    """A typed line turned into a card: what it says, who said it, which column."""

    text: str
    author_id: int | None
    category: str | None
    problems: tuple[str, ...]  # why a prefix stayed in the text, in plain words
    author_name: str | None = None  # set when @ named someone


def resolve(
    text: str,
    people: Sequence[tuple[int, str]],
    columns: Sequence[tuple[str, str]],
) -> Resolved:
    """Read the prefixes of `text` against the workshop's people and the step's columns."""
    parsed = parse_card(text, AUTHOR + CATEGORY if columns else AUTHOR)
    kept: list[Prefix] = []
    problems: list[str] = []
    author_id = None
    author_name = None
    if parsed.author is not None:
        named = [(pid, name) for pid, name in people if name.strip()]
        found = matches(parsed.author.word, [((pid, n), person_spellings(n)) for pid, n in named])
        if len(found) == 1:
            author_id, author_name = found[0]
        else:
            kept.append(parsed.author)
            problems.append(_author_problem(parsed.author, [n for _, n in found]))
    category = None
    if parsed.category is not None:
        options = [(key, column_spellings(key, label)) for key, label in columns]
        keys = matches(parsed.category.word, options)
        if len(keys) == 1:
            category = keys[0]
        else:
            kept.append(parsed.category)
            labels = dict(columns)
            problems.append(_column_problem(parsed.category, [labels[k] for k in keys], columns))
    return Resolved(parsed.text_keeping(*kept), author_id, category, tuple(problems), author_name)


def _either(names: list[str]) -> str:
    shown = [f"“{n}”" for n in names[:3]] + (["…"] if len(names) > 3 else [])
    return ", ".join(shown[:-1]) + " or " + shown[-1]


def _author_problem(prefix: Prefix, names: list[str]) -> str:
    if names:
        return f"“{prefix.raw}” could be {_either(names)}, so it stayed in the text."
    return f"No participant is called “{prefix.raw[1:]}”, so “{prefix.raw}” stayed in the text."


def _column_problem(prefix: Prefix, labels: list[str], columns: Sequence[tuple[str, str]]) -> str:
    if labels:
        return f"“{prefix.raw}” could be {_either(labels)}, so it stayed in the text."
    known = " ".join(f"#{key}" for key, _ in columns)
    return f"There is no column “{prefix.raw}” ({known}), so it stayed in the text."
