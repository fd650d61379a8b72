"""PDF text with its layout understood: paragraphs, rows and columns, page by page.

Councils publish minutes and agendas as PDFs more often than as web pages. This
module reads a PDF's text layer with pypdfium2 (the optional extra
``pip install 'minutes-parser[pdf]'``) and returns paragraph-level blocks that
the shared grammar can read, each with the page and line it starts on:

>>> from minutes_parser.pdf import extract, is_pdf
>>> is_pdf(b"%PDF-1.7 ...")
True
>>> text = extract(open("minutes.pdf", "rb").read())       # doctest: +SKIP
>>> block = text.blocks[0]                                   # doctest: +SKIP
>>> block.text, block.page, block.line, block.heading        # doctest: +SKIP
('PLANNING COMMITTEE', 1, 2, True)

The steps (``docs/pdf.md`` explains each):

1. **Lines and segments.** PDFium's own text (one call a page) gives the lines
   in content order; two character boxes a line give their extent, the text
   rectangles (one per run of text) show the wide gaps inside a line, where it
   is cut into segments (table cells, side-by-side text).
2. **Reading order.** Segments are banded by height; bands that share an empty
   vertical gutter form a region. A region whose columns were written one after
   the other (a member list beside the title) is read column by column; one
   written row by row (a table, item numbers in a margin) is read row by row,
   its cells joined by a tab in ``raw``.
3. **Running headers and footers.** Lines near the top or bottom of a page that
   repeat at the same place on other pages (digits ignored, so "Page 2 of 4"
   matches "Page 3 of 4") are dropped, and so are page numbers; both are
   reported in :attr:`PdfText.removed`.
4. **Paragraphs.** A line continues the previous one when it has the same
   style and left edge, follows at line spacing, does not start with a list
   marker, and the previous line ran so close to the right margin that the
   next word could not fit. Hyphenated line ends are rejoined ("recom-" +
   "mendation" gives "recommendation"; "City-" + "Wide" keeps its hyphen).
5. **Hints.** ``heading`` (bold, larger than the body text, or a short line in
   capitals) and ``indent`` (points from the page's left margin).

Errors are :class:`~minutes_parser.ParseError` with what to do: the extra not
installed, no text layer (scanned pages need OCR first), encrypted, damaged.
Pages are loaded and closed one at a time, so memory stays bounded.
"""

from __future__ import annotations

import bisect
import ctypes
import itertools
import math
import re
import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs

from .blocks import clean
from .errors import ParseError
from .inputs import is_pdf

__all__ = ["INSTALL_HINT", "PdfBlock", "PdfText", "Removed", "extract", "is_pdf"]

INSTALL_HINT = "pip install 'minutes-parser[pdf]'"
"""What to install to read PDFs (the optional extra with pypdfium2)."""


MAX_PAGES = 2000
"""Pages read by default. An agenda pack with every report runs to a few hundred
pages; past this a file is read in part, with a warning, so one huge file cannot
hold a worker for minutes."""

# --- no text layer -------------------------------------------------------------
MIN_CHARS_PER_PAGE = 10
"""Fewer non-space characters than this on a page means no text layer there: a
scanned page carries none, a page of drawn glyph outlines none, and a printed page
number or stamp alone is not a text layer. A cancelled-meeting notice of one line
has about 60."""

# --- segments --------------------------------------------------------------------
CELL_GAP = 1.5
"""A horizontal gap wider than this many line heights inside a line separates two
cells or columns. Word spaces are about 0.25 line heights and justified text
stretches them to under 1; tab stops and table columns leave 2 or more."""
SPLIT_TOLERANCE = 0.25
"""How far (line heights) a character may overhang a gap's edge and still count as beside it."""

# --- reading order -----------------------------------------------------------------
ROW_OVERLAP = 0.5
"""Two segments are on one row when their vertical overlap is at least this share
of the smaller one's height (a superscript footnote mark stays on its line)."""
BLOCK_GAP = 0.25
"""A blank strip this many line heights tall separates two blocks of text. Lines of a
paragraph, and of a sidebar beside the agenda, nearly touch (their boxes run from the
font's ascent to its descent); paragraphs and table rows are set further apart."""
REGION_GAP = 2.5
"""Bands further apart than this many line heights never form one region: a
table or a column pair is not continued across a wide blank space."""
TABLE_ALIGNED = 0.5
"""A region written row by row is a table when at least half the lines of its
shortest column line up with another column's; otherwise its content order is
scrambled (some report writers) and the columns are read one after the other."""
ALIGNED_BASELINE = 0.1
"""Cells of one table row share a baseline to within a tenth of a line height; lines of
text boxes side by side (a dense sidebar) fall that close only by chance."""
GUTTER_INTRUSION = 0.25
"""Share of a gutter's width a line may reach into from its side and still continue the
region; a centred line that fills half the gutter does not."""
MAX_DEPTH = 6
"""Nesting of columns inside columns considered; real pages use two levels at most."""

# --- running headers and footers ------------------------------------------------------
EDGE_ZONE = 0.12
"""Running headers and footers sit in the top or bottom 12 % of the page (browser
print lines at 1 %, Legistar and ModernGov footers at 5-9 %); only lines there are compared."""
EDGE_POSITION = 6.0
"""Points a repeated header may move between pages and still be the same header;
a running header is printed at one position, a title that happens to repeat is not."""
REPEAT_SHARE = 0.25
"""A header or footer must repeat on at least this share of the text pages (and on
two pages at least). An agenda pack's minutes carry their own header on only a third
of the file's pages."""

