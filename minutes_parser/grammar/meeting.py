"""The page's own meeting, read from its header: body, date, time, venue, status, attendance.

Only the header (the tokens before the first item) names the page's meeting;
dates and meeting names inside items belong to other meetings. Fields come
from label lines ("Date:", "Venue:"), meeting sentences ("Minutes of X held
at Y on Z", possibly broken over lines), one-line headers ("Cabinet -
Tuesday, 7th January, 2020") and stacks (a body line above a date line). The
first value a field gets wins, in that order of trust.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import Any

import attrs

from ..dates import find_date, find_date_in_year, find_time, parse_date
from ..models import Contact, DocLink, Meeting, Person
from .lexer import Lexed
from .tokens import Kind, Token
from .wording import MEETING
from .wording.contacts import ROLE_WORDS, label_contacts, looks_like_name
from .wording.meetings import (
    _BODY_NOUN,
    KIND_OF_MEETING,
    NOT_A_BODY_LINE,
    ROSTER_LINE,
    SENTENCE_END,
    SENTENCE_VERB,
    VENUE,
    clean_location,
    names_venue,
    strip_body,
)

JOIN_LINES = 5
"""A meeting sentence broken over lines is read over at most this many lines."""
BODY_GAP = 3
"""A body line names the date line below it when at most this many lines lie between (not counting
the venue's lines and the roster of members a title block may print between them)."""
BODY_BELOW = 6
"""How far below a printed title block's date its body may be named (past the time and session lines)."""
STACK_LINES = 14
"""How many lines above a date are looked at for its body: a title block's body, a roster of up to a
dozen members with their roles, and the venue's lines."""
LIST_LIMIT = 200
"""An attendance list longer than this is not a list of names."""

_URL = re.compile(r"(?<!\s)\s*(?:https?://|www\.)\S+")
"""A web address and the spaces before it (which start where their run starts: linear on any line)."""
SENTENCE_RULES = frozenset({"minutes-held", "meeting-of-held", "body-met", "held-at-on"})
"""Meeting rules that read a sentence, which may be broken over lines."""
_TRIGGER = re.compile(r"\b(?:minutes\s+(?:of|from)|meeting\s+of|held\b|will\s+be\s+held|met\b)", re.IGNORECASE)
_NOT_THIS = re.compile(
    r"\b(?:uploaded|posted|published|publication|deadline|call-in|next\s+meeting|dear|printed|generated|created|modified|updated|downloaded|copyright)\b",
    re.IGNORECASE,
)
_ATTENDANCE = frozenset({"present", "apologies", "absent", "in_attendance"})
_PEOPLE_LINE = re.compile(
    r"^(?:[-\u2022\u00b7]\s*)?(?:Councillors?|Cllrs?\.?|Crs?\.?|Mr|Mrs|Ms|Miss|Dr|Mayor|Deputy|Alderman|Aldermen|Commissioner|His\s+Worship|Her\s+Worship|Chair(?:man|person)?)\b"
)
_COUNCILLORS = re.compile(r"^(?:Cllrs?\.?|Councillors?|Crs?\.?)\s+")
_PEOPLE_SPLIT = re.compile(r"(?:(?<!\s)\s+)?(?:,|;|\band\b)\s*")
"""Between two names: a comma, a semicolon or "and", with the spaces around it. Spaces before it
are taken only from where their run starts, so a long run is read once, not once per space."""
_INITIALLED = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:[A-Z]\.\s*){1,3}[A-Z][a-z'’\-]+(?:[- ][A-Z][a-z'’\-]+)?$")
"""A name written with initials ("C. Catania", "J.R. Smith")."""
_NAME_ROLE = re.compile(r"^(.{2,80}?)\s*\(([^()]{2,60})\)$")
_ROLE_AFTER = re.compile(r"^(?P<name>.{2,60}?)\s*[,\u2013\u2014-]\s+(?P<role>[A-Z].{2,80})$")


