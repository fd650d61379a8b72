"""Last resort: council pages of unknown systems (parish minutes, a CMS minutes page).

System: none in particular. The page is rendered to lines and read by the
shared grammar alone: meeting metadata, numbered items, resolutions and
actions from the text. Confidence is capped below every specific adapter's,
so any of them wins; pages without the wording of minutes (news articles,
"how to find our minutes" pages) score below the threshold and are refused.
"""

from __future__ import annotations

from typing import Any, ClassVar

from lxml import etree

from ..blocks import Block
from ..decode import Page
from ..grids import grid_meetings, is_calendar_widget, read_grid
from ..htmlblocks import Renderer
from ..models import Meeting
from ..registry import BaseAdapter

_CONTENT = (
    etree.XPath("//main"),
    etree.XPath("//article"),
    # The first element with one of these ids (the parser's ID table) or role="main", in document order.
    etree.XPath("id('content main-content main') | //*[@role='main']"),
    etree.XPath("//body"),
)
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
        return min(evidence.score, _CAP)

    def blocks(self, page: Page) -> tuple[list[Block], dict[str, Any]]:
        """The rendered main content; meeting grids become meetings."""
        blocks, meetings = self._render(page)
        hints: dict[str, Any] = {"meetings": meetings}
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
            for path in _CONTENT:
                found = path(root)
                if isinstance(found, list) and found:
                    content = found[0]
                    break
            meetings: list[Meeting] = []

            def on_element(el: Any, out: Renderer) -> bool:
                if not isinstance(el.tag, str) or el.tag.lower() != "table":
                    return False
                grid = read_grid(el)
                if grid is not None and is_calendar_widget(grid):
                    return True
                found_meetings = grid_meetings(grid, base=page.url) if grid is not None else []
                meetings.extend(found_meetings)
                return bool(found_meetings)

            result = (Renderer(on_element).render(content), meetings)
        page.cache["generic"] = result
        return result
