"""How motions, movers, seconders, results and tallies are written.

A vote rule yields some of: ``mover``, ``seconder``, ``result``, ``for``,
``against``, ``abstain``, ``absent`` counts, ``named`` lists, and ``rest``
(the motion's text when it follows on the same line). A motion becomes a
resolution only when its result says it was carried (or no result is printed
after a clause the minutes record as moved and decided).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..ruler import Rule, Ruler

_I = re.IGNORECASE
_TITLES = r"(?:Cr|Crs|Cllr|Cllrs|Councillor|Councilmember|Commissioner|Alderman|Alderperson|Mayor|Deputy|Chair(?:man|person)?|Mr|Mrs|Ms|Miss|Dr|Member|Trustee)"
_WHO = (
    r"(?:(?:Cr|Crs|Cllr|Cllrs|Councillor|Councilmember|Council\s+Member|Commissioner|Alderman|Alderperson|Mayor|Deputy\s+Mayor|Chair(?:man|person)?|Vice[-\s]Chair(?:man|person)?|Member|Trustee|Mr|Mrs|Ms|Miss|Dr|Director)\.?\s+"
    r"[A-Za-z](?:[\w.'’ -]{0,49}?[\w.'’-])??|[A-Z][\w.'’-]{1,30}(?:\s+[A-Z][\w.'’-]{1,30}){0,3}?|[a-z]{2,20}\s+[a-z]{2,25})"
    r"(?:\s\([A-Z][A-Za-z.]{0,3}\))?"  # "Councillor Collins (M)": initials that tell two members of one name apart
)
"""A person as minutes name a mover: "Cr Cooney", "Councillor M. Lyons", "Chairperson PA Hulse", "Crawford".
A name after a title ends with a letter or a stop, never a space: the spaces after it are read
by what follows, once."""
_UNTIL = (
    r"(?=\s*(?:$|[,;:]|(?<!\b[A-Z])\.)|\s+(?:(?:RESOLVED|AGREED|CARRIED|THAT)\b|and\s*$|[\u201c\"\u2018']|(?:and\s+)?(?:seconded|second(?:ed)?\s+by)\b"
    r"|(?:that|to|THAT|TO)\b|(?:it\s+was|and\s+resolved|and\s+agreed)\b))"
)
"""Where a mover's name ends: the line's end, punctuation, or (after a space) a keyword or a quote.
The spaces before a keyword are one run, read once (a run that two repeats of spaces may share
is read once per way of sharing it: quadratic)."""


def _who(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip(" ,;:.")
    return value or None


_INLINE_RESULT = re.compile(
    r"(?<=[.;])\s+(?=(?:the\s+)?(?:motion|amendment|resolution)\s+(?:was\s+)?(?:carried|lost|failed|defeated|passed|adopted)\b|(?:carried|lost|defeated|failed)\b)",
    _I,
)
"""A motion's result printed after it on the same line: "... to adopt. Motion Carried 7-0."."""


def _moved(m: re.Match[str], text: str) -> Mapping[str, Any]:
    rest = text[m.end() :].lstrip(" ,;:.")
    out: dict[str, Any] = {"mover": _who(m.group("who"))}
    second = _SECOND_INLINE.search(rest[:160])
    if second is not None:
        out["seconder"] = _who(second.group("who"))
        rest = rest[second.end() :].lstrip(" ,;:.")
    result = _INLINE_RESULT.search(rest)
    if result is not None:
        rest, out["then"] = rest[: result.start()], rest[result.end() :]
    out["rest"] = rest
    return out


_SECOND_INLINE = re.compile(r"(?:^|\b)(?:and\s+)?(?:seconded|second)(?:\s+by\b|\s*:|(?=\s+" + _TITLES + r"\b))\s*(?::\s*)?(?P<who>" + _WHO + r")" + _UNTIL, _I)


def _seconded(m: re.Match[str], text: str) -> Mapping[str, Any]:
    return {"seconder": _who(m.group("who")), "rest": text[m.end() :].lstrip(" ,;:.")}


