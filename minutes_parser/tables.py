"""Parsed pages as flat tables: one row per meeting, item, clause, vote, attendee...

:func:`records` turns documents into a dict of tables, each a list of flat
dicts with the columns of :data:`TABLES`. Every row has its own ``id`` (the
deterministic ids of :mod:`minutes_parser.ids`), its parents' ids
(``document_id``, ``meeting_id``, ``item_id``), and where it came from: the
page's ``url``, ``adapter``, ``page_kind``, ``site`` and ``council``, and the
``line`` (and ``page``, for PDFs) it stood on. :func:`to_dataframes` gives the
same tables as pandas DataFrames (``pip install 'minutes-parser[pandas]'``).

A record seen on several pages (the same meeting on its own page and in an
issue's history) has one id, so it is one row: the first page's values, with
empty columns filled from the later ones (:func:`minutes_parser.merge` is the
full reconciliation, with every source listed). An item whose meeting is known
only by a reference (body and date on an issue page) gets a meeting row from
that reference, so every ``meeting_id`` joins.

>>> import minutes_parser
>>> doc = minutes_parser.parse(b"Agenda item\\n\\nBudget\\n\\nRESOLVED that the report be noted.\\n")
>>> tables = records([doc])
>>> [r["text"] for r in tables["resolutions"]], tables["resolutions"][0]["item_id"] == tables["items"][0]["id"]
(['that the report be noted.'], True)
"""

from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from . import vocab
from .ids import document_id
from .models import AgendaItem, Clause, Contact, DocLink, Document, Meeting, MeetingRef


@attrs.frozen(slots=True)
class Column:
    """One column of a table: its name, its type and what it holds."""

    name: str
    """Column name."""
    kind: str
    """"text", "int", "float", "bool", "date", or "category" (a fixed vocabulary)."""
    doc: str
    """What the column holds."""
    categories: tuple[str, ...] = ()
    """The vocabulary of a "category" column."""
    references: str | None = None
    """The table whose ``id`` this column holds (a foreign key), if any."""


_PROVENANCE = (
    Column("url", "text", "URL of the page the row came from"),
    Column("adapter", "category", "adapter that read the page"),
    Column("page_kind", "category", "kind of page", vocab.PAGE_KINDS),
    Column("site", "text", "host the page came from"),
    Column("council", "text", "the council the page names, else the site (see council_named)"),
    Column("council_named", "bool", "True when the page itself named the council"),
)
_DOCUMENT = Column("document_id", "text", "the page (pages.id)", references="pages")
_MEETING = Column("meeting_id", "text", "the meeting (meetings.id)", references="meetings")
_ITEM = Column("item_id", "text", "the agenda item (items.id)", references="items")
_WHERE = (
    Column("line", "int", "line (text) or source line (markup) where it stood"),
    Column("page", "int", "1-based page of a PDF"),
)
_ID = Column("id", "text", "the row's deterministic id")
_CLAUSE = (
    _ID,
    _DOCUMENT,
    _MEETING,
    _ITEM,
    Column("position", "int", "1-based order within the item"),
    Column("label", "text", "printed numbering"),
    Column("text", "text", "the clause"),
    Column("meeting_body", "text", "the meeting's body"),
    Column("meeting_date", "date", "the meeting's date"),
    *_PROVENANCE,
    *_WHERE,
)

