"""How item numbers are printed: each rule is one numbering form.

A numbering rule does not decide that a line opens an item: it proposes a
:class:`~minutes_parser.grammar.tokens.Candidate` with the printed number, its
ordering key, its *system* (``arabic``, ``code``, ``letter``, ``date``,
``meeting``) and its title (or ``title_next`` when the title is on the next
line). :mod:`minutes_parser.grammar.segment` then keeps, over the whole page,
the run of candidates that reads best as a sequence of agenda items.

Every rule refuses numbers that are something else: dates ("9 May 2018"),
times ("7 p.m."), counters ("8 views"), addresses ("410 E. Washington St"),
years and page counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from ...dates import has_month, starts_with_month
from ..ruler import Rule, Ruler

_I = re.IGNORECASE
_DIGITS = re.compile(r"\d+")
_LETTER_END = re.compile(r"[a-z]$", _I)
_NOT_AFTER_NUMBER = re.compile(
    r"^(?:(?:st|nd|rd|th)\b|[ap]\.?\s?m\b\.?|hrs\b|hours\b|views?\b|downloads?\b|of\s+\d|pages?\b|minutes?\s+allocated"
    r"|votes\b|vote\s+(?:for|against)\b|for\b|against\b|members?\b|x\s|%|per\s+cent"
    r"|(?:(?:e|w|n|s|north|south|east|west)\.?\s+)?[A-Z][\w'’.]*(?:\s+[A-Z][\w'’.]*){0,3}\s+(?:st|street|rd|road|ave|avenue|way|lane|drive|crescent|close|place|blvd|boulevard)\b\.?(?:\s*,|\s+(?:west|east|north|south)\b|\s*$|\s+www\.)"
    r"|(?:n|s|e|w|ne|nw|se|sw)\.?\s+[A-Z][\w'’]+\b(?:\s*,|\s*$|\s+(?:st|street|ave|avenue|blvd|road|rd)\b))",
    _I,
)
"""What cannot follow an item number: ordinals and times, counters, tallies, street names."""
MAX_NUMBER = 9999
"""Running minute numbers reach the thousands; larger bare numbers are references."""
YEARS = range(1900, 2100)
"""Four-digit numbers in this range are years, not item numbers."""
PLANNING_REF = r"(?:(?:\d{2}/\d{4,6}|[A-Z]{1,3}/\d{2,4}/\d{3,6})(?:/[A-Z]{1,5})?[,:]?\s+)"
"""A planning application's reference opening an item's title ("8/16 16/00501/OM Outline application
...", "11.1 18/00712/O Application for ...", "P/21/0456/FUL"): parish minutes list one application an
item. It stays in the title."""
ROMAN = re.compile(r"^(?:x{0,3})(?:ix|iv|v?i{0,3})$")


def number_key(number: str) -> tuple[int, ...]:
    """Ordering key of a printed item number: "5" < "5a" < "5.1" < "5.2" < "6"; "21/123" < "21/124".

    >>> number_key("5a") < number_key("5.1") < number_key("6")
    True
    """
    parts = [int(p) for p in _DIGITS.findall(number)[:3]]
    if not parts:
        letter = number.strip("().").lower()
        if len(letter) == 1 and letter.isalpha():
            return (ord(letter) - 96,)
        if letter and ROMAN.match(letter):
            return (_roman(letter),)
        return (0,)
    suffix = _LETTER_END.search(number)
    if suffix and len(parts) == 1:
        parts.append(ord(suffix.group(0).lower()) - 96)
    return tuple(parts)


def _roman(label: str) -> int:
    values = {"i": 1, "v": 5, "x": 10}
    total = prev = 0
    for ch in reversed(label):
        v = values[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def normalise_number(number: str) -> str:
    """The number as printed, without brackets, a trailing dot or inner spaces ("1. 1" → "1.1")."""
    text = number.strip().strip("()").strip()
    text = re.sub(r"\s+", "", text)
    return text.rstrip(".:)")


def _after_ok(rest: str) -> bool:
    rest = rest.lstrip()
    return not (starts_with_month(rest) or _NOT_AFTER_NUMBER.match(rest))


def _plain_number_ok(number: str) -> bool:
    digits = number.replace(".", "").replace(" ", "")
    if not digits.isdigit() or "." in number.rstrip("."):
        return True
    value = int(digits)
    if value == 0:
        return False  # agendas count from one; a zero is a score or a count
    return value <= MAX_NUMBER and not (len(digits) == 4 and value in YEARS)


def _numbered(system: str, *, title_next: bool = False) -> Callable[[re.Match[str], str], Mapping[str, Any] | None]:
    """An accept hook: the number, title and system of a match, with the traps refused."""

    def accept(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
        raw = m.group("n")
        title = (m.groupdict().get("title") or "").strip()
        if not _plain_number_ok(raw) or (title and not _after_ok(title)):
            return None
        if title and title[:1].isdigit() and has_month(title[:20]):
            return None
        return {
            "number": normalise_number(raw),
            "title": title,
            "title_next": title_next,
            "system": system,
        }

    return accept


def _item_word(m: re.Match[str]) -> Mapping[str, Any] | None:
    title = (m.group("title") or "").strip()
    if title and (starts_with_month(title) or (title[:1].isdigit() and has_month(title[:24]))):
        # "Item 2 - February 15, 2018": the date of the meeting; the title is on the next line.
        return {"number": normalise_number(m.group("n")), "title": "", "title_next": True, "system": "arabic"}
    if title and not _after_ok(title):
        return None
    return {"number": normalise_number(m.group("n")), "title": title, "title_next": not title, "system": "arabic"}


def _alone(m: re.Match[str]) -> Mapping[str, Any] | None:
    raw = m.group("n")
    number = normalise_number(raw)
    if "/" in number or (number[:1].isalpha() and number[-1:].isdigit()):
        system = "code"
    elif number.isalpha():
        system = "letter"
    else:
        system = "arabic"
    if system == "code" and "/" in number:
        head, _, tail = number.rpartition("/")
        head_digits = "".join(ch for ch in head if ch.isdigit())
        if len(head_digits) == 4 and len(tail) >= 3:
            return None  # "2020/152": a year and a resolution number
    if not _plain_number_ok(raw):
        return None
    return {"number": number, "title": "", "title_next": True, "system": system}


def _letter_dot(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    """A letter item (whether a lone letter is an item or an initial, the sequence decides)."""
    return _numbered("letter")(m, text)


def _roman_title(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    """A roman item number; its order is its value ("IV" is 4), whatever letters it shares."""
    found = _numbered("roman")(m, text)
    if found is None:
        return None
    return {**found, "key": (_roman(m.group("n").lower()),)}


def _register(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    """A register's resolution: numbered by its code; what follows (movers, motion) is its business."""
    return {"number": m.group("n"), "title": m.group("title").strip(), "system": "code"}


def _code_title(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    number = normalise_number(m.group("n"))
    title = m.group("title").strip()
    if not _after_ok(title):
        return None
    head = number.split("/")[0]
    if "/" in number and len(head) == 4 and head.isdigit() and len(number.split("/")[1]) >= 3:
        return None  # "2020/152": a resolution number
    if number[:1].isalpha() and "/" not in number and not number[1:].isdigit():
        return None
    if number[:1].isalpha() and "/" not in number and len(number) > 4:
        return None
    return {"number": number, "title": title, "title_next": False, "system": "code"}


NUMBERING = Ruler(
    "numbering",
    [
        Rule(
            "meeting-ref",
            """Issue pages print each meeting that took the issue as "Meeting: 07/01/2020 -
            Executive (Item 70)"; the item's title is on the next line.""",
            re.compile(
                r"^Meeting:\s*(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*-\s*(?P<body>\S(?:.*?\S)??|[^\S\n](?=\n*$))\s*(?:\(\s*(?:Agenda\s+)?Item\s+(?P<n>[\w./]+?)[.:]?\s*\)\s*)?$",
                _I,
            ),
            examples=(
                ("Meeting: 07/01/2020 - Executive (Item 70)", {"number": "70", "body": "Executive"}),
                ("Meeting: 14/03/2023 - Cabinet (Item 4:)", {"number": "4", "body": "Cabinet"}),
                ("Meeting: 21/10/2021 - Slough Health & Wellbeing Board (Item 2.)", {"number": "2"}),
            ),
            counter=("Meeting: Cabinet", "Meeting date: 07/01/2020"),
            accept=lambda m, text: {
                "number": normalise_number(m.group("n")) if m.group("n") else None,
                "body": m.group("body").strip(),
                "date": m.group("date"),
                "title": "",
                "title_next": True,
                "system": "meeting",
            },
            where="ModernGov issue histories (UK)",
        ),
        Rule(
            "date-title",
            """Issue-decision pages print each decision as "12/09/2019 - Title", sometimes with
            "(Agenda Item 14)" after the title.""",
            re.compile(
                r"^(?P<date>\d{1,2}/\d{1,2}/\d{4})\s+[-\u2013]\s+(?P<title>\S(?:.*?\S)??)(?:\s+\((?:Agenda\s+)?Item\s+(?P<n>[\w.]+)\))?\s*$",
                _I,
            ),
            examples=(
                ("17/09/2015 - Housing Allocations Policy", {"title": "Housing Allocations Policy"}),
                ("23/09/2015 - Allocations Policy (Agenda Item 14)", {"title": "Allocations Policy", "number": "14"}),
            ),
            counter=("Decided at meeting: 19/11/2020 - Committee", "12.59 - Pursuant to Standing Order 40"),
            accept=lambda m, text: {
                "number": normalise_number(m.group("n")) if m.group("n") else None,
                "title": m.group("title").strip(),
                "date": m.group("date"),
                "title_next": False,
                "system": "date",
            },
            where="ModernGov issue decisions (UK)",
        ),
        Rule(
            "item-word",
            """The word ITEM before the number: "ITEM 1. CALL TO ORDER", "Item 5 - Title", "ITEM - 1
            TITLE", "Agenda Item 3: Title"; alone ("Item 2 - February 15, 2018") the title follows.""",
            re.compile(
                r"^(?:agenda\s+)?item\s*(?:no\.?\s*)?(?:[-\u2013:]\s*)?(?P<n>\d{1,3}(?:\.\d{1,2}){0,2}[a-z]?)(?:\s*[.:)]\s*|\s+(?:[-\u2013]\s*)?)(?P<title>\S.*)?$",
                _I,
            ),
            examples=(
                ("ITEM 1. CALL TO ORDER", {"number": "1", "title": "CALL TO ORDER"}),
                ("Item 1 To agree the minutes of the Full Council meeting", {"number": "1"}),
                ("ITEM - 7    ECONOMIC DEVELOPMENT COMMITTEE MEETING   4", {"number": "7"}),
                ("Item 2 - February 15, 2018", {"number": "2"}),
            ),
            counter=("Item no. Agenda Item Details Status", "Items 16 and 17 be taken first"),
            accept=lambda m, text: _item_word(m),
        ),
        Rule(
            "number-alone",
            """A number alone on its line (a flattened table cell), the title on the next line: "51.",
            "5.1", "1. 1", "79/21", "C/152", "P108/24". Plain digits without a dot are page numbers
            and counters, never item numbers.""",
            re.compile(
                r"^(?:[\u2022\u00b7*]\s*)?(?P<n>[A-Z]{1,3}/\d{1,4}(?:/\d{2,4})?|[A-Z]{0,3}\d{1,4}/\d{2,4}|[A-Z]{1,3}\d{1,4}"
                r"|\d{1,4}(?:\.\s?\d{1,2}){1,2}\.?|\d{1,4}[.):]|\(?[a-zA-Z]\))"
                r"(?:\s{2,}\d{2,4}-\d{2,5})?\s*$"
            ),
            examples=(
                ("51.", {"number": "51"}),
                ("5.1", {"number": "5.1"}),
                ("1. 1", {"number": "1.1"}),
                ("79/21", {"number": "79/21"}),
                ("C/152", {"number": "C/152"}),
                ("P108/24", {"number": "P108/24"}),
                ("A)", {"number": "A"}),
            ),
            counter=("5", "24", "2020/152x", "Page 3"),
            accept=lambda m, text: _alone(m),
        ),
        Rule(
            "digits-alone",
            """Plain digits alone on a line, the title on the next line: "1" / "Closed Session". Page
            numbers look the same, so only a sequence of such numbers with titles vouches for them.""",
            re.compile(r"^(?P<n>\d{1,3})$"),
            examples=(("1", {"number": "1"}), ("12", {"number": "12"})),
            counter=("2020", "1.1"),
            accept=lambda m, text: {"number": m.group("n"), "title": "", "title_next": True, "system": "arabic"},
        ),
        Rule(
            "number-title",
            """A number with a dot or bracket, then the title on the same line: "1. Welcome",
            "1) Chairman", "1.Calling of the Roll", "4.1. Adoption", "1.0 PRESENT", "19: Library Review".""",
            re.compile(
                r"^(?:[\u2022\u00b7*]\s*)?(?P<n>\d{1,4}(?:\.\s?\d{1,2}){1,2}\.?|\d{1,3}\.[A-Za-z](?:\.|(?=\s))|\d{1,4}[.):])(?:\s+|(?=[A-Z\u201c\"(]))(?:\d{2,4}-\d{2,5}\s+(?=[A-Z]))?(?P<title>"
                + PLANNING_REF
                + r"?(?:[A-Z\u00c0-\u024f\u201c\"(\u2018'\[]|\d{1,6}\s+[A-Z]|\$\s?\d).*)$"
            ),
            examples=(
                ("1. Welcome", {"number": "1", "title": "Welcome"}),
                ("1) Chairman", {"number": "1", "title": "Chairman"}),
                ("1.Calling of the Roll", {"number": "1", "title": "Calling of the Roll"}),
                ("4.1. Adoption of the minutes", {"number": "4.1"}),
                ("1.0 PRESENT", {"number": "1.0"}),
                ("19: Library Service Review", {"number": "19"}),
                ("11.1 18/00712/O Application for construction of six dwellings", {"number": "11.1"}),
                ("4.A City Council Minutes – November 14, 2022 Regular Meeting", {"number": "4.A"}),
                ("4.B Demand List", {"number": "4.B"}),
                ("12.c. Award of the street sweeping contract", {"number": "12.c"}),
                ("2.7 21-024 Amendment to the Self-Service Luggage Cart Agreement", {"number": "2.7", "title": "Amendment to the Self-Service Luggage Cart Agreement"}),
                ("1.A 21-0109 Approve City Council Meeting Minutes of January 12, 2021", {"number": "1.A"}),
                ("3. 9665 WILSHIRE BOULEVARD – Development Plan Review", {"number": "3", "title": "9665 WILSHIRE BOULEVARD – Development Plan Review"}),
                ("25. $125,000 in grant funding for the library", {"number": "25"}),
            ),
            counter=("5.520 pm.", "1. 6/28/2011 CO Introduced", "12.59 - Pursuant", "3.5 million"),
            accept=_numbered("arabic"),
        ),
        Rule(
            "number-space-title",
            """A number, a space or a column gap, then the title: "1 Apologies", "01 Apologies for
            Absence", "334 APOLOGIES FOR ABSENCE", "*450 Minutes". The weakest form: it needs the
            sequence to vouch for it.""",
            re.compile(r"^(?:[\u2022\u00b7*]\s*)?(?P<n>\d{1,4})\s+(?P<title>[A-Z\u00c0-\u024f\u201c\"(\u2018'][^\n]*)$"),
            examples=(
                ("1 Apologies", {"number": "1", "title": "Apologies"}),
                ("01 Apologies for Absence", {"number": "01"}),
                ("334 APOLOGIES FOR ABSENCE", {"number": "334"}),
                ("*450 Minutes", {"number": "450"}),
            ),
            counter=(
                "9 May 2018 - Annual Parish Meeting",
                "410 E. Washington Street",
                "2018 CUMULATIVE LIST",
                "24 August 2021",
                "400 Robert D Ray Drive",
                "2 N LaSalle, Mezzanine M07",
            ),
            accept=_numbered("arabic"),
        ),
        Rule(
            "code-title",
            """A minute code before the title: "21/123 APOLOGIES", "29/20 Coronavirus Recovery Plan",
            "CM58/20 Adoption of the Budget", "2307.01 Present", "PLA146/14 Title", "S1 Supplementary item".""",
            re.compile(
                r"^(?P<n>(?:[A-Z]{1,4}\s?)?\d{1,4}/\d{2,4}|[A-Z]{1,4}\s?\d{1,4}|\d{4}\.\d{2})\.?:?\s+(?P<title>"
                + PLANNING_REF
                + r"?[A-Z\u201c\"(\u2018'].*)$"
            ),
            examples=(
                ("21/123 APOLOGIES", {"number": "21/123"}),
                ("29/20 Coronavirus Recovery Plan", {"number": "29/20"}),
                ("CM58/20 Adoption of the Budget", {"number": "CM58/20"}),
                ("2307.01 Present", {"number": "2307.01"}),
                ("S1 Supplementary Public Excluded Agenda Item", {"number": "S1"}),
                ("8/16 16/00501/OM Outline Application: construction of 28 dwellings", {"number": "8/16"}),
                ("9/16 16/00081/F, Extension to dwelling at 3 Church Lane", {"number": "9/16"}),
            ),
            counter=("2020/152 Resolved", "21/02013/FUL application"),
            accept=_code_title,
        ),
        Rule(
            "resolution-register",
            """A resolution numbered by year in a register of resolutions, its mover and seconder and
            the motion on the same line: "R2018-200 J. Scott, L. Andersen: THAT we pass By-Law ...",
            "2021-239 S. Kirkey, J. Scott: WHEREAS ...". Each resolution is the record's item; its
            line holds no title (the motion follows the movers).""",
            re.compile(r"^(?P<n>R?\d{4}-\d{1,4})\s+(?=[A-Z]\.\s?(?:[A-Z]\.\s?)?[A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+)?\s*[,/])(?P<title>.*)$"),
            examples=(
                ("R2018-200 J. Scott, L. Andersen: THAT we pass By-Law Number 2018-41.", {"number": "R2018-200"}),
                ("R2021-239 S. Kirkey, J. Scott: WHEREAS communities across the province", {"number": "R2021-239"}),
                ("2019-045 T. Marchant/L. Moore: That the minutes be adopted as published.", {"number": "2019-045"}),
            ),
            counter=("2018-41 By-law to appoint a Deputy Mayor", "R2018-200 Adopted"),
            accept=_register,
        ),
        Rule(
            "glued",
            """A number glued to its title, as a flattened table cell leaves it: "1Minutes of Council
            meeting", "8Questions." (never an ordinal date: "28TH FEBRUARY").""",
            re.compile(r"^(?P<n>\d{1,2})(?P<title>[A-Z][a-z].{2,})$"),
            examples=(("1Minutes of Council meeting of 12th May 2011", {"number": "1"}), ("8Questions.", {"number": "8"})),
            counter=("28TH FEBRUARY 2024", "3Rd"),
            accept=_numbered("arabic"),
        ),
        Rule(
            "letter-title",
            """A letter in brackets as an item number: "(a) Appointment of Chairman", "a) Title",
            perhaps with the matter's file number before the title ("a) 23-0015 RECOGNIZING ...").
            Usually a sub-list under a numbered item.""",
            re.compile(r"^(?P<n>\([a-zA-Z]\)|[a-zA-Z]\))\s+(?:\d{2}-\d{3,5}\s+)?(?P<title>[A-Z\u201c\"(].*)$"),
            examples=(
                ("(a) Appointment of Chairman", {"number": "a"}),
                ("b) Declarations of Interest", {"number": "b"}),
                ("a) 23-0015 RECOGNIZING JUNIOR LIFEGUARDS", {"number": "a", "title": "RECOGNIZING JUNIOR LIFEGUARDS"}),
            ),
            counter=("(ii) Any disclosable interests",),
            accept=_numbered("letter"),
        ),
        Rule(
            "letter-dot-title",
            """A capital letter and a dot as an item number, as US agendas letter their parts: "A. Roll
            Call", "B. Opening remarks by the Commission President", "H.RESOLUTION (2024-12) Renew
            the contract". Initials ("J. Wayne Outlaw", "U.S. Department") are not numbers.""",
            re.compile(r"^(?P<n>[A-Z])\.(?![A-Z]\.)\s*(?P<title>[A-Z\u201c\"(\u2018][^\n]*)$"),
            examples=(
                ("A. Roll Call", {"number": "A", "title": "Roll Call"}),
                ("B. Opening remarks by the Commission President", {"number": "B"}),
                ("H.RESOLUTION (2024-12) Renew the contract for staff life insurance", {"number": "H"}),
            ),
            counter=("U.S. Department of Labor", "J.R. Smith"),
            accept=_letter_dot,
        ),
        Rule(
            "small-letter-dot-title",
            """A small letter and a dot as an item number, as agendas letter the business under a
            part ("a. Motion to Waive Full Reading of Ordinances", "b. Purchase of two patrol
            vehicles"). Abbreviations ("e.g. Parking", "i.e. The report") are not numbers.""",
            re.compile(r"^(?P<n>[a-z])\.\s+(?P<title>[A-Z\u201c\"(\u2018][^\n]*)$"),
            examples=(
                ("a. Motion to Waive Full Reading of Ordinances", {"number": "a"}),
                ("b. Purchase of two patrol vehicles", {"number": "b"}),
                ("c. Award of the Street Sweeping Contract", {"number": "c"}),
            ),
            counter=("e.g. Parking permits", "i.e. The report"),
            accept=_letter_dot,
        ),
        Rule(
            "roman-title",
            """A roman numeral as an item number, as US agendas number their parts: "IV. CLOSED
            SESSION REPORT", "XIV. MUNICIPAL MATTERS", "II) Pledge of Allegiance".""",
            re.compile(r"^(?P<n>(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3}))[.)]\s+(?P<title>[A-Z\u201c\"(\u2018].*)$"),
            examples=(
                ("IV. CLOSED SESSION REPORT", {"number": "IV", "key": (4,)}),
                ("XIV. MUNICIPAL MATTERS", {"number": "XIV", "key": (14,)}),
                ("II) Pledge of Allegiance", {"number": "II"}),
            ),
            counter=("iv. the report be noted", "XL. Large"),
            accept=_roman_title,
        ),
        Rule(
            "roll-call-title",
            """A roll-call or file number before the item, as US minutes print it, perhaps followed
            by the agenda's own number: "99-464 1. ROLL CALL", "24-1107 (A) Main Street
            Bridge", "22-0076 MOTION TO ADJOURN". The roll-call number is the item's number. The
            title may open with a year, an address or an amount ("(E) 2024 Resurfacing of Mill Lane").""",
            re.compile(
                r"^(?P<n>\d{2}-\d{1,5})\s+(?:(?:\d{1,3}[.)]|\([A-Za-z]\)|[A-Za-z][.)])\s*)?(?P<title>[A-Z\u201c\"(\u2018].*|\d{1,6}\s+[A-Z].*|\$\s?\d.*)$"
            ),
            examples=(
                ("99-464 1. ROLL CALL: Present: Daniels, Flagg", {"number": "99-464", "title": "ROLL CALL: Present: Daniels, Flagg"}),
                ("24-1111 (E) 2024 Resurfacing of Mill Lane - Award of Contract", {"number": "24-1111", "title": "2024 Resurfacing of Mill Lane - Award of Contract"}),
                ("98-3565 82. 1998 Community Policing Grant", {"title": "1998 Community Policing Grant"}),
                ("96-7 Approving the Consent Agenda", {"number": "96-7"}),
                ("24-1107 (A) Main Street Bridge over the river", {"number": "24-1107"}),
                ("22-0076 MOTION TO ADJOURN.", {"number": "22-0076"}),
            ),
            counter=("12-2023 budget was approved", "2020-21 Budget", "12-15 JANUARY 2024 Training course"),
            accept=_numbered("code"),
        ),
    ],
)
"""Item numbering forms: every rule that applies proposes a candidate."""
