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

import re
from typing import Any, ClassVar

from .. import registry
from ..blocks import Block, BlockKind, DocRef, clean
from ..chrome import mark_chrome
from ..decode import Page
from ..htmlblocks import is_doc_href
from ..registry import MAX_BLOCKS, BaseAdapter
from ..units import format_from_href
from ..urls import safe_href

URL_EVIDENCE = 0.3
"""A capture whose URL is a democracy system's page: strong evidence, not proof (the page
may be an error or a search form)."""
_BULLETS = "\u00b7\u2022\u25aa\u25cf\u2023\u2219\uf0b7\u25e6"

# Markdown, which crawlers and PDF converters write: its markup is read here, as an HTML
# adapter reads tags, and the grammar sees the words only.
_MD_SIGNS = ("**", "](", "\n#")
"""A page with none of these is plain text and is read as it stands."""
_MD_HEADING = re.compile(r"^#{1,6}\s+(?=\S)")
_MD_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__")
_MD_LINK = re.compile(r"!?\[([^\[\]\n]{0,300})\]\(\s*<?([^()\s<>]{1,2000})>?(?:\s+\"[^\"\n]{0,300}\")?\s*\)")
_MD_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")


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
        markdown = any(sign in page.text for sign in _MD_SIGNS)
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
                kind: BlockKind = "li" if text[:1] in _BULLETS else "para"
                href = None
                if markdown:
                    if _MD_RULE.match(text):
                        kind = "noise"  # a horizontal rule (a converter's page break)
                    else:
                        text, kind, href = _markdown(text, kind)
                    if not text:
                        continue
                block = Block(
                    kind=kind,
                    text=text,
                    line=number,
                    raw=raw.rstrip(),
                    gap=gap,
                    indent=len(raw) - len(stripped),
                )
                if href is not None:
                    doc = DocRef(title=text, href=href, format=format_from_href(href))
                    block = Block(kind="link", text=text, href=href, line=number, raw=raw.rstrip(), gap=gap, doc=doc)
                out.append(mark_chrome(block))
                gap = 0
        hints: dict[str, Any] = {}
        if page.url:
            url_kind = registry.url_kind(page.url)
            if url_kind:
                hints["fallback_kind"] = url_kind
        if rest.strip():
            hints["overflow"] = [rest]
        page.cache["text-blocks"] = (out, hints)
        return list(out), dict(hints)


def _markdown(text: str, kind: BlockKind) -> tuple[str, BlockKind, str | None]:
    """A Markdown line's words, its kind and, for a line that is one link to a document, its target.

    "## Minutes" is a heading; "**1.**" and "**Adoption of Minutes**" (a line in bold) are
    headings; "[Agenda](agenda.pdf)" is a document link; links and emphasis inside a
    line keep their words only.
    """
    heading = _MD_HEADING.match(text)
    if heading is not None:
        text, kind = text[heading.end() :], "heading"
    href = None
    if "](" in text:
        whole = _MD_LINK.fullmatch(text)
        if whole is not None and not text.startswith("!"):
            target = safe_href(whole.group(2))
            if target and is_doc_href(target):
                href = target
        text = _MD_LINK.sub(lambda m: "" if m.group(0).startswith("!") else m.group(1), text)  # an image is no text
    if "**" in text or "__" in text:
        bare = _MD_STRONG.sub(lambda m: m.group(1) or m.group(2), text)
        if bare != text and _MD_STRONG.sub("", text).strip(" :") == "" and kind == "para":
            kind = "heading"  # the whole line in bold
        text = bare
    return clean(text), kind, href
