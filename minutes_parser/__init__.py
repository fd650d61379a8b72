"""minutes-parser: council democracy pages to structured decisions.

>>> import minutes_parser
>>> doc = minutes_parser.parse(b"Agenda item\\n\\nBudget\\n\\nRESOLVED that the report be noted.\\n")
>>> doc.items[0].resolutions[0].text
'that the report be noted.'
"""

from __future__ import annotations

import os
from pathlib import Path

from . import registry
from .batch import Result, dask_executor, parse_many
from .decode import Page
from .errors import ParseError, UnrecognizedPage
from .grammar import Trace
from .models import (
    Action,
    AgendaItem,
    Clause,
    Contact,
    DocLink,
    Document,
    Meeting,
    MeetingRef,
    Person,
    Vote,
)
from .registry import Adapter, BaseAdapter, register

__all__ = [
    "Action",
    "Adapter",
    "AgendaItem",
    "BaseAdapter",
    "Clause",
    "Contact",
    "DocLink",
    "Document",
    "Meeting",
    "MeetingRef",
    "Page",
    "ParseError",
    "Person",
    "Result",
    "UnrecognizedPage",
    "Vote",
    "adapter_names",
    "dask_executor",
    "explain",
    "parse",
    "parse_many",
    "register",
]

__version__ = "0.1.0"

MAX_BYTES = 64 * 1024 * 1024
"""Pages larger than this are refused with a ParseError."""


def adapter_names() -> list[str]:
    """Names of the registered adapters, newest registration first."""
    return [a.name for a in registry.adapters()]


def _read(source: bytes | str | os.PathLike[str]) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    if isinstance(source, os.PathLike):
        try:
            return Path(source).read_bytes()
        except OSError as exc:
            raise ParseError(f"cannot read {os.fspath(source)}: {exc.strerror or exc}") from exc
    if isinstance(source, str):
        if len(source) < 4096 and "\n" not in source and "<" not in source and os.path.isfile(source):
            return _read(Path(source))  # a path given as text
        return source.encode("utf-8")
    raise ParseError(f"cannot parse a {type(source).__name__}; pass bytes, str or a path")


def _choose(page: Page, adapter: str | None) -> registry.Adapter:
    if adapter is not None:
        return registry.get(adapter)
    scores = registry.detect(page)
    if not scores or scores[0][1] < registry.THRESHOLD:
        raise UnrecognizedPage(_describe(page), scores)
    return registry.get(scores[0][0])


def explain(
    source: bytes | str | os.PathLike[str],
    url: str | None = None,
    adapter: str | None = None,
) -> Trace:
    """Why a page parses the way it does: every line's token, the rule that claimed it, and where it went.

    >>> t = explain(b"Agenda item\\n\\nBudget\\n\\nRESOLVED that the report be noted.\\n")
    >>> [(line.kind, line.rule) for line in t.lines][-2:]
    [('section', 'resolved'), ('text', None)]
    """
    data = _read(source)
    page = Page(data, url=url)
    chosen = _choose(page, adapter)
    explainer = getattr(chosen, "explain", None)
    if explainer is None:
        from .grammar import Trace as _Trace

        return _Trace(page_kind=chosen.parse(page).source.page_kind, starts=(), lines=())
    result: Trace = explainer(page)
    return result


def parse(
    source: bytes | str | os.PathLike[str],
    url: str | None = None,
    adapter: str | None = None,
) -> Document:
    """Parse one page into a :class:`Document`.

    ``source`` is the page's bytes, its text, or a path (a ``str`` naming an existing
    file is read as a path). ``url`` helps pick the
    adapter and resolve relative links; ``adapter`` forces one by name.
    Raises :class:`UnrecognizedPage` for pages that are not democracy pages and
    :class:`ParseError` for pages that cannot be read; nothing else escapes.
    """
    data = _read(source)
    if len(data) > MAX_BYTES:
        raise ParseError(f"page of {len(data):,} bytes is over the {MAX_BYTES:,}-byte limit")
    try:
        page = Page(data, url=url)
        return _choose(page, adapter).parse(page)
    except ParseError:
        raise
    except RecursionError as exc:
        raise ParseError("page nests too deeply to parse") from exc
    except MemoryError as exc:
        raise ParseError("page too large to parse in memory") from exc
    except Exception as exc:  # a bug must not reach the caller as a traceback
        raise ParseError(f"could not parse page: {type(exc).__name__}: {exc}") from exc


def _describe(page: Page) -> str:
    text = page.text.strip()
    if not text:
        return "an empty page"
    kind = "markup" if page.looks_like_markup else "JSON" if page.json_data() is not None else "text"
    first = " ".join(text[:80].split())
    evidence = page.cache.get("evidence")
    seen = f"; {evidence.describe()}" if evidence is not None else ""
    return f"{len(page.data):,} bytes of {kind} starting {first!r}{seen}"
