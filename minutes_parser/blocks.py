"""The neutral block stream every adapter produces and the grammar reads.

An adapter knows markup; the grammar knows how minutes are written. Between
them sits this list of blocks: headings, paragraphs, list items, table cells
and links, each with its text (NFC, whitespace collapsed) and the line it came
from. Adapters may also emit ``item`` blocks when the markup itself marks where
an agenda item starts (a table row), carrying the printed number and title.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Literal

import attrs

BlockKind = Literal["heading", "para", "li", "cell", "link", "item", "break"]

_SPACE = re.compile(r"[\s\u00a0\u200b\u2002-\u200a\u202f\u205f\u3000\ufeff]+")


def clean(text: str) -> str:
    """NFC-normalise and collapse whitespace (``&nbsp;`` included)."""
    if not text:
        return ""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    return _SPACE.sub(" ", text).strip()


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
    """1-based source line."""
    href: str | None = None
    """Link target, for ``link`` blocks."""
    raw: str | None = None
    """The text before whitespace collapsing, when its spacing carries meaning."""
    meta: Mapping[str, str] = attrs.field(factory=dict)
    """Adapter hints: ``number``/``title`` of an item, ``size`` of a link, ``label``..."""
    page: int | None = None
    """1-based page of a paged source (PDF); ``line`` is then the line on that page."""
