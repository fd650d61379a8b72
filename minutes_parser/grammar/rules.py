"""How minutes are worded: headings, labels, item headers, actions, documents.

Each heading rule is named and ordered (the first that matches wins); a rule
can be disabled or a new one inserted by editing :data:`HEADING_RULES`. All
patterns are compiled once, at import, and written to run in linear time
(bounded repeats, no nested quantifiers over the same characters).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from rapidfuzz import fuzz

from .dates import WEEKDAY

_SEP = r"(?:\s*(?::-|[:\-\u2013\u2014]+)\s*|\s+(?=(?:that|to)\b)|\s*$)"
_I = re.IGNORECASE


class HeadingRule(NamedTuple):
    """A named heading: ``pattern`` must match at the start of a block."""

    name: str
    section: str
    pattern: re.Pattern[str]


HEADING_RULES: list[HeadingRule] = [
    HeadingRule(
        "resolved",
        "resolved",
        re.compile(
            r"^(?:(?:the|it\s+was(?:\s+(?:therefore|further|then|unanimously|accordingly|duly|moved,?\s+seconded,?\s+and))?)\s+)?"
            r"(?:(?:[A-Za-z&'-]{2,25}\s+){0,3}(?:committee|sub-committee|cabinet|council|board|panel|executive|forum|members|group|authority|assembly|commission)\s+)?"
            r"(?:unanimously\s+|therefore\s+|further\s+)?resolved(?:\s+(?:unanimously|accordingly|as\s+follows))?"
            r"(?:\s*(?::-|[:\-\u2013\u2014]+)\s*(?:\((?:unanimously|by\s[^)]{1,60}|nem\.?\s*con\.?)\)\s*)?|\s+(?=(?:that|to)\b)|\s*\((?:unanimously|by\s[^)]{1,60})\)\s*:?\s*|\s*$)",
            _I,
        ),
    ),
    HeadingRule(
        "agreed",
        "resolved",
        re.compile(
            r"^(?:it\s+was\s+(?:therefore\s+|further\s+|then\s+|unanimously\s+|duly\s+|moved,?\s+seconded,?\s+and\s+)?)?agreed(?:\s+unanimously)?"
            + _SEP,
            _I,
        ),
    ),
    HeadingRule(
        "agreed-following",
        "resolved",
        re.compile(
            r"^(?:the\s+)?[A-Za-z]{3,20}(?:\s+[A-Za-z]{2,20}){0,3}\s+agreed\s+the\s+following\s*(?::-|:)?\s*", _I
        ),
    ),
    HeadingRule(
        "resolution-number",
        "resolved",
        re.compile(
            r"^(?:council\s+)?resolution\s+(?:no\.?\s*)?\d{1,4}(?:/\d{1,5})?\s*(?::-|[:\-\u2013\u2014])?\s*", _I
        ),
    ),
    HeadingRule(
        "decision",
        "decision",
        re.compile(r"^(?:the\s+)?decisions?(?:\s+(?:made|taken))?(?:\s+of\s+the\s+[A-Za-z ]{3,60})?\s*(?::-|:)\s*", _I),
    ),
    HeadingRule(
        "recommended",
        "recommendations",
        re.compile(
            r"^(?:recommended|recommendations?|recommendation\(s\)|officer\s+recommendations?)"
            r"(?:\s+(?:to|for)\s+(?:the\s+)?[A-Za-z ]{3,40}?)?" + _SEP,
            _I,
        ),
    ),
    HeadingRule(
        "is-recommended",
        "recommendations",
        re.compile(
            r"^(?:it\s+is\s+recommended\s+(?=that\b|to\b)|(?:the\s+)?(?:[A-Za-z&'-]{2,25}\s+){1,4}(?:is|are)\s+(?:recommended|asked|requested)\s+(?=to\b))",
            _I,
        ),
    ),
    HeadingRule("minutes", "minutes", re.compile(r"^minutes\s*(?::-|:)\s*", _I)),
    HeadingRule(
        "documents",
        "documents",
        re.compile(
            r"^(?:supporting|additional|accompanying|background|linked)\s+(?:documents|papers)\s*:?\s*$",
            _I,
        ),
    ),
    HeadingRule(
        "reasons",
        "reasons",
        re.compile(
            r"^reasons?(?:\s+for\s+(?:the\s+)?(?:decisions?|recommendations?))?\s*(?::-|[:\-\u2013\u2014]+)\s*", _I
        ),
    ),
    HeadingRule(
        "alternatives",
        "alternatives",
        re.compile(r"^alternative\s+options?(?:\s+[a-z ,/]{0,60})?\s*(?::-|[:\-\u2013\u2014])\s*", _I),
    ),
    HeadingRule(
        "interests",
        "interests",
        re.compile(
            r"^(?:conflicts?\s+of\s+interests?|interests?\s+and\s+nature\s+of\s+interests?)[^:]{0,140}(?::-|:)\s*",
            _I,
        ),
    ),
    HeadingRule("purpose", "summary", re.compile(r"^(?:purpose|summary)\s*(?::-|:)\s*", _I)),
    HeadingRule(
        "advice",
        "other",
        re.compile(r"^(?:advice|comments?|recommendations?)\s+of\s+(?:the\s+)?[A-Za-z ]{3,60}$", _I),
    ),
    HeadingRule(
        "decision-of",
        "decision_of",
        re.compile(r"^(?i:decision\s+of\s+(?:the\s+)?)(?P<who>[A-Z][A-Za-z ,&'-]{2,80})$"),
    ),
]


HEADING_NEEDLES: dict[str, tuple[str, ...]] = {
    "resolved": ("resolved",),
    "agreed": ("agreed",),
    "agreed-following": ("agreed the following",),
    "resolution-number": ("resolution",),
    "decision": ("decision",),
    "recommended": ("recommend",),
    "is-recommended": ("recommended", "asked", "requested"),
    "minutes": ("minutes",),
    "documents": ("documents", "papers"),
    "reasons": ("reason",),
    "alternatives": ("alternative",),
    "interests": ("interest",),
    "purpose": ("purpose", "summary"),
    "advice": (" of ",),
    "decision-of": ("decision of",),
}
"""Words a heading rule's match must contain (lower case, first 80 characters): a
cheap test before the regex. Rules without an entry are always tried."""
_NEEDLE_RULES: dict[str, frozenset[str]] = {
    found: frozenset(name for name, needles in HEADING_NEEDLES.items() if any(n in found for n in needles))
    for found in {n for ns in HEADING_NEEDLES.values() for n in ns}
}
"""For each word found, the rules it allows (a longer needle allows the shorter ones inside it)."""
_NEEDLE_RE = re.compile(
    "|".join(re.escape(n) for n in sorted({n for ns in HEADING_NEEDLES.values() for n in ns}, key=len, reverse=True))
)


class HeadingMatch(NamedTuple):
    """A heading found at the start of a block."""

    rule: str
    section: str
    rest: str
    who: str | None


def match_heading(text: str) -> HeadingMatch | None:
    """Return the first heading rule matching the start of ``text``."""
    if not text or len(text) < 5:
        return None
    allowed: set[str] = set()
    for found in _NEEDLE_RE.findall(text[:80].lower()):
        allowed |= _NEEDLE_RULES[found]
    for rule in HEADING_RULES:
        if rule.name in HEADING_NEEDLES and rule.name not in allowed:
            continue
        m = rule.pattern.match(text)
        if m is None:
            continue
        rest = text[m.end() :].strip()
        who = m.groupdict().get("who")
        if rule.name == "recommended" and rest and not _starts_clause(rest):
            continue
        if rule.name == "agreed" and rest and not _starts_clause(rest):
            continue
        return HeadingMatch(rule.name, rule.section, rest, who)
    return None


_CLAUSE_START = re.compile(r"^(?:that\b|to\b|\(?[0-9a-zA-Z]{1,4}[.):]\s|\([0-9a-zA-Z]{1,4}\)|[A-Z\"“'‘])")


def _starts_clause(rest: str) -> bool:
    return _CLAUSE_START.match(rest) is not None


INLINE_DECISION = re.compile(
    r"(?<=[\s,;:.])(?:it\s+was\s+(?:therefore\s+|further\s+|then\s+|unanimously\s+)?)?(?:RESOLVED|AGREED)(?:\s+UNANIMOUSLY)?"
    r"(?:\s*(?::-|[:\-\u2013\u2014])\s*|\s+(?=(?:that|to|THAT|TO)\b))"
)
"""A decision inside a paragraph of narrative: "After discussion it was RESOLVED that ...".
Upper case only: "the matter was resolved" is narrative."""
INFINITIVE_DECISION = re.compile(
    r"^To\s+(?:approve|agree|note|endorse|adopt|accept|confirm|defer|delegate|authorise|authorize|refer|request|recommend|reject|receive\s+and\s+note|appoint|grant|refuse)\b.{0,600}[.;]$"
)
"""A minute written as the decision itself (Manchester style), not as narrative."""


# ----------------------------------------------------------------- labels
class LabelValue(NamedTuple):
    """A "Label: value" line of a decision or meeting page."""

    key: str
    value: str


_LABELS: dict[str, str] = {
    "decision maker": "maker",
    "decision taker": "maker",
    "decision status": "status",
    "is key decision?": "key",
    "key decision": "key",
    "is subject to call in?": "call_in",
    "subject to call-in": "call_in",
    "subject to call in": "call_in",
    "call-in deadline": "call_in_deadline",
    "publication date": "published",
    "date of publication": "published",
    "date of decision": "decided",
    "decision date": "decided",
    "decided at meeting": "decided_at",
    "effective from": "effective",
    "decision to take effect at end of": "effective",
    "report author": "author",
    "lead officer": "author",
    "contact": "contact",
    "contact officer": "contact",
    "contact details": "contact",
    "wards affected": "wards",
    "ward(s) affected": "wards",
    "decision type": "decision_type",
    "reference number": "reference",
    "date": "date",
    "date/time": "date",
    "date and time": "date",
    "meeting date": "date",
    "meeting date/time": "date",
    "time": "time",
    "meeting time": "time",
    "meeting location": "venue",
    "meeting name": "committee",
    "venue": "venue",
    "location": "venue",
    "meeting #": "meeting_no",
    "subject of decision": "subject",
    "subject": "subject",
    "present": "present",
    "members present": "present",
    "councillors present": "present",
    "staff present": "in_attendance",
    "in attendance": "in_attendance",
    "also present": "in_attendance",
    "officers present": "in_attendance",
    "apologies": "apologies",
    "apologies for absence": "apologies",
    "absent": "absent",
    "status": "meeting_status",
    "meeting status": "meeting_status",
    "committee": "committee",
}
_LABEL_RE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z()#?/\- ]{1,40}?)\s*(?::-|:)\s*(?P<value>.*)$")


def match_label(text: str) -> LabelValue | None:
    """Return a known "Label: value" pair at the start of ``text``."""
    if ":" not in text[:48]:
        return None
    m = _LABEL_RE.match(text)
    if m is None:
        return None
    key = _LABELS.get(m.group("key").strip().lower())
    if key is None:
        return None
    return LabelValue(key, m.group("value").strip())


# ----------------------------------------------------------------- item headers
MEETING_ITEM = re.compile(
    r"^Meeting:\s*(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*-\s*(?P<body>.+?)\s*(?:\(Item\s+(?P<number>[\w.]+?)\.?\))?\s*$",
    _I,
)
HEADED_ITEM = re.compile(
    r"^(?:item\s+)?(?P<number>(?:[A-Z]{1,5}\s?)?\d{1,4}(?:[./]\d{1,4}){0,2}[a-z]?)\.?\s+(?P<title>[A-Za-z\"“‘'(].{2,300})$"
)
"""A heading that opens an item with its code: "CM58/20 Adoption of the Budget", "11.1 Tree Removal"."""
DATE_TITLE = re.compile(r"^(?P<date>\d{1,2}/\d{1,2}/\d{4})\s+-\s+(?P<title>\S.*)$")
ITEM_DASH = re.compile(r"^ITEM\s*[-\u2013:]?\s*(?P<number>\d{1,3}[A-Za-z]?)\s+(?P<title>\S.*)$")
BARE_NUMBER = re.compile(r"^(?P<number>\d{1,4}[a-z]?|\d{1,3}\.\d{1,2})\.?$")
MINUTE_CODE = re.compile(r"^(?P<number>\d{1,4}/\d{1,4}(?:\.\d{1,2})?)\.?\s+(?P<title>[A-Z].{2,300})$")
"""Parish and town council minute numbers: "21/123 APOLOGIES", "23/45. Planning: ..."."""
CAPS_NUMBERED = re.compile(r"^(?P<number>\d{1,4}(?:\.\d{1,2})?)\.?\s+(?P<title>[A-Z][A-Z&'’]{2,}\b.*)$")
TOC_ROW = re.compile(r"^(?P<number>\d{1,3}(?:\.\d{1,2})?)\.?\s{2,}(?P<title>\S.*?)(?:\s{2,}\d{0,4})?\s*$")
NUMBERED_PARA = re.compile(r"^(?P<number>\d{1,3})\.\s+(?P<title>\S.*)$")


def strip_leaders(title: str) -> str:
    """Drop a table of contents' dot leaders and page number ("MINUTES.. 4" → "MINUTES").

    Written as a scan from the end rather than a regex, so it is linear on any line.
    """
    text = title.rstrip()
    end = len(text)
    digits = end
    while digits > 0 and end - digits < 4 and text[digits - 1].isdigit():
        digits -= 1
    if digits < end:
        before = text[:digits]
        gap = len(before) - len(before.rstrip(" \t"))
        dotted = before.rstrip(" \t").endswith("..")
        if dotted or gap >= 2 or (gap == 1 and end - digits <= 3):
            text = before
    stripped = text.rstrip(" \t.")
    return stripped if stripped else title.strip()


# ----------------------------------------------------------------- documents
DOC_SUFFIX = re.compile(
    r"(?:\b(?:pdf|word|excel|powerpoint|html|text|rtf|zip|doc|docx|xls|xlsx)\s+icon\s*)?"
    r"\b(?P<fmt>PDF|DOCX?|XLSX?|PPTX?|RTF|HTML?|TXT|CSV|ODT|ODS|ZIP|MSG|JPE?G|PNG)\s+"
    r"(?P<size>\d{1,6}(?:\.\d{1,3})?)\s*(?P<unit>KB|MB|GB|B|bytes)\s*$",
    _I,
)
_UNITS = {"b": 1, "bytes": 1, "kb": 1024, "mb": 1024 * 1024, "gb": 1024 * 1024 * 1024}


def split_doc_suffix(text: str) -> tuple[str, str | None, int | None]:
    """Split "Report pdf icon PDF 129 KB" into ("Report", "pdf", 132096)."""
    tail = text[-6:].lower()
    if not (tail.endswith("b") or tail.endswith("bytes")) or not any(ch.isdigit() for ch in text[-16:]):
        return text, None, None
    m = DOC_SUFFIX.search(text)
    if m is None:
        return text, None, None
    size = int(float(m.group("size")) * _UNITS[m.group("unit").lower()])
    fmt = m.group("fmt").lower()
    fmt = "jpg" if fmt == "jpeg" else fmt
    return text[: m.start()].strip(), fmt, size


# ----------------------------------------------------------------- actions
ACTION_LINE = re.compile(r"^\(?ACTION(?:\s+BY)?\s*(?::-|[:\-\u2013\u2014])\s*(?P<owner>[^\s)].{0,200}?)\)?\.?$", _I)
ACTION_TRAILING = re.compile(r"(?<=[.;)])\s+\(?ACTION(?:\s+BY)?\s*:\s*(?P<owner>[A-Z][^.;:()]{1,80}?)\)?\.?$")
"""An "ACTION: owner" at the end of a resolution's paragraph (upper-case ACTION only)."""
ACTION_INLINE = re.compile(
    r"(?:^|[.;]\s+|\s)(?P<owner>(?:the\s+)?[A-Z][A-Za-z]{1,20}(?:\s+[A-Z][A-Za-z]{1,20}){0,3})\s+to\s+(?i:action)\b"
)

