"""Paper size and document language from the user's locale, when the caller does not choose.

North America, Mexico and the Philippines print on Letter; almost everyone else on A4. A
handout on the wrong paper gets scaled by the printer, so the default follows where the user
is, and an explicit setting ("a4" or "letter") always wins.
"""

import locale
import os

from reportlab.lib.pagesizes import A4, LETTER

PAGE_SIZES: dict[str, tuple[float, float]] = {"a4": A4, "letter": LETTER}
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH"})
# Windows reports locales by name ("English_United States"), not by code.
LETTER_NAMES = ("united states", "canada", "mexico", "philippines")
_VARIABLES = ("LC_ALL", "LC_PAPER", "LANG")  # LC_ALL overrides LC_PAPER, which overrides LANG


def _locale_name() -> str:
    """The first locale variable set; "" for the C locale, which says nothing about paper.

    Only when none is set (Windows, macOS apps) ask Python, which would otherwise turn
    C.UTF-8 into en_US through its alias table and choose Letter for everyone.
    """
    for variable in _VARIABLES:
        value = os.environ.get(variable, "")
        if value:
            return "" if value in ("C", "POSIX") or value.startswith("C.") else value
    try:
        return locale.getlocale()[0] or ""
    except ValueError:  # a malformed locale in the environment
        return ""


def _territory(name: str) -> str:
    """ "en_US.UTF-8@euro" -> "US"; "" when the name has no territory."""
    base = name.partition(".")[0].partition("@")[0]
    parts = base.replace("-", "_").split("_")
    return parts[1].upper() if len(parts) > 1 else ""


def default_page_size(name: str | None = None) -> str:
    """ "letter" or "a4" for the locale `name` (default: the user's)."""
    name = _locale_name() if name is None else name
    if _territory(name) in LETTER_TERRITORIES:
        return "letter"
    lowered = name.lower()
    return "letter" if any(country in lowered for country in LETTER_NAMES) else "a4"


def page_size(choice: str | None) -> tuple[float, float]:
    """The page size in points for "a4", "letter" or None (from the locale)."""
    key = (choice or default_page_size()).lower()
    if key not in PAGE_SIZES:
        raise ValueError(f"unknown page size {choice!r}; expected a4 or letter")
    return PAGE_SIZES[key]


def document_language(name: str | None = None) -> str:
    """A BCP 47 tag for the PDF's Lang entry ("de-CH"), from the locale; "en" when unknown."""
    name = _locale_name() if name is None else name
    base = name.partition(".")[0].partition("@")[0].replace("_", "-")
    language = base.split("-")[0]
    if not (2 <= len(language) <= 3 and language.isascii() and language.isalpha()):
        return "en"
    territory = _territory(name)
    if territory and territory.isascii() and territory.isalpha() and len(territory) == 2:
        return f"{language.lower()}-{territory}"
    return language.lower()