TABLES: dict[str, tuple[Column, ...]] = {
    "pages": (
        _ID,
        *_PROVENANCE,
        Column("title", "text", "the page's subject"),
        Column("digest", "text", "SHA-256 of the page's bytes"),
        Column("coverage", "float", "share of the content placed (0..1)"),
        Column("warnings", "int", "how many warnings the parse gave"),
    ),
    "meetings": (
        _ID,
        _DOCUMENT,
        Column("body", "text", "committee or decision maker"),
        Column("date", "date", "meeting date"),
        Column("time", "text", "start time HH:MM"),
        Column("location", "text", "venue"),
        Column("status", "category", "fixed status", vocab.MEETING_STATUS),
        Column("status_text", "text", "status as printed"),
        Column("meeting_url", "text", "the meeting's own page"),
        Column("system_id", "text", "the system's meeting id (MId, meetingid, EventId)"),
        Column("committee_id", "text", "the system's body id (CId, committeeid, EventBodyId)"),
        Column("from_reference", "bool", "True when only an item's reference (body, date) named the meeting"),
        *_PROVENANCE,
    ),
    "items": (
        _ID,
        _DOCUMENT,
        _MEETING,
        Column("number", "text", "item number as printed"),
        Column("title", "text", "item title"),
        Column("meeting_body", "text", "the meeting's body"),
        Column("meeting_date", "date", "the meeting's date"),
        Column("summary", "text", "introduction or purpose"),
        Column("minutes", "text", "the minute narrative"),
        Column("status", "text", "decision or matter status as printed"),
        Column("reference", "text", "file or matter reference"),
        Column("category", "text", "kind of matter"),
        Column("key_decision", "bool", "key decision"),
        Column("call_in", "text", "call-in"),
        Column("reasons", "text", "reasons for the decision"),
        Column("alternatives", "text", "alternatives considered"),
        Column("interests", "text", "interests declared"),
        Column("wards", "text", "wards affected"),
        Column("published", "date", "publication date"),
        Column("item_url", "text", "the item's own page"),
        Column("system_id", "text", "the system's item id (AIId, agendaitemid, EventItemId)"),
        Column("issue_id", "text", "the system's issue or matter id (IId, MatterId)"),
        Column("decision_id", "text", "the system's decision id"),
        Column("declaration_count", "int", "declarations the system counts"),
        Column("recommendation_count", "int", "recommendation clauses"),
        Column("resolution_count", "int", "resolution clauses"),
        *_PROVENANCE,
        *_WHERE,
    ),
    "recommendations": _CLAUSE,
    "resolutions": _CLAUSE,
    "votes": (
        _ID,
        _DOCUMENT,
        _MEETING,
        _ITEM,
        Column("motion", "text", "the motion"),
        Column("mover", "text", "who moved it"),
        Column("seconder", "text", "who seconded it"),
        Column("result", "text", "result as printed"),
        Column("outcome", "category", "fixed result", vocab.VOTE_RESULT),
        Column("for_count", "int", "votes for"),
        Column("against_count", "int", "votes against"),
        Column("abstain_count", "int", "abstentions"),
        Column("absent_count", "int", "absent or not voting"),
        Column("named", "text", "named votes, 'person: vote' joined by '; '"),
        Column("system_id", "text", "the system's id of the vote record"),
        *_PROVENANCE,
    ),
    "attendance": (
        _ID,
        _DOCUMENT,
        _MEETING,
        Column("name", "text", "person"),
        Column("party", "text", "party or group"),
        Column("ward", "text", "ward"),
        Column("role", "text", "role at the meeting"),
        Column("attendance", "category", "fixed attendance", vocab.ATTENDANCE),
        Column("attendance_text", "text", "attendance as printed"),
        *_PROVENANCE,
    ),
    "actions": (
        _ID,
        _DOCUMENT,
        _MEETING,
        _ITEM,
        Column("owner", "text", "who must act"),
        Column("text", "text", "what is to be done"),
        *_PROVENANCE,
        *_WHERE,
    ),
    "contacts": (
        _ID,
        _DOCUMENT,
        _MEETING,
        _ITEM,
        Column("name", "text", "name"),
        Column("role", "text", "post or team"),
        Column("phone", "text", "telephone"),
        Column("email", "text", "e-mail"),
        *_PROVENANCE,
        *_WHERE,
    ),
    "documents": (
        _ID,
        _DOCUMENT,
        _MEETING,
        _ITEM,
        Column("title", "text", "link text"),
        Column("document_url", "text", "the document's URL"),
        Column("format", "text", "file type"),
        Column("size_bytes", "int", "size"),
        *_PROVENANCE,
    ),
    "declarations": (
        _ID,
        _DOCUMENT,
        _MEETING,
        _ITEM,
        Column("text", "text", "the declaration as recorded"),
        *_PROVENANCE,
    ),
}
"""Every table and its columns, in order: the one source for CSV headers, SQLite columns and
DataFrame types. ``id`` is each table's primary key; columns with ``references`` are foreign keys."""

Row = dict[str, Any]


class _Tables:
    """Rows by table, one per id: a later row with the same id fills the earlier row's gaps."""

    def __init__(self) -> None:
        self.rows: dict[str, dict[str, Row]] = {name: {} for name in TABLES}

    def add(self, table: str, row: Row) -> None:
        rows = self.rows[table]
        have = rows.get(row["id"])
        if have is None:
            rows[row["id"]] = {c.name: row.get(c.name) for c in TABLES[table]}
            return
        for key, value in row.items():
            if have.get(key) in (None, "") and value not in (None, ""):
                have[key] = value
        if table == "meetings" and not row.get("from_reference"):
            have["from_reference"] = False

    def has(self, table: str, key: str | None) -> bool:
        return key is not None and key in self.rows[table]


def _date(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, _dt.date) else value