@attrs.define
class _Fields:
    body: tuple[float, str] | None = None
    date: tuple[float, dt.date] | None = None
    time: tuple[float, str] | None = None
    location: tuple[float, str] | None = None
    status: tuple[float, str] | None = None
    at: int = -1
    """Position of the token being read."""
    date_at: int = -1
    """Position of the token that gave the date."""

    boost: float = 0.0
    """Subtracted from the rank of what the current token offers (a header just above the attendance)."""

    def offer(self, name: str, rank: float, value: Any) -> bool:
        if value in (None, ""):
            return False
        rank -= self.boost
        if name == "body" and KIND_OF_MEETING.match(str(value)):
            rank += RANK_KIND_OF_MEETING
        current = getattr(self, name)
        if current is None or rank < current[0]:
            setattr(self, name, (rank, value))
            if name == "date":
                self.date_at = self.at
            return True
        return False


RANK_LABEL = 0
RANK_SENTENCE = 1
RANK_LINE = 2
RANK_STACK = 3
RANK_RUNNING = 4
RANK_KIND_OF_MEETING = 10
"""Added to the rank of a body that only names a kind of meeting ("Regular Meeting"): any body the
page names wins over it."""
"""Trust of each source of a meeting field: labels, sentences, one-line headers, stacks, running heads."""


