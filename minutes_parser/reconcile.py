"""One record per meeting, item and resolution, however many pages print it.

A ModernGov decision is printed on the meeting's page, on the issue's history
page and on its own decision page; each parses to its own AgendaItem.
:func:`merge` reconciles them: occurrences are the same record when they share
an id (the deterministic id, or a system id of one kind on one site), or, on
one site and one meeting date, when their titles match (rapidfuzz
``token_set_ratio`` of :data:`TITLE_MATCH` or more) or one of their
resolutions does (:data:`TEXT_MATCH`). Each reconciled record keeps, field by
field, the fullest value its sources give, lists every source, and names the
fields where sources disagree.

>>> import minutes_parser
>>> a = minutes_parser.parse(
...     b"Agenda item\\n\\nBudget 2025\\n\\nMeeting: 04/03/2025 - Cabinet (Item 5)\\n\\nRESOLVED that the budget be approved.\\n"
... )
>>> b = minutes_parser.parse(
...     b"Decision details\\n\\nBudget 2025\\n\\nDecision Maker: Cabinet\\n\\nDecision:\\n\\n"
...     b"RESOLVED that the budget be approved.\\n\\nDate of decision: 04/03/2025\\n"
... )
>>> merged = merge([a, b])
>>> len(merged.items), len(merged.items[0].sources)
(1, 2)
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Generic, TypeVar

import attrs
from rapidfuzz import fuzz

from .ids import document_id
from .models import AgendaItem, Clause, Document, Meeting, MeetingRef

TITLE_MATCH = 90
"""Two items on one site and one meeting date with titles this alike (token_set_ratio, 0-100) are one
item: it survives a dropped word or an added "(Item 13)" but not a different report's title."""
TEXT_MATCH = 90
"""Two clauses this alike (ratio of the folded texts) are one resolution: the corpus's own convention
for "the same text" (``CONTRACT.md``'s scorer uses 90)."""
BODY_MATCH = 85
"""Two meetings on one site and date whose bodies are this alike (token_set_ratio) are one meeting
("Licensing Committee" / "Licensing Committee (Special)")."""

R = TypeVar("R")


@attrs.frozen(kw_only=True, slots=True)
class Seen:
    """One page's occurrence of a reconciled record."""

    document_id: str
    """The page (``records()["pages"]`` id)."""
    url: str | None
    """The page's URL."""
    adapter: str
    """Adapter that read the page."""
    page_kind: str
    """Kind of page."""
    record_id: str | None
    """The record's id on that page."""


@attrs.frozen(kw_only=True, slots=True)
class Disagreement:
    """A field whose sources give different values."""

    field: str
    """The field's name."""
    values: tuple[tuple[Any, tuple[str, ...]], ...]
    """Each distinct value with the ids of the pages (``Seen.document_id``) that give it."""


@attrs.frozen(kw_only=True, slots=True)
class Reconciled(Generic[R]):
    """A record as all its sources tell it."""

    id: str
    """The record's id: the id most of its sources give (ties: the first page's)."""
    record: R
    """The record with the fullest value of each field its sources give."""
    sources: tuple[Seen, ...]
    """Every page it was seen on, in input order."""
    disagreements: tuple[Disagreement, ...] = ()
    """Fields whose sources differ (beyond case, spacing and one value containing the other)."""
    parent: str | None = None
    """For a resolution, its reconciled item's id; for an item, its meeting's."""


@attrs.frozen(kw_only=True, slots=True)
class Merged:
    """The result of :func:`merge`."""

    meetings: tuple[Reconciled[Meeting], ...]
    """One per meeting."""
    items: tuple[Reconciled[AgendaItem], ...]
    """One per agenda item or decision."""
    resolutions: tuple[Reconciled[Clause], ...]
    """One per resolution clause, ``parent`` naming its item."""


def _fold(text: Any) -> str:
    value = unicodedata.normalize("NFKC", str(text)).casefold()
    value = re.sub(r"[‘’“”\"'`]", "", value)
    value = re.sub(r"[\u2010-\u2015-]", " ", value)
    return " ".join(value.split()).strip(" .;:")


