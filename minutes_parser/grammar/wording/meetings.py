"""How a page names its meeting: body, date, time, venue, status.

Meeting rules read a header line, or a few header lines joined (a sentence
"Minutes of the X held at Y on Z" is often broken over lines). They yield
text fields: ``body``, ``when`` (text holding the date and perhaps the time),
``time``, ``location``, ``status``; the assembler parses dates with the page's
day/month order and keeps the first value each field gets.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ...dates import MONTH, WEEKDAY, find_dates
from ..ruler import Rule, Ruler

_I = re.IGNORECASE
BODY_NOUNS = (
    r"council|committee|sub-committee|subcommittee|cabinet|board|authority|panel|commission|executive|assembly|forum"
    r"|meeting|trustees|commissioners|group|partnership|conference|session|hearing|convention|vestry|court|senate|caucus"
)
"""Words a body's name ends with or holds ("Planning Committee", "Board of Commissioners")."""
VENUE = re.compile(
    r"^\d{1,5}\s+[A-Z]|\b(?:chambers?|hall|room|centre|center|building|house|offices?|library|auditorium|pavilion|clubroom|club|civic|courthouse|hotel|church|school|institute|guildhall|headquarters|annex|annexe|lodge)\b",
    re.IGNORECASE,
)
"""Words that name a meeting place ("Council Chambers", "Town Hall", "Committee Room 1")."""
_BODY_NOUN = re.compile(r"\b(?:" + BODY_NOUNS + r")s?\b", _I)
_NUMBERED_PLACE = re.compile(r"^\d{1,5}\s+[A-Z]", _I)


def names_venue(text: str) -> bool:
    """True when a line names a place ("Council Chamber", "Town Hall", "Committee Room 1", "12
    Market Street"), not a body whose name holds a place's word ("Library Commission", "Village Hall
    Management Committee", "School Board"): a venue word after the line's last body noun.

    >>> names_venue("City Council Chambers"), names_venue("RIVERTON LIBRARY COMMISSION")
    (True, False)
    """
    ends = [m.end() for m in _BODY_NOUN.finditer(text)]
    if not ends:
        return VENUE.search(text) is not None
    return _NUMBERED_PLACE.match(text) is not None or VENUE.search(text, ends[-1]) is not None

_STATUS = re.compile(r"\b(cancelled|canceled|postponed|adjourned|rescheduled|moved|draft|tentative|confirmed)\b", _I)
_TIME_TEXT = r"\d{1,2}(?:[.:]\d{2})?\s?(?:[ap]\.?\s?m\.?|hrs|hours|o[’']clock(?:\s+[ap]\.?m\.?)?)|\d{1,2}:\d{2}"
_LEADING_THE = re.compile(r"^(?:the|a|an)\s+", _I)
_MEETING_OF = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?:extra[-\s]?ordinary|ordinary|special|annual|regular|monthly|general|statutory)\s+)*meeting\s+of\s+(?:the\s+)?", _I
)
_KIND_WORDS = re.compile(r"(?:^|(?<!\s)\s+)(?:open\s+|draft\s+|confirmed\s+|unconfirmed\s+|approved\s+)?(?:minutes|agenda)\b[\s\S]*?$", _I)
"""A kind word ending a body's name ("Planning Committee Minutes") and what follows it. The spaces
before it start where their run starts, and the rest is taken to the end of the text in one
pass (a body's name is one line), so no start is tried twice over the same characters."""
_LOC_END = re.compile(
    r"(?<!\s)(?:\s+(?:on|ON|On)\s+(?=" + WEEKDAY + r"\b|\d|" + MONTH + r"\b|the\s+\d)|\s+(?:commencing|starting|beginning)\b|\s+at\s+(?=(?:" + _TIME_TEXT + r"))|\s+from\s+(?=\d))"
    r"|(?:,|(?<!\s))\s+(?=" + WEEKDAY + r"\b,?\s+\d)|(?<!\s)\s+(?=\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH + r"\b)|(?<!\bNo)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\b[A-Z])\.\s|\.$"
    r"|(?<!\s)\s+(?:and\s+)?(?:via|by)\s+(?:zoom|teams|microsoft|video|webex|conference|audio)",
    _I,
)
"""Where a venue in a sentence ends: the date, the time or a full stop. A boundary that starts with
spaces starts where their run starts (a start inside the run would match only what the run's
start matches, and trying each one is quadratic)."""


