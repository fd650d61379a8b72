"""ModernGov (Civica modern.gov) HTML pages.

System: ModernGov, which serves most UK councils' democracy sites. Page kinds:
``meeting`` (ieListDocuments.aspx), ``agenda_item`` (mgAi.aspx),
``issue_history`` (mgIssueHistoryHome.aspx, ieIssueDetails.aspx),
``issue_decisions`` (mgDecisionDetails.aspx), ``decision``
(ieDecisionDetails.aspx), ``decision_list`` (mgDelegatedDecisions.aspx) and
``meeting_list`` (ieListMeetings.aspx, calendar views, mgCommitteeDetails.aspx).

The page is rendered to lines the way a reader sees it, so the printed labels
("Decision:", "Minutes:", "Decision Maker:") carry the meaning and class names
are only hints: an agenda table is found by its rows (a number cell beside a
content cell), a list grid by its rows (a link and a date). Test pages:
``tests/corpus/moderngov``, ``samples/*.html`` and ``tests/pages/moderngov``.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar
from urllib.parse import urlparse

from lxml import etree

from ..blocks import Block, clean
from ..dates import find_date, find_time
from ..decode import Page
from ..htmlblocks import Renderer, Texts, is_doc_href, outside_content, text_of
from ..models import Meeting, Person
from ..registry import BaseAdapter
from ..urls import join_url, safe_href

_PAGE_KINDS = {
    "mgai.aspx": "agenda_item",
    "ielistdocuments.aspx": "meeting",
    "celistdocuments.aspx": "meeting",
    "mgissuehistoryhome.aspx": "issue_history",
    "ieissuedetails.aspx": "issue_history",
    "mgissuehistorychronology.aspx": "issue_history",
    "mgdecisiondetails.aspx": "issue_decisions",
    "iedecisiondetails.aspx": "decision",
    "mgdelegateddecisions.aspx": "decision_list",
    "mgdelegateddecisionsoverview.aspx": "decision_list",
    "ielistmeetings.aspx": "meeting_list",
    "mgcalendarmonthview.aspx": "meeting_list",
    "mgcalendarweekview.aspx": "meeting_list",
    "mgcalendaragendaview.aspx": "meeting_list",
    "mgcommitteedetails.aspx": "meeting_list",
    "mglistcommittees.aspx": "meeting_list",
}
_OTHER_PAGES = ("mguserinfo", "mgmeetingattendance", "mgconvert2pdf", "mgmemberindex", "mgfindmember", "mgwhatsnew", "mgplansHome")
"""ModernGov pages the library does not read that its pages link to (a member's page, attendance, a document)."""
_PAGE_STEMS = tuple(name.removesuffix(".aspx") for name in _PAGE_KINDS) + tuple(p.lower() for p in _OTHER_PAGES)
"""ModernGov's page names without ``.aspx``: each is looked for just before an ``.aspx``."""
_HINTS = (
    "mgWordPara",
    "mgLabel",
    "mgItemTable",
    "mgTabTable",
    "mgMainTitleTxt",
    "mgSubTitleTxt",
    "mgFileSize",
    "mgAiTitleTxt",
    "mgMainTxt",
)
"""ModernGov class names; each found adds to the confidence."""
_HINT_PREFIX = re.compile("mg[A-Z]")
"""What every hint starts with: a page without it has none of them (one search instead of nine)."""
_ROOT = etree.XPath("id('modgov')")
"""The content area, looked up in the parser's ID table (the first element with that id)."""
_BODY = etree.XPath("//body")
_ROWS = etree.XPath("./tr | ./tbody/tr | ./thead/tr | ./tfoot/tr")
_CELLS = etree.XPath("./td | ./th")
_LINKS = etree.XPath(".//a[@href]")
_MG_CLASS = etree.XPath("boolean(//*[starts-with(@class, 'mg') or contains(@class, ' mg')])")
_NUMBER = re.compile(r"^\d{1,4}[a-z]?(?:\.\d{1,2})?\.?$", re.IGNORECASE)
_ITEM_LINK = re.compile(
    r"(?:ieDecisionDetails|mgIssueHistoryHome|ieIssueDetails|mgAi|mgDecisionDetails)\.aspx", re.IGNORECASE
)
_MEETING_LINK = re.compile(r"ieListDocuments\.aspx", re.IGNORECASE)
_ATTENDANCE = re.compile(r"attend|apolog|present|absent", re.IGNORECASE)
_BODY_SPLIT = re.compile(r"\s+[-\u2013]\s+|,\s*(?=\w+day\b)")
_REF_SUFFIX = re.compile(r"\s+ref:\s*\d{1,9}$", re.IGNORECASE)
"""The hidden "ref: 13567" ModernGov puts in list links, visible once its class is gone."""
_SKIP_CLASSES = ("mgActionList", "mgLinks", "mgBreadCrumb", "mgPageNav", "mgTabs")
_STATUS = re.compile(r"\b(cancelled|postponed|moved|rescheduled|draft)\b", re.IGNORECASE)
"""Status words ModernGov appends to a meeting link's text."""


def _page_name(url: str | None) -> str:
    if not url:
        return ""
    try:
        return urlparse(url).path.rsplit("/", 1)[-1].lower()
    except ValueError:
        return ""


PAGE_NAME_SCORE = 0.3
"""Confidence one link to a ModernGov page name ("mgAi.aspx") gives: a page may link to a council's site."""
PAGE_NAMES_SCORE = 0.65
"""Confidence links to :data:`PAGE_NAMES_ENOUGH` ModernGov page names give: a page whose own links
go from page to page of a ModernGov site is one of its pages, whatever its classes are called
(a restyled theme keeps the system's page names)."""
PAGE_NAMES_ENOUGH = 2


def _page_names(lowered: str) -> int:
    """How many ModernGov page names ("mgai.aspx") occur in ``lowered`` (counted up to
    :data:`PAGE_NAMES_ENOUGH`): a look before each ``.aspx``."""
    found = 0
    at = lowered.find(".aspx")
    while at >= 0 and found < PAGE_NAMES_ENOUGH:
        if lowered.endswith(_PAGE_STEMS, 0, at):
            found += 1
        at = lowered.find(".aspx", at + 1)
    return found


def _holds_text(el: Any) -> bool:
    """True when any text lies under ``el`` (stops at the first)."""
    return any(t.strip() for t in el.itertext())


class ModernGovAdapter(BaseAdapter):
    """Reads ModernGov HTML pages."""

    name: ClassVar[str] = "moderngov"
    page_kinds: ClassVar[tuple[str, ...]] = (
        "meeting",
        "agenda_item",
        "issue_history",
        "issue_decisions",
        "decision",
        "decision_list",
        "meeting_list",
    )

    def url_kind(self, url: str) -> str | None:
        """The page kind ModernGov's page name gives ("mgAi.aspx": an agenda item)."""
        return _PAGE_KINDS.get(_page_name(url))

    def detect(self, page: Page) -> float:
        """URL page names and ModernGov markup (``div#modgov``, ``mg*`` classes) in the markup's top. HTML only."""
        if not page.looks_like_markup or page.xml_document:
            return 0.0
        score = 0.0
        name = _page_name(page.url)
        if name in _PAGE_KINDS:
            score += 0.6
        if page.has_marker('id="modgov"') or page.has_marker("id='modgov'"):
            score += 0.7
        window = page.window
        if _HINT_PREFIX.search(window) is not None:
            for hint in _HINTS:
                if score >= 1.0:
                    break
                if page.has_marker(hint):
                    score += 0.25
        if score < 1.0:
            names = _page_names(window.lower())
            score += PAGE_NAMES_SCORE if names >= PAGE_NAMES_ENOUGH else PAGE_NAME_SCORE if names else 0.0
        return min(score, 1.0)

    def blocks(self, page: Page) -> tuple[list[Block], dict[str, Any]]:
        """Render the content area to lines; agenda tables and grids to item rows."""
        root = page.html_root()
        if root is None:
            return [], {}
        found = _ROOT(root)
        # A content area that holds no text (an empty placeholder with the id, or one the HTML
        # parser closed at once because it was restyled as a <p>) is not where the content is.
        content = found[0] if found and _holds_text(found[0]) else (_BODY(root) or [root])[0]
        meetings: list[Meeting] = []
        attendance: list[Person] = []
        handler = _Handler(page.url, meetings, attendance)
        blocks = Renderer(handler, frozenset({"table", "a", "ul", "div", "ol"})).render(content)
        kind = _PAGE_KINDS.get(_page_name(page.url))
        listing = kind == "meeting_list" or (kind is None and len(meetings) >= 2 and not handler.item_rows)
        hints: dict[str, Any] = {
            "meetings": meetings if listing else [],
            "attendance": attendance,
            "set_aside": lambda: outside_content(root, content)
            + [(where, clean(" ".join(el.itertext()))) for where, el in handler.read_as],
        }
        if kind is not None:
            hints["page_kind"] = kind
        elif handler.list_rows and not handler.item_rows:
            hints["fallback_kind"] = "decision_list"
        elif listing:
            hints["fallback_kind"] = "meeting_list"
        return blocks, hints


class _Handler:
    """Takes over the elements whose structure says more than their text."""

    def __init__(self, url: str | None, meetings: list[Meeting], attendance: list[Person]) -> None:
        self.url = url
        self.meetings = meetings
        self.attendance = attendance
        self.item_rows = 0
        self.list_rows = 0
        self.read_as: list[tuple[str, Any]] = []
        """Elements read as structure or chrome, with where they went (for a trace)."""

    def __call__(self, el: Any, out: Renderer) -> bool:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        cls = el.get("class")
        if cls and any(hint in cls for hint in _SKIP_CLASSES):
            # Navigation links go; the documents listed among them (agenda
            # frontsheet, printed minutes) stay.
            for a in _LINKS(el):
                if is_doc_href(a.get("href")):
                    out.link(a)
            self.read_as.append(("chrome (navigation links)", el))
            return True
        if tag == "table":
            return self._table(el, out)
        if tag == "a":
            href = el.get("href") or ""
            if _MEETING_LINK.search(href):
                text = text_of(el)
                date = find_date(text)
                if date is not None:
                    status = _STATUS.search(text)
                    self.meetings.append(
                        Meeting(
                            body=_body_from(text),
                            date=date,
                            time=find_time(text),
                            status=status.group(1).lower() if status else None,
                            url=join_url(self.url, href),
                        )
                    )
                return False
        return False

    # -- tables
    def _table(self, table: Any, out: Renderer) -> bool:
        rows = [[c for c in _CELLS(row)] for row in _ROWS(table)]
        rows = [r for r in rows if r]
        if not rows:
            return False
        text = Texts(table)
        numbered = {i for i, r in enumerate(rows) if len(r) >= 2 and _NUMBER.match(text(r[0]) or "-")}
        if numbered and len(numbered) * 2 >= sum(1 for r in rows if any(text(c) for c in r)) - 1:
            for index, row in enumerate(rows):
                if index in numbered:
                    self._item_row(row, out, text)
                elif all(c.tag == "th" for c in row):
                    out.emit(Block(kind="noise", text=" ".join(text(c) for c in row), meta={"table": "header"}))
                else:
                    for cell in row:
                        out.walk(cell)
                        out.flush()
            # What follows the agenda table (the printed minutes, the reports pack)
            # belongs to the meeting, not to its last item.
            out.emit(Block(kind="break", text="", meta={"end": "items"}))
            return True
        header = [text(c).lower() for c in rows[0]] if rows[0][0].tag == "th" else []
        summary = (table.get("summary") or "").lower()
        if "attendance" in summary or (header and any(_ATTENDANCE.search(h) for h in header) and not _LINKS(table)):
            self._attendance(rows[1:] if header else rows, header, text)
            self.read_as.append(("meeting.attendance (table)", table))
            return True
        linked = [
            r
            for r in rows
            if any(
                _ITEM_LINK.search(a.get("href") or "") or _MEETING_LINK.search(a.get("href") or "")
                for c in r
                for a in _LINKS(c)
            )
        ]
        for row in linked:
            self._list_row(row, out, text)
        if linked:
            self.read_as.append(("list rows (table)", table))
        return bool(linked)

    def _item_row(self, row: list[Any], out: Renderer, text: Texts) -> None:
        self.item_rows += 1
        number = text(row[0]).rstrip(".")
        sub = Renderer()
        for cell in row[1:]:
            sub.walk(cell)
            sub.flush()
        blocks = sub.blocks
        meta: dict[str, str] = {"number": number, "scheme": "row"}
        rest = blocks
        doc = None
        if blocks:
            first = blocks[0]
            meta["title"] = first.text
            if first.kind == "link" and first.href:
                doc = first.doc
            rest = blocks[1:]
        out.emit(Block(kind="item", text="", line=getattr(row[0], "sourceline", None), meta=meta, doc=doc))
        for block in rest:
            out.emit(block)

    def _list_row(self, row: list[Any], out: Renderer, text: Texts) -> None:
        link = None
        for cell in row:
            for a in _LINKS(cell):
                href = a.get("href") or ""
                if _ITEM_LINK.search(href) or _MEETING_LINK.search(href):
                    link = a
                    break
            if link is not None:
                break
        if link is None:
            return
        href = link.get("href") or ""
        title = _REF_SUFFIX.sub("", text(link))
        dates = [text(c) for c in row if find_date(text(c)) is not None]
        if _MEETING_LINK.search(href):
            date = find_date(title) or (find_date(dates[0]) if dates else None)
            self.meetings.append(
                Meeting(
                    body=_body_from(title) if find_date(title) else title,
                    date=date,
                    time=find_time(title) or (find_time(dates[0]) if dates else None),
                    url=join_url(self.url, href),
                )
            )
            return
        self.list_rows += 1
        meta = {"title": title, "scheme": "row"}
        link_url = safe_href(href)
        if link_url:
            meta["url"] = link_url
        if dates:
            meta["date"] = dates[0]
        out.emit(Block(kind="item", text="", line=getattr(row[0], "sourceline", None), meta=meta))

    def _attendance(self, rows: list[list[Any]], header: list[str], text: Texts) -> None:
        role_col = next((i for i, h in enumerate(header) if "role" in h), None)
        attend_col = next((i for i, h in enumerate(header) if _ATTENDANCE.search(h) and i > 0), None)
        for row in rows:
            texts = [text(c) for c in row]
            if not texts or not texts[0]:
                continue
            if attend_col is None and role_col is None and len(texts) > 1:
                attend_col = len(texts) - 1
            self.attendance.append(
                Person(
                    name=texts[0],
                    role=texts[role_col] or None if role_col is not None and role_col < len(texts) else None,
                    attendance=texts[attend_col] or None
                    if attend_col is not None and attend_col < len(texts)
                    else None,
                )
            )


def _body_from(text: str) -> str | None:
    """ "Cabinet - Tuesday, 7th January, 2020 5.30 pm" → "Cabinet"."""
    head = _BODY_SPLIT.split(text, maxsplit=1)[0]
    head = clean(head)
    if not head or find_date(head) is not None or is_doc_href(head):
        return None
    return head
