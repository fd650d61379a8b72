"""Council names as pages print them: "Gloucester City Council", "London Borough of Barking and
Dagenham", "Nash County Board of Commissioners" (Nash County).

A host rarely gives a council's name reliably, so the name is read only from
what the page prints (its title or site name, its first lines, its meeting
bodies; :mod:`minutes_parser.council` picks those texts). Generic names ("Full
Council", "The City Council") name no council.

>>> council_name(["Agenda for Cabinet on Tuesday | Anytown Borough Council"])
'Anytown Borough Council'
>>> council_name(["Ordinary Council", "Full Council"]) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..ruler import LITERALS, Rule, Ruler

HEADER_CHARS = 4_000
"""Characters of each text searched (a title, a site name, a header block)."""

_NAME = r"(?:[A-Z][a-z][A-Za-z'’\-]*|St\.?|[A-Z]'[A-Z][a-z]+)"
"""A capitalised word with lower-case letters: all-capitals runs ("MINUTES OF THE") are headings, not names."""
_S = r"[ \t]+"
"""Words of a name stand on one line."""
_STOP = r"(?:Council|Meeting|Minutes|Agenda|Committee|Board|Held)\b"
"""Words that end a "City of ..." name."""
_JOIN = rf"(?:{_S}(?:and|upon|on|in|under|of|the|de|la)\b)?"
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
_OF_PREFIX = re.compile(r"^(?=.*\bCouncil$)(?P<head>(?:.*?\S)??)\s+of\s+(?:the\s+)?(?P<rest>\S.*\bCouncil)$", re.DOTALL)
"""A name's words before "of" and the council named after it. The name must end in "Council"
(checked once, first), so each "of" tried costs one step, not a scan to the end; the head
ends with a word, so the spaces before "of" are read once (linear on any string)."""
_PERSON_OR_PART = re.compile(r"\b(?:Cr|Cllr|Councillor|Mayor|Ward|Division|Member|Members|Mr|Mrs|Ms|Dr)\b\.?")
"""A "council" naming a person ("Cr Leigh Bowden Council") or a part of one ("Ward II Council") is no council."""


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



def _accept(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    name = _valid(m.group(1))
    return {"council": name} if name else None


COUNCIL = Ruler(
    "council",
    [
        Rule(
            "council-of",
            """An authority named by its kind and place: "London Borough of Barking and Dagenham",
            "City of Edinburgh Council", "County of Kern", "Royal Borough of Kingston upon Thames".""",
            re.compile(rf"\b((?:(?:The|Royal|London){_S})?(?:Borough|City|County|District|Municipality|Shire|Town|Township|Village|Royal{_S}Borough|London{_S}Borough){_S}(?:Council{_S})?of{_S}{_NAME}(?:{_JOIN}{_S}(?!{_STOP}){_NAME}){{0,4}})"),
            examples=(
                ("London Borough of Barking and Dagenham", {"council": "London Borough of Barking and Dagenham"}),
                ("Welcome to the City of Edinburgh Council", {}),
                ("County of Kern Board of Supervisors", {"council": "County of Kern"}),
            ),
            counter=("the borough of origin",),
            accept=_accept,
            search=True,
        ),
        Rule(
            "named-council",
            """Capitalised words ending in "Council", perhaps with the authority's kind: "Gloucester
            City Council", "Bradford Council", "Thame Town Council", "Shire of Kent Council".""",
            re.compile(rf"\b((?:{_NAME}{_JOIN}{_S}){{1,6}}?(?:(?:City|County|Borough|District|Metropolitan{_S}Borough|Metropolitan{_S}District|Town|Parish|Shire|Regional|Municipal|Community|Unitary){_S})?Council)\b"),
            examples=(
                ("Agenda for Cabinet | Anytown Borough Council", {"council": "Anytown Borough Council"}),
                ("Minutes of Thame Town Council", {"council": "Thame Town Council"}),
                ("Gloucester City Council", {"council": "Gloucester City Council"}),
            ),
            counter=("Full Council", "The City Council", "Ordinary Council Meeting"),
            accept=_accept,
            search=True,
        ),
        Rule(
            "county-body",
            """A US county's or city's board named after it: "Nash County Board of Commissioners"
            names Nash County; "Napa County Commission".""",
            re.compile(rf"\b((?:{_NAME}{_S}){{1,3}}(?:County|City|Borough|District|Parish|Township|Village)){_S}(?:Board|Commission)\b"),
            examples=(
                ("Nash County Board of Commissioners", {"council": "Nash County"}),
                ("Minutes of the Napa County Commission", {"council": "Napa County"}),
                ("Cuyahoga County Board of Health", {"council": "Cuyahoga County"}),
            ),
            counter=("County Board of Health",),
            accept=_accept,
            search=True,
        ),
    ],
)
"""How pages name their council, most specific first."""


def _names(text: str) -> Iterable[str]:
    present = LITERALS.scan(text.lower())
    for rule in COUNCIL:
        if rule.prefilter is None or rule.bit & present:  # the literals every match needs are on the line
            for match in rule.pattern.finditer(text):
                yield match.group(1)


def council_name(texts: Sequence[str]) -> str | None:
    """The first council name in ``texts`` (tried in order), or None.

    >>> council_name(["Minutes", "London Borough of Barking and Dagenham"])
    'London Borough of Barking and Dagenham'
    >>> council_name(["Nash County Board of Commissioners"])
    'Nash County'
    """
    for text in dict.fromkeys(texts):  # a body named on every item is read once
        for found in _names(text[:HEADER_CHARS]):
            name = _valid(found)
            if name:
                return name
    return None


