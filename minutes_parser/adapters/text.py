"""Plain-text captures of democracy pages (what crawls and copy-paste keep).

System: any (ModernGov "Issue - meetings", "Agenda item", "Decision details",
"Issue - decisions", meeting pages; InfoCouncil agendas and minutes; eSCRIBE
minutes; parish council minutes). Each non-blank line becomes a block; the
shared grammar does the rest. Covered by ``tests/corpus/seeds`` and
``tests/corpus/text``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from ..blocks import Block, clean
from ..decode import Page
from ..grammar.rules import democracy_score
from ..registry import MAX_BLOCKS, BaseAdapter


class TextAdapter(BaseAdapter):
    """Reads plain-text captures line by line."""

    name: ClassVar[str] = "text"
    page_kinds: ClassVar[tuple[str, ...]] = (
        "agenda_item",
        "issue_history",
        "issue_decisions",
        "decision",
        "meeting",
    )

    def detect(self, page: Page) -> float:
        """Score line-start cues; markup and JSON are not text captures."""
        if page.looks_like_markup or page.json_data() is not None:
            return 0.0
        return democracy_score(page.text[:20000])

    def blocks(self, page: Page) -> tuple[list[Block], dict[str, Any]]:
        """One block per non-blank line; bullets become list items."""
        out: list[Block] = []
        number = 0
        # Split lazily (at most MAX_BLOCKS pieces) so a page of millions of tiny
        # lines never becomes millions of strings; the rest goes over whole.
        pieces = page.text.split("\n", MAX_BLOCKS)
        rest = pieces.pop() if len(pieces) > MAX_BLOCKS else ""
        for piece in pieces:
            for raw in piece.splitlines() or [""]:
                number += 1
                text = clean(raw)
                if not text:
                    continue
                bullet = text[:1] in "\u00b7\u2022\u25aa\u25cf\u2023\u2219\uf0b7"
                out.append(Block(kind="li" if bullet else "para", text=text, line=number, raw=raw.rstrip()))
        return out, {"overflow": [rest]} if rest.strip() else {}
