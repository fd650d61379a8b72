"""Adapters, their registry and detection.

An adapter is a class with a ``name``, the ``page_kinds`` it handles, a
``detect(page)`` returning how sure it is (0..1) and a ``parse(page)``
returning a :class:`~minutes_parser.Document`. Built-in adapters register
through the same entry-point group a third party's package uses::

    [project.entry-points."minutes_parser.adapters"]
    mycouncil = "mypackage.adapter:MyCouncilAdapter"

:func:`register` adds one at run time; the newest registration wins a tie, so
a council-specific adapter can shadow a generic one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable
from urllib.parse import urlsplit

import attrs

from .blocks import Block
from .decode import Page
from .errors import ParseError
from .models import Document, Meeting

if TYPE_CHECKING:
    from .grammar import Trace

logger = logging.getLogger(__name__)
logger.addHandler(logging.NullHandler())

ENTRY_POINT_GROUP = "minutes_parser.adapters"
THRESHOLD = 0.5
"""Minimum confidence for an adapter to be chosen."""

BUILTIN = {
    "text": "minutes_parser.adapters.text:TextAdapter",
    "moderngov": "minutes_parser.adapters.moderngov:ModernGovAdapter",
    "moderngov-xml": "minutes_parser.adapters.moderngov_xml:ModernGovXmlAdapter",
    "legistar": "minutes_parser.adapters.legistar:LegistarAdapter",
    "legistar-api": "minutes_parser.adapters.legistar_api:LegistarApiAdapter",
    "cmis": "minutes_parser.adapters.cmis:CmisAdapter",
    "infocouncil": "minutes_parser.adapters.infocouncil:InfoCouncilAdapter",
    "generic": "minutes_parser.adapters.generic:GenericAdapter",
    "pdf": "minutes_parser.adapters.pdf:PdfAdapter",
}


@runtime_checkable
class Adapter(Protocol):
    """What every adapter provides."""

    name: ClassVar[str]
    page_kinds: ClassVar[tuple[str, ...]]

    def detect(self, page: Page) -> float:
        """Return confidence 0..1 that this adapter reads ``page``."""
        ...

    def parse(self, page: Page) -> Document:
        """Parse ``page``; raise :class:`ParseError` when it cannot."""
        ...


class BaseAdapter:
    """Common work for adapters: blocks → grammar → Document.

    Subclasses set ``name`` and ``page_kinds`` and write ``detect`` and
    ``blocks`` (or override ``parse`` for structured data).
    """

    name: ClassVar[str] = ""
    page_kinds: ClassVar[tuple[str, ...]] = ()
    fallback: ClassVar[bool] = False
    """True for last-resort adapters, asked only when no other is sure."""

    def detect(self, page: Page) -> float:
        """Return confidence 0..1; the base recognises nothing."""
        return 0.0

    def url_kind(self, url: str) -> str | None:
        """The page kind this system's URL names (its page name, e.g. "mgai.aspx"), or None."""
        return None

    def blocks(self, page: Page) -> tuple[list[Block], dict[str, Any]]:
        """Return the page's block stream and hints for the grammar.

        Hints are :class:`~minutes_parser.grammar.Context` fields: ``page_kind``,
        ``title``, ``month_first``, ``meetings``, ``attendance``, ``people``.
        """
        raise NotImplementedError

    def parse(self, page: Page) -> Document:
        """Turn the page into blocks and run the shared grammar over them."""
        from .grammar import Context, build_document

        blocks, hints = self.blocks(page)
        overflow: list[str] = list(hints.pop("overflow", ()))
        if len(blocks) > MAX_BLOCKS:
            overflow[:0] = [b.text for b in blocks[MAX_BLOCKS:] if b.text]
            del blocks[MAX_BLOCKS:]
        ctx = Context(adapter=self.name, url=page.url, warnings=list(page.warnings), **hints)
        doc = build_document(blocks, ctx)
        if overflow:
            doc = _with_overflow(doc, blocks, overflow)
        return warn_if_empty(doc)

    def explain(self, page: Page) -> Trace:
        """The grammar's trace of the page: every token, the rule that claimed it, where it went."""
        from .grammar import Context, Trace, trace

        try:
            blocks, hints = self.blocks(page)
        except NotImplementedError:
            # Structured data (JSON, web-service XML) is read field by field: no line is placed by rule.
            return Trace(page_kind=self.parse(page).source.page_kind, starts=(), lines=())
        ctx = Context(adapter=self.name, url=page.url, warnings=list(page.warnings), **hints)
        return trace(blocks, ctx)