def read_meeting(
    lexed: Lexed,
    end_block: int,
    month_first: bool,
    url: str | None,
    place: Callable[[int, str], None],
    skip: frozenset[int] = frozenset(),
) -> Meeting | None:
    """The meeting named before ``end_block``; ``place(token, where)`` records what was used."""
    tokens = [(i, t) for i, t in enumerate(lexed.tokens) if t.block < end_block and t.block not in skip]
    f = _Fields()
    contacts: list[Contact] = []
    attendance: list[Person] = []
    documents: list[DocLink] = []
    labels: list[tuple[str, int, list[tuple[int, Token]]]] = []
    """Labels whose values are still being read: (key, position, value tokens). A run of empty
    labels ("Date:" "Time:" "Location:") takes the values that follow in order."""

    def flush() -> None:
        here = f.at
        for key, label_pos, values in labels:
            f.at = label_pos  # what a label's values give, the label's line gives
            _label_values(f, key, values, month_first, attendance, place, contacts)
        f.at = here
        labels.clear()

    used_join: set[int] = set()
    attended = _before_attendance(tokens)
    letter = _letter_lines(tokens)
    for pos, (i, tok) in enumerate(tokens):
        f.at = pos
        f.boost = ATTENDANCE_BOOST if pos in attended else 0.0
        kind = tok.kind
        if kind is Kind.NOISE:
            if labels and tok.rule == "table-rule" and any(v for _, _, v in labels):
                flush()  # a table's cell boundary ends a label's value
            continue
        if kind is Kind.PAGE_KIND:
            if tok.rule == "meeting-minutes-title":
                name = strip_body(tok.text)
                if name and _BODY_NOUN.search(name) and f.offer("body", RANK_RUNNING, name):
                    place(i, "meeting.body")
            continue
        if kind is Kind.DOCUMENT and tok.data.get("link"):
            documents.append(_link_doc(lexed, tok, url))
            place(i, "meeting.documents")
            continue
        if pos in letter and (kind is Kind.MEETING or (kind is Kind.LABEL and tok.data.get("key") in ("date", "letter"))):
            place(i, "letter")
            continue
        if kind is Kind.LABEL:
            key = str(tok.data.get("key"))
            value = str(tok.data.get("value") or "")
            more = tuple(tok.data.get("more") or ())
            if value or not labels or any(v for _, _, v in labels):
                flush()
            if _apply_label(f, key, value, month_first, contacts, tok.line):
                place(i, f"meeting.{key}")
            elif key in _ATTENDANCE or key in ("venue", "date", "time", "committee", "status"):
                place(i, f"meeting.{key}")
                labels.append((key, pos, [(i, attrs.evolve(tok, text=value))] if value else []))
            elif key == "contact":
                place(i, f"meeting.{key}")
                if not value:  # the contact printed in its own box after the label
                    labels.append((key, pos, []))
            for extra_key, extra_value in more:
                _apply_label(f, extra_key, extra_value, month_first, contacts, tok.line)
            continue
        if labels and kind in (Kind.TEXT, Kind.MEETING, Kind.CONTACT):
            target = next((entry for entry in labels if not entry[2]), labels[-1])
            key, _, values = target
            listed = tok.block_kind == "li" or tok.text[:1] in "-\u2022\u00b7"
            taken = False
            if (key in _ATTENDANCE and len(values) < LIST_LIMIT and (
                listed or _PEOPLE_LINE.match(tok.text) or not values or looks_like_name(tok.text.split(",")[0])
            )) or (
                key == "venue"
                and len(values) < 6
                and tok.block_kind != "heading"
                and ":" not in tok.text
                and not _NOT_THIS.search(tok.text)
                and not find_date(tok.text)
                and not _PEOPLE_LINE.match(tok.text)
            ) or (key in ("date", "time", "committee", "status", "contact") and not values):
                taken = True
            if taken:
                values.append((i, tok))
                if key == "venue" and lexed.blocks[tok.block].meta.get("cell_end"):
                    flush()
                continue
            flush()
        if _NOT_THIS.search(tok.text):
            continue
        if kind in (Kind.TEXT, Kind.MEETING) and i not in used_join and _TRIGGER.search(tok.text):
            joined, used = _join(tokens, pos)
            found = MEETING.first(joined)
            if found is not None and found[0].name in SENTENCE_RULES and _offer_all(f, found[1], RANK_SENTENCE, month_first):
                for j in used:
                    place(j, "meeting")
                    used_join.add(j)
        if kind is Kind.MEETING:
            _apply_meeting(f, tok, lexed, tokens, pos, month_first, place, i)
    flush()
    if f.date_at >= 0:
        at = f.date_at
        while at > 0 and tokens[at - 1][1].kind is Kind.LABEL and not tokens[at - 1][1].data.get("value"):
            at -= 1  # a run of empty labels above the values
        if f.body is None or f.body[0] >= RANK_STACK:
            # A body line just above (or below) the line that dated the meeting names it.
            stacked = _stack_body(tokens, at)
            if stacked is not None and f.offer("body", RANK_STACK, stacked[1]):
                place(stacked[0], "meeting.body")
        if f.time is None:
            timed = _stack_time(tokens, f.date_at)
            if timed is not None and f.offer("time", RANK_STACK, timed[1]):
                place(timed[0], "meeting.time")
        if f.location is None:
            venue = _stack_venue(tokens, f.date_at) or _venue_above(tokens, at)
            if venue is not None:
                f.offer("location", RANK_STACK, venue[1])
                for j in venue[0]:
                    place(j, "meeting.location")
    if f.body is None:
        # No date to hang a body on: a body line above the page's kind ("Council" / "Agenda").
        for pos, (_, tok) in enumerate(tokens):
            if tok.kind is Kind.PAGE_KIND and tok.data.get("page_kind") == "meeting":
                stacked = _stack_body(tokens, pos)
                if stacked is not None and f.offer("body", RANK_RUNNING, stacked[1]):
                    place(stacked[0], "meeting.body")
                    break
    if not any((f.body, f.date, f.time, f.location, f.status, contacts, attendance, documents)):
        return None
    return Meeting(
        body=f.body[1] if f.body else None,
        date=f.date[1] if f.date else None,
        time=f.time[1] if f.time else None,
        location=f.location[1] if f.location else None,
        status=f.status[1] if f.status else None,
        url=url,
        contacts=tuple(contacts),
        documents=tuple(documents),
        attendance=tuple(attendance),
    )


ATTENDANCE_NEAR = 4
"""A header line at most this many lines above the attendance list names the minuted meeting."""
ATTENDANCE_BOOST = 0.5
"""How much more such a line is trusted than the same wording elsewhere (a cover letter, a snippet)."""