# ----------------------------------------------------------------- votes
MOVED = re.compile(
    r"(?:^|\b)(?:it\s+was\s+)?(?:moved\s+by|moved|proposed\s+by|proposed)\s*:?\s*(?P<who>(?:Cr|Cllr|Councillor|Mayor|Deputy\s+Mayor|Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w.'’ -]{1,60}?|[A-Z][\w.'’-]{1,30}(?:\s+[A-Z][\w.'’-]{1,30}){0,3})(?=\s*(?:$|[,;]|\s+(?:and\s+)?seconded|\s+that\b|\s+to\b|\s+THAT\b))",
    _I,
)
SECONDED = re.compile(
    r"(?:^|\b)seconded(?:\s+by)?\s*:?\s*(?P<who>(?:Cr|Cllr|Councillor|Mayor|Deputy\s+Mayor|Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w.'’ -]{1,60}?|[A-Z][\w.'’-]{1,30}(?:\s+[A-Z][\w.'’-]{1,30}){0,3})(?=\s*(?:$|[,;.]|\s+(?:and\s+)?(?:it\s+was|that|to|THAT)\b))",
    _I,
)
RESULT = re.compile(
    r"^(?:the\s+)?(?:motion\s+|amendment\s+|recommendation\s+)?(?P<result>carried|lost|defeated|failed|withdrawn|adopted)\b(?P<rest>.{0,120})$",
    _I,
)
TRAILING_RESULT = re.compile(
    r"(?<!\s)\s+(?P<result>(?:MOTION\s+)?(?:CARRIED|LOST|DEFEATED|WITHDRAWN)(?:\s+(?:UNANIMOUSLY|ON\s+THE\s+CASTING\s+VOTE[A-Za-z ]{0,40}))?)\.?\s*$"
)
LOST = re.compile(
    r"^(?:the\s+)?(?:motion\s+|amendment\s+)?(?:was\s+)?(?:lost|defeated|failed|withdrawn|not\s+carried)\b", _I
)
VOTING_LINE = re.compile(
    r"^\(?\s*(?:(?:the\s+)?(?:voting|votes?|vote\s+was|result(?:\s+of\s+the\s+vote)?|recorded\s+vote|the\s+motion\s+was\s+(?:carried|lost))\s*(?::|-|\u2013|was)?\s*)?"
    r"\d{1,3}\s+(?:votes?\s+)?(?:for|in\s+favour|against|abstentions?)\b",
    re.IGNORECASE,
)
"""A line that is only a tally: "(Voting: 7 for, 2 against, 1 abstention)", "7 for, 2 against"."""
COUNTS = re.compile(
    r"(?P<n>\d{1,3})\s+(?:votes?\s+)?(?P<what>for|in\s+favour|against|abstentions?|abstained|absent)\b",
    _I,
)