def _provenance(doc: Document) -> Row:
    site = doc.source.site
    return {
        "url": doc.source.url,
        "adapter": doc.source.adapter or None,
        "page_kind": doc.source.page_kind or None,
        "site": site,
        "council": doc.source.council or site,
        "council_named": doc.source.council is not None,
    }


def _meeting_row(meeting: Meeting | MeetingRef, key: str, base: Row, reference: bool) -> Row:
    row: Row = dict(base)
    row.update(id=key, body=meeting.body, date=_date(meeting.date), system_id=meeting.system_id)
    row["from_reference"] = reference
    if isinstance(meeting, Meeting):
        row.update(
            time=meeting.time,
            location=meeting.location,
            status=meeting.status,
            status_text=meeting.status_text,
            meeting_url=meeting.url,
            committee_id=meeting.committee_id,
        )
    return row


def _clauses(tables: _Tables, table: str, clauses: tuple[Clause, ...], parent: Row, item: AgendaItem) -> None:
    for n, clause in enumerate(clauses, 1):
        row = dict(parent)
        row.update(
            id=clause.id or f"{parent['item_id']}/{table[:3]}/#{n}",
            position=n,
            label=clause.label,
            text=clause.text,
            meeting_body=item.meeting.body if item.meeting else None,
            meeting_date=_date(item.meeting.date) if item.meeting else None,
            line=clause.line,
            page=clause.page,
        )
        tables.add(table, row)


def _contacts(tables: _Tables, contacts: tuple[Contact, ...], owner: str, parent: Row) -> None:
    for n, contact in enumerate(contacts, 1):
        row = dict(parent)
        row.update(
            id=f"{owner}/contact/{n}",
            name=contact.name,
            role=contact.role,
            phone=contact.phone,
            email=contact.email,
            line=contact.line,
            page=contact.page,
        )
        tables.add("contacts", row)


def _documents(tables: _Tables, links: tuple[DocLink, ...], owner: str, parent: Row) -> None:
    for n, link in enumerate(links, 1):
        row = dict(parent)
        row.update(
            id=f"{owner}/document/{n}",
            title=link.title,
            document_url=link.url,
            format=link.format,
            size_bytes=link.size_bytes,
        )
        tables.add("documents", row)


def _add_document(tables: _Tables, doc: Document) -> None:
    doc_id = document_id(doc)
    prov = _provenance(doc)
    page_row = dict(prov)
    page_row.update(
        id=doc_id, title=doc.title, digest=doc.source.digest, coverage=doc.coverage, warnings=len(doc.warnings)
    )
    tables.add("pages", page_row)
    base = {"document_id": doc_id, **prov}
    for n, meeting in enumerate(doc.meetings, 1):
        key = meeting.id or f"{doc_id}/meeting/{n}"
        tables.add("meetings", _meeting_row(meeting, key, base, reference=False))
        parent = {**base, "meeting_id": key, "item_id": None}
        for k, person in enumerate(meeting.attendance, 1):
            row = dict(parent)
            row.update(
                id=f"{key}/attendee/{k}",
                name=person.name,
                party=person.party,
                ward=person.ward,
                role=person.role,
                attendance=person.attendance,
                attendance_text=person.attendance_text,
            )
            tables.add("attendance", row)
        _contacts(tables, meeting.contacts, key, parent)
        _documents(tables, meeting.documents, key, parent)
    for n, item in enumerate(doc.items, 1):
        item_id = item.id or f"{doc_id}/item/{n}"
        meeting_id = item.meeting.id if item.meeting is not None else None
        if item.meeting is not None and meeting_id is None and (item.meeting.body or item.meeting.date):
            meeting_id = f"{item_id}/meeting"
        if meeting_id is not None and item.meeting is not None and not tables.has("meetings", meeting_id):
            tables.add("meetings", _meeting_row(item.meeting, meeting_id, base, reference=True))
        row = dict(base)
        row.update(
            id=item_id,
            meeting_id=meeting_id,
            number=item.number,
            title=item.title,
            meeting_body=item.meeting.body if item.meeting else None,
            meeting_date=_date(item.meeting.date) if item.meeting else None,
            summary=item.summary,
            minutes=item.minutes,
            status=item.status,
            reference=item.reference,
            category=item.category,
            key_decision=item.key_decision,
            call_in=item.call_in,
            reasons=item.reasons,
            alternatives=item.alternatives,
            interests=item.interests,
            wards=item.wards,
            published=_date(item.published),
            item_url=item.url,
            system_id=item.system_id,
            issue_id=item.issue_id,
            decision_id=item.decision_id,
            declaration_count=item.declaration_count,
            recommendation_count=len(item.recommendations),
            resolution_count=len(item.resolutions),
            line=item.line,
            page=item.page,
        )
        tables.add("items", row)
        parent = {**base, "meeting_id": meeting_id, "item_id": item_id}
        _clauses(tables, "recommendations", item.recommendations, parent, item)
        _clauses(tables, "resolutions", item.resolutions, parent, item)
        for k, vote in enumerate(item.votes, 1):
            vrow = dict(parent)
            vrow.update(
                id=f"{item_id}/vote/{k}",
                motion=vote.motion,
                mover=vote.mover,
                seconder=vote.seconder,
                result=vote.result,
                outcome=vote.outcome,
                for_count=vote.for_count,
                against_count=vote.against_count,
                abstain_count=vote.abstain_count,
                absent_count=vote.absent_count,
                named="; ".join(f"{who}: {how}" for who, how in vote.named) or None,
                system_id=vote.system_id,
            )
            tables.add("votes", vrow)
        for k, action in enumerate(item.actions, 1):
            arow = dict(parent)
            arow.update(
                id=f"{item_id}/action/{k}", owner=action.owner, text=action.text, line=action.line, page=action.page
            )
            tables.add("actions", arow)
        _contacts(tables, item.contacts, item_id, parent)
        _documents(tables, item.documents, item_id, parent)
        for k, text in enumerate(item.declarations, 1):
            drow = dict(parent)
            drow.update(id=f"{item_id}/declaration/{k}", text=text)
            tables.add("declarations", drow)


