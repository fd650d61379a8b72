"""The shared minutes grammar: a block stream in, a :class:`Document` out.

1. :func:`~.lexer.lex` classifies every block into tokens by the named rules
   of :mod:`.wording`, and lists every numbering form as a candidate item start.
2. :func:`_page_header` reads what the page says it is ("Agenda item",
   "Decision details", "Minutes") and its title.
3. :func:`~.segment.choose_starts` keeps the run of candidates that reads best
   as the page's agenda.
4. :func:`~.meeting.read_meeting` reads the meeting from the header (the tokens
   before the first item).
5. :class:`~.items.ItemReader` reads each item's tokens into sections, clauses,
   votes, actions, contacts and documents.

Every token records where it went; what nothing placed is kept in
``Document.unparsed`` with its line, and :func:`trace` shows the whole record.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

import attrs

from ..blocks import Block
from ..dates import writes_month_first
from ..models import AgendaItem, Body, DocLink, Document, Meeting, Person, Source, Unplaced
from .items import ItemReader, dedupe_docs, doc_from_block
from .kinds import minutes_inside, printed_kind
from .lexer import Lexed, lex, split_title
from .meeting import read_meeting, read_meeting_list
from .segment import Start, choose_starts
from .text import titleness
from .tokens import Kind
from .wording.documents import split_doc_suffix
from .wording.furniture import PAGE_KIND

SINGLE_ITEM_KINDS = frozenset({"agenda_item", "decision"})
"""Pages about one item: everything after the header is that item."""
LIST_KINDS = frozenset({"meeting_list", "matter_list", "decision_list", "people", "committee_list", "body_list"})
"""Pages that list things: their items come from structure only, never from free text."""
HEADER_BLOCKS = 25
"""A page names its kind and title in its first lines (navigation may come first)."""
NO_ITEMS_HEADER = 60
"""On a page with no items, the meeting header is read from this many first blocks."""


@attrs.define
class Context:
    """What the adapter knows about the page before the grammar reads it."""

    adapter: str
    url: str | None = None
    page_kind: str | None = None
    """The page kind, when the adapter knows it for sure (from the URL)."""
    fallback_kind: str | None = None
    """The adapter's guess, used when the page's own header names no kind."""
    title: str | None = None
    month_first: bool | None = None
    """Whether numeric dates are month first; None when the adapter does not know (the page's
    own dates decide)."""
    printed: bool = False
    """A printed document (a PDF's text): its kind is read from its title block and page tops."""
    warnings: list[str] = attrs.field(factory=list)
    meetings: list[Meeting] = attrs.field(factory=list)
    """Meetings the adapter read from structure (list grids)."""
    attendance: list[Person] = attrs.field(factory=list)
    """Attendance the adapter read from a table, added to the page's meeting."""
    people: list[Person] = attrs.field(factory=list)
    """People the page lists."""
    bodies: list[Body] = attrs.field(factory=list)
    """Bodies the page lists."""
    items: list[AgendaItem] = attrs.field(factory=list)
    """Items the adapter read from structure (legislation grids), after the grammar's."""
    meeting: Meeting | None = None
    """The page's own meeting, when the adapter read it from structured data."""
    structured_chars: int = 0
    """Characters of content the adapter placed itself (grids), counted in coverage."""
    unread: list[str] = attrs.field(factory=list)
    """Text the adapter read from structure but could not place (a grid's unknown columns):
    kept in ``unparsed``."""
    set_aside: Callable[[], list[tuple[str, str]]] | None = None
    """What the adapter read as structure or left as chrome, as (where, text) pairs,
    computed only for a trace (see :func:`trace`)."""
    lexed: Lexed | None = None
    """The blocks already lexed (detection lexes a page once; parsing reuses it)."""


@attrs.frozen(kw_only=True, slots=True)
class TraceLine:
    """One token of a page: what it is, which rule claimed it, and where it went."""

    line: int | None
    """1-based line (on its page, for PDFs)."""
    page: int | None
    """1-based page, for PDFs."""
    kind: str
    """Token kind ("section", "vote", "text" ...)."""
    rule: str | None
    """The rule that claimed it, or None for plain text and markup."""
    placed: str | None
    """Where it went ("item 3 › resolutions", "meeting.date"), or None when nothing placed it."""
    text: str
    """The token's text."""


@attrs.frozen(kw_only=True, slots=True)
class Trace:
    """Why a page parsed the way it did: every token with its rule and its place."""

    page_kind: str
    """The page kind the grammar settled on."""
    starts: tuple[str, ...]
    """How each item start was found: "scheme number title"."""
    lines: tuple[TraceLine, ...]
    """Every token in page order."""

    def render(self) -> str:
        """The trace as text, one token a line."""
        out = [f"page kind: {self.page_kind}", f"items: {len(self.starts)}"]
        out.extend(f"  start {s}" for s in self.starts)
        for t in self.lines:
            where = f"p{t.page}:" if t.page else ""
            line = f"{where}{t.line}" if t.line is not None else "-"
            rule = f"{t.kind}/{t.rule}" if t.rule else t.kind
            placed = t.placed or "UNPLACED"
            text = t.text if len(t.text) <= 90 else t.text[:87] + "..."
            out.append(f"{line:>7}  {rule:<32} {placed:<30} {text}")
        return "\n".join(out)


def build_document(blocks: Sequence[Block], ctx: Context) -> Document:
    """Run the grammar over ``blocks`` and return the page's :class:`Document`."""
    return _run(blocks, ctx)[0]


def trace(blocks: Sequence[Block], ctx: Context) -> Trace:
    """Run the grammar over ``blocks`` and return the trace of every token.

    What the adapter set aside (text it read from structure, a grid's unknown
    columns, the site's chrome around the content area) follows the tokens, as
    lines without a line number.
    """
    record = _run(blocks, ctx)[1]()
    extra = [
        TraceLine(line=None, page=None, kind="structure", rule=None, placed=where, text=text)
        for where, text in (ctx.set_aside() if ctx.set_aside else ())
    ]
    extra += [TraceLine(line=None, page=None, kind="structure", rule=None, placed=None, text=text) for text in ctx.unread]
    return attrs.evolve(record, lines=(*record.lines, *extra)) if extra else record


DATE_BLOCKS = 200
"""Blocks read for the page's date order: the front of a document is enough."""


def _listed_bodies(lexed: Lexed, listed: Sequence[Meeting]) -> tuple[Meeting, ...]:
    """Listed meetings printed with dates only take the page's subtitle as their body.

    A committee's list of meetings names the committee once, in a heading, and each
    row only by date; the first heading that is not the page's kind line names it.
    """
    if all(m.body for m in listed):
        return tuple(listed)
    subtitle = next((b.text for b in lexed.blocks if b.kind == "heading" and PAGE_KIND.first(b.text) is None), None)
    if subtitle is None:
        return tuple(listed)
    return tuple(m if m.body else attrs.evolve(m, body=subtitle) for m in listed)


def _place_in_item(place: Callable[[int, str], None], item: int, index: int, where: str) -> None:
    place(index, _in_item(item, where))


def _run(blocks: Sequence[Block], ctx: Context) -> tuple[Document, Callable[[], Trace]]:
    lexed = ctx.lexed if ctx.lexed is not None else lex(blocks)
    month_first = ctx.month_first if ctx.month_first is not None else writes_month_first(b.text for b in lexed.blocks[:DATE_BLOCKS])
    if ctx.printed and ctx.fallback_kind is None:
        ctx = attrs.evolve(ctx, fallback_kind=printed_kind(lexed.blocks))
    tokens = lexed.tokens
    placed: list[str | None] = [None] * len(tokens)

    def place(index: int, where: str) -> None:
        if 0 <= index < len(placed) and placed[index] is None:
            placed[index] = where

    header = _page_header(lexed, ctx, place)
    kind, title, header_end = header.kind, header.title, header.body_start
    single = kind in SINGLE_ITEM_KINDS
    listing = kind in LIST_KINDS
    pack_at = minutes_inside(lexed.blocks) if ctx.fallback_kind == "agenda_pack" and not single and not listing else None
    if pack_at is not None:
        # An agenda pack: the agenda's items, then the previous meeting's minutes with their own items.
        before = attrs.evolve(lexed, candidates=tuple(c for c in lexed.candidates if c.block < pack_at))
        after = attrs.evolve(lexed, candidates=tuple(c for c in lexed.candidates if c.block >= pack_at))
        starts = choose_starts(before, kind, single, listing)
        inside = choose_starts(after, kind, single, listing)
        if not starts or not inside:
            pack_at = None
            starts = choose_starts(lexed, kind, single, listing)
        else:
            starts = starts + inside
    else:
        starts = choose_starts(lexed, kind, single, listing)
    if kind == "meeting" and not starts and _has_issue_forms(lexed):
        kind = "issue_history"
    first_item_block = starts[0].block if starts else None
    if single or (not starts and kind in ("issue_history", "issue_decisions")):
        preamble_end = header_end
    elif first_item_block is not None:
        preamble_end = first_item_block
    else:
        preamble_end = min(len(lexed.blocks), NO_ITEMS_HEADER) if not listing else len(lexed.blocks)
    meeting = None
    listed: list[Meeting] = []
    if kind == "meeting_list" and not ctx.meetings:
        listed = read_meeting_list(lexed, month_first, place)
    if not listed and (not listing or not ctx.meetings):
        meeting = read_meeting(lexed, preamble_end, month_first, ctx.url, place)
    if ctx.meeting is not None:
        meeting = ctx.meeting if meeting is None else _merge_meeting(ctx.meeting, meeting)
    inner_meeting = None
    pack_token = len(tokens)
    if pack_at is not None:
        first_inner = next(s.block for s in starts if s.block >= pack_at)
        inner_meeting = read_meeting(lexed, first_inner, month_first, ctx.url, place, skip=frozenset(range(pack_at)))
        pack_token = _first_token_at(lexed, pack_at)
    items: list[AgendaItem] = []
    after_items: list[DocLink] = []
    token_starts = _token_index(lexed, starts)
    if not starts and (single or kind in ("issue_history", "issue_decisions")):
        title_start = header.title_start
        first_token = _first_token_at(lexed, title_start.block if title_start else header_end)
        reader = ItemReader(
            lexed, (first_token, len(tokens)), title_start, kind=kind, page_title=title,
            default_body=meeting.body if meeting else None, default_date=meeting.date if meeting else None,
            month_first=month_first, url=ctx.url, place=place,
        )
        items.append(reader.finish())
    for n, start in enumerate(starts):
        begin = token_starts[n]
        end = token_starts[n + 1] if n + 1 < len(starts) else len(tokens)
        if begin < pack_token < end:
            end = pack_token  # the agenda's last item ends where the minutes inside the pack begin
        stop = next((i for i in range(begin + 1, end) if tokens[i].kind is Kind.BREAK), None)
        owner = inner_meeting if begin >= pack_token and inner_meeting is not None else meeting
        reader = ItemReader(
            lexed, (begin, stop if stop is not None else end), start, kind=kind, page_title=title,
            default_body=owner.body if owner else None, default_date=owner.date if owner else None,
            month_first=month_first, url=ctx.url, place=functools.partial(_place_in_item, place, n),
        )
        items.append(reader.finish())
        if stop is not None:
            after_items.extend(_meeting_documents(lexed, stop, end, ctx, place))
    if after_items:
        meeting = attrs.evolve(meeting or Meeting(url=ctx.url), documents=(*(meeting.documents if meeting else ()), *dedupe_docs(after_items)))
    if title is None and kind in ("issue_decisions", "issue_history") and items:
        title = items[0].title or None
    if ctx.attendance:
        meeting = attrs.evolve(meeting or Meeting(url=ctx.url), attendance=(*(meeting.attendance if meeting else ()), *ctx.attendance))
    meetings = ((meeting,) if meeting is not None else ()) + tuple(listed) + _listed_bodies(lexed, ctx.meetings)
    for i, tok in enumerate(tokens):
        if placed[i] is None and tok.kind is Kind.NOISE:
            placed[i] = "noise"
    cut = _cut_off(lexed, placed)
    warnings = list(ctx.warnings)
    if cut:
        warnings.append(cut)
    unparsed, coverage = _leftovers(lexed, placed, ctx.structured_chars, ctx.unread)
    document = Document(
        source=Source(url=ctx.url, adapter=ctx.adapter, page_kind=kind),
        title=title,
        meetings=meetings,
        items=(*items, *ctx.items),
        people=tuple(ctx.people),
        bodies=tuple(ctx.bodies),
        warnings=tuple(warnings),
        unparsed=unparsed,
        coverage=coverage,
    )

    def record() -> Trace:  # built only when a trace is asked for
        return Trace(
            page_kind=kind,
            starts=tuple(f"{s.scheme} {s.number or '-'} {s.title!r}" for s in starts),
            lines=tuple(
                TraceLine(line=t.line, page=t.page, kind=t.kind.value, rule=t.rule, placed=placed[i], text=t.text)
                for i, t in enumerate(tokens)
            ),
        )

    return document, record


def _in_item(n: int, where: str) -> str:
    return f"item {n + 1} › {where.removeprefix('item.')}"


def _token_index(lexed: Lexed, starts: Sequence[Start]) -> list[int]:
    return [_first_token_at(lexed, s.block) for s in starts]


def _first_token_at(lexed: Lexed, block: int) -> int:
    if block >= len(lexed.first_token):
        return len(lexed.tokens)
    return lexed.first_token[block]


def _has_issue_forms(lexed: Lexed) -> bool:
    return any(c.scheme == "meeting-ref" for c in lexed.candidates)


# ---------------------------------------------------------------- header
@attrs.frozen(kw_only=True, slots=True)
class _Header:
    kind: str
    title: str | None
    body_start: int
    title_start: Start | None = None


def _page_header(lexed: Lexed, ctx: Context, mark: Callable[[int, str], None]) -> _Header:
    """The page's kind, its title, where its body starts, and the item line a single-item page opens with."""
    tokens = lexed.tokens
    kind = ctx.page_kind
    title = ctx.title
    body_start = 0
    title_block: int | None = None
    if title is not None:
        for i, tok in enumerate(tokens):
            if tok.block >= HEADER_BLOCKS:
                break
            if tok.text == title:
                if tok.kind is Kind.PAGE_KIND:
                    title = None  # the adapter's guess is the page's kind line ("Decision details"), not its title
                    break
                mark(i, "title")
                body_start = tok.block + 1
                break
    numbered = min((c.block for c in lexed.candidates if c.number and c.scheme not in ("meeting-ref", "date-title")), default=HEADER_BLOCKS)
    for i, tok in enumerate(tokens):
        if tok.block >= min(HEADER_BLOCKS, numbered) or tok.kind is Kind.ITEM:
            break
        if tok.kind is not Kind.PAGE_KIND:
            continue
        found = str(tok.data.get("page_kind"))
        mark(i, "page kind")
        kind = kind or found
        body_start = max(body_start, tok.block + 1)
        if title is None and found == "meeting" and (" of " in tok.text.lower() or any(ch.isdigit() for ch in tok.text)):
            title = tok.text
        if title is None and found in ("agenda_item", "issue_history", "issue_decisions", "decision"):
            title, body_start, title_block = _title_after(lexed, i, body_start, mark)
        break
    if kind is None:
        kind = ctx.fallback_kind or _guess_kind(lexed)
    if kind == "meeting" and _decision_labels(lexed) >= DECISION_LABELS:
        kind = "decision"
    if title is None and kind in SINGLE_ITEM_KINDS | {"issue_history", "issue_decisions"}:
        for i, tok in enumerate(tokens):
            if tok.block < body_start:
                continue
            if tok.block > body_start + 2:
                break
            if tok.kind is Kind.NOISE:
                continue
            text = tok.text
            if any(c.block == tok.block and c.scheme in ("meeting-ref", "date-title") for c in lexed.candidates):
                break
            if tok.kind in (Kind.TEXT, Kind.DOCUMENT, Kind.MEETING) and (
                tok.block_kind == "heading" or (titleness(text) >= TITLE_LIKE and not text.endswith((".", ":")))
            ):
                title = text
                title_block = tok.block
                mark(i, "title")
                body_start = tok.block + 1
                nxt = i + 1
                if nxt < len(tokens) and tokens[nxt].kind is Kind.TEXT and tokens[nxt].block == tok.block + 1 and _continues(text, tokens[nxt].text):
                    title = f"{text} {tokens[nxt].text}"
                    mark(nxt, "title")
                    body_start = tokens[nxt].block + 1
            break
    title_start = None
    if title_block is not None and title is not None:
        title_start = _title_start(lexed, title_block, title)
        title = title_start.title or title
    if title is None and kind == "decision":
        for tok in tokens[:60]:
            if tok.kind is Kind.LABEL and tok.data.get("key") == "subject":
                title = str(tok.data.get("value") or "") or None
                break
    return _Header(kind=kind, title=title, body_start=body_start, title_start=title_start)


DECISION_LABELS = 2
"""A page with this many decision labels (maker, date of decision, subject ...) records a decision."""
TITLE_LIKE = 0.6
"""Titleness a first line needs to be taken as a page's title when no header names the page."""


def _decision_labels(lexed: Lexed) -> int:
    keys = {
        t.data.get("key")
        for t in lexed.tokens[:200]
        if t.kind is Kind.LABEL and t.data.get("key") in ("maker", "reference", "decided", "subject", "decided_at", "call_in")
    }
    return len(keys)


def _title_start(lexed: Lexed, block: int, text: str) -> Start:
    """The item line a single-item page opens with: its number (when printed with a dot or a
    document size), its title, and text run on after the title."""
    number = None
    title = text
    _stripped, fmt, _ = split_doc_suffix(text)
    for cand in lexed.candidates:
        if cand.block != block or not cand.title:
            continue
        if cand.scheme == "number-title" or (fmt is not None and cand.scheme in ("number-space-title", "code-title")):
            number, title = cand.number, cand.title
            break
    title, rest = split_title(title)
    title = split_doc_suffix(title)[0]
    return Start(block=block, scheme="title-line", number=number, title=title, rest=rest)


def _title_after(
    lexed: Lexed, kind_token: int, body_start: int, mark: Callable[[int, str], None]
) -> tuple[str | None, int, int | None]:
    """The line after a page-kind header is the page's title (lines wrapped over two are joined)."""
    tokens = lexed.tokens
    parts: list[str] = []
    used: list[int] = []
    last_block = tokens[kind_token].block
    for i in range(kind_token + 1, min(kind_token + 6, len(tokens))):
        tok = tokens[i]
        if tok.kind is Kind.NOISE or (tok.kind is Kind.PAGE_KIND and not parts):
            if tok.kind is Kind.PAGE_KIND:
                mark(i, "page kind")
            continue
        if tok.kind not in (Kind.TEXT, Kind.MEETING, Kind.DOCUMENT) or tok.block == last_block:
            break
        if any(c.block == tok.block and c.scheme in ("meeting-ref", "date-title") for c in lexed.candidates):
            break
        if parts and (tok.block != tokens[used[-1]].block + 1 or parts[-1].rstrip().endswith((".", ":")) or titleness(tok.text) < 0.5 or not _continues(parts[-1], tok.text)):
            break
        parts.append(tok.text)
        used.append(i)
        last_block = tok.block
        if len(parts) >= 2:
            break
    if not parts:
        return None, body_start, None
    for i in used:
        mark(i, "title")
    return " ".join(parts), tokens[used[-1]].block + 1, tokens[used[0]].block


_OPEN_END = re.compile(r"\b(?:of|the|and|for|to|in|on|by|with|a|an)$", re.IGNORECASE)


def _continues(previous: str, text: str) -> bool:
    """A title line broken in the middle: the first ends with a function word or the second starts lower case."""
    return bool(_OPEN_END.search(previous)) or text[:1].islower()


def _guess_kind(lexed: Lexed) -> str:
    labels = sum(
        1 for t in lexed.tokens[:200] if t.kind is Kind.LABEL and t.data.get("key") in ("maker", "reference", "decided", "subject", "decided_at")
    )
    if any(c.scheme == "meeting-ref" for c in lexed.candidates):
        return "issue_history"
    if labels >= 2:
        return "decision"
    dated = [c for c in lexed.candidates if c.scheme == "date-title"]
    if dated and not any(c.scheme == "number-alone" for c in lexed.candidates):
        return "issue_decisions"
    return "meeting"


# ---------------------------------------------------------------- meeting
def _merge_meeting(first: Meeting, second: Meeting) -> Meeting:
    """Fill ``first``'s empty fields from ``second``."""
    values = {}
    for field in attrs.fields(Meeting):
        mine = getattr(first, field.name)
        values[field.name] = mine if mine not in (None, "", ()) else getattr(second, field.name)
    return Meeting(**values)


def _meeting_documents(lexed: Lexed, start: int, end: int, ctx: Context, mark: Callable[[int, str], None]) -> list[DocLink]:
    """Document links after the agenda (printed minutes, reports pack): the meeting's own."""
    found = []
    for i in range(start, end):
        tok = lexed.tokens[i]
        if tok.kind is Kind.DOCUMENT and tok.data.get("link"):
            found.append(doc_from_block(lexed.blocks[tok.block], ctx.url))
            mark(i, "meeting.documents")
        elif tok.kind in (Kind.BREAK, Kind.NOISE) or (tok.kind is Kind.SECTION and tok.data.get("section") == "documents"):
            mark(i, "structure")
    return found


# ---------------------------------------------------------------- leftovers
_ENDS_OPEN = re.compile(r"[\w,&(\-\u2013]$")


TITLE_CASE_WORDS = 3
"""A last line of at least this many longer words, all capitalised, is a name, not a sentence cut off."""


def _cut_off(lexed: Lexed, placed: Sequence[str | None]) -> str | None:
    """A warning when the page stops mid-sentence (a capture cut off), else None."""
    for i in range(len(lexed.tokens) - 1, -1, -1):
        tok = lexed.tokens[i]
        text = tok.text
        if tok.kind in (Kind.NOISE, Kind.ITEM, Kind.BREAK) or tok.block_kind == "link" or not text:
            continue
        if tok.kind in (Kind.LABEL, Kind.SECTION, Kind.DOCUMENT, Kind.PAGE_KIND, Kind.VOTE, Kind.CONTACT):
            return None
        block = lexed.blocks[tok.block]
        if tok.block_kind in ("heading", "cell") or len(text) < 6 or not _ENDS_OPEN.search(text):
            return None
        words = text.split()
        if len(words) < 6 and not (block.raw is not None and len(words) >= 2 and words[-1].islower()):
            return None
        if not any(ch.islower() for ch in text):
            return None
        long_words = [w for w in words if len(w) > 3]
        if len(long_words) >= TITLE_CASE_WORDS and all(w[:1].isupper() for w in long_words):
            return None  # a name in title case ("Overview and Scrutiny Committee: Children's Services"), not a sentence
        where = f" (line {tok.line})" if tok.line else ""
        return f"the page ends mid-sentence{where}: it looks cut off; parsed what it has"
    return None


def _leftovers(
    lexed: Lexed, placed: Sequence[str | None], structured: int = 0, unread: Sequence[str] = ()
) -> tuple[tuple[Unplaced, ...], float | None]:
    total = done = structured
    out: list[Unplaced] = [Unplaced(text=text) for text in unread]
    total += sum(len(text) for text in unread)
    for tok, where in zip(lexed.tokens, placed, strict=True):
        size = len(tok.text)
        total += size
        if where is not None or tok.kind is Kind.NOISE:
            done += size
        elif tok.text:
            out.append(Unplaced(text=tok.text, line=tok.line, page=tok.page))
    return tuple(out), (round(done / total, 4) if total else None)


__all__ = ["Context", "Trace", "TraceLine", "build_document", "trace"]
