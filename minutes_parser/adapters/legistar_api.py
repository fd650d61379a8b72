"""Legistar Web API answers (JSON).

System: Granicus Legistar's Web API (``webapi.legistar.com/v1/<client>/...``),
used by US cities. Page kinds: ``meeting`` (one event, with its items when
embedded), ``meeting_list`` (events), ``agenda`` (event items), ``matter`` /
``matter_list`` (matters) and ``matter_history`` (a matter's actions).

Dates are ISO datetimes with a dummy midnight; the time is in ``EventTime``
("10:00 AM"). Votes (mover, seconder, result, tally) go into ``votes``.
Event items that share a title (an agenda entry and a minutes-only entry)
stay separate. Test pages: ``tests/corpus/legistar-api``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, ClassVar

import attrs

from ..blocks import clean
from ..dates import find_time, parse_date
from ..decode import Page
from ..models import AgendaItem, DocLink, Document, Meeting, MeetingRef, Source, Vote
from ..registry import BaseAdapter

_TALLY = re.compile(r"^\s*(\d{1,3})\s*[-:/]\s*(\d{1,3})(?:\s*[-:/]\s*(\d{1,3}))?")


def _s(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, (dict, list)):
        return None
    text = clean(str(value))
    return text or None


def _records(value: Any, where: str, warnings: list[str]) -> list[Mapping[str, Any]]:
    """The records of a list field; a field of another shape is skipped with a warning."""
    if value is None:
        return []
    if not isinstance(value, list):
        warnings.append(f"{where} is a {type(value).__name__}, not a list of records; skipped")
        return []
    records = [v for v in value if isinstance(v, Mapping)]
    if len(records) < len(value):
        warnings.append(f"{where}: {len(value) - len(records)} entries that are not records skipped")
    return records


def _entity(record: Any) -> str | None:
    if not isinstance(record, Mapping):
        return None
    for key, name in (
        ("EventItemId", "eventitem"),
        ("EventId", "event"),
        ("MatterHistoryId", "matterhistory"),
        ("MatterId", "matter"),
    ):
        if key in record:
            return name
    return None


class LegistarApiAdapter(BaseAdapter):
    """Reads Legistar Web API JSON."""

    name: ClassVar[str] = "legistar-api"
    page_kinds: ClassVar[tuple[str, ...]] = (
        "meeting",
        "meeting_list",
        "agenda",
        "matter",
        "matter_list",
        "matter_history",
    )

    def detect(self, page: Page) -> float:
        """JSON objects (or arrays of them) with Legistar's Event/Matter keys."""
        data = page.json_data()
        if data is None:
            return 0.0
        first = data[0] if isinstance(data, list) and data else data
        if _entity(first) is None:
            return 0.0
        return 0.95

    def parse(self, page: Page) -> Document:
        """Events, event items, matters and matter histories to meetings, items and votes."""
        data = page.json_data()
        warnings = list(page.warnings)
        records = _records(
            data if isinstance(data, list) else [data] if data is not None else None, "the answer", warnings
        )
        kinds = {_entity(r) for r in records}
        meetings: list[Meeting] = []
        items: list[AgendaItem] = []
        kind = "meeting_list"
        if kinds == {"event"}:
            kind = "meeting" if isinstance(data, Mapping) else "meeting_list"
            for record in records:
                meeting = _meeting(record)
                meetings.append(meeting)
                ref = MeetingRef(body=meeting.body, date=meeting.date, system_id=meeting.system_id)
                for sub in _records(record.get("EventItems"), "EventItems", warnings):
                    items.append(_event_item(sub, ref, warnings))
        elif kinds == {"eventitem"}:
            kind = "agenda"
            items = [_event_item(r, None, warnings) for r in records]
        elif kinds == {"matter"}:
            kind = "matter" if isinstance(data, Mapping) else "matter_list"
            items = [_matter(r) for r in records]
        elif kinds == {"matterhistory"}:
            kind = "matter_history"
            items = [_history(r) for r in records]
        else:
            for record in records:
                entity = _entity(record)
                if entity == "event":
                    meetings.append(_meeting(record))
                elif entity == "eventitem":
                    items.append(_event_item(record, None, warnings))
                elif entity == "matter":
                    items.append(_matter(record))
                elif entity == "matterhistory":
                    items.append(_history(record))
        read = sum(1 for r in records if _entity(r) is not None)
        if not read:
            warnings.append("no Legistar Web API records (events, event items, matters, histories) found")
        elif read < len(records):
            warnings.append(f"{len(records) - read} of {len(records)} records are not Legistar records; skipped")
        title = None
        if kind == "meeting" and meetings:
            title = meetings[0].body
        elif kind == "matter" and items:
            title = items[0].title
        return Document(
            source=Source(url=page.url, adapter=self.name, page_kind=kind),
            title=title,
            meetings=tuple(meetings),
            items=tuple(items),
            warnings=tuple(warnings),
            coverage=round(read / len(records), 4) if records else 0.0,
        )


