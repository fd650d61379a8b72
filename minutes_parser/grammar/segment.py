"""Where items start: the run of numbered lines that reads best as a page's agenda.

Every numbering form a line shows is a candidate (:mod:`.lexer`). Candidates
are grouped by numbering *system* (arabic numbers with their dotted
sub-numbers, minute codes, letters). Within a system, a chain is built by
dynamic programming over the page: each candidate brings its own quality (does
its title look like a title, is it a heading, does it follow a lead-in that
makes it a list), and each step from one member to the next brings a bonus
when the numbers run in sequence (5 → 6, 5 → 5.1 → 5.2 → 6, 79/21 → 80/21) and
a penalty when they jump. The best chain over all systems wins. So one stray
number cannot take over a page, and numbered paragraphs inside items (whose
numbers restart and whose "titles" are sentences) stay content.

Structural starts from markup (an agenda table's rows) and the issue-page
forms ("Meeting: date - body (Item N)", "date - title") are taken as they come.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

import attrs

from .lexer import Lexed, split_title
from .text import mostly_upper, titleness
from .tokens import Candidate, Kind, Token
from .wording.documents import split_doc_suffix
from .wording.printed import PRINTED

WINDOW = 80
"""How many earlier candidates a candidate may follow in a chain: enough for long
agendas with numbered paragraphs between items, and it keeps the search linear."""
MAX_GAP = 5
"""A jump of up to this many numbers is a gap (items missing from a capture, skipped
numbers); more is a different sequence."""
MIN_CHAIN = 1.2
"""A chain must score at least this to be the page's items (two good items in sequence
score about 2.5; one strong item 1.2)."""
STEP_NEXT = 1.0
"""Bonus for the next number in sequence (5 → 6, 5.2 → 6, 79/21 → 80/21)."""
STEP_GAP = 0.3
"""Bonus for a small gap (5 → 7)."""
STEP_SERIES = 0.3
"""Bonus for a minute code of another series after a code ("CCS24/31" → "CIS24/12"): like a gap."""
STEP_JUMP = -2.0
"""Penalty for a jump beyond MAX_GAP (5 → 40)."""
FORM_SWITCH = -0.5
"""Penalty when consecutive items print their numbers differently ("41." on its own line, then
"  53  Disposal ..."): one agenda prints its numbers one way."""
STEP_CHILD = 0.0
"""A sub-number after its parent (5 → 5.1) is neutral: sub-items are kept only when they
read as titles."""
TITLE_BELOW = 0.6
"""A line after a minute code that reads less like a title than this is the minute, not the title."""
OPEN_BRACKET_PENALTY = 2.0
"""A line after one that leaves a bracket open continues it ("... CODE (TITLE" / "26 COUNTY BUILDING
CODE), ..."): its number is the bracket's, not an item's."""
OPEN_BRACKET_WORDS = 2
"""The bracket was opened just before the line's end ("(TITLE", "(Section"): a reference cut by the
wrap, not a parenthesis that happens to close further down."""
LEAD_IN_PENALTY = 1.2
"""A numbered line right after a lead-in ending with ":" starts a list, not an item (a group
heading in capitals ending with ":" is no lead-in: "REGULAR ACTIONS OF THE BOARD:" then "A. ...")."""
SENTENCE_PENALTY = 0.6
"""A numbered line whose text is a sentence is a numbered paragraph more often than an item."""

_BASE = {
    "number-alone": 0.8,
    "digits-alone": -0.3,
    "item-word": 1.2,
    "number-title": 0.6,
    "number-space-title": 0.2,
    "code-title": 0.7,
    "glued": 0.0,
    "letter-title": -0.2,
    "caps-heading": 0.2,
    "sized-title": 0.4,
    "heading-line": -0.2,
    "resolution-register": 1.8,  # a year-numbered resolution with its movers: the record's structure itself
}
"""Prior quality of each numbering form, before its title is looked at."""


@attrs.frozen(kw_only=True, slots=True)
class Start:
    """Where an item starts and what its header says."""

    block: int
    """Block index of the item's first line."""
    scheme: str
    """The numbering rule (or "markup")."""
    number: str | None = None
    """Printed number."""
    title: str = ""
    """Title ("" when unknown)."""
    rest: str = ""
    """Text on the item's line after its title (the minute itself)."""
    title_block: int | None = None
    """Block holding the title when it is on its own line (consumed)."""
    body: str | None = None
    """Meeting body printed with the start (issue pages)."""
    date: str | None = None
    """Meeting date text printed with the start (issue pages)."""


