"""System ids, deterministic ids, the site and the council of a parsed page.

Democracy systems number their records: ModernGov's meeting (``MId``),
committee (``CId``), agenda item (``AIId``, ``mgAi.aspx?ID=``), issue (``IId``)
and decision (``ieDecisionDetails.aspx?ID=``) ids stand in its URLs and links,
its web service answers with ``meetingid`` and ``agendaitemid``, Legistar with
``EventId``, ``EventItemId`` and ``MatterId``, CMIS with ``mid`` and InfoCouncil
with a meeting code in its file names (``CO_20191210``). :func:`identify` keeps
them on the records (``system_id``, ``committee_id``, ``issue_id``,
``decision_id``), builds a ModernGov meeting URL from them where the page
printed none, and gives every Meeting, AgendaItem and Clause a deterministic
``id`` by :data:`ID_RECIPE`.

>>> url_ids("https://democracy.example.gov.uk/ieListDocuments.aspx?CId=140&MId=5001")
{'committee': '140', 'meeting': '5001'}
>>> site_of("https://www.Example.gov.uk:443/x")
'example.gov.uk'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import attrs

from .dates import find_date
from .models import AgendaItem, Clause, Document, Meeting, MeetingRef, Source

ID_RECIPE = """\
Ids are paths, built from what the page says, so the same page always gives the same ids and two
pages naming the same system record give the same id:

  scope    = the site (the page URL's host without "www."; else the host most of its links name),
             else "local" for a page read without any URL
  document = {scope}/page/{sha256(url)[:12]}, or page/{sha256(bytes)[:16]} without a URL
  meeting  = {scope}/meeting/{system id}                       when the system's meeting id is known
           = {scope}/meeting/{slug(body)}/{YYYY-MM-DD}          else, when the date is known
           = {document}/meeting/{n}                             else (n: position on the page)
  item     = {scope}/item/{system id}                          the system's agenda-item id (AIId,
                                                                agendaitemid, EventItemId)
           = {scope}/decision/{decision id}                    else a ModernGov decision id
           = {meeting}/item/{number, else slug(title)}          else, when the item's meeting has an id
           = {scope}/issue/{issue id}/{number, else slug(title)} else, under the issue or matter
           = {document}/item/{n}                                else
  clause   = {item}/rec/{label} or {item}/res/{label}           ("#n", the position, when unlabelled or
                                                                the label repeats)
