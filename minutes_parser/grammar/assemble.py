"""The shared minutes grammar: a block stream in, a :class:`Document` out.

Steps, each a function below:

1. :func:`_page_kind_and_title` reads the header ("Agenda item", "Issue -
   meetings", "Decision details", "Agenda and minutes" ...).
2. :func:`_item_starts` finds where agenda items begin, choosing one numbering
   scheme for the whole page ("Meeting: 07/01/2020 - Executive (Item 70)",
   "12/09/2019 - Title", "ITEM - 1", a bare "51." line, "334 APOLOGIES", ...).
3. :func:`_read_preamble` reads the meeting header before the first item
   (body, date, time, venue, contact, attendance).
4. :class:`_ItemReader` walks each item's blocks: headings by meaning switch
   sections ("Recommended –", "Resolved:", "Decision:", "Minutes:"), and
   actions, contacts, documents, votes and label lines are taken as they come.
5. :meth:`_ItemReader.finish` turns sections into clauses, merging a
   resolution printed twice into one.

What no rule placed is kept in ``Document.unparsed`` with its line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from urllib.parse import urljoin

import attrs

from ..blocks import Block, clean
from ..models import (
    Action,
    AgendaItem,
    Body,
    Clause,
    Contact,
    DocLink,
    Document,
    Meeting,
    MeetingRef,
    Person,
    Source,
    Unplaced,
    Vote,
)
from . import rules as R
from .clauses import Para, parse_label, split_clauses
from .contacts import label_contacts, paren_contacts
from .dates import find_date, find_time, parse_date

SINGLE_ITEM_KINDS = frozenset({"agenda_item", "decision"})
LIST_KINDS = frozenset({"meeting_list", "matter_list", "decision_list", "people", "committee_list", "body_list"})
"""Pages that list things: their items come from structure only, never from free text."""
FALLBACK_KINDS = frozenset({"agenda_item", "issue_decisions", "decision"})
_BULLET_PREFIX = re.compile(r"^[\u00b7\u2022\u25aa\u25cf\u25e6\u2023\u2219\uf0b7]\s*")
_VIEW_DIRECTIONS = re.compile(r"\.?\s*view\s+directions\.?\s*$", re.IGNORECASE)
_DIGITS = re.compile(r"\d+")
_LETTER_END = re.compile(r"[a-z]$", re.IGNORECASE)
_COUNCILLORS = re.compile(r"^(?:Cllrs?\.?|Councillors?)\s+")
_PEOPLE_SPLIT = re.compile(r"\s*(?:,|;|\band\b)\s*")
_MEETING_WORD = re.compile(r"\bmeeting\b", re.IGNORECASE)
_NUMBER_PREFIX = re.compile(r"^(?P<number>\d{1,4}[a-z]?)\.?\s+(?P<rest>\S.*)$")


@attrs.define
class Context:
    """What the grammar knows about the page before reading items."""

    adapter: str
    url: str | None = None
    page_kind: str | None = None
    """The page kind, when the adapter knows it for sure (from the URL)."""
    fallback_kind: str | None = None
    """The adapter's guess, used when the page's own header names no kind."""
    title: str | None = None
    month_first: bool = False
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


# ---------------------------------------------------------------- entry point
def build_document(blocks: Sequence[Block], ctx: Context) -> Document:
    """Run the grammar over ``blocks`` and return the page's :class:`Document`."""
    blocks = [b for b in blocks if b.text or b.kind in ("item", "break")]
    placed = [False] * len(blocks)
    kind, title, body_start = _page_kind_and_title(blocks, ctx, placed)
    starts = _item_starts(blocks, body_start, kind)
    if not starts and kind in SINGLE_ITEM_KINDS | {"issue_history"}:
        starts = [(body_start, None)]
        preamble_end = body_start
    else:
        preamble_end = starts[0][0] if starts else len(blocks)
    meeting = None if kind in LIST_KINDS else _read_preamble(blocks, 0, preamble_end, ctx, placed, title)
    if ctx.meeting is not None:
        meeting = ctx.meeting if meeting is None else _merge_meeting(ctx.meeting, meeting)
    items: list[AgendaItem] = []
    breaks = [i for i, b in enumerate(blocks) if b.kind == "break"]
    after_items: list[DocLink] = []
    for index, (start, header) in enumerate(starts):
        end = starts[index + 1][0] if index + 1 < len(starts) else len(blocks)
        stop = next((b for b in breaks if start < b < end), None)
        reader = _ItemReader(
            blocks, start, stop if stop is not None else end, header, kind, title, meeting, ctx, placed
        )
        items.append(reader.finish())
        if stop is not None:
            after_items.extend(_meeting_documents(blocks, stop, end, ctx, placed))
    if after_items:
        meeting = attrs.evolve(
            meeting or Meeting(url=ctx.url), documents=(*(meeting.documents if meeting else ()), *after_items)
        )
    if title is None and kind in ("issue_decisions", "issue_history") and items:
        title = items[0].title or None
    if ctx.attendance:
        meeting = attrs.evolve(
            meeting or Meeting(url=ctx.url), attendance=(*(meeting.attendance if meeting else ()), *ctx.attendance)
        )
    meetings = ((meeting,) if meeting is not None else ()) + tuple(ctx.meetings)
    cut = _cut_off(blocks)
    if cut:
        ctx.warnings.append(cut)
    unparsed, coverage = _leftovers(blocks, placed, ctx.structured_chars)
    return Document(
        source=Source(url=ctx.url, adapter=ctx.adapter, page_kind=kind),
        title=title,
        meetings=meetings,
        items=(*items, *ctx.items),
        people=tuple(ctx.people),
        bodies=tuple(ctx.bodies),
        warnings=tuple(ctx.warnings),
        unparsed=unparsed,
        coverage=coverage,
    )


