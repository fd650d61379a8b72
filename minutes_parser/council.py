"""The council a page belongs to, when the page names it.

A host rarely gives a council's name reliably ("democracy.bradford.gov.uk" is
Bradford Metropolitan District Council, "modgov.lbbd.gov.uk" Barking and
Dagenham), so the name is taken only from what the page prints: its title or
site name, its first lines, its meeting bodies ("Des Moines City Council",
"Nash County Board of Commissioners"). A page that names none gets None; the
records then carry the site (the host) beside it, so rows can still be grouped
by where they came from.

>>> council_name(["Agenda for Cabinet on Tuesday | Anytown Borough Council"])
'Anytown Borough Council'
>>> council_name(["Ordinary Council", "Full Council"]) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from .models import Document

HEADER_LINES = 30
"""Lines of a text page (or blocks of a PDF) read for a council line: the letterhead and title
block, before the agenda starts."""
HEADER_CHARS = 4_000
"""Characters of each of those places searched (a title, a site name, a header block)."""

_NAME = r"(?:[A-Z][a-z][A-Za-z'’\-]*|St\.?|[A-Z]'[A-Z][a-z]+)"
"""A capitalised word with lower-case letters: all-capitals runs ("MINUTES OF THE") are headings, not names."""
_S = r"[ \t]+"
"""Words of a name stand on one line."""
_STOP = r"(?:Council|Meeting|Minutes|Agenda|Committee|Board|Held)\b"
"""Words that end a "City of ..." name."""
_JOIN = rf"(?:{_S}(?:and|upon|on|in|under|of|the|de|la)\b)?"
_COUNCIL = re.compile(
    rf"\b((?:{_NAME}{_JOIN}{_S}){{1,6}}?(?:(?:City|County|Borough|District|Metropolitan{_S}Borough|Metropolitan{_S}District|Town|Parish|Shire|Regional|Municipal|Community|Unitary){_S})?Council)\b"
)
"""Capitalised words ending in "Council": "Gloucester City Council", "Bradford Council"."""
_OF = re.compile(
    rf"\b((?:(?:The|Royal|London){_S})?(?:Borough|City|County|District|Municipality|Shire|Town|Township|Village|Royal{_S}Borough|London{_S}Borough){_S}(?:Council{_S})?of{_S}{_NAME}(?:{_JOIN}{_S}(?!{_STOP}){_NAME}){{0,4}})"
)
""""London Borough of Barking and Dagenham", "City of Edinburgh Council", "County of Kern"."""
_COUNTY_BODY = re.compile(
    rf"\b((?:{_NAME}{_S}){{1,3}}(?:County|City|Borough|District|Parish|Township|Village)){_S}(?:Board|Commission)\b"
)
"""US bodies: "Nash County Board of Commissioners" names Nash County."""
_GENERIC = frozenset(
    """
    the full ordinary extraordinary special annual budget meeting meetings executive city county borough
    district town parish shire metropolitan council regional municipal community unitary minutes agenda
    of and a an this that our your for to with by at on in joint reconvened adjourned cabinet committee
    planning general statutory main youth school schools students student neighbourhood area local
    members member chair leader mayor item items report democratic services website home news contact us
    about all each every said whole extra approve approval approved clerk monthly unconfirmed confirmed
    draft january february march april may june july august september october november december monday
    tuesday wednesday thursday friday saturday sunday previous next last new present apologies st st.
    """.split()  # noqa: SIM905 - a word list reads better as text
)
"""Words that do not name a place: "Full Council", "The City Council", "Ordinary Council Meeting"."""
_LEADING_NOISE = re.compile(r"^(?:(?:the|a|an|of|at|by|for|to|from|welcome|minutes|agenda)\s+)+", re.IGNORECASE)
_OF_PREFIX = re.compile(r"^(?P<head>.*?)\s+of\s+(?:the\s+)?(?P<rest>\S.*\bCouncil)$")
_PERSON_OR_PART = re.compile(r"\b(?:Cr|Cllr|Councillor|Mayor|Ward|Division|Member|Members|Mr|Mrs|Ms|Dr)\b\.?")
"""A "council" naming a person ("Cr Leigh Bowden Council") or a part of one ("Ward II Council") is no council."""


def _names(text: str) -> Iterable[str]:
    for pattern in (_OF, _COUNCIL, _COUNTY_BODY):
        for match in pattern.finditer(text):
            yield match.group(1)


def _valid(name: str) -> str | None:
    name = _LEADING_NOISE.sub("", " ".join(name.split())).strip(" .,-")
    split = _OF_PREFIX.match(name)
    if split and all(w.lower() in _GENERIC for w in split.group("head").split()):
        name = split.group("rest")  # "Meeting of Thame Town Council" -> "Thame Town Council"
    if _PERSON_OR_PART.search(name):
        return None
    words = re.findall(r"[A-Za-z'’]+", name)
    if not any(w.lower().strip("'’") not in _GENERIC for w in words):
        return None
    return name if len(name) <= 80 else None


def council_name(texts: Sequence[str]) -> str | None:
    """The first council name in ``texts`` (tried in order), or None.

    >>> council_name(["Minutes", "London Borough of Barking and Dagenham"])
    'London Borough of Barking and Dagenham'
    >>> council_name(["Nash County Board of Commissioners"])
    'Nash County'
    """
    for text in texts:
        for found in _names(text[:HEADER_CHARS]):
            name = _valid(found)
            if name:
                return name
    return None


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
