"""Data grids (meeting calendars, legislation lists, member lists) read by their headers.

Calendar and list pages of every system are tables whose header row says
what each column holds: "Meeting Date", "Name", "Meeting Location",
"Agenda", "Minutes", "File #", "E-mail". Columns are matched by those words,
not by class names or positions, so a restyled or re-ordered grid still
reads. Rows whose date cell holds no date (group headers, pagers) are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from lxml import etree

from .blocks import clean
from .dates import find_date, find_time
from .htmlblocks import Texts, text_of
from .models import AgendaItem, DocLink, Meeting, MeetingRef, Person, Vote
from .urls import join_url

_ROWS = etree.XPath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
_CELLS = etree.XPath("./td | ./th")
_SIZE_FACTORS = {"kb": 1024, "mb": 1024**2, "gb": 1024**3}
_SIZE = re.compile(r"\(?\s*(\d{1,6}(?:\.\d{1,3})?)\s*(KB|MB|GB)\s*\)?", re.IGNORECASE)
_JS = re.compile(r"^\s*(?:javascript:|#)", re.IGNORECASE)


class Grid(NamedTuple):
    """A table read as a header and rows of cells."""

    header: list[str]
    rows: list[list[Any]]
    text: Texts
    """Visible text of a cell or link of the table, each computed once."""
    link_cache: dict[Any, list[Any]]
    """A cell's links with a target, each cell's found once (see :func:`_links`)."""
    used: set[int]
    """Columns the last reader looked up (see :func:`unread_cells`); each reader starts it afresh."""


_BUTTON_LABEL = etree.XPath("string(.//input[@type='button' or @type='submit']/@value)")
_WEEKDAYS = frozenset(
    ["s", "m", "t", "w", "f", "su", "mo", "tu", "we", "th", "fr", "sa", "sun", "mon", "tue", "wed", "thu", "fri", "sat"]
)


def _header_text(cell: Any) -> str:
    """A header cell's label: its text, else a sort button's label."""
    return (text_of(cell) or clean(str(_BUTTON_LABEL(cell)))).lower()


def read_grid(table: Any) -> Grid | None:
    """Header texts (lower-case) and the data rows of ``table``, or None."""
    rows = [_CELLS(r) for r in _ROWS(table)]
    if len(rows) < 2:
        return None
    rows = [r for r in rows if r]
    for index, row in enumerate(rows[:4]):
        if all(c.tag == "th" for c in row) and len(row) >= 2:
            header = [_header_text(c) for c in row]  # read alone: a widget's grid reads nothing more
            return Grid(header, [r for r in rows[index + 1 :] if len(r) >= 2], Texts(table), {}, set())
    return None


def is_calendar_widget(grid: Grid) -> bool:
    """A month widget (day-letter columns), whose day links are not meetings."""
    return len(grid.header) == 7 and all(h.strip(". ") in _WEEKDAYS for h in grid.header)


def _column(grid: Grid, *tests: Callable[[str], bool]) -> int | None:
    """The first column whose header passes a test (tried in order); the column counts as read."""
    for test in tests:
        for index, name in enumerate(grid.header):
            if name and test(name):
                grid.used.add(index)
                return index
    return None


def unread_cells(grid: Grid) -> list[str]:
    """Cells of the columns no reader looked up, as "Header: text", row by row.

    A grid read into records keeps only the columns its reader knows; the text of
    the others ("Meeting Topic", "Notes") is not lost but returned here, for
    ``unparsed``.
    """
    unread = [i for i, name in enumerate(grid.header) if i not in grid.used]
    out = []
    for row in grid.rows:
        for index in unread:
            text = _cell_text(grid, row, index)
            if text:
                name = grid.header[index]
                out.append(f"{name.capitalize()}: {text}" if name else text)
    return out


def _cell(row: Sequence[Any], index: int | None) -> Any:
    if index is None or index >= len(row):
        return None
    return row[index]


def _cell_text(grid: Grid, row: Sequence[Any], index: int | None) -> str:
    cell = _cell(row, index)
    return grid.text(cell) if cell is not None else ""


def _first_line(cell: Any) -> str:
    """A cell's text up to its first line break: the venue, without the note under it ("Hybrid meeting")."""
    if cell is None:
        return ""
    if not any(isinstance(child.tag, str) and child.tag.lower() == "br" for child in cell.iter()):
        return text_of(cell)
    parts = [cell.text or ""]
    for child in cell:
        if isinstance(child.tag, str) and child.tag.lower() == "br":
            break
        if isinstance(child.tag, str) and any(isinstance(g.tag, str) and g.tag.lower() == "br" for g in child.iter()):
            parts.append(_first_line(child))
            break
        parts.append(text_of(child) + " " + (child.tail or ""))
    return clean(" ".join(parts))


