"""Civica CMIS pages (UK councils).

Page kinds: ``meeting`` (ViewMeetingPublic meeting summary and documents
panel: committee, date/time, status, venue, documents, items where shown)
and ``meeting_list`` (calendar list and month views). Label/value pairs
("Committee:", "Date/Time:", "Status:", "Venue:") are read by the shared
grammar from what the page prints, so a value sitting in an oddly nested
holder (the status inside the venue's ``div.Value``) still lands in the right
field. Test pages: ``tests/corpus/cmis``; ``shared/raw/cmis`` is swept.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from lxml import etree

from ..blocks import Block
from ..dates import find_date, find_time
from ..decode import Page
from ..htmladapter import HtmlAdapter
from ..htmlblocks import text_of
from ..models import Meeting
from ..urls import join_url

_MEETING_LINKS = etree.XPath("//a[contains(@href, 'ViewMeetingPublic') or contains(@href, '/Meeting/')]")
_ROW = etree.XPath("ancestor::tr[1]")
_DAY = etree.XPath("./td[1]")
_TIME_NAME = re.compile(r"^(?P<time>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)\s+(?P<name>\S.*)$", re.IGNORECASE)


class CmisAdapter(HtmlAdapter):
    """Reads CMIS HTML pages."""

    name: ClassVar[str] = "cmis"
    page_kinds: ClassVar[tuple[str, ...]] = ("meeting", "meeting_list")
    hosts: ClassVar[tuple[str, ...]] = ("cmis.uk.com", "cmis")
    markers: ClassVar[tuple[str, ...]] = (
        "CMISMeeting",
        "ModCMIS",
        "CmisDocumentList",
        "cmis.uk.com",
        "Document.ashx",
        "MeetingCalendarPublic",
    )

    def blocks(self, page: Page) -> tuple[list[Block], dict[str, Any]]:
        """As the base; a month view's meeting links ("10:00 Planning Committee") become meetings."""
        blocks, hints = super().blocks(page)
        root = page.html_root()
        if hints.get("meetings") or root is None:
            return blocks, hints
        meetings = []
        placed = 0
        undated: list[str] = []
        for link in _MEETING_LINKS(root):
            text = text_of(link)
            m = _TIME_NAME.match(text)
            if m is None:
                continue
            rows = _ROW(link)
            day = text_of(_DAY(rows[0])[0]) if rows and _DAY(rows[0]) else ""
            date = find_date(day)
            href = link.get("href") or ""
            meetings.append(
                Meeting(
                    body=m.group("name"),
                    date=date,
                    time=find_time(m.group("time")),
                    url=join_url(page.url, href),
                )
            )
            placed += len(text)
            if date is None:
                undated.append(day)
        if meetings:
            hints["meetings"] = meetings
            hints["page_kind"] = "meeting_list"
            hints["structured_chars"] = hints.get("structured_chars", 0) + placed
        if undated:
            # Month views print "Monday, 1 June": the year is in the page's URL or form, not its text.
            page.warnings.append(
                f"{len(undated)} meeting(s) listed under days without a year ({undated[0]!r}): their dates are left empty"
            )
        return blocks, hints