_GENERIC_BODY = re.compile(r"^(?:(?:an?|the)\s+)?meetings?(?:\s+held)?$", _I)
KIND_OF_MEETING = re.compile(
    r"^(?:(?:minutes|agenda|notice|summary)\s+(?:of|for)\s+)?(?:(?:an?|the)\s+)?"
    r"(?:(?:regular|special|ordinary|extra[-\s]?ordinary|adjourned|closed|recessed|annual|monthly|general|statutory|reconvened|open"
    r"|virtual|hybrid|remote|online|zoom|teleconference|in[-\s]person)\s+)*"
    r"(?:meetings?|session)(?:\s+held)?(?:\s+(?:agenda|minutes))?$"
    r"|^(?:agenda|minutes|notice|summary|action\s+minutes)$",
    _I,
)
"""Names of a kind of meeting or document rather than of a body: "Regular Meeting", "MINUTES OF
THE REGULAR MEETING", "Special Session", "Virtual Meeting", "AGENDA". A page that names no body keeps one ("GENERAL
MEETING"); any body the page names wins over it."""


def strip_body(text: str) -> str:
    """A body as printed, without a leading article, a trailing kind word ("Minutes") or dot;
    "" when it names no body ("a meeting")."""
    text = _DOCUMENT_OF.sub("", text.strip(" .,:;|*-\u2013"))
    text = _KIND_WORDS.sub("", text)
    if _GENERIC_BODY.match(text):
        return ""
    text = _MEETING_OF.sub("", text)
    text = _LEADING_THE.sub("", text)
    return text.strip(" .,:;|")


_DOCUMENT_OF = re.compile(
    r"^(?:(?:proceedings|summary)\s+(?:of|at)\s+(?:(?:the|an?)\s+)?(?=\S)"
    r"|(?:minutes|agenda|notes)\s+(?:of|for)\s+(?:(?:the|an?)\s+)?(?=(?:[\w-]+\s+){0,3}meeting\s+of\b))",
    _I,
)
"""The document's kind before the meeting it records: "PROCEEDINGS AT MEETING OF", "Summary of"."""


_DOUBLED_COMMA = re.compile(r",(?:\s*,)+")
"""Commas doubled where a venue's lines, each ending with a comma, are joined with one."""


def clean_location(text: str, *, sentence: bool = True) -> str | None:
    """A venue without its leading "the" or trailing punctuation; None when virtual.

    In a sentence the venue ends where the date or time begins; a label's value is the venue whole.
    """
    text = text.strip()
    m = _LOC_END.search(text) if sentence else None
    if m is not None:
        text = text[: m.start()]
    text = _LEADING_THE.sub("", text.strip(" ,.;:|-\u2013"))
    text = _DOUBLED_COMMA.sub(",", text).strip(" ,.;:|")
    if not text or len(text) > 200:
        return None
    return text


_DECIDED_ABOUT = re.compile(
    r"\b(?:were|was|are|is|be|been)\s+(?:\w+\s+){0,2}?(?:approved|confirmed|agreed|amended|signed|adopted|accepted|noted|received|taken|circulated|read)\b",
    re.IGNORECASE,
)
"""A sentence about earlier minutes ("The minutes of the meeting held on 9th September were amended
and signed"): the meeting it names is not the page's own."""


_ABBREVIATION = (
    r"(?:Mrs|Ave|Blvd|Hwy|Cllr|Rev|Hon|Prof|Dept|Corp|Inc|Ltd|Bros|Assn|Govt|Esq|Est|Ext|Approx"
    r"|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
)
"""Abbreviations of three letters or more that end with a full stop without ending a sentence (two-letter
ones, "St.", "No.", "Dr.", are never taken for a sentence's last word)."""
_SENTENCE_WORD_END = r"(?:\b(?!" + _ABBREVIATION + r"\.)[A-Za-z][a-z]{2,}|\b\d{4})\."
_NEXT_SENTENCE = re.compile(_SENTENCE_WORD_END + r"(?=\s+[A-Z])")
"""A full stop after a word or a year, then a capital: where one sentence ends and the next starts
(not after an abbreviation: "St. Mary's", "Dr. Ellis", "Mrs. Hale", "Fri. 8 March")."""
SENTENCE_END = re.compile(_SENTENCE_WORD_END + r"[\s\u201d\u2019\"')]*$")
"""A line ending a sentence: a word or a year and a full stop ("... 16 November 2021.", "... Hall."), not
an abbreviation ("7 p.m.", "12 Main St.", "Room No.")."""
SENTENCE_VERB = re.compile(r"\b(?:may|will|shall|must|can|should|is|are|was|were|be|been|please)\b", _I)
"""A verb or request that makes a line a sentence, not a venue's name or address."""