def _id(record: Mapping[str, Any], key: str) -> str | None:
    """A Legistar id field as text (ids are integers in the JSON), or None."""
    value = record.get(key)
    return str(value) if isinstance(value, (int, str)) and not isinstance(value, bool) and str(value).strip() else None


def _date(value: str | None) -> Any:
    return parse_date(value[:10]) if value else None


def _meeting(record: Mapping[str, Any]) -> Meeting:
    docs = []
    for key, title in (("EventAgendaFile", "Agenda"), ("EventMinutesFile", "Minutes")):
        url = _s(record, key)
        if url:
            docs.append(DocLink(title=title, url=url, format="pdf" if url.lower().endswith(".pdf") else None))
    status = _s(record, "EventAgendaStatusName")
    return Meeting(
        body=_s(record, "EventBodyName"),
        date=_date(_s(record, "EventDate")),
        time=find_time(_s(record, "EventTime") or ""),
        location=_s(record, "EventLocation"),
        status=status.lower() if status else None,
        url=_s(record, "EventInSiteURL"),
        documents=tuple(docs),
        system_id=_id(record, "EventId"),
        committee_id=_id(record, "EventBodyId"),
    )


def _tally(text: str | None) -> tuple[int | None, int | None, int | None]:
    if not text:
        return None, None, None
    m = _TALLY.match(text)
    if not m:
        return None, None, None
    third = int(m.group(3)) if m.group(3) else None
    return int(m.group(1)), int(m.group(2)), third


def _vote(record: Mapping[str, Any], prefix: str, motion: str | None) -> Vote | None:
    mover = _s(record, f"{prefix}Mover") or _s(record, f"{prefix}MoverName")
    seconder = _s(record, f"{prefix}Seconder") or _s(record, f"{prefix}SeconderName")
    result = _s(record, f"{prefix}PassedFlagName")
    action = _s(record, f"{prefix}ActionName")
    tally = _s(record, f"{prefix}Tally")
    if not any((mover, seconder, result, tally)):
        return None
    for_count, against, abstain = _tally(tally)
    return Vote(
        motion=_s(record, f"{prefix}ActionText") or action or motion,
        mover=mover,
        seconder=seconder,
        result=result or action,
        for_count=for_count,
        against_count=against,
        abstain_count=abstain,
    )


def _event_item(record: Mapping[str, Any], meeting: MeetingRef | None, warnings: list[str]) -> AgendaItem:
    title = _s(record, "EventItemTitle") or _s(record, "EventItemMatterName") or ""
    vote = _vote(record, "EventItem", title)
    docs = []
    for att in _records(record.get("EventItemMatterAttachments"), "EventItemMatterAttachments", warnings):
        url = _s(att, "MatterAttachmentHyperlink")
        docs.append(DocLink(title=_s(att, "MatterAttachmentName") or "", url=url))
    action = _s(record, "EventItemActionName")
    event = _id(record, "EventItemEventId")
    if meeting is None and event is not None:
        meeting = MeetingRef(system_id=event)
    return AgendaItem(
        number=_s(record, "EventItemAgendaNumber"),
        title=title,
        meeting=meeting,
        summary=_s(record, "EventItemAgendaNote") or _s(record, "EventItemMinutesNote"),
        minutes=action,
        documents=tuple(docs),
        votes=(vote,) if vote else (),
        reference=_s(record, "EventItemMatterFile"),
        category=_s(record, "EventItemMatterType"),
        status=_s(record, "EventItemMatterStatus"),
        system_id=_id(record, "EventItemId"),
        issue_id=_id(record, "EventItemMatterId"),
    )


def _matter(record: Mapping[str, Any]) -> AgendaItem:
    body = _s(record, "MatterBodyName")
    date = _date(_s(record, "MatterIntroDate") or _s(record, "MatterAgendaDate"))
    return AgendaItem(
        title=_s(record, "MatterTitle") or _s(record, "MatterName") or "",
        meeting=MeetingRef(body=body, date=date) if (body or date) else None,
        summary=_s(record, "MatterName"),
        reference=_s(record, "MatterFile"),
        category=_s(record, "MatterTypeName"),
        status=_s(record, "MatterStatusName"),
        issue_id=_id(record, "MatterId"),
    )


def _history(record: Mapping[str, Any]) -> AgendaItem:
    body = _s(record, "MatterHistoryActionBodyName")
    date = _date(_s(record, "MatterHistoryActionDate"))
    action = _s(record, "MatterHistoryActionName") or ""
    vote = _vote(record, "MatterHistory", action)
    event = _id(record, "MatterHistoryEventId")
    return AgendaItem(
        number=_s(record, "MatterHistoryAgendaNumber"),
        title=action,
        meeting=MeetingRef(body=body, date=date, system_id=event) if (body or date or event) else None,
        minutes=_s(record, "MatterHistoryActionText"),
        votes=(attrs.evolve(vote, system_id=_id(record, "MatterHistoryId")),) if vote else (),
        issue_id=_id(record, "MatterHistoryMatterId"),
    )
