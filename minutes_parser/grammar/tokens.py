"""Typed tokens: what the lexer says each block of a page is.

Every block an adapter emits is classified once into one or more tokens (a
line holding narrative and then "it was RESOLVED that ..." gives two). A token
names the rule that claimed it, so :func:`minutes_parser.explain` can show why
a line went where it did. Candidate item starts are kept apart
(:class:`Candidate`): whether a numbered line opens an item or is a numbered
paragraph is decided over the whole page by :mod:`.segment`.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import attrs


class Kind(str, enum.Enum):
    """What a token is."""

    ITEM = "item"
    """An agenda item starts here (from markup, or a numbering scheme chosen for the page)."""
    SECTION = "section"
    """A heading that opens a section of an item (resolutions, recommendations, minutes ...)."""
    LABEL = "label"
    """A "Label: value" line (Decision Maker:, Date:, Venue:, Present: ...)."""
    VOTE = "vote"
    """A mover, seconder, result or tally."""
    ACTION = "action"
    """Who must act ("ACTION: Clerk")."""
    CONTACT = "contact"
    """An officer's contact details."""
    DOCUMENT = "document"
    """A linked or listed document."""
    MEETING = "meeting"
    """A line naming the meeting (body, date, time, venue)."""
    PAGE_KIND = "page_kind"
    """A header naming the kind of page ("Agenda item", "Decision details")."""
    NOISE = "noise"
    """Page furniture: page numbers, navigation, running headers."""
    TEXT = "text"
    """Content no rule claimed: narrative, clause text, titles."""
    BREAK = "break"
    """The markup says the items end here (what follows belongs to the meeting)."""


@attrs.frozen(kw_only=True, slots=True)
class Token:
    """One classified piece of a block.

    >>> Token(kind=Kind.SECTION, rule="resolved", block=3, text="RESOLVED -", data={"section": "resolutions"}).kind
    <Kind.SECTION: 'section'>
    """

    kind: Kind
    """What the piece is."""
    rule: str | None
    """The rule that claimed it (None for plain text and structural blocks)."""
    block: int
    """Index of the block it came from."""
    text: str
    """The piece's text."""
    line: int | None = None
    """1-based line of the block (line on its page for PDFs)."""
    page: int | None = None
    """1-based page (PDFs), else None."""
    data: Mapping[str, Any] = attrs.field(factory=dict)
    """The fields the rule extracted (section, rest, number, owner, mover, ...)."""
    block_kind: str = "para"
    """The block's markup kind (heading, para, li, cell, link ...)."""


@attrs.frozen(kw_only=True, slots=True)
class Candidate:
    """A line that may open an agenda item under one numbering scheme."""

    block: int
    """Index of the block."""
    scheme: str
    """The numbering rule's name ("number-dot", "minute-code", ...)."""
    number: str | None
    """The printed number, normalised ("1. 1" → "1.1"), or None for unnumbered schemes."""
    key: tuple[int, ...]
    """Ordering key of the number ("5" < "5a" < "5.1" < "6")."""
    title: str
    """The title on the line ("" when it is on the next line)."""
    title_next: bool = False
    """The title is the next block's text."""
    titleness: float = 1.0
    """How much the title looks like a title (0..1)."""
    data: Mapping[str, Any] = attrs.field(factory=dict)
    """Other fields (a meeting's body and date on issue pages, a link ...)."""