@functools.lru_cache(maxsize=8192)
def _relation(a: tuple[int, ...], b: tuple[int, ...]) -> float | None:
    """The step bonus from number ``a`` to number ``b``, or None when ``b`` does not follow ``a``."""
    if not a or not b or b <= a:
        return None
    for i in range(min(len(a), len(b))):
        if a[i] != b[i]:
            d = b[i] - a[i]
            if d <= 0:
                return None
            if d == 1:
                return STEP_NEXT
            return STEP_GAP if d <= MAX_GAP else STEP_JUMP
    # b extends a: a sub-number under its parent.
    first = b[len(a)]
    return STEP_CHILD if first <= 1 else STEP_GAP


_SERIES = re.compile(r"^[A-Za-z]+")
_SPONSOR = re.compile(r"^(?:recommended|submitted|presented|requested|sponsored|introduced)\s+by\s+\S", re.IGNORECASE)
"""Who brings an item, printed on the number's line above the item's title ("1. Recommended by Water System")."""


def _new_series(a: Candidate, b: Candidate) -> bool:
    """Minute codes of another series ("CCS24/31" then "CIS24/12"): directorates number their
    reports apart, so the second does not continue the first's numbers."""
    if a.data.get("system") != "code" or b.data.get("system") != "code" or not a.number or not b.number:
        return False
    first, second = _SERIES.match(a.number), _SERIES.match(b.number)
    return first is not None and second is not None and first.group(0).upper() != second.group(0).upper()


def _next_text(lexed: Lexed, block: int) -> tuple[int | None, str]:
    """The next block with text after ``block`` (skipping furniture), and its text."""
    blocks = lexed.blocks
    for j in range(block + 1, min(block + 4, len(blocks))):
        b = blocks[j]
        if b.kind in ("noise", "break", "item", "section"):
            continue
        tok = lexed.tokens[lexed.first_token[j]]
        if tok.kind is Kind.NOISE:
            continue
        return j, b.text
    return None, ""


def _previous_text(lexed: Lexed, block: int) -> str:
    for j in range(block - 1, max(block - 3, -1), -1):
        b = lexed.blocks[j]
        if b.kind in ("noise", "break") or not b.text:
            continue
        return b.text
    return ""


_JOINING = "or|and|of|by|to|the|for|in|on|with"
"""Words that join a title's parts; a line ending or starting with one is cut from its neighbour."""
_CONNECTIVE = re.compile(r"(?:\b(?:" + _JOINING.upper() + "|A|AN|" + _JOINING + r")|[,&\u2013-])$")
WRAP_WORDS = 3
"""An upper-case title this short, or ending with a connective, may continue on the next line."""
_OPENING_CONNECTIVE = re.compile(r"^(?:" + _JOINING.upper() + "|" + _JOINING + r"|[&(\u2013-])(?:\s|$)")
"""A line continuing the title above it opens with a connective ("AND APPLICATIONS FOR ...")."""


_BY_BLOCK: tuple[tuple[Candidate, ...], dict[int, list[Candidate]]] = ((), {})
"""The candidates of the page last segmented, by block (one entry, swapped whole: safe across threads)."""


def _candidates_at(lexed: Lexed) -> dict[int, list[Candidate]]:
    """A page's candidates by the block they start at, built once per page (the title checks ask for
    one block's candidates for every candidate; scanning them all each time is quadratic)."""
    global _BY_BLOCK
    entry = _BY_BLOCK
    if entry[0] is not lexed.candidates:
        index: dict[int, list[Candidate]] = {}
        for c in lexed.candidates:
            index.setdefault(c.block, []).append(c)
        entry = _BY_BLOCK = (lexed.candidates, index)
    return entry[1]


def _caps_line(lexed: Lexed, block: int | None) -> bool:
    """The block holds an unnumbered heading in capitals."""
    return block is not None and any(c.scheme == "caps-heading" for c in _candidates_at(lexed).get(block, ()))


_OPEN_TITLE_END = re.compile(r"\b(?:" + _JOINING + r"|from|at|a|an)$")
"""A title cannot end with a connective in lower case ("... Renew the contract with the insurer for"): the line was cut."""
RUN_ON_WORDS = 40
"""A title's run-on line is at most this long (a paragraph is not part of the title)."""