# --- paragraphs -----------------------------------------------------------------------
PITCH_SLACK = 1.3
"""Lines of a paragraph may be this much further apart than the document's usual line
pitch (the lower quartile of the distances between stacked lines): a paragraph break
adds at least a third of a line; double-spaced minutes have a usual pitch of 2."""
PITCH_SAMPLES = 4
"""Stacked line pairs needed to trust the document's usual pitch."""
LINE_PITCH = 1.45
"""Baseline distance (line heights) up to which two lines can be one paragraph when a
document has too few lines to measure its usual pitch."""
EDGE_TOLERANCE = 0.25
"""Line heights two left edges may differ by and still be one edge (kerning, italics);
centred lines of a title differ by more."""
CENTRE_TOLERANCE = 1.0
"""Line heights by which the centres of two lines of a centred title may differ."""
HANGING_INDENT = 10.0
"""Line heights a continuation line may sit right of a list item's marker or label
("1.", "(a)", "05-1101 1.", "PRESENT:"); roll-call minutes hang their text 7.5 lines
in, beside the roll-call number and the item number."""
FIRST_LINE_INDENT = 5.0
"""Line heights a paragraph's first line may be indented beyond the rest."""
CHAR_WIDTH = 0.45
"""Average width of a lower-case letter or digit in line heights (about half an em), to
ask whether the next line's first word would have fitted at the end of this one: if it
would, this line ended its paragraph rather than wrapped."""
CAPS_WIDTH = 0.6
"""Average width of a capital letter in line heights."""
SPACE_WIDTH = 0.25
"""Width of a word space in line heights."""
WRAP_SLACK = 1.5
"""A line ending within this many line heights of the margin always counts as wrapped."""
WRAP_EXTRA = 0.5
"""Line heights added to the estimated width of the next word: the estimate is rough and
the right margin, taken from the line ends, lies a little left of the true one."""
RIGHT_QUANTILE = 0.9
"""The right margin of a column is the 90th percentile of its line ends, so one
over-long line (a URL) does not move it."""
MARGIN_LINES = 3
MARGIN_LINES_SHARE = 0.4
"""Lines (at least 3, and 40 % of the column's) that must end near that percentile for
it to be the margin, as in prose; otherwise (an agenda of one-line items, whose longest
lines end anywhere) the page's left margin mirrored on the right is used."""
MARGIN_SHARE = 0.05
"""The text's left margin is the leftmost edge at least 5 % of the lines start at, so a
stray line in the margin (a roll-call number, a note) does not move it."""
SIZE_TOLERANCE = 0.15
"""Share by which two lines' heights may differ and still be one style."""

# --- hints -----------------------------------------------------------------------------------
HEADING_SIZE = 1.15
"""Text this much larger than the body text is a heading hint."""
HEADING_MAX_CHARS = 160
"""Longer blocks are prose even when bold or in capitals (notices printed in bold)."""
HEADING_MAX_LINES = 3
"""Blocks of more lines are prose, not headings."""
CAPS_MAX_CHARS = 80
"""A line in capitals is a heading hint only when it is short."""
BOLD_WEIGHT = 600
"""Font weights from this (semi-bold) up are bold; PDFium reports 400 for regular text."""
MAX_WEIGHT = 1000
"""Weights above this are not weights (PDFium derives some from the font's stem width)."""
NAME_BUFFER = 256
"""Bytes for a font name; PDF names are at most 127 characters."""
_FORCE_BOLD = 0x40000
"""PDF font descriptor flag 19, ForceBold."""

_LINE_BREAK = re.compile("\r\n|[\r\n\ufffe\u0002]")
# PDFium ends a hyphenated line with U+FFFE (older builds U+0002) in place of "-" and
# joins the next line to it; both are taken as a line break after a hyphen.
_SPACE_RUN = re.compile(r"\s+")
_ALNUM = re.compile(r"[^\W_]")
_LAST_ALNUM = re.compile(r"[^\W_][\W_]*$")
_LIST_MARKER = re.compile(
    r"^(?:[\u00b7\u2022\u25aa\u25cf\u25e6\u2023\u2219\u2013\u2014\uf0b7\uf0a7\uf0d8*-]\s"
    r"|\((?:\d{1,2}|[A-Za-z]|[ivxlcIVXLC]{1,5})\)(?:\s|$)"
    r"|(?:\d{1,3}|[A-Za-z]|[ivxlcIVXLC]{1,5})[.)](?:\s|$)"
    r"|\d{1,3}(?:\.\d{1,3})+\.?\s"
    r"|\d{1,3}[a-z]?\s+[A-Z][A-Z]"
    r"|\d{2,4}-\d{2,5}\s"
    r"|[A-Z][A-Z /&'-]{1,30}:)"
)
"""A line starting like this opens a new paragraph: bullets, "1.", "(a)", "iv)", "5.2",
"2 MINUTES" (a UK item heading), "05-1101" (a roll-call or file number), "AYES:"."""
_INITIAL = re.compile(r"^[A-Z]\.\s+\S")
"""A capital and a dot: a list letter ("B. Minutes"), or an initial or abbreviation inside a
sentence that wrapped ("... between E. 14th and" / "E. 16th Street")."""
_CLAUSE_END = re.compile(r"[.:;!?)]$")
"""A line ending like this may end a paragraph; one ending in a word or a comma runs on."""
_WRAPPED_NUMBER = re.compile(r"^\d{1,4}[.),;]?(?:\s|$)")
"""The digits a line starts with when the line above broke a date or number after its hyphen."""
_LABEL = re.compile(r"^[A-Z][A-Za-z]{0,20}(?: [A-Za-z]{1,20}){0,3}:\s")
"""A label the text hangs from: "Recommendation: Staff recommends ..." wraps under "Staff"."""
_PAGE_NUMBER = re.compile(
    r"^[\-\u2013\u2014|]*\s*(?:(?:page|pg\.?|p\.)\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*[\-\u2013\u2014|]*$",
    re.IGNORECASE,
)
"""A page number alone: "3", "Page 3", "3 of 7", "Page 3/7", "- 3 -" (dashes and spaces never overlap, so linear)."""
_ROMAN_PAGE = re.compile(r"^[\-\u2013\u2014]*\s*[ivxlc]{1,6}\s*[\-\u2013\u2014]*$")
"""A front-matter page number in lower-case roman numerals: "iii", "- iv -"."""
_DIGIT_RUN = re.compile(r"\d+")
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold", re.IGNORECASE)

_lock = threading.Lock()
"""PDFium is not thread-safe: one document at a time per process."""


# ------------------------------------------------------------------------------ records
@attrs.frozen(kw_only=True, slots=True)
class PdfBlock:
    """A paragraph, a heading line or a table row, with where it starts.

    >>> PdfBlock(text="RESOLVED that the minutes be approved.", raw="RESOLVED that the minutes be approved.",
    ...          page=2, line=14).page
    2
    """

    text: str
    """The text, NFC, whitespace collapsed, wrapped lines and hyphenated words rejoined."""
    raw: str
    """The lines as printed, joined by newlines; a table row's cells are separated by a tab."""
    page: int
    """1-based page the block starts on."""
    line: int
    """1-based line on that page, counting every printed line in reading order."""
    heading: bool = False
    """Layout hint: bold, larger than the body text, or a short line in capitals."""
    indent: float = 0.0
    """Points from the document's text left margin to the block's left edge."""
    size: float = 0.0
    """Line height in points (font ascent to descent), a proxy for the font size."""
    bold: bool = False
    """Every line of the block is set in a bold font."""
    cells: int = 1
    """Cells in the first row: more than one for a table row."""
    lines: int = 1
    """Printed lines joined into this block."""


