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

from typing import TYPE_CHECKING, Any, ClassVar

from ..blocks import Block
from ..decode import Page
from ..inputs import is_pdf
from ..registry import BaseAdapter

if TYPE_CHECKING:
    from ..pdf import PdfBlock


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
        removed = text.removed
        # A printed document: the grammar reads its kind and its date order from its words.
        # The running headers and footers taken out are reported in a trace.
        return blocks, {"printed": True, "set_aside": lambda: [(f"chrome ({r.reason})", r.text) for r in removed]}


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