# ----------------------------------------------------------------- noise
NOISE = frozenset(
    s.lower()
    for s in (
        "Local democracy",
        "Skip to main content",
        "Toggle menu",
        "How can we help you...",
        "Media",
        "Items",
        "No. Item",
        "No.",
        "Item",
        "View directions",
        "Back to the top of the page",
        "The main menu is currently hidden off screen.",
        "Agenda items",
        "Webcast",
    )
)
PAGE_NUMBER = re.compile(r"^(?:Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?|-\s*\d{1,4}\s*-|\d{1,4}\s+of\s+\d{1,4})$", _I)

# ----------------------------------------------------------------- page kinds
PAGE_KINDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^agenda\s+item$", _I), "agenda_item"),
    (re.compile(r"^issue\s*-\s*(?:meetings|items\s+at\s+meetings)$", _I), "issue_history"),
    (re.compile(r"^issue\s+(?:details|history)$", _I), "issue_history"),
    (re.compile(r"^issue\s*-\s*decisions$", _I), "issue_decisions"),
    (re.compile(r"^decision\s+details$", _I), "decision"),
    (re.compile(r"^(?:record\s+of\s+(?:executive\s+)?decisions?)$", _I), "decision"),
    (re.compile(r"^agenda(?:,\s*decisions)?(?:\s+and\s+(?:draft\s+)?(?:minutes|decisions))?$", _I), "meeting"),
    (re.compile(r"^notice\s+of\s+meeting:?$", _I), "meeting"),
    (re.compile(r"^(?:draft\s+)?(?:council\s+)?(?:meeting\s+)?minutes(?:\s+of\s+.{3,120})?$", _I), "meeting"),
    (re.compile(r"^.{3,60}\s+(?:meeting\s+)?minutes$", _I), "meeting"),
    (re.compile(r"^(?:delegated|officer)\s+decisions$", _I), "decision_list"),
    (re.compile(r"^(?:browse\s+)?meetings?(?:\s+list)?$", _I), "meeting_list"),
]