def _links(grid: Grid, cell: Any) -> list[Any]:
    """The links with a target inside ``cell`` (XPath ``.//a[@href]``), in document order, found once."""
    found = grid.link_cache.get(cell)
    if found is None:
        found = grid.link_cache[cell] = [a for a in cell.iterdescendants("a") if a.get("href") is not None]
    return found


def _href(grid: Grid, cell: Any, base: str | None) -> str | None:
    if cell is None:
        return None
    for a in _links(grid, cell):
        href = a.get("href") or ""
        if href and not _JS.match(href):
            joined = join_url(base, href)
            if joined:
                return joined
    return None


def _docs(grid: Grid, row: Sequence[Any], columns: Sequence[tuple[int, str]], base: str | None) -> tuple[DocLink, ...]:
    """Document links in the ``columns`` (index and the column's title) of ``row``."""
    docs: list[DocLink] = []
    for index, column in columns:
        cell = _cell(row, index)
        if cell is None:
            continue
        for a in _links(grid, cell):
            href = a.get("href") or ""
            if not href or _JS.match(href):
                continue
            label = grid.text(a)
            size = _SIZE.search(label) or _SIZE.search(a.get("title") or "")
            size_bytes = None
            if size:
                size_bytes = int(float(size.group(1)) * _SIZE_FACTORS[size.group(2).lower()])
            fmt = "pdf" if "pdf" in (label + href).lower() else None
            docs.append(DocLink(title=column or label, url=join_url(base, href), format=fmt, size_bytes=size_bytes))
    return tuple(docs)


def _is_date_col(name: str) -> bool:
    return "date" in name and not any(w in name for w in ("publish", "update", "modified", "final action"))


def _is_body_col(name: str) -> bool:
    return name in (
        "name",
        "meeting",
        "meeting name",
        "meeting body",
        "body",
        "committee",
        "board",
        "meeting type",
        "event",
    ) or ("committee" in name or "body" in name)


_DATE_NAME = re.compile(
    r"^(?P<when>.*?\d{4}(?:\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?)\s+[-\u2013]\s+(?P<name>\S.{1,150})$", re.IGNORECASE
)


def _name_after_date(text: str) -> str | None:
    """ "9 Jul 2026 11:00 - Planning Committee" → "Planning Committee" (a list whose date cell names the body)."""
    m = _DATE_NAME.match(text)
    return m.group("name").strip() if m else None


def grid_meetings(grid: Grid, *, base: str | None = None, month_first: bool = False) -> list[Meeting]:
    """Meetings from a calendar grid (a date column and a name column), else []."""
    grid.used.clear()  # the columns this reader looks up, not a reader's tried before
    header = grid.header
    date_col = _column(grid, _is_date_col)
    body_col = _column(grid, lambda n: _is_body_col(n) and "date" not in n)
    has_docs = any(any(w in n for w in ("agenda", "minutes", "detail")) for n in header)
    if date_col is None:
        return []
    if (
        body_col is None
        and not has_docs
        and not any(_name_after_date(_cell_text(grid, r, date_col)) for r in grid.rows[:5])
    ):
        return []
    time_col = _column(grid, lambda n: "time" in n)
    loc_col = _column(grid, lambda n: any(w in n for w in ("location", "venue", "place", "room")))
    status_col = _column(grid, lambda n: "status" in n)
    detail_col = _column(grid, lambda n: "detail" in n)
    doc_cols = [
        (i, n.strip().capitalize())  # a document is titled by its column
        for i, n in enumerate(header)
        if any(w in n for w in ("agenda", "minutes", "attachment", "packet", "notice", "summary", "report"))
        and i not in (body_col, date_col)
    ]
    grid.used.update(i for i, _ in doc_cols)
    meetings = []
    for row in grid.rows:
        date_text = _cell_text(grid, row, date_col)
        date = find_date(date_text, month_first=month_first)
        if date is None:
            continue
        body = _cell_text(grid, row, body_col) or _name_after_date(date_text) or None
        time_text = _cell_text(grid, row, time_col) if time_col is not None else date_text
        location = _first_line(_cell(row, loc_col)) or None
        url = (
            _href(grid, _cell(row, detail_col), base)
            or _href(grid, _cell(row, body_col), base)
            or _href(grid, _cell(row, date_col), base)
        )
        meetings.append(
            Meeting(
                body=body,
                date=date,
                time=find_time(time_text),
                location=location,
                status=_cell_text(grid, row, status_col) or None,
                url=url,
                documents=_docs(grid, row, doc_cols, base),
            )
        )
    return meetings


def _is_sponsor_col(name: str) -> bool:
    return any(w in name for w in ("sponsor", "ward", "office", "district"))


