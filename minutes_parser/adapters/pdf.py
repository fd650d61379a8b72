"""PDF minutes, agendas, agenda packs and notices (any system that prints to PDF).

System: none in particular: ModernGov printed minutes and report packs,
Legistar, Granicus, CivicPlus and IQM2 agendas, Word exports, browser prints.
Page kinds, as far as the first page tells: ``minutes``, ``agenda``,
``agenda_pack`` (an agenda followed by the previous meeting's minutes) and
``notice`` (cancelled, adjourned or closed meetings). The layout work (reading
order, running headers, paragraphs, table rows) is :mod:`minutes_parser.pdf`;
each paragraph becomes a block with its page and the line on that page, and
the shared grammar reads the blocks. Needs the ``pdf`` extra
(``pip install 'minutes-parser[pdf]'``). Covered by ``tests/test_pdf.py``
(PDFs the tests write) and the real PDFs in ``../shared/corpus/pdf`` and
``../shared/raw2/pdf``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from ..blocks import Block
from ..decode import Page
from ..inputs import is_pdf
from ..registry import BaseAdapter

if TYPE_CHECKING:
    from ..pdf import PdfBlock

_HEAD_BLOCKS = 15
"""Blocks at the top of the first page that say what the document is."""
_TITLE_CHARS = 60
"""A block this short, or a heading, can be the document's title; longer ones are prose."""
_NOTICE_PAGES = 2
"""Notices (cancelled, adjourned, closed meetings) run to a page or two; longer
documents that mention a cancellation are agendas."""
_DATE_BLOCKS = 200
"""Blocks read for the date-order vote: the front of the document is enough."""

_I = re.compile
_NOTICE = _I(
    r"\b(?:cancel+(?:ed|ation)|notice\s+of\s+(?:adjournment|cancel|closed|special)|adjourned\s+meeting|closed\s+meeting)",
    re.I,
)
_MINUTES = _I(
    r"^\W*(?:draft\s+|unapproved\s+|approved\s+|summary\s+)?minutes\b|\bmeeting\s+report\b"
    r"|^\W*summary\s+of\b.{0,60}\bmeeting\b",
    re.I,
)
"""A title saying the document (or the part of a pack that starts here) is minutes."""
_APPROVAL = _I(
    r"\b(?:approv\w*|adopt\w*|confirm\w*|previous)\b.{0,30}\bminutes\b|\bminutes\s+of\s+the\s+(?:previous|last)\b", re.I
)
"""An agenda item about minutes ("Approval of Minutes", "Minutes of the previous meeting")."""
_AGENDA = _I(r"\bagenda\b|\bwill\s+be\s+held\b|\bsummons\b|\bnotice\s+of\s+meeting\b", re.I)
"""A title or summons saying the document is an agenda."""
_PRESENT = _I(r"^(?:present|members\s+present|in\s+attendance)\b", re.I)
_US_DATE = _I(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4}\b", re.I
)
_UK_DATE = _I(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{4}\b", re.I
)
_NUMERIC_DATE = _I(r"\b(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})\b")


class PdfAdapter(BaseAdapter):
    """Reads PDF bytes through the layout pass and the shared grammar."""

    name: ClassVar[str] = "pdf"
    page_kinds: ClassVar[tuple[str, ...]] = ("minutes", "agenda", "agenda_pack", "notice")

    def detect(self, page: Page) -> float:
        """1.0 for PDF bytes (``%PDF-`` within the first 1 KB), else 0."""
        return 1.0 if is_pdf(page.data) else 0.0

    def blocks(self, page: Page) -> tuple[list[Block], dict[str, Any]]:
        """One block per paragraph, heading or table row, with its page and line."""
        from ..pdf import PdfText, extract  # the layout pass loads when a PDF comes (its import costs 12 ms)

        text = page.cache.get("pdf")
        if not isinstance(text, PdfText):
            text = page.cache["pdf"] = extract(page.data)
        page.warnings.extend(text.warnings)
        blocks = [_block(b) for b in text.blocks]
        hints: dict[str, Any] = {"month_first": _month_first(text.blocks)}
        kind = _kind(text.blocks)
        if kind is not None:
            hints["fallback_kind"] = kind
        return blocks, hints


def _block(block: PdfBlock) -> Block:
    meta = {"indent": f"{block.indent:g}", "size": f"{block.size:g}"}
    if block.cells > 1:
        meta["cells"] = str(block.cells)
    if block.bold:
        meta["bold"] = "1"
    return Block(
        kind="heading" if block.heading else "para",
        text=block.text,
        line=block.line,
        raw=block.raw,
        page=block.page,
        meta=meta,
    )


def _kind(blocks: Sequence[PdfBlock]) -> str | None:
    """The document's kind as its first page and the tops of later pages tell, or None."""
    head = [b for b in blocks[:_HEAD_BLOCKS] if b.page == blocks[0].page] if blocks else []
    if not head:
        return None
    last_page = blocks[-1].page
    titles = [b.text for b in head if b.heading or len(b.text) <= _TITLE_CHARS]
    if last_page <= _NOTICE_PAGES and any(_NOTICE.search(b.text) for b in head):
        return "notice"
    minutes = any(_MINUTES.search(t) and not _APPROVAL.search(t) for t in titles)
    agenda = any(_AGENDA.search(t) for t in titles)
    if minutes and not agenda:
        return "minutes"
    if agenda:
        # An agenda pack: a later page opens with minutes, or with who was present.
        tops: dict[int, list[PdfBlock]] = {}
        for block in blocks:
            if block.page > head[0].page:
                tops.setdefault(block.page, []).append(block)
        for top in tops.values():
            if any(_MINUTES.search(b.text) and not _APPROVAL.search(b.text) for b in top[:3] if b.heading) or any(
                _PRESENT.match(b.text) for b in top[:8]
            ):
                return "agenda_pack"
        return "agenda"
    return "minutes" if minutes else None


def _month_first(blocks: Sequence[PdfBlock]) -> bool:
    """True when the document writes dates month first ("December 6, 2022", "12/13/2022")."""
    us = uk = 0
    for block in blocks[:_DATE_BLOCKS]:
        text = block.text
        if not any(ch.isdigit() for ch in text):
            continue
        us += len(_US_DATE.findall(text))
        uk += len(_UK_DATE.findall(text))
        for first, second in _NUMERIC_DATE.findall(text):
            if int(second) > 12 >= int(first):
                us += 1
            elif int(first) > 12 >= int(second):
                uk += 1
    return us > uk
