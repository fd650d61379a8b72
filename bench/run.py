"""Benchmark: our parse against a bare lxml parse of the same bytes, per format, with and without a URL.

Usage (from the project root, with the package installed)::

    python bench/run.py [--repeat N] [--quick] [--sections formats,small,...]

Sections (all by default, in this order):

``formats``
    Every page in ``samples/`` and ``../shared/{corpus,raw,raw2}`` (PDFs apart,
    identical files once), grouped by the adapter that reads it. For each page the
    best of N runs of a bare ``lxml.html.document_fromstring`` (``lxml.etree.fromstring``
    for XML, ``json.loads`` for JSON), of ``minutes_parser.parse`` without a URL and of
    ``minutes_parser.parse`` with the page's URL, interleaved so that the ratios come
    from the same moments of a noisy machine. The URL is the labelled one where the
    gold file has it, else the system's usual URL built from the file name (see
    :func:`page_url`). The last lines give HTML and XML overall, with and without URL.
``stages``
    Where the time of a parse goes (decoding, detection, the long-tag scan, lxml's
    tree, rendering and grids, the grammar) on a page of each kind.
``small``
    Pages of at most 2.5 KB: the fixed cost of a page, split into the bare parse, the
    grammar (``build_document`` on the adapter's blocks) and the rest (ours).
``text``
    Real minutes text (a 72 KB minutes capture in ``raw2``) cut to 10 KB or repeated
    to 100 KB, 1 MB and 10 MB: the cost per MB at each size and the largest over the
    smallest.
``memory``
    Peak memory of a parse as a multiple of the input: Python allocations
    (``tracemalloc``, which cannot see libxml2's trees) and the growth of the peak
    resident size in a fresh process (which sees everything).
``cold``
    A fresh process: ``import minutes_parser``, then the first parse (adapters
    loaded, the grammar compiled) and a second one of the same page.
``batch``
    ``parse_many`` over the raw pages: in this process, with a process pool of 2,
    and on a local Dask cluster of 2 worker processes (with the ``dask`` extra);
    pools are warmed up first, and the figure with their start-up is printed too.
``pdf``
    PDFs: pages per second against pypdfium2's bare text extraction.
``linear``
    A ModernGov meeting page with its item rows repeated 10x and 100x.

All figures are best-of-N on a shared machine; compare ratios from one run, not
times from different runs.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from lxml import etree, html

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

import minutes_parser  # noqa: E402
from minutes_parser import registry  # noqa: E402
from minutes_parser.decode import XML_PARSER, Page  # noqa: E402
from minutes_parser.pdf import extract, is_pdf  # noqa: E402

HTML_FORMATS = ("cmis", "generic", "infocouncil", "legistar", "moderngov")
XML_FORMATS = ("moderngov-xml",)
SMALL_BYTES = 2560
"""Pages up to this size count as small (the 1-2 KB fragments ModernGov and CMIS serve)."""
TEXT_SOURCE = "raw2/other/limerick-city-county-council_minutes-text_1.md"
"""The real minutes text the text-scaling table repeats."""
TEXT_SIZES = (10_000, 100_000, 1_000_000, 10_000_000)


# -- pages ---------------------------------------------------------------------------------------


def pages() -> list[Path]:
    """The bench's pages: samples and the shared folders, each distinct file once, PDFs apart."""
    roots = [ROOT / "samples"]
    if (SHARED / "corpus").is_dir():
        roots += [SHARED / "corpus", SHARED / "raw", SHARED / "raw2"]
    else:
        roots += [ROOT / "tests" / "corpus"]
    seen: set[str] = set()
    found = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if (
                not path.is_file()
                or path.name.endswith((".gold.json", ".tsv"))
                or path.name in ("NOTES.md", "README.md")
            ):
                continue
            if path.suffix == ".pdf":
                continue
            digest = hashlib.sha1(path.read_bytes()).hexdigest()
            if digest not in seen:
                seen.add(digest)
                found.append(path)
    return found


