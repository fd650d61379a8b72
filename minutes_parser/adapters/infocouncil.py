"""InfoCouncil pages (Australia and New Zealand).

Page kinds: ``meeting_list`` (the ``grdMenu`` index of meetings, by year or
the front page) and ``meeting`` (HTML agendas and minutes, read by the
shared grammar: "RESOLUTION 2020/152 Moved: Cr X Seconded: Cr Y That Council
... CARRIED" gives a resolution and a vote; the resolution number is not an
item number). Dates are day-first ("14 Dec 2023"). Supplementary papers stay
separate rows with their printed names. Newer year views lay meetings out as
``div.meeting-row`` blocks (date, time, committee, location, papers) rather
than a grid; those rows are read too. Test pages:
``tests/corpus/infocouncil``; ``shared/raw/infocouncil`` is swept by the tests.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from lxml import etree

from ..blocks import clean
from ..dates import find_date, find_time
from ..decode import Page
from ..htmladapter import HtmlAdapter
from ..models import DocLink, Meeting
from ..urls import join_url

_ROW_CLASS = "meeting-row"
_FIELD = {
    name: etree.XPath(f"string(.//*[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')])")
    for name in ("meeting-date", "meeting-time", "meeting-title", "meeting-location")
}
_PAPERS = etree.XPath(".//a[@href and contains(@class, 'paper-link')]")
_PAPER_SIZE = re.compile(r"\((\d{1,6}(?:\.\d{1,3})?)\s*(KB|MB)\)", re.IGNORECASE)
_PAPER_FOR = re.compile(r"\s+for\s+\d{1,2}\s+\w+\s+\d{4}\b.*$", re.IGNORECASE)


class InfoCouncilAdapter(HtmlAdapter):
    """Reads InfoCouncil HTML pages."""

    name: ClassVar[str] = "infocouncil"
    page_kinds: ClassVar[tuple[str, ...]] = ("meeting_list", "meeting")
    url_kinds: ClassVar[dict[str, str]] = {"default.aspx": "meeting_list", "": "meeting_list"}
    hosts: ClassVar[tuple[str, ...]] = ("infocouncil",)
    markers: ClassVar[tuple[str, ...]] = ("grdMenu", "bpsGrid", "infocouncil", "RedirectToDoc.aspx", "bpsRowHeader")
    row_tags: ClassVar[frozenset[str]] = frozenset({"div"})

    def read_row(self, el: Any, page: Page) -> Meeting | None:
        """A ``div.meeting-row`` of a year view: date, time, committee, location and papers."""
        if _ROW_CLASS not in (el.get("class") or "").split():
            return None
        date = find_date(clean(str(_FIELD["meeting-date"](el))))
        body = clean(str(_FIELD["meeting-title"](el))) or None
        if date is None and body is None:
            return None
        docs = []
        for a in _PAPERS(el):
            label = clean(a.get("title") or "") or clean(a.text or "")
            size = _PAPER_SIZE.search(label)
            href = a.get("href") or ""
            docs.append(
                DocLink(
                    title=_PAPER_FOR.sub("", _PAPER_SIZE.sub("", label)).strip() or label,
                    url=join_url(page.url, href),
                    format="pdf" if ".pdf" in href.lower() else "html" if ".htm" in href.lower() else None,
                    size_bytes=int(float(size.group(1)) * (1024 if size.group(2).lower() == "kb" else 1024**2))
                    if size
                    else None,
                )
            )
        return Meeting(
            body=body,
            date=date,
            time=find_time(clean(str(_FIELD["meeting-time"](el)))),
            location=clean(str(_FIELD["meeting-location"](el))) or None,
            documents=tuple(docs),
        )
