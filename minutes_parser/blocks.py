"""The neutral block stream every adapter produces and the grammar reads.

An adapter knows markup; the grammar knows how minutes are written. Between
them sits this list of blocks: headings, paragraphs, list items, table cells
and links, each with its text (NFC, whitespace collapsed) and where it came
from. Where the markup itself already says what something is, the adapter
says so with a structural block instead of writing words for the grammar to
read back:

- ``item``: an agenda item starts here (a table row of an agenda); ``meta``
  holds what the markup gave: ``number``, ``title``, ``href``, ``date``,
  ``body``, ``declaration_count``; ``doc`` the item's own document link.
- ``section``: a section of an item starts here (``meta["section"]``:
  "decision", "minutes" ...), as a web service's named element says.
- ``link``: a document link, with its format and size when the markup shows them.
- ``break``: the items end here; what follows belongs to the meeting.
- ``noise``: page furniture the markup marks as such (navigation, running heads).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Literal

import attrs

BlockKind = Literal["heading", "para", "li", "cell", "link", "item", "section", "break", "noise"]
STRUCTURAL = frozenset({"item", "section", "break", "noise"})
"""Block kinds that carry no text for the grammar to read."""

_SPACE = re.compile(r"[\s\u00a0\u200b\u2002-\u200a\u202f\u205f\u3000\ufeff]+")
"""Whitespace: what ``str.split()`` splits on (the ``\\s`` of a text pattern), and the zero-width
space and byte-order mark, which it does not."""


def clean(text: str) -> str:
    """NFC-normalise and collapse whitespace (``&nbsp;`` included).

    >>> clean(" Item\u00a0 1\u200b\\tBudget ")
    'Item 1 Budget'
    """
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if "\u200b" in text or "\ufeff" in text:
            text = text.replace("\u200b", " ").replace("\ufeff", " ")
    return " ".join(text.split())


CLEAN_CHUNK = 1 << 20
"""Characters :func:`clean_large` collapses at a time: a substitution keeps a list of every piece
it makes until it joins them, eight bytes a piece, so a text of millions of short lines collapsed
whole would take many times its own size."""


def clean_large(text: str) -> str:
    """:func:`clean` for very long text, piece by piece, in memory about the text's own size.

    >>> clean_large("a \\n  b\\n\\n c ") == clean("a \\n  b\\n\\n c ")
    True
    """
    if len(text) <= CLEAN_CHUNK:
        return clean(text)
    parts: list[str] = []
    start, size = 0, len(text)
    while start < size:
        end = min(start + CLEAN_CHUNK, size)
        if end < size:
            run = _SPACE.search(text, end)  # cut after the next run of white space, never inside a word
            end = run.end() if run is not None else size
        piece = text[start:end]
        if not piece.isascii():
            piece = unicodedata.normalize("NFC", piece)
        parts.append(_SPACE.sub(" ", piece))
        start = end
    return "".join(parts).strip()


@attrs.frozen(kw_only=True, slots=True)
class DocRef:
    """A document the markup links, with what the markup says about it."""

    title: str = ""
    """The link's text (without any size printed inside the link)."""
    href: str | None = None
    """The link target as written."""
    format: str | None = None
    """Lower-case file type, when the markup shows it."""
    size_bytes: int | None = None
    """Size in bytes, when the markup shows it."""


@attrs.frozen(kw_only=True, slots=True)
class Block:
    """One unit of page content.

    >>> Block(kind="para", text="Resolved -", line=3).text
    'Resolved -'
    """

    kind: BlockKind = "para"
    """What the markup (or the line's shape) says this is."""
    text: str = ""
    """Cleaned text."""
    line: int | None = None
    """1-based source line (the line on its page, for PDFs)."""
    page: int | None = None
    """1-based page, for paged documents (PDF)."""
    href: str | None = None
    """Link target, for ``link`` blocks."""
    raw: str | None = None
    """The text before whitespace collapsing, when its spacing carries meaning."""
    gap: int = 0
    """Empty lines just before this block (text captures): a run of them can stand
    where a heading was lost."""
    indent: int = 0
    """Leading spaces (text) or indentation level (PDF) of the block."""
    doc: DocRef | None = None
    """For ``link`` and ``item`` blocks: the linked document."""
    meta: Mapping[str, str] = attrs.field(factory=dict)
    """Structural facts the markup gives (see the module docstring)."""
