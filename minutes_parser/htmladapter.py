"""The common work of HTML adapters: detect by URL and markers, render, read grids.

An HTML adapter declares its system's page names, host and markup markers;
this base renders the page's content to the neutral block stream for the
shared grammar and reads calendar, legislation and member grids by their
headers (:mod:`minutes_parser.grids`).
"""

from __future__ import annotations

from typing import Any, ClassVar
from urllib.parse import urlparse

from lxml import etree

from .blocks import Block, clean
from .decode import Page
from .grids import grid_history, grid_items, grid_meetings, grid_people, is_calendar_widget, read_grid, unread_cells
from .htmlblocks import Renderer, outside_content, raw_text
from .models import AgendaItem, Meeting, Person
from .registry import BaseAdapter

_BODY = etree.XPath("//body")
MARKER_SCORE = 0.35
"""Confidence one system marker in the markup adds."""
MARKERS_CAP = 0.9
"""Most confidence markers alone give (a URL on the system's host adds the rest)."""
_ENOUGH_MARKERS = 3
"""Markers past this many add nothing (3 x MARKER_SCORE is over MARKERS_CAP): the count stops there."""


class HtmlAdapter(BaseAdapter):
    """Base for adapters of HTML systems; subclasses only declare."""

    url_kinds: ClassVar[dict[str, str]] = {}
    """Lower-case page name ("calendar.aspx") → page kind."""
    hosts: ClassVar[tuple[str, ...]] = ()
    """Host fragments that name the system ("legistar.com")."""
    markers: ClassVar[tuple[str, ...]] = ()
    """Strings in the markup that name the system (class names, scripts)."""
    month_first: ClassVar[bool] = False
    """True for US dates."""
    content: ClassVar[tuple[etree.XPath, ...]] = ()
    """Where the content is, tried in order; the body otherwise."""
    list_kind: ClassVar[str] = "meeting_list"
    """Page kind when the page is a grid of meetings."""
    row_tags: ClassVar[frozenset[str]] = frozenset()
    """Tags besides ``table`` offered to :meth:`read_row` (systems that lay lists out in divs)."""

    def read_row(self, el: Any, page: Page) -> Meeting | None:
        """A meeting from a list row that is not a table (``row_tags``), else None."""
        return None

    def url_kind(self, url: str) -> str | None:
        """The page kind this system's page name gives, when the URL is on this system's host."""
        try:
            parsed = urlparse(url)
        except ValueError:
            return None
        if self.hosts and not any(h in parsed.netloc.lower() for h in self.hosts):
            return None
        name = parsed.path.rsplit("/", 1)[-1].lower()
        return self.url_kinds.get(name) if name else None

    def detect(self, page: Page) -> float:
        """Page name and host in the URL; markers in the markup's top (:attr:`Page.window`). HTML only."""
        if not page.looks_like_markup or page.xml_document:
            return 0.0
        score = 0.0
        if page.url:
            try:
                parsed = urlparse(page.url)
            except ValueError:
                parsed = None
            if parsed is not None:
                if any(h in parsed.netloc.lower() for h in self.hosts):
                    score += 0.5
                if parsed.path.rsplit("/", 1)[-1].lower() in self.url_kinds:
                    score += 0.3
        hits = page.count_markers(self.markers, _ENOUGH_MARKERS)
        score += min(MARKERS_CAP, MARKER_SCORE * hits)
        return min(score, 0.95)

    def blocks(self, page: Page) -> tuple[list[Block], dict[str, Any]]:
        """Render the content; grids become meetings, items or people."""
        root = page.html_root()
        if root is None:
            return [], {}
        content = None
        for path in self.content:
            found = path(root)
            if isinstance(found, list) and found:
                content = found[0]
                break
        if content is None:
            bodies = _BODY(root)
            content = bodies[0] if bodies else root
        meetings: list[Meeting] = []
        items: list[AgendaItem] = []
        people: list[Person] = []
        structured = [0]
        unread: list[str] = []
        read_as: list[tuple[str, Any]] = []
        base = page.url
        month_first = self.month_first

        def on_element(el: Any, out: Renderer) -> bool:
            if not isinstance(el.tag, str):
                return False
            if el.tag in self.row_tags:
                meeting = self.read_row(el, page)
                if meeting is None:
                    return False
                meetings.append(meeting)
                structured[0] += len(raw_text(el).strip())
                read_as.append(("meeting list row", el))
                return True
            if el.tag.lower() != "table":
                return False
            grid = read_grid(el)
            if grid is None:
                return False
            if is_calendar_widget(grid):
                read_as.append(("noise (calendar widget)", el))
                return True
            found_items = grid_history(grid, base=base, month_first=month_first)
            found_meetings = [] if found_items else grid_meetings(grid, base=base, month_first=month_first)
            if not (found_items or found_meetings):
                found_items = grid_items(grid, base=base, month_first=month_first)
            found_people = [] if found_meetings or found_items else grid_people(grid, base=base)
            if not (found_meetings or found_items or found_people):
                return False
            meetings.extend(found_meetings)
            items.extend(found_items)
            people.extend(found_people)
            cells = unread_cells(grid)
            unread.extend(cells)
            structured[0] += len(raw_text(el).strip()) - sum(len(c) for c in cells)
            read_as.append(("meetings" if found_meetings else "items" if found_items else "people", el))
            return True

        blocks = Renderer(on_element, frozenset({"table"}) | self.row_tags).render(content)
        hints: dict[str, Any] = {
            "meetings": meetings,
            "items": items,
            "people": people,
            "month_first": month_first,
            "structured_chars": structured[0],
            "unread": unread,
            "set_aside": lambda: outside_content(root, content) + [(where, clean(" ".join(el.itertext()))) for where, el in read_as],
        }
        kind = self.url_kinds.get(urlparse(page.url).path.rsplit("/", 1)[-1].lower()) if page.url else None
        if kind:
            hints["page_kind"] = kind
        elif meetings and not items:
            hints["page_kind"] = self.list_kind
        elif items and not meetings:
            hints["page_kind"] = "matter_list"
        elif people and not (meetings or items):
            hints["page_kind"] = "people"
        return blocks, hints
