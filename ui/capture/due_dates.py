"""By when: the dates people call out in a room ("friday", "in two weeks", "1 Dec") read into a
calendar date, so the facilitator types what was said instead of working out the day.

Pure functions; `today` is passed in (the database's clock), so tests can pin it.
"""

import calendar
import datetime as dt
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = tuple(m.lower() for m in calendar.month_name[1:])
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "eight": 8}
NO_DATE = ("", "none", "no date", "-")
HELP = "Type a date like 2026-12-01, 1 Dec, friday, tomorrow or in 2 weeks (empty: no date)."

_IN = re.compile(r"^(?:in |\+)?(\w+) ?(day|week|month)?s?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?,? ?(\d{4})?$")
_WEEKDAY_FIRST = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? (?=\d)")
_MONTH_DAY = re.compile(r"^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?,? ?(\d{4})?$")


def format_due(due: dt.date | None) -> str:
    """As the table shows it: "Tue 1 Dec 2026" (English, like the rest of the app)."""
    if due is None:
        return ""
    weekday, month = WEEKDAYS[due.weekday()][:3], MONTHS[due.month - 1][:3]
    return f"{weekday.title()} {due.day} {month.title()} {due.year}"


def parse_due(text: str, today: dt.date) -> dt.date | None:
    """The date `text` names (None: no date); ValueError with a plain message otherwise."""
    words = " ".join(text.lower().split()).removeprefix("by ").removeprefix("on ")
    if words in NO_DATE:
        return None
    if words in ("next week", "next month"):
        words = f"in 1 {words[5:]}"
    words = words.removeprefix("next ")  # "next friday": the coming Friday
    words = _WEEKDAY_FIRST.sub("", words)  # "Tue 1 Dec 2026", as the table shows dates
    found = _iso(words) or _relative(words, today) or _weekday(words, today)
    found = found or _calendar(words, today)
    if found is None:
        raise ValueError(f"“{text.strip()}” is not a date Chorus understands. {HELP}")
    return found


def _iso(words: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(words)
    except ValueError:
        return None


def _relative(words: str, today: dt.date) -> dt.date | None:
    if words == "today":
        return today
    if words == "tomorrow":
        return today + dt.timedelta(days=1)
    if words in ("end of month", "end of the month"):
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    match = _IN.match(words)
    if match is None or (match.group(2) is None and not words.startswith(("+", "in "))):
        return None
    count = NUMBERS.get(match.group(1)) or (int(match.group(1)) if match.group(1).isdigit() else 0)
    if not count:
        return None
    unit = match.group(2) or "day"
    if unit == "month":
        return _add_months(today, count)
    return today + dt.timedelta(days=count * (7 if unit == "week" else 1))


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _weekday(words: str, today: dt.date) -> dt.date | None:
    """The coming such day (a week ahead when it is today: "by friday" said on a Friday)."""
    for number, name in enumerate(WEEKDAYS):
        if len(words) >= 3 and name.startswith(words):
            ahead = (number - today.weekday() - 1) % 7 + 1
            return today + dt.timedelta(days=ahead)
    return None


def _month(word: str) -> int | None:
    for number, name in enumerate(MONTHS, start=1):
        if len(word) >= 3 and name.startswith(word):
            return number
    return None


def _calendar(words: str, today: dt.date) -> dt.date | None:
    """ "1 Dec", "December 1st", "1 Dec 2027": the coming one when no year is given."""
    match = _DAY_MONTH.match(words)
    day, month, year = (match.group(1), match.group(2), match.group(3)) if match else ("", "", "")
    if match is None:
        match = _MONTH_DAY.match(words)
        if match is None:
            return None
        month, day, year = match.group(1), match.group(2), match.group(3)
    number = _month(month)
    if number is None:
        return None
    try:
        found = dt.date(int(year) if year else today.year, number, int(day))
        if not year and found < today:
            found = found.replace(year=today.year + 1)
    except ValueError:
        return None
    return found