_ENDS_OPEN = re.compile(r"[\w,&(\-\u2013]$")


def _cut_off(blocks: Sequence[Block]) -> str | None:
    """A warning when the page stops mid-sentence (a capture cut off), else None."""
    for block in reversed(blocks):
        text = block.text
        if not text or _is_noise(text) or block.kind in ("item", "link"):
            continue
        if block.kind in ("heading", "cell") or len(text) < 6 or not _ENDS_OPEN.search(text):
            return None
        if R.match_label(text) or R.match_heading(text) or R.REFERRAL.match(text) or R.split_doc_suffix(text)[1]:
            return None
        words = text.split()
        # A short line ending in a lower-case word is a cut only in a text capture;
        # in markup, block boundaries are the page's own ("On-line meeting").
        if len(words) < 6 and not (block.raw is not None and len(words) >= 2 and words[-1].islower()):
            return None
        if not any(ch.islower() for ch in text):
            return None
        where = f" (line {block.line})" if block.line else ""
        return f"the page ends mid-sentence{where}: it looks cut off; parsed what it has"
    return None


def _leftovers(
    blocks: Sequence[Block], placed: list[bool], structured: int = 0
) -> tuple[tuple[Unplaced, ...], float | None]:
    total = done = structured
    out: list[Unplaced] = []
    for block, ok in zip(blocks, placed, strict=True):
        size = len(block.text)
        total += size
        if ok or block.text.lower() in R.NOISE:
            done += size
        elif block.text:
            out.append(Unplaced(text=block.text, line=block.line))
    return tuple(out), (round(done / total, 4) if total else None)


# ---------------------------------------------------------------- header
def _is_noise(text: str) -> bool:
    return text.lower() in R.NOISE or bool(R.PAGE_NUMBER.match(text))


def _page_kind_and_title(blocks: Sequence[Block], ctx: Context, placed: list[bool]) -> tuple[str, str | None, int]:
    kind = ctx.page_kind
    title = ctx.title
    start = 0
    if title is not None:
        for index, block in enumerate(blocks[:25]):
            if block.text == title and block.kind != "item":
                placed[index] = True
                start = index + 1
                break
    for index, block in enumerate(blocks[:25]):
        if block.kind == "item":
            break
        text = block.text
        if _is_noise(text):
            placed[index] = True
            continue
        found = R.match_page_kind(text)
        if found is None:
            continue
        placed[index] = True
        kind = kind or found
        start = index + 1
        if title is None and found == "meeting" and (" of " in text.lower() or any(ch.isdigit() for ch in text)):
            title = text  # "Minutes of the Planning Committee held on ...": the page's own subject
        if title is None and found in ("agenda_item", "issue_history", "issue_decisions", "decision"):
            for j in range(index + 1, min(index + 4, len(blocks))):
                candidate = blocks[j].text
                if _is_noise(candidate) or blocks[j].kind == "item":
                    continue
                if R.DATE_TITLE.match(candidate) or R.MEETING_ITEM.match(candidate) or R.match_label(candidate):
                    break
                title = candidate
                placed[j] = True
                start = j + 1
                break
        break
    if kind is None:
        kind = ctx.fallback_kind or _guess_kind(blocks)
    if title is None and kind in ("agenda_item", "issue_history", "issue_decisions", "decision"):
        for index in range(start, min(start + 3, len(blocks))):
            block = blocks[index]
            if _is_noise(block.text):
                continue
            if block.kind == "heading" and not R.match_heading(block.text) and not R.match_label(block.text):
                title = block.text
                placed[index] = True
                start = index + 1
            break
    if title is None and kind == "decision":
        for block in blocks[:30]:
            label = R.match_label(block.text)
            if label is not None and label.key == "subject":
                title = label.value
                break
    return kind, title, start


def _guess_kind(blocks: Sequence[Block]) -> str:
    labels = 0
    for block in blocks[:200]:
        text = block.text
        if R.MEETING_ITEM.match(text):
            return "issue_history"
        label = R.match_label(text)
        if label is not None and label.key in ("maker", "reference", "decided", "subject"):
            labels += 1
    if labels >= 2:
        return "decision"
    if sum(1 for b in blocks[:200] if R.DATE_TITLE.match(b.text)) and not any(
        R.BARE_NUMBER.match(b.text) for b in blocks[:200]
    ):
        return "issue_decisions"
    return "meeting"


# ---------------------------------------------------------------- item starts
Header = dict[str, str]


def _item_starts(blocks: Sequence[Block], start: int, kind: str) -> list[tuple[int, Header | None]]:
    explicit: list[tuple[int, Header | None]] = []
    for i, block in enumerate(blocks):
        if block.kind != "item" or i < start:
            continue
        header = dict(block.meta)
        # "Meeting: 07/01/2020 - Executive (Item 70)" printed just before the item's row.
        m = R.MEETING_ITEM.match(blocks[i - 1].text) if i > start else None
        if m is not None:
            header.update(body=m.group("body"), date=m.group("date"), number=header.get("number") or m.group("number"))
            explicit.append((i - 1, header))
        else:
            explicit.append((i, header))
    if explicit:
        return explicit
    if kind in SINGLE_ITEM_KINDS or kind in LIST_KINDS:
        return []
    found: list[tuple[int, Header | None]] = []
    for i in range(start, len(blocks)):
        m = R.MEETING_ITEM.match(blocks[i].text)
        if m:
            found.append((i, {"scheme": "meeting", **m.groupdict()}))
    if found or kind == "issue_history":
        return found
    if kind == "issue_decisions":
        for i in range(start, len(blocks)):
            m = R.DATE_TITLE.match(blocks[i].text)
            if m:
                found.append((i, {"scheme": "date", **m.groupdict()}))
        return found
    for scheme in ("heading", "dash", "bare", "code", "caps", "toc"):
        found = _scheme(blocks, start, scheme)
        if found:
            return found
    # Titles carrying a document size ("Minutes pdf icon PDF 50 KB") mark items when
    # numbers were lost; numbered paragraphs ("1. Apologies ...") win when there are
    # at least as many of them.
    by_pdf = _scheme(blocks, start, "pdf")
    by_para = _scheme(blocks, start, "para")
    if len(by_para) >= 2 and len(by_para) >= len(by_pdf):
        return by_para
    return by_pdf or by_para


