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


def parse_batch(first: int, pages: list[tuple[Any, str | None]], adapter: str | None) -> list[Result]:
    """Parse consecutive (source, url) pages (indexes from ``first``) in one task: one round trip for several pages."""
    return [parse_one(first + offset, source, url, adapter) for offset, (source, url) in enumerate(pages)]


BATCH_PAGES = 8
"""Most pages sent to a worker in one task.

A task costs a round trip (pickling, a queue, on Dask a scheduler hop of about a
millisecond); eight pages make that small against the parse (a few milliseconds a
page) while a window of a few tasks per worker still balances the load."""


def _batch_size(workers: int, max_pending: int | None) -> int:
    """Pages per task: :data:`BATCH_PAGES`, fewer when ``max_pending`` pages must cover every worker."""
    if max_pending is None:
        return BATCH_PAGES
    return max(1, min(BATCH_PAGES, max_pending // max(1, min(workers, max_pending))))


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
    order with ``ordered=True``. Pages go to the executor in batches of up to
    :data:`BATCH_PAGES` (one task each), and at most ``max_pending`` pages
    (default: four tasks per worker, the workers counted from the pool or
    the Dask cluster's threads) are in flight, so memory stays bounded however
    long the input. Errors come back as results, never raised: when a worker process
    dies (a crash, the OOM killer), the pages it held are reported failed, a
    process pool is replaced by a new one of the same size (shut down at the
    end) and the run goes on.
    """
    if executor is None:
        for index, (source, page_url) in enumerate(with_urls(sources, url)):
            yield parse_one(index, source, page_url, adapter)
        return
    workers = _workers(executor)
    size = _batch_size(workers, max_pending)
    limit = 4 * workers if max_pending is None else max(1, max_pending // size)  # tasks in flight
    pool = _Pool(executor)
    window: dict[Future[list[Result]], list[tuple[int, str]]] = {}
    try:
        batch: list[tuple[Any, str | None]] = []
        first = 0
        for index, (source, page_url) in enumerate(with_urls(sources, url)):
            if not batch:
                first = index
            batch.append((source, page_url))
            if len(batch) < size:
                continue
            window[pool.submit(first, batch, adapter)] = _names(first, batch)
            batch = []
            while len(window) >= limit:
                yield from _drain(window, pool, ordered)
        if batch:
            window[pool.submit(first, batch, adapter)] = _names(first, batch)
        while window:
            yield from _drain(window, pool, ordered)
    finally:
        pool.close()


DEFAULT_WORKERS = 4
"""Workers assumed for an executor that does not say how many it has."""


def _workers(executor: Executor) -> int:
    """How many pages ``executor`` parses at once: a pool's workers, or a Dask cluster's threads."""
    count = getattr(executor, "_max_workers", None)
    if isinstance(count, int) and count > 0:
        return count
    client = getattr(executor, "_client", None)  # a Dask Client.get_executor()
    if client is not None:
        try:
            threads = sum(client.nthreads().values())
        except Exception:  # a closed or unreachable cluster: the submit will say so
            threads = 0
        if threads > 0:
            return int(threads)
    return DEFAULT_WORKERS


def _names(first: int, batch: list[tuple[Any, str | None]]) -> list[tuple[int, str]]:
    """(index, name) of each page in a batch, for the results of a task that failed whole."""
    return [(first + offset, _name(first + offset, source)) for offset, (source, _url) in enumerate(batch)]


def _drain(window: dict[Future[list[Result]], list[tuple[int, str]]], pool: _Pool, ordered: bool) -> list[Result]:
    """Wait for the oldest task (ordered) or any (unordered); return the finished tasks' results."""
    if ordered:
        first = next(iter(window))
        wait([first])
        done = [first]
    else:
        finished, _ = wait(list(window), return_when=FIRST_COMPLETED)
        done = [f for f in window if f in finished]
    return [result for future in done for result in pool.collect(future, window.pop(future))]


class _Pool:
    """The executor in use, replaced when its worker processes die."""

    def __init__(self, executor: Executor) -> None:
        self.executor: Executor | None = executor
        self.owned: list[Executor] = []

    def submit(self, first: int, batch: list[tuple[Any, str | None]], adapter: str | None) -> Future[list[Result]]:
        """Submit a batch of pages; a broken pool is replaced first, and without any pool the batch is parsed here."""
        for _attempt in range(2):
            executor = self.executor
            if executor is None:
                break
            try:
                return executor.submit(parse_batch, first, batch, adapter)
            except (BrokenExecutor, RuntimeError):  # broken, or shut down under us
                self.replace(executor)
        done: Future[list[Result]] = Future()
        done.set_result(parse_batch(first, batch, adapter))
        return done

    def collect(self, future: Future[list[Result]], names: list[tuple[int, str]]) -> list[Result]:
        """The task's results, or a failed Result for each of its pages naming why (a dead worker...)."""
        try:
            return future.result()
        except BrokenExecutor as exc:
            if self.executor is not None:
                self.replace(self.executor)
            why = f"worker process died while parsing ({exc})"
        except Exception as exc:
            why = f"worker failed: {type(exc).__name__}: {exc}"
        return [Result(index=index, source=name, error=ParseError(why)) for index, name in names]

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


class _DaskExecutor(Executor):
    """A Dask client's executor that also closes the client, and the cluster it started, on shutdown."""

    def __init__(self, client: Any, cluster: Any = None) -> None:
        self._client = client  # read by parse_many to size its window from the cluster's threads
        self._cluster = cluster
        self._executor: Executor = client.get_executor()

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Run ``fn(*args, **kwargs)`` on the cluster."""
        future: Future[Any] = self._executor.submit(fn, *args, **kwargs)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop taking work, then close the client and the local cluster (if this executor started one)."""
        self._executor.shutdown(wait=wait and not cancel_futures)
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()

    close = shutdown


def dask_executor(address: str | None = None, **cluster: Any) -> Executor:
    """An executor on a Dask cluster (``pip install 'minutes-parser[dask]'``).

    With ``address`` it connects to a running scheduler; without, it starts a
    local cluster with ``cluster`` keyword arguments (``n_workers=2``...).
    ``shutdown()`` (or leaving a ``with`` block) closes the client, and the
    local cluster when this function started one::

        with dask_executor(n_workers=2, threads_per_worker=1) as executor:
            results = list(parse_many(paths, executor=executor))
    """
    try:
        distributed: Any = importlib.import_module("distributed")
    except ImportError as exc:  # pragma: no cover - depends on the extra
        raise ImportError("the dask extra is not installed: pip install 'minutes-parser[dask]'") from exc
    if address:
        return _DaskExecutor(distributed.Client(address))
    local = distributed.LocalCluster(**cluster)
    try:
        client = distributed.Client(local)
    except BaseException:
        local.close()
        raise
    return _DaskExecutor(client, local)
