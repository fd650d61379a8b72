"""Blocks to tokens: each block is classified once, by the first rule family that claims it.

Order of the families (see :data:`~minutes_parser.grammar.wording.FAMILIES`):
page furniture, page-kind headers, votes, section headings, actions, contacts,
labels, documents, meeting headers, decisions inside a paragraph, then plain
text. Numbering rules run beside them: every numbering form a line shows is
kept as a :class:`~.tokens.Candidate`, and the page-wide choice of which
candidates open items is left to :mod:`.segment`.

Before classifying, very long lines (a whole PDF page flattened to one line)
are cut where a new item, heading or procedural keyword begins, so the same
rules can read them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import attrs

from ..blocks import STRUCTURAL, Block, clean
from ..dates import find_date
from ..regexes import guard
from .ruler import present
from .text import mostly_upper, titleness
from .tokens import Candidate, Kind, Token
from .wording import ACTION, CONTACT, DOCUMENT, INLINE, LABEL, MEETING, NOISE, NUMBERING, PAGE_KIND, SECTION, VOTE
from .wording.documents import split_doc_suffix
from .wording.numbering import number_key

LONG_LINE = 600
"""Lines longer than this are flattened pages: they are cut before inline items and headings.
Real paragraphs of minutes rarely run past 600 characters without a line break."""
CELL_LABEL_WORDS = 3
"""A table cell of at most this many words can be a label whose value is the next cell."""
PAGE_KIND_MAX = 120
"""A page-kind header is a short line."""
_TRAILING_PIPE = re.compile(r"(?<![\s|])(?=[\s|]*$)[\s|]*\|[\s|]*")
"""Cell borders and spaces ending a line, at least one border among them. The match starts where
the run of borders and spaces starts and is checked to reach the line's end before it is taken,
so a run that stops short costs one pass, not one per start (linear on any line)."""
_LONE_MARKER = re.compile(r"^(?:\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]|[\u2022\u00b7\u25aa\u2013-])$")
"""A list number or bullet alone in its block ("(2)", "b)", "iv.", "\u2022")."""
_LEADING_PIPE = re.compile(r"^\s*(?:\|\s*)+")
_SPLIT = guard(re.compile(
    # a sentence ends, then a numbered item: "... evening. 2. Apologies"
    r"(?<=[.!?;:)\]\u2019\u201d])(?<!\bNo\.)(?<!\bNos\.)(?<!\bSt\.)(?<!\bpara\.)\s+(?=\d{1,3}(?:\.\d{1,2})?\.?\s+[A-Z])"
    # a meeting sentence starts: "... 2017 At a meeting of the ..."
    r"|(?<=[.!?;:)\]\u2019\u201d\w])(?<![0-9]\.)(?<![0-9])(?<!THE)(?<!the)\s+(?=(?:At|A|An)\s+(?:\w+\s+)?meeting\s+of\b|MINUTES\s+OF\b)"
    # a numbered upper-case title inside running text: "... true record 1360 MATTERS ARISING"
    r"|(?<=[A-Za-z0-9.!?;:)])\s+(?=\d{1,4}(?:\.\d{1,2})?\.?\s+(?!(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b)[A-Z][A-Z'\u2019&-]{2,})"
    # a numbered run-in heading ending in a colon, after a name or a word: "... Crawford 1. Call to Order: Mayor ..."
    r"|(?<=[A-Za-z0-9)])\s+(?=\d{1,3}\.\s+[A-Z][^.:;\d]{2,90}:\s)"
    # procedural keywords in capitals
    r"|(?<=[A-Z])\s+(?=RESOLVED\s*(?::|[-\u2013]|\s(?:that|THAT)\b))"
    r"|(?<=[a-z0-9.!?;:)\]\u2019\u201d])\s+(?=(?:RESOLVED|RESOLUTION|MOVED\s+BY|SECONDED\s+BY|CARRIED|Moved\s+by|Seconded\s+by|Resolved\s+that)\b)"
    # an upper-case heading before mixed-case text (not right after a number: that is the item's own title)
    r"|(?<=[a-z.!?;:)\]\u2019\u201d])\s+(?=[A-Z][A-Z&'\u2019-]{2,}(?:\s+(?:[A-Z&][A-Z&'\u2019-]*|OF|AND|TO|FOR|THE|IN|ON)){1,10}\s+(?=[A-Z][a-z]))"
    # attendance labels and movers
    r"|(?<!\s)(?<![Mm]embers)(?<![Ss]taff)(?<![Oo]fficers)(?<![Aa]lso)(?<!MEMBERS)(?<!STAFF)(?<!OFFICERS)(?<!ALSO)\s+(?=(?i:present|in\s+attendance|apologies|members\s+present|officers\s+present|staff\s+present|also\s+present)\s*:)"
    r"|(?<!\s)\s+(?=(?:MOVED|SECONDED|PROPOSED)\s*:)"
    # the next row of a contents list flattened to one line: "... Page 2 1.1 Opening"
    r"|(?:(?<=\bPage\s\d)|(?<=\bPage\s\d\d)|(?<=\bPage\d)|(?<=\bPage\d\d))\s+(?=\d)"
))
_TITLE_THEN_PARAGRAPH = guard(re.compile(
    r"(?<!\s)\s+(?P<item>(?P<n>\d{1,3})\.?\s+[A-Z][^.:;\d]{2,120}?)\s(?P<para>(?P=n)\.1\s+[A-Z])"
))
"""On a flattened page, an item's number and title run into its own first paragraph: "... 2. Declarations
of Interest 2.1 Mr Butler declared ...". The title is short and holds no sentence end or digit;
the paragraph carries the item's number with ".1"."""
_LABELLED = re.compile(r"^\(?(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]\s")
"""A numbered clause: a decision word inside it does not start a new decision."""
_TITLE_TRAILER = guard(re.compile(
    r"(?<!\s)(?:(?:\s+|(?<!\.))\.{2,}\s*(?:\d{1,4}\s*)?$"
    r"|(?:\s*\((?:agenda\s+)?item\s+\d{1,3}[a-z]?\)|\s*\((?:section|subdivision)\s(?:[^()]|\([^()]{0,20}\)){0,160}\)"
    r"|(?<=[A-Za-z)])\.\s+\d{1,4}|\s+page\s*\d{1,4}|\s+[-\u2013]|\s+\||(?<=[A-Z])\s+\d{1,3}/\d{1,3}(?:-\d{1,3})?)\s*$"
    r"|\s+[^\s~^\u00ae]*[~^\u00ae][\s\S]*?$)",
    re.IGNORECASE
))
"""What follows a title on a contents line or an annotated copy: dot leaders and page numbers
("REVIEW... 7", "MINUTES Page 2"), the agenda item a minute answers ("WORK PROGRAMME (Agenda item 7)"),
the statute a closed session cites ("... LITIGATION (Section 54956.9(d)(1) of the Government Code)"),
a dangling dash or cell border, and OCR debris ("~ ~('ay/"). A trailer starts where its run of
spaces (or of leader dots) starts, never inside it: a start inside a run matches only what the
run's start matches, and trying each one is quadratic. The debris runs to the end of the title
(a title is one line)."""
_TITLE_COLON = re.compile(r"^(?P<title>[^:.]{2,90}?)\s*:\s+(?P<rest>\S.*)$")
_SENTENCE_WORD = re.compile(
    r"\b(?:was|were|is|are|has|had|have|will|would|be|been|noted|received|agreed|resolved|approved|reported|declared|welcomed|confirmed)\b"
)
"""Verbs of a sentence, in lower case (an upper-case title's "APPROVED" is part of the title)."""
_PART_LEAD = re.compile(r"^\(?(?:[a-z]|\d{1,2}|[ivx]{1,4})[.)]\s+\S")
"""A heading's colon followed by its first lettered or numbered part: "Adoption of Agenda: a) Motion to ..."."""
_RUN_IN_TITLE = re.compile(
    r"^(?!(?:The|It|There|This|These|A|An|All|No|Members|Councillors?|Cllrs?)\s)(?P<title>[A-Z][\w'\u2019&/-]*(?:\s+(?:[A-Z0-9][\w'\u2019&/.,-]*|of|and|the|for|to|in|on|at|with|by|from|&|[-\u2013])){0,9}?)"
    r"\s+(?P<rest>(?:(?:It|There|This|These|All|No)\s+[a-z]|(?:The|Members|Councillors?|Cllrs?|Mr|Mrs|Ms|Dr)\s+\S).*)$"
)
"""A title in title case running into the minute's first sentence: "Election of Chairman It was
proposed ...", "Planning Applications The Clerk reported ...". The title's words are capitalised
(or short function words); the sentence opens with a subject. A line that itself opens with a
subject ("The County Councillor reported ...") is a sentence, not a title."""
_FUNCTION_END = re.compile(r"\b(?:of|and|the|for|to|in|on|at|with|by|from|&|[-\u2013])$")
_PAST_VERB = re.compile(r"\b[a-z]{3,}ed\b")
"""A verb in the past tense, in lower case: what minutes narrate ("Mayor Hughes assumed the Chair")."""
RUN_IN_MIN = 40
"""A line shorter than this is a title, however it is worded."""
NARRATIVE_WORDS = 8
"""After a heading's colon, at least this many words with a past-tense verb among their first ones are
the minute, not more of the title (a title's own "Revised Agenda" is short and capitalised)."""
_OPEN_WORD = re.compile(r"\b(?:on|of|at|for|to|in|by|from|the|and)$", re.IGNORECASE)
"""A heading ending in one of these continues after its colon ("... HELD ON: 23 November")."""
_STATUS_TAIL = re.compile(r"^(?P<title>.{3,200}?)\.\s+(?P<rest>(?:Approved|Agreed|Noted|Resolved|Deferred|None|Nil|Received)\.?)$")
"""A title followed by its outcome in one word ("Approval of minutes from 14/06/21. Approved")."""
_DASH_TAIL = re.compile(r"^(?P<title>.{3,150}?)(?:\s+[-\u2013\u2014]\s*|\s*[\u2013\u2014]\s+|-\s+(?=[A-Z]))(?P<rest>\S.*)$")
"""A title, then a dash with a space beside it, then the rest ("Invocation – Commissioner Sue Leggett");
a hyphen glued to the word before is a dash only before a capital (not "anti- member", a broken word)."""
DASH_TITLE_WORDS = 12
"""A title cut at a dash is short; a longer run before the dash is a sentence."""
_PERSON_LEAD = re.compile(
    r"^(?:(?:vice|deputy|acting|assistant|interim|associate)\s+)?(?:[A-Z][a-z]+\s+)?(?:chair(?:man|woman|person)?|mayor|commissioner|councillor|councilmember"
    r"|council\s+member|cllr|cr|alderman|director|manager|clerk|president|supervisor|trustee|mr|mrs|ms|miss|dr)\b\.?,?\s+[A-Z]",
    re.IGNORECASE,
)
"""After an agenda title's dash, who presents it: "Chairman Robbie B. Davis", "Vice Chairman, Wayne Outlaw",
"Assistant Airport Manager Leno read ..."."""
_REPORTING = re.compile(
    r"\b(?:commented|read|gave|stated|reported|said|mentioned|presented|explained|noted|discussed|asked|thanked|updated|provided|were|was|has|had)\b"
)
"""After a title's dash, a sentence of what was said or done: the minute, not the title."""
REPORT_WORDS = 5
"""A reporting sentence after a dash has at least this many words ("Legislative Updates – N/A" is a title)."""
_MOTION_TAIL = re.compile(
    r"^(?P<title>.{3,300}?)(?:[.:;]\s+|\s+(?=(?-i:Moved|MOVED)\b))"
    r"(?P<rest>(?:it\s+was\s+)?(?:moved|motion|proposed)\s+(?:by\b|:|(?-i:(?=[A-Z][a-z]+\s+to\b)))\s*\S.*)$",
    re.IGNORECASE,
)
"""A title followed by the motion on it, as summary minutes print them: "City Clerk to issue
Cigarette Licenses. Moved by McPherson to adopt. Motion Carried 7-0.", also with no stop before a
capitalised "Moved" and with the mover named without "by" ("... Plat Moved Hensley to adopt.")."""