def records(documents: Iterable[Document]) -> dict[str, list[Row]]:
    """Flat tables of ``documents``: ``{table name: [row, ...]}`` with the columns of :data:`TABLES`.

    Tables: pages, meetings, items, recommendations, resolutions, votes,
    attendance, actions, contacts, documents (linked reports) and declarations.
    Rows are plain dicts of str, int, float, bool or None; dates are ISO
    strings. Ids join: every ``meeting_id``, ``item_id`` and ``document_id``
    names a row of its table.

    >>> import minutes_parser
    >>> doc = minutes_parser.parse(b"Agenda item\\n\\nBudget\\n\\nRESOLVED that it be noted.\\n")
    >>> sorted(k for k, rows in records([doc]).items() if rows)
    ['items', 'pages', 'resolutions']
    """
    tables = _Tables()
    for doc in documents:
        _add_document(tables, doc)
    return {name: list(rows.values()) for name, rows in tables.rows.items()}


PANDAS_MISSING = "to_dataframes needs pandas: pip install 'minutes-parser[pandas]'"
"""The ImportError message when the pandas extra is not installed."""


def to_dataframes(documents: Iterable[Document] | Mapping[str, list[Row]]) -> dict[str, Any]:
    """The tables of :func:`records` as pandas DataFrames (``pip install 'minutes-parser[pandas]'``).

    Date columns are datetimes, vocabulary columns (``status``, ``attendance``,
    ``outcome``, ``page_kind``, ``adapter``) categoricals, counts nullable
    integers. Takes documents, or tables already built by :func:`records`.
    Raises ImportError naming the extra when pandas is missing.

    >>> import minutes_parser
    >>> doc = minutes_parser.parse(b"Agenda item\\n\\nBudget\\n\\nRESOLVED that it be noted.\\n")
    >>> frames = to_dataframes([doc])
    >>> len(frames["resolutions"]), str(frames["pages"]["page_kind"].dtype)
    (1, 'category')
    """
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError(PANDAS_MISSING) from exc
    tables = documents if isinstance(documents, Mapping) else records(documents)
    frames: dict[str, Any] = {}
    for name, columns in TABLES.items():
        rows = tables.get(name, [])
        frame = pd.DataFrame.from_records(rows, columns=[c.name for c in columns])
        for column in columns:
            frame[column.name] = _typed(pd, frame[column.name], column)
        frames[name] = frame
    return frames


def _typed(pd: Any, series: Any, column: Column) -> Any:
    if column.kind == "date":
        return pd.to_datetime(series, format="ISO8601", errors="coerce")
    if column.kind == "int":
        return series.astype("Int64")
    if column.kind == "float":
        return series.astype("Float64")
    if column.kind == "bool":
        return series.astype("boolean")
    if column.kind == "category":
        values = list(column.categories) or sorted({v for v in series if isinstance(v, str)})
        extra = sorted({v for v in series if isinstance(v, str) and v not in values})
        return pd.Categorical(series, categories=values + extra)
    return series.astype("string")