Within one page a repeated id gets "~2", "~3" ... in page order. Slugs are lower-case ASCII words
joined by "-", cut at SLUG_CHARS characters.
"""
"""How :func:`identify` builds ids (also in the README)."""

SLUG_CHARS = 60
"""Slugs are cut here: long enough to tell titles apart, short enough to read in a table."""
LOCAL_SCOPE = "local"
"""Scope of pages read without any URL (their ids are unique only within what was parsed together)."""

_MODERNGOV_PAGE = re.compile(r"(?:^|/)(?:ie|mg|ce)[a-z0-9]*\.aspx$", re.IGNORECASE)
_INFOCOUNCIL_CODE = re.compile(r"(?:^|/)([A-Z][A-Z0-9]{0,11}_\d{8})_(?:AGN|MIN|ATT|AT|EXT)", re.IGNORECASE)
_CMIS_PATH = re.compile(r"/(?:mid|meetingid)/(\d{1,9})\b", re.IGNORECASE)

# Query parameters per page name (lower case): which id each parameter is.
_PAGE_PARAMS: dict[str, dict[str, str]] = {
    "ielistdocuments.aspx": {"mid": "meeting", "meetingid": "meeting", "cid": "committee"},
    "celistdocuments.aspx": {"mid": "meeting", "meetingid": "meeting", "cid": "committee"},
    "mgmeetingattendance.aspx": {"id": "meeting"},
    "iemeetingattendance.aspx": {"id": "meeting"},
    "mgai.aspx": {"id": "item"},
    "iedecisiondetails.aspx": {"id": "decision", "aiid": "item"},
    "mgissuehistoryhome.aspx": {"iid": "issue"},
    "ieissuedetails.aspx": {"iid": "issue"},
    "mgissuehistorychronology.aspx": {"iid": "issue"},
    "mgdecisiondetails.aspx": {"iid": "issue"},
    "mgcommitteedetails.aspx": {"id": "committee"},
    "ielistmeetings.aspx": {"committeeid": "committee"},
    "meetingdetail.aspx": {"id": "meeting"},
    "legislationdetail.aspx": {"id": "issue"},
    "viewmeetingpublic.aspx": {"mid": "meeting"},
}
_MWS_PARAMS = {"lmeetingid": "meeting", "meetingid": "meeting", "lcommitteeid": "committee", "committeeid": "committee"}
"""ModernGov web-service queries (``mgWebService.asmx/GetMeeting?lMeetingId=7837``)."""


def site_of(url: str | None) -> str | None:
    """The host of ``url`` in lower case without "www." and port, or None.

    >>> site_of("http://democracy.Gloucester.gov.uk/mgConvert2PDF.aspx?ID=1"), site_of("documents/a.pdf")
    ('democracy.gloucester.gov.uk', None)
    """
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def url_ids(url: str | None) -> dict[str, str]:
    """The system ids a URL carries: keys ``meeting``, ``committee``, ``item``, ``issue``, ``decision``.

    >>> url_ids("https://x.gov.uk/ieDecisionDetails.aspx?AIId=9002")
    {'item': '9002'}
    >>> url_ids("https://x.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=7837")
    {'meeting': '7837'}
    >>> url_ids("https://x.infocouncil.biz/Open/2019/12/CO_20191210_MIN_2164.htm")
    {'meeting': 'CO_20191210'}
    """
    if not url:
        return {}
    low = url.lower()
    if "\t" in low or "\r" in low or "\n" in low:
        low = low.replace("\t", "").replace("\r", "").replace("\n", "")  # as urlsplit reads it
    if (
        low.split("#", 1)[0].split("?", 1)[0].rsplit("/", 1)[-1] not in _PAGE_PARAMS
        and "mgwebservice.asmx" not in low
        and "_" not in low
        and "/mid/" not in low
        and "/meetingid/" not in low
    ):
        return {}  # no known page name and no path code: most links on a page, told apart without parsing them
    try:
        parts = urlsplit(url)
    except ValueError:
        return {}
    name = parts.path.rsplit("/", 1)[-1].lower()
    params = _PAGE_PARAMS.get(name)
    if params is None and "mgwebservice.asmx" in parts.path.lower():
        params = _MWS_PARAMS
    found: dict[str, str] = {}
    if params:
        try:
            query = parse_qsl(parts.query, keep_blank_values=False)
        except ValueError:
            return {}
        for key, value in query:
            kind = params.get(key.lower())
            value = value.strip()
            if kind and value and kind not in found and len(value) <= 64:
                found[kind] = value
    if not found:
        code = _INFOCOUNCIL_CODE.search(parts.path)
        cmis = _CMIS_PATH.search(parts.path)
        if code:
            found["meeting"] = code.group(1).upper()
        elif cmis:
            found["meeting"] = cmis.group(1)
    return found


def slug(text: str | None) -> str:
    """Lower-case ASCII words joined by "-", at most :data:`SLUG_CHARS` characters.

    >>> slug("Health & Wellbeing Board"), slug("Café – 2025/26")
    ('health-wellbeing-board', 'cafe-2025-26')
    """
    if not text:
        return ""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    out = "-".join(words)
    return out[:SLUG_CHARS].rstrip("-")


def _hash(text: str, length: int) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def _doc_urls(doc: Document) -> Iterator[str]:
    for meeting in doc.meetings:
        if meeting.url:
            yield meeting.url
        yield from (d.url for d in meeting.documents if d.url)
    for item in doc.items:
        if item.url:
            yield item.url
        yield from (d.url for d in item.documents if d.url)
    yield from (b.url for b in doc.bodies if b.url)


def page_site(doc: Document) -> str | None:
    """The page's site: its URL's host, else the host most of its links name, else None.

    >>> from minutes_parser.models import Document, Meeting
    >>> page_site(Document(meetings=(Meeting(url="https://democracy.example.gov.uk/ieListDocuments.aspx?MId=1"),)))
    'democracy.example.gov.uk'
    """
    own = site_of(doc.source.url)
    if own:
        return own
    hosts = Counter(h for h in (site_of(u) for u in _doc_urls(doc)) if h)
    return hosts.most_common(1)[0][0] if hosts else None


def document_id(doc: Document) -> str:
    """The page's id (see :data:`ID_RECIPE`).

    >>> from minutes_parser.models import Document, Source
    >>> document_id(Document(source=Source(url="https://a.gov.uk/mgAi.aspx?ID=1")))
    'a.gov.uk/page/5c5e7b6e5697'
    """
    if doc.source.url:
        return f"{doc.source.site or site_of(doc.source.url) or LOCAL_SCOPE}/page/{_hash(doc.source.url, 12)}"
    if doc.source.digest:
        return f"page/{doc.source.digest[:16]}"
    return f"page/{_hash(doc.to_json(), 16)}"


def meeting_key(scope: str, body: str | None, date: Any, system_id: str | None) -> str | None:
    """A meeting's id from its system id, else its body and date; None when neither is known.

    >>> meeting_key("a.gov.uk", "Cabinet", None, "7837"), meeting_key("a.gov.uk", "Cabinet", "2025-11-21", None)
    ('a.gov.uk/meeting/7837', 'a.gov.uk/meeting/cabinet/2025-11-21')
    """
    if system_id:
        return f"{scope}/meeting/{system_id}"
    if date:
        return f"{scope}/meeting/{slug(body) or 'unnamed'}/{date}"
    return None


class _Unique:
    """Appends "~2", "~3" to ids already handed out on this page."""

    def __init__(self) -> None:
        self.seen: Counter[str] = Counter()

    def __call__(self, key: str) -> str:
        self.seen[key] += 1
        n = self.seen[key]
        return key if n == 1 else f"{key}~{n}"


def _clause_ids(item_id: str, part: str, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
    labels = Counter(c.label for c in clauses if c.label)
    out = []
    for n, clause in enumerate(clauses, 1):
        label = clause.label if clause.label and labels[clause.label] == 1 and "/" not in clause.label else None
        key = f"{item_id}/{part}/{label if label else f'#{n}'}"
        out.append(clause if clause.id == key else attrs.evolve(clause, id=key))
    return tuple(out)


@attrs.frozen(kw_only=True, slots=True)
class _Link:
    """A link on the page: where it stood, its text and the ids its URL carries."""

    line: int | None
    text: str
    ids: dict[str, str]


def page_links(root: Any) -> list[_Link]:
    """Every link of an HTML tree whose URL carries a system id, with its source line and text.

    >>> from lxml import html
    >>> [link.ids for link in page_links(html.fromstring('<p><a href="mgAi.aspx?ID=9">Item</a></p>'))]
    [{'item': '9'}]
    """
    if root is None:
        return []
    out = []
    try:
        anchors = root.iter("a")
    except (AttributeError, TypeError):
        return []
    for a in anchors:
        href = a.get("href") if hasattr(a, "get") else None
        if not href or ("aspx" not in href.lower() and "/mid/" not in href.lower()):
            continue
        found = url_ids(href)
        if found:
            text = " ".join((a.text_content() or "").split()) if hasattr(a, "text_content") else ""
            out.append(_Link(line=getattr(a, "sourceline", None), text=text, ids=found))
    return out


def _in_range(links: Iterable[_Link], start: int | None, end: int | None) -> list[_Link]:
    if start is None:
        return []
    return [lk for lk in links if lk.line is not None and lk.line >= start and (end is None or lk.line < end)]


def _meeting_link(links: Iterable[_Link], ref: MeetingRef | None) -> str | None:
    """The MId of a link to the item's own meeting: its text names the meeting's date."""
    if ref is None or ref.date is None:
        return None
    for link in links:
        if "meeting" in link.ids and find_date(link.text) == ref.date:
            return link.ids["meeting"]
    return None


def _moderngov_base(doc: Document) -> str | None:
    """The directory ModernGov pages live in ("https://host/Internet/"), from the page or its links."""
    for url in (doc.source.url, *_doc_urls(doc)):
        if not url:
            continue
        try:
            parts = urlsplit(url)
        except ValueError:
            continue
        name = parts.path.rsplit("/", 1)[-1]
        if (
            parts.scheme in ("http", "https")
            and parts.netloc
            and (
                _MODERNGOV_PAGE.search(parts.path)
                or name.lower() == "mgwebservice.asmx"
                or "/mgwebservice.asmx/" in parts.path.lower()
            )
        ):
            directory = (
                parts.path.split("mgWebService.asmx")[0] if "mgwebservice.asmx" in parts.path.lower() else parts.path
            )
            directory = directory[: directory.rfind("/") + 1] or "/"
            return f"{parts.scheme}://{parts.netloc.lower()}{directory}"
    return None


def _is_moderngov(doc: Document) -> bool:
    if doc.source.adapter in ("moderngov", "moderngov-xml"):
        return True
    url = doc.source.url or ""
    return bool(url) and bool(_MODERNGOV_PAGE.search(urlsplit(url).path if "://" in url else url))


def identify(doc: Document, root: Any = None) -> Document:
    """Fill system ids, meeting URLs, ``source.site`` and deterministic ids on ``doc``.

    ``root`` is the page's HTML tree when it has one: links on it give items
    their AIId, issue and decision ids (a link counts for the item whose lines
    it stands in) and a single-item page's meeting its MId (a link whose text
    names the meeting's date). Ids already set by an adapter are kept.

    >>> from minutes_parser.models import Document, Meeting, Source
    >>> source = Source(url="https://d.gov.uk/ieListDocuments.aspx?CId=1&MId=7", page_kind="meeting")
    >>> doc = Document(source=source, meetings=(Meeting(body="Cabinet"),))
    >>> identify(doc).meetings[0].id
    'd.gov.uk/meeting/7'
    """
    site = doc.source.site or page_site(doc)
    source = attrs.evolve(doc.source, site=site) if site != doc.source.site else doc.source
    doc = attrs.evolve(doc, source=source)
    scope = site or LOCAL_SCOPE
    page_ids = url_ids(doc.source.url)
    links = page_links(root)
    moderngov = _is_moderngov(doc)
    base = _moderngov_base(doc) if moderngov else None
    single_meeting = len(doc.meetings) == 1 and doc.source.page_kind not in ("meeting_list", "attachment")
    doc_key = document_id(doc)
    unique = _Unique()

    meetings: list[Meeting] = []
    for n, meeting in enumerate(doc.meetings):
        own = url_ids(meeting.url)
        system_id = meeting.system_id or own.get("meeting")
        committee_id = meeting.committee_id or own.get("committee")
        if single_meeting and doc.source.page_kind == "meeting":
            system_id = system_id or page_ids.get("meeting")
            committee_id = committee_id or page_ids.get("committee")
        url = meeting.url
        if url is None and system_id and base and moderngov:
            cid = f"CId={committee_id}&" if committee_id else ""
            url = f"{base}ieListDocuments.aspx?{cid}MId={system_id}"
        key = meeting_key(scope, meeting.body, meeting.date, system_id) or f"{doc_key}/meeting/{n + 1}"
        meetings.append(attrs.evolve(meeting, system_id=system_id, committee_id=committee_id, url=url, id=unique(key)))
    by_date = {(m.body, m.date): m for m in meetings if m.date is not None}
    dates = Counter(m.date for m in meetings if m.date is not None)

    items: list[AgendaItem] = []
    lines = [i.line for i in doc.items]
    single_item = len(doc.items) == 1
    for n, item in enumerate(doc.items):
        own = url_ids(item.url)
        later = [x for x in lines[n + 1 :] if x is not None and item.line is not None and x > item.line]
        near = _in_range(links, item.line, min(later) if later else None)
        found: dict[str, str] = {}
        for link in near:
            for kind, value in link.ids.items():
                found.setdefault(kind, value)
        if single_item:
            for kind, value in page_ids.items():
                found.setdefault(kind, value)
        system_id = item.system_id or own.get("item") or found.get("item")
        decision_id = item.decision_id or own.get("decision") or found.get("decision")
        issue_id = item.issue_id or own.get("issue") or found.get("issue") or page_ids.get("issue")
        ref = item.meeting
        taken: Meeting | None = by_date.get((ref.body, ref.date)) if ref is not None and ref.date else None
        if taken is None and ref is not None and ref.date is not None and dates[ref.date] == 1:
            taken = next(m for m in meetings if m.date == ref.date)
        if taken is None and ref is None and len(meetings) == 1 and doc.source.page_kind == "meeting":
            taken = meetings[0]
        ref_system = ref.system_id if ref is not None else None
        ref_system = ref_system or (taken.system_id if taken is not None else None)
        ref_system = ref_system or found.get("meeting") or (_meeting_link(links, ref) if single_item else None)
        if ref is None and taken is not None:
            ref = MeetingRef(body=taken.body, date=taken.date)
        ref_id = None
        if ref is not None:
            ref_id = (taken.id if taken is not None and ref_system == taken.system_id else None) or meeting_key(
                scope, ref.body, ref.date, ref_system
            )
            if ref.id != ref_id or ref.system_id != ref_system:
                ref = attrs.evolve(ref, id=ref_id, system_id=ref_system)
        tail = item.number or slug(item.title)
        if system_id:
            key = f"{scope}/item/{system_id}"
        elif decision_id:
            key = f"{scope}/decision/{decision_id}"
        elif ref_id and tail:
            key = f"{ref_id}/item/{tail}"
        elif issue_id and tail:
            key = f"{scope}/issue/{issue_id}/{tail}"
        else:
            key = f"{doc_key}/item/{n + 1}"
        item_id = unique(key)
        items.append(
            attrs.evolve(
                item,
                id=item_id,
                system_id=system_id,
                decision_id=decision_id,
                issue_id=issue_id,
                meeting=ref,
                recommendations=_clause_ids(item_id, "rec", item.recommendations),
                resolutions=_clause_ids(item_id, "res", item.resolutions),
            )
        )
    return attrs.evolve(doc, meetings=tuple(meetings), items=tuple(items))


def with_source(doc: Document, *, digest: str | None = None, council: str | None = None) -> Document:
    """``doc`` with ``source.digest`` and ``source.council`` set (when given and not set already).

    >>> from minutes_parser.models import Document
    >>> with_source(Document(), council="Anytown Borough Council").source.council
    'Anytown Borough Council'
    """
    source: Source = doc.source
    if digest and not source.digest:
        source = attrs.evolve(source, digest=digest)
    if council and not source.council:
        source = attrs.evolve(source, council=council)
    return doc if source is doc.source else attrs.evolve(doc, source=source)