@attrs.frozen(kw_only=True, slots=True)
class Removed:
    """A running header, footer or page number dropped from the text.

    >>> Removed(text="Page 2 of 4", page=2, line=31, reason="page number").reason
    'page number'
    """

    text: str
    """The line as printed (cells joined by spaces)."""
    page: int
    """1-based page."""
    line: int
    """1-based line on that page."""
    reason: str
    """"running header", "running footer" or "page number"."""


@attrs.frozen(kw_only=True, slots=True)
class PdfText:
    """What :func:`extract` read from a PDF.

    >>> PdfText(blocks=(), removed=(), pages=0, page_count=0).text
    ''
    """

    blocks: tuple[PdfBlock, ...]
    """Paragraphs, headings and table rows in reading order."""
    removed: tuple[Removed, ...]
    """Running headers, footers and page numbers dropped, in page order."""
    pages: int
    """Pages read."""
    page_count: int
    """Pages in the file."""
    warnings: tuple[str, ...] = ()
    """What was odd but survived (pages without text, pages not read)."""

    @property
    def text(self) -> str:
        """The blocks' text, one block a line."""
        return "\n".join(block.text for block in self.blocks)


# ------------------------------------------------------------------------------ internals
class _Seg:
    """A run of text on one line between wide gaps, with its box (PDF points, y upwards)."""

    __slots__ = ("bold", "bold_end", "bottom", "h", "hyphen", "raw", "start", "top", "x0", "x1")

    def __init__(
        self,
        raw: str,
        x0: float,
        x1: float,
        bottom: float,
        top: float,
        bold: bool,
        start: int,
        hyphen: bool,
        bold_end: bool | None = None,
    ) -> None:
        self.raw = raw
        self.x0 = x0
        self.x1 = x1
        self.bottom = bottom
        self.top = top
        self.h = max(top - bottom, 0.1)
        self.bold = bold
        """The first letter or digit is set in a bold font."""
        self.bold_end = bold if bold_end is None else bold_end
        """The last letter or digit is set in a bold font (a line may start with a bold label)."""
        self.start = start
        """Index of the first character in PDFium's content order."""
        self.hyphen = hyphen
        """The printed line ends with a hyphen PDFium marked as a word break."""


def _touching_merged(cells: list[_Seg]) -> list[_Seg]:
    """Runs of one line that nearly touch are one cell: a narrow gap is a word space between two
    text objects (a line typeset in pieces), not a table column."""
    out = [cells[0]]
    for cell in cells[1:]:
        prev = out[-1]
        if cell.x0 - prev.x1 >= CELL_GAP * min(prev.h, cell.h):
            out.append(cell)
            continue
        out[-1] = _Seg(
            f"{prev.raw} {cell.raw}", prev.x0, max(prev.x1, cell.x1), min(prev.bottom, cell.bottom), max(prev.top, cell.top),
            prev.bold, prev.start, cell.hyphen, cell.bold_end,
        )
    return out


class _Row:
    """One printed line in reading order: one segment, or several cells of a table row."""

    __slots__ = (
        "bold",
        "bottom",
        "cells",
        "column",
        "h",
        "hyphen",
        "line",
        "mirror",
        "page",
        "raw",
        "right",
        "settled",
        "top",
        "x0",
        "x1",
    )

    def __init__(self, cells: list[_Seg], column: int) -> None:
        self.column = column
        """Which column (leaf of the reading-order cut) the row belongs to."""
        self.page = 0
        self.line = 0
        self.settled = False
        """Whether ``right`` is the column's measured margin (many lines end there) or the
        column beside it; otherwise the document's margin or ``mirror`` is used."""
        self.mirror = 0.0
        """The page's text left margin mirrored on the right."""
        if len(cells) == 1:
            cell = cells[0]
            self.cells = cells
            self.x0, self.x1, self.top, self.bottom, self.h = cell.x0, cell.x1, cell.top, cell.bottom, cell.h
            self.bold, self.hyphen, self.raw = cell.bold, cell.hyphen, cell.raw
            self.right = cell.x1
            return
        cells.sort(key=lambda s: s.x0)
        cells = _touching_merged(cells)
        self.cells = cells
        self.x0 = cells[0].x0
        self.x1 = max(c.x1 for c in cells)
        self.top = max(c.top for c in cells)
        self.bottom = min(c.bottom for c in cells)
        self.h = max(cells, key=lambda c: len(c.raw)).h
        self.bold = all(c.bold for c in cells)
        self.hyphen = cells[-1].hyphen
        self.right = self.x1
        """The right margin of the row's column (set once the page is read)."""
        parts = [cells[0].raw]
        for prev, cell in itertools.pairwise(cells):
            wide = cell.x0 - prev.x1 >= CELL_GAP * min(prev.h, cell.h)
            parts.append("\t" if wide else " ")
            parts.append(cell.raw)
        self.raw = "".join(parts)
        """The printed line: cells joined by a tab where a wide gap separates them."""


class _Page:
    """The rows of one page and its geometry."""

    __slots__ = ("bottom", "height", "number", "rows", "top")

    def __init__(self, number: int, rows: list[_Row], bottom: float, top: float) -> None:
        self.number = number
        self.rows = rows
        self.bottom = bottom
        self.top = top
        self.height = max(top - bottom, 1.0)


def _pdfium() -> tuple[Any, Any]:
    try:
        import pypdfium2
        import pypdfium2.raw as pdfium_c
    except ImportError:
        raise ParseError(f"reading PDF files needs pypdfium2: {INSTALL_HINT}") from None
    return pypdfium2, pdfium_c


_LOAD_ERRORS = {
    2: "the PDF file cannot be opened or is empty",
    3: "the PDF is damaged and cannot be read (its structure is broken or it is cut short)",
    4: "the PDF is encrypted and needs a password; decrypt it first (for example: qpdf --decrypt in.pdf out.pdf)",
    5: "the PDF is encrypted with an unsupported security handler; decrypt it first",
}
"""PDFium's load error codes (FPDF_ERR_*) in words."""