@attrs.frozen(kw_only=True, slots=True)
class Lexed:
    """A page's blocks (long lines cut), tokens and item candidates."""

    blocks: tuple[Block, ...]
    """The blocks the tokens point into."""
    tokens: tuple[Token, ...]
    """Every token, in page order."""
    candidates: tuple[Candidate, ...]
    """Every numbering form seen, in page order."""
    first_token: tuple[int, ...]
    """For each block, the index of its first token."""


def split_long(text: str) -> list[str]:
    """Cut a flattened page into pieces at inline item starts, headings and keywords."""
    if len(text) < LONG_LINE:
        return [text]
    cuts = [(m.start(), m.end()) for m in _SPLIT.finditer(text)]
    for m in _TITLE_THEN_PARAGRAPH.finditer(text):
        # "... Taylor-Smith 1. Apologies for Absence 1.1 There were ...": the item and its first paragraph.
        cuts.append((m.start(), m.start("item")))
        cuts.append((m.start("para") - 1, m.start("para")))
    if len(cuts) > 1:
        cuts.sort()
    pieces: list[str] = []
    start = 0
    for cut_start, cut_end in cuts:
        if cut_start - start >= 3:
            pieces.append(text[start:cut_start].strip())
            start = cut_end
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def _joins_marker(out: list[Block], block: Block) -> bool:
    """True when the last block is a lone list marker on the same line of markup as ``block``."""
    if not out or block.line is None or block.page is not None or block.kind not in ("para", "li", "cell"):
        return False
    last = out[-1]
    return last.line == block.line and last.kind in ("para", "li", "cell") and _LONE_MARKER.match(last.text) is not None


