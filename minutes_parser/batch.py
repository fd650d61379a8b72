"""Parse many pages: on one machine with any executor, or on a Dask cluster.

>>> from concurrent.futures import ThreadPoolExecutor
>>> pages = [b"Agenda item\\n\\nBudget\\n\\nRESOLVED that the report be noted.\\n", b"not minutes"]
>>> with ThreadPoolExecutor(2) as pool:
...     results = sorted(parse_many(pages, executor=pool), key=lambda r: r.index)
>>> [r.ok for r in results]
[True, False]
"""

from __future__ import annotations

import importlib
import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Executor, Future, wait
from typing import Any

import attrs

from .errors import ParseError
from .models import Document

Source = bytes | str | os.PathLike[str]
Entry = Source | tuple[Source, str | None]
"""A page, or a (page, url) pair."""


@attrs.frozen(kw_only=True, slots=True)
class Result:
    """One page's outcome: its document or the error, with where it came from."""

    index: int
    """Position of the source in the input."""
    source: str
    """The path, or "<bytes #N>" for in-memory pages."""
    document: Document | None = None
    """The parsed page, when it parsed."""
    error: ParseError | None = None
    """Why it did not parse."""
    url: str | None = None
    """The URL the page was parsed with."""

    @property
    def ok(self) -> bool:
        """True when the page parsed."""
        return self.document is not None


def _name(index: int, source: Source) -> str:
    """How a result names its source: the path, or "<page #N>" for bytes and text."""
    if isinstance(source, os.PathLike):
        try:
            return os.fsencode(os.fspath(source)).decode("utf-8", "backslashreplace")
        except Exception:
            return f"<path #{index}>"
    return f"<page #{index}>"


def parse_one(index: int, source: Any, url: str | None, adapter: str | None) -> Result:
    """Parse one source into a :class:`Result` (runs in workers; never raises ParseError)."""
    from . import parse

    name = _name(index, source)
    try:
        return Result(index=index, source=name, document=parse(source, url=url, adapter=adapter), url=url)
    except ParseError as exc:
        return Result(index=index, source=name, error=exc, url=url)


def _is_url(value: object) -> bool:
    return isinstance(value, str) and value[:8].lower().startswith(("http://", "https://"))


def with_urls(
    sources: Iterable[Entry] | Mapping[Any, Any], url: str | None = None
) -> Iterator[tuple[Source, str | None]]:
    """``(source, url)`` for each entry: pages alone get ``url``; pairs and mappings keep their own.

    A mapping may run either way: ``{url: page}`` (a crawler's pages by URL)
    or ``{page: url}`` (files and the URLs they were saved from); the side
    holding an ``http(s)://`` string is the URL.

    >>> list(with_urls([b"a", (b"b", "https://x.gov.uk/mgAi.aspx?ID=1")], url="https://x.gov.uk/"))
    [(b'a', 'https://x.gov.uk/'), (b'b', 'https://x.gov.uk/mgAi.aspx?ID=1')]
    >>> list(with_urls({"https://x.gov.uk/a": b"page"}))
    [(b'page', 'https://x.gov.uk/a')]
    """
    if isinstance(sources, Mapping):
        for key, value in sources.items():
            if _is_url(key) and not _is_url(value):
                yield value, key
            else:
                yield key, value
        return
    for entry in sources:
        if isinstance(entry, tuple):
            if len(entry) != 2:
                raise TypeError(f"a (source, url) pair has two parts, not {len(entry)}")
            yield entry[0], entry[1]
        else:
            yield entry, url


def parse_many(
    sources: Iterable[Entry] | Mapping[Any, Any],
    executor: Executor | None = None,
    *,
    url: str | None = None,
    adapter: str | None = None,
    max_pending: int | None = None,
    ordered: bool = False,
) -> Iterator[Result]:
    """Parse ``sources`` and yield a :class:`Result` for each.

    ``sources`` holds pages (bytes, text or paths, all parsed with ``url``),
    ``(page, url)`` pairs, or is a mapping of URLs to pages (or pages to URLs),
    so a crawler's pages keep their own URLs (see :func:`with_urls`).

    >>> pages = {"https://d.example.gov.uk/mgAi.aspx?ID=7": b"Agenda item\\n\\nBudget\\n\\nRESOLVED that it be noted.\\n"}
    >>> [r.document.source.url for r in parse_many(pages) if r.document]
    ['https://d.example.gov.uk/mgAi.aspx?ID=7']

    ``executor`` is any :class:`concurrent.futures.Executor` (a process pool,
    a thread pool, or a Dask ``Client.get_executor()``); without one, pages are
    parsed in this process, in order. Results come as they finish, or in input
    order with ``ordered=True``. At most ``max_pending`` pages (default: four
    per worker, or 16) are in flight, so memory stays bounded however long the
    input. Errors come back as results, never raised: when a worker process
    dies (a crash, the OOM killer), the pages it held are reported failed, a
    process pool is replaced by a new one of the same size (shut down at the
    end) and the run goes on.
    """
    if executor is None:
        for index, (source, page_url) in enumerate(with_urls(sources, url)):
            yield parse_one(index, source, page_url, adapter)
        return
    limit = max(1, max_pending or 4 * (getattr(executor, "_max_workers", 0) or 4))
    pool = _Pool(executor)
    window: dict[Future[Result], tuple[int, str]] = {}
    try:
        for index, (source, page_url) in enumerate(with_urls(sources, url)):
            window[pool.submit(index, source, page_url, adapter)] = (index, _name(index, source))
            while len(window) >= limit:
                yield from _drain(window, pool, ordered)
        while window:
            yield from _drain(window, pool, ordered)
    finally:
        pool.close()


