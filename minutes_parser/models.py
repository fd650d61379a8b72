"""Typed, frozen records for what a democracy page says.

Every record is an ``attrs`` frozen, slotted class with keyword-only fields and
tuples instead of lists. :meth:`Document.to_dict` gives the JSON shape of
``CONTRACT.md``; :meth:`Document.from_dict` reads it back.

>>> clause = Clause(label="1", text="That the report be noted.")
>>> clause.to_dict()["text"]
'That the report be noted.'
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

import attrs

SCHEMA = "minutes-parser/1"

_R = TypeVar("_R", bound="Record")


class Record:
    """Shared (de)serialisation for the records below.

    ``_nested`` names the fields that hold other records (alone or in a
    tuple); ``_dates`` the fields holding a :class:`datetime.date`.
    """

    __slots__ = ()
    _nested: ClassVar[Mapping[str, type[Record]]] = {}
    _dates: ClassVar[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        """Return the record as plain JSON-able data."""
        out: dict[str, Any] = {}
        for field in attrs.fields(type(self)):  # type: ignore[arg-type]
            out[field.name] = _dump(getattr(self, field.name))
        return out

    @classmethod
    def from_dict(cls: type[_R], data: Mapping[str, Any]) -> _R:
        """Build the record from :meth:`to_dict` output (unknown keys ignored)."""
        kwargs: dict[str, Any] = {}
        for field in attrs.fields(cls):  # type: ignore[arg-type]
            if field.name not in data:
                continue
            value = data[field.name]
            sub = cls._nested.get(field.name)
            if sub is not None and value is not None:
                if isinstance(value, list):
                    value = tuple(sub.from_dict(v) for v in value)
                else:
                    value = sub.from_dict(value)
            elif field.name in cls._dates and isinstance(value, str):
                value = _dt.date.fromisoformat(value[:10])
            elif isinstance(value, list):
                value = tuple(tuple(v) if isinstance(v, list) else v for v in value)
            kwargs[field.name] = value
        return cls(**kwargs)


def _dump(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_dump(v) for v in value]
    return value


@attrs.frozen(kw_only=True, slots=True)
class Clause(Record):
    """One numbered or unnumbered clause of a recommendation or resolution."""

    label: str | None = None
    """Printed numbering without brackets or dot ("1", "a", "ii"), a bullet, or None."""
    text: str = ""
    """The clause, whitespace collapsed, starting right after its heading word."""
    line: int | None = None
    """1-based line (text) or source line (markup) where the clause began."""
    page: int | None = None
    """1-based page (PDF documents), else None."""
    id: str | None = None
    """Deterministic id: the item's id, "rec" or "res", and the label or position (see ``ids.ID_RECIPE``)."""


@attrs.frozen(kw_only=True, slots=True)
class Action(Record):
    """Who must act on a decision ("ACTION: Strategic Director", "Clerk to action")."""

    owner: str = ""
    """The officer, post or body named as owner."""
    text: str | None = None
    """What was to be done, when the page says (the clause the action follows)."""
    line: int | None = None
    """Where the action stood on the page."""
    page: int | None = None
    """1-based page (PDF documents), else None."""


@attrs.frozen(kw_only=True, slots=True)
class Contact(Record):
    """An officer's contact details."""

    name: str | None = None
    """Person's name ("Irfan Alam")."""
    role: str | None = None
    """Post, team or label ("Democratic Services", "Report author")."""
    phone: str | None = None
    """Telephone number as printed."""
    email: str | None = None
    """E-mail address."""
    line: int | None = None
    """Where the contact stood on the page."""
    page: int | None = None
    """1-based page (PDF documents), else None."""


@attrs.frozen(kw_only=True, slots=True)
class DocLink(Record):
    """A linked document (report, appendix, printed minutes)."""

    title: str = ""
    """Link text without file size or hidden spans."""
    url: str | None = None
    """Absolute when the page's URL is known, else as printed."""
    format: str | None = None
    """Lower-case file type ("pdf", "docx")."""
    size_bytes: int | None = None
    """Size from the printed "PDF 119 KB" (KB = 1024 bytes)."""


@attrs.frozen(kw_only=True, slots=True)
class Vote(Record):
    """A motion and how it was decided."""

    motion: str | None = None
    """The text moved."""
    mover: str | None = None
    """Who moved it."""
    seconder: str | None = None
    """Who seconded it."""
    result: str | None = None
    """As printed: "Carried", "Lost", "Motion Carried Unanimously"..."""
    outcome: str | None = None
    """The result as one word: "carried", "lost", "withdrawn", "deferred", "tied", or None."""
    for_count: int | None = None
    """Votes in favour."""
    against_count: int | None = None
    """Votes against."""
    abstain_count: int | None = None
    """Abstentions."""
    absent_count: int | None = None
    """Members absent or not voting."""
    named: tuple[tuple[str, str], ...] = ()
    """Named votes as (person, vote) pairs."""
    system_id: str | None = None
    """The system's id for the vote or action record (Legistar EventItemId, MatterHistoryId)."""