def _number_key(number: str) -> tuple[int, ...]:
    """Ordering key of a printed item number: "5" < "5a" < "5.1" < "5.2" < "6"; "21/123" < "21/124"."""
    parts = [int(p) for p in _DIGITS.findall(number)[:3]] or [0]
    letter = _LETTER_END.search(number)
    if letter:
        parts.append(ord(letter.group(0).lower()) - 96)
    return tuple(parts)


def _scheme(blocks: Sequence[Block], start: int, scheme: str) -> list[tuple[int, Header | None]]:
    found: list[tuple[int, Header | None]] = []
    last: tuple[int, ...] = (-1,)
    for i in range(start, len(blocks)):
        block = blocks[i]
        text = block.text
        header: Header | None = None
        if scheme == "heading":
            m = R.HEADED_ITEM.match(text) if block.kind == "heading" else None
            if m and not R.match_heading(text):
                header = {"number": m.group("number"), "title": m.group("title").strip()}
        elif scheme == "dash":
            m = R.ITEM_DASH.match(text)
            if m:
                header = {"number": m.group("number"), "title": R.strip_leaders(m.group("title"))}
        elif scheme == "code":
            m = R.MINUTE_CODE.match(text)
            if m:
                head, sep, _ = m.group("title").partition(":")
                title = head if sep and len(head) <= 90 else m.group("title")
                header = {"number": m.group("number"), "para": m.group("title"), "title": title.strip()}
        elif scheme == "bare":
            m = R.BARE_NUMBER.match(text)
            if m and i + 1 < len(blocks) and not R.BARE_NUMBER.match(blocks[i + 1].text):
                header = {"number": m.group("number"), "title_next": "1"}
        elif scheme == "caps":
            m = R.CAPS_NUMBERED.match(text)
            if m and "." not in m.group("number") and _mostly_upper(m.group("title").split("(")[0]):
                header = {"number": m.group("number"), "title": m.group("title").strip()}
        elif scheme == "toc":
            raw = (block.raw or "").expandtabs(8)
            m = R.TOC_ROW.match(raw.strip()) if raw else None
            if m and "." not in m.group("number"):
                title = R.strip_leaders(clean(m.group("title")))
                if title and title[0].isalpha():
                    header = {"number": m.group("number"), "title": title}
        elif scheme == "pdf":
            if R.DOC_SUFFIX.search(text) and not R.match_heading(text):
                header = {"title_line": "1"}
        elif scheme == "para":
            m = R.NUMBERED_PARA.match(text)
            if m:
                header = {"number": m.group("number"), "para": m.group("title")}
        if header is None:
            continue
        if "number" in header and scheme != "heading":
            value = _number_key(header["number"])
            if value <= last or (value[0] > last[0] + 50 and last[0] >= 0):
                continue
            last = value
        header["scheme"] = scheme
        found.append((i, header))
    return found


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 3:
        return False
    return sum(1 for c in letters if c.isupper()) / len(letters) >= 0.6