def page_url(path: Path) -> str:
    """The page's URL: the labelled one when its gold file has one, else the usual URL of its system.

    Built from the folder (the system) and the file name (``<council>_<page kind>_<n>``):
    Legistar ``https://<council>.legistar.com/Calendar.aspx``, ModernGov
    ``https://democracy.<council>.gov.uk/<page name>.aspx``, its web service
    ``.../mgWebService.asmx/<method>``, InfoCouncil ``https://<council>.infocouncil.biz/``,
    CMIS ``https://<council>.cmis.uk.com/...``; other pages a council URL that names no system.
    """
    gold = path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json")
    if gold.is_file():
        with contextlib.suppress(ValueError, OSError):
            url = json.loads(gold.read_text(encoding="utf-8")).get("url")
            if url:
                return str(url)
    folder = path.parent.name
    council, _, rest = path.stem.partition("_")
    kind = rest.rsplit("_", 1)[0]
    host = council.replace("_", "")
    if folder == "legistar":
        page = {"calendar": "Calendar", "legislation": "Legislation", "people": "People"}.get(
            kind.split("-")[0], "Default"
        )
        return f"https://{host}.legistar.com/{page}.aspx"
    if folder == "moderngov" or path.name.startswith(("bradford_mg", "gloucester_ie")):
        return f"https://democracy.{host}.gov.uk/{kind.split('-')[0]}.aspx"
    if folder == "moderngov-xml":
        return f"https://democracy.{host}.gov.uk/mgWebService.asmx/{kind.split('_')[0]}"
    if folder == "infocouncil":
        return f"https://{host}.infocouncil.biz/" + ("?year=2023" if "year" in kind else "")
    if folder == "cmis":
        return f"https://{host}.cmis.uk.com/{host}/Meetings.aspx"
    return f"https://www.{host}.gov.uk/{path.stem}.html"


def bare_parse(data: bytes) -> None:
    """What a scraper would do at minimum: one lxml (or json) parse of the bytes."""
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        with contextlib.suppress(ValueError):
            json.loads(data)
    elif data.lstrip()[:5] == b"<?xml" and b"<html" not in data[:2000].lower():
        try:
            etree.fromstring(data, parser=XML_PARSER)
        except etree.XMLSyntaxError:
            html.document_fromstring(data)
    elif head == b"<":
        with contextlib.suppress(etree.ParserError):
            html.document_fromstring(data)
    else:
        data.decode("utf-8", "replace").splitlines()


def _parse_quiet(data: bytes, url: str | None = None) -> None:
    with contextlib.suppress(minutes_parser.ParseError):
        minutes_parser.parse(data, url=url)


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Best of ``repeat`` runs of ``fn``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def interleaved(fns: list[Callable[[], object]], repeat: int) -> list[float]:
    """Best of ``repeat`` rounds for each of ``fns``, the functions run in turn in each round."""
    best = [float("inf")] * len(fns)
    for _ in range(repeat):
        for i, fn in enumerate(fns):
            start = time.perf_counter()
            fn()
            best[i] = min(best[i], time.perf_counter() - start)
    return best


def _adapter(data: bytes, url: str | None = None) -> str:
    try:
        return minutes_parser.parse(data, url=url).source.adapter
    except minutes_parser.ParseError:
        return "(refused)"


# -- formats -------------------------------------------------------------------------------------


def run_formats(repeat: int) -> None:
    """The per-format table, without and with a URL."""
    stats: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    moved = 0
    for path in pages():
        data = path.read_bytes()
        url = page_url(path)
        adapter = _adapter(data)
        if _adapter(data, url) != adapter:
            moved += 1
        bare, ours, ours_url = interleaved(
            [
                lambda data=data: bare_parse(data),
                lambda data=data: _parse_quiet(data),
                lambda data=data, url=url: _parse_quiet(data, url),
            ],
            repeat,
        )
        s = stats[adapter]
        s["pages"] += 1
        s["bytes"] += len(data)
        s["bare"] += bare
        s["ours"] += ours
        s["url"] += ours_url
    print("\nPer format (adapter chosen without a URL): seconds summed over pages, best of", repeat)
    print(
        f"{'adapter':14s} {'pages':>5s} {'MB':>6s} {'lxml s':>7s} {'ours s':>7s} {'ratio':>6s}"
        f" {'+url s':>7s} {'ratio':>6s} {'pages/s':>8s} {'MB/s':>6s}"
    )
    for adapter in sorted(stats):
        s = stats[adapter]
        mb = s["bytes"] / 1e6
        print(
            f"{adapter:14s} {int(s['pages']):5d} {mb:6.2f} {s['bare']:7.3f} {s['ours']:7.3f} {s['ours'] / s['bare']:6.2f}"
            f" {s['url']:7.3f} {s['url'] / s['bare']:6.2f} {s['pages'] / s['ours']:8.0f} {mb / s['ours']:6.1f}"
        )
    for label, group in (("HTML", HTML_FORMATS), ("XML", XML_FORMATS), ("HTML+XML", HTML_FORMATS + XML_FORMATS)):
        chosen = [stats[a] for a in group if a in stats]
        if not chosen:
            continue
        bare = sum(s["bare"] for s in chosen)
        print(
            f"{label} pages: full parse / bare lxml parse = {sum(s['ours'] for s in chosen) / bare:.2f}x without URL,"
            f" {sum(s['url'] for s in chosen) / bare:.2f}x with URL (target <= 2.0x)"
        )
    if "text" in stats:
        t = stats["text"]
        print(f"text captures: {t['bytes'] / 1e6 / t['ours']:.2f} MB/s ({int(t['pages'])} pages)")
    if moved:
        print(f"({moved} page(s) went to another adapter when given their URL)")


