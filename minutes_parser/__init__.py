"""minutes-parser: council democracy pages to structured decisions.

>>> import minutes_parser
>>> doc = minutes_parser.parse(b"Agenda item\\n\\nBudget\\n\\nRESOLVED that the report be noted.\\n")
>>> doc.items[0].resolutions[0].text
'that the report be noted.'
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from . import inputs, registry
from .batch import Result, dask_executor, parse_many
from .decode import Page
from .errors import InternalError, ParseError, UnrecognizedPage
from .models import (
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
from .registry import Adapter, BaseAdapter, register

if TYPE_CHECKING:
    from .grammar import Trace
    from .interchange import to_ocd_events, to_popolo
    from .reconcile import Merged, Reconciled, merge
    from .schema import json_schema
    from .tables import records, to_dataframes

_LAZY = {
    "Trace": "grammar",
    "to_ocd_events": "interchange",
    "to_popolo": "interchange",
    "Merged": "reconcile",
    "Reconciled": "reconcile",
    "merge": "reconcile",
    "json_schema": "schema",
    "records": "tables",
    "to_dataframes": "tables",
}
"""Public names whose modules load on first use, so ``import minutes_parser`` stays fast."""

__all__ = [
    "Action",
    "Adapter",
    "AgendaItem",
    "BaseAdapter",
    "Body",
    "Clause",
    "Contact",
    "DocLink",
    "Document",
    "InternalError",
    "Meeting",
    "MeetingRef",
    "Merged",
    "Page",
    "ParseError",
    "Person",
    "Reconciled",
    "Result",
    "Source",
    "Unplaced",
    "UnrecognizedPage",
    "Vote",
    "adapter_names",
    "dask_executor",
    "explain",
    "json_schema",
    "merge",
    "parse",
    "parse_many",
    "records",
    "register",
    "to_dataframes",
    "to_ocd_events",
    "to_popolo",
]


def __getattr__(name: str) -> Any:
    """``__version__`` and the names in :data:`_LAZY`, looked up on first use."""
    if name == "__version__":
        from importlib import metadata

        try:
            return metadata.version("minutes-parser")
        except metadata.PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0+unknown"
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


MAX_BYTES = inputs.MAX_BYTES
"""Pages larger than this are refused with a ParseError."""


def adapter_names() -> list[str]:
    """Names of the registered adapters, newest registration first."""
    return [a.name for a in registry.adapters()]


def parse(
    source: bytes | str | os.PathLike[str],
    url: str | None = None,
    adapter: str | None = None,
) -> Document:
    """Parse one page into a :class:`Document`.

    ``source`` is the page's bytes, its text (a ``str`` is always text, never a
    file name), or a :class:`pathlib.Path` to a file. ``url`` helps pick the
    adapter and resolve relative links (a URL that cannot be parsed is ignored
    with a warning); ``adapter`` forces one by name. Gzip input is inflated.

    Raises :class:`UnrecognizedPage` for pages that are not democracy pages,
    :class:`ParseError` for input that cannot be read (missing files, binary
    formats, over-size pages) and :class:`InternalError` (a ParseError) for a
    bug in the parser; nothing else escapes.

    >>> parse(b"Agenda item\\n\\nBudget\\n\\nRESOLVED that it be noted.\\n").items[0].title
    'Budget'
    """
    try:
        page, chosen = _open(source, url, adapter)
        from .finish import finish  # vocabularies and ids: loaded with the first parse

        return finish(chosen.parse(page), page)
    except ParseError:
        raise
    except RecursionError as exc:
        raise ParseError("page nests too deeply to parse") from exc
    except MemoryError as exc:
        raise ParseError("page too large to parse in memory") from exc
    except Exception as exc:  # a bug must not reach the caller as a bare traceback
        raise InternalError(f"internal error while parsing: {type(exc).__name__}: {exc}") from exc


def _open(source: bytes | str | os.PathLike[str], url: str | None, adapter: str | None) -> tuple[Page, registry.Adapter]:
    """Read ``source`` and choose its adapter (forced, or by detection)."""
    data, origin = inputs.read_source(source)
    page_url, url_warning = inputs.check_url(url)
    forced = inputs.check_adapter(adapter)
    fmt = inputs.binary_format(data) if not isinstance(source, str) else None
    if fmt == "PDF document" and forced is None and "pdf" not in adapter_names():
        raise ParseError(f"{origin} is a PDF document; this installation has no PDF adapter")
    page = Page(data, url=page_url)
    if url_warning:
        page.warnings.insert(0, url_warning)
    if forced is not None:
        return page, registry.get(forced)
    scores = registry.detect(page)
    if not scores or scores[0][1] < registry.THRESHOLD:
        raise UnrecognizedPage(_describe(page, source), scores)
    return page, registry.get(scores[0][0])


def explain(
    source: bytes | str | os.PathLike[str],
    url: str | None = None,
    adapter: str | None = None,
) -> Trace:
    """Why a page parses the way it does: every line's token, the rule that claimed it, and where it went.

    Raises the same errors as :func:`parse`. Adapters that read structured data
    (web-service XML, JSON) place no text by rule: their trace lists no lines.

    >>> t = explain(b"Agenda item\\n\\nBudget\\n\\nRESOLVED that the report be noted.\\n")
    >>> [(line.kind, line.rule) for line in t.lines][-2:]
    [('section', 'resolved'), ('text', None)]
    """
    try:
        page, chosen = _open(source, url, adapter)
        explainer = getattr(chosen, "explain", None)
        if explainer is None:
            from .grammar import Trace

            return Trace(page_kind=chosen.parse(page).source.page_kind, starts=(), lines=())
        result: Trace = explainer(page)
        return result
    except ParseError:
        raise
    except RecursionError as exc:
        raise ParseError("page nests too deeply to parse") from exc
    except MemoryError as exc:
        raise ParseError("page too large to parse in memory") from exc
    except Exception as exc:
        raise InternalError(f"internal error while explaining: {type(exc).__name__}: {exc}") from exc


def _describe(page: Page, source: object) -> str:
    text = page.text.strip()
    if not text:
        return "an empty page"
    kind = "markup" if page.looks_like_markup else "JSON" if page.json_data() is not None else "text"
    seen = f"{len(page.data):,} bytes of {kind} starting {inputs.short_prefix(text)}"
    evidence = page.cache.get("evidence")
    if evidence is not None:
        seen += f"; {evidence.describe()}"
    if isinstance(source, str) and inputs.looks_like_file_name(source):
        seen += "; a str is read as the page's text: to read a file, pass pathlib.Path(...)"
    return seen