def _wrapped(lexed: Lexed, block: int, title: str) -> tuple[str, int | None]:
    """A title a printed page wrapped onto the next line: "5. APOLOGIES" / "AND APPLICATIONS ...", or
    a title cut after a connective going on in lower case ("... Insurance Company for" / "life
    insurance coverage from April 1 ..."). A PDF's layout pass has already joined the lines it saw
    wrap, so there only the second form is looked for."""
    if _OPEN_TITLE_END.search(title):
        j, text = _next_text(lexed, block)
        if j == block + 1 and text[:1].islower() and len(text.split()) <= RUN_ON_WORDS and not lexed.blocks[j].gap:
            tok = lexed.tokens[lexed.first_token[j]]
            if tok.kind is Kind.TEXT and j not in _candidates_at(lexed):
                return f"{title} {text}", j
    if lexed.blocks[block].page is not None:
        return title, None
    if not mostly_upper(title, 0.9) or not (len(title.split()) <= WRAP_WORDS or _CONNECTIVE.search(title)):
        return title, None
    j, text = _next_text(lexed, block)
    if j is None or j != block + 1 or lexed.blocks[j].gap or not mostly_upper(text, 0.8) or len(text.split()) > 16:
        return title, None  # (a blank line between ends the title)
    tok = lexed.tokens[lexed.first_token[j]]
    if tok.kind not in (Kind.TEXT, Kind.MEETING, Kind.PAGE_KIND) or any(c.number for c in _candidates_at(lexed).get(j, ())):
        return title, None
    if not _CONNECTIVE.search(title) and not _OPENING_CONNECTIVE.match(text) and _caps_line(lexed, j) and _caps_line(lexed, _next_text(lexed, j)[0]):
        return title, None  # "CALL TO ORDER" / "ROLL CALL" / "PUBLIC COMMENT": a run of headings, each its own
    return f"{title} {text}", j


_FILE_TYPE = re.compile(r"^(?:REPORT|ORDINANCE|RESOLUTION|PROCLAMATION|PRESENTATION|APPOINTMENT|CONTRACT|AGREEMENT)\s+(?=\S)")
"""The type of a matter, printed in capitals in an agenda's left column above its file number."""
_FILE_LEAD = re.compile(r"^(?:\d{2}|\d{4})-\d{2,5}\s+(?P<rest>\S.*)?$|^(?:\d{2}|\d{4})-\d{2,5}$")
"""A line opening with a matter's file number ("23-0021 ...", "2017-0346")."""
STACKED_WORDS = 40
"""A title's continuation beside a file number is at most this long: the rest of a long title in
capitals (the layout pass has joined its wrapped lines), not a paragraph."""


def _file_stacked(lexed: Lexed, block: int, title: str) -> tuple[str, int | None]:
    """An agenda entry whose left column stacks the matter's type over its file number, beside a
    title in capitals wrapped over the same two lines: "b) REPORT AWARD OF AGREEMENTS FOR" / "23-0002
    ON-CALL PLAN CHECKING SERVICES". The type word is not the title's; the text after the number
    continues it. An entry that carries its own file number ("24-0101 RESOLUTION ...") is not one:
    the next file number is the next matter's."""
    if not mostly_upper(title, 0.9) or _FILE_LEAD.match(lexed.blocks[block].text):
        return title, None
    j, text = _next_text(lexed, block)
    if j is None or j != block + 1:
        return title, None
    lead = _FILE_LEAD.match(text)
    if lead is None:
        return title, None
    kind = _FILE_TYPE.match(title)
    if kind is not None and not _CONNECTIVE_WORD.match(title, kind.end()):
        title = title[kind.end() :]  # "REPORT CITY COUNCIL MINUTES"; not "REPORT OF THE CITY MANAGER"
    more = (lead.group("rest") or "").strip()
    if more and mostly_upper(more, 0.8) and not more[:1].isdigit() and not more.startswith("(") and len(more.split()) <= STACKED_WORDS:
        return f"{title} {more}", j
    return title, None


_CONNECTIVE_WORD = re.compile(r"(?:" + _JOINING.upper() + r"|FROM)\b")
"""A joining word after a type word makes the type word the title's own ("REPORT OF THE CITY MANAGER")."""


TRAIL_LINES = 3
"""A title broken over lines runs at most this many lines down to the line carrying its document size."""


def _trailed(lexed: Lexed, block: int, title: str) -> tuple[str, int]:
    """A title broken over lines that ends on the line printing its document's size
    ("F/YR24/0468/O" / "Land South of ..." / "Erect up to 20 dwellings pdf icon PDF 4 MB")."""
    if split_doc_suffix(title)[1] is not None:
        return title, block
    parts = [title]
    for j in range(block + 1, min(block + 1 + TRAIL_LINES, len(lexed.blocks))):
        tok = lexed.tokens[lexed.first_token[j]]
        if tok.kind not in (Kind.TEXT, Kind.DOCUMENT, Kind.MEETING) or any(c.number for c in _candidates_at(lexed).get(j, ())):
            break
        parts.append(lexed.blocks[j].text)
        if tok.kind is Kind.DOCUMENT:
            return " ".join(parts), j
    return title, block


Quality = tuple[float, str, str, "int | None", int]
"""A candidate's quality, its title, text run on after the title, the block holding the title
(when not the candidate's own), and the block where the item starts."""


