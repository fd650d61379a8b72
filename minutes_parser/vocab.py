"""Fixed vocabularies: the printed words mapped to one value each, the words kept beside.

Pages print a meeting's status, an attendee's attendance and a vote's result in
their own words ("Confirmed; Special Meeting", "Present, as expected",
"Motion Carried Unanimously"). Analysis needs one value per meaning, and the
same meeting read from a ModernGov HTML page and from its web service must get
the same one. Each vocabulary here is an ordered tuple of (value, pattern)
rules: the first pattern that matches the printed words gives the value. The
printed words stay in ``status_text`` / ``attendance_text`` / ``Vote.result``.

This runs after an adapter has built its :class:`~minutes_parser.Document`
(:func:`normalise`), so the grammar keeps reading pages and this module alone
decides the values.

>>> meeting_status("Confirmed; Special Meeting")
'confirmed'
>>> attendance("Present, as expected")
'present'
>>> vote_result("Motion Carried Unanimously")
'carried'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .models import AgendaItem, Document, Meeting, Person, Vote

_I = re.IGNORECASE

MEETING_STATUS: tuple[str, ...] = (
    "scheduled",
    "confirmed",
    "held",
    "cancelled",
    "postponed",
    "moved",
    "adjourned",
    "tentative",
)
"""Meeting status values (after city-scrapers-core's fixed list, with ModernGov's "confirmed" and
"moved" and the "adjourned" notices councils publish)."""

_STATUS_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Most specific first: "Confirmed; meeting cancelled" is cancelled, "Adjourned to ..." adjourned.
    ("cancelled", re.compile(r"\bcancel+(?:ed|ation)?\b|\bwithdrawn\b|\bwill\s+not\s+(?:take\s+place|be\s+held)", _I)),
    ("postponed", re.compile(r"\bpostpone|\bdeferred\b", _I)),
    ("adjourned", re.compile(r"\badjourn", _I)),
    ("moved", re.compile(r"\bmoved\b|\breschedul|\brelocated\b|\bnew\s+date\b|\bchanged?\s+date\b", _I)),
    ("held", re.compile(r"\bheld\b|\btook\s+place\b|\bminutes\s+(?:published|approved)\b|\bcompleted\b", _I)),
    ("tentative", re.compile(r"\bprovisional\b|\btentative\b|\bdraft\b|\bto\s+be\s+confirmed\b|\btbc\b", _I)),
    ("confirmed", re.compile(r"\bconfirmed\b|\bfinal\b|\bpublished\b", _I)),
    ("scheduled", re.compile(r"\bscheduled\b|\bupcoming\b|\bplanned\b|\bexpected\b", _I)),
)
"""(value, pattern) in the order tried. Legistar's agenda statuses map too: "Final" is a confirmed
meeting, "Draft" a tentative one, "Deferred" a postponed one."""

ATTENDANCE: tuple[str, ...] = ("present", "apologies", "absent", "in attendance", "substitute", "remote")
"""Attendance values (ModernGov's attendance tables and web service, minutes' "Present:" lists)."""

_ATTENDANCE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("apologies", re.compile(r"\bapolog", _I)),
    ("substitute", re.compile(r"\bsubstitut|\bdeputis|\bin\s+place\s+of\b|\breserve\b", _I)),
    ("absent", re.compile(r"\babsent\b|\bnot\s+present\b|\bdid\s+not\s+attend\b|\bno\s+show\b", _I)),
    (
        "remote",
        re.compile(r"\bremote|\bvirtual|\bonline\b|\bvia\s+(?:teams|zoom|video)|\bby\s+(?:video|phone|telephone)", _I),
    ),
    ("in attendance", re.compile(r"\bin\s+attendance\b|\battending\b|\bofficers?\b|\balso\s+present\b", _I)),
    ("present", re.compile(r"\bpresent\b|\battended\b", _I)),
)
"""Order matters: "Present as substitute" is a substitute, "Apologies, sent substitute" apologies
(the member sent apologies; the substitute is their own row), "Present, as expected" present.
"Expected" alone (what ModernGov records before the meeting) says nothing yet: no value."""

VOTE_RESULT: tuple[str, ...] = ("carried", "lost", "withdrawn", "deferred", "tied")
"""Vote results (Popolo's VoteEvent ``result`` values, with withdrawn, deferred and tied)."""

_VOTE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("withdrawn", re.compile(r"\bwithdrawn?\b", _I)),
    ("tied", re.compile(r"\btied?\b|\bequality\s+of\s+votes\b|\bevenly\s+split\b", _I)),
    ("deferred", re.compile(r"\bdefer|\bpostpone|\btabled\b|\bheld\s+over\b|\blaid\s+over\b|\bcontinued\b", _I)),
    ("lost", re.compile(r"\blost\b|\bfail(?:ed|s)?\b|\bdefeated\b|\brejected\b|\bnot\s+carried\b|\bnegatived\b", _I)),
    (
        "carried",
        re.compile(
            r"\bcarried\b|\bpass(?:ed|es)?\b|\bapproved?\b|\badopted\b|\bagreed\b|\baccepted\b|\bunanimous|\baye\b", _I
        ),
    ),
)
"""A result that says "not carried" is lost; "carried" alone is carried (tried last)."""