LETTER_NEAR = 3
"""A "Date:" within this many lines of a letter's reference lines ("Our Ref:") dates the letter."""
LETTER_SPAN = 10
"""A covering letter's body ("Dear Councillor ...") runs a few lines; meetings it names are other meetings."""
_SIGN_OFF = re.compile(r"^(?:yours\s+(?:sincerely|faithfully)|kind\s+regards|regards)\b", re.IGNORECASE)
_DEAR = re.compile(r"^dear\s+\w", re.IGNORECASE)


def _letter_lines(tokens: Sequence[tuple[int, Token]]) -> frozenset[int]:
    """Positions of a covering letter: its reference lines and their neighbours, and its body."""
    out: set[int] = set()
    for pos, (_, tok) in enumerate(tokens):
        if tok.kind is Kind.LABEL and tok.data.get("key") == "letter":
            out.update(range(max(0, pos - LETTER_NEAR), pos + LETTER_NEAR + 1))
        elif tok.kind is Kind.TEXT and _DEAR.match(tok.text):
            for k in range(pos, min(pos + LETTER_SPAN, len(tokens))):
                out.add(k)
                if _SIGN_OFF.match(tokens[k][1].text) or (tokens[k][1].kind is Kind.LABEL and tokens[k][1].data.get("key") in _ATTENDANCE):
                    break
    return frozenset(out)


def _before_attendance(tokens: Sequence[tuple[int, Token]]) -> frozenset[int]:
    """Positions of the tokens just above an attendance label ("Present:")."""
    out: set[int] = set()
    for pos, (_, tok) in enumerate(tokens):
        if tok.kind is Kind.LABEL and tok.data.get("key") in _ATTENDANCE:
            out.update(range(max(0, pos - ATTENDANCE_NEAR), pos))
    return frozenset(out)


def _label_values(
    f: _Fields,
    key: str,
    values: Sequence[tuple[int, Token]],
    month_first: bool,
    attendance: list[Person],
    place: Callable[[int, str], None],
    contacts: list[Contact],
) -> None:
    """Apply a label whose value was read from the lines after it."""
    texts = [t.text for _, t in values if t.text not in ("-", "\u2013")]
    if key == "venue" and texts:
        loc = clean_location(", ".join(texts), sentence=False)
        if loc and f.offer("location", RANK_LABEL, loc):
            for i, _ in values:
                place(i, "meeting.location")
    elif key in ("date", "time") and texts:
        joined = " ".join(texts)
        if key == "date":
            if f.offer("date", RANK_LABEL, parse_date(joined, month_first=month_first or _month_named_first(joined))):
                f.offer("time", RANK_LABEL, find_time(joined))
                for i, _ in values:
                    place(i, "meeting.date")
        elif f.offer("time", RANK_LABEL, find_time(joined)):
            for i, _ in values:
                place(i, "meeting.time")
    elif key == "committee" and texts:
        if f.offer("body", RANK_LABEL, strip_body(texts[0])):
            place(values[0][0], "meeting.body")
    elif key == "status" and texts:
        if f.offer("status", RANK_LABEL, texts[0].lower()):
            place(values[0][0], "meeting.status")
    elif key == "contact" and texts:
        found = label_contacts(texts[0], values[0][1].line)
        if found:
            contacts.extend(found)
            place(values[0][0], "meeting.contact")
    elif key in _ATTENDANCE:
        for i, t in values:
            people = _people(t.text, key.replace("_", " "), listed=t.block_kind == "li" or t.text[:1] in "-\u2022\u00b7")
            if people:
                attendance.extend(people)
                place(i, f"meeting.attendance ({key.replace('_', ' ')})")