def _result(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    word = m.group("result").lower()
    out: dict[str, Any] = {"result": text.strip(" ()"), "outcome": _OUTCOME.get(word[:5], "carried")}
    out.update(_counts(text))
    return out


_OUTCOME = {
    "carri": "carried",
    "adopt": "carried",
    "appro": "carried",
    "passe": "carried",
    "agree": "carried",
    "lost": "lost",
    "defea": "lost",
    "faile": "lost",
    "not c": "lost",
    "negat": "lost",
    "withd": "withdrawn",
    "defer": "deferred",
    "tied": "tied",
}
_COUNTS = re.compile(
    r"(?P<n>\d{1,3})\s+(?:votes?\s+)?(?P<what>for|in\s+favou?r|against|abstentions?|abstained|abstaining|absent|ayes?|noes?|nays?)\b"
    r"|(?P<what2>for|in\s+favou?r|against|abstentions?|abstained|absent|ayes?|noes?|nays?)\s*(?:[:\-\u2013]\s*)?(?P<n2>\d{1,3})\b",
    _I,
)
_SCORE = re.compile(r"\b(?P<a>\d{1,2})\s*(?:-|\u2013|to|/)\s*(?P<b>\d{1,2})(?:\s*(?:-|\u2013|/)\s*(?P<c>\d{1,2}))?\b", _I)
_TAIL_OK = re.compile(
    r"^\s*(?:[,;:.)]+\s*)?(?:$|\[|unanimously|by\b|on\s+the\s+casting|as\s+amended|nem\b|without\s+(?:dissent|objection)|with\b|\(|\d|to\s+\d|[-\u2013]\s*\d|(?:all\s+)?in\s+favou?r|and\b)",
    _I,
)


def _count_key(what: str) -> str:
    what = what.lower()
    if what.startswith("abst"):
        return "abstain"
    if what.startswith(("in", "for", "aye", "yea")):
        return "for"
    if what.startswith(("against", "no", "nay")):
        return "against"
    return "absent"


def _counts(text: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for m in _COUNTS.finditer(text):
        what = m.group("what") or m.group("what2")
        n = m.group("n") or m.group("n2")
        out.setdefault(_count_key(what), int(n))
    if "for" not in out:
        score = _SCORE.search(text)
        if score is not None:
            out["for"] = int(score.group("a"))
            out["against"] = int(score.group("b"))
            if score.group("c"):
                out["abstain"] = int(score.group("c"))
    return out


def _tally(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    counts = _counts(text)
    if len(counts) < 2:
        return None
    out: dict[str, Any] = dict(counts)
    out["result"] = text.strip(" ()")
    return out


def _named(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    names = text[m.end() :].strip(" .")
    side = _count_key(m.group("side"))
    out: dict[str, Any] = {"named_side": side, "names": names}
    if names[:1].isdigit():
        counts = _counts(f"{names.split()[0]} {m.group('side')}")
        out.update(counts)
    return out


_ALL_FOR = re.compile(r"\b(?:all\s+in\s+favou?r|unanimous(?:ly)?|nem\.?\s*con|carried|agreed)\b", _I)


def _short_vote(m: re.Match[str], text: str) -> Mapping[str, Any] | None:
    tail = m.group("tail") or ""
    out: dict[str, Any] = {"mover": _who(m.group("mover")), "seconder": _who(m.group("seconder"))}
    counts = _counts(tail)
    if counts or _ALL_FOR.search(tail):
        out.update(counts)
        out["outcome"] = "carried" if counts.get("for", 1) > counts.get("against", 0) else "lost"
        out["result"] = tail.strip(" .")
        out["complete"] = True
    elif tail:
        return None  # more than a vote follows: a sentence, not a record of one
    return out


VOTE = Ruler(
    "vote",
    [
        Rule(
            "moved-by",
            """Who moved a motion, and often who seconded it and the motion itself on the same
            line: "Moved: Cr Cooney", "MOVED BY councillor mcdonell", "It was moved by the Mayor,
            seconded by the Deputy Mayor and", "Proposed by Councillor M. Lyons", "Motion by X,
            second by Y, to approve ...", "On the motion of X, seconded by Y".""",
            re.compile(
                r"^(?:\(?[a-z0-9]{1,3}\)\s+)?(?:[\u2022\u00b7]\s*)?(?:it\s+was\s+)?(?:(?:moved|proposed)(?:\s+by\b|\s*:|(?=\s+" + _TITLES + r"\b))|motion(?:\s+(?:moved\s+)?by\b|\s*:)|on\s+the\s+motion\s+of|mover\s*:)\s*(?::\s*)?(?P<who>"
                + _WHO
                + r")"
                + _UNTIL,
                _I,
            ),
            examples=(
                ("Moved: Cr Cooney", {"mover": "Cr Cooney"}),
                ("MOVED BY councillor mcdonell", {"mover": "councillor mcdonell"}),
                ("It was moved by the Mayor, seconded by the Deputy Mayor and", {"mover": "the Mayor", "seconder": "the Deputy Mayor"}),
                ("Proposed by Councillor M. Lyons", {"mover": "Councillor M. Lyons"}),
                ("Motion by Smith, second by Jones, to approve the minutes.", {"mover": "Smith", "seconder": "Jones", "rest": "to approve the minutes."}),
                ("Moved by Crawford, Seconded by Hall", {"mover": "Crawford", "seconder": "Hall"}),
                ("Moved by McPherson to adopt. Motion Carried 7-0.", {"mover": "McPherson", "rest": "to adopt.", "then": "Motion Carried 7-0."}),
                ("Motion by Cr Lee, seconded by Cr Ng, to receive the report; carried 6-1", {"mover": "Cr Lee", "then": "carried 6-1"}),
            ),
            counter=("The motion was carried.", "Proposed changes to the constitution"),
            accept=_moved,
        ),
        Rule(
            "proposed-seconded-short",
            """The whole vote in one short line after the decision, as parish minutes record it:
            "Prop. IP, 2nd GL, all in favour.", "Proposed RD, seconded AK, 3 in favour, 1
            abstention", "Proposer: Cllr Hale; Seconder: Cllr Shaw; unanimous".""",
            re.compile(
                r"^(?:prop(?:osed)?(?:\s+by)?|proposer)\b\s*(?:[.:]\s*)?(?P<mover>(?-i:[A-Z])(?:[\w.'’ -]{0,39}?[\w.'’-])??)\s*[,;]\s*"
                r"(?:2nd|sec(?:onded)?(?:\s+by)?|seconder)\b\s*(?:[.:]\s*)?(?P<seconder>(?-i:[A-Z])(?:[\w.'’ -]{0,39}?[\w.'’-])??)"
                r"(?:\s*[,;]\s*(?P<tail>[^;](?:[^;]|[^;]{1,78}?[^;\s])))?\s*\.?$",
                _I,
            ),
            examples=(
                ("Prop. IP, 2nd GL, all in favour.", {"mover": "IP", "seconder": "GL", "outcome": "carried"}),
                ("Proposed RD, seconded AK, 3 in favour, 1 abstention", {"mover": "RD", "for": 3, "abstain": 1}),
                ("Proposer: Cllr Hale; Seconder: Cllr Shaw; unanimous", {"mover": "Cllr Hale", "outcome": "carried"}),
            ),
            counter=("Proposed changes to the constitution, second reading", "Proposals for the second phase"),
            accept=_short_vote,
        ),
        Rule(
            "moved-seconded",
            """A motion moved and seconded without names, perhaps with its result: "Moved, seconded",
            "Moved and seconded", "Moved, seconded and CARRIED".""",
            re.compile(r"^(?:it\s+was\s+)?moved(?:,|\s+and)\s+seconded\b(?:\s+and\s+(?P<result>carried|lost|defeated)\b)?[.,]?\s*", _I),
            examples=(("Moved, seconded", {}), ("Moved, seconded and CARRIED", {"outcome": "carried"})),
            counter=("Moved by Cr Smith",),
            accept=lambda m, text: {"mover": None, "rest": text[m.end() :].strip()}
            if not m.group("result")
            else {"result": m.group(0).strip(), "outcome": _OUTCOME.get(m.group("result").lower()[:5], "carried"), "rest": text[m.end() :].strip()},
        ),
        Rule(
            "motion-movers",
            """A motion with its mover and seconder in brackets: "Motion: (Byrne/Drury)",
            "Moved (Cr Smith / Cr Jones)".""",
            re.compile(
                r"^(?:motion|moved|mover/seconder)\s*(?::\s*)?\((?P<mover>[^/()]{2,40}?)\s*/\s*(?P<seconder>[^/()]{2,40}?)\)\s*",
                _I,
            ),
            examples=(("Motion: (Byrne/Drury)", {"mover": "Byrne", "seconder": "Drury"}), ("Moved (Cr Smith / Cr Jones)", {"mover": "Cr Smith"})),
            counter=("Motion to adopt the agenda",),
            accept=lambda m, text: {"mover": m.group("mover").strip(), "seconder": m.group("seconder").strip(), "rest": text[m.end() :].strip()},
        ),
        Rule(
            "initials-movers",
            """A resolution register's mover and seconder, named by initial and surname before the
            motion itself: "J. Scott, L. Andersen: THAT we pass By-Law 2018-41", "T. Marchant/L. Moore:
            That the minutes be adopted." (the first moves, the second seconds).""",
            re.compile(
                r"^(?P<mover>[A-Z]\.\s?(?:[A-Z]\.\s?)?[A-Z][\w'\u2019-]{1,30}(?:\s[A-Z][\w'\u2019-]{1,30})?)\s*[,/]\s*"
                r"(?P<seconder>[A-Z]\.\s?(?:[A-Z]\.\s?)?[A-Z][\w'\u2019-]{1,30}(?:\s[A-Z][\w'\u2019-]{1,30})?)\s*:\s+"
                r"(?=(?:THAT|That|WHEREAS|Whereas|BE\s+IT|Be\s+it)\b)"
            ),
            examples=(
                ("J. Scott, L. Andersen: THAT we pass By-Law Number 2018-41.", {"mover": "J. Scott", "seconder": "L. Andersen"}),
                ("T. Marchant/L. Moore: That the minutes be adopted as published.", {"mover": "T. Marchant"}),
                ("S. Kirkey, J. Scott: WHEREAS communities across the province face rising costs", {"seconder": "J. Scott"}),
            ),
            counter=("J. Scott, L. Andersen: verbal reports", "Smith, Jones: THAT it be noted"),
            accept=lambda m, text: {"mover": m.group("mover").strip(), "seconder": m.group("seconder").strip(), "rest": text[m.end() :].strip()},
        ),
        Rule(
            "motion-heading",
            """A motion's heading, its text on the lines below: "MOTION:", "Substantive motion", and
            the labels of its mover and seconder when the names follow on the next line ("MOVER:").""",
            re.compile(r"^(?P<what>(?:substantive\s+|main\s+|original\s+)?motion|mover|seconder|moved\s+by|seconded\s+by)\s*(?::\s*)?$", _I),
            examples=(("MOTION:", {"motion_heading": "motion"}), ("Substantive motion", {}), ("MOVER:", {"motion_heading": "mover"})),
            counter=("Motion carried",),
            accept=lambda m, text: {"motion_heading": m.group("what").lower()},
        ),
        Rule(
            "seconded-by",
            """Who seconded: "Seconded: Cr Alley", "SECONDED BY councillor jordan", "Second: Smith".""",
            re.compile(
                r"^(?:[\u2022\u00b7]\s*)?(?:and\s+)?(?:seconded|second|seconder)(?:\s+by\b|\s*:|(?=\s+" + _TITLES + r"\b))\s*(?::\s*)?(?P<who>" + _WHO + r")" + _UNTIL,
                _I,
            ),
            examples=(
                ("Seconded: Cr Alley", {"seconder": "Cr Alley"}),
                ("SECONDED BY councillor jordan", {"seconder": "councillor jordan"}),
                ("Seconded by Councillor Collins (M);", {"seconder": "Councillor Collins (M)"}),
            ),
            counter=("Secondary schools were discussed.",),
            accept=_seconded,
        ),
        Rule(
            "result",
            """The result of a motion on its own line: "CARRIED", "Carried unanimously", "Motion
            Carried 5-2", "MOTION CARRIED 4 TO 0", "LOST", "The motion was therefore carried.",
            "RESULT: APPROVED", "(Carried)", "Defeated", "Withdrawn".""",
            re.compile(
                r"^\(?\s*(?:result\s*:\s*|the\s+)?(?:(?:substantive\s+)?(?:motion|amendment|recommendation|resolution)\s+(?:was\s+)?(?:(?:therefore|then|duly)\s+)?(?:put\s+(?:to\s+the\s+(?:meeting|vote)\s+)?and\s+)?)?"
                r"(?:on\s+being\s+put\s+to\s+the\s+(?:meeting|vote)\s+(?:was\s+)?)?"
                r"(?:(?:question|vote)\s+(?:on\s+the\s+(?:main\s+|substantive\s+)?motion\s+)?was\s+put\s+and\s+)?"
                r"(?P<result>carried|lost|defeated|failed|withdrawn|adopted|approved|passed|not\s+carried|deferred|tied|negatived)\b"
                r"(?P<tail>.{0,120})$",
                _I,
            ),
            examples=(
                ("CARRIED", {"outcome": "carried"}),
                ("Carried unanimously", {"outcome": "carried"}),
                ("Motion Carried 5-2", {"outcome": "carried", "for": 5, "against": 2}),
                ("MOTION CARRIED 4 TO 0", {"outcome": "carried", "for": 4}),
                ("LOST", {"outcome": "lost"}),
                ("The motion was therefore carried.", {"outcome": "carried"}),
                ("RESULT: APPROVED", {"outcome": "carried"}),
                ("(Carried)", {"outcome": "carried"}),
                ("The question on the main motion was put and CARRIED.", {"outcome": "carried"}),
            ),
            counter=("Carried forward balances were noted at length in the report", "Approved contractors list"),
            accept=lambda m, text: _result(m, text) if _TAIL_OK.match(m.group("tail")) else None,
        ),
        Rule(
            "tally",
            """A count of votes on its own line: "(Voting: 7 for, 2 against, 1 abstention)",
            "Totals: 25 For, 1 Against and 0 abstained.", "For: 7 Against: 2".""",
            re.compile(
                r"^\(?\s*(?:(?:the\s+)?(?:voting|votes?|vote\s+was|result(?:\s+of\s+the\s+vote)?|recorded\s+vote|totals?)\s*(?:(?::|-|\u2013|was|were)\s*)?)?"
                r"(?:\d{1,3}\s+(?:votes?\s+)?(?:for|in\s+favou?r|against|abstentions?)\b|(?:for|in\s+favou?r|ayes?)\s*(?:[:\-]\s*)?\d{1,3}\b)",
                _I,
            ),
            examples=(
                ("(Voting: 7 for, 2 against, 1 abstention)", {"for": 7, "against": 2, "abstain": 1}),
                ("Totals: 25 For, 1 Against and 0 abstained.", {"for": 25, "against": 1}),
                ("For: 7 Against: 2", {"for": 7, "against": 2}),
            ),
            counter=("7 members attended",),
            accept=_tally,
        ),
        Rule(
            "named-votes",
            """Who voted which way: "AYES: Smith, Jones", "NOES: Brown", "In favour: Crs A, B",
            "Voting for the motion: Councillors ...", "Against: Cr C", "ABSENT: ...".""",
            re.compile(
                r"^(?:(?:members\s+)?voting\s+)?(?P<side>ayes?|noes?|nays?|yeas?|in\s+favou?r|for|against|abstain(?:ed|ing|ions?)?|absent)"
                r"(?:\s+(?:(?:of|from)\s*)?(?:the\s+)?(?:motion|amendment|voting))?\s*(?::|-|\u2013)\s*",
                _I,
            ),
            examples=(
                ("AYES: Smith, Jones", {"named_side": "for", "names": "Smith, Jones"}),
                ("In favour: Crs Fitzpatrick, Allen", {"named_side": "for"}),
                ("Voting for the motion: Councillors Biederman, Bushell", {"named_side": "for"}),
                ("ABSENT: Councillor Brown", {"named_side": "absent"}),
            ),
            counter=("For information only", "Against the odds"),
            accept=_named,
        ),
        Rule(
            "result-trailing",
            """A motion's result printed after it, at the end of its line: "That the minutes be adopted
            as published. Carried.", "... passed this 4th day of December, 2018. CARRIED", "... for
            2024. Defeated." The word opens a sentence of its own (a capital after a stop); "was
            carried forward." inside a sentence is narrative.""",
            re.compile(
                r"(?<=[.!?)])\s+(?:(?:The\s+)?Motion\s+)?(?P<result>Carried|CARRIED|Defeated|DEFEATED|Lost|LOST)"
                r"(?:\s+(?:[Uu]nanimously|UNANIMOUSLY))?\s*\.?\s*$"
            ),
            examples=(
                ("That the minutes be adopted as published. Carried.", {"outcome": "carried"}),
                ("Read a first, second and third time and passed this 4th day of December, 2018. CARRIED", {"outcome": "carried"}),
                ("That the fee increase be approved for 2024. Defeated.", {"outcome": "lost"}),
            ),
            counter=("The balance was carried forward.", "Carried forward: none."),
            accept=lambda m, text: {"result": text[m.start() :].strip(" ."), "outcome": _OUTCOME.get(m.group("result").lower()[:5], "carried")},
            search=True,
        ),
    ],
)
"""Vote lines: movers, seconders, results, tallies, named votes."""