# -- stages --------------------------------------------------------------------------------------

STAGE_PAGES = (
    "corpus/legistar/nyc_calendar_1.html",
    "raw/infocouncil/randwick_meeting-list-year-2023_1.html",
    "raw/moderngov-xml/liverpool_GetCouncillorsByWard_1.xml",
    "raw2/other/nipissing-township-council_minutes-page_1.html",
    "corpus/moderngov/kirklees_ieDecisionDetails_2.html",
)
"""A page of each kind whose time the stages table splits: a grid, a list, records, prose, a fragment."""


def run_stages(repeat: int) -> None:
    """Where a parse's time goes, stage by stage, as multiples of the bare lxml parse."""
    from minutes_parser.decode import _cap_attributes, _strip_declaration
    from minutes_parser.grammar import Context, build_document

    print(f"\nStages of a parse, as multiples of the bare lxml parse of the same bytes (best of {repeat * 4})")
    print(
        f"{'page':34s} {'lxml ms':>7s} {'decode':>6s} {'detect':>6s} {'tags':>6s} {'tree':>6s}"
        f" {'blocks':>6s} {'grammar':>7s} {'full':>6s}"
    )
    runs = repeat * 4
    for name in STAGE_PAGES:
        path = SHARED / name
        if not path.is_file():
            continue
        data = path.read_bytes()
        adapter = registry.get(minutes_parser.parse(data).source.adapter)
        xml = adapter.name == "moderngov-xml"
        bare = timed(lambda data=data: bare_parse(data), runs)
        decode = timed(lambda data=data: Page(data), runs)
        page = Page(data)
        text = _strip_declaration(page.text)
        if xml:
            tags = 0.0
            tree = timed(lambda text=text: etree.fromstring(text, parser=XML_PARSER), runs)
            root = page.xml_root()
        else:
            tags = timed(lambda text=text: _cap_attributes(text), runs)
            tree = timed(lambda page=page: minutes_parser.decode.parse_html(_strip_declaration(page.text)), runs) - tags
            root = page.html_root()

        def fresh(data: bytes = data, root: Any = root, xml: bool = xml) -> Page:
            new = Page(data)
            if xml:
                new._xml = root
            else:
                new._html = root
            return new

        detect = timed(lambda fresh=fresh: registry.detect(fresh()), runs) - decode
        blocks_of = getattr(adapter, "blocks", None)
        blocks_s = grammar = 0.0
        if blocks_of is not None:
            blocks_s = timed(lambda blocks_of=blocks_of, fresh=fresh: blocks_of(fresh()), runs) - decode
            blocks, hints = blocks_of(fresh())
            hints.pop("overflow", None)
            hints.pop("lexed", None)
            context = {"adapter": adapter.name, "url": None, "warnings": [], **hints}
            grammar = timed(
                lambda blocks=blocks, context=context: build_document(list(blocks), Context(**context)), runs
            )
        full = timed(lambda data=data: _parse_quiet(data), runs)
        print(
            f"{path.name[:34]:34s} {bare * 1e3:7.2f} {decode / bare:6.2f} {detect / bare:6.2f} {tags / bare:6.2f}"
            f" {tree / bare:6.2f} {blocks_s / bare:6.2f} {grammar / bare:7.2f} {full / bare:6.2f}"
        )
    print(
        "(decode: bytes to text; detect: every adapter's score; tags: the long-tag scan; tree: lxml's parse;"
        " blocks: render and grids; grammar: build_document; the generic adapter's detection lexes for the grammar)"
    )


