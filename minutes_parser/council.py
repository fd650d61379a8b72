"""The council a page belongs to, when the page names it.

The texts where a page names its council, most telling first: its site name
and title (from the markup), its first lines, its meeting bodies. The names
themselves are read by the grammar's council rules
(:mod:`minutes_parser.grammar.wording.councils`). A page that names none gets
None; the records then carry the site (the host) beside it, so rows can still
be grouped by where they came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .models import Document

HEADER_LINES = 30
"""Lines of a text page (or blocks of a PDF) read for a council line: the letterhead and title
block, before the agenda starts."""


def council_name(texts: Sequence[str]) -> str | None:
    """The first council name in ``texts`` (tried in order), or None."""
    from .grammar.wording.councils import council_name as read

    return read(texts)


def header_texts(doc: Document, root: Any = None, text: str | None = None, blocks: Sequence[str] = ()) -> list[str]:
    """Where a page names its council, most telling first: site name and title, first lines, bodies.

    >>> from minutes_parser.models import Document, Meeting
    >>> header_texts(Document(meetings=(Meeting(body="Des Moines City Council"),)), text="MINUTES\\n")
    ['MINUTES', 'Des Moines City Council']
    """
    out: list[str] = []
    if root is not None:
        for path in ("//meta[@property='og:site_name']/@content", "//title//text()", "//h1//text()"):
            try:
                found = root.xpath(path)
            except Exception:  # a damaged tree names no council
                found = []
            out.extend(str(v) for v in found[:3] if str(v).strip())
    if text is not None and root is None:
        out.extend(line for line in text.splitlines()[:HEADER_LINES] if line.strip())
    out.extend(blocks[:HEADER_LINES])
    if doc.title:
        out.append(doc.title)
    out.extend(m.body for m in doc.meetings if m.body)
    out.extend(i.meeting.body for i in doc.items if i.meeting is not None and i.meeting.body)
    out.extend(b.name for b in doc.bodies if b.name)
    return out