def extract(data: bytes, *, max_pages: int = MAX_PAGES) -> PdfText:
    """Read a PDF's text layer into paragraph-level blocks with their page and line.

    Raises :class:`~minutes_parser.ParseError` when pypdfium2 is not installed
    (the message says ``pip install 'minutes-parser[pdf]'``), when the file is
    encrypted or damaged, and when no page has a text layer (scanned or drawn
    pages: run OCR first). Pages are opened and closed one at a time.

    >>> extract(b"%PDF-1.4 not really")                      # doctest: +SKIP
    Traceback (most recent call last):
    minutes_parser.errors.ParseError: the PDF is damaged and cannot be read ...
    """
    pdfium, pdfium_c = _pdfium()
    warnings: list[str] = []
    with _lock:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            code = getattr(exc, "err_code", None)
            reason = _LOAD_ERRORS.get(code if isinstance(code, int) else 0)
            raise ParseError(reason or f"the PDF cannot be read: {exc}") from None
        try:
            page_count = len(document)
            read = min(page_count, max(1, max_pages))
            pages, textless, scanned = _read_pages(document, pdfium_c, read, warnings)
        finally:
            document.close()
    if page_count == 0:
        raise ParseError("the PDF has no pages")
    if page_count > read:
        warnings.append(f"only the first {read:,} of {page_count:,} pages were read")
    if len(textless) == read:
        raise ParseError(
            f"the PDF has no text layer: its {read} page(s) hold scanned images or drawn glyphs, not text; "
            "run OCR on it first (for example: ocrmypdf in.pdf out.pdf) and parse the result"
        )
    if scanned:
        warnings.append(
            f"page(s) {_ranges(scanned)} have no text layer (scanned images or drawn glyphs); OCR them to read their text"
        )
    removed = _remove_running(pages)
    blocks = _paragraphs(pages)
    return PdfText(
        blocks=tuple(blocks), removed=tuple(removed), pages=read, page_count=page_count, warnings=tuple(warnings)
    )


def _ranges(numbers: list[int]) -> str:
    """ "3, 5-9" for [3, 5, 6, 7, 8, 9]."""
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], -1]:
        if n == prev + 1:
            prev = n
            continue
        out.append(str(start) if start == prev else f"{start}-{prev}")
        start = prev = n
    return ", ".join(out)


def _read_pages(document: Any, c: Any, count: int, warnings: list[str]) -> tuple[list[_Page], list[int], list[int]]:
    """Rows of each page, the pages with (almost) no text, and those of them that hold images or drawings."""
    pages: list[_Page] = []
    textless: list[int] = []
    scanned: list[int] = []
    reader = _TextReader(c)
    for index in range(count):
        number = index + 1
        try:
            page = document[index]
        except Exception as exc:  # one broken page must not lose the others
            warnings.append(f"page {number} could not be read: {exc}")
            textless.append(number)
            continue
        try:
            textpage = page.get_textpage()
            try:
                segs, chars = reader.segments(textpage.raw)
            finally:
                textpage.close()
            if chars < MIN_CHARS_PER_PAGE:
                textless.append(number)
                if c.FPDFPage_CountObjects(page.raw) > 0:  # a blank page is not a scan
                    scanned.append(number)
            if segs:
                left, bottom, right, top = (float(v) for v in page.get_bbox())
                pages.append(_Page(number, _number(_order(segs), number, left, right), bottom, top))
        except Exception as exc:  # a page PDFium cannot lay out is reported, the rest is read
            warnings.append(f"page {number} could not be read: {type(exc).__name__}: {exc}")
        finally:
            page.close()
    return pages, textless, scanned


