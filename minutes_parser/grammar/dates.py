"""Dates and times as councils print them.

UK pages are day-first (``07/01/2020`` is 7 January 2020); year-first
(``2011/12/14``) and US month-first (``January 31, 2019``, ``1/31/2019`` with
``month_first=True``) are read too. Regular expressions and a month table come
first (a few microseconds); ``dateutil`` is the fallback for odd wordings.

>>> find_date("Tuesday, 8th January, 2019 10.30 am")
datetime.date(2019, 1, 8)
>>> find_time("Tuesday, 8th January, 2019 10.30 am")
'10:30'
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as _dateutil

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
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?"

_DMY_TEXT = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?" + _MONTH + r"\.?,?\s+(\d{4})\b", re.I)
_MDY_TEXT = re.compile(r"\b" + _MONTH + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.I)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_YMD = re.compile(r"\b(\d{4})[/-](\d{1,2})[/-](\d{1,2})\b")
_TIME = re.compile(
    r"(?<![\d/])(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?\s?m\b\.?|(?<![\d/.])(\d{1,2}):(\d{2})(?![\d/])",
    re.I,
)
_WEEKDAY_DATE = re.compile(r"\b" + WEEKDAY + r"\b,?\s+\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH, re.I)


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str, *, month_first: bool = False) -> dt.date | None:
    """Return the first full date (with a year) found in ``text``, or None."""
    if not text:
        return None
    best: tuple[int, dt.date] | None = None
    for regex, kind in ((_DMY_TEXT, "dmy"), (_MDY_TEXT, "mdy"), (_YMD, "ymd"), (_NUMERIC, "num")):
        match = regex.search(text)
        if not match:
            continue
        if best is not None and match.start() >= best[0]:
            continue
        g = match.groups()
        if kind == "dmy":
            value = _make(int(g[2]), _month(g[1]), int(g[0]))
        elif kind == "mdy":
            value = _make(int(g[2]), _month(g[0]), int(g[1]))
        elif kind == "ymd":
            value = _make(int(g[0]), int(g[1]), int(g[2]))
        else:
            first, second = int(g[0]), int(g[1])
            day, month = (second, first) if month_first else (first, second)
            value = _make(int(g[2]), month, day)
        if value is not None:
            best = (match.start(), value)
    return best[1] if best else None


def _month(name: str) -> int:
    key = name.lower()
    return MONTHS.get(key) or MONTHS[key[:3]]


def parse_date(text: str, *, month_first: bool = False) -> dt.date | None:
    """Parse a date value (a label's value); falls back to dateutil."""
    found = find_date(text, month_first=month_first)
    if found is not None or not text or len(text) > 60:
        return found
    if not any(ch.isdigit() for ch in text):
        return None
    try:
        value = _dateutil.parse(text, dayfirst=not month_first, fuzzy=True)
    except (ValueError, OverflowError, TypeError):
        return None
    return value.date()


def find_time(text: str) -> str | None:
    """Return the first time in ``text`` as 24-hour "HH:MM", or None."""
    if not text:
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
        else:
            hour, minute = int(match.group(4)), int(match.group(5))
            if hour > 23 or minute > 59:
                continue
        return f"{hour:02d}:{minute:02d}"
    return None


def has_weekday_date(text: str) -> bool:
    """True when ``text`` holds "Tuesday, 8th January" style wording."""
    return _WEEKDAY_DATE.search(text) is not None