def _venue_above(tokens: Sequence[tuple[int, Token]], pos: int) -> tuple[list[int], str] | None:
    """Venue lines just above the date line of a stacked header (body, venue, date)."""
    used: list[int] = []
    parts: list[str] = []
    for k in range(pos - 1, max(pos - 6, -1), -1):
        i, tok = tokens[k]
        if tok.kind is Kind.NOISE or (tok.kind is Kind.PAGE_KIND and not parts):
            continue  # ("City Hall" / "1315 Valley Drive" / "Regular Meeting Agenda" / the date)
        if tok.kind not in (Kind.TEXT, Kind.MEETING) or not _venue_line(tok.text):
            break
        used.insert(0, i)
        parts.insert(0, re.sub(r"\s+\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?$", "", tok.text, flags=re.IGNORECASE))
    if not parts:
        return None
    loc = clean_location(", ".join(parts), sentence=False)
    return (used, loc) if loc else None


TIME_LINE = 16
"""A time alone on its line is short: "7:00 PM", "6:30 p.m.", "at 7.30pm"."""


def _stack_time(tokens: Sequence[tuple[int, Token]], pos: int) -> tuple[int, str] | None:
    """The time printed alone on the line under the date of a stacked header ("TUESDAY, NOVEMBER
    22, 2022" / "7:00 PM")."""
    for k in range(pos + 1, min(pos + 3, len(tokens))):
        i, tok = tokens[k]
        if tok.kind is Kind.NOISE:
            continue
        if tok.kind not in (Kind.TEXT, Kind.MEETING) or len(tok.text) > TIME_LINE:
            return None
        found = find_time(tok.text)
        return (i, found) if found else None
    return None


def _stack_venue(tokens: Sequence[tuple[int, Token]], pos: int) -> tuple[list[int], str] | None:
    """Venue lines just below the date (and time) lines of a stacked header."""
    used: list[int] = []
    parts: list[str] = []
    for k in range(pos + 1, min(pos + 5, len(tokens))):
        i, tok = tokens[k]
        if tok.kind is Kind.NOISE:
            continue
        if tok.kind not in (Kind.TEXT, Kind.MEETING) or _NOT_THIS.search(tok.text):
            break
        if find_time(tok.text) and len(tok.text) <= 12 and not parts:
            continue  # "10:00 AM" on its own line
        if not VENUE.search(tok.text) or len(tok.text) > 120 or SENTENCE_VERB.search(tok.text):
            break  # not a place, or a sentence about one ("Written comments may be sent to the Clerk's Office")
        used.append(i)
        parts.append(_URL.sub("", tok.text).strip())
    if not parts:
        return None
    loc = clean_location(", ".join(parts), sentence=False)
    return (used, loc) if loc else None


def _join(tokens: Sequence[tuple[int, Token]], pos: int) -> tuple[str, list[int]]:
    """The text of the token at ``pos`` and the next few (a sentence broken over lines)."""
    parts: list[str] = []
    used: list[int] = []
    last_block = -1
    for i, tok in tokens[pos:]:
        if tok.kind in (Kind.LABEL, Kind.VOTE, Kind.SECTION, Kind.ITEM, Kind.BREAK):
            break
        if tok.kind is Kind.NOISE:
            continue
        if tok.block != last_block:
            if len({t for t in used}) >= JOIN_LINES:
                break
            last_block = tok.block
        parts.append(tok.text)
        used.append(i)
        if len(" ".join(parts)) > 600 or SENTENCE_END.search(tok.text):
            break  # a full stop ends the sentence: the next line is another ("In response to ..., the meeting was held at")
    return " ".join(parts), used





def _offer_all(f: _Fields, data: dict[str, Any], rank: int, month_first: bool) -> bool:
    got = False
    body = data.get("body")
    if body:
        got |= f.offer("body", rank, body)
    when = data.get("when")
    if when:
        date = find_date(str(when), month_first=month_first or _month_named_first(str(when)))
        got |= f.offer("date", rank, date)
        f.offer("time", rank, find_time(str(data.get("time_text") or when)))
    elif data.get("time_text"):
        f.offer("time", rank, find_time(str(data["time_text"])))
    if data.get("location"):
        got |= f.offer("location", rank, data["location"])
    if data.get("status"):
        f.offer("status", rank, data["status"])
    return got