# ---------------------------------------------------------------- preamble
def _read_preamble(
    blocks: Sequence[Block],
    start: int,
    end: int,
    ctx: Context,
    placed: list[bool],
    title: str | None,
) -> Meeting | None:
    body: str | None = None
    date: dt.date | None = None
    time: str | None = None
    location: str | None = None
    status: str | None = None
    contacts: list[Contact] = []
    attendance: list[Person] = []
    documents: list[DocLink] = []
    candidates: list[str] = []
    seen_meta = False
    label_key: str | None = None
    label_values: list[str] = []

    def flush_label() -> None:
        nonlocal location, label_key, label_values, date, time, body, status
        if label_key is None:
            return
        values = [v for v in label_values if v and v not in ("-", "\u2013")]
        if label_key == "venue" and values and location is None:
            location = ", ".join(values)
        elif label_key in ("present", "apologies", "absent", "in_attendance"):
            status = label_key.replace("_", " ")
            for value in values:
                if value.startswith("\x00"):  # one list item: one person, maybe after their post
                    post, _, name = value[1:].rpartition(", ")
                    attendance.append(
                        Person(name=name or post, role=post if name and post else None, attendance=status)
                    )
                    continue
                for name in _split_people(value):
                    m = _NAME_ROLE.match(name)
                    if m:  # "A Smith (Chair)"
                        attendance.append(Person(name=m.group(1), role=m.group(2), attendance=status))
                    else:
                        attendance.append(Person(name=name, attendance=status))
        elif label_key == "date" and values and date is None:
            date = parse_date(" ".join(values), month_first=ctx.month_first)
            time = time or find_time(" ".join(values))
        elif label_key == "time" and values and time is None:
            time = find_time(" ".join(values))
        elif label_key == "committee" and values and body is None:
            body = values[0]
        elif label_key == "meeting_status" and values and status is None:
            status = values[0].lower()
        label_key, label_values = None, []

    for index in range(start, end):
        block = blocks[index]
        text = block.text
        if block.kind == "link" and R.is_doc_href(block.href):
            documents.append(_doclink(block, ctx))
            placed[index] = True
            continue
        if _is_noise(text):
            placed[index] = True
            continue
        label = R.match_label(text)
        if label is not None:
            flush_label()
            placed[index] = True
            seen_meta = True
            if label.key == "venue":
                value = _VIEW_DIRECTIONS.sub("", label.value).strip()
                if value:
                    location = location or value
                else:
                    label_key = "venue"
            elif label.key == "contact":
                contacts.extend(label_contacts(label.value, block.line))
            elif label.key in ("present", "apologies", "absent", "in_attendance"):
                label_key = label.key
                label_values = [label.value] if label.value else []
            elif not label.value and label.key in ("date", "time", "committee", "meeting_status"):
                label_key = label.key
            elif label.key == "date":
                date = date or parse_date(label.value, month_first=ctx.month_first)
                time = time or find_time(label.value)
            elif label.key == "time":
                time = time or find_time(label.value)
            elif label.key == "meeting_status":
                status = status or label.value.lower()
            elif label.key == "committee":
                body = body or label.value
            continue
        if label_key is not None and block.kind in ("para", "li", "cell"):
            plain = _BULLET_PREFIX.sub("", text)
            listed = block.kind == "li" or plain != text
            more_people = (
                label_key in _ATTENDANCE_KEYS
                and (listed or bool(_PEOPLE_LINE.match(plain)))
                and len(label_values) < 100
            )
            if not more_people and ((label_key != "venue" and label_values) or len(label_values) >= 6):
                flush_label()
            else:
                label_values.append("\x00" + plain if listed and label_key in _ATTENDANCE_KEYS else plain)
                placed[index] = True
                continue
        found = _meeting_header(text, blocks[index + 1].text if index + 1 < end else "", ctx)
        if found is not None:
            f_body, f_date, f_time, f_loc, f_status, used_next = found
            if f_date is not None or f_body:
                placed[index] = True
                if used_next:
                    placed[index + 1] = True
                body = body or f_body
                date = date or f_date
                time = time or f_time
                location = location or f_loc
                status = status or f_status
                seen_meta = True
                continue
        if R.WEEKDAY_LINE.match(text):
            placed[index] = True
            date = date or find_date(text, month_first=ctx.month_first)
            time = time or find_time(text)
            m = R.CANCELLED.search(text)
            status = status or (m.group(1).lower() if m else None)
            if candidates and body is None:
                body = candidates[-1]
            seen_meta = True
            continue
        if not seen_meta and _body_like(text) and text != title:
            candidates.append(text)
    flush_label()
    if body is None and candidates and (date is not None or location is not None or attendance):
        body = candidates[0]
    if body is not None:
        _mark(blocks, start, end, body, placed)
    if not any((body, date, time, location, status, contacts, attendance, documents)):
        return None
    return Meeting(
        body=body,
        date=date,
        time=time,
        location=location,
        status=status,
        url=ctx.url,
        contacts=tuple(_dedupe_contacts(contacts)),
        documents=tuple(documents),
        attendance=tuple(attendance),
    )


def _meeting_documents(
    blocks: Sequence[Block], start: int, end: int, ctx: Context, placed: list[bool]
) -> list[DocLink]:
    """Document links after the agenda (printed minutes, reports pack): the meeting's own."""
    found = []
    for index in range(start, end):
        block = blocks[index]
        if block.kind == "break" or _is_noise(block.text):
            placed[index] = True
        elif block.kind == "link" and block.href:
            found.append(_doclink(block, ctx))
            placed[index] = True
        elif R.match_heading(block.text) and R.match_heading(block.text).section == "documents":  # type: ignore[union-attr]
            placed[index] = True
    return _dedupe_docs(found)


def _merge_meeting(first: Meeting, second: Meeting) -> Meeting:
    """Fill ``first``'s empty fields from ``second``."""
    values = {}
    for field in attrs.fields(Meeting):
        mine = getattr(first, field.name)
        values[field.name] = mine if mine not in (None, "", ()) else getattr(second, field.name)
    return Meeting(**values)


_NAME_ROLE = re.compile(r"^(.{2,80}?)\s*\(([^()]{2,60})\)$")
_ATTENDANCE_KEYS = frozenset({"present", "apologies", "absent", "in_attendance"})
_PEOPLE_LINE = re.compile(r"^(?:Councillors?|Cllrs?\.?|Mr|Mrs|Ms|Miss|Dr|Mayor|Deputy|Alderman|Aldermen)\b")


def _mark(blocks: Sequence[Block], start: int, end: int, text: str, placed: list[bool]) -> None:
    for index in range(start, end):
        if blocks[index].text == text:
            placed[index] = True
            return


