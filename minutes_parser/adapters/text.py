"""Plain-text captures of democracy pages (what crawls and copy-paste keep).

System: any (ModernGov "Issue - meetings", "Agenda item", "Decision details",
"Issue - decisions", meeting pages; InfoCouncil agendas and minutes; eSCRIBE
minutes; parish council minutes). Each non-blank line becomes a block; the
shared grammar does the rest. Covered by ``tests/corpus/seeds`` and
``tests/corpus/text``.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from ..blocks import Block, clean
from ..decode import Page
from ..registry import BaseAdapter

# Line-start cues of democracy pages, with weights. News articles report
# decisions in prose; democracy pages carry these labels and headings.
_CUES: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE | re.MULTILINE), weight)
    for pattern, weight in (
        (r"^\s*(?:agenda item|issue - meetings|issue - decisions|decision details|issue details)\s*$", 0.6),
        (r"^\s*agenda(?:, decisions)?(?: and (?:draft )?(?:minutes|decisions))\s*$", 0.6),
        (r"^\s*meeting:\s*\d{1,2}/\d{1,2}/\d{4}\s*-.*\(item\s", 0.6),
        (r"^\s*\d{1,2}/\d{1,2}/\d{4}\s+-\s+\S", 0.25),
        (r"^\s*no\.\s+item\s*$", 0.4),
        (r"^\s*minutes\s*:", 0.35),
        (r"^\s*decisions?\s*(?::-|:)", 0.3),
        (r"^\s*(?:the\s+\w+\s+)?resolved\b", 0.35),
        (r"^\s*(?:recommended|recommendations?)\s*[:\-\u2013]", 0.3),
        (r"^\s*decision maker\s*:", 0.4),
        (r"^\s*(?:date of decision|decided at meeting|publication date)\s*:", 0.3),
        (r"^\s*(?:reference number|decision|subject of decision)\s*:-", 0.3),
        (r"^\s*(?:venue|contact)\s*:", 0.15),
        (r"^\s*notice of meeting", 0.4),
        (r"^\s*minutes (?:of|from)\b.{0,120}\bmeeting\b", 0.4),
        (r"^\s*(?:council\s+)?meeting\s+minutes\s*$", 0.4),
        (r"^\s*(?:\d{1,4}\.?\s+)?apologies(?: for absence)?\b", 0.2),
        (r"^\s*(?:\d{1,4}\.?\s+)?declarations? of (?:interest|pecuniary)", 0.2),
        (r"^\s*(?:members |councillors )?present\s*:", 0.2),
        (r"^\s*in attendance\s*:", 0.15),
        (r"^\s*item\s*-\s*\d+\s", 0.3),
        (r"^\s*(?:\u2022\s*)?moved by\s*:", 0.3),
        (r"^\s*supporting documents\s*:", 0.2),
        (r"^\s*action\s*:", 0.15),
        (r"^\s*table of contents\s*$", 0.1),
        (
            r"^\s*(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+,?\s+\d{4},?\s+\d{1,2}[.:]\d{2}\s*[ap]\.?m",
            0.35,
        ),
        (r"^\s*no documents are available for this meeting", 0.3),
    )
)


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
        head = page.text[:20000]
        score = 0.0
        for pattern, weight in _CUES:
            if pattern.search(head):
                score += weight
        return min(score, 1.0)

    def blocks(self, page: Page) -> tuple[list[Block], dict[str, Any]]:
        """One block per non-blank line; bullets become list items."""
        out: list[Block] = []
        for number, raw in enumerate(page.text.splitlines(), start=1):
            text = clean(raw)
            if not text:
                continue
            bullet = text[:1] in "\u00b7\u2022\u25aa\u25cf\u2023\u2219\uf0b7"
            out.append(Block(kind="li" if bullet else "para", text=text, line=number, raw=raw.rstrip()))
        return out, {}