MAX_BLOCKS = 100_000
"""Blocks the grammar reads from one page, about 300 times the longest real page's count.

Each block costs a few hundred bytes, so a page of tiny lines would otherwise
take over a hundred bytes of memory per byte of input (issue 14, R10). Text
past the limit is not read by the grammar but kept whole in ``unparsed`` and
counted in ``coverage``, with a warning.
"""


def _with_overflow(doc: Document, blocks: list[Block], overflow: list[str]) -> Document:
    """Keep the text past :data:`MAX_BLOCKS` in ``unparsed`` (one entry) and in the coverage."""
    from .blocks import clean_large
    from .models import Unplaced

    rest = clean_large(overflow[0] if len(overflow) == 1 else " ".join(overflow))
    overflow.clear()  # the raw text can go: it may be most of the page
    read = sum(len(b.text) for b in blocks)
    coverage = round((doc.coverage or 0.0) * read / (read + len(rest)), 4) if read + len(rest) else None
    note = (
        f"page has more than {MAX_BLOCKS:,} lines or blocks: the grammar read the first {MAX_BLOCKS:,};"
        f" the remaining {len(rest):,} characters are kept unread in unparsed"
    )
    last = next((b.line for b in reversed(blocks) if b.line is not None), None)
    return attrs.evolve(
        doc,
        unparsed=(*doc.unparsed, Unplaced(text=rest, line=last)),
        coverage=coverage,
        warnings=(*doc.warnings, note),
    )


def _has_content(meeting: Meeting) -> bool:
    """A meeting says something when it names its body, date, place or attendees (links alone do not)."""
    return any((meeting.body, meeting.date, meeting.location, meeting.attendance))


def warn_if_empty(doc: Document) -> Document:
    """Add a warning when a recognised page yielded nothing it should.

    A page an adapter accepted (or was forced on) that gives no items, no
    meeting with any field, no people and no bodies is either misread or not
    what the adapter reads: the result must say so rather than look like an
    empty but correct answer.
    """
    if doc.items or doc.people or doc.bodies or any(_has_content(m) for m in doc.meetings):
        return doc
    links = sum(len(m.documents) for m in doc.meetings)
    found = f"only {links} document link(s)" if links else "no meetings, items, people or bodies"
    note = (
        f"the {doc.source.adapter} adapter found {found} on this page (no meeting body, date or place;"
        f" page kind {doc.source.page_kind or 'unknown'}): it may not be a page this adapter reads"
    )
    return attrs.evolve(doc, warnings=(*doc.warnings, note))


_registered: dict[str, Adapter] = {}
_loaded = False


def register(adapter: Adapter | type[Adapter]) -> None:
    """Register an adapter (class or instance) under its ``name``."""
    instance = adapter() if isinstance(adapter, type) else adapter
    if not getattr(instance, "name", None):
        raise ValueError("an adapter needs a non-empty name")
    _registered.pop(instance.name, None)
    _registered[instance.name] = instance


def unregister(name: str) -> None:
    """Remove the adapter registered as ``name`` (no error when absent)."""
    _registered.pop(name, None)


def _load_target(target: str) -> object:
    module_name, _, attr = target.partition(":")
    module = __import__(module_name, fromlist=[attr])
    return getattr(module, attr)


