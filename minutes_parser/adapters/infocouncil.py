"""InfoCouncil pages (Australia and New Zealand).

Page kinds: ``meeting_list`` (the ``grdMenu`` index of meetings, by year or
the front page) and ``meeting`` (HTML agendas and minutes, read by the
shared grammar: "RESOLUTION 2020/152 Moved: Cr X Seconded: Cr Y That Council
... CARRIED" gives a resolution and a vote; the resolution number is not an
item number). Dates are day-first ("14 Dec 2023"). Supplementary papers stay
separate rows with their printed names. Test pages:
``tests/corpus/infocouncil``; ``shared/raw/infocouncil`` is swept by the tests.
"""

from __future__ import annotations

from typing import ClassVar

from ..htmladapter import HtmlAdapter


class InfoCouncilAdapter(HtmlAdapter):
    """Reads InfoCouncil HTML pages."""

    name: ClassVar[str] = "infocouncil"
    page_kinds: ClassVar[tuple[str, ...]] = ("meeting_list", "meeting")
    url_kinds: ClassVar[dict[str, str]] = {"default.aspx": "meeting_list", "": "meeting_list"}
    hosts: ClassVar[tuple[str, ...]] = ("infocouncil",)
    markers: ClassVar[tuple[str, ...]] = ("grdMenu", "bpsGrid", "infocouncil", "RedirectToDoc.aspx", "bpsRowHeader")