def read_held(body: str | None, head: str, tail: str, whole: str) -> dict[str, Any]:
    """Fields of a "... X held at/in Y on Z at T" sentence, whatever order its parts come in.

    ``body`` is the name before "held", ``head`` the text before it, ``tail`` the text after it.
    """
    out: dict[str, Any] = {}
    if body and body.strip():
        name = strip_body(body)
        if name:
            out["body"] = name
    end = _NEXT_SENTENCE.search(tail)
    if end is not None:
        tail = tail[: end.end()]  # the sentence ends at this full stop; the next ("In response to ...") is another
    loc = _AT_IN.search(tail)
    if loc is not None:
        where = clean_location(loc.group("loc"))
        if where:
            out["location"] = where
    if find_dates(tail):
        out["when"] = tail
    elif find_dates(head):
        out["when"] = head
    time = _AT_TIME.search(tail)
    if time is not None:
        out["time_text"] = time.group("time")
    status = _STATUS.search(whole)
    if status is not None and status.group(1).lower() in ("cancelled", "canceled", "postponed", "adjourned"):
        out["status"] = status.group(1).lower()
    return out


_AT_IN = re.compile(
    r"(?:^|\s)(?:held\s+)?(?:at|in)\s+(?!\d)(?!(?:" + _TIME_TEXT + r"))(?!(?:regular|special|closed|open|public|executive|adjourned)\s+session)(?P<loc>(?:the\s+)?[A-Z0-9\u00c0-\u024f](?:.{2}|.{3,200}?(?!(?<=\s)(?!\n\Z)\s)))"
    r"(?=\s+(?:on|ON|On)\s+(?:" + WEEKDAY + r"\b|\d|" + MONTH + r"\b|the\s+\d)|\s+(?:commencing|COMMENCING|starting)\b|,?\s+" + WEEKDAY + r"\b"
    r"|\s+(?:at|AT)\s+(?:" + _TIME_TEXT + r")|\s+(?:and\s+)?(?:via|by)\s|(?<!\bNo)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\b[A-Z])\.\s|\.?$|\s+\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH + r")",
    _I,
)
"""A venue after "at" or "in" and where it ends (a date, a time, a full stop, the line's end). A
venue that would end inside a run of spaces is not tried: the venue ending where the run starts
is tried first and ends it too, and trying each space is quadratic."""
_AT_TIME = re.compile(r"(?:at|commencing\s+at|starting\s+at|from)\s+(?P<time>" + _TIME_TEXT + r")", _I)


