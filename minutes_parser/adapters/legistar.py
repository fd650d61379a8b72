"""Legistar HTML pages (Granicus), used by US cities and counties.

Page kinds: ``meeting_list`` (Calendar.aspx), ``matter_list``
(Legislation.aspx), ``meeting`` (MeetingDetail.aspx), ``matter``
(LegislationDetail.aspx with its history grid) and ``people`` (People.aspx).
Grids are read by their header words; dates are US month-first; the
mini-calendar widget's day links are not meetings (its grid has no date and
name columns). Test pages: ``tests/corpus/legistar``; the Legistar pages in
``shared/raw/legistar`` are swept by the tests.
"""

from __future__ import annotations

from typing import ClassVar

from lxml import etree

from ..htmladapter import HtmlAdapter


class LegistarAdapter(HtmlAdapter):
    """Reads Legistar HTML pages."""

    name: ClassVar[str] = "legistar"
    page_kinds: ClassVar[tuple[str, ...]] = ("meeting_list", "matter_list", "meeting", "matter", "people")
    url_kinds: ClassVar[dict[str, str]] = {
        "calendar.aspx": "meeting_list",
        "legislation.aspx": "matter_list",
        "meetingdetail.aspx": "meeting",
        "legislationdetail.aspx": "matter",
        "people.aspx": "people",
        "departments.aspx": "body_list",
    }
    hosts: ClassVar[tuple[str, ...]] = ("legistar.com", "legistar1.com")
    markers: ClassVar[tuple[str, ...]] = (
        "rgMasterTable",
        "legistar.com",
        "ctl00_ContentPlaceHolder1",
        "LegislationDetail.aspx",
        "MeetingDetail.aspx",
        "Legistar",
    )
    month_first: ClassVar[bool] = True
    content: ClassVar[tuple[etree.XPath, ...]] = (
        etree.XPath("id('ctl00_divMiddle')"),  # the parser's ID table: no walk over the page
        etree.XPath("id('ctl00_ContentPlaceHolder1_divContent')"),
    )
