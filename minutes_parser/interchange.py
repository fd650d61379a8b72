"""Meetings as Open Civic Data Events, votes as Popolo Motions and VoteEvents.

Open Civic Data's Event (the shape ``pupa`` and ``openstates`` scrapers write)
carries a meeting with its agenda items, their related matters, media and
documents; Popolo's Motion and VoteEvent carry a motion and how it was
decided. Both are built from :func:`minutes_parser.merge`, so a meeting or
decision printed on several pages is exported once, with every page as a
source.

>>> import minutes_parser
>>> doc = minutes_parser.parse(b"Agenda item\\n\\nBudget\\n\\nMeeting: 04/03/2025 - Cabinet (Item 5)\\n\\nRESOLVED that it be noted.\\n")
>>> event = to_ocd_events([doc])[0]
>>> event["name"], event["start_date"], event["agenda"][0]["description"]
('Cabinet', '2025-03-04', 'Budget')
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .models import AgendaItem, Document, Meeting
from .reconcile import Reconciled, Seen, merge

OCD_STATUS = {
    "scheduled": "confirmed",
    "confirmed": "confirmed",
    "moved": "confirmed",
    "tentative": "tentative",
    "held": "passed",
    "adjourned": "passed",
    "cancelled": "cancelled",
    "postponed": "cancelled",
}
"""Our meeting status → OCD Event ``status`` (``cancelled``, ``tentative``, ``confirmed``, ``passed``).
A moved meeting is confirmed at its new date; a postponed one will not happen on this date."""
OCD_PAST = "passed"
"""OCD status of a meeting without a status whose page records decisions: it took place."""
POPOLO_RESULT = {"carried": "pass", "lost": "fail", "tied": "fail", "withdrawn": "withdrawn", "deferred": "deferred"}
"""Our vote result → Popolo ``result`` (Popolo's examples and OCD votes use "pass" / "fail"; a tie fails)."""


def _sources(seen: tuple[Seen, ...]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for s in seen:
        if s.url and not any(o["url"] == s.url for o in out):
            out.append({"url": s.url, "note": f"{s.adapter} {s.page_kind}"})
    return out


def _start(meeting: Meeting) -> str:
    if meeting.date is None:
        return ""
    return f"{meeting.date.isoformat()}T{meeting.time}" if meeting.time else meeting.date.isoformat()


def _agenda_item(item: AgendaItem, order: int) -> dict[str, Any]:
    related: list[dict[str, Any]] = []
    if item.reference or item.issue_id:
        related.append(
            {
                "entity_type": "bill",
                "name": item.reference or item.title,
                "note": "matter" if item.reference else "issue",
                "id": item.issue_id,
            }
        )
    notes = [f"Resolved: {c.text}" for c in item.resolutions] + [f"Recommended: {c.text}" for c in item.recommendations]
    return {
        "description": item.title or f"Item {item.number or order}",
        "classification": [item.category] if item.category else [],
        "order": item.number or str(order),
        "subjects": [],
        "media": [
            {"note": d.title, "links": [{"url": d.url, "media_type": _media_type(d.format)}]}
            for d in item.documents
            if d.url
        ],
        "notes": notes,
        "related_entities": related,
        "extras": {"minutes_parser_id": item.id, "system_id": item.system_id},
    }


def _media_type(fmt: str | None) -> str:
    return {
        "pdf": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "doc": "application/msword",
        "html": "text/html",
    }.get(fmt or "", "")


def to_ocd_events(documents: Iterable[Document]) -> list[dict[str, Any]]:
    """One Open Civic Data Event per meeting (reconciled across pages), with its agenda items.

    Meetings without a date are left out (an OCD Event needs its start).
    ``status`` follows :data:`OCD_STATUS`; agenda items carry their
    resolutions and recommendations as notes, their matter or issue as a
    related entity, and their documents as media; the meeting's own documents
    (agenda, printed minutes) are the event's documents.

    >>> to_ocd_events([])
    []
    """
    merged = merge(documents)
    by_meeting: dict[str | None, list[Reconciled[AgendaItem]]] = {}
    for item in merged.items:
        by_meeting.setdefault(item.parent, []).append(item)
    events = []
    for rec in merged.meetings:
        meeting = rec.record
        if meeting.date is None:
            continue
        items = by_meeting.get(rec.id, [])
        status = OCD_STATUS.get(meeting.status or "") or (
            OCD_PAST if any(i.record.resolutions for i in items) else "confirmed"
        )
        events.append(
            {
                "_type": "event",
                "id": rec.id,
                "name": meeting.body or "Meeting",
                "description": "",
                "classification": "committee-meeting",
                "start_date": _start(meeting),
                "end_date": "",
                "all_day": False,
                "status": status,
                "location": {"name": meeting.location or "", "note": "", "coordinates": None},
                "participants": [
                    {"name": meeting.body, "entity_type": "organization", "note": "host"} for _ in [0] if meeting.body
                ]
                + [
                    {
                        "name": p.name,
                        "entity_type": "person",
                        "note": p.attendance or p.attendance_text or "participant",
                    }
                    for p in meeting.attendance
                    if p.name
                ],
                "documents": [
                    {"note": d.title, "url": d.url, "media_type": _media_type(d.format), "date": ""}
                    for d in meeting.documents
                    if d.url
                ],
                "media": [],
                "links": [{"url": meeting.url, "note": "meeting page"}] if meeting.url else [],
                "agenda": [_agenda_item(i.record, n) for n, i in enumerate(items, 1)],
                "sources": _sources(rec.sources) or [{"url": "", "note": "parsed without a URL"}],
                "extras": {"system_id": meeting.system_id, "status_text": meeting.status_text},
            }
        )
    return events


def to_popolo(documents: Iterable[Document]) -> dict[str, list[dict[str, Any]]]:
    """Popolo ``motions`` and ``vote_events``: one Motion per recorded vote, and its VoteEvent.

    Each vote of each (reconciled) item becomes a Motion (the text moved,
    its mover as creator, the meeting's body as organization) and a VoteEvent
    (result by :data:`POPOLO_RESULT`, counts of yes / no / abstain / absent,
    and the named votes). A resolution recorded without a vote is a Motion
    whose result is "pass" and which has no VoteEvent.

    >>> to_popolo([])
    {'motions': [], 'vote_events': []}
    """
    merged = merge(documents)
    motions: list[dict[str, Any]] = []
    vote_events: list[dict[str, Any]] = []
    for rec in merged.items:
        item = rec.record
        date = item.meeting.date.isoformat() if item.meeting is not None and item.meeting.date else None
        body = item.meeting.body if item.meeting is not None else None
        sources = _sources(rec.sources)
        for n, vote in enumerate(item.votes, 1):
            motion_id = f"{rec.id}/motion/{n}"
            result = POPOLO_RESULT.get(vote.outcome or "", vote.outcome or "")
            motion: dict[str, Any] = {
                "id": motion_id,
                "organization": {"name": body} if body else None,
                "text": vote.motion or item.title,
                "classification": "motion",
                "result": result,
                "sources": sources,
            }
            if vote.mover:
                motion["creator"] = {"name": vote.mover}
            if date:
                motion["date"] = date
            motions.append({k: v for k, v in motion.items() if v is not None})
            counts = [
                {"option": option, "value": value}
                for option, value in (
                    ("yes", vote.for_count),
                    ("no", vote.against_count),
                    ("abstain", vote.abstain_count),
                    ("absent", vote.absent_count),
                )
                if value is not None
            ]
            event: dict[str, Any] = {
                "id": f"{motion_id}/vote",
                "motion_id": motion_id,
                "result": result,
                "counts": counts,
                "votes": [
                    {"voter": {"name": who}, "option": _option(how), "vote_event_id": f"{motion_id}/vote"}
                    for who, how in vote.named
                ],
                "sources": sources,
            }
            if date:
                event["start_date"] = date
            vote_events.append(event)
        if not item.votes:
            for n, clause in enumerate(item.resolutions, 1):
                motion = {
                    "id": clause.id or f"{rec.id}/res/#{n}",
                    "text": clause.text,
                    "classification": "resolution",
                    "result": "pass",
                    "sources": sources,
                }
                if body:
                    motion["organization"] = {"name": body}
                if date:
                    motion["date"] = date
                motions.append(motion)
    return {"motions": motions, "vote_events": vote_events}


def _option(how: str) -> str:
    text = how.lower()
    for option, words in (
        ("yes", ("for", "yes", "aye", "yea")),
        ("no", ("against", "no", "nay")),
        ("abstain", ("abstain",)),
    ):
        if any(text.startswith(w) for w in words):
            return option
    return "absent" if "absent" in text else text or "other"