def _title_above(lexed: Lexed, block: int) -> tuple[str, int] | None:
    """An upper-case title printed above its minute code ("APOLOGIES" / "PLA146/14"), perhaps wrapped."""
    parts: list[str] = []
    first = block
    for j in range(block - 1, max(block - 1 - TRAIL_LINES, -1), -1):
        b = lexed.blocks[j]
        tok = lexed.tokens[lexed.first_token[j]]
        if b.kind in ("noise", "break") or tok.kind is Kind.NOISE:
            continue
        if tok.kind not in (Kind.TEXT, Kind.PAGE_KIND, Kind.MEETING) or not mostly_upper(b.text, 0.8):
            break
        parts.insert(0, b.text)
        first = j
    if not parts:
        return None
    return " ".join(parts), first


def _quality(c: Candidate, lexed: Lexed, numbered: frozenset[int]) -> Quality:
    """See :data:`Quality`."""
    title_block = None
    if c.title_next:
        title_block, title = _next_text(lexed, c.block)
        if title_block is not None and title_block in numbered:
            return -2.0, "", "", None, c.block  # two numbers in a row: a counter, not an item
        tok = lexed.tokens[lexed.first_token[title_block]] if title_block is not None else None
        if tok is not None and tok.kind in (Kind.LABEL, Kind.SECTION, Kind.VOTE):
            # The title was lost: the number stands alone before the minute.
            return _BASE.get(c.scheme, 0.3) - 1.0, "", "", None, c.block
        if c.data.get("system") == "code" and title and titleness(title) < TITLE_BELOW:
            above = _title_above(lexed, c.block)
            if above is not None:
                # The code follows its title; what follows the code is the minute.
                return _BASE.get(c.scheme, 0.3) + (titleness(above[0]) - 0.5) * 1.5, above[0], "", c.block, above[1]
        title, rest = split_title(title)
        if title and not rest and title_block is not None:
            title, title_block = _trailed(lexed, title_block, title)
        score = _BASE.get(c.scheme, 0.3) + (titleness(title) - 0.5) * 1.5 if title else _BASE.get(c.scheme, 0.3) - 1.0
    else:
        # A register's resolution has no title: its line goes on with its movers and motion.
        title, rest = ("", c.title) if c.scheme == "resolution-register" else split_title(c.title)
        if title and not rest and _SPONSOR.match(title):
            # "1. Recommended by Water System" / "Approval of ...": the title is the next line.
            j, below = _next_text(lexed, c.block)
            if j is not None and below and j not in numbered:
                title, title_block = split_title(below)[0] or below, j
        elif title and not rest:
            title, title_block = _file_stacked(lexed, c.block, title)
            if title_block is None:
                title, title_block = _wrapped(lexed, c.block, title)
        tness = titleness(title) if title else 0.2
        score = _BASE.get(c.scheme, 0.3) + (tness - 0.5) * 1.5
        if not title:
            score -= SENTENCE_PENALTY
    block = lexed.blocks[c.block]
    if block.kind == "heading":
        score += 0.5
    previous = _previous_text(lexed, c.block)
    if previous.rstrip().endswith((":", ":-")) and len(previous) > 20 and not mostly_upper(previous, 0.9):
        score -= LEAD_IN_PENALTY  # a sentence's lead-in; an upper-case group heading ("CONSENT ITEMS:") is not one
    if previous.rfind("(") > previous.rfind(")") and len(previous[previous.rfind("(") :].split()) <= OPEN_BRACKET_WORDS:
        score -= OPEN_BRACKET_PENALTY  # "... BUILDING CODE (TITLE" / "26 COUNTY BUILDING CODE) ...": the line goes on
    return score, title, rest, title_block, c.block


def _part_between(parts: Sequence[int], first: int, second: int) -> bool:
    """A part heading in capitals ending with a colon ("PUBLIC HEARINGS:") between two blocks."""
    at = bisect.bisect_right(parts, first)
    return at < len(parts) and parts[at] < second


def _scored(c: Candidate, lexed: Lexed, numbered: frozenset[int], memo: dict[int, Quality] | None) -> Quality:
    """:func:`_quality`, read once per candidate when a ``memo`` is shared between passes."""
    if memo is None:
        return _quality(c, lexed, numbered)
    found = memo.get(id(c))
    if found is None:
        found = memo[id(c)] = _quality(c, lexed, numbered)
    return found


