"""The wording registry: every way minutes are written, as named rules in ordered families.

Each family is a :class:`~minutes_parser.grammar.ruler.Ruler`; the lexer asks
them in the order of :data:`FAMILIES`. To add a wording, add a rule (with its
examples) to its family; to change the order, insert it before or after
another; to switch one off, ``disable`` it.

>>> from minutes_parser.grammar.wording import SECTION
>>> SECTION.first("RESOLVED that the report be noted.")[1]["rest"]
'that the report be noted.'
"""

from __future__ import annotations

from ..ruler import Rule, Ruler
from .actions import ACTION
from .contacts import CONTACT
from .councils import COUNCIL
from .documents import DOCUMENT
from .furniture import NOISE, PAGE_KIND
from .labels import LABEL
from .lookalike import LOOKALIKE
from .meetings import MEETING
from .numbering import NUMBERING
from .printed import PRINTED
from .sections import INLINE, SECTION
from .votes import VOTE

FAMILIES: dict[str, Ruler] = {
    "noise": NOISE,
    "page_kind": PAGE_KIND,
    "numbering": NUMBERING,
    "vote": VOTE,
    "section": SECTION,
    "action": ACTION,
    "contact": CONTACT,
    "label": LABEL,
    "document": DOCUMENT,
    "meeting": MEETING,
    "inline": INLINE,
}
"""Every family, in the order the lexer consults them."""


DOCUMENT_FAMILIES: dict[str, Ruler] = {
    "printed": PRINTED,
    "lookalike": LOOKALIKE,
    "council": COUNCIL,
}
"""Families read over a whole document rather than line by line: what a printed document says
it is, the evidence that a page is not a democracy page at all, and the council a page names."""


def all_rules() -> list[tuple[str, Rule]]:
    """(family, rule) for every registered rule, in order."""
    return [(family, rule) for family, ruler in {**FAMILIES, **DOCUMENT_FAMILIES}.items() for rule in ruler]


__all__ = [
    "ACTION",
    "CONTACT",
    "COUNCIL",
    "DOCUMENT",
    "DOCUMENT_FAMILIES",
    "FAMILIES",
    "INLINE",
    "LABEL",
    "LOOKALIKE",
    "MEETING",
    "NOISE",
    "NUMBERING",
    "PAGE_KIND",
    "PRINTED",
    "SECTION",
    "VOTE",
    "all_rules",
]