# -- small pages ---------------------------------------------------------------------------------


def _grammar_seconds(data: bytes, repeat: int) -> float | None:
    """The grammar's share of a parse: ``build_document`` on the adapter's own blocks."""
    from minutes_parser.grammar import Context, build_document

    try:
        adapter = registry.get(minutes_parser.parse(data).source.adapter)
    except minutes_parser.ParseError:
        return None
    blocks_of = getattr(adapter, "blocks", None)
    if blocks_of is None:
        return None
    page = Page(data)
    blocks, hints = blocks_of(page)
    hints.pop("overflow", None)
    name = adapter.name
    return timed(lambda: build_document(list(blocks), Context(adapter=name, url=None, warnings=[], **hints)), repeat)


def run_small(repeat: int) -> None:
    """Fixed cost per small page: full parse minus the bare parse minus the grammar."""
    rows = []
    for path in pages():
        data = path.read_bytes()
        if len(data) > SMALL_BYTES or not data.lstrip().startswith(b"<") or path.suffix not in (".html", ".xml"):
            continue
        adapter = _adapter(data)
        if adapter == "(refused)":
            continue
        bare, full = interleaved(
            [lambda data=data: bare_parse(data), lambda data=data: _parse_quiet(data)], repeat * 10
        )
        grammar = _grammar_seconds(data, repeat * 10) or 0.0
        rows.append((path.name, adapter, len(data), bare, full, grammar))
    if not rows:
        return
    print(f"\nSmall pages (<= {SMALL_BYTES} bytes): milliseconds, best of {repeat * 10}")
    print(f"{'page':46s} {'adapter':13s} {'bytes':>5s} {'lxml':>6s} {'full':>6s} {'grammar':>7s} {'ours':>6s}")
    for name, adapter, size, bare, full, grammar in rows:
        ours = full - bare - grammar
        print(
            f"{name[:46]:46s} {adapter:13s} {size:5d} {bare * 1e3:6.3f} {full * 1e3:6.3f} {grammar * 1e3:7.3f} {ours * 1e3:6.3f}"
        )
    mean = statistics.mean(full - bare - grammar for *_, bare, full, grammar in rows)
    print(
        f"fixed cost per small page outside lxml and the grammar: {mean * 1e3:.3f} ms mean (target <= 0.1 ms);"
        f" grammar {statistics.mean(r[5] for r in rows) * 1e3:.3f} ms, full {statistics.mean(r[4] for r in rows) * 1e3:.3f} ms"
    )


# -- text scaling --------------------------------------------------------------------------------