def _prepare(blocks: Sequence[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if block.kind in STRUCTURAL:
            out.append(block)
            continue
        if _joins_marker(out, block):
            # A list number in its own box on the same line as its text ("(2)" | "That the ..."):
            # one line, as a reader sees it.
            marker = out.pop()
            block = attrs.evolve(block, text=f"{marker.text} {block.text}", raw=None, gap=marker.gap)
        text = block.text
        if "|" in text:
            cell_end = _TRAILING_PIPE.search(text) is not None
            text = clean(_LEADING_PIPE.sub("", _TRAILING_PIPE.sub("", text)))
            if not text:
                out.append(attrs.evolve(block, kind="noise", text=block.text))
                continue
            if cell_end:
                block = attrs.evolve(block, meta={**block.meta, "cell_end": "1"})
        if not text and block.kind != "link":
            continue
        if len(text) >= LONG_LINE:
            pieces = split_long(text)
            for index, piece in enumerate(pieces):
                out.append(attrs.evolve(block, text=piece, raw=None, gap=block.gap if index == 0 else 0))
            continue
        out.append(block if text == block.text else attrs.evolve(block, text=text))
    return out


def classify(text: str, index: int, block: Block, depth: int = 0, low: str | None = None, lits: int | None = None) -> list[Token]:
    """The tokens of one piece of text (a block, or the rest of a line after a heading).

    ``low`` and ``lits`` (the lower-cased text and :func:`.ruler.present`'s result) save
    work when the caller has them."""

    def tok(kind: Kind, rule: str | None, piece: str, data: dict[str, Any] | None = None) -> Token:
        return Token(
            kind=kind, rule=rule, block=index, text=piece, line=block.line, page=block.page,
            data=data or {}, block_kind=block.kind,
        )

    if low is None or lits is None:
        low = text.lower()
        lits = present(low)
    found = NOISE.first(text, low, lits)
    if found is not None:
        return [tok(Kind.NOISE, found[0].name, text)]
    if len(text) <= PAGE_KIND_MAX:
        found = PAGE_KIND.first(text, low, lits)
        if found is not None:
            return [tok(Kind.PAGE_KIND, found[0].name, text, found[1])]
    found = VOTE.first(text, low, lits)
    if found is not None and found[0].name == "result-trailing":
        # The motion, then its result: "That the minutes be adopted. Carried."
        rule, data = found
        before = text[: data["_start"]].strip()
        head = classify(before, index, block, depth + 1) if before and depth < 3 else ([tok(Kind.TEXT, None, before)] if before else [])
        return [*head, tok(Kind.VOTE, rule.name, text[data["_start"] :].strip(), data)]
    if found is not None:
        rule, data = found
        rest = str(data.pop("rest", "") or "")
        then = str(data.pop("then", "") or "")
        whole = text[: text.rfind(then)].rstrip() if then else text
        out = [tok(Kind.VOTE, rule.name, whole[: len(whole) - len(rest)].strip() if rest else whole, data)]
        rest = re.sub(r"^(?:and|&)(?:\s+|$)", "", rest)
        if rest and depth < 3:
            out.extend(classify(rest, index, block, depth + 1))
        if then and depth < 3:
            out.extend(classify(then, index, block, depth + 1))
        return out
    found = SECTION.first(text, low, lits)
    if found is not None:
        rule, data = found
        rest = str(data.pop("rest", "") or "")
        lead = data.pop("lead", None)
        out = []
        if lead:
            out.append(tok(Kind.TEXT, None, str(lead), {"lead_in": True}))
        data["has_rest"] = bool(rest)
        out.append(tok(Kind.SECTION, rule.name, text, data))
        if rest and depth < 3:
            out.extend(classify(rest, index, block, depth + 1))
        return out
    found = ACTION.first(text, low, lits)
    if found is not None:
        rule, data = found
        if rule.name == "action-line":
            return [tok(Kind.ACTION, rule.name, text, data)]
        if rule.name == "action-trailing":
            before = text[: data["_start"]].strip()
            return [*classify(before, index, block, depth + 1), tok(Kind.ACTION, rule.name, text[data["_start"] :].strip(), data)]
        inline_owner = data
    else:
        inline_owner = None
    found = CONTACT.first(text, low, lits)
    if found is not None:
        return [tok(Kind.CONTACT, found[0].name, text, found[1])]
    found = LABEL.first(text, low, lits)
    if found is not None:
        return [tok(Kind.LABEL, found[0].name, text, found[1])]
    found = DOCUMENT.first(text, low, lits)
    if found is not None:
        return [tok(Kind.DOCUMENT, found[0].name, text, found[1])]
    found = INLINE.first(text, low, lits) if not _LABELLED.match(text) else None
    if found is not None and found[1]["_end"] < len(text):
        rule, data = found
        before = text[: data["_start"]].strip()
        after = text[data["_end"] :].strip()
        out = [tok(Kind.TEXT, None, before, {"lead_in": True})] if before else []
        out.append(tok(Kind.SECTION, rule.name, text[data["_start"] : data["_end"]].strip(), {"section": "resolutions", "inline": True}))
        out.extend(classify(after, index, block, depth + 1) if depth < 3 else [tok(Kind.TEXT, None, after)])
        return out
    found = MEETING.first(text, low, lits)
    if found is not None:
        return [tok(Kind.MEETING, found[0].name, text, found[1])]
    if block.meta.get("cell_end") and len(text.split()) <= CELL_LABEL_WORDS:
        # A table cell holding only a label word ("Venue |"): the next cell is its value.
        found = LABEL.first(text + ":")
        if found is not None and not found[1].get("value"):
            return [tok(Kind.LABEL, found[0].name, text, found[1])]
    data = {"action": inline_owner["owner"]} if inline_owner else {}
    return [tok(Kind.TEXT, None, text, data)]


_CLAUSE_OPENERS = frozenset({"that", "the", "and", "to", "whereas", "be", "it", "this", "a", "an", "in", "of"})
"""Words that open a clause or a sentence written in capitals, never a heading."""
_BRACKETED_NOTE = re.compile(r"\s\([^()]{0,200}\)$")
"""A note in brackets ending a heading ("RECESS TO CLOSED SESSION (Meeting will reconvene ...)"): the
heading is in capitals without it."""
_BRACKETED_LABEL = re.compile(r"\([A-Za-z0-9]{1,4}\)")
"""A sub-section's label in brackets inside a reference ("54953(e)", "15061(b)(3)")."""
CAPS_WORDS = 14
"""An unnumbered upper-case heading is at most this many words."""


def _caps_heading(text: str, index: int, block: Block, first: Token) -> Candidate | None:
    """An unnumbered upper-case heading ("CONFIRMATION OF MINUTES", "APOLOGIES:"), or one running into
    the minute on a flattened page ("DEPUTATION Mr Cameron Barnes addressed ...")."""
    if first.kind not in (Kind.TEXT, Kind.PAGE_KIND) and not (first.kind is Kind.LABEL and not first.data.get("value")):
        return None
    head = text.split(None, 1)[0] if text.strip() else ""
    if not head or any(c.islower() for c in head):
        return None  # an upper-case heading (or an upper-case title running into text) opens in capitals
    title, rest = text.rstrip(" :-\u2013"), ""
    if not mostly_upper(_BRACKETED_NOTE.sub("", title), 0.9):
        cut = _caps_prefix(text)
        if cut is None:
            return None
        title, rest = cut
    words = _BRACKETED_NOTE.sub("", title).split()
    if not 1 <= len(words) <= CAPS_WORDS or sum(ch.isalpha() for ch in title) < CAPS_TITLE_MIN or title[:1].isdigit():
        return None
    if words[0].lower() in _CLAUSE_OPENERS or SECTION.first(title) or VOTE.first(title):
        return None
    return Candidate(
        block=index,
        scheme="caps-heading",
        number=None,
        key=(),
        title=title if not rest else f"{title} {rest}",
        titleness=titleness(title),
        data={"system": "caps"},
    )


def _candidates(
    text: str, index: int, block: Block, first: Token | None = None, low: str | None = None, lits: int | None = None
) -> list[Candidate]:
    out: list[Candidate] = []
    seen: set[str] = set()
    for rule, data in NUMBERING.all(text, low, lits):
        system = str(data.get("system", "arabic"))
        if system in seen:
            continue
        seen.add(system)
        number = data.get("number")
        title = str(data.get("title") or "")
        out.append(
            Candidate(
                block=index,
                scheme=rule.name,
                number=str(number) if number else None,
                key=tuple(data["key"]) if data.get("key") else number_key(str(number)) if number else (),
                title=title,
                title_next=bool(data.get("title_next")),
                titleness=titleness(split_title(title)[0]) if title else 0.0,
                data={k: v for k, v in data.items() if k in ("body", "date", "system")},
            )
        )
    if not out and first is not None:
        if first.kind is Kind.DOCUMENT and first.rule == "sized-title":
            # A title printed with its report's size: an item whose number the capture lost.
            title = str(first.data.get("title") or "")
            out.append(
                Candidate(block=index, scheme="sized-title", number=None, key=(), title=title, titleness=titleness(title), data={"system": "sized"})
            )
        else:
            caps = _caps_heading(text, index, block, first) or _heading_line(text, index, first)
            if caps is not None:
                out.append(caps)
    return out


HEADING_WORDS = 14
"""A heading in title case is at most this many words."""
TITLE_CASE = 0.6
"""Share of a heading's longer words that start with a capital ("Suspension of Standing Orders")."""


def _heading_line(text: str, index: int, first: Token) -> Candidate | None:
    """An unnumbered heading in title case ("Suspension of Standing Orders – Minister Simon Coveney");
    whether it opens an item depends on what follows it (see :mod:`.segment`)."""
    if first.kind is not Kind.TEXT or text.endswith((".", ":", ";", ",")) or text[:1].islower():
        return None
    words = text.split()
    if not 2 <= len(words) <= HEADING_WORDS:
        return None
    long_words = [w for w in words if sum(c.isalpha() for c in w) >= 4]
    if not long_words:
        return None
    if sum(1 for w in long_words if w[:1].isupper()) < TITLE_CASE * len(long_words) or words[0][:1].islower():
        return None
    if words[0].lower() in _CLAUSE_OPENERS or titleness(text) < 0.8:
        return None
    return Candidate(block=index, scheme="heading-line", number=None, key=(), title=text, titleness=titleness(text), data={"system": "caps"})


CAPS_TITLE_MIN = 4
"""An upper-case title has at least this many letters ("OPENING PRAYER"; not "A")."""


def _caps_prefix(text: str) -> tuple[str, str] | None:
    """An upper-case title running into mixed-case text: ("OPENING PRAYER", "An opening prayer was ...")."""
    words = text.split()
    k = 0
    letters = 0
    while k < len(words):
        w = words[k]
        alpha = [c for c in (_BRACKETED_LABEL.sub("", w) if "(" in w else w) if c.isalpha()]
        if alpha and not all(c.isupper() for c in alpha):
            break  # (a label in brackets, "54953(e)", is neither case)
        letters += len(alpha)
        k += 1
    if k == 0 or k >= len(words) or letters < CAPS_TITLE_MIN or len(words) - k < 3:
        return None
    if any(ch.isdigit() for ch in words[k - 1]) and not (k >= 3 and find_date(" ".join(words[k - 3 : k]))):
        return None  # "RESOLUTION (2019-37) Accept the grant ...": a kind and number label the title (a date ends one)
    nxt = words[k]
    if not (nxt[:1].isupper() and any(c.islower() for c in nxt)):
        return None
    rest = " ".join(words[k:])
    if mostly_upper(rest, 0.5) or not (_SENTENCE_WORD.search(rest) or rest.endswith(".")):
        return None
    return " ".join(words[:k]).strip(" ,-\u2013"), rest


def split_title(title: str) -> tuple[str, str]:
    """Cut an item line's title from text that runs on after it: ("title", "rest").

    "OPENING PRAYER An opening prayer was conducted." → ("OPENING PRAYER", "An opening ...");
    "Apologies for absence: Apologies were received ..." → ("Apologies for absence", "Apologies ...");
    a sentence with no title ("There were no apologies.") → ("", the sentence).
    """
    text = _TITLE_TRAILER.sub("", title.strip())
    if not text:
        return "", ""
    stripped, fmt, _ = split_doc_suffix(text)
    if fmt is not None or stripped != text:
        return stripped, ""
    label = LABEL.first(text)
    if label is not None and label[1].get("value") and label[1].get("key") in ("present", "apologies", "absent", "in_attendance"):
        return text[: label[1]["_end"]].rstrip(" :-\u2013"), str(label[1]["value"])
    status = _STATUS_TAIL.match(text)
    if status is not None:
        return status.group("title"), status.group("rest")
    low = text.lower()
    if "oved" in low or "otion" in low or "roposed" in low:
        motion = _MOTION_TAIL.match(text)
        if motion is not None:
            return motion.group("title").strip(), motion.group("rest")
    if "-" in text or "\u2013" in text or "\u2014" in text:
        dash = _DASH_TAIL.match(text)
        if dash is not None and len(dash.group("title").split()) <= DASH_TITLE_WORDS:
            rest = dash.group("rest")
            if _PERSON_LEAD.match(rest) or (_REPORTING.search(rest) and len(rest.split()) >= REPORT_WORDS):
                return dash.group("title").strip(), rest
    m = _TITLE_COLON.match(text)
    if m is not None:
        rest = m.group("rest")
        head = m.group("title")
        if len(head.split()) <= 10 and (
            _SENTENCE_WORD.search(rest)
            or _PART_LEAD.match(rest)
            or (len(rest.split()) >= NARRATIVE_WORDS and _PAST_VERB.search(" ".join(rest.split()[:NARRATIVE_WORDS + 4])))
            or rest.lower().strip(" .") in ("none", "nil", "none received", "noted")
            or (mostly_upper(head, 0.9) and not mostly_upper(rest, 0.6) and not rest[:1].isdigit() and not _OPEN_WORD.search(head))
        ):
            return head.strip(), rest.strip()
    cut = _caps_prefix(text)
    if cut is not None:
        return cut
    run_in = _RUN_IN_TITLE.match(text) if len(text) > RUN_IN_MIN else None
    if run_in is not None and not _FUNCTION_END.search(run_in.group("title")):
        rest = run_in.group("rest")
        if _SENTENCE_WORD.search(rest) or _PAST_VERB.search(" ".join(rest.split()[:NARRATIVE_WORDS])):
            return run_in.group("title"), rest
    if titleness(text) < 0.4 and (SECTION.first(text) or INLINE.first(text) or VOTE.first(text)):
        return "", text  # "It was agreed that ...": the item's minute, not its title
    return text, ""


def lex(blocks: Sequence[Block]) -> Lexed:
    """Classify every block of a page."""
    prepared = _prepare(blocks)
    tokens: list[Token] = []
    candidates: list[Candidate] = []
    first: list[int] = []
    for index, block in enumerate(prepared):
        first.append(len(tokens))
        if block.kind in STRUCTURAL:
            kind = {"item": Kind.ITEM, "section": Kind.SECTION, "break": Kind.BREAK, "noise": Kind.NOISE}[block.kind]
            data: dict[str, Any] = dict(block.meta)
            tokens.append(
                Token(kind=kind, rule=None, block=index, text=block.text, line=block.line, page=block.page, data=data, block_kind=block.kind)
            )
            continue
        if block.kind == "link":
            tokens.append(
                Token(kind=Kind.DOCUMENT, rule=None, block=index, text=block.text, line=block.line, page=block.page, data={"link": True}, block_kind="link")
            )
            continue
        text = block.text
        column = block.meta.get("column")
        if column:
            # A cell under its column's header ("Action" / "Clerk") reads as "Action: Clerk".
            headed = f"{column}: {text}"
            found_action = ACTION.first(headed)
            found_headed = found_action or LABEL.first(headed)
            if found_headed is not None:
                rule, data = found_headed
                kind = Kind.ACTION if found_action is not None else Kind.LABEL
                tokens.append(
                    Token(kind=kind, rule=rule.name, block=index, text=text, line=block.line, page=block.page, data=data, block_kind=block.kind)
                )
                continue
        low = text.lower()
        lits = present(low)
        found = classify(text, index, block, 0, low, lits)
        tokens.extend(found)
        candidates.extend(_candidates(text, index, block, found[0] if found else None, low, lits))
    return Lexed(blocks=tuple(prepared), tokens=tuple(tokens), candidates=tuple(candidates), first_token=tuple(first))