class _TextReader:
    """Reads one text page into segments with as few PDFium calls as possible.

    Per line: the text comes from one call for the whole page; two loose
    character boxes give the line's extent; the font name of its first
    character, whether it is bold. The page's text rectangles (one per run of
    text in the content stream) show where a line has wide gaps; only such a
    line costs a few more character boxes to find where to cut it.
    """

    def __init__(self, c: Any) -> None:
        self.c = c
        self.rect = c.FS_RECTF()
        self.rect_ref = ctypes.byref(self.rect)
        self.left = ctypes.c_double()
        self.top = ctypes.c_double()
        self.right = ctypes.c_double()
        self.bottom = ctypes.c_double()
        self.flags = ctypes.c_int()
        self.flags_ref = ctypes.byref(self.flags)
        self.name = ctypes.create_string_buffer(NAME_BUFFER)
        self.bold_cache: dict[tuple[bytes, int], bool] = {}

    def _box(self, tp: Any, index: int) -> tuple[float, float, float, float]:
        self.c.FPDFText_GetLooseCharBox(tp, index, self.rect_ref)
        r = self.rect
        return r.left, r.right, r.bottom, r.top

    def _bold(self, tp: Any, index: int) -> bool:
        c = self.c
        c.FPDFText_GetFontInfo(tp, index, self.name, NAME_BUFFER, self.flags_ref)
        key = (self.name.value, self.flags.value)
        cached = self.bold_cache.get(key)
        if cached is None:
            weight = c.FPDFText_GetFontWeight(tp, index)
            cached = bool(
                _BOLD_NAME.search(key[0].decode("latin-1"))
                or key[1] & _FORCE_BOLD
                or BOLD_WEIGHT <= weight <= MAX_WEIGHT
            )
            self.bold_cache[key] = cached
        return cached

    def segments(self, tp: Any) -> tuple[list[_Seg], int]:
        """The page's segments in content order, and its count of non-space characters."""
        c = self.c
        n = c.FPDFText_CountChars(tp)
        if n <= 0:
            return [], 0
        buffer = (ctypes.c_ushort * (n + 1))()
        c.FPDFText_GetText(tp, 0, n, buffer)
        text = ctypes.string_at(buffer, 2 * n).decode("utf-16-le", errors="replace")
        units = _unit_map(text) if len(text) != n else None
        segs: list[_Seg] = []
        chars = 0
        pos = 0
        for match in _LINE_BREAK.finditer(text + "\n"):
            start, end = pos, match.start()
            pos = match.end()
            hyphen = match.group() in ("\ufffe", "\u0002")
            line = text[start:end]
            stripped = line.strip()
            if not stripped:
                continue
            chars += len(stripped) - stripped.count(" ")
            a = start + (len(line) - len(line.lstrip()))
            b = start + len(line.rstrip()) - 1
            raw = text[a : b + 1] + ("-" if hyphen else "")
            segs.extend(self._line(tp, raw, a, b, units, hyphen))
        return segs, chars

    def _line(
        self,
        tp: Any,
        raw: str,
        a: int,
        b: int,
        units: list[int] | None,
        hyphen: bool,
    ) -> list[_Seg]:
        ia, ib = (units[a], units[b]) if units is not None else (a, b)
        box, rect, ref = self.c.FPDFText_GetLooseCharBox, self.rect, self.rect_ref
        box(tp, ia, ref)
        x0, x1, bottom, top = rect.left, rect.right, rect.bottom, rect.top
        h = max(top - bottom, 0.1)
        if ib != ia:
            box(tp, ib, ref)
            x0, x1 = min(x0, rect.left), max(x1, rect.right)
            bottom, top = min(bottom, rect.bottom), max(top, rect.top)
        # The style of the first letter or digit: a bullet's symbol font says nothing.
        found = _ALNUM.search(raw, 0, 8)
        first = found.start() if found else 0
        bold = self._bold(tp, units[a + first] if units is not None else a + first)
        # The runs of text on this line: PDFium's rectangles over its characters, one per text object.
        c = self.c
        runs: list[tuple[float, float]] = []
        bold_end = bold
        count = c.FPDFText_CountRects(tp, ia, ib - ia + 1)
        if count > 1:
            get, cl, ct, cr, cb = c.FPDFText_GetRect, self.left, self.top, self.right, self.bottom
            for k in range(count):
                if get(tp, k, cl, ct, cr, cb):
                    runs.append((cl.value, cr.value))
            runs.sort()
            # One run is one text object in one font; several may change style.
            found = _LAST_ALNUM.search(raw, max(0, len(raw) - 9))
            last = found.start() if found else first
            if last != first:
                bold_end = self._bold(tp, units[a + last] if units is not None else a + last)
        gaps: list[tuple[float, float]] = []
        if len(runs) > 1:
            reach = runs[0][1]
            for left, right in runs[1:]:
                if left - reach >= CELL_GAP * h:
                    gaps.append((reach, left))
                reach = max(reach, right)
        if not gaps:
            return [_Seg(raw, x0, x1, bottom, top, bold, a, hyphen, bold_end)]
        cuts = self._cuts(tp, raw, a, units, gaps, h)
        if not cuts:
            return [_Seg(raw, x0, x1, bottom, top, bold, a, hyphen, bold_end)]
        segs: list[_Seg] = []
        begin = 0
        seg_x0 = x0
        for cut, (gap_left, gap_right), next_bold in cuts:
            piece = raw[begin:cut].rstrip()
            if piece:
                segs.append(_Seg(piece, seg_x0, gap_left, bottom, top, bold, a + begin, False))
            begin = cut + (len(raw[cut:]) - len(raw[cut:].lstrip()))
            seg_x0 = gap_right
            bold = next_bold
        piece = raw[begin:]
        if piece.strip():
            segs.append(_Seg(piece, seg_x0, x1, bottom, top, bold, a + begin, hyphen, bold_end))
        return segs

    def _cuts(
        self,
        tp: Any,
        raw: str,
        a: int,
        units: list[int] | None,
        gaps: list[tuple[float, float]],
        h: float,
    ) -> list[tuple[int, tuple[float, float], bool]]:
        """Where (offsets into ``raw``) the line's wide gaps fall: at the space whose next character starts past the gap."""
        spaces = [m.start() for m in _SPACE_RUN.finditer(raw)]
        cuts: list[tuple[int, tuple[float, float], bool]] = []
        if not spaces:
            return cuts
        lefts: dict[int, float] = {}

        def next_left(k: int) -> float:
            if k not in lefts:
                offset = spaces[k] + (len(raw[spaces[k] :]) - len(raw[spaces[k] :].lstrip()))
                index = a + offset
                lefts[k] = self._box(tp, units[index] if units is not None else index)[0]
            return lefts[k]

        tolerance = SPLIT_TOLERANCE * h
        for gap_left, gap_right in gaps:
            middle = (gap_left + gap_right) / 2
            lo, hi = 0, len(spaces)
            while lo < hi:  # first space whose next character starts right of the gap's middle
                mid = (lo + hi) // 2
                if next_left(mid) > middle:
                    hi = mid
                else:
                    lo = mid + 1
            if lo == len(spaces) or abs(next_left(lo) - gap_right) > tolerance + (gap_right - gap_left) / 2:
                continue
            if cuts and cuts[-1][0] >= spaces[lo]:
                continue
            offset = spaces[lo]
            after = offset + (len(raw[offset:]) - len(raw[offset:].lstrip()))
            index = a + after
            cuts.append((offset, (gap_left, gap_right), self._bold(tp, units[index] if units is not None else index)))
        return cuts


def _unit_map(text: str) -> list[int]:
    """UTF-16 unit index of each character (characters beyond U+FFFF take two units)."""
    out = []
    unit = 0
    for ch in text:
        out.append(unit)
        unit += 2 if ord(ch) > 0xFFFF else 1
    return out


# ------------------------------------------------------------------------------ reading order
def _overlaps(a: _Seg | _Row, b: _Seg | _Row) -> bool:
    """True when two boxes share a row: their vertical overlap covers most of the smaller one."""
    overlap = min(a.top, b.top) - max(a.bottom, b.bottom)
    return overlap >= ROW_OVERLAP * min(a.h, b.h)


def _order(segs: list[_Seg]) -> tuple[list[_Row], dict[int, float]]:
    """The page's segments as rows in reading order, and the right edge of each column
    that has a neighbour on its right (where its lines may wrap)."""
    rows: list[_Row] = []
    bounds: dict[int, float] = {}
    _order_into(segs, rows, 0, [0], None, bounds)
    return rows, bounds


def _order_into(
    segs: list[_Seg], out: list[_Row], depth: int, counter: list[int], bound: float | None, bounds: dict[int, float]
) -> None:
    """Append ``segs`` to ``out`` as rows in reading order (an XY cut).

    The segments are cut at blank horizontal strips into blocks; a block that an
    empty vertical gutter runs through from top to bottom (a sidebar beside the
    agenda, a member list beside the title) is split into columns or read as a
    table. Inside a block without such a gutter, bands of lines that share a
    gutter for a while are found the same way (:func:`_regions`).
    """
    column = counter[0]
    counter[0] += 1
    if bound is not None:
        bounds[column] = bound
    for block, gutters in _regions(_blocks(segs)):
        if len(block) == 1:
            out.append(_Row(block, column))
        elif gutters and depth < MAX_DEPTH:
            _split(block, gutters, out, depth, counter, column, bound, bounds)
        else:  # no gutter through the whole block: look for one through a few of its lines
            for region, region_gutters in _regions(_bands(block)):
                if len(region) == 1:
                    out.append(_Row(region, column))
                elif not region_gutters or depth >= MAX_DEPTH:
                    out.extend(_rows(region, column))
                else:
                    _split(region, region_gutters, out, depth, counter, column, bound, bounds)