def grid_items(grid: Grid, *, base: str | None = None, month_first: bool = False) -> list[AgendaItem]:
    """Items from a legislation or agenda grid ("File #" / "Title" columns), else []."""
    grid.used.clear()  # the columns this reader looks up, not a reader's tried before
    title_col = _column(grid, lambda n: n in ("title", "name", "subject", "item", "matter") or "title" in n)
    file_col = _column(grid, lambda n: "file" in n or n in ("record #", "record", "number", "no.", "#"))
    if title_col is None or file_col is None:
        return []
    type_col = _column(grid, lambda n: n == "type" or "type" in n)
    status_col = _column(grid, lambda n: "status" in n)
    date_col = _column(grid, _is_date_col)
    # The body that took the matter; a sponsor (a member, their ward or office) is not one.
    body_col = _column(grid, lambda n: ("body" in n or "committee" in n) and not _is_sponsor_col(n))
    agenda_col = _column(grid, lambda n: "agenda #" in n or n in ("agenda no.", "item #"))
    action_col = _column(grid, lambda n: n == "action")
    result_col = _column(grid, lambda n: n == "result")
    items = []
    for row in grid.rows:
        title = _cell_text(grid, row, title_col)
        reference = _cell_text(grid, row, file_col)
        if not title and not reference:
            continue
        date = find_date(_cell_text(grid, row, date_col), month_first=month_first) if date_col is not None else None
        body = _cell_text(grid, row, body_col) or None
        items.append(
            AgendaItem(
                number=_cell_text(grid, row, agenda_col) or None,
                title=title or reference,
                meeting=MeetingRef(body=body, date=date) if (body or date) else None,
                reference=reference or None,
                category=_cell_text(grid, row, type_col) or None,
                status=_cell_text(grid, row, status_col) or None,
                url=_href(grid, _cell(row, file_col), base) or _href(grid, _cell(row, title_col), base),
                votes=_votes(grid, row, action_col, result_col),
            )
        )
    return items


def _votes(grid: Grid, row: Sequence[Any], action_col: int | None, result_col: int | None) -> tuple[Vote, ...]:
    action = _cell_text(grid, row, action_col) or None
    result = _cell_text(grid, row, result_col) or None
    return (Vote(motion=action, result=result),) if result else ()


def grid_history(grid: Grid, *, base: str | None = None, month_first: bool = False) -> list[AgendaItem]:
    """A matter's history (Legistar LegislationDetail): date, action by, action, result; else []."""
    grid.used.clear()  # the columns this reader looks up, not a reader's tried before
    date_col = _column(grid, _is_date_col)
    by_col = _column(grid, lambda n: n == "action by" or n == "body")
    action_col = _column(grid, lambda n: n == "action")
    if date_col is None or by_col is None or action_col is None:
        return []
    result_col = _column(grid, lambda n: n == "result")
    detail_col = _column(grid, lambda n: "action details" in n or n == "details")
    items = []
    for row in grid.rows:
        date = find_date(_cell_text(grid, row, date_col), month_first=month_first)
        action = _cell_text(grid, row, action_col)
        if date is None or not action:
            continue
        body = _cell_text(grid, row, by_col) or None
        items.append(
            AgendaItem(
                title=action,
                meeting=MeetingRef(body=body, date=date),
                votes=_votes(grid, row, action_col, result_col),
                url=_href(grid, _cell(row, detail_col), base),
            )
        )
    return items


def grid_people(grid: Grid, *, base: str | None = None) -> list[Person]:
    """People from a member grid (a name column beside e-mail, ward, party...), else []."""
    grid.used.clear()  # the columns this reader looks up, not a reader's tried before
    header = grid.header
    name_col = _column(grid, lambda n: "name" in n)
    if name_col is None or not any(
        any(w in n for w in ("mail", "ward", "district", "party", "office", "web site", "website", "member"))
        for n in header
    ):
        return []
    if _column(grid, _is_date_col) is not None:
        return []
    mail_col = _column(grid, lambda n: "mail" in n)
    ward_col = _column(grid, lambda n: any(w in n for w in ("ward", "district", "office")))
    party_col = _column(grid, lambda n: "party" in n)
    role_col = _column(grid, lambda n: any(w in n for w in ("title", "role", "position")))
    people = []
    for row in grid.rows:
        name = _cell_text(grid, row, name_col)
        if not name:
            continue
        people.append(
            Person(
                name=name,
                email=clean(_cell_text(grid, row, mail_col)) or None,
                ward=_cell_text(grid, row, ward_col) or None,
                party=_cell_text(grid, row, party_col) or None,
                role=_cell_text(grid, row, role_col) or None,
            )
        )
    return people
