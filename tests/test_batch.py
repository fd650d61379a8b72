"""Batch parsing: any executor, bounded in-flight work, errors as results; a Dask cluster."""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from conftest import CORPUS, SAMPLES, SHARED
from conftest import PAGES as OWN_PAGES

import minutes_parser
from minutes_parser import ParseError, parse_many


def _page_files(root: Path) -> list[Path]:
    """Page files under ``root`` (PDFs aside: they need a PDF adapter, covered elsewhere)."""
    if not root.is_dir():
        return []
    return sorted(
        p for p in root.rglob("*") if p.is_file() and not p.name.endswith((".gold.json", ".md", ".tsv", ".pdf"))
    )


# The labelled corpus when ../shared is beside this clone (a listing, nothing read at import), else
# the project's own pages; either holds pages that are refused.
PAGES = _page_files(CORPUS) or _page_files(SAMPLES) + _page_files(OWN_PAGES)
SEED = OWN_PAGES / "moderngov_agenda-item_healthy-weight.txt"


def _expected() -> dict[str, bool]:
    out = {}
    for path in PAGES:
        try:
            minutes_parser.parse(path)
            out[str(path)] = True
        except ParseError:
            out[str(path)] = False
    return out


def test_in_process_results_in_order() -> None:
    results = list(parse_many(PAGES[:10]))
    assert [r.index for r in results] == list(range(10))
    assert all(r.source == str(p) for r, p in zip(results, PAGES[:10], strict=True))


def test_process_pool_matches_serial_parse() -> None:
    expected = _expected()
    with ProcessPoolExecutor(2) as pool:
        results = list(parse_many(PAGES, executor=pool))
    assert len(results) == len(PAGES)
    assert {r.source: r.ok for r in results} == expected
    refused = [r for r in results if not r.ok]
    assert refused and all(isinstance(r.error, minutes_parser.UnrecognizedPage) for r in refused)
    assert all("adapters tried" in str(r.error) for r in refused)


class _CountingExecutor(ThreadPoolExecutor):
    """A thread pool that records the most futures in flight at once."""

    def __init__(self) -> None:
        super().__init__(2)
        self.lock = threading.Lock()
        self.in_flight = 0
        self.most = 0

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self.lock:
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
        future = super().submit(fn, *args, **kwargs)
        future.add_done_callback(self._done)
        return future

    def _done(self, _: Future[Any]) -> None:
        with self.lock:
            self.in_flight -= 1


def test_bounded_in_flight_work() -> None:
    sources = (PAGES[i % len(PAGES)] for i in range(300))  # a generator: never materialised
    with _CountingExecutor() as pool:
        count = sum(1 for _ in parse_many(sources, executor=pool, max_pending=5))
    assert count == 300
    assert pool.most <= 5


def test_bytes_and_text_sources(tmp_path: Path) -> None:
    seed = SEED.read_bytes()
    results = list(parse_many([seed, seed.decode("utf-8"), b"", str(tmp_path / "missing.txt")]))
    assert [r.ok for r in results] == [True, True, False, False]
    assert results[0].source == "<page #0>"


@pytest.mark.skipif(not (SHARED / "raw").is_dir(), reason="../shared/raw is not beside this clone")
def test_dask_local_cluster_parses_raw_pages() -> None:
    distributed = pytest.importorskip("distributed")
    raw = sorted(p for p in (SHARED / "raw").rglob("*") if p.is_file() and p.name != "MANIFEST.tsv")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster) as client:
        results = list(parse_many(raw, executor=client.get_executor()))
    assert len(results) == len(raw)
    assert all(r.ok or isinstance(r.error, minutes_parser.UnrecognizedPage) for r in results)
    assert sum(r.ok for r in results) >= 100


class _CrashAdapter(minutes_parser.BaseAdapter):
    """Kills the process that parses a page starting CRASH-NOW (a worker dying mid-page)."""

    name = "crash-test"
    page_kinds = ("meeting",)

    def detect(self, page: minutes_parser.Page) -> float:
        return 1.0 if page.text.startswith("CRASH-NOW") else 0.0

    def parse(self, page: minutes_parser.Page) -> minutes_parser.Document:
        os._exit(9)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers must inherit the test adapter")
def test_dead_worker_is_replaced_and_in_flight_pages_fail() -> None:
    from minutes_parser import registry

    seed = SEED.read_bytes()
    sources = [seed] * 10 + [b"CRASH-NOW"] + [seed] * 30
    registry.register(_CrashAdapter)
    try:
        with ProcessPoolExecutor(2) as pool:
            results = list(parse_many(sources, executor=pool, max_pending=4, ordered=True))
    finally:
        registry.unregister("crash-test")
    assert [r.index for r in results] == list(range(len(sources)))
    failed = [r.index for r in results if not r.ok]
    assert 10 in failed and len(failed) <= 4
    assert all("worker process died" in str(r.error) for r in results if not r.ok)
    assert sum(r.ok for r in results[15:]) == len(sources) - 15


def test_ordered_results_with_a_thread_pool() -> None:
    with ThreadPoolExecutor(3) as pool:
        results = list(parse_many(PAGES[:30], executor=pool, ordered=True))
    assert [r.index for r in results] == list(range(len(PAGES[:30])))
