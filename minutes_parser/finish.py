"""The last step of every parse: fixed vocabularies, ids, site and council.

Adapters (and the grammar behind them) say what the page prints; this step,
run by :func:`minutes_parser.parse` on every adapter's result, adds what is
derived from it: the vocabularies of :mod:`minutes_parser.vocab`, the system
and deterministic ids of :mod:`minutes_parser.ids`, and the council the page
names (:mod:`minutes_parser.council`). Keeping it here keeps the grammar about
wording and gives every adapter, built-in or a third party's, the same result.

>>> from minutes_parser.decode import Page
>>> from minutes_parser.models import Document, Meeting, Source
>>> page = Page(b"x", url="https://d.example.gov.uk/ieListDocuments.aspx?MId=7")
>>> doc = Document(source=Source(url=page.url, adapter="text", page_kind="meeting"),
...                meetings=(Meeting(body="Cabinet", status="Cancelled"),))
>>> out = finish(doc, page)
>>> out.meetings[0].status, out.meetings[0].status_text, out.meetings[0].id
('cancelled', 'Cancelled', 'd.example.gov.uk/meeting/7')
"""

from __future__ import annotations

import hashlib
from typing import Any

from . import council, ids, vocab
from .decode import Page
from .models import Document

_TREELESS = frozenset({"moderngov-xml", "legistar-api", "pdf", "text"})
"""Adapters whose pages have no HTML tree worth reading for links and titles."""


def finish(doc: Document, page: Page) -> Document:
    """``doc`` with fixed vocabularies, system and deterministic ids, site and council filled."""
    doc = vocab.normalise(doc)
    root: Any = None
    if doc.source.adapter not in _TREELESS and page.looks_like_markup:
        root = page.html_root()
    digest = hashlib.sha256(page.data).hexdigest()
    text = page.text if root is None and doc.source.adapter == "text" else None
    blocks: list[str] = []
    pdf_text = page.cache.get("pdf")
    if pdf_text is not None:
        blocks = [b.text for b in getattr(pdf_text, "blocks", ())[: council.HEADER_LINES]]
    name = council.council_name(council.header_texts(doc, root, text, blocks))
    doc = ids.with_source(doc, digest=digest, council=name)
    return ids.identify(doc, root)