def _alike(a: Any, b: Any) -> bool:
    """Same value for reporting purposes: equal when folded, one containing the other, or fuzzy-equal."""
    if isinstance(a, str) and isinstance(b, str):
        fa, fb = _fold(a), _fold(b)
        return fa == fb or (bool(fa) and bool(fb) and (fa in fb or fb in fa)) or fuzz.ratio(fa, fb) >= TEXT_MATCH
    return bool(a == b)


class _Groups:
    """Union-find over occurrence indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = {}
        for i in range(len(self.parent)):
            out.setdefault(self.find(i), []).append(i)
        return list(out.values())


@attrs.frozen(slots=True)
class _Occurrence(Generic[R]):
    record: R
    doc: Document
    doc_id: str
    site: str | None


def _seen(occ: _Occurrence[Any], record_id: str | None) -> Seen:
    return Seen(
        document_id=occ.doc_id,
        url=occ.doc.source.url,
        adapter=occ.doc.source.adapter,
        page_kind=occ.doc.source.page_kind,
        record_id=record_id,
    )


def _same_site(a: _Occurrence[Any], b: _Occurrence[Any]) -> bool:
    return a.site is None or b.site is None or a.site == b.site


def _link(occs: Sequence[_Occurrence[Any]], keys: Callable[[Any], Iterable[str]], groups: _Groups) -> None:
    """Join occurrences sharing any key (keys include the site where ids are per site)."""
    first: dict[str, int] = {}
    for i, occ in enumerate(occs):
        for key in keys(occ):
            if key in first:
                groups.join(first[key], i)
            else:
                first[key] = i


def _fullest(values: list[tuple[Any, str]], field: str) -> tuple[Any, Disagreement | None]:
    """The fullest value (most given, then longest) and the disagreement among the rest, if any."""
    present = [(v, d) for v, d in values if v not in (None, "", ())]
    if not present:
        return (values[0][0] if values else None), None
    if isinstance(present[0][0], tuple):
        return max((v for v, _ in present), key=len), None
    counts = Counter(_fold(v) if isinstance(v, str) else repr(v) for v, _ in present)
    best = max(
        present, key=lambda vd: (counts[_fold(vd[0]) if isinstance(vd[0], str) else repr(vd[0])], len(str(vd[0])))
    )[0]
    distinct: list[tuple[Any, list[str]]] = []
    for value, doc in present:
        for known, docs in distinct:
            if _alike(known, value):
                if doc not in docs:
                    docs.append(doc)
                break
        else:
            distinct.append((value, [doc]))
    if len(distinct) < 2:
        return best, None
    return best, Disagreement(field=field, values=tuple((v, tuple(d)) for v, d in distinct))


_SKIP = frozenset({"id", "line", "page"})
"""Fields that say where a record stood on one page, not what it is: not compared."""


def _combine(
    cls: type[Any], occs: Sequence[_Occurrence[Any]], special: dict[str, Any]
) -> tuple[Any, tuple[Disagreement, ...]]:
    values: dict[str, Any] = {}
    problems: list[Disagreement] = []
    for field in attrs.fields(cls):
        if field.name in special:
            values[field.name] = special[field.name]
            continue
        given = [(getattr(o.record, field.name), o.doc_id) for o in occs]
        value, problem = _fullest(given, field.name)
        values[field.name] = value
        if problem is not None and field.name not in _SKIP:
            problems.append(problem)
    return cls(**values), tuple(problems)


def _union(lists: Iterable[tuple[Any, ...]], same: Callable[[Any, Any], bool]) -> tuple[Any, ...]:
    out: list[Any] = []
    for records in sorted(lists, key=len, reverse=True):
        for record in records:
            if not any(same(record, have) for have in out):
                out.append(record)
    return tuple(out)


def _clause_same(a: Clause, b: Clause) -> bool:
    return fuzz.ratio(_fold(a.text), _fold(b.text)) >= TEXT_MATCH


def _majority_id(ids: Iterable[str | None], fallback: str) -> str:
    counts = Counter(i for i in ids if i)
    return counts.most_common(1)[0][0] if counts else fallback


def merge(documents: Iterable[Document]) -> Merged:
    """Reconcile the meetings, items and resolutions of ``documents`` across pages.

    Each :class:`Reconciled` record lists its sources (:class:`Seen`), keeps the
    fullest value of each field (the value most sources give, then the longest;
    lists are united, clauses matched by text) and reports :class:`Disagreement`
    where sources give different values.

    >>> import minutes_parser
    >>> page = b"Agenda item\\n\\nBudget\\n\\nRESOLVED that it be noted.\\n"
    >>> merged = merge([minutes_parser.parse(page), minutes_parser.parse(page)])
    >>> [len(r.sources) for r in merged.resolutions]
    [2]
    """
    docs = list(documents)
    item_occs: list[_Occurrence[AgendaItem]] = []
    meeting_occs: list[_Occurrence[Meeting]] = []
    for doc in docs:
        doc_id = document_id(doc)
        site = doc.source.site
        meeting_occs.extend(_Occurrence(m, doc, doc_id, site) for m in doc.meetings)
        item_occs.extend(_Occurrence(i, doc, doc_id, site) for i in doc.items)
        for item in doc.items:
            ref = item.meeting
            if ref is not None and (ref.body or ref.date) and not any(m.id == ref.id for m in doc.meetings):
                meeting_occs.append(_Occurrence(_from_ref(ref), doc, doc_id, site))

    meetings, meeting_of = _merge_meetings(meeting_occs)
    items, resolutions = _merge_items(item_occs, meeting_of)
    return Merged(meetings=meetings, items=items, resolutions=resolutions)


def _from_ref(ref: MeetingRef) -> Meeting:
    return Meeting(body=ref.body, date=ref.date, id=ref.id, system_id=ref.system_id)


def _merge_meetings(occs: list[_Occurrence[Meeting]]) -> tuple[tuple[Reconciled[Meeting], ...], dict[str, str]]:
    groups = _Groups(len(occs))
    _link(occs, lambda o: [o.record.id] if o.record.id else [], groups)
    _link(occs, lambda o: [f"{o.site}|{o.record.system_id}"] if o.record.system_id and o.site else [], groups)
    by_date: dict[Any, list[int]] = {}
    for i, occ in enumerate(occs):
        if occ.record.date is not None:
            by_date.setdefault(occ.record.date, []).append(i)
    for members in by_date.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = occs[i], occs[j]
                if not _same_site(a, b):
                    continue
                body_a, body_b = _fold(a.record.body or ""), _fold(b.record.body or "")
                if not body_a or not body_b or fuzz.token_set_ratio(body_a, body_b) >= BODY_MATCH:
                    groups.join(i, j)
    out: list[Reconciled[Meeting]] = []
    meeting_of: dict[str, str] = {}
    for members in groups.groups():
        group = [occs[i] for i in members]
        key = _majority_id((o.record.id for o in group), f"meeting/{len(out) + 1}")
        special = {
            "attendance": _union((o.record.attendance for o in group), lambda a, b: _fold(a.name) == _fold(b.name)),
            "documents": _union(
                (o.record.documents for o in group), lambda a, b: (a.url or a.title) == (b.url or b.title)
            ),
            "contacts": _union((o.record.contacts for o in group), lambda a, b: (a.name, a.email) == (b.name, b.email)),
            "id": key,
        }
        record, problems = _combine(Meeting, group, special)
        out.append(
            Reconciled(
                id=key, record=record, sources=tuple(_seen(o, o.record.id) for o in group), disagreements=problems
            )
        )
        for o in group:
            if o.record.id:
                meeting_of[o.record.id] = key
    return tuple(out), meeting_of


def _item_keys(occ: _Occurrence[AgendaItem]) -> list[str]:
    item = occ.record
    keys = [item.id] if item.id else []
    site = occ.site or ""
    if item.system_id:
        keys.append(f"{site}|item|{item.system_id}")
    if item.decision_id:
        keys.append(f"{site}|decision|{item.decision_id}")
    return keys


def _merge_items(
    occs: list[_Occurrence[AgendaItem]], meeting_of: dict[str, str]
) -> tuple[tuple[Reconciled[AgendaItem], ...], tuple[Reconciled[Clause], ...]]:
    groups = _Groups(len(occs))
    _link(occs, _item_keys, groups)
    by_date: dict[Any, list[int]] = {}
    for i, occ in enumerate(occs):
        date = occ.record.meeting.date if occ.record.meeting is not None else None
        if date is not None:
            by_date.setdefault(date, []).append(i)
    for members in by_date.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = occs[i], occs[j]
                if _same_site(a, b) and _items_alike(a.record, b.record):
                    groups.join(i, j)
    items: list[Reconciled[AgendaItem]] = []
    clauses: list[Reconciled[Clause]] = []
    for members in groups.groups():
        group = [occs[i] for i in members]
        key = _majority_id((o.record.id for o in group), f"item/{len(items) + 1}")
        merged_res, res_records = _merge_clauses(group, "resolutions", key)
        merged_rec, _ = _merge_clauses(group, "recommendations", key)
        refs = [o.record.meeting for o in group if o.record.meeting is not None]
        meeting_key = next((meeting_of[r.id] for r in refs if r.id and r.id in meeting_of), None)
        special: dict[str, Any] = {
            "id": key,
            "resolutions": merged_res,
            "recommendations": merged_rec,
            "documents": _union(
                (o.record.documents for o in group), lambda a, b: (a.url or a.title) == (b.url or b.title)
            ),
            "contacts": _union((o.record.contacts for o in group), lambda a, b: (a.name, a.email) == (b.name, b.email)),
            "actions": _union(
                (o.record.actions for o in group), lambda a, b: _fold(a.owner) == _fold(b.owner) and a.text == b.text
            ),
            "votes": _union((o.record.votes for o in group), lambda a, b: a == b),
            "declarations": _union((o.record.declarations for o in group), lambda a, b: _fold(a) == _fold(b)),
            "meeting": _merge_ref(refs, meeting_key),
        }
        record, problems = _combine(AgendaItem, group, special)
        items.append(
            Reconciled(
                id=key,
                record=record,
                sources=tuple(_seen(o, o.record.id) for o in group),
                disagreements=problems,
                parent=meeting_key,
            )
        )
        clauses.extend(res_records)
    return tuple(items), tuple(clauses)


def _merge_ref(refs: list[MeetingRef], meeting_key: str | None) -> MeetingRef | None:
    if not refs:
        return None
    body = max((r.body for r in refs if r.body), key=len, default=None)
    date = Counter(r.date for r in refs if r.date).most_common(1)
    system_id = next((r.system_id for r in refs if r.system_id), None)
    return MeetingRef(body=body, date=date[0][0] if date else None, id=meeting_key or refs[0].id, system_id=system_id)


def _items_alike(a: AgendaItem, b: AgendaItem) -> bool:
    if a.title and b.title and fuzz.token_set_ratio(_fold(a.title), _fold(b.title)) >= TITLE_MATCH:
        return True
    return any(_clause_same(x, y) for x in a.resolutions for y in b.resolutions)


def _merge_clauses(
    group: list[_Occurrence[AgendaItem]], part: str, item_key: str
) -> tuple[tuple[Clause, ...], list[Reconciled[Clause]]]:
    """Clauses matched by text across the group's pages; each with its sources."""
    found: list[list[tuple[Clause, _Occurrence[AgendaItem]]]] = []
    ordered = sorted(group, key=lambda o: len(getattr(o.record, part)), reverse=True)
    for occ in ordered:
        for clause in getattr(occ.record, part):
            for bucket in found:
                if _clause_same(bucket[0][0], clause):
                    bucket.append((clause, occ))
                    break
            else:
                found.append([(clause, occ)])
    merged: list[Clause] = []
    out: list[Reconciled[Clause]] = []
    for n, bucket in enumerate(found, 1):
        key = _majority_id((c.id for c, _ in bucket), f"{item_key}/{part[:3]}/#{n}")
        given = [_Occurrence(c, o.doc, o.doc_id, o.site) for c, o in bucket]
        record, problems = _combine(Clause, given, {"id": key})
        merged.append(record)
        out.append(
            Reconciled(
                id=key,
                record=record,
                sources=tuple(_seen(o, c.id) for c, o in bucket),
                disagreements=problems,
                parent=item_key,
            )
        )
    return tuple(merged), out