def match_page_kind(text: str) -> str | None:
    """Return the page kind a header line names ("Agenda item" → "agenda_item")."""
    if len(text) > 160:
        return None
    for pattern, kind in PAGE_KINDS:
        if pattern.match(text):
            return kind
    return None


# ----------------------------------------------------------------- meeting headers
MEETING_HEADER = re.compile(
    r"^(?:.{0,80}?,\s*)?(?P<body>[^,]{2,120}?)\s+[-\u2013]\s+(?P<when>" + WEEKDAY + r"\b,?\s.{4,80})$",
    _I,
)
AGENDA_FOR = re.compile(r"^(?:agenda|minutes|decisions)\s+for\s+(?P<body>.{2,120}?)\s+on\s+(?P<when>.{6,80})$", _I)
WEEKDAY_LINE = re.compile(r"^" + WEEKDAY + r"\b,?\s+\d{1,2}(?:st|nd|rd|th)?\s+\w+,?\s+\d{4}.{0,40}$", _I)
NOTICE_BODY = re.compile(r"meeting\s+of\s+(?:the\s+)?(?P<body>[A-Z][\w&,' -]{2,100}?)\s+will\s+be\s+held", _I)
MINUTES_OF = re.compile(
    r"^minutes\s+of\s+(?:the\s+|an?\s+)?(?:(?:extra[-\s]?ordinary\s+|ordinary\s+|special\s+|annual\s+)?meeting\s+of\s+(?:the\s+)?)?"
    r"(?P<body>.{3,120}?)\s+held\s+(?:at|in)\s+(?:the\s+)?(?P<loc>.{3,120}?)\s+on\s+(?P<when>.{6,80}?)"
    r"(?:\s+(?:commencing\s+)?at\s+(?P<time>\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2}))?\.?$",
    _I,
)
HELD_ON = re.compile(r"\b(?:meeting|minutes)\b.{0,120}?\bheld\b(?:\s+on)?\s*(?P<when>.{0,80})$", _I)
CANCELLED = re.compile(r"\b(cancelled|postponed|moved|rescheduled|draft)\b", _I)

