"""Dates and times as councils print them.

UK, Irish, Australian and New Zealand pages are day-first (``07/01/2020`` is
7 January 2020); US and Canadian pages month-first (``January 31, 2019``,
``1/31/2019`` with ``month_first=True``). Also read: year-first long dates
(``Monday, 2018 December 03``), ISO dates, ordinals with a space
(``20 th September 2017``), no space after a comma (``Oct 21,2014``) and, as a
last resort, two-digit years (``22/07/21``). Regular expressions and a month
table come first (a few microseconds); ``dateutil`` is the fallback for odd
wordings of a single value.

Used by adapters for structured values (grid cells, XML fields) and by the
grammar for dates in text.

>>> find_date("Tuesday, 8th January, 2019 10.30 am")
datetime.date(2019, 1, 8)
>>> find_time("Tuesday, 8th January, 2019 10.30 am")
'10:30'
>>> find_date("Monday, 2018 December 03")
datetime.date(2018, 12, 3)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from dateutil import parser as _dateutil

from .regexes import guard

MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
"""A month name or its abbreviation (one capturing group)."""
WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"
"""A weekday name or its abbreviation (no group)."""

_ORD = r"(?:\s?(?:st|nd|rd|th))?"
_DMY_TEXT = guard(re.compile(r"\b(\d{1,2})" + _ORD + r"\s*(?:of\s+|day\s+of\s+)?" + MONTH + r"\b\.?,?\s*(\d{4})\b", re.I))
_MDY_TEXT = guard(re.compile(r"\b" + MONTH + r"\b\.?\s+(\d{1,2})" + _ORD + r"\b,?\s*(\d{4})\b", re.I))
_YMD_TEXT = guard(re.compile(r"\b(\d{4}),?\s+" + MONTH + r"\b\.?\s+(\d{1,2})\b", re.I))
_NUMERIC = guard(re.compile(r"(?<![\d/.-])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b"))
_YMD = guard(re.compile(r"(?<![\d/])(\d{4})[/-](\d{1,2})[/-](\d{1,2})\b"))
_SHORT_YEAR = guard(re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{2})(?![\d/])"))
_TIME = guard(re.compile(
    r"(?<![\d/.])(\d{1,2})(?:[.:](\d{2}))?\s{0,2}([ap])\.?\s?m\b\.?"
    r"|(?<![\d/.:])(\d{1,2}):(\d{2})(?![\d/:])"
    r"|(?<![\d/.:])(\d{2})(\d{2})\s*(?:hrs|hours)\b",
    re.I,
))
_MONTH_WORD = re.compile(r"^" + MONTH + r"\b", re.I)
_HAS_MONTH = guard(re.compile(r"\b" + MONTH + r"\b", re.I))
_WEEKDAY_DATE = guard(re.compile(r"\b" + WEEKDAY + r"\b,?\s+\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH, re.I))

_DIGIT = re.compile(r"\d")
EARLIEST_YEAR = 1950
"""Years before this are not meeting dates (page counts, street numbers)."""
LATEST_YEAR = 2099
"""Years after this are not meeting dates either."""


def _make(year: int, month: int, day: int) -> dt.date | None:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month(name: str) -> int:
    key = name.lower()
    return MONTHS.get(key) or MONTHS[key[:3]]


def find_dates(text: str, *, month_first: bool = False) -> list[tuple[int, int, dt.date]]:
    """Every full date (with a year) in ``text``: (start, end, date), in page order.

    Overlapping readings keep the one that starts first (a written month wins
    over a numeric reading of the same digits).
    """
    if not text or _DIGIT.search(text) is None:
        return []
    found: list[tuple[int, int, dt.date]] = []
    for regex, kind in ((_DMY_TEXT, "dmy"), (_MDY_TEXT, "mdy"), (_YMD_TEXT, "ymdt"), (_YMD, "ymd"), (_NUMERIC, "num")):
        for match in regex.finditer(text):
            g = match.groups()
            if kind == "dmy":
                value = _make(int(g[2]), _month(g[1]), int(g[0]))
            elif kind == "mdy":
                value = _make(int(g[2]), _month(g[0]), int(g[1]))
            elif kind == "ymdt":
                value = _make(int(g[0]), _month(g[1]), int(g[2]))
            elif kind == "ymd":
                value = _make(int(g[0]), int(g[1]), int(g[2]))
            else:
                first, second = int(g[0]), int(g[1])
                day, month = (second, first) if month_first else (first, second)
                value = _make(int(g[2]), month, day)
            if value is not None:
                found.append((match.start(), match.end(), value))
    if not found:
        for match in _SHORT_YEAR.finditer(text):
            first, second = int(match.group(1)), int(match.group(2))
            day, month = (second, first) if month_first else (first, second)
            value = _make(2000 + int(match.group(3)), month, day)
            if value is not None:
                found.append((match.start(), match.end(), value))
    found.sort(key=lambda f: (f[0], -f[1]))
    out: list[tuple[int, int, dt.date]] = []
    for start, end, value in found:
        if out and start < out[-1][1]:
            continue
        out.append((start, end, value))
    return out


_DM_NO_YEAR = guard(re.compile(r"\b(\d{1,2})" + _ORD + r"\s*(?:of\s+)?" + MONTH + r"\b(?!\.?,?\s*\d)", re.I))
_MD_NO_YEAR = guard(re.compile(r"\b" + MONTH + r"\b\.?\s+(\d{1,2})" + _ORD + r"\b(?!,?\s*\d)", re.I))


def find_date_in_year(text: str, year: int) -> dt.date | None:
    """The first date in ``text``, reading a day and month printed without a year as in ``year``.

    Lists of meetings print the year once, in their heading ("2018 meetings"), and each row
    as "WEDNESDAY, JANUARY 10" or "10 January". A full date in ``text`` wins.

    >>> find_date_in_year("WEDNESDAY, JANUARY 10 – CITY COUNCIL MEETING, 7:30 PM", 2018)
    datetime.date(2018, 1, 10)
    >>> find_date_in_year("Tuesday 6th March - Planning Committee", 2018)
    datetime.date(2018, 3, 6)
    >>> find_date_in_year("Council, 4 May 2021", 2018)
    datetime.date(2021, 5, 4)
    """
    full = find_date(text)
    if full is not None:
        return full
    found: list[tuple[int, dt.date]] = []
    for match in _DM_NO_YEAR.finditer(text):
        value = _make(year, _month(match.group(2)), int(match.group(1)))
        if value is not None:
            found.append((match.start(), value))
    for match in _MD_NO_YEAR.finditer(text):
        value = _make(year, _month(match.group(1)), int(match.group(2)))
        if value is not None:
            found.append((match.start(), value))
    return min(found)[1] if found else None


_US_DATE = guard(re.compile(r"\b" + MONTH + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4}\b", re.I))
_UK_DATE = guard(re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH + r"\.?\s+\d{4}\b", re.I))
_NUMERIC_PAIR = guard(re.compile(r"\b(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})\b"))


def writes_month_first(texts: Iterable[str]) -> bool:
    """True when a document writes its dates month first ("December 6, 2022", "12/13/2022").

    Each date that can only be read one way is a vote: "December 6, 2022" and
    "12/13/2022" for month first, "6 December 2022" and "13/12/2022" for day first.

    >>> writes_month_first(["Meeting of January 31, 2019", "Approved 2/14/2019"])
    True
    >>> writes_month_first(["Tuesday 8 January 2019", "07/01/2020"])
    False
    """
    us = uk = 0
    for text in texts:
        if _DIGIT.search(text) is None:
            continue
        us += len(_US_DATE.findall(text))
        uk += len(_UK_DATE.findall(text))
        for first, second in _NUMERIC_PAIR.findall(text):
            if int(second) > 12 >= int(first):
                us += 1
            elif int(first) > 12 >= int(second):
                uk += 1
    return us > uk


def find_date(text: str, *, month_first: bool = False) -> dt.date | None:
    """Return the first full date (with a year) found in ``text``, or None."""
    found = find_dates(text, month_first=month_first)
    return found[0][2] if found else None


def parse_date(text: str, *, month_first: bool = False) -> dt.date | None:
    """Parse a date value (a label's value or a field); falls back to dateutil."""
    found = find_date(text, month_first=month_first)
    if found is not None or not text or len(text) > 60:
        return found
    if _DIGIT.search(text) is None or (not _HAS_MONTH.search(text) and text.count("/") < 2):
        return None
    try:
        value = _dateutil.parse(text, dayfirst=not month_first, fuzzy=True)
    except (ValueError, OverflowError, TypeError):
        return None
    return _make(value.year, value.month, value.day)


def find_time(text: str) -> str | None:
    """Return the first time in ``text`` as 24-hour "HH:MM", or None."""
    if not text or _DIGIT.search(text) is None:
        return None
    for match in _TIME.finditer(text):
        if match.group(3):
            hour = int(match.group(1))
            minute = int(match.group(2) or 0)
            if not 1 <= hour <= 12 or minute > 59:
                continue
            if match.group(3).lower() == "p" and hour != 12:
                hour += 12
            elif match.group(3).lower() == "a" and hour == 12:
                hour = 0
        elif match.group(4):
            hour, minute = int(match.group(4)), int(match.group(5))
        else:
            hour, minute = int(match.group(6)), int(match.group(7))
        if hour > 23 or minute > 59:
            continue
        return f"{hour:02d}:{minute:02d}"
    return None


def starts_with_month(text: str) -> bool:
    """True when ``text`` begins with a month name ("May 2019", "Feb.")."""
    return _MONTH_WORD.match(text) is not None


def has_month(text: str) -> bool:
    """True when ``text`` holds a month name as a word."""
    return _HAS_MONTH.search(text) is not None


def has_weekday_date(text: str) -> bool:
    """True when ``text`` holds "Tuesday, 8th January" style wording."""
    return _WEEKDAY_DATE.search(text) is not None
