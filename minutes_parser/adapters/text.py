"""Plain-text captures of democracy pages (what crawls and copy-paste keep).

System: any (ModernGov "Issue - meetings", "Agenda item", "Decision details",
"Issue - decisions" and meeting pages; CMIS; InfoCouncil agendas and minutes;
Legistar; eSCRIBE; parish and town council minutes; text extracted from PDFs).
Each non-blank line becomes a block, with the empty lines before it counted
(a run of them can stand where a capture lost a heading) and its indentation
kept; the shared grammar does the rest. A capture whose URL names a democracy
system counts that as evidence, and the system's page name gives the page
kind ("mgAi.aspx": an agenda item). Covered by the text folders of the labelled
corpus (``shared/corpus/text*``) and ``tests/pages/*.txt``.
"""

from __future__ import annotations

from typing import Any, ClassVar

from .. import registry
from ..blocks import Block, clean
from ..chrome import mark_chrome
from ..decode import Page
from ..registry import MAX_BLOCKS, BaseAdapter

URL_EVIDENCE = 0.3
"""A capture whose URL is a democracy system's page: strong evidence, not proof (the page
may be an error or a search form)."""
_BULLETS = "\u00b7\u2022\u25aa\u25cf\u2023\u2219\uf0b7\u25e6"


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
        """The page's democracy evidence, plus the URL when it names a democracy system."""
        if page.looks_like_markup or page.json_data() is not None:
            return 0.0
        # The grammar compiles its rules on first use, not when the package is imported.
        from ..grammar.evidence import SCAN_BLOCKS, democracy_evidence
        from ..grammar.lexer import lex

        blocks, _ = self.blocks(page)
        lexed = lex(blocks[:SCAN_BLOCKS])
        if len(blocks) <= SCAN_BLOCKS:
            page.cache["lexed"] = lexed  # the whole page: parse reuses it
        evidence = democracy_evidence(blocks, lexed)
        page.cache["evidence"] = evidence
        score = evidence.score
        if page.url and registry.url_system(page.url):
            score += URL_EVIDENCE
        return min(score, 1.0)

    def blocks(self, page: Page) -> tuple[list[Block], dict[str, Any]]:
        """One block per non-blank line; bullets become list items; blank lines before each are counted."""
        cached = page.cache.get("text-blocks")
        if cached is not None:
            again = dict(cached[1])
            if "lexed" in page.cache:
                again["lexed"] = page.cache["lexed"]
            return list(cached[0]), again
        out: list[Block] = []
        gap = 0
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
                    if not raw.strip("\r"):
                        gap += 1
                    continue
                stripped = raw.lstrip()
                bullet = text[:1] in _BULLETS
                out.append(
                    mark_chrome(
                        Block(
                            kind="li" if bullet else "para",
                            text=text,
                            line=number,
                            raw=raw.rstrip(),
                            gap=gap,
                            indent=len(raw) - len(stripped),
                        )
                    )
                )
                gap = 0
        hints: dict[str, Any] = {}
        if page.url:
            kind = registry.url_kind(page.url)
            if kind:
                hints["fallback_kind"] = kind
        if rest.strip():
            hints["overflow"] = [rest]
        page.cache["text-blocks"] = (out, hints)
        return list(out), dict(hints)