# ----------------------------------------------------------------- contacts
EMAIL = re.compile(r"[\w.+'-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}")
PHONE = re.compile(
    r"(?<![\w/])(?:\+44\s?\(?0?\)?\s?|\(0\d{2,5}\)\s?|0)\d{2,5}[\s-]?\d{3,4}[\s-]?\d{0,4}(?![\w/])|(?<![\w/])X\d{4}\b|(?<![\w/])\d{6}(?![\w/])|\(\d{2}\)\d{4}"
)
PAREN_CONTACT = re.compile(
    r"^\(\s*(?P<names>[A-Z][^()\d]{2,120}?)\s*[-\u2013\u2014:,]\s*(?P<phones>(?:Tel\.?\s*)?\+?\d[\d\s/,()]{4,60}\d)\s*\)$"
)
PERSON_NAME = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?[A-Z][a-z'’\-]{1,30}(?:\s+(?:[A-Z]\.?|[A-Z][a-z'’\-]{1,30}|(?:van|de|von|le|la)\s+[A-Z][a-z'’\-]{1,30}|Mc[A-Z][a-z]{1,20}|O[’'][A-Z][a-z]{1,20})){1,3}$"
)
ROLE_WORDS = re.compile(
    r"\b(?:services?|democratic|governance|committee|council|team|officer|manager|director|head|clerk|administration|department|unit|secretary|support|office|strategy)\b",
    _I,
)
REFERRAL = re.compile(
    r"^(?:[A-Z][A-Za-z&,'’ ]{2,60}\s)?(?:Committee|Board|Panel|Commission|Scrutiny)\s*:\s*[A-Z][^.;:]{1,100}$"
)