def _chain(
    cands: Sequence[Candidate], lexed: Lexed, numbered: frozenset[int], memo: dict[int, Quality] | None = None
) -> tuple[float, list[Link]]:
    scored = [(c, *_scored(c, lexed, numbered, memo)) for c in cands]
    parts = [c.block for c in lexed.candidates if c.scheme == "caps-heading" and lexed.blocks[c.block].text.rstrip().endswith(":")] if any(
        c.key == (1,) for c in cands
    ) else []
    n = len(scored)
    best = [0.0] * n
    back = [-1] * n
    origin: list[tuple[int, ...]] = [()] * n
    """The number each candidate's series started at, along its best chain."""
    for j in range(n):
        cj, qj = scored[j][0], scored[j][1]
        top, arg, restart = 0.0, -1, False
        for i in range(max(0, j - WINDOW), j):
            ci = scored[i][0]
            if ci.block >= cj.block:
                continue
            step = _relation(ci.key, cj.key)
            series = step is None
            if step is None:
                if _new_series(ci, cj) or (
                    cj.key == (1,) and origin[i] == (1,) and ci.scheme == cj.scheme and _part_between(parts, ci.block, cj.block)
                ):
                    step = STEP_SERIES  # another series, or numbers starting again under a new part (after a run from 1)
                else:
                    continue
            if ci.scheme != cj.scheme and len(ci.key) == len(cj.key):
                step += FORM_SWITCH
            value = best[i] + step
            if value > top:
                top, arg, restart = value, i, series
        best[j] = qj + top
        back[j] = arg
        origin[j] = cj.key if arg < 0 or restart else origin[arg]
    if not n:
        return 0.0, []
    end = max(range(n), key=lambda k: best[k])
    out = []
    k = end
    while k >= 0:
        c, _, title, rest, title_block, start_block = scored[k]
        out.append((c, title, rest, title_block, start_block))
        k = back[k]
    out.reverse()
    return best[end], out


CAPS_MIN = 2
"""Unnumbered upper-case headings make an agenda only when there are at least this many."""
HEADER_SCAN = 60
"""The meeting's header (its name, date, attendance) sits in a page's first blocks."""


def _header_end(lexed: Lexed) -> int:
    """The last block of the page's header: the last line before the first headings that names the
    meeting's date, place or attendance."""
    end = -1
    for tok in lexed.tokens:
        if tok.block >= HEADER_SCAN:
            break
        if (tok.kind is Kind.MEETING and tok.rule != "body-line") or (
            tok.kind is Kind.LABEL and tok.data.get("key") in ("date", "time", "venue", "present", "in_attendance", "committee")
        ):
            end = tok.block
    return end


def _following(lexed: Lexed, block: int) -> Token | None:
    for j in range(block + 1, min(block + 4, len(lexed.blocks))):
        tok = lexed.tokens[lexed.first_token[j]]
        if tok.kind is not Kind.NOISE:
            return tok
    return None


def _opens_content(lexed: Lexed, cand: Candidate) -> bool:
    """An unnumbered heading in title case opens an item only when a paragraph or a motion follows it."""
    if cand.scheme != "heading-line":
        return True
    tok = _following(lexed, cand.block)
    return tok is not None and (tok.kind in (Kind.VOTE, Kind.SECTION) or (tok.kind is Kind.TEXT and len(tok.text) > len(cand.title) + 20))


def _opens_decision(lexed: Lexed, block: int) -> bool:
    """A lone unnumbered heading is an item when a motion or a decision follows it."""
    tok = _following(lexed, block)
    return tok is not None and tok.kind in (Kind.VOTE, Kind.SECTION)


_SESSION = PRINTED.get("session-heading")
_ADJOURNMENT = PRINTED.get("adjournment")
NUMBERED_SYSTEMS = ("arabic", "code", "letter", "roman")
"""Numbering systems whose runs compete to be a page's items."""
LETTER_PENALTY = 0.5
"""Letters number sub-lists more often than items: a run of letters must read better by this much."""
NESTED_SHARE = 0.5
"""A sub-list outscores the items it sits under only modestly (it has fewer, shorter steps); a run
scoring under this share of the best is not the page's items even when the best sits after it."""
PART_SYSTEMS = frozenset({"roman", "letter"})
"""Agendas printed in parts ("IV. CLOSED SESSION REPORT", "J. Filed Items") list their business under
each part: the business is items too. Under arabic or code numbers a sub-list is an item's own detail,
unless the item introduces it with a colon ("10. Approval of Resolutions/Motions:")."""
CHAIN_GAP_MIN = 4
"""A run must have this many items before a number it skips is looked for elsewhere."""
OUT_OF_ORDER_SLACK = 0.3
"""An item taken out of order reads nearly as well as the run's median item (its line is an item line
of the same form), not like a numbered paragraph."""
SUB_MIN = 0.5
"""A sub-list under an item (its own numbering, between the item and the next) must score this much:
one sub-item with a title that reads as a title does."""

Link = tuple[Candidate, str, str, "int | None", int]
"""A chain member: the candidate, its title, text run on after it, its title block, its start block."""


def _nested(inner: Sequence[Link], outer: Sequence[Link]) -> bool:
    """True when every member of ``inner`` lies between the same two members of ``outer``."""
    if not inner or not outer:
        return False
    first, last = inner[0][4], inner[-1][4]
    starts = [link[4] for link in outer]
    before = [k for k, s in enumerate(starts) if s < first]
    if not before:
        return False
    k = before[-1]
    return k + 1 >= len(starts) or last < starts[k + 1]


