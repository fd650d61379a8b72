"""The kind of a printed document: minutes, an agenda, an agenda pack or a notice.

Read from the first page's title block and the tops of later pages (see
:mod:`.wording.printed`): a short document saying a meeting is cancelled or
closed is a notice; a title saying "minutes" (not "approval of minutes") makes
minutes; "agenda" or a summons makes an agenda, and an agenda whose later page
opens with minutes or with who was present is an agenda pack (the previous
meeting's minutes follow the agenda).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..blocks import Block
from .wording.printed import PRINTED

HEAD_BLOCKS = 15
"""Blocks at the top of the first page that say what the document is."""
TITLE_CHARS = 60
"""A block this short, or a heading, can be the document's title; longer ones are prose."""
NOTICE_PAGES = 2
"""Notices (cancelled, adjourned, closed meetings) run to a page or two; longer documents that
mention a cancellation are agendas."""
TOP_HEADINGS = 3
"""A later page opens with minutes when one of its first headings says so."""
TOP_BLOCKS = 8
"""... or when one of its first blocks says who was present."""

_NOTICE = PRINTED.get("notice")
_MINUTES = PRINTED.get("minutes-title")
_APPROVAL = PRINTED.get("minutes-approval")
_AGENDA = PRINTED.get("agenda-title")
_PRESENT = PRINTED.get("attendance-opening")


def _minutes(text: str) -> bool:
    return _MINUTES.match(text) is not None and _APPROVAL.match(text) is None


def minutes_inside(blocks: Sequence[Block]) -> int | None:
    """Where the previous meeting's minutes begin inside an agenda pack: the index of the first
    block of the first later page that opens with minutes or with who was present, else None.

    >>> minutes_inside([Block(kind="heading", text="AGENDA", page=1), Block(kind="heading", text="MINUTES", page=2)])
    1
    """
    paged = [(i, b) for i, b in enumerate(blocks) if b.page is not None and b.text]
    if not paged:
        return None
    first_page = paged[0][1].page
    tops: dict[int, list[tuple[int, Block]]] = {}
    for i, block in paged:
        if block.page != first_page and block.page is not None:
            tops.setdefault(block.page, []).append((i, block))
    for top in tops.values():
        if any(_minutes(b.text) for _, b in top[:TOP_HEADINGS] if b.kind == "heading") or any(_PRESENT.match(b.text) for _, b in top[:TOP_BLOCKS]):
            return top[0][0]
    return None


def printed_kind(blocks: Sequence[Block]) -> str | None:
    """"notice", "minutes", "agenda", "agenda_pack", or None when the document does not say.

    >>> printed_kind([Block(kind="heading", text="MINUTES", page=1), Block(kind="para", text="PRESENT: A, B", page=1)])
    'minutes'
    >>> printed_kind([Block(kind="heading", text="AGENDA", page=1), Block(kind="heading", text="MINUTES", page=2)])
    'agenda_pack'
    """
    paged = [b for b in blocks if b.page is not None and b.text]
    if not paged:
        return None
    first_page = paged[0].page
    head = [b for b in paged[:HEAD_BLOCKS] if b.page == first_page]
    last_page = paged[-1].page or 0
    titles = [b.text for b in head if b.kind == "heading" or len(b.text) <= TITLE_CHARS]
    if last_page <= NOTICE_PAGES and any(_NOTICE.match(b.text) for b in head):
        return "notice"
    minutes = any(_minutes(t) for t in titles)
    agenda = any(_AGENDA.match(t) for t in titles)
    if minutes and not agenda:
        return "minutes"
    if agenda:
        return "agenda_pack" if minutes_inside(blocks) is not None else "agenda"
    return "minutes" if minutes else None
