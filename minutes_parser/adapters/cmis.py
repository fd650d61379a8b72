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

from typing import ClassVar

from ..htmladapter import HtmlAdapter


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
