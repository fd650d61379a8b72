"""Benchmark: pages/s and MB/s per adapter, against a bare lxml parse of the same bytes.

Usage (from the project root, with the package installed)::

    python bench/run.py [--repeat N] [--quick]

Pages: everything in ``samples/`` and ``tests/pages/`` (pages the project wrote),
and ``../shared/corpus/`` and ``../shared/raw/`` when ``../shared`` is beside this
clone (the repository keeps no copies of them). For each adapter it prints pages,
MB, pages/s, MB/s, the time of a bare ``lxml.html.document_fromstring`` (or
``lxml.etree.fromstring`` for XML, ``json.loads`` for JSON) on the same bytes
and the ratio, plus the share of content the grammar placed (coverage). Then
the linear-cost check (a meeting page grown 10x and 100x) and the import time.

PDFs (``../shared/raw2/pdf`` and ``../shared/corpus/pdf``, with the ``pdf``
extra installed) get their own table: pages per second and the time of our
full parse and of the layout pass alone against pypdfium2's bare text
extraction of the same files (open, ``get_textpage().get_text_range()`` on
every page, close).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from lxml import etree, html

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

import minutes_parser  # noqa: E402
from minutes_parser.decode import XML_PARSER  # noqa: E402
from minutes_parser.pdf import extract, is_pdf  # noqa: E402


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


def pages() -> list[Path]:
    roots = [ROOT / "samples", ROOT / "tests" / "pages"]
    if (SHARED / "corpus").is_dir():
        roots += [SHARED / "corpus", SHARED / "raw"]
    found = []
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file() and not path.name.endswith((".gold.json", ".md", ".tsv")):
                found.append(path)
    return found


def bare_parse(data: bytes) -> None:
    """What a scraper would do at minimum: one lxml (or json) parse of the bytes."""
    head = data.lstrip()[:1]
    if is_pdf(data):
        bare_pdf(data)
    elif head in (b"{", b"["):
        json.loads(data)
    elif data.lstrip()[:5] == b"<?xml" and b"<html" not in data[:2000].lower():
        try:
            etree.fromstring(data, parser=XML_PARSER)
        except etree.XMLSyntaxError:
            html.document_fromstring(data)
    elif head == b"<":
        html.document_fromstring(data)
    else:
        data.decode("utf-8", "replace").splitlines()


def timed(fn: object, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        best = min(best, time.perf_counter() - start)
    return best


def run_pages(repeat: int) -> dict[str, dict[str, float]]:
    stats: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    coverage: dict[str, list[float]] = defaultdict(list)
    for path in pages():
        data = path.read_bytes()
        try:
            doc = minutes_parser.parse(data)
            adapter = doc.source.adapter
            if doc.coverage is not None:
                coverage[adapter].append(doc.coverage)
        except minutes_parser.ParseError:
            adapter = "(refused)"
        full = timed(lambda data=data: _parse_quiet(data), repeat)
        bare = timed(lambda data=data: bare_parse(data), repeat)
        s = stats[adapter]
        s["pages"] += 1
        s["bytes"] += len(data)
        s["seconds"] += full
        s["bare"] += bare
    for adapter, values in coverage.items():
        stats[adapter]["coverage"] = statistics.mean(values)
    return stats


def _parse_quiet(data: bytes) -> None:
    with contextlib.suppress(minutes_parser.ParseError):
        minutes_parser.parse(data)


def print_table(stats: dict[str, dict[str, float]]) -> None:
    print(
        f"{'adapter':14s} {'pages':>5s} {'MB':>7s} {'pages/s':>8s} {'MB/s':>7s} {'lxml s':>8s} {'ours s':>8s} {'ratio':>6s} {'coverage':>8s}"
    )
    total = defaultdict(float)
    for adapter in sorted(stats):
        s = stats[adapter]
        mb = s["bytes"] / 1e6
        ratio = s["seconds"] / s["bare"] if s["bare"] else float("nan")
        cov = f"{s['coverage']:.3f}" if "coverage" in s else "-"
        print(
            f"{adapter:14s} {int(s['pages']):5d} {mb:7.2f} {s['pages'] / s['seconds']:8.0f} {mb / s['seconds']:7.1f} "
            f"{s['bare']:8.3f} {s['seconds']:8.3f} {ratio:6.2f} {cov:>8s}"
        )
        for key in ("pages", "bytes", "seconds", "bare"):
            total[key] += s[key]
    html_adapters = [a for a in stats if a not in ("text", "legistar-api", "moderngov-xml", "pdf", "(refused)")]
    h_sec = sum(stats[a]["seconds"] for a in html_adapters)
    h_bare = sum(stats[a]["bare"] for a in html_adapters)
    print(
        f"{'ALL':14s} {int(total['pages']):5d} {total['bytes'] / 1e6:7.2f} {total['pages'] / total['seconds']:8.0f} "
        f"{total['bytes'] / 1e6 / total['seconds']:7.1f} {total['bare']:8.3f} {total['seconds']:8.3f} {total['seconds'] / total['bare']:6.2f}"
    )
    if h_bare:
        print(f"HTML pages: full parse / bare lxml parse = {h_sec / h_bare:.2f}x (target <= 2.0x)")
    if "text" in stats:
        t = stats["text"]
        print(f"text captures: {t['bytes'] / 1e6 / t['seconds']:.1f} MB/s (target >= 5 MB/s)")


def pdf_files() -> list[Path]:
    found: list[Path] = []
    for folder in (SHARED / "raw2" / "pdf", SHARED / "corpus" / "pdf"):
        if folder.is_dir():
            found.extend(sorted(folder.glob("*.pdf")))
    return found


def _extract_quiet(data: bytes) -> None:
    with contextlib.suppress(minutes_parser.ParseError):
        extract(data)


def pdf_table(repeat: int) -> None:
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
    pages = size = 0
    bare = layout = full = 0.0
    for path in files:
        data = path.read_bytes()
        pages += bare_pdf(data)
        size += len(data)
        bare += timed(lambda data=data: bare_pdf(data), repeat)
        layout += timed(lambda data=data: _extract_quiet(data), repeat)
        full += timed(lambda data=data: _parse_quiet(data), repeat)
    print(f"\nPDF: {len(files)} files, {pages} pages, {size / 1e6:.1f} MB")
    print(f"{'':24s} {'seconds':>8s} {'pages/s':>8s} {'x bare':>7s}")
    for label, seconds in (("pypdfium2 bare text", bare), ("layout pass (extract)", layout), ("full parse", full)):
        print(f"{label:24s} {seconds:8.3f} {pages / seconds:8.0f} {seconds / bare:7.2f}")
    print(f"full parse / bare extraction = {full / bare:.2f}x (target <= 1.5x)")


def linear_cost(repeat: int) -> None:
    sample = ROOT / "samples" / "anytown_ieListDocuments_cabinet-2025-03-11.html"
    text = sample.read_text(encoding="utf-8")
    start = text.index("<tr>", text.index('id="mgItemTable"'))
    start = text.index("<tr>", start + 1)  # first item row, after the header row
    end = text.index("</table>", start)
    rows = text[start:end]
    print("\nlinear cost (ieListDocuments page with its item rows repeated)")
    print(f"{'copies':>6s} {'MB':>7s} {'seconds':>8s} {'s/MB':>7s} {'items':>6s}")
    per_mb = []
    for copies in (1, 10, 100):
        grown = (text[:start] + rows * copies + text[end:]).encode("utf-8")
        seconds = timed(lambda grown=grown: minutes_parser.parse(grown), max(1, repeat // copies or 1))
        items = len(minutes_parser.parse(grown).items)
        mb = len(grown) / 1e6
        per_mb.append(seconds / mb)
        print(f"{copies:6d} {mb:7.2f} {seconds:8.3f} {seconds / mb:7.3f} {items:6d}")
    print(f"time per MB, largest / smallest: {max(per_mb) / min(per_mb):.2f} (target <= 1.5)")


def import_time() -> None:
    code = "import time; t = time.perf_counter(); import minutes_parser; print((time.perf_counter() - t) * 1000)"
    runs = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
        runs.append(float(out.stdout.strip()))
    print(f"\nimport minutes_parser: {min(runs):.0f} ms best of 5 (target < 150 ms)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="best of N timings per page")
    ap.add_argument("--quick", action="store_true", help="one timing per page")
    args = ap.parse_args()
    repeat = 1 if args.quick else args.repeat
    print_table(run_pages(repeat))
    pdf_table(repeat)
    linear_cost(repeat)
    import_time()
    return 0


if __name__ == "__main__":
    sys.exit(main())