def _date_line(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    """A line that is a date (with perhaps a time, a venue after a dash, a status)."""
    dates = find_dates(text)
    if not dates:
        return None
    start, end, _ = dates[0]
    before = text[:start].strip(" ,-\u2013|")
    after = text[end:].strip()
    if before and not re.fullmatch(r"(?:" + WEEKDAY + r"|held\s+on|on|date|dated|meeting\s+(?:of|on))[,.]?", before, _I):
        return None
    out: dict[str, Any] = {"when": text}
    status = _STATUS.search(after)
    if status is not None:
        out["status"] = status.group(1).lower()
    rest = re.sub(_TIME_TEXT, " ", after, flags=_I)
    rest = re.sub(r"\b(?:to|at|from|commencing|,)\b", " ", rest, flags=_I).strip(" ,.-\u2013\u2014|")
    if rest and status is None:
        dash = re.match(r"^(?:[-\u2013\u2014]\s*)?(?P<loc>.+)$", after.lstrip(" ,"))
        if len(rest.split()) > 10:
            timed = _DATELINE_TIME.match(text, len(text) - len(text[end:].lstrip()))
            if not before or timed is None:
                return None
            # "Tuesday, 12 March 2024 7:00 PM Remote Meeting: live stream | ...": a weekday,
            # the date and the time open the line; what follows is something else.
            return {"when": text[: timed.end()]}
        if dash is not None and re.match(r"^[-\u2013\u2014]", after.lstrip(" ,0123456789:.apm")):
            loc = clean_location(after.split("\u2013", 1)[-1].split(" - ", 1)[-1])
            if loc:
                out["location"] = loc
    return out


_DATELINE_TIME = re.compile(r"(?:at\s+)?(?:" + _TIME_TEXT + r")(?![a-z])", _I)
"""The time straight after a line's opening date."""
BODY_LINE_WORDS = 14
"""A line naming a body is short: the longest real names run to about a dozen words."""
BODY_LINE_AFTER = 80
"""At most this many characters follow the body's noun ("Council of the City of ...")."""


def _body_line(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    """A short line naming a body ("Licensing Sub-Committee", "CITY COUNCIL", "Glasgow City Council.")."""
    words = text.split()
    if not 1 <= len(words) <= BODY_LINE_WORDS or len(text) - m.end() > BODY_LINE_AFTER or text.endswith(("?", "!", ",")) or ":" in text:
        return None
    if sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha()) < len(words) * 0.6:
        return None
    if re.search(r"\b(?:was|were|is|are|will|has|have|had|be|been|held|met)\b", text, _I):
        return None
    if NOT_A_BODY_LINE.match(text) or names_venue(text):
        return None  # a list entry, a note in brackets, a member and their role, a room
    body = strip_body(text)
    return {"body": body} if body else None


_ROLES = (
    r"(?:Council\s*Member|Councilmember|Councillor|Cllr|Mayor(?:\s+Pro\s+Tem(?:pore)?)?|Vice\s+Mayor|Deputy\s+Mayor|Commissioner"
    r"|(?:Vice[-\s])?Chair(?:man|person|woman)?|Trustee|Member|Director|Alderman|Alderwoman|Clerk|Secretary|Treasurer)"
)
_PERSON = r"[A-Z][\w.'\u2019-]+(?:\s[A-Z][\w.'\u2019-]+){1,3}"
ROSTER_LINE = re.compile(
    r"^(?:" + _PERSON + r"\s+[-\u2013,]\s+" + _ROLES + r"\b"  # "Rene Spring - Council Member"
    r"|(?:Mayor|Vice\s+Mayor|Deputy\s+Mayor|Councillor|Cllr|Council\s*Member|Councilmember|Commissioner|Alderman|Alderwoman)\s+"
    r"(?!.*\b(?:" + BODY_NOUNS + r")s?\b)" + _PERSON + r"$)",  # "Mayor Rich Constantine"
    _I,
)
"""A member and their role, as the roster of a printed agenda's title block lists them."""
NOT_A_BODY_LINE = re.compile(
    r"^(?:\(?\d{1,3}[.)]\s"  # "2. ATTEND THE MEETING IN PERSON": an entry of a numbered list
    r"|\([^()]*\)\.?$"  # "(IN-PERSON AND VIDEO CONFERENCE)": a note
    # "Committee Members:", "COUNCILLORS": the heading of a roster ("County Commissioners", "Village
    # Trustees" name bodies, and are left to the line's context)
    r"|(?!.*\bof\b)[^:]*\b(?:members|councillors|councilmembers|councilors)\s*:?$"
    # "Meetings Administrator.", "Committee Clerk": an officer's post under a signature ("Joint
    # Committee of Town Clerks" is a body)
    r"|(?!.*\bof\b)[^:]*\b(?:administrator|officer|clerk|secretary|manager|co-?ordinator|assistant)\.?$)"
    r"|" + ROSTER_LINE.pattern,  # "Rene Spring - Council Member"
    _I,
)
"""Lines that name a body's word without being the body's name."""



def _listed_meeting(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    """A list row names a body ("... Council Meeting", "Planning Committee"), not any event nor
    a venue ("May 2, 2012 – Council Chamber" is a date line)."""
    body = m.group("body").strip(" ,-")
    if not _BODY_NOUN.search(body) or VENUE.search(body):
        return None
    out: dict[str, Any] = {"body": body, "when": m.group("when")}
    if m.group("time_text"):
        out["time_text"] = m.group("time_text")
    if m.group("location"):
        out["location"] = clean_location(m.group("location"), sentence=False) or m.group("location").strip()
    return out


def _body_when(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    when = m.group("when")
    if not find_dates(when):
        return None
    body = strip_body(m.group("body"))
    out: dict[str, Any] = {"body": body, "when": re.sub(r"\s+page\s*\d+(?:\s+of\s+\d+)?\s*$", "", when, flags=_I)}
    status = _STATUS.search(text)
    if status is not None and status.group(1).lower() != "confirmed":
        out["status"] = status.group(1).lower()
    return out


_NARRATIVE_BEFORE = re.compile(r"\b[a-z]{2,}\b")
_REPORTED = re.compile(r"\b(?:were|was|are|is|be|been)\s+(?:duly\s+)?(?:approved|signed|confirmed|agreed|adopted|received|noted|circulated|submitted|taken)\b", _I)


def _body_or_meeting(m: re.Match[str]) -> bool:
    """The sentence names a meeting (a body, or "a meeting") and is a header, not narrative about
    earlier minutes ("The minutes of the meeting held on 7 January were signed")."""
    body = (m.group("body") or "").strip()
    before = m.string[: m.start()]
    if _NARRATIVE_BEFORE.search(before) or _REPORTED.search(m.string[m.end() : m.end() + 160]):
        return False
    return not body or bool(_BODY_NOUN.search(body)) or len(body.split()) <= 8


def _minutes_dated(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    dates = find_dates(m.group("rest"))
    if not dates or dates[0][0] > 2:
        return None
    out: dict[str, Any] = {"body": strip_body(m.group("body")), "when": m.group("rest")}
    after = m.group("rest")[dates[0][1] :]
    time = re.match(r"\s*(?:at\s+)?(" + _TIME_TEXT + r")", after, _I)
    if time is not None:
        after = after[time.end() :]
        out["time_text"] = time.group(1)
    loc = clean_location(after.strip(" ,-\u2013"), sentence=False)
    if loc and loc[:1].isupper() and len(loc.split()) <= 12:
        out["location"] = loc
    return out


BODY_BEFORE_MET = 100
"""How far back the body's name may start before "met" (the longest names are about 80 characters)."""
_NAME_BEFORE = re.compile(r"(?:^|(?<=\s))(?:the\s+)?(?P<body>[A-Z][\w&'\u2019,. -]{2,100})\s+$", _I)


def _body_met(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    """The capitalised name just before "met" (it must name a kind of body), and what follows."""
    before = text[max(0, m.start() - BODY_BEFORE_MET - 10) : m.start()]
    name = _NAME_BEFORE.search(before)
    if name is None or not _BODY_NOUN.search(name.group("body")):
        return None
    return read_held(name.group("body"), "", text[m.start() + 3 :], text)


MEETING = Ruler(
    "meeting",
    [
        Rule(
            "body-dash-date",
            """Body and date on one line, as meeting pages print them: "Cabinet - Tuesday, 7th
            January, 2020 5.30 pm", "Council - Thursday 25th September 2008 7.30 pm", "Moved from 9th
            October 2018, Cabinet - Tuesday, 2nd October, 2018", "Ordinary Council Meeting - 15
            December 2020 Page 2".""",
            re.compile(
                r"^(?:(?:moved|rescheduled|postponed|changed|adjourned)\s+(?:from|to)\s+[^,]{3,40},\s*)?(?P<body>[^\s].{1,120}?)\s+[-\u2013\u2014|]\s+(?P<when>(?:"
                + WEEKDAY
                + r"\b,?\s|\d{1,2}(?:st|nd|rd|th)?\s+"
                + MONTH
                + r"|"
                + MONTH
                + r"\s+\d).{4,80})$",
                _I,
            ),
            examples=(
                ("Cabinet - Tuesday, 7th January, 2020 5.30 pm", {"body": "Cabinet"}),
                ("Moved from 9th October 2018, Cabinet - Tuesday, 2nd October, 2018 2.00 pm", {"body": "Cabinet"}),
                ("Council Meeting - Wednesday, 17th August, 2022 10.00 am", {"body": "Council Meeting"}),
                ("Ordinary Council Meeting - 15 December 2020 Page 2", {"body": "Ordinary Council Meeting"}),
            ),
            counter=("Report of the Director - see attached",),
            accept=lambda m, text: _body_when(m, text),
        ),
        Rule(
            "date-dash-body",
            """A date, then the meeting's name, as running heads print them: "19 November, 2014 –
            Ordinary Meeting of Council – Minutes Shire of Kent", "9 May 2018 - Annual Parish Meeting".""",
            re.compile(r"^(?:\d{1,3}\s+)?(?P<when>\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH + r",?\s+\d{4})\s+[-\u2013\u2014]\s+(?P<body>[A-Z].{2,100}?)(?:\s+[-\u2013\u2014]\s+.{0,60})?$", _I),
            examples=(("19 November, 2014 – Ordinary Meeting of Council – Minutes Shire of Kent", {"body": "Council"}),),
            counter=("9 May 2018 was the date",),
            accept=lambda m, text: {"body": strip_body(m.group("body")), "when": m.group("when")} if strip_body(m.group("body")) else None,
        ),
        Rule(
            "listed-meeting",
            """A row of a list of meetings: the date (often without its year, which the list's
            heading prints once), a dash, the body, then perhaps the time and the venue in
            brackets: "WEDNESDAY, JANUARY 10 – CITY COUNCIL MEETING, 7:30 PM (CC Auditorium)",
            "Tuesday 6 March – Planning Committee (Council Chamber)", "Monday, April 2, 2018 -
            Regular Council Meeting - 7:00 p.m.".""",
            re.compile(
                r"^(?P<when>(?:" + WEEKDAY + r"\.?,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+" + MONTH + r"|" + MONTH
                + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?)\s*[-\u2013\u2014|]\s*(?P<body>[A-Z][^()\u2013\u2014|]{2,100}?)"
                r"(?:(?:,|\s+[-\u2013\u2014]|\s+at)?\s+(?P<time_text>\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?\s?m\b\.?))?"
                r"(?:\s*\((?P<location>[^()]{2,80})\))?\s*$",
                _I,
            ),
            examples=(
                ("WEDNESDAY, JANUARY 10 – CITY COUNCIL MEETING, 7:30 PM (CC Auditorium)", {"body": "CITY COUNCIL MEETING", "location": "CC Auditorium"}),
                ("Tuesday 6 March – Planning Committee (Council Chamber)", {"body": "Planning Committee"}),
                ("Monday, April 2, 2018 - Regular Council Meeting - 7:00 p.m.", {"body": "Regular Council Meeting"}),
            ),
            counter=("12 May - the report was circulated to members", "Friday, 3 June - deadline for comments", "May 2, 2012 – Council Chamber"),
            accept=_listed_meeting,
        ),
        Rule(
            "agenda-for",
            """"Agenda for Council on Wednesday, 27th January, 2021, 6.00 pm".""",
            re.compile(r"^(?:agenda|minutes|decisions)\s+(?:for|of)\s+(?P<body>\S.{0,118}?\S)\s+on\s+(?P<when>.{6,80})$", _I),
            examples=(("Agenda for Council on Wednesday, 27th January, 2021, 6.00 pm", {"body": "Council"}),),
            counter=("Agenda for the next meeting",),
            accept=lambda m, text: {"body": strip_body(m.group("body")), "when": m.group("when")}
            if find_dates(m.group("when")) and not re.search(r"\bheld\b", m.group("body"), _I)
            else None,
        ),
        Rule(
            "minutes-held",
            """A minutes sentence: "Minutes of the X held at Y on Z at T", in whatever order its
            parts come ("held on DATE at TIME in LOC", "HELD AT LOC ON DATE COMMENCING AT T"), also
            "MINUTES OF A Council Meeting OF THE X Council HELD AT ...", "Minutes of a meeting held
            on 9th January, 2015".""",
            re.compile(
                r"(?:^|\b)(?:minutes|proceedings|record)\s+(?:of|from)\s+(?:the\s+|an?\s+)?(?:proceedings\s+of\s+(?:the\s+)?)?"
                r"(?P<body>(?:\S(?:.{0,158}?\S)??)??)(?:(?<!\s)\s*)?\b(?P<held>held|convened|conducted)\b",
                _I,
            ),
            examples=(
                ("Minutes of the meeting of the Planning Committee held in the Council Chamber on 3 May 2021 at 7pm", {"body": "Planning Committee", "location": "Council Chamber"}),
                ("MINUTES OF THE PROCEEDINGS OF THE MEETING OF THE COUNCIL HELD AT MOSSLEY MILL ON MONDAY 26 OCTOBER 2020 AT 6.30 PM", {"location": "MOSSLEY MILL"}),
                ("Minutes of the Parish Council Meeting held on Tuesday May 16th 2023 at 7.15 p.m. in the Old School", {"body": "Parish Council Meeting"}),
            ),
            counter=(
                "The minutes of the meeting were agreed.",
                "Minutes of Council meeting of 12th May 2011",
                "The minutes of the Parish Council Meeting held on 9th September 2014 were amended and signed.",
            ),
            accept=lambda m, text: read_held(m.group("body"), text[: m.start("held")], text[m.end("held") :], text)
            if _body_or_meeting(m) and not _DECIDED_ABOUT.search(text, m.end("held"))
            else None,
            search=True,
        ),
        Rule(
            "meeting-of-held",
            """A summons or record naming the meeting in a sentence: "A meeting of the X will be
            held in LOC on DATE at TIME", "At a meeting of the X held in LOC on DATE", "NOTICE is
            hereby given that an ordinary meeting of the X will be held on:".""",
            re.compile(
                r"(?:^|\b)(?:an?|at\s+an?|that\s+an?)\s+(?:(?:extra[-\s]?ordinary|ordinary|special|annual|regular|monthly|general|statutory|reconvened|adjourned|recess(?:ed)?|joint|emergency|budget)\s+)*meeting(?:\s+of\s+(?P<body>\S.{0,138}?\S))?\s+(?:(?:will|is\s+to|shall)\s+be\s+|to\s+be\s+|was\s+)?(?P<held>held|convened)\b",
                _I,
            ),
            examples=(
                ("A meeting of the Exmoor National Park Authority will be held in the Committee Room, Exmoor House on Tuesday 8 January 2019 at 10.00am.", {"body": "Exmoor National Park Authority"}),
                ("A meeting to be held at City Chambers, Glasgow at 13:30 on 23 June 2011.", {"location": "City Chambers, Glasgow"}),
                ("At a meeting of the Liverpool City Region Combined Authority held in the Authority Chamber on Friday, 15th September, 2017", {}),
            ),
            counter=("the recess powers granted at the meeting on 27 June 2024", "the decisions of the meeting held on 4 September 2023 be approved"),
            accept=lambda m, text: read_held(m.group("body"), text[: m.start("held")], text[m.end("held") :], text),
            search=True,
        ),
        Rule(
            "body-met",
            """A record opening with the body that met, as US and Canadian minutes do: "The X met in
            Regular Session on DATE at TIME in LOC", "Town Council met on Monday, May 4"; the body is
            the capitalised name just before "met".""",
            re.compile(r"(?<=\s)met\s+(?:in\s+(?:a\s+)?(?:(?:regular|special|adjourned|closed|open)\s*)?session\s+)?on\b", _I),
            examples=(
                ("The New Hanover County Board of Commissioners met in Regular Session on March 11, 2013, at 4:00 p.m. in the Assembly Room", {"body": "New Hanover County Board of Commissioners"}),
                ("The Planning Commission met on Tuesday, 4 June 2024 at 7 p.m.", {"body": "Planning Commission"}),
                ("Town Council met in a special session on May 4, 2022", {"body": "Town Council"}),
            ),
            counter=("The officers met on site with the applicant.", "Targets were met on time."),
            accept=_body_met,
            search=True,
        ),
        Rule(
            "held-at-on",
            """The place, time and date of the meeting without its name: "Held at Publow Memorial
            Hall at 19:45 on 21st March 2018", "held on Thursday 12 August 2021".""",
            re.compile(r"^(?P<held>held)\b", _I),
            examples=(("Held at Publow Memorial Hall at 19:45 on 21st March 2018", {"location": "Publow Memorial Hall"}),),
            counter=("Holding statement",),
            accept=lambda m, text: read_held(None, "", text[m.end() :], text) or None,
        ),
        Rule(
            "minutes-dated",
            """A minutes or agenda title naming the body, then the date, time and place with no
            linking words: "Minutes of Crowton Parish Council Extraordinary Meeting 22/07/21 7pm Hare &
            Hounds, Crowton", "Agenda of the Finance Committee 3 May 2022 7.30pm Village Hall".""",
            re.compile(r"^(?:minutes|agenda)\s+(?:of|for)\s+(?:the\s+)?(?P<body>[A-Z][^\d]{2,120}?)\s+(?P<rest>\d.{4,160})$", _I),
            examples=(
                ("Minutes of Crowton Parish Council Extraordinary Meeting 22/07/21 7pm Hare & Hounds, Crowton", {"location": "Hare & Hounds, Crowton"}),
                ("Agenda of the Finance Committee 3 May 2022 7.30pm Village Hall", {"body": "Finance Committee", "location": "Village Hall"}),
            ),
            counter=("Minutes of the last meeting 12 items", "Minutes of the meeting held on 9 September 2014 were approved."),
            accept=lambda m, text: None if _DECIDED_ABOUT.search(text) else _minutes_dated(m, text),
        ),
        Rule(
            "meeting-of",
            """A title naming the meeting: "Meeting of the City Council", "Ordinary Meeting of
            Council", "Regular Meeting of the Austin City Council".""",
            re.compile(
                r"^(?:(?:minutes|proceedings|summary|agenda|notes)\s+(?:of|at|for)\s+(?:(?:the|an?)\s+)?)?"
                r"(?:(?:extra[-\s]?ordinary|ordinary|special|annual|regular|monthly|general|statutory)\s+)*meeting\s+of\s+(?:the\s+)?(?P<body>[A-Z].{2,100})$"
                r"|^(?P<whole>(?:[A-Z][\w&'’-]*\s+){1,3}meeting\s+of\s+(?:the\s+)?[A-Z].{2,100})$",
                _I,
            ),
            examples=(
                ("Meeting of the City Council", {"body": "City Council"}),
                ("Regular Meeting of the Austin City Council", {}),
                ("Proceedings of the Monthly Meeting of the Northvale Area Committee", {"body": "Northvale Area Committee"}),
                ("MINUTES OF THE ANNUAL GENERAL MEETING OF THE WESTBROOK TOWN COUNCIL", {"body": "WESTBROOK TOWN COUNCIL"}),
            ),
            counter=("Meeting of minds",),
            accept=lambda m, text: {"body": strip_body(m.group("body") or m.group("whole"))}
            if not re.search(r"\b(?:held|will|was)\b", text, _I) and _BODY_NOUN.search(m.group("body") or m.group("whole"))
            else None,
        ),
        Rule(
            "meeting-notice",
            """What a meeting page says when it has nothing yet or no longer meets: "No documents
            are available for this meeting", "This meeting has been cancelled".""",
            re.compile(
                r"^(?:no\s+(?:documents|papers|reports|agenda|minutes)\s+(?:are|is)\s+(?:yet\s+)?available\s+for\s+this\s+meeting|this\s+meeting\s+(?:has\s+been|was|is)\s+(?P<status>cancelled|canceled|postponed|adjourned|rescheduled))",
                _I,
            ),
            examples=(("No documents are available for this meeting", {}), ("This meeting has been cancelled.", {"status": "cancelled"})),
            counter=("No documents were circulated.",),
            accept=lambda m, text: {"status": m.group("status").lower()} if m.group("status") else {},
        ),
        Rule(
            "date-line",
            """A line that is the meeting's date, perhaps with its time, a venue after a dash and a
            status: "Tuesday, 8th January, 2019 10.30 am", "May 2, 2012 – Council Chamber",
            "Thursday, 28th April, 2016 7.00 pm, CANCELLED", "Wed Jan 13 2016", "Monday, 2018
            December 03".""",
            re.compile(
                r"^(?:(?:held\s+)?on\s+|date[d:]?\s+|meeting\s+(?:of|on)\s+)?(?:" + WEEKDAY + r"\b,?\s+|\d{1,4}(?:st|nd|rd|th)?(?:[\s,]+(?:of\s+)?" + MONTH + r"\b|[/.\-]\d)|" + MONTH + r"\b)",
                _I,
            ),
            examples=(
                ("Tuesday, 8th January, 2019 10.30 am", {}),
                ("May 2, 2012 – Council Chamber", {"location": "Council Chamber"}),
                ("Thursday, 28th April, 2016 7.00 pm, CANCELLED", {"status": "cancelled"}),
                ("Wed Jan 13 2016", {}),
                ("2018 December 03", {}),
                ("12/03/2024 at 7pm", {}),
                ("1st of June 2023", {}),
                ("Meeting of June 1, 2020", {}),
            ),
            counter=("3 Apologies for absence", "3 The minutes of the Council meeting of 27th October 2016 were approved.",),
            accept=_date_line,
        ),
        Rule(
            "body-line",
            """A short line naming a body, in title or upper case, that the date below it belongs to:
            "Licensing Sub-Committee", "CITY COUNCIL", "Glasgow City Council.".""",
            re.compile(r"(?:" + BODY_NOUNS + r")s?\b", _I),
            examples=(
                ("Licensing Sub-Committee", {"body": "Licensing Sub-Committee"}),
                ("CITY COUNCIL", {"body": "CITY COUNCIL"}),
                ("Board of Selectmen", {"body": "Board of Selectmen"}),
            ),
            counter=(
                "The Council will meet again in May.",
                "Meeting documents:",
                "2. ATTEND THE MEETING IN PERSON",
                "Rene Spring - Council Member",
                "(IN-PERSON AND VIDEO CONFERENCE MEETING)",
                "City Council Chambers",
            ),
            accept=_body_line,
            search=True,
        ),
    ],
)
"""Meeting header forms."""