@attrs.frozen(kw_only=True, slots=True)
class MeetingRef(Record):
    """The meeting that took an agenda item."""

    body: str | None = None
    """Committee or decision maker."""
    date: _dt.date | None = None
    """Meeting date."""
    id: str | None = None
    """The meeting's deterministic id (as ``Meeting.id``), when it can be built."""
    system_id: str | None = None
    """The system's meeting id (ModernGov MId, web-service meetingid, Legistar EventId)."""

    _dates: ClassVar[frozenset[str]] = frozenset({"date"})


@attrs.frozen(kw_only=True, slots=True)
class Person(Record):
    """A councillor or member (web-service member lists)."""

    name: str = ""
    """Full name as printed."""
    party: str | None = None
    """Political party or group."""
    ward: str | None = None
    """Ward or division represented."""
    role: str | None = None
    """Role in a meeting or group ("Chair", "Committee Member", "present")."""
    attendance: str | None = None
    """Attendance in the fixed vocabulary ``vocab.ATTENDANCE`` ("present", "apologies", "absent",
    "in attendance", "substitute", "remote"), or as recorded when no value fits."""
    attendance_text: str | None = None
    """Attendance as the page printed it ("Present, as expected", "Apologies")."""
    email: str | None = None
    """E-mail address."""
    phone: str | None = None
    """Telephone number."""
    address: str | None = None
    """Postal address, lines joined with ", "."""
    photo_url: str | None = None
    """Photograph URL."""


@attrs.frozen(kw_only=True, slots=True)
class Body(Record):
    """A committee or other decision-making body (web-service committee lists)."""

    name: str = ""
    """Title as printed ("Audit Committee")."""
    id: str | None = None
    """The system's identifier."""
    category: str | None = None
    """Grouping ("Regulatory and Other Committees")."""
    active: bool | None = None
    """False when the system marks it expired or deleted."""
    url: str | None = None
    """The body's page."""


@attrs.frozen(kw_only=True, slots=True)
class Meeting(Record):
    """A meeting the page describes or lists."""

    body: str | None = None
    """Committee or decision maker ("Executive")."""
    date: _dt.date | None = None
    """Meeting date, serialised ISO."""
    time: str | None = None
    """Start time "HH:MM", 24 hour."""
    end_time: str | None = None
    """Planned or recorded finish time "HH:MM", 24 hour, when the page gives one."""
    location: str | None = None
    """Venue."""
    status: str | None = None
    """Status in the fixed vocabulary ``vocab.MEETING_STATUS`` ("scheduled", "confirmed", "held",
    "cancelled", "postponed", "moved", "adjourned", "tentative"), or None."""
    url: str | None = None
    """The meeting's page (built from the system's ids when the page prints none)."""
    contacts: tuple[Contact, ...] = ()
    """Clerk / democratic services contacts for the meeting."""
    documents: tuple[DocLink, ...] = ()
    """Meeting-level documents (agenda frontsheet, printed minutes)."""
    attendance: tuple[Person, ...] = ()
    """Attendees: ``attendance`` in the fixed vocabulary, ``attendance_text`` as recorded
    ("Present, as expected"), ``role`` their part or post ("Chair", "Director of ...")."""
    status_text: str | None = None
    """The status as printed ("Confirmed; Special Meeting"), beside the fixed ``status``."""
    id: str | None = None
    """Deterministic id from the site and the system's meeting id, else site, body and date
    (see ``ids.ID_RECIPE``)."""
    system_id: str | None = None
    """The system's meeting id (ModernGov MId, web-service meetingid, Legistar EventId, CMIS
    meeting id, InfoCouncil meeting code)."""
    committee_id: str | None = None
    """The system's id of the body (ModernGov CId, web-service committeeid, Legistar EventBodyId)."""

    _nested: ClassVar[Mapping[str, type[Record]]] = {
        "contacts": Contact,
        "documents": DocLink,
        "attendance": Person,
    }
    _dates: ClassVar[frozenset[str]] = frozenset({"date"})


