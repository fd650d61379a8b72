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
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from typing import Any

import attrs

from .errors import ParseError
from .models import Document

Source = bytes | str | os.PathLike[str]


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

    @property
    def ok(self) -> bool:
        """True when the page parsed."""
        return self.document is not None


def _name(index: int, source: Source) -> str:
    """How a result names its source: the path, or "<page #N>" for bytes and text."""
    if isinstance(source, os.PathLike):
        try:
            return os.fsdecode(os.fspath(source)).encode("utf-8", "backslashreplace").decode("utf-8")
        except Exception:
            return f"<path #{index}>"
    return f"<page #{index}>"


def parse_one(index: int, source: Any, url: str | None, adapter: str | None) -> Result:
    """Parse one source into a :class:`Result` (runs in workers; never raises ParseError)."""
    from . import parse

    name = _name(index, source)
    try:
        return Result(index=index, source=name, document=parse(source, url=url, adapter=adapter))
    except ParseError as exc:
        return Result(index=index, source=name, error=exc)


def parse_many(
    sources: Iterable[Source],
    executor: Executor | None = None,
    *,
    url: str | None = None,
    adapter: str | None = None,
    max_pending: int | None = None,
) -> Iterator[Result]:
    """Parse ``sources`` and yield a :class:`Result` for each as it finishes.

    ``executor`` is any :class:`concurrent.futures.Executor` (a process pool,
    a thread pool, or a Dask ``Client.get_executor()``); without one, pages are
    parsed in this process, in order. At most ``max_pending`` pages (default:
    four per worker, or 16) are in flight, so memory stays bounded however long
    the input. Errors come back as results, never raised.
    """
    if executor is None:
        for index, source in enumerate(sources):
            yield parse_one(index, source, url, adapter)
        return
    limit = max_pending or 4 * (getattr(executor, "_max_workers", 0) or 4)
    pending: set[Future[Result]] = set()
    names: dict[Future[Result], tuple[int, str]] = {}
    queue: deque[Result] = deque()
    for index, source in enumerate(sources):
        future = executor.submit(parse_one, index, source, url, adapter)
        pending.add(future)
        names[future] = (index, _name(index, source))
        if len(pending) >= limit:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            queue.extend(_collect(done, names))
            while queue:
                yield queue.popleft()
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        yield from _collect(done, names)


def _collect(done: Iterable[Future[Result]], names: dict[Future[Result], tuple[int, str]]) -> list[Result]:
    out = []
    for future in done:
        index, name = names.pop(future)
        try:
            out.append(future.result())
        except Exception as exc:  # a worker died or the result could not travel back
            out.append(
                Result(index=index, source=name, error=ParseError(f"worker failed: {type(exc).__name__}: {exc}"))
            )
    return out


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