def _split(
    region: list[_Seg],
    gutters: list[tuple[float, float]],
    out: list[_Row],
    depth: int,
    counter: list[int],
    column: int,
    bound: float | None,
    bounds: dict[int, float],
) -> None:
    """Read a region cut by gutters as a table (row by row) or as columns side by side."""
    middles = [(left + right) / 2 for left, right in gutters]
    rows = _rows(region, column)
    if len(rows) == 1 or _read_by_rows(region, rows, middles):
        out.extend(rows)
        return
    columns: list[list[_Seg]] = [[] for _ in range(len(middles) + 1)]
    for seg in region:
        columns[_column_of(seg, middles)].append(seg)
    for index, part in enumerate(columns):
        if part:
            right = gutters[index][1] if index < len(gutters) else bound
            _order_into(part, out, depth + 1, counter, right, bounds)


def _blocks(segs: list[_Seg]) -> list[list[_Seg]]:
    """Segments cut into blocks at blank horizontal strips at least ``BLOCK_GAP`` line heights tall, top first."""
    ordered = sorted(segs, key=lambda s: (-s.top, s.x0))
    blocks: list[list[_Seg]] = []
    floor = math.inf
    for seg in ordered:
        if blocks and floor - seg.top < BLOCK_GAP * seg.h:
            blocks[-1].append(seg)
            floor = min(floor, seg.bottom)
        else:
            blocks.append([seg])
            floor = seg.bottom
    return blocks


def _column_of(seg: _Seg, middles: list[float]) -> int:
    return bisect.bisect_left(middles, (seg.x0 + seg.x1) / 2)


def _read_by_rows(region: list[_Seg], rows: list[_Row], middles: list[float]) -> bool:
    """Whether a region cut by gutters is a table (read row by row) or columns side by side.

    A table's cells share their baselines across the columns; text boxes side by
    side (a member list beside the title, a sidebar) each keep their own line
    spacing. The content stream is asked too: a region written one column
    after the other is a table only when every line lines up with another
    column's, since text boxes can line up by chance for a line or two.
    """
    counts: Counter[int] = Counter(_column_of(seg, middles) for seg in region)
    aligned: Counter[int] = Counter()
    for row in rows:
        if len(row.cells) < 2:
            continue
        cols = [_column_of(seg, middles) for seg in row.cells]
        for i, seg in enumerate(row.cells):
            tolerance = ALIGNED_BASELINE * seg.h
            if any(
                cols[j] != cols[i] and abs(other.bottom - seg.bottom) <= tolerance for j, other in enumerate(row.cells)
            ):
                aligned[cols[i]] += 1
    runs = 1
    last = -1
    for seg in sorted(region, key=lambda s: s.start):
        col = _column_of(seg, middles)
        if last >= 0 and col != last:
            runs += 1
        last = col
    shortest = min(counts, key=lambda col: counts[col])
    if runs <= len(counts) + 1:  # written one column after the other (one stray line allowed)
        return aligned[shortest] == counts[shortest]  # labels beside their values ("PRESENT:")
    return aligned[shortest] >= TABLE_ALIGNED * counts[shortest]


def _bands(segs: list[_Seg]) -> list[list[_Seg]]:
    """Segments grouped into horizontal bands: maximal runs that overlap vertically, top first."""
    ordered = sorted(segs, key=lambda s: (-s.top, s.x0))
    bands: list[list[_Seg]] = []
    floor = math.inf
    for seg in ordered:
        if bands and seg.top - floor > 0.05 * seg.h:
            bands[-1].append(seg)
            floor = min(floor, seg.bottom)
        else:
            bands.append([seg])
            floor = seg.bottom
    return bands


def _gutters(segs: list[_Seg], h: float) -> list[tuple[float, float]]:
    """Empty vertical strips at least ``CELL_GAP`` line heights wide between the segments."""
    spans = sorted((s.x0, s.x1) for s in segs)
    out = []
    reach = spans[0][1]
    for left, right in spans[1:]:
        if left - reach >= CELL_GAP * h:
            out.append((reach, left))
        reach = max(reach, right)
    return out


def _respects(gutters: list[tuple[float, float]], segs: list[_Seg], h: float) -> list[tuple[float, float]] | None:
    """The gutters narrowed by ``segs`` when no segment reaches far into one, else None
    (the band does not continue the region). A line may reach a quarter of the way
    into a gutter from its side (a longer name in a member list)."""
    out = []
    for left, right in gutters:
        reach = max(SPLIT_TOLERANCE * h, GUTTER_INTRUSION * (right - left))
        for seg in segs:
            if seg.x1 <= left or seg.x0 >= right:
                continue
            if seg.x0 < left and seg.x1 <= left + reach:
                left = seg.x1
            elif seg.x1 > right and seg.x0 >= right - reach:
                right = seg.x0
            else:
                return None
        if right - left < CELL_GAP * h:
            return None
        out.append((left, right))
    return out


def _regions(units: list[list[_Seg]]) -> Iterator[tuple[list[_Seg], list[tuple[float, float]]]]:
    """Consecutive blocks (or bands) that keep a common empty gutter, with that gutter
    (none for plain text).

    A unit continues a region when no segment of it cuts into the region's
    gutters, and when in one of its columns at least it follows that column's
    last line closely: text that resumes under a short column after a gap (the
    first item under a member list beside a taller title block, a footer under
    both columns) starts a new region, while a sidebar running beside the
    agenda keeps its region however far apart the agenda's own lines are.
    """
    region: list[_Seg] = []
    gutters: list[tuple[float, float]] = []
    floors: dict[int, float] = {}
    for unit in units:
        h = _median_h(unit)
        if region and gutters:
            kept = _respects(gutters, unit, h)
            if kept is not None:
                middles = [(left + right) / 2 for left, right in kept]
                columns = [_column_of(seg, middles) for seg in unit]
                tops: dict[int, float] = {}
                for col, seg in zip(columns, unit, strict=True):
                    tops[col] = max(tops.get(col, -math.inf), seg.top)
                if any(col not in floors or floors[col] - top <= REGION_GAP * h for col, top in tops.items()):
                    region.extend(unit)
                    gutters = kept
                    for col, seg in zip(columns, unit, strict=True):
                        floors[col] = min(floors.get(col, math.inf), seg.bottom)
                    continue
        if region:
            yield region, gutters
        region = list(unit)
        gutters = _gutters(unit, h) if len(unit) > 1 else []
        middles = [(left + right) / 2 for left, right in gutters]
        floors = {}
        for seg in unit:
            col = _column_of(seg, middles)
            floors[col] = min(floors.get(col, math.inf), seg.bottom)
    if region:
        yield region, gutters


