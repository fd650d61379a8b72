"""Last resort: council pages of unknown systems (parish minutes, a CMS minutes page).

System: none in particular. The page is rendered to lines and read by the
shared grammar alone: meeting metadata, numbered items, resolutions and
actions from the text. Confidence is capped below every specific adapter's,
so any of them wins; pages without the wording of minutes (news articles,
"how to find our minutes" pages) score below the threshold and are refused.
"""

from __future__ import annotations

from typing import Any, ClassVar

import attrs
from lxml import etree

from .. import registry
from ..blocks import Block
from ..decode import Page
from ..grids import grid_meetings, is_calendar_widget, read_grid
from ..htmlblocks import Renderer, text_of
from ..models import Meeting
from ..registry import BaseAdapter
from .text import URL_EVIDENCE

_CONTENT = (
    etree.XPath("//main"),
    etree.XPath("//article"),
    # The first element with one of these ids (the parser's ID table) or role="main", in document order.
    etree.XPath("id('content main-content main') | //*[@role='main']"),
    etree.XPath("//body"),
)
_H1 = etree.XPath(".//h1")
_ROWS = etree.XPath("./tr|./thead/tr|./tbody/tr")
_CELLS = etree.XPath("./td|./th")
HEADER_WORDS = 3
"""A column header is a word or two ("Action", "Minute No."); longer first-row cells are content."""


def _headed_table(table: Any, out: Renderer) -> bool:
    """A table whose first row names its columns ("| | Action"): each cell below is rendered with its
    column's header in ``meta["column"]``, so the grammar can read "Clerk" under "Action" as an action."""
    rows = _ROWS(table)
    if len(rows) < 2:
        return False
    headers = [text_of(c) for c in _CELLS(rows[0])]
    if not any(headers) or any(len(h.split()) > HEADER_WORDS or any(ch.isdigit() for ch in h) for h in headers):
        return False
    out.emit(Block(kind="noise", text=" | ".join(h for h in headers if h), meta={"table": "header"}))
    for row in rows[1:]:
        for index, cell in enumerate(_CELLS(row)):
            before = len(out.blocks)
            out.walk(cell)
            out.flush()
            column = headers[index] if index < len(headers) else ""
            if column:
                out.blocks[before:] = [attrs.evolve(b, meta={**b.meta, "column": column}) for b in out.blocks[before:]]
    return True
_CAP = 0.55


class GenericAdapter(BaseAdapter):
    """Reads any HTML page through the shared grammar."""

    name: ClassVar[str] = "generic"
    page_kinds: ClassVar[tuple[str, ...]] = ("meeting", "agenda_item", "decision", "meeting_list")
    fallback: ClassVar[bool] = True

    def detect(self, page: Page) -> float:
        """The grammar's democracy cues over the rendered lines, capped low."""
        if not page.looks_like_markup:
            return 0.0
        blocks, _ = self._render(page)
        from ..grammar.evidence import SCAN_BLOCKS, democracy_evidence  # compiled on first use
        from ..grammar.lexer import lex

        lexed = lex(blocks[:SCAN_BLOCKS])
        if len(blocks) <= SCAN_BLOCKS:
            page.cache["lexed"] = lexed  # the whole page: parsing reuses it
        evidence = democracy_evidence(blocks, lexed)
        page.cache["evidence"] = evidence
        score = evidence.score
        if page.url and registry.url_system(page.url):
            score += URL_EVIDENCE  # a democracy system's page saved without its system's markup
        return min(score, _CAP)

    def blocks(self, page: Page) -> tuple[list[Block], dict[str, Any]]:
        """The rendered main content; meeting grids become meetings."""
        blocks, meetings = self._render(page)
        hints: dict[str, Any] = {"meetings": meetings}
        title = page.cache.get("generic-title")
        if title:
            hints["title"] = title
        if "lexed" in page.cache:
            hints["lexed"] = page.cache["lexed"]
        return list(blocks), hints

    def _render(self, page: Page) -> tuple[list[Block], list[Meeting]]:
        cached = page.cache.get("generic")
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        root = page.html_root()
        result: tuple[list[Block], list[Meeting]] = ([], [])
        if root is not None:
            content = root
            for path in _CONTENT[:-1]:
                found = path(root)
                if isinstance(found, list) and found:
                    content = found[0]
                    # The main content's own heading is the page's title (the post, not the site).
                    heading = _H1(content)
                    if isinstance(heading, list) and heading:
                        page.cache["generic-title"] = text_of(heading[0]) or None
                    break
            else:
                found = _CONTENT[-1](root)
                if isinstance(found, list) and found:
                    content = found[0]
            meetings: list[Meeting] = []

            def on_element(el: Any, out: Renderer) -> bool:
                if not isinstance(el.tag, str) or el.tag.lower() != "table":
                    return False
                grid = read_grid(el)
                if grid is not None and is_calendar_widget(grid):
                    return True
                found_meetings = grid_meetings(grid, base=page.url) if grid is not None else []
                meetings.extend(found_meetings)
                return bool(found_meetings) or _headed_table(el, out)

            result = (Renderer(on_element).render(content), meetings)
        page.cache["generic"] = result
        return result