def _opens_with_content(lexed: Lexed, parent_block: int, first_sub: int) -> bool:
    """A decision or a vote between an item's line and a numbered list: the list is its clauses."""
    for j in range(parent_block + 1, first_sub):
        tok = lexed.tokens[lexed.first_token[j]]
        if tok.kind in (Kind.SECTION, Kind.VOTE):
            return True
    return False


def _continued(start: int, cands: Sequence[Candidate], lexed: Lexed, numbered: frozenset[int], system: str) -> list[Link]:
    """Items numbered another way after the last item's own business: InfoCouncil minutes number
    the procedural items 1, 2, 3, then the reports by their codes ("CCS24/30", "CCS24/31")."""
    for other in NUMBERED_SYSTEMS:
        if other == system:
            continue
        group = [c for c in cands if c.data.get("system") == other and c.block > start]
        if len(group) < CAPS_MIN:
            continue
        score, more = _chain(group, lexed, numbered)
        if score < MIN_CHAIN or len(more) < CAPS_MIN or not _opens_with_content(lexed, start, more[0][4]):
            continue
        if _previous_text(lexed, more[0][4]).rstrip().endswith((":", ":-")):
            continue  # a list a lead-in introduces: the last item's clauses
        return list(more)
    return []


PART_WORDS = 6
"""A part heading is short: "CONSENT CALENDAR", "PUBLIC HEARINGS", "NEW BUSINESS"."""
PART_ENTRIES = 2
"""A numbered part heading's sub-list is its business when it has at least this many entries."""


def _part_heading(title: str) -> bool:
    """A numbered item whose title is a short heading in capitals is a part of the agenda
    ("4. CONSENT CALENDAR" / "A. APPROVAL OF MINUTES ..."): its sub-list is its business."""
    words = title.split()
    return 1 <= len(words) <= PART_WORDS and mostly_upper(title, 0.9)