_MONTH_FIRST_TEXT = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s*\d{4}", re.IGNORECASE
)


def _month_named_first(text: str) -> bool:
    return _MONTH_FIRST_TEXT.search(text) is not None


def _apply_meeting(
    f: _Fields,
    tok: Token,
    lexed: Lexed,
    tokens: Sequence[tuple[int, Token]],
    pos: int,
    month_first: bool,
    place: Callable[[int, str], None],
    index: int,
) -> None:
    data = dict(tok.data)
    rule = tok.rule
    if rule == "body-line":
        return  # used only beside a date line
    rank = {"date-dash-body": RANK_RUNNING, "minutes-held": RANK_SENTENCE, "meeting-of-held": RANK_SENTENCE, "body-met": RANK_SENTENCE, "held-at-on": RANK_SENTENCE, "minutes-dated": RANK_SENTENCE, "body-dash-date": RANK_LINE, "agenda-for": RANK_LINE, "meeting-of": RANK_LINE}.get(
        rule or "", RANK_STACK
    )
    if rule == "body-dash-date" and re.search(r"\bpage\s*\d", tok.text, re.IGNORECASE):
        rank = RANK_RUNNING
    if rule == "date-line":
        body = _stack_body(tokens, pos)
        if body is not None:
            j, name = body
            if f.offer("body", RANK_STACK, name):
                place(j, "meeting.body")
    if _offer_all(f, data, rank, month_first):
        place(index, "meeting")


_OPEN_END = re.compile(r"\b(?:of|on|for|and|the|to|in)$", re.IGNORECASE)
_OPEN_START = re.compile(r"^(?:and|of|on|for|the|to|in)\b", re.IGNORECASE)
WRAP_WORDS = 8
"""A body's name wrapped over two lines of a printed title block: each line is short."""


def _wrapped_body(tokens: Sequence[tuple[int, Token]], k: int, found: tuple[int, str]) -> tuple[int, str]:
    """A body's name wrapped over two lines ("ADVISORY BOARD ON" / "ALCOHOL AND DRUG PROGRAMS", or
    "... CITY COUNCIL" / "AND SUCCESSOR AGENCY"): the two joined where one line ends, or the next
    begins, with a joining word."""
    here = tokens[k][1]
    text = here.text.strip()
    if k + 1 < len(tokens):
        nxt = tokens[k + 1][1]
        if _joins(here, nxt) and (_OPEN_END.search(text) or _OPEN_START.match(nxt.text.strip())):
            return found[0], strip_body(f"{text} {nxt.text.strip()}") or found[1]
    if k > 0:
        prev = tokens[k - 1][1]
        if _joins(prev, here) and (_OPEN_START.match(text) or _OPEN_END.search(prev.text.strip())):
            return found[0], strip_body(f"{prev.text.strip()} {text}") or found[1]
    return found


def _joins(first: Token, second: Token) -> bool:
    """Two short title lines, one under the other."""
    return (
        first.kind in (Kind.TEXT, Kind.MEETING)
        and second.kind in (Kind.TEXT, Kind.MEETING)
        and second.block == first.block + 1
        and len(first.text.split()) <= WRAP_WORDS
        and len(second.text.split()) <= WRAP_WORDS
        and find_date(second.text) is None
        and find_date(first.text) is None
    )