def scaled_text(size: int) -> bytes:
    """Real minutes text cut or repeated to about ``size`` bytes, at a line break."""
    source = (SHARED / TEXT_SOURCE).read_bytes()
    copies = source * (size // len(source) + 1)
    cut = copies.rfind(b"\n", 0, size)
    return copies[: cut + 1 if cut > 0 else size]


def run_text(repeat: int) -> None:
    """Cost per MB of real minutes text from 10 KB to 10 MB."""
    if not (SHARED / TEXT_SOURCE).is_file():
        print(f"\ntext scaling: {TEXT_SOURCE} not found; skipped")
        return
    print(f"\nText scaling ({Path(TEXT_SOURCE).name} cut or repeated)")
    print(f"{'size':>9s} {'seconds':>8s} {'s/MB':>7s} {'MB/s':>6s} {'items':>6s}")
    per_mb = []
    for size in TEXT_SIZES:
        data = scaled_text(size)
        runs = max(1, min(repeat, int(2_000_000 / size) or 1))
        seconds = timed(lambda data=data: _parse_quiet(data), runs)
        items = len(minutes_parser.parse(data).items) if size <= 1_000_000 else -1
        mb = len(data) / 1e6
        per_mb.append(seconds / mb)
        print(f"{len(data):9d} {seconds:8.3f} {seconds / mb:7.3f} {mb / seconds:6.2f} {items:6d}")
    print(f"cost per MB, largest / smallest: {max(per_mb) / min(per_mb):.2f} (target <= 1.3)")


# -- memory --------------------------------------------------------------------------------------

_RSS_CHILD = """
import resource, sys
sys.path.insert(0, sys.argv[2])
import minutes_parser

def peak():
    # VmHWM is this process's own high-water mark; ru_maxrss can carry the parent's over a fork.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

data = open(sys.argv[1], "rb").read()
minutes_parser.parse(b"<html><body><h1>Agenda item</h1><p>Budget</p></body></html>")
before = peak()
if sys.argv[3] == "bare":
    from lxml import etree, html
    tree = etree.fromstring(data) if data.lstrip()[:5] == b"<?xml" else html.document_fromstring(data)
else:
    try:
        doc = minutes_parser.parse(data)
    except minutes_parser.ParseError:
        pass
print(peak() - before)
"""


def _memory_inputs() -> list[tuple[str, Path]]:
    found = []
    folders = {
        "legistar": "largest Legistar page",
        "infocouncil": "largest InfoCouncil page",
        "moderngov-xml": "largest web-service XML",
    }
    for folder, label in folders.items():
        candidates = sorted((SHARED / "raw" / folder).glob("*"), key=lambda p: p.stat().st_size)
        if candidates:
            found.append((label, candidates[-1]))
    return found


def run_memory(tmp: Path) -> None:
    """Peak memory of a parse as a multiple of the input."""
    inputs = _memory_inputs()
    text = tmp / "minutes-10mb.txt"
    if (SHARED / TEXT_SOURCE).is_file():
        text.write_bytes(scaled_text(10_000_000))
        inputs.append(("10 MB of minutes text", text))
    if not inputs:
        return
    print("\nMemory: peak during one parse, as a multiple of the input's size")
    print(f"{'input':28s} {'MB':>6s} {'tracemalloc':>11s} {'rss growth':>10s} {'lxml alone':>10s}")
    for label, path in inputs:
        data = path.read_bytes()
        tracemalloc.start()
        _parse_quiet(data)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        grown = []
        for mode in ("parse", "bare"):
            if mode == "bare" and not data.lstrip().startswith(b"<"):
                grown.append("-")
                continue
            out = subprocess.run(
                [sys.executable, "-c", _RSS_CHILD, str(path), str(ROOT), mode],
                capture_output=True,
                text=True,
                check=False,
            )
            try:
                grown.append(f"{int(out.stdout.strip()) / len(data):.1f}x")
            except ValueError:
                grown.append("failed")
        print(f"{label:28s} {len(data) / 1e6:6.2f} {peak / len(data):10.1f}x {grown[0]:>10s} {grown[1]:>10s}")
    print(
        "(target: peak <= 5x the input; tracemalloc sees Python objects only, the resident-size growth sees libxml2 too)"
    )


# -- cold start ----------------------------------------------------------------------------------

_COLD_CHILD = """
import sys, time
sys.path.insert(0, sys.argv[2])
t0 = time.perf_counter()
import minutes_parser
t1 = time.perf_counter()
data = open(sys.argv[1], "rb").read()
try:
    minutes_parser.parse(data)
except minutes_parser.ParseError:
    pass
t2 = time.perf_counter()
try:
    minutes_parser.parse(data)
except minutes_parser.ParseError:
    pass
t3 = time.perf_counter()
print((t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000)
"""


def run_cold(runs: int = 5) -> None:
    """Import and first-parse times in fresh processes."""
    samples = [
        ("ModernGov page", ROOT / "samples" / "anytown_ieListDocuments_cabinet-2025-03-11.html"),
        ("text capture", ROOT / "samples" / "anytown_issue-history_library-opening-hours.txt"),
    ]
    print(f"\nCold start: fresh process, best of {runs} (milliseconds)")
    print(f"{'first page':16s} {'import':>7s} {'1st parse':>9s} {'2nd parse':>9s} {'import+1st':>10s}")
    for label, path in samples:
        best = [float("inf")] * 3
        for _ in range(runs):
            out = subprocess.run(
                [sys.executable, "-c", _COLD_CHILD, str(path), str(ROOT)], capture_output=True, text=True, check=True
            )
            for i, value in enumerate(out.stdout.split()):
                best[i] = min(best[i], float(value))
        print(f"{label:16s} {best[0]:7.0f} {best[1]:9.0f} {best[2]:9.1f} {best[0] + best[1]:10.0f}")
    print("(the first parse loads the adapters and compiles the grammar; target: import + first parse <= 100 ms)")


# -- batch ---------------------------------------------------------------------------------------


def _batch_sources(copies: int) -> list[Path]:
    raw = [p for p in pages() if p.suffix in (".html", ".xml", ".json", ".txt", ".md")]
    return raw * copies


def _spin(count: int) -> int:
    """Pure-Python CPU work, for the machine's own two-process ceiling."""
    total = 0
    for i in range(count):
        total += i * i % 7
    return total


def _ceiling() -> float:
    """How much faster two processes do two units of CPU work than one process does, right now."""
    from concurrent.futures import ProcessPoolExecutor

    work = 4_000_000
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(_spin, [1000, 1000]))  # both workers started
        start = time.perf_counter()
        list(pool.map(_spin, [work, work]))
        parallel = time.perf_counter() - start
    start = time.perf_counter()
    _spin(work)
    _spin(work)
    return (time.perf_counter() - start) / parallel