def _with_out_of_order(
    chain: Sequence[Link], cands: Sequence[Candidate], lexed: Lexed, numbered: frozenset[int], memo: dict[int, Quality]
) -> list[Link]:
    """The chain with the items taken out of order: a number the run skips ("... 6, 7, 9, 10")
    printed elsewhere on the page in the run's own form ("8." between 4 and 5, brought forward)
    is that item, when its line reads as well as the run's own items."""
    if len(chain) < CHAIN_GAP_MIN:
        return list(chain)
    keys = [link[0].key for link in chain]
    if any(len(k) != 1 for k in keys):
        return list(chain)
    have = {k[0] for k in keys}
    low, high = min(have), max(have)
    missing = {n for n in range(low, high + 1) if n not in have}
    if not missing or len(missing) > len(have) // 2:
        return list(chain)
    schemes = {link[0].scheme for link in chain}
    blocks = {link[4] for link in chain}
    floor = sorted(_scored(link[0], lexed, numbered, memo)[0] for link in chain)[len(chain) // 2] - OUT_OF_ORDER_SLACK
    extra: list[Link] = []
    for c in cands:
        if len(c.key) != 1 or c.key[0] not in missing or c.scheme not in schemes or c.block in blocks:
            continue
        score, title, rest, title_block, start = _scored(c, lexed, numbered, memo)
        if score >= floor and title:
            extra.append((c, title, rest, title_block, start))
            missing.discard(c.key[0])
    if not extra:
        return list(chain)
    return sorted([*chain, *extra], key=lambda link: link[4])


def _with_sub_items(chain: Sequence[Link], cands: Sequence[Candidate], lexed: Lexed, numbered: frozenset[int], system: str) -> list[Link]:
    """The chain with, under each item, the items of a sub-list numbered another way ("XI. CONSENT
    CALENDAR" / "a) ...", "10. Approval of Resolutions:" / "A. RESOLUTION ...", "J. Filed Items" /
    "1. ..."): each is an item, numbered under its parent ("XI.a") when its numbers restart."""
    out: list[Link] = []
    ends = [link[4] for link in chain[1:]] + [len(lexed.blocks)]
    for link, end in zip(chain, ends, strict=True):
        out.append(link)
        start = link[4]
        if end == len(lexed.blocks):
            more = _continued(start, cands, lexed, numbered, system)
            if more:
                out.extend(more)
                break
        if system not in PART_SYSTEMS and not link[1].rstrip().endswith((":", ":-")) and not _part_heading(link[1]):
            continue
        if _ADJOURNMENT.match(link[1]):
            continue  # the meeting ends here: a numbered list after it (how to join online) is not business
        lists: list[tuple[float, int, list[Link]]] = []
        for rank, other in enumerate(NUMBERED_SYSTEMS):
            if other == system:
                continue
            group = [c for c in cands if c.data.get("system") == other and start < c.block < end]
            if not group:
                continue
            score, sub = _chain(group, lexed, numbered)
            if score >= SUB_MIN and sub:
                lists.append((-score, rank, list(sub)))
        # The best-scoring list that is not the item's own clauses (a numbered list after a decision
        # or a recommendation, "1. IN PERSON" / "2. ZOOM", does not hide the sub-items before it).
        lists.sort(key=lambda entry: entry[:2])
        best_sub = next((sub for _, _, sub in lists if not _opens_with_content(lexed, start, sub[0][4])), [])
        if not best_sub:
            continue
        if len(best_sub) < PART_ENTRIES and system not in PART_SYSTEMS and not link[1].rstrip().endswith((":", ":-")):
            continue  # one lettered entry under "2. MINUTES" is the item's own detail
        parent = link[0].number
        for c, title, rest, title_block, sub_start in best_sub:
            if parent and c.data.get("system") != "code" and c.number:
                c = attrs.evolve(c, number=f"{parent}.{c.number}")
            out.append((c, title, rest, title_block, sub_start))
    return out


_SUB_LABEL = re.compile(r"^\S+\s+(?:\([A-Za-z]\)|[A-Za-z][.)])\s")
"""A coded line whose entry is lettered: "24-1107 (A) Main Street Bridge ..."."""


def _with_uncoded_parents(chain: Sequence[Link], cands: Sequence[Candidate], lexed: Lexed, numbered: frozenset[int]) -> list[Link]:
    """The chain with the entries that carry no code of their own: minutes numbered by roll call
    ("05-1106 6. ...") print an agenda entry that only introduces lettered matters without one
    ("7. Resolution Ordering Construction of the following:" / "05-1107 (A) ..."). Such an entry,
    a numbered line ending with a colon just before a coded, lettered line, is an item too."""
    if not chain:
        return list(chain)
    starts = [link[4] for link in chain]
    have = set(starts)
    extra: list[Link] = []
    for c in cands:
        if c.data.get("system") != "arabic" or c.block in have or c.block < starts[0] or not c.title.rstrip().endswith(":"):
            continue
        at = bisect.bisect_right(starts, c.block)
        if at >= len(starts) or not _SUB_LABEL.match(lexed.blocks[starts[at]].text):
            continue
        if any(lexed.tokens[lexed.first_token[j]].kind is not Kind.NOISE and lexed.blocks[j].text for j in range(c.block + 1, starts[at])):
            continue  # the lettered line follows the entry at once
        _, title, rest, title_block, start = _scored(c, lexed, numbered, None)
        if title:
            extra.append((attrs.evolve(c, number=None), title.rstrip(" :"), rest, title_block, start))
    if not extra:
        return list(chain)
    return sorted([*chain, *extra], key=lambda link: link[4])


_LETTER_CODE = re.compile(r"^([A-Za-z])\d{1,2}$")
PARTS_SHARE = 0.8
"""Most codes ("D1", "D2") must sit under the part lettered as their own letter ("D.") for the letters to
be read as the agenda's parts."""


def _parts_of_codes(codes: Sequence[Link], letters: Sequence[Link]) -> bool:
    """True when coded items ("D1", "E1") each follow the lettered part with their letter ("D. Consent
    Calendar", "E. Public Hearing"): the agenda is in lettered parts, numbered within each."""
    if len(letters) < CAPS_MIN or not codes:
        return False
    starts = [link[4] for link in letters]
    under = 0
    for link in codes:
        m = _LETTER_CODE.match(link[0].number or "")
        if m is None:
            return False
        at = bisect.bisect_right(starts, link[4]) - 1
        if at >= 0 and (letters[at][0].number or "").upper() == m.group(1).upper():
            under += 1
    return under >= PARTS_SHARE * len(codes)


SESSION_LEAD = 3
"""A session's business opens within this many lines of its heading ("6:00 PM - OPEN SESSION" / "I. CALL
TO ORDER"); a title block's list of session times is not followed by their business."""


def _with_earlier_session(chain: Sequence[Link], cands: Sequence[Candidate], lexed: Lexed, numbered: frozenset[int]) -> list[Link]:
    """The chain with the business of the session printed before it: an agenda in two sessions
    ("5:00 PM - CLOSED SESSION" / "CALL TO ORDER" / "ROLL CALL" / ... / "6:00 PM - OPEN SESSION" /
    "I. CALL TO ORDER" ...) lists the first session's business as headings in capitals (and the
    lettered matters under them), between its heading and the next session's."""
    if not chain:
        return list(chain)
    first = chain[0][4]
    sessions = [j for j in range(first) if lexed.blocks[j].text and _SESSION.match(lexed.blocks[j].text)]
    if len(sessions) < 2 or first - sessions[-1] > SESSION_LEAD:
        return list(chain)
    start, end = sessions[-2], sessions[-1]
    group = [
        attrs.evolve(c, key=(n + 1,))
        for n, c in enumerate(c for c in cands if (c.scheme == "caps-heading" or c.data.get("system") == "letter") and start < c.block < end)
    ]
    if len(group) < CAPS_MIN or group[0].block - start > SESSION_LEAD:
        return list(chain)  # each session's heading opens its business at once ("5:00 PM - CLOSED SESSION" / "CALL TO ORDER")
    score, earlier = _chain(group, lexed, numbered)
    if score < MIN_CHAIN:
        return list(chain)
    return [*earlier, *chain]


def choose_starts(lexed: Lexed, page_kind: str | None, single: bool, listing: bool) -> list[Start]:
    """The item starts of a page (see the module docstring)."""
    markup = [t for t in lexed.tokens if t.kind is Kind.ITEM]
    if markup:
        refs = [c for c in lexed.candidates if c.scheme == "meeting-ref"]
        out = []
        previous = -1
        for t in markup:
            # "Meeting: 11/03/2025 - Cabinet (Item 43)" printed above an item row names the row's meeting.
            ref = next((c for c in reversed(refs) if previous < c.block < t.block), None)
            out.append(
                Start(
                    block=t.block, scheme=str(t.data.get("scheme", "markup")), number=t.data.get("number") or None,
                    title=str(t.data.get("title", "")),
                    body=str(ref.data.get("body") or "") or None if ref else None,
                    date=str(ref.data.get("date") or "") or None if ref else None,
                )
            )
            previous = t.block
        return out
    if listing:
        return []
    cands = lexed.candidates
    meeting_refs = [c for c in cands if c.scheme == "meeting-ref"]
    if meeting_refs:
        return [_ref_start(c, lexed) for c in meeting_refs]
    dated = [c for c in cands if c.scheme == "date-title"]
    if (dated and (page_kind in ("issue_decisions", None) or not single)
            and (page_kind == "issue_decisions" or not any(c.scheme != "date-title" for c in cands))):
        return [
            Start(block=c.block, scheme=c.scheme, number=c.number, title=c.title, date=str(c.data.get("date") or "") or None)
            for c in dated
        ]
    if single:
        return []
    numbered = frozenset(c.block for c in cands if c.scheme in ("number-alone", "digits-alone"))
    memo: dict[int, Quality] = {}  # each candidate's quality, read once for the chains and the out-of-order pass
    ranked: list[tuple[float, str, list[Link]]] = []
    for system in NUMBERED_SYSTEMS:
        group = [c for c in cands if c.data.get("system") == system]
        if not group:
            continue
        score, chain = _chain(group, lexed, numbered, memo)
        if system == "letter":
            score -= LETTER_PENALTY
        ranked.append((score, system, chain))
    ranked.sort(key=lambda r: -r[0])
    best_score, best_system, best_chain = ranked[0] if ranked else (0.0, None, [])
    for score, system, chain in ranked[1:]:
        if score >= max(MIN_CHAIN, NESTED_SHARE * best_score) and len(chain) >= 2 and _nested(best_chain, chain):
            # The best run sits inside one item of another: it is that item's sub-list.
            best_score, best_system, best_chain = score, system, chain
            break
        if best_system == "code" and system == "letter" and score >= MIN_CHAIN and _parts_of_codes(best_chain, chain):
            # "D. Consent Calendar" / "D1. ...", "D2. ...": the letters are the parts the codes number under.
            best_score, best_system, best_chain = score, system, chain
            break
    if best_score >= MIN_CHAIN and best_system is not None:
        best_chain = _with_out_of_order(best_chain, cands, lexed, numbered, memo)
        best_chain = _with_sub_items(best_chain, cands, lexed, numbered, best_system)
        best_chain = _with_earlier_session(best_chain, cands, lexed, numbered)
        if best_system == "code":
            best_chain = _with_uncoded_parents(best_chain, cands, lexed, numbered)
    for system in ("sized", "caps"):
        if best_score >= MIN_CHAIN:
            break
        # No numbering: titles printed with their report's size, else upper-case headings after the
        # meeting's header, are the items.
        after = _header_end(lexed)
        group = [
            attrs.evolve(c, key=(n + 1,))
            for n, c in enumerate(c for c in cands if c.data.get("system") == system and c.block > after and _opens_content(lexed, c))
        ]
        if len(group) >= CAPS_MIN or (len(group) == 1 and _opens_decision(lexed, group[0].block)):
            best_score, best_chain = _chain(group, lexed, numbered)
            if len(group) == 1:
                best_score = max(best_score, MIN_CHAIN)
    if best_score < MIN_CHAIN:
        return []
    return [
        Start(block=start_block, scheme=c.scheme, number=c.number, title=title, rest=rest, title_block=title_block)
        for c, title, rest, title_block, start_block in best_chain
    ]


def _ref_start(c: Candidate, lexed: Lexed) -> Start:
    return Start(
        block=c.block,
        scheme=c.scheme,
        number=c.number,
        body=str(c.data.get("body") or "") or None,
        date=str(c.data.get("date") or "") or None,
    )