def _stack_body(tokens: Sequence[tuple[int, Token]], pos: int) -> tuple[int, str] | None:
    """A body line just above a date line (or just below, for "Place, date." datelines)."""
    here = tokens[pos][1].block
    kind_only: tuple[int, str] | None = None
    furniture = 0
    for k in range(pos - 1, max(pos - STACK_LINES, -1), -1):
        i, tok = tokens[k]
        if here - tok.block - furniture > BODY_GAP:
            break
        if tok.kind in (Kind.NOISE, Kind.PAGE_KIND):
            continue
        if tok.kind in (Kind.TEXT, Kind.MEETING) and (_venue_line(tok.text) or ROSTER_LINE.match(tok.text)):
            furniture += 1
            continue  # a venue line, or a member and their role, between the body and the date
        found: tuple[int, str] | None = None
        if tok.kind is Kind.MEETING and tok.rule in ("body-line", "meeting-of"):
            found = i, str(tok.data.get("body"))
        elif tok.kind is Kind.TEXT and _short_name(tok.text) and _BODY_NOUN.search(tok.text):
            if NOT_A_BODY_LINE.match(tok.text) or names_venue(tok.text):
                continue  # "Rene Spring - Council Member", "(IN-PERSON AND VIDEO CONFERENCE)"
            found = i, strip_body(tok.text)
        elif tok.kind is Kind.TEXT and not _short_name(tok.text):
            break
        if found is not None and found[1]:
            found = _wrapped_body(tokens, k, found)
            if not KIND_OF_MEETING.match(found[1]):
                return found
            kind_only = kind_only or found  # "MINUTES OF THE REGULAR MEETING": the body may stand above it
    if kind_only is not None:
        return kind_only
    for k in range(pos + 1, min(pos + 3, len(tokens))):
        i, tok = tokens[k]
        if tok.kind is Kind.MEETING and tok.rule == "body-line" and tok.text.endswith("."):
            return i, str(tok.data.get("body"))
    if kind_only is None:
        # A printed agenda's title block may name the body under the date and times ("Tuesday,
        # January 10, 2023" / "5:00 PM" / ... / "City Council").
        for k in range(pos + 1, min(pos + 1 + BODY_BELOW, len(tokens))):
            i, tok = tokens[k]
            if tok.kind in (Kind.LABEL, Kind.SECTION, Kind.VOTE, Kind.ITEM, Kind.BREAK):
                break
            if tok.kind is Kind.MEETING and tok.rule == "body-line" and _title_line(tok):
                name = str(tok.data.get("body") or "")
                if k + 1 < len(tokens) and _roster_entry(tokens[k + 1][1].text):
                    continue  # "PLANNING COMMISSIONERS" / "• A. Hale – Chair • ...": a roster's heading
                if name and not KIND_OF_MEETING.match(name):
                    return i, name
    return None


def _roster_entry(text: str) -> bool:
    """A line of a roster: a bulleted entry or a member with their role."""
    return text[:1] in "\u2022\u00b7\u25aa*" or ROSTER_LINE.match(text) is not None


def _title_line(tok: Token) -> bool:
    """A line set apart as a heading or a short title-case line (a body's name in a title block)."""
    return tok.block_kind == "heading" or _short_name(tok.text)


_STREET = re.compile(r"\b(?:road|street|avenue|lane|drive|way|square|place|ave|rd|st)\b|\b(?:lot|unit|suite)\s+\d", re.IGNORECASE)


_POSTCODE = re.compile(
    r"(?:\b[A-Z]{2}|\b[A-Z][a-z]+)\s+\d{4,5}(?:-\d{4})?\s*$"  # CA 90254, Iowa 50309, NSW 2000
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\s*$"  # SM4 5DX
)
"""A line ending with a postal code is an address line ("Des Moines, Iowa 50309")."""


def _venue_line(text: str) -> bool:
    """A line naming a place: a venue word ("Chambers", "Town Hall"), a street address or a town
    with its postal code."""
    return bool(names_venue(text) or _STREET.search(text) or _POSTCODE.search(text)) and len(text.split()) <= 14


def _short_name(text: str) -> bool:
    words = text.split()
    return 1 <= len(words) <= 8 and all(w[:1].isupper() or not w[:1].isalpha() for w in words) and not text.endswith((".", ":"))