def _drain(results: Iterable[Any]) -> int:
    return sum(1 for _ in results)


def run_batch(copies: int, rounds: int = 3) -> None:
    """``parse_many`` in this process, on 2 processes and on a 2-worker Dask cluster.

    The pool and the cluster are started and warmed up first; then each way runs
    once per round, in turn, and the best round of each is kept, so that load from
    other processes on a shared machine weighs on all three alike.
    """
    from concurrent.futures import ProcessPoolExecutor

    sources = _batch_sources(copies)
    warm = sources[: min(len(sources), 40)]
    print(
        f"\nBatch: parse_many over {len(sources)} pages ({copies} copies of {len(sources) // copies}),"
        f" on {os.cpu_count()} cores, best of {rounds} rounds"
    )
    try:
        import distributed  # noqa: F401

        has_dask = True
    except ImportError:
        has_dask = False
    with contextlib.ExitStack() as stack:
        start = time.perf_counter()
        pool = stack.enter_context(ProcessPoolExecutor(2))
        _drain(minutes_parser.parse_many(warm, executor=pool))
        pool_start = time.perf_counter() - start
        dask: Any = None
        dask_start = 0.0
        if has_dask:
            start = time.perf_counter()
            dask = stack.enter_context(
                minutes_parser.dask_executor(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
            )
            _drain(minutes_parser.parse_many(warm, executor=dask))
            dask_start = time.perf_counter() - start
        _drain(minutes_parser.parse_many(warm))
        best = {"ceiling": 0.0, "alone": float("inf"), "pool": float("inf"), "dask": float("inf")}
        for _ in range(rounds):
            best["ceiling"] = max(best["ceiling"], _ceiling())
            for key, executor in (("alone", None), ("pool", pool), ("dask", dask)):
                if key == "dask" and dask is None:
                    continue
                start = time.perf_counter()
                _drain(minutes_parser.parse_many(sources, executor=executor))
                best[key] = min(best[key], time.perf_counter() - start)
    alone = best["alone"]
    print(
        f"(pure CPU work in 2 processes: at best {best['ceiling']:.2f}x one process here, the ceiling for what follows)"
    )
    print(f"{'in-process':28s} {alone:7.2f} s {len(sources) / alone:7.0f} pages/s")
    print(
        f"{'2 processes':28s} {best['pool']:7.2f} s {len(sources) / best['pool']:7.0f} pages/s"
        f" {alone / best['pool']:5.2f}x in-process (pool start and warm-up: {pool_start:.2f} s)"
    )
    if dask is not None:
        print(
            f"{'Dask, 2 worker processes':28s} {best['dask']:7.2f} s {len(sources) / best['dask']:7.0f} pages/s"
            f" {alone / best['dask']:5.2f}x in-process (cluster start and warm-up: {dask_start:.2f} s)"
        )
    else:
        print("Dask: the dask extra is not installed; skipped")
    print("(targets: 2 processes >= 1.8x in-process; Dask with 2 workers >= 1.0x)")


# -- PDF -----------------------------------------------------------------------------------------


def bare_pdf(data: bytes) -> int:
    """pypdfium2's bare text extraction: open, every page's text, close. Returns the page count."""
    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return 0
    count = len(document)
    for index in range(count):
        page = document[index]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    document.close()
    return count


def pdf_files() -> list[Path]:
    found: list[Path] = []
    for folder in (SHARED / "raw2" / "pdf", SHARED / "corpus" / "pdf"):
        if folder.is_dir():
            found.extend(sorted(folder.glob("*.pdf")))
    return found


def _extract_quiet(data: bytes) -> None:
    with contextlib.suppress(minutes_parser.ParseError):
        extract(data)


def run_pdf(repeat: int) -> None:
    """PDF pages per second, and our parse against pypdfium2's bare text extraction."""
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        print("\nPDF: pypdfium2 is not installed (pip install 'minutes-parser[pdf]'); skipped")
        return
    files = pdf_files()
    if not files:
        print("\nPDF: no PDFs in ../shared/raw2/pdf or ../shared/corpus/pdf; skipped")
        return
    count = size = 0
    bare = layout = full = 0.0
    for path in files:
        data = path.read_bytes()
        if not is_pdf(data):
            continue
        count += bare_pdf(data)
        size += len(data)
        b, lay, f = interleaved(
            [
                lambda data=data: bare_pdf(data),
                lambda data=data: _extract_quiet(data),
                lambda data=data: _parse_quiet(data),
            ],
            repeat,
        )
        bare += b
        layout += lay
        full += f
    print(f"\nPDF: {len(files)} files, {count} pages, {size / 1e6:.1f} MB")
    print(f"{'':24s} {'seconds':>8s} {'pages/s':>8s} {'x bare':>7s}")
    for label, seconds in (("pypdfium2 bare text", bare), ("layout pass (extract)", layout), ("full parse", full)):
        print(f"{label:24s} {seconds:8.3f} {count / seconds:8.0f} {seconds / bare:7.2f}")


# -- linear cost of a long meeting page ----------------------------------------------------------


def run_linear(repeat: int) -> None:
    sample = ROOT / "samples" / "anytown_ieListDocuments_cabinet-2025-03-11.html"
    text = sample.read_text(encoding="utf-8")
    start = text.index("<tr>", text.index('id="mgItemTable"'))
    start = text.index("<tr>", start + 1)  # first item row, after the header row
    end = text.index("</table>", start)
    rows = text[start:end]
    print("\nLinear cost (ieListDocuments page with its item rows repeated)")
    print(f"{'copies':>6s} {'MB':>7s} {'seconds':>8s} {'s/MB':>7s} {'items':>6s}")
    per_mb = []
    for copies in (1, 10, 100):
        grown = (text[:start] + rows * copies + text[end:]).encode("utf-8")
        seconds = timed(lambda grown=grown: minutes_parser.parse(grown), max(1, repeat // copies or 1))
        items = len(minutes_parser.parse(grown).items)
        mb = len(grown) / 1e6
        per_mb.append(seconds / mb)
        print(f"{copies:6d} {mb:7.2f} {seconds:8.3f} {seconds / mb:7.3f} {items:6d}")
    print(f"time per MB, largest / smallest: {max(per_mb) / min(per_mb):.2f}")


SECTIONS = ("formats", "stages", "small", "text", "memory", "cold", "batch", "pdf", "linear")


def main() -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5, help="best of N timings per page")
    ap.add_argument("--quick", action="store_true", help="two timings per page, one copy of the pages in batch")
    ap.add_argument("--sections", default=",".join(SECTIONS), help=f"comma-separated, from {', '.join(SECTIONS)}")
    ap.add_argument("--copies", type=int, default=2, help="copies of the pages parsed in the batch section")
    args = ap.parse_args()
    repeat = 2 if args.quick else args.repeat
    chosen = [s.strip() for s in args.sections.split(",") if s.strip()]
    unknown = [s for s in chosen if s not in SECTIONS]
    if unknown:
        ap.error(f"unknown section(s): {', '.join(unknown)}")
    _parse_quiet(b"<html><body><h1>Agenda item</h1><p>Budget</p></body></html>")  # grammar compiled before timing
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for section in chosen:
            if section == "formats":
                run_formats(repeat)
            elif section == "stages":
                run_stages(repeat)
            elif section == "small":
                run_small(repeat)
            elif section == "text":
                run_text(repeat)
            elif section == "memory":
                run_memory(Path(tmp))
            elif section == "cold":
                run_cold()
            elif section == "batch":
                run_batch(1 if args.quick else args.copies)
            elif section == "pdf":
                run_pdf(repeat)
            elif section == "linear":
                run_linear(repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