def _body_like(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 8 or any(ch.isdigit() for ch in text):
        return False
    if text.endswith((".", ":", "?", "!")):
        return False
    return words[0][:1].isupper() and R.match_page_kind(text) is None


def _split_people(value: str) -> list[str]:
    value = _COUNCILLORS.sub("", value.strip())
    parts = _PEOPLE_SPLIT.split(value)
    return [p.strip(" .") for p in parts if p.strip(" .")]


def _meeting_header(
    text: str, following: str, ctx: Context
) -> tuple[str | None, dt.date | None, str | None, str | None, str | None, bool] | None:
    m = R.MINUTES_OF.match(text)
    if m:
        when = m.group("when")
        return (
            _strip_the(m.group("body")),
            find_date(when, month_first=ctx.month_first),
            find_time(m.group("time") or when),
            _strip_the(m.group("loc")),
            None,
            False,
        )
    m = R.MEETING_HEADER.match(text) or R.AGENDA_FOR.match(text)
    if m:
        when = m.group("when")
        date = find_date(when, month_first=ctx.month_first)
        if date is not None:
            status = R.CANCELLED.search(text)
            return (
                m.group("body").strip(),
                date,
                find_time(when),
                None,
                status.group(1).lower() if status else None,
                False,
            )
    m = R.NOTICE_BODY.search(text)
    if m:
        return m.group("body").strip(), None, None, None, None, False
    if _MEETING_WORD.search(text):
        held = R.HELD_ON.search(text)
        date = find_date(text, month_first=ctx.month_first)
        used_next = False
        if date is None and held is not None and following:
            date = find_date(following, month_first=ctx.month_first)
            used_next = date is not None
        if date is not None:
            return None, date, find_time(text) or (find_time(following) if used_next else None), None, None, used_next
    return None


def _strip_the(text: str) -> str:
    return R.LEADING_THE.sub("", text.strip())


def _doclink(block: Block, ctx: Context) -> DocLink:
    title, fmt, size = R.split_doc_suffix(block.text)
    size_text = block.meta.get("size")
    if size_text:
        _, fmt2, size2 = R.split_doc_suffix(size_text)
        fmt, size = fmt2 or fmt, size2 or size
    href = block.href
    url = urljoin(ctx.url, href) if ctx.url and href else href
    if fmt is None:
        fmt = R.format_from_href(href)
    return DocLink(title=title or block.text, url=url, format=fmt, size_bytes=size)


def _dedupe_contacts(contacts: list[Contact]) -> list[Contact]:
    """One entry per person (or per phone/e-mail when unnamed)."""
    out: list[Contact] = []
    seen: set[tuple[str, str | None, str | None]] = set()
    names: set[str] = set()
    for contact in contacts:
        name = (contact.name or "").lower()
        key = name, contact.phone, contact.email
        if key in seen or (name and name in names):
            continue
        seen.add(key)
        if name:
            names.add(name)
        out.append(contact)
    return out


# ---------------------------------------------------------------- items
_VOTE_HINT = re.compile(r"moved|proposed|seconded|carried|lost|defeated|failed|withdrawn|adopted|\d")
"""What a vote line holds near its start (a cheap test before the regexes)."""


class _ItemReader:
    """Reads one agenda item's blocks into an :class:`AgendaItem`."""

    def __init__(
        self,
        blocks: Sequence[Block],
        start: int,
        end: int,
        header: Header | None,
        kind: str,
        page_title: str | None,
        meeting: Meeting | None,
        ctx: Context,
        placed: list[bool],
    ) -> None:
        self.ctx = ctx
        self.kind = kind
        self.placed = placed
        self.blocks = blocks
        self.number: str | None = None
        self.title = ""
        self.line = blocks[start].line if start < len(blocks) else None
        self.body: str | None = meeting.body if meeting else None
        self.date: dt.date | None = meeting.date if meeting else None
        self.sections: list[tuple[str, list[Para]]] = []
        self.groups: list[int] = []
        """For each section, the block it stood in: a "Decision:" or "Minutes:" heading starts a new one."""
        self.group = 0
        self.state = "summary"
        self.actions: list[Action] = []
        self.action_keys: set[tuple[str, str]] = set()
        self.contacts: list[Contact] = []
        self.documents: list[DocLink] = []
        self.votes: list[Vote] = []
        self.vote: dict[str, str] = {}
        self.status: str | None = None
        self.key_decision: bool | None = None
        self.call_in: str | None = None
        self.wards: str | None = None
        self.published: dt.date | None = None
        self.decided_at: tuple[str | None, dt.date | None] = (None, None)
        self.maker: str | None = None
        self.decided: dt.date | None = None
        self.url: str | None = None
        self.declaration_count = (
            int(header["declaration_count"]) if header and header.get("declaration_count", "").isdigit() else None
        )
        first = self._header(start, end, header, page_title)
        for index in range(first, end):
            self._read(index)

    # -- header
    def _header(self, start: int, end: int, header: Header | None, page_title: str | None) -> int:
        blocks = self.blocks
        if header is None:
            self.title = page_title or ""
            return start
        self.placed[start] = True
        scheme = header.get("scheme")
        self.number = (header.get("number") or "").rstrip(".") or None
        if scheme == "meeting":
            self.body = header["body"].strip()
            self.date = parse_date(header["date"])
            self.title = page_title or ""
            nxt = start + 1
            if nxt < end:
                text = blocks[nxt].text
                candidate = text
                m = _NUMBER_PREFIX.match(text)
                if m and m.group("number") == self.number:
                    candidate = m.group("rest")
                stripped, fmt, size = R.split_doc_suffix(candidate)
                if (
                    (m and m.group("number") == self.number)
                    or fmt
                    or (page_title and R.similar(stripped, page_title, 85))
                ):
                    self.title = stripped or self.title
                    if fmt:
                        self.documents.append(DocLink(title=stripped, format=fmt, size_bytes=size))
                    self.placed[nxt] = True
                    return nxt + 1
            return start + 1
        if scheme == "date":
            self.title = header["title"].strip()
            self.date = parse_date(header["date"])
            self.body = None
            return start + 1
        if scheme == "bare" and header.get("title_next"):
            nxt = start + 1
            text = blocks[nxt].text if nxt < end else ""
            if (
                text
                and not R.match_heading(text)
                and not R.match_label(text)
                and not _BULLET_PREFIX.match(text)
                and not R.MOVED.match(text)
            ):
                self._title_line(text)
                self.placed[nxt] = True
                return nxt + 1
            return start + 1
        if scheme == "pdf" or header.get("title_line"):
            self._title_line(blocks[start].text)
            return start + 1
        if scheme in ("para", "code"):
            text = header.get("para", "")
            head, sep, rest = text.partition(":")
            if R.split_doc_suffix(text)[1] is not None:
                self._title_line(text)  # "2. Minutes pdf icon PDF 80 KB": a title line
            elif scheme == "code" and not sep and len(text) <= 120 and not text.endswith("."):
                self.title = text
            elif sep and 2 <= len(head) <= 90 and "." not in head:
                self.title = head.strip()
                if rest.strip():
                    self._line(rest.strip(), blocks[start].line)
            elif len(text.split()) <= 12 and not text.endswith((".", ";")):
                self.title = text  # "1. Apologies for Absence": a title
            else:
                self.title = text  # "1. There were no declarations.": the minute itself
                self._line(text, blocks[start].line)
            return start + 1
        if header.get("date"):
            self.date = parse_date(header["date"], month_first=self.ctx.month_first)
        if header.get("body"):
            self.body = header["body"]
        self.url = urljoin(self.ctx.url, header["url"]) if self.ctx.url and header.get("url") else header.get("url")
        title = header.get("title", "")
        if title:
            stripped, fmt, size = R.split_doc_suffix(title)
            self.title = stripped
            if fmt:
                self.documents.append(DocLink(title=stripped, format=fmt, size_bytes=size))
        href = header.get("href")
        if href:
            self.documents.append(
                _doclink(
                    Block(kind="link", text=self.title, href=href, meta={"size": header.get("size", "")}), self.ctx
                )
            )
        return start + 1

    def _title_line(self, text: str) -> None:
        stripped, fmt, size = R.split_doc_suffix(text)
        self.title = stripped
        if fmt:
            self.documents.append(DocLink(title=stripped, format=fmt, size_bytes=size))

    # -- body
    def _read(self, index: int) -> None:
        block = self.blocks[index]
        text = block.text
        line = block.line
        self.placed[index] = True
        if block.kind == "item" or _is_noise(text):
            return
        if block.kind == "link":
            if block.href and (R.is_doc_href(block.href) or self.state == "documents"):
                self.documents.append(_doclink(block, self.ctx))
                return
            if self.state == "documents":
                self.documents.append(_doclink(block, self.ctx))
                return
        self._line(text, line)

    def _line(self, text: str, line: int | None) -> None:
        """Place one line of text: vote, heading, action, contact, label, document or content."""
        plain = _BULLET_PREFIX.sub("", text)
        if self._vote_line(plain, line):
            return
        heading = R.match_heading(plain)
        if heading is not None:
            self._close_vote()
            if heading.section == "decision_of":
                self.maker = heading.who
                self.state = "other"
                return
            self.state = heading.section
            if heading.section in ("decision", "minutes", "recommendations", "summary", "documents"):
                self.group += 1
            self._open(self.state)
            if heading.rest and not self._vote_line(heading.rest, line):
                self._motion_text(heading.rest, line)
            return
        meeting_line = R.MEETING_ITEM.match(plain) if plain[:8].lower() == "meeting:" else None
        if meeting_line is not None:  # "Meeting: 03/02/2021 - Council (Item 45)" on a single item's page
            self.body = meeting_line.group("body").strip()
            self.date = parse_date(meeting_line.group("date"))
            self.number = self.number or meeting_line.group("number")
            return
        m = R.ACTION_LINE.match(plain) if "action" in plain[:14].lower() else None
        if m:
            self._action(m.group("owner").strip(" ."), line)
            return
        found = paren_contacts(plain, line) if plain[:1] == "(" else None
        if found:
            self.contacts.extend(found)
            return
        label = R.match_label(plain)
        if label is not None and self._label(label, line):
            return
        if R.REFERRAL.match(plain) and self.state in ("recommendations", "resolved", "decision"):
            return
        stripped, fmt, size = R.split_doc_suffix(text)
        if fmt and (self.state == "documents" or (stripped and len(stripped) < 200)):
            self.documents.append(DocLink(title=stripped, format=fmt, size_bytes=size))
            return
        self._inline_action(plain, line)
        if self.state not in ("resolved", "decision", "motion", "recommendations") and (
            "RESOLVED" in plain or "AGREED" in plain
        ):
            inline = R.INLINE_DECISION.search(plain)
            if inline is not None and inline.end() < len(plain):
                before = plain[: inline.start()].strip()
                if before:
                    self._content(before, line)
                previous = self.state
                self.state = "resolved"
                self._open("resolved")
                self._motion_text(plain[inline.end() :].strip(), line)
                if not plain.rstrip().endswith(":") and self.state == "resolved":
                    self.state = previous
                return
        self._motion_text(text, line)

    def _open(self, section: str) -> None:
        self.sections.append((section, []))
        self.groups.append(self.group)

    def _content(self, text: str, line: int | None) -> None:
        if not self.sections or self.sections[-1][0] != self.state:
            self._open(self.state)
        self.sections[-1][1].append(Para(text, line))

    def _action(self, owner: str, line: int | None, text: str | None = None) -> None:
        if text is None:
            for section, paras in reversed(self.sections):
                if section in ("resolved", "decision", "motion") and paras:
                    text = paras[-1].text
                    break
        key = (R.fold(owner), R.fold(text or ""))
        if key in self.action_keys:
            return  # the same action printed again (Decision and Minutes blocks)
        self.action_keys.add(key)
        self.actions.append(Action(owner=owner, text=text, line=line))

    def _inline_action(self, text: str, line: int | None) -> None:
        if "to action" not in text.lower():
            return
        for m in R.ACTION_INLINE.finditer(text):
            owner = R.LEADING_THE.sub("", m.group("owner"))
            self._action(owner, line, text.strip())

    def _label(self, label: R.LabelValue, line: int | None) -> bool:
        key, value = label.key, label.value
        if key == "maker":
            self.maker = value or None
        elif key == "status":
            self.status = value or None
        elif key == "key":
            self.key_decision = value.lower().startswith("y") if value else None
        elif key in ("call_in", "call_in_deadline"):
            self.call_in = value or None
        elif key == "published":
            self.published = parse_date(value)
        elif key == "decided":
            self.decided = parse_date(value, month_first=self.ctx.month_first)
        elif key == "date" and self.kind == "decision":
            self.decided = self.decided or parse_date(value, month_first=self.ctx.month_first)
        elif key == "decided_at":
            m = R.DATE_TITLE.match(value)
            if m:
                self.decided_at = (m.group("title").strip(), parse_date(m.group("date")))
            else:
                self.decided_at = (None, parse_date(value))
        elif key == "author":
            self.contacts.extend(label_contacts(value, line, role="Report author"))
        elif key == "contact":
            self.contacts.extend(label_contacts(value, line))
        elif key == "wards":
            self.wards = value or None
        elif key == "subject":
            if not self.title:
                self.title = value
        elif key in ("effective", "decision_type", "reference", "meeting_no"):
            pass
        else:
            return False
        self.state = "meta"
        return True

    # -- votes
    def _vote_line(self, text: str, line: int | None) -> bool:
        head = text[:40].lower()
        if not self.vote and _VOTE_HINT.search(head) is None:
            return False
        moved = R.MOVED.match(text) if ("moved" in head or "proposed" in head) else None
        if moved and moved.start() == 0:
            self._close_vote()
            self.vote["mover"] = moved.group("who").strip()
            rest = text[moved.end() :]
            seconded = R.SECONDED.search(rest)
            if seconded:
                self.vote["seconder"] = seconded.group("who").strip()
                rest = rest[seconded.end() :]
            if self.state != "resolved":
                self.state = "motion"
                self._open("motion")
            rest = rest.lstrip(" ,;.").rstrip()
            if rest:
                self._inline_action(rest, line)
                self._motion_text(rest, line)
            return True
        seconded = R.SECONDED.match(text)
        if seconded and seconded.start() == 0:
            self.vote["seconder"] = seconded.group("who").strip()
            rest = text[seconded.end() :].lstrip(" ,;.").rstrip()
            if rest:
                self._inline_action(rest, line)
            if self.state not in ("motion", "resolved"):
                self.state = "motion"
                self._open("motion")
            if rest:
                self._motion_text(rest, line)
            return True
        result = R.RESULT.match(text)
        if result and (self.vote or self.state in ("motion", "resolved")) and len(text) < 140:
            self.vote["result"] = text.strip()
            counts = {m.group("what").lower(): int(m.group("n")) for m in R.COUNTS.finditer(text)}
            for what, value in counts.items():
                self.vote[_count_key(what)] = str(value)
            self._close_vote()
            return True
        if len(text) < 160 and any(ch.isdigit() for ch in text):
            tally: dict[str, str] = {_count_key(m.group("what").lower()): m.group("n") for m in R.COUNTS.finditer(text)}
            if len(tally) >= 2 and R.VOTING_LINE.match(text):
                # "(Voting: 7 for, 2 against, 1 abstention)": the tally of the decision just read.
                self.vote.update(tally)
                self.vote.setdefault("result", text.strip(" ()"))
                self._close_vote()
                return True
        return False

    def _motion_text(self, text: str, line: int | None) -> None:
        """Content that may end with an action or a vote's result ("... the request. LOST")."""
        trailing = R.ACTION_TRAILING.search(text) if "ACTION" in text else None
        if trailing is not None:
            text = text[: trailing.start()].rstrip()
            self._content(text, line)
            self._action(trailing.group("owner").strip(" ."), line, text)
            return
        m = R.TRAILING_RESULT.search(text) if self.state in ("motion", "resolved") else None
        if m and m.start() > 0:
            self._content(text[: m.start()].strip(), line)
            self.vote["result"] = m.group("result").strip()
            self._close_vote()
            return
        self._content(text, line)

    def _close_vote(self) -> None:
        if not self.vote:
            return
        motion = None
        for section, paras in reversed(self.sections):
            if section in ("motion", "resolved") and paras:
                motion = " ".join(p.text for p in paras)
                break
        v = self.vote
        self.votes.append(
            Vote(
                motion=motion,
                mover=v.get("mover"),
                seconder=v.get("seconder"),
                result=v.get("result"),
                for_count=_int(v.get("for")),
                against_count=_int(v.get("against")),
                abstain_count=_int(v.get("abstain")),
                absent_count=_int(v.get("absent")),
            )
        )
        self.vote = {}
        if v.get("result") and R.LOST.match(v["result"]):
            for index in range(len(self.sections) - 1, -1, -1):
                if self.sections[index][0] in ("motion", "resolved"):
                    self.sections[index] = ("lost", self.sections[index][1])
                    break
        if self.state in ("motion", "resolved"):
            self.state = "after_motion"

    # -- finish
    def finish(self) -> AgendaItem:
        self._close_vote()
        summary: list[str] = []
        minutes: list[str] = []
        reasons: list[str] = []
        alternatives: list[str] = []
        interests: list[str] = []
        has_resolved = any(s == "resolved" and p for s, p in self.sections)
        rec_set, res_set = _ClauseSet(), _ClauseSet()
        for (section, paras), group in zip(self.sections, self.groups, strict=True):
            if not paras:
                continue
            if section == "recommendations":
                rec_set.merge(split_clauses(paras), group)
            elif section in ("resolved", "motion") or (section == "decision" and not has_resolved):
                res_set.merge(split_clauses(paras), group)
            elif section == "decision":
                minutes.extend(p.text for p in paras)
            elif section == "minutes":
                minutes.extend(p.text for p in paras if not R.INFINITIVE_DECISION.match(p.text))
            elif section == "summary":
                summary.extend(p.text for p in paras)
            elif section == "reasons":
                reasons.extend(p.text for p in paras)
            elif section == "alternatives":
                alternatives.extend(p.text for p in paras)
            elif section == "interests":
                interests.extend(p.text for p in paras)
            elif section in ("other", "after_motion", "meta", "lost"):
                minutes.extend(p.text for p in paras)
        recs, resolutions = rec_set.clauses, res_set.clauses
        if not resolutions and not has_resolved:
            resolutions = self._infinitive_decisions()
        if not resolutions and not has_resolved and self.kind in FALLBACK_KINDS:
            resolutions = self._fallback()
        body, date = self.body, self.date
        if self.kind == "decision" or self.maker or self.decided or self.decided_at != (None, None):
            at_body, at_date = self.decided_at
            body = self.maker or at_body or body
            date = self.decided or at_date or date
        elif self.maker:
            body = self.maker
        meeting = MeetingRef(body=body, date=date) if (body or date) else None
        return AgendaItem(
            number=self.number,
            title=self.title,
            meeting=meeting,
            summary=" ".join(summary) or None,
            recommendations=tuple(recs),
            resolutions=tuple(resolutions),
            actions=tuple(self.actions),
            contacts=tuple(_dedupe_contacts(self.contacts)),
            documents=tuple(_dedupe_docs(self.documents)),
            minutes=" ".join(minutes) or None,
            votes=tuple(self.votes),
            declaration_count=self.declaration_count,
            status=self.status,
            key_decision=self.key_decision,
            call_in=self.call_in,
            reasons=" ".join(reasons) or None,
            alternatives=" ".join(alternatives) or None,
            interests=" ".join(interests) or None,
            wards=self.wards,
            published=self.published,
            url=self.url,
            line=self.line,
        )

    def _infinitive_decisions(self) -> list[Clause]:
        """Minutes written as decisions: "To approve the minutes ... as a correct record."."""
        paras = [p for s, ps in self.sections if s == "minutes" for p in ps]
        found = [p for p in paras if R.INFINITIVE_DECISION.match(p.text)]
        return split_clauses(found) if found else []

    def _fallback(self) -> list[Clause]:
        """Unheaded decisions: a trailing run of numbered clauses, or the decision text."""
        paras = [p for s, ps in self.sections if s in ("summary", "minutes", "decision", "other") for p in ps]
        if not paras:
            return []
        first_label = None
        previous: tuple[str, str] | None = None
        for index, para in enumerate(paras):
            lab = parse_label(para.text, previous)
            if lab is not None and lab.style != "bullet":
                first_label = index
                break
        if first_label is not None:
            begin = first_label
            if begin > 0 and R.STEM_END.search(paras[begin - 1].text):
                begin -= 1
            return split_clauses(paras[begin:])
        if self.kind in ("issue_decisions", "decision"):
            return split_clauses(paras)
        return []


def _count_key(what: str) -> str:
    if what.startswith("abst"):
        return "abstain"
    if what.startswith("in") or what == "for":
        return "for"
    return what


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def _role_name_contacts(value: str, line: int | None) -> list[Contact]:
    """ "Head of Life Opportunities - Paul Price" (role, then name) or any contact value."""
    return label_contacts(value, line)


_FUZZY_LIMIT = 200
"""Beyond this many clauses from other blocks, repeats are found by exact (folded)
text only, so a pathological page stays linear."""


class _ClauseSet:
    """Clauses in page order, where one printed again in another block (the
    "Decision:" block and again in "Minutes:") counts once; repeats within one
    block are separate decisions and stay."""

    __slots__ = ("by_text", "clauses", "texts")

    def __init__(self) -> None:
        self.clauses: list[Clause] = []
        self.by_text: dict[str, set[int]] = {}
        self.texts: list[tuple[str, int]] = []

    def merge(self, new: list[Clause], group: int) -> None:
        """Add ``new`` clauses read in block ``group``."""
        for clause in new:
            key = R.fold(clause.text)
            seen = self.by_text.get(key)
            if seen is not None and seen - {group}:
                continue
            if (
                seen is None
                and len(self.texts) <= _FUZZY_LIMIT
                and any(g != group and R.similar(clause.text, text) for text, g in self.texts)
            ):
                continue
            self.clauses.append(clause)
            self.by_text.setdefault(key, set()).add(group)
            if len(self.texts) <= _FUZZY_LIMIT:
                self.texts.append((clause.text, group))


def _dedupe_docs(docs: list[DocLink]) -> list[DocLink]:
    """One entry per document: the same URL (or, without URLs, the same title) counts
    once; a title seen without a URL is replaced by the same title with one."""
    by_key: dict[str, DocLink] = {}
    for doc in docs:
        if doc.url:
            if doc.url in by_key:
                continue
            untitled = by_key.get("title:" + doc.title)
            if untitled is not None and not untitled.url:
                del by_key["title:" + doc.title]
            by_key[doc.url] = doc
            by_key.setdefault("title:" + doc.title, doc)
        elif "title:" + doc.title not in by_key:
            by_key["title:" + doc.title] = doc
    out: list[DocLink] = []
    ids: set[int] = set()
    for doc in by_key.values():
        if id(doc) not in ids:
            ids.add(id(doc))
            out.append(doc)
    return out