@attrs.frozen(kw_only=True, slots=True)
class AgendaItem(Record):
    """An agenda item or a recorded decision."""

    number: str | None = None
    """As printed, trailing dot dropped: "70", "5a", "12.1"."""
    title: str = ""
    """The item's title."""
    meeting: MeetingRef | None = None
    """The meeting that took the item."""
    summary: str | None = None
    """Introduction / purpose / report summary."""
    recommendations: tuple[Clause, ...] = ()
    """What officers asked the body to agree."""
    resolutions: tuple[Clause, ...] = ()
    """What was decided."""
    actions: tuple[Action, ...] = ()
    """"ACTION:" lines and equivalents."""
    contacts: tuple[Contact, ...] = ()
    """Officer contact details."""
    documents: tuple[DocLink, ...] = ()
    """Reports, appendices and minutes linked to the item."""
    minutes: str | None = None
    """The minute narrative, without the resolutions."""
    votes: tuple[Vote, ...] = ()
    """Motions with mover, seconder and result."""
    declarations: tuple[str, ...] = ()
    """Declarations of interest recorded against the item."""
    declaration_count: int | None = None
    """How many declarations of interest the system records for the item (web service)."""
    reference: str | None = None
    """The system's file or matter reference ("Int 0891-2024", "CAB 24")."""
    category: str | None = None
    """Kind of matter or item as the system names it ("Introduction", "Oversight")."""
    status: str | None = None
    """Decision or matter status ("Recommendations Approved", "Enacted")."""
    key_decision: bool | None = None
    """"Is Key decision?"."""
    call_in: str | None = None
    """"Is subject to call in?" or the call-in deadline."""
    reasons: str | None = None
    """Reasons for the decision."""
    alternatives: str | None = None
    """Alternative options considered."""
    interests: str | None = None
    """Interests declared by the decision maker."""
    wards: str | None = None
    """Wards affected."""
    published: _dt.date | None = None
    """Publication date of the decision."""
    url: str | None = None
    """The item's or decision's own page, when the page links it."""
    line: int | None = None
    """Where the item began on the page."""
    page: int | None = None
    """1-based page (PDF documents), else None."""
    id: str | None = None
    """Deterministic id from the site and the system's item id, else from the meeting and the
    number or title (see ``ids.ID_RECIPE``)."""
    system_id: str | None = None
    """The system's agenda-item id (ModernGov AIId, web-service agendaitemid, Legistar EventItemId)."""
    issue_id: str | None = None
    """The system's id of the issue or matter the item belongs to (ModernGov IId, Legistar MatterId)."""
    decision_id: str | None = None
    """The system's decision id (ModernGov ``ieDecisionDetails.aspx?ID=``)."""

    _nested: ClassVar[Mapping[str, type[Record]]] = {
        "meeting": MeetingRef,
        "recommendations": Clause,
        "resolutions": Clause,
        "actions": Action,
        "contacts": Contact,
        "documents": DocLink,
        "votes": Vote,
    }
    _dates: ClassVar[frozenset[str]] = frozenset({"published"})


@attrs.frozen(kw_only=True, slots=True)
class Source(Record):
    """Where the page came from and how it was read."""

    url: str | None = None
    """The page's URL, when given."""
    adapter: str = ""
    """Adapter that parsed it ("moderngov", "text", ...)."""
    page_kind: str = ""
    """One of ``vocab.PAGE_KINDS``: "meeting", "agenda_item", "issue_history", "decision", "meeting_list"..."""
    site: str | None = None
    """The host the page came from ("democracy.example.gov.uk"), from its URL or, failing that, its links."""
    council: str | None = None
    """The council as the page names it ("Gloucester City Council"), else None."""
    digest: str | None = None
    """SHA-256 of the page's bytes (hex): tells two captures of one URL apart."""


@attrs.frozen(kw_only=True, slots=True)
class Unplaced(Record):
    """Text of the page's main content that the grammar did not place."""

    text: str = ""
    """The text, whitespace collapsed."""
    line: int | None = None
    """Where it stood."""
    page: int | None = None
    """1-based page (PDF documents), else None."""


@attrs.frozen(kw_only=True, slots=True)
class Document(Record):
    """Everything parsed from one page.

    >>> doc = Document(source=Source(adapter="text", page_kind="agenda_item"), title="X")
    >>> Document.from_dict(doc.to_dict()) == doc
    True
    """

    schema: str = SCHEMA
    """Output schema name."""
    source: Source = attrs.field(factory=Source)
    """URL, adapter and page kind."""
    title: str | None = None
    """The page's own subject (issue / item / meeting title)."""
    meetings: tuple[Meeting, ...] = ()
    """Meetings the page describes or lists."""
    items: tuple[AgendaItem, ...] = ()
    """Agenda items / decisions in page order."""
    people: tuple[Person, ...] = ()
    """Councillors or members the page lists."""
    bodies: tuple[Body, ...] = ()
    """Committees and other bodies the page lists."""
    warnings: tuple[str, ...] = ()
    """What was odd but survived."""
    unparsed: tuple[Unplaced, ...] = ()
    """Main-content text the grammar could not place."""
    coverage: float | None = None
    """Share of the main content's characters placed in a field (0..1)."""

    _nested: ClassVar[Mapping[str, type[Record]]] = {
        "source": Source,
        "meetings": Meeting,
        "items": AgendaItem,
        "people": Person,
        "bodies": Body,
        "unparsed": Unplaced,
    }

    def to_json(self, indent: int | None = None) -> str:
        """Return :meth:`to_dict` as a JSON string (UTF-8 text, not ASCII-escaped)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