def _drain(window: dict[Future[Result], tuple[int, str]], pool: _Pool, ordered: bool) -> list[Result]:
    """Wait for the oldest future (ordered) or any (unordered); return the finished results."""
    if ordered:
        first = next(iter(window))
        wait([first])
        done = [first]
    else:
        finished, _ = wait(list(window), return_when=FIRST_COMPLETED)
        done = [f for f in window if f in finished]
    return [pool.collect(future, *window.pop(future)) for future in done]


class _Pool:
    """The executor in use, replaced when its worker processes die."""

    def __init__(self, executor: Executor) -> None:
        self.executor: Executor | None = executor
        self.owned: list[Executor] = []

    def submit(self, index: int, source: Source, url: str | None, adapter: str | None) -> Future[Result]:
        """Submit one page; a broken pool is replaced first, and without any pool the page is parsed here."""
        for _attempt in range(2):
            executor = self.executor
            if executor is None:
                break
            try:
                return executor.submit(parse_one, index, source, url, adapter)
            except (BrokenExecutor, RuntimeError):  # broken, or shut down under us
                self.replace(executor)
        done: Future[Result] = Future()
        done.set_result(parse_one(index, source, url, adapter))
        return done

    def collect(self, future: Future[Result], index: int, name: str) -> Result:
        """The future's result, or a failed Result naming why (a dead worker, an unpicklable answer)."""
        try:
            return future.result()
        except BrokenExecutor as exc:
            if self.executor is not None:
                self.replace(self.executor)
            return Result(index=index, source=name, error=ParseError(f"worker process died while parsing ({exc})"))
        except Exception as exc:
            return Result(index=index, source=name, error=ParseError(f"worker failed: {type(exc).__name__}: {exc}"))

    def replace(self, broken: Executor) -> None:
        """Swap a broken executor for a fresh process pool of the same size (other kinds: parse here)."""
        if broken is not self.executor:
            return
        from concurrent.futures import ProcessPoolExecutor  # loaded only when a pool broke

        if isinstance(broken, ProcessPoolExecutor) and not getattr(broken, "_broken", True):
            return  # still working: the failure was another executor's
        replacement: Executor | None = None
        if isinstance(broken, ProcessPoolExecutor):
            workers = getattr(broken, "_max_workers", None) or 2
            replacement = ProcessPoolExecutor(workers, initializer=exit_with_parent, initargs=(os.getpid(),))
            self.owned.append(replacement)
        self.executor = replacement

    def close(self) -> None:
        """Shut down the replacement pools this run started."""
        for executor in self.owned:
            executor.shutdown(wait=True, cancel_futures=True)


PARENT_POLL_SECONDS = 1.0
"""How often a worker checks that the process that started it is alive."""


def exit_with_parent(parent: int) -> None:
    """Worker initializer: exit when ``parent`` dies, so no worker outlives its run.

    SIGTERM gets its default action back (a forked worker inherits the parent's
    handler), so stopping the pool stops its workers quietly.
    """
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the pool

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def dask_executor(address: str | None = None, **cluster: Any) -> Executor:
    """An executor on a Dask cluster (``pip install 'minutes-parser[dask]'``).

    With ``address`` it connects to a running scheduler; without, it starts a
    local cluster with ``cluster`` keyword arguments (``n_workers=2``...).
    """
    try:
        distributed: Any = importlib.import_module("distributed")
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise ImportError("the dask extra is not installed: pip install 'minutes-parser[dask]'") from exc
    client = distributed.Client(address) if address else distributed.Client(distributed.LocalCluster(**cluster))
    executor: Executor = client.get_executor()
    return executor