def _median_h(segs: list[_Seg]) -> float:
    heights = sorted(s.h for s in segs)
    return heights[len(heights) // 2]


def _rows(segs: list[_Seg], column: int) -> list[_Row]:
    """Segments grouped into rows (top to bottom), cells left to right."""
    ordered = sorted(segs, key=lambda s: -s.top)
    rows: list[list[_Seg]] = []
    for seg in ordered:
        for row in reversed(rows[-3:]):
            if _overlaps(row[0], seg):
                row.append(seg)
                break
        else:
            rows.append([seg])
    return [_Row(cells, column) for cells in rows]


def _number(order: tuple[list[_Row], dict[int, float]], page: int, left: float, right: float) -> list[_Row]:
    """Set each row's page and line, and its column's right margin.

    A column's margin is where its lines end (their 90th percentile) when a few
    lines end there, or the start of the column beside it; a column whose lines
    all end short of it (an agenda of one-line items, a title block) is settled
    later by :func:`_settle_margins`.
    """
    rows, bounds = order
    ends: dict[int, list[float]] = {}
    starts: dict[int, float] = {}
    heights: dict[int, float] = {}
    for line, row in enumerate(rows, start=1):
        row.page = page
        row.line = line
        starts[row.column] = min(starts.get(row.column, row.x0), row.x0)
        if len(row.cells) == 1:
            ends.setdefault(row.column, []).append(row.x1)
            heights[row.column] = max(heights.get(row.column, 0.0), row.h)
    mirrored = right - (min(starts.values(), default=left) - left)
    margins: dict[int, tuple[float, bool]] = {}
    for column, values in ends.items():
        values.sort()
        margin = values[min(len(values) - 1, int(RIGHT_QUANTILE * len(values)))]
        near = sum(1 for value in values if value >= margin - WRAP_SLACK * heights[column])
        margins[column] = (margin, near >= max(MARGIN_LINES, MARGIN_LINES_SHARE * len(values)))
    for row in rows:
        margin, settled = margins.get(row.column, (row.x1, False))
        bound = bounds.get(row.column)
        row.right = max(margin, bound or 0.0)
        row.settled = settled or bound is not None
        row.mirror = mirrored
    return rows


def _settle_margins(rows: list[_Row]) -> None:
    """Give columns without a measured margin the document's usual one (or the mirrored left margin)."""
    settled = sorted(row.right for row in rows if row.settled and len(row.cells) == 1)
    usual = settled[len(settled) // 2] if len(settled) >= MARGIN_LINES else None
    for row in rows:
        if not row.settled:
            fallback = usual if usual is not None and usual > row.x0 else row.mirror
            row.right = max(row.right, fallback)


# ------------------------------------------------------------------------------ running headers
def _key(row: _Row) -> str:
    """A row's text with digits and spacing ignored: "Page 2 of 4" and "Page 3 of 4" match."""
    return _DIGIT_RUN.sub("#", "".join(row.raw.split()).casefold())


def _remove_running(pages: list[_Page]) -> list[Removed]:
    """Drop running headers, footers and page numbers from ``pages``; return what was dropped.

    The first time a running header that looks like a heading is printed, it is
    kept: an agenda pack's minutes start with the title their later pages repeat
    ("AUDIT COMMITTEE / 24 SEPTEMBER 2009").
    """
    body = _body_size([row for page in pages for row in page.rows])
    edge: list[tuple[str, _Page, _Row]] = []
    for page in pages:
        zone = EDGE_ZONE * page.height
        for row in page.rows:
            if row.top >= page.top - zone or row.bottom <= page.bottom + zone:
                edge.append((_key(row), page, row))
    places: dict[str, list[tuple[float, int, _Row]]] = {}
    for key, page, row in edge:
        places.setdefault(key, []).append((row.bottom, page.number, row))
    needed = max(2, math.ceil(REPEAT_SHARE * len(pages)))
    by_number = {page.number: page for page in pages}
    drop: dict[int, str] = {}
    for found in places.values():
        if len({number for _, number, _ in found}) < needed:
            continue
        found.sort(key=lambda item: item[0])
        best: list[tuple[float, int, _Row]] = []
        start = 0
        for end in range(len(found)):  # the largest set printed at one height
            while found[end][0] - found[start][0] > EDGE_POSITION:
                start += 1
            if end - start + 1 > len(best):
                best = found[start : end + 1]
        if len({number for _, number, _ in best}) < needed:
            continue
        seen: set[str] = set()
        for _, number, row in sorted(best, key=lambda item: item[1]):
            page = by_number[number]
            header = row.top >= page.top - EDGE_ZONE * page.height
            text = clean(row.raw)
            if header and text not in seen and _heading_like(text, row, body):
                seen.add(text)
                continue
            drop[id(row)] = "running header" if header else "running footer"
    for _, _page, row in edge:
        if id(row) not in drop:
            text = clean(row.raw)
            if _PAGE_NUMBER.match(text) or _ROMAN_PAGE.match(text):
                drop[id(row)] = "page number"
    removed: list[Removed] = []
    for page in pages:
        kept = []
        for row in page.rows:
            reason = drop.get(id(row))
            if reason is None:
                kept.append(row)
            else:
                removed.append(Removed(text=clean(row.raw), page=page.number, line=row.line, reason=reason))
        page.rows = kept
    return removed


def _heading_like(text: str, row: _Row, body: float) -> bool:
    """Bold, larger than the body text, or a short line in capitals."""
    if row.bold or (body > 0 and row.h >= HEADING_SIZE * body):
        return True
    return len(text) <= CAPS_MAX_CHARS and text.isupper() and sum(ch.isalpha() for ch in text) >= 3


# ------------------------------------------------------------------------------ paragraphs
def _paragraphs(pages: list[_Page]) -> list[PdfBlock]:
    rows = [row for page in pages for row in page.rows]
    if not rows:
        return []
    _settle_margins(rows)
    body = _body_size(rows)
    usual = _usual_pitch(rows)
    pitch = PITCH_SLACK * usual if usual else LINE_PITCH
    margin = _left_margin(rows)
    blocks: list[PdfBlock] = []
    group: list[_Row] = [rows[0]]
    for prev, row in itertools.pairwise(rows):
        if _continues(group, prev, row, pitch):
            group.append(row)
        else:
            blocks.append(_block(group, body, margin))
            group = [row]
    blocks.append(_block(group, body, margin))
    return blocks


def _body_size(rows: list[_Row]) -> float:
    """The line height most of the text is set in (weighted by characters)."""
    weights: Counter[float] = Counter()
    for row in rows:
        weights[round(row.h * 2) / 2] += len(row.raw)
    return weights.most_common(1)[0][0] if weights else 0.0


def _usual_pitch(rows: list[_Row]) -> float:
    """The lower quartile of line pitch (in line heights) between stacked lines: the document's line spacing."""
    ratios = []
    for prev, row in itertools.pairwise(rows):
        if prev.page == row.page and prev.column == row.column and abs(prev.x0 - row.x0) <= EDGE_TOLERANCE * prev.h:
            pitch = (prev.bottom - row.bottom) / prev.h
            if 0 < pitch < 4:
                ratios.append(pitch)
    if len(ratios) < PITCH_SAMPLES:
        return 0.0
    ratios.sort()
    return ratios[len(ratios) // 4]


def _left_margin(rows: list[_Row]) -> float:
    """The text's left edge: the leftmost edge shared by a few lines (else the leftmost)."""
    if not rows:
        return 0.0
    edges = Counter(round(row.x0 / 2) for row in rows)
    needed = max(2, math.ceil(MARGIN_SHARE * len(rows)))
    shared = [edge for edge, count in edges.items() if count >= needed]
    return 2.0 * min(shared) if shared else min(row.x0 for row in rows)


def _first_word(text: str) -> str:
    stripped = text.lstrip()
    end = stripped.find(" ")
    return stripped if end < 0 else stripped[:end]


def _continues(group: list[_Row], prev: _Row, row: _Row, pitch: float) -> bool:
    """True when ``row`` continues the paragraph ``group`` whose last line is ``prev``."""
    if prev.hyphen and len(row.cells) == 1 and row.page == prev.page and row.cells[0].start > prev.cells[-1].start:
        return True  # PDFium found these two lines joined by a hyphenated word
    if len(row.cells) != 1:
        return False
    h = prev.h
    if abs(row.h - h) > SIZE_TOLERANCE * h:
        return False
    if row.page == prev.page:
        if row.column != prev.column:
            return False
        step = prev.bottom - row.bottom
        if step <= 0 or step > pitch * h:
            return False
    elif row.page != prev.page + 1:
        return False
    text = row.cells[0].raw
    before = prev.cells[-1].raw.rstrip()
    if before[-2:-1].isdigit() and before.endswith("-") and _WRAPPED_NUMBER.match(text):
        return True  # a date or number broken after its hyphen: "submitted 1-11-" / "99."
    if (_LIST_MARKER.match(text) and not (_INITIAL.match(text) and not _CLAUSE_END.search(before))) or _LABEL.match(text):
        return False
    # The left edge: under one of the previous line's cells, or a hanging or first-line indent.
    tolerance = EDGE_TOLERANCE * h
    under = [i for i, cell in enumerate(prev.cells) if abs(row.x0 - cell.x0) <= tolerance]
    cell = prev.cells[under[-1] if under else -1]
    if cell.bold_end != row.cells[0].bold:
        return False  # the style changes: a bold title's plain first line of text
    anchor = group[0].cells
    if not under and len(anchor) > 1 and row.x0 > anchor[-2].x1:
        centre = (anchor[-1].x0 + anchor[-1].x1) / 2
        if abs((row.x0 + row.x1) / 2 - centre) <= CENTRE_TOLERANCE * h:
            return True  # a centred title wrapping in its table column (Legistar agendas)
    target = prev.cells[-1].x0
    word = _first_word(text)
    width = max(SPACE_WIDTH + sum(CAPS_WIDTH if ch.isupper() else CHAR_WIDTH for ch in word) + WRAP_EXTRA, WRAP_SLACK)
    if under:
        index = under[-1]
        if index < len(prev.cells) - 1:  # a table cell's text wraps before the next column
            room = prev.cells[index + 1].x0 - CELL_GAP * h - prev.cells[index].x1
            return room <= width * h
    elif len(group) > 1:
        return False
    else:
        marker = _LIST_MARKER.match(prev.cells[-1].raw) is not None or _LABEL.match(prev.cells[-1].raw) is not None
        if not (
            (marker and target < row.x0 <= target + HANGING_INDENT * h)
            or (
                len(prev.cells) == 1
                and target - FIRST_LINE_INDENT * h <= row.x0 < target
                and row.x1 <= prev.x1 + tolerance  # centred lines widen on both sides
            )
        ):
            return False
    # The previous line must have run to the margin: the next word would not have fitted.
    return max(prev.right, prev.x1) - prev.x1 <= width * h


def _append(text: str, nxt: str) -> str:
    """Join a wrapped line to the text before it.

    A line ending in a hyphen after a letter, followed by a lower-case letter,
    is a word broken at the margin: "recom-" + "mendation". Before a capital or
    a digit the hyphen is part of the word: "City-" + "Wide", "1-11-" + "99".
    """
    text = text.rstrip()
    nxt = nxt.lstrip()
    if text.endswith(("-", "\u00ad")) and len(text) > 1 and text[-2].isalnum() and nxt[:1].isalnum():
        if (text[-2].isalpha() and nxt[:1].islower()) or text.endswith("\u00ad"):
            return text[:-1] + nxt
        return text + nxt
    return f"{text} {nxt}" if text else nxt


def _join(rows: list[_Row]) -> tuple[str, str]:
    """The block's raw text (lines joined by newlines) and its rejoined text; a line
    under one of a table row's cells continues that cell."""
    first = rows[0]
    cells = [cell.raw for cell in first.cells]
    for row in rows[1:]:
        index = min(range(len(first.cells)), key=lambda i: abs(first.cells[i].x0 - row.x0))
        cells[index] = _append(cells[index], row.raw)
    return "\n".join(row.raw for row in rows), " ".join(cells)


def _block(rows: list[_Row], body: float, margin: float) -> PdfBlock:
    first = rows[0]
    raw, joined = _join(rows)
    text = clean(joined)
    bold = all(row.bold for row in rows)
    heading = (
        len(rows) <= HEADING_MAX_LINES
        and len(text) <= HEADING_MAX_CHARS
        and len(first.cells) == 1
        and (bold or _heading_like(text, first, body))
    )
    return PdfBlock(
        text=text,
        raw=raw,
        page=first.page,
        line=first.line,
        heading=heading,
        indent=round(first.x0 - margin, 1),
        size=round(first.h, 1),
        bold=bold,
        cells=len(first.cells),
        lines=len(rows),
    )