def _apply_label(
    f: _Fields, key: str, value: str, month_first: bool, contacts: list[Contact], line: int | None
) -> bool:
    """Apply a label with its value on the same line; False when the value is elsewhere or unused."""
    if key == "contact" and value:
        contacts.extend(label_contacts(value, line))
        return True
    if not value:
        return False
    if key == "venue":
        loc = clean_location(value, sentence=False)
        return f.offer("location", RANK_LABEL, loc) if loc else True
    if key == "date":
        date = parse_date(value, month_first=month_first)
        f.offer("time", RANK_LABEL, find_time(value))
        return f.offer("date", RANK_LABEL, date) or date is not None
    if key == "time":
        return f.offer("time", RANK_LABEL, find_time(value)) or True
    if key == "committee":
        return f.offer("body", RANK_LABEL, strip_body(value))
    if key == "status":
        return f.offer("status", RANK_LABEL, value.lower())
    return False


def _people(text: str, status: str, listed: bool) -> list[Person]:
    text = text.strip().lstrip("-\u2022\u00b7 ").strip()
    if not text:
        return []
    if listed:
        m = _ROLE_AFTER.match(text)
        if m and not _PEOPLE_SPLIT.search(m.group("name")):
            name, role = m.group("name").strip(" ,"), m.group("role").strip(" ,.")
            if ROLE_WORDS.search(name) and (looks_like_name(role) or _INITIALLED.match(role)):
                name, role = role, name  # "Director of Community Services, C. Catania": the post first
            return [Person(name=name, role=role, attendance=status)]
        m2 = _NAME_ROLE.match(text)
        if m2:
            return [Person(name=m2.group(1), role=m2.group(2), attendance=status)]
        return [Person(name=text.strip(" ,."), attendance=status)]
    out = []
    value = _COUNCILLORS.sub("", text)
    for name in _PEOPLE_SPLIT.split(value):
        name = name.strip(" .")
        if not name:
            continue
        m2 = _NAME_ROLE.match(name)
        if m2:
            out.append(Person(name=m2.group(1), role=m2.group(2), attendance=status))
        else:
            out.append(Person(name=name, attendance=status))
    return out


def _link_doc(lexed: Lexed, tok: Token, base: str | None) -> DocLink:
    from .items import doc_from_block

    return doc_from_block(lexed.blocks[tok.block], base)


LISTED_RULES = frozenset({"listed-meeting", "body-dash-date", "date-dash-body"})
"""Meeting lines that, on a list of meetings, are each one meeting."""
YEAR_SCAN = 20
"""A list's year is printed in its heading, within its first blocks."""
_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")


def _list_year(lexed: Lexed) -> int | None:
    """The year a list of meetings prints once in its heading ("2018 meetings", "Past Meetings - 2018")."""
    for tok in lexed.tokens:
        if tok.block >= YEAR_SCAN:
            break
        if tok.kind in (Kind.PAGE_KIND, Kind.TEXT, Kind.MEETING) and len(tok.text.split()) <= 14:
            years = {int(y) for y in _YEAR.findall(tok.text)}
            if len(years) == 1:
                return years.pop()
    return None


def read_meeting_list(lexed: Lexed, month_first: bool, place: Callable[[int, str], None]) -> list[Meeting]:
    """The meetings a list page prints one per line ("WEDNESDAY, JANUARY 10 – CITY COUNCIL
    MEETING, 7:30 PM (CC Auditorium)"), days without a year read in the heading's year."""
    year = _list_year(lexed)
    out: list[Meeting] = []
    for index, tok in enumerate(lexed.tokens):
        if tok.kind is not Kind.MEETING or tok.rule not in LISTED_RULES:
            continue
        when = str(tok.data.get("when") or "")
        date = find_date(when, month_first=month_first or _month_named_first(when))
        if date is None and year is not None:
            date = find_date_in_year(when, year)
        if date is None:
            continue
        body = tok.data.get("body")
        location = tok.data.get("location")
        out.append(
            Meeting(
                body=str(body) if body else None,
                date=date,
                time=find_time(str(tok.data.get("time_text") or when)),
                location=str(location) if location else None,
            )
        )
        place(index, "meeting")
    return out