PAGE_KINDS: tuple[str, ...] = (
    "meeting",
    "agenda_item",
    "issue_history",
    "issue_decisions",
    "decision",
    "decision_list",
    "meeting_list",
    "committee_list",
    "body_list",
    "people",
    "attachment",
    "agenda",
    "matter",
    "matter_list",
    "matter_history",
    "minutes",
    "agenda_pack",
    "notice",
)
"""Every page kind an adapter reports; ``tests/test_records.py`` checks each adapter's
``page_kinds`` against it, so a new kind is added here first."""


def _first(rules: Sequence[tuple[str, re.Pattern[str]]], text: str | None) -> str | None:
    if not text:
        return None
    for value, pattern in rules:
        if pattern.search(text):
            return value
    return None


def meeting_status(text: str | None) -> str | None:
    """The fixed status for printed status words, or None when none fits.

    >>> meeting_status("Moved from 9th October 2018"), meeting_status("Final"), meeting_status("Held")
    ('moved', 'confirmed', 'held')
    """
    return _first(_STATUS_RULES, text)


def attendance(text: str | None) -> str | None:
    """The fixed attendance value for printed words, or None when none fits.

    >>> attendance("Apologies"), attendance("Attended remotely"), attendance("Substitute for Cllr Lee")
    ('apologies', 'remote', 'substitute')
    """
    return _first(_ATTENDANCE_RULES, text)


def vote_result(text: str | None) -> str | None:
    """The fixed vote result for printed words, or None when none fits.

    >>> vote_result("LOST"), vote_result("Pass"), vote_result("Motion not carried")
    ('lost', 'carried', 'lost')
    """
    return _first(_VOTE_RULES, text)


def _meeting(meeting: Meeting) -> Meeting:
    text = meeting.status_text or meeting.status
    value = meeting_status(text)
    people = tuple(_person(p) for p in meeting.attendance)
    if value == meeting.status and text == meeting.status_text and people == meeting.attendance:
        return meeting
    return attrs.evolve(meeting, status=value, status_text=text, attendance=people)


def _person(person: Person) -> Person:
    text = person.attendance_text or person.attendance
    if text is None:
        return person
    value = attendance(text)
    return attrs.evolve(person, attendance=value, attendance_text=text)


def _vote(vote: Vote) -> Vote:
    if vote.outcome in VOTE_RESULT:
        return vote
    value = vote_result(vote.result) or vote_result(vote.outcome) or _from_counts(vote)
    return attrs.evolve(vote, outcome=value) if value != vote.outcome else vote


def _from_counts(vote: Vote) -> str | None:
    """A tally printed without a result word ("For 7, Against 2"): more for carries, more against loses."""
    if vote.for_count is None or vote.against_count is None:
        return None
    if vote.for_count == vote.against_count:
        return None if vote.for_count == 0 else "tied"
    return "carried" if vote.for_count > vote.against_count else "lost"


def _item(item: AgendaItem) -> AgendaItem:
    votes = tuple(_vote(v) for v in item.votes)
    return item if votes == item.votes else attrs.evolve(item, votes=votes)


def normalise(doc: Document) -> Document:
    """Give every meeting status, attendance and vote result its fixed value, keeping the words.

    ``status`` becomes a :data:`MEETING_STATUS` value (the printed words move to
    ``status_text``), each attendee's ``attendance`` an :data:`ATTENDANCE` value
    (words in ``attendance_text``), and each vote's ``outcome`` a
    :data:`VOTE_RESULT` value (words stay in ``result``; a tally printed without
    a result word gives carried, lost or tied by its counts). Running it twice
    changes nothing.

    >>> from minutes_parser.models import Document, Meeting
    >>> doc = normalise(Document(meetings=(Meeting(status="Confirmed; Special Meeting"),)))
    >>> doc.meetings[0].status, doc.meetings[0].status_text
    ('confirmed', 'Confirmed; Special Meeting')
    """
    meetings = tuple(_meeting(m) for m in doc.meetings)
    items = tuple(_item(i) for i in doc.items)
    if meetings == doc.meetings and items == doc.items:
        return doc
    return attrs.evolve(doc, meetings=meetings, items=items)