def _ensure_loaded() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    found: dict[str, object] = {}
    from importlib import metadata  # only when adapters are first needed

    try:
        eps: Iterable[metadata.EntryPoint] = metadata.entry_points(group=ENTRY_POINT_GROUP)
    except Exception:  # pragma: no cover - broken metadata must not stop parsing
        eps = ()
    third_party = [ep for ep in eps if BUILTIN.get(ep.name) != ep.value]
    for name, target in BUILTIN.items():
        found[name] = _load_target(target)
    for ep in third_party:
        try:
            found[ep.name] = ep.load()
        except Exception as exc:  # a third party's broken plug-in is reported, not fatal
            logger.warning("adapter entry point %s failed to load: %s", ep.name, exc)
    for name, obj in found.items():
        if name in _registered:
            continue
        try:
            register(obj)  # type: ignore[arg-type]
        except Exception as exc:
            logger.warning("adapter %s could not be registered: %s", name, exc)


def reload_entry_points() -> None:
    """Read the entry-point group again (after installing a plug-in at run time)."""
    global _loaded
    _loaded = False
    _ensure_loaded()


def adapters() -> list[Adapter]:
    """All registered adapters, newest registration first."""
    _ensure_loaded()
    return list(reversed(_registered.values()))


def get(name: str) -> Adapter:
    """The adapter registered as ``name``."""
    _ensure_loaded()
    try:
        return _registered[name]
    except KeyError:
        raise ParseError(f"no adapter named {name!r}; known: {', '.join(sorted(_registered))}") from None


def detect(page: Page) -> list[tuple[str, float]]:
    """Every adapter's confidence for ``page``, most confident first.

    Fallback adapters (``fallback = True``, such as ``generic``) are asked only
    when no specific adapter reaches the threshold, so the common case pays for
    none of their work; when skipped they are listed with 0.0.
    """
    scores: list[tuple[str, float]] = []
    fallbacks = []
    for adapter in adapters():
        if getattr(adapter, "fallback", False):
            fallbacks.append(adapter)
            continue
        scores.append((adapter.name, _score(adapter, page)))
    sure = any(score >= THRESHOLD for _, score in scores)
    for adapter in fallbacks:
        scores.append((adapter.name, 0.0 if sure else _score(adapter, page)))
    scores.sort(key=lambda pair: -pair[1])  # stable: newest first on ties
    return scores


OTHER_SYSTEMS = re.compile(
    r"escribemeetings\.com|granicus\.com|iqm2\.com|primegov\.com|civicclerk|civicweb\.net|sirepub|/weblink/docview\.aspx|boarddocs\.com|municode|novusagenda|agendaonline|meetings\.|democracy\.|moderngov|/minutes?/|/agendas?/|/meetings?/|/council-?meetings?/|/committees?/",
    re.IGNORECASE,
)
"""URL parts of democracy systems (and of councils' meeting pages) with no adapter of their own."""


def url_system(url: str) -> str | None:
    """The democracy system a URL names (an adapter's name, or "other"), or None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    for adapter in adapters():
        kind_of = getattr(adapter, "url_kind", None)
        if kind_of is not None and adapter.name != "text" and kind_of(url):
            return adapter.name
        hosts = getattr(adapter, "hosts", ())
        if hosts and any(h in parts.netloc.lower() for h in hosts):
            return adapter.name
    return "other" if OTHER_SYSTEMS.search(url) else None


def url_kind(url: str) -> str | None:
    """The page kind a democracy system's URL names, or None."""
    for adapter in adapters():
        kind_of = getattr(adapter, "url_kind", None)
        if kind_of is None or adapter.name == "text":
            continue
        try:
            kind = kind_of(url)
        except ValueError:
            continue
        if kind:
            return str(kind)
    return None


def _score(adapter: Adapter, page: Page) -> float:
    """The adapter's confidence, clamped to 0..1.

    A plugin whose detection fails scores 0 with a logged warning, so one broken
    plugin cannot stop every parse; a failure in the library's own adapters is a
    bug and is raised (``parse`` reports it as an :class:`InternalError`, never as
    a refusal).
    """
    try:
        score = float(adapter.detect(page))
    except Exception as exc:
        if type(adapter).__module__.startswith(f"{__package__}."):
            raise
        logger.warning("adapter %s failed to detect: %s", adapter.name, exc)
        score = 0.0
    return max(0.0, min(1.0, score))