def looks_like_name(text: str) -> bool:
    """True for "Irfan Alam", "Dr Jane O’Neil"; False for "Democratic Services"."""
    text = text.strip(" .,;")
    return bool(PERSON_NAME.match(text)) and not ROLE_WORDS.search(text)


def similar(a: str, b: str, threshold: float = 90.0) -> bool:
    """Fuzzy equality of two texts after folding case, quotes and spaces."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return fa == fb
    return fa == fb or fuzz.ratio(fa, fb) >= threshold


_FOLD_TABLE = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u00a0": " "}
)
_WS = re.compile(r"\s+")


def fold(text: str) -> str:
    """Case-, quote-, dash- and space-folded text for comparisons."""
    return _WS.sub(" ", text.translate(_FOLD_TABLE).casefold()).strip(" .;:,")


# ----------------------------------------------------------------- recognising a democracy page
# Line-start cues of democracy pages, with weights. News articles report
# decisions in prose; democracy pages carry these labels and headings.
_CUE_SOURCES: tuple[tuple[str, float], ...] = tuple(
    (pattern, weight)
    for pattern, weight in (
        (r"^\s*(?:agenda item|issue - meetings|issue - decisions|decision details|issue details)\s*$", 0.6),
        (r"^\s*agenda(?:, decisions)?(?: and (?:draft )?(?:minutes|decisions))\s*$", 0.6),
        (r"^\s*meeting:\s*\d{1,2}/\d{1,2}/\d{4}\s*-.*\(item\s", 0.6),
        (r"^\s*\d{1,2}/\d{1,2}/\d{4}\s+-\s+\S", 0.25),
        (r"^\s*no\.\s+item\s*$", 0.4),
        (r"^\s*minutes\s*:", 0.35),
        (r"^\s*decisions?\s*(?::-|:)", 0.3),
        (r"^\s*(?:the\s+\w+\s+)?resolved\b", 0.35),
        (r"^\s*(?:recommended|recommendations?)\s*[:\-\u2013]", 0.3),
        (r"^\s*decision maker\s*:", 0.4),
        (r"^\s*(?:date of decision|decided at meeting|publication date)\s*:", 0.3),
        (r"^\s*(?:reference number|decision|subject of decision)\s*:-", 0.3),
        (r"^\s*(?:venue|contact)\s*:", 0.15),
        (r"^\s*notice of meeting", 0.4),
        (r"^\s*minutes (?:of|from)\b.{0,120}\bmeeting\b", 0.4),
        (r"^\s*(?:council\s+)?meeting\s+minutes\s*$", 0.4),
        (r"^\s*(?:\d{1,4}\.?\s+)?apologies(?: for absence)?\b", 0.2),
        (r"^\s*(?:\d{1,4}\.?\s+)?declarations? of (?:interest|pecuniary)", 0.2),
        (r"^\s*(?:members |councillors )?present\s*:", 0.2),
        (r"^\s*in attendance\s*:", 0.15),
        (r"^\s*item\s*-\s*\d+\s", 0.3),
        (r"^\s*(?:\u2022\s*)?moved by\s*:", 0.3),
        (r"^\s*(?:council\s+)?resolution\s+(?:no\.?\s*)?\d{1,4}/\d{1,5}", 0.35),
        (r"^\s*(?:moved|proposed)\s*:\s*(?:cr|cllr|councillor)\b", 0.3),
        (r"^\s*seconded(?:\s+by)?\s*:", 0.15),
        (r"^\s*(?:motion\s+)?(?:carried|lost)(?:\s+unanimously)?\.?\s*$", 0.15),
        (r"^\s*supporting documents\s*:", 0.2),
        (r"^\s*action\s*:", 0.15),
        (r"^\s*table of contents\s*$", 0.1),
        (
            r"^\s*(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+,?\s+\d{4},?\s+\d{1,2}[.:]\d{2}\s*[ap]\.?m",
            0.35,
        ),
        (r"^\s*no documents are available for this meeting", 0.3),
    )
)


DEMOCRACY_CUES: tuple[tuple[re.Pattern[str], float], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE | re.MULTILINE), weight) for pattern, weight in _CUE_SOURCES
)
_CUE_LINE = re.compile(
    "|".join(
        f"(?P<c{i}>{pattern.removeprefix('^').removeprefix(chr(92) + 's*')})"
        for i, (pattern, _) in enumerate(_CUE_SOURCES)
    ),
    re.IGNORECASE,
)
_CUE_WEIGHTS = {f"c{i}": weight for i, (_, weight) in enumerate(_CUE_SOURCES)}


def democracy_score(text: str) -> float:
    """How much ``text`` (one line per block) reads like a democracy page (0..1).

    News articles report decisions in prose; democracy pages carry labels and
    headings at the start of lines ("Minutes:", "RESOLVED", "Decision Maker:").
    Each line is matched once against all cues combined.
    """
    found: set[str] = set()
    for line in text.splitlines():
        m = _CUE_LINE.match(line.lstrip())
        if m is not None and m.lastgroup:
            found.add(m.lastgroup)
    return min(sum(_CUE_WEIGHTS[name] for name in found), 1.0)


# ----------------------------------------------------------------- document links
DOC_HREF = re.compile(
    r"(?:\.(?:pdf|docx?|xlsx?|pptx?|rtf|odt|ods|csv|zip|txt)(?:$|[?#])|(?:^|/)documents/|mgConvert2PDF|ViewFile|GetAttachment|/files?/|DocumentRenderer|ViewDocument|Document\.ashx|View\.ashx\?M=(?:A|M|F))",
    re.IGNORECASE,
)


def is_doc_href(href: str | None) -> bool:
    """True when ``href`` points at a document (report, appendix, minutes file)."""
    return bool(href) and DOC_HREF.search(href or "") is not None


_HREF_EXTENSION = re.compile(r"\.([A-Za-z0-9]{2,5})(?:$|[?#])")
_DOC_FORMATS = frozenset({"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "rtf", "odt", "csv", "zip", "txt"})


def format_from_href(href: str | None) -> str | None:
    """The document format a link's file name gives ("report.PDF" → "pdf"), or None."""
    m = _HREF_EXTENSION.search(href or "")
    ext = m.group(1).lower() if m else None
    return ext if ext in _DOC_FORMATS else None


LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
STEM_END = re.compile(r"(?::-?|\bthat|\bfollows|\bfollowing|\u2013|-)\s*$", re.IGNORECASE)
"""A lead-in that numbered clauses complete ("That the Committee note that:-")."""
