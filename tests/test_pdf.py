"""PDF input: the layout pass (minutes_parser.pdf) and the pdf adapter.

The first half builds small PDFs with fpdf2 from minutes the project wrote (a
fictional council), placing every line itself, so each assertion checks a fact
of the document: where a line was printed, what repeats on every page, which
word was hyphenated at the margin. The second half reads the real PDFs in
``../shared`` when they are there.
"""

from __future__ import annotations

import functools
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from scaling import assert_linear

import minutes_parser
from minutes_parser import ParseError, cli
from minutes_parser.pdf import INSTALL_HINT, extract, is_pdf

fpdf = pytest.importorskip("fpdf", reason="fpdf2 (test extra) writes the test PDFs")
pytest.importorskip("pypdfium2", reason="pypdfium2 (the pdf extra) reads PDFs")

SHARED = Path(__file__).resolve().parents[2] / "shared"
MM = 72 / 25.4  # points per millimetre

COUNCIL_HEADER = "Eastmere Borough Council - Planning Committee"
PRINTED = "Printed 15/03/2024 from https://democracy.eastmere.example/ieListDocuments"
MEMBERS = [
    "Councillor A. Patel (Chair)",
    "Councillor R. Osei (Vice-Chair)",
    "Councillor J. Lindqvist",
    "Councillor M. Byrne",
    "Councillor S. Haddad",
]
TITLE_LINES = ["MINUTES", "PLANNING COMMITTEE", "Thursday 14 March 2024", "7.00 pm", "Council Chamber, Town Hall"]
REPORT = (
    "The Committee considered the report of the Head of Planning on the application for twelve homes "
    "on land at Mill Lane, together with a new access from Mill Lane and the landscaping of the former "
    "orchard. Members asked about the width of the access, the loss of two oak trees and the drainage "
    "of the site, and discussed the officer's recommendation to grant permission at some length before "
    "a vote was taken on the conditions proposed in the report and the update sheet."
)
HYPHENATED = "recommendation"
VOTES = [
    ("A. Patel", "For"),
    ("R. Osei", "For"),
    ("J. Lindqvist", "Against"),
    ("M. Byrne", "For"),
    ("S. Haddad", "Against"),
]
RESOLVED_MINUTES = "RESOLVED that the minutes of the meeting held on 8 February 2024 be approved as a correct record."
RESOLVED_PERMISSION = "RESOLVED that planning permission be granted subject to the conditions set out in the report."
SUB_CLAUSE = "(a) a condition on the hours of construction work;"
SUB_INDENT_MM = 10


@dataclass
class Line:
    """A line the test printed: its page, its line on the page in reading order, and its text."""

    page: int
    line: int
    text: str


@dataclass
class Minutes:
    """A PDF written by the tests, with what was printed where."""

    data: bytes
    pages: int
    lines: list[Line] = field(default_factory=list)
    report_lines: list[str] = field(default_factory=list)

    def find(self, text: str) -> Line:
        return next(line for line in self.lines if line.text == text)


class _Writer:
    """Prints lines with fpdf2 at positions it chooses, counting rows in reading order."""

    LEFT = 20.0  # mm
    RIGHT = 190.0
    TOP = 30.0
    LEADING = 5.5

    def __init__(self, pages: int) -> None:
        self.pdf = fpdf.FPDF(unit="mm", format="A4")
        self.pdf.set_auto_page_break(False)
        self.total = pages
        self.page = 0
        self.row = 0
        self.y = self.TOP
        self.lines: list[Line] = []

    def new_page(self) -> None:
        self.pdf.add_page()
        self.page += 1
        self.row = 0
        self.font(8)
        self.put(self.LEFT, 12, COUNCIL_HEADER)  # running header, same place every page
        self.y = self.TOP

    def finish_page(self) -> None:
        self.font(8)
        self.put(95, 283, f"Page {self.page} of {self.total}")
        self.put(self.LEFT, 289, PRINTED)

    def font(self, size: float, bold: bool = False) -> None:
        self.pdf.set_font("Helvetica", style="B" if bold else "", size=size)

    def put(self, x: float, y: float, text: str) -> Line:
        self.pdf.text(x, y, text)
        self.row += 1
        line = Line(self.page, self.row, text)
        self.lines.append(line)
        return line

    def wrap(self, text: str, width: float, bold: bool = False) -> list[str]:
        """``text`` wrapped greedily at ``width`` mm, breaking HYPHENATED after its fifth letter when
        it does not fit whole but its first syllable does, as a word processor does."""
        self.font(10, bold)
        out: list[str] = []
        current = ""
        for word in text.split():
            trial = f"{current} {word}".strip()
            if self.pdf.get_string_width(trial) <= width:
                current = trial
                continue
            head = f"{current} {word[:5]}-"
            if word.strip(".,") == HYPHENATED and self.pdf.get_string_width(head) <= width:
                out.append(head)
                current = word[5:]
                continue
            out.append(current)
            current = word
        out.append(current)
        return out

    def para(self, text: str, *, bold: bool = False, x: float | None = None, gap: float = 3.0) -> list[str]:
        """Print ``text`` wrapped at the right margin; returns the printed lines."""
        left = self.LEFT if x is None else x
        lines = self.wrap(text, self.RIGHT - left, bold)
        for text_line in lines:
            self.put(left, self.y, text_line)
            self.y += self.LEADING
        self.y += gap
        return lines


def build_minutes() -> Minutes:
    """Three pages of minutes of a fictional council's planning committee."""
    w = _Writer(pages=3)
    # A measure at which the report's HYPHENATED breaks across two lines, for the whole document.
    w.RIGHT = next(
        right / 4
        for right in range(int(w.RIGHT * 4), int(w.RIGHT * 4) - 160, -1)
        if any(line.endswith(f"{HYPHENATED[:5]}-") for line in w.wrap(REPORT, right / 4 - w.LEFT))
    )
    w.new_page()
    # Two columns side by side: the members on the left, the title block on the right,
    # written one after the other (as text boxes are) and with different line spacing.
    w.font(10)
    for index, name in enumerate(MEMBERS):
        w.put(w.LEFT, 30 + index * 5.0, name)
    for index, text in enumerate(TITLE_LINES):
        w.font(14 if index < 2 else 11, bold=index < 2)
        w.put(120, 31.5 + index * 7.3, text)
    w.y = 72
    w.para("1. Apologies for absence", bold=True)
    w.para("Apologies were received from Councillor T. Greaves.")
    w.para("2. Declarations of interest", bold=True)
    w.para("No declarations of interest were made.")
    w.para("3. Minutes of the previous meeting", bold=True)
    w.para(RESOLVED_MINUTES)
    w.finish_page()

    w.new_page()
    w.para("4. Land at Mill Lane, Eastmere (24/0117/FUL)", bold=True)
    report_lines = w.para(REPORT)
    w.para("Moved by Councillor A. Patel, seconded by Councillor R. Osei.")
    w.para(RESOLVED_PERMISSION, gap=1)
    w.para(SUB_CLAUSE, x=w.LEFT + SUB_INDENT_MM)
    w.para("Motion carried 5-2.")
    # A table written row by row: name and vote on one baseline.
    w.font(10, bold=True)
    w.pdf.text(30, w.y, "Councillor")
    w.put(110, w.y, "Vote")
    w.y += w.LEADING
    w.font(10)
    for name, vote in VOTES:
        w.pdf.text(30, w.y, name)
        w.put(110, w.y, vote)
        w.lines[-1].text = f"{name}\t{vote}"
        w.y += w.LEADING
    w.finish_page()

    w.new_page()
    w.para("5. Planning appeals update", bold=True)
    w.para("The Committee received the quarterly report on planning appeals lodged and decided.")
    w.para("RESOLVED that the update be noted.")
    w.para("6. Date of next meeting", bold=True)
    w.para("The next meeting will be held on Thursday 11 April 2024 at 7.00 pm.")
    w.para("The meeting ended at 8.42 pm.")
    w.finish_page()
    assert any(line.endswith(f"{HYPHENATED[:5]}-") for line in report_lines), "the writer hyphenated no word"
    return Minutes(data=bytes(w.pdf.output()), pages=3, lines=w.lines, report_lines=report_lines)


@functools.cache
def _minutes() -> Minutes:
    return build_minutes()


@pytest.fixture(scope="module")
def minutes() -> Minutes:
    return _minutes()


@pytest.fixture(scope="module")
def layout(minutes: Minutes) -> minutes_parser.pdf.PdfText:
    return extract(minutes.data)


def _block_with(layout: minutes_parser.pdf.PdfText, start: str) -> minutes_parser.pdf.PdfBlock:
    return next(b for b in layout.blocks if b.text.startswith(start))


# ------------------------------------------------------------------ layout facts
def test_is_pdf(minutes: Minutes) -> None:
    assert is_pdf(minutes.data)
    assert is_pdf(b"\r\n\x00junk before the header %PDF-1.4\n")
    assert not is_pdf(b"<html><body>Minutes</body></html>")


def test_pages_counted(layout: minutes_parser.pdf.PdfText, minutes: Minutes) -> None:
    assert (layout.pages, layout.page_count) == (minutes.pages, minutes.pages)
    assert layout.warnings == ()


def test_running_header_and_footers_removed_and_reported(layout: minutes_parser.pdf.PdfText) -> None:
    removed = {(r.page, r.text) for r in layout.removed}
    for page in (1, 2, 3):
        assert (page, COUNCIL_HEADER) in removed
        assert (page, f"Page {page} of 3") in removed
        assert (page, PRINTED) in removed
    assert {r.reason for r in layout.removed} <= {"running header", "running footer", "page number"}
    header = next(r for r in layout.removed if r.text == COUNCIL_HEADER)
    assert (header.reason, header.line) == ("running header", 1)
    for block in layout.blocks:
        assert COUNCIL_HEADER not in block.text
        assert not re.search(r"Page \d of 3", block.text)
        assert "Printed 15/03/2024" not in block.text


def test_wrapped_paragraph_is_one_block_with_hyphen_rejoined(
    layout: minutes_parser.pdf.PdfText, minutes: Minutes
) -> None:
    block = _block_with(layout, "The Committee considered the report")
    assert block.text == REPORT
    assert block.lines == len(minutes.report_lines)
    assert "officer's recommendation" in block.text
    assert "recom-" not in block.text
    assert "recom-\nmendation" in block.raw  # the raw text keeps the printed lines
    assert block.raw.split("\n") == minutes.report_lines


def test_page_and_line_provenance(layout: minutes_parser.pdf.PdfText, minutes: Minutes) -> None:
    for text in (RESOLVED_PERMISSION, RESOLVED_MINUTES, "RESOLVED that the update be noted.", "4. Land at Mill Lane"):
        printed = next(line for line in minutes.lines if text.startswith(line.text) or line.text.startswith(text))
        block = _block_with(layout, text)
        assert (block.page, block.line) == (printed.page, printed.line), text


def test_columns_not_interleaved(layout: minutes_parser.pdf.PdfText) -> None:
    texts = [b.text for b in layout.blocks]
    member_blocks = [i for i, t in enumerate(texts) if any(name in t for name in MEMBERS)]
    title_blocks = [i for i, t in enumerate(texts) if any(line == t for line in TITLE_LINES)]
    assert len(title_blocks) == len(TITLE_LINES)  # each title line is a block of its own
    for i in member_blocks:
        assert not any(line in texts[i] for line in TITLE_LINES)
    # Each column is read through before the other starts, its lines in order.
    assert member_blocks == list(range(member_blocks[0], member_blocks[-1] + 1))
    assert title_blocks == list(range(title_blocks[0], title_blocks[-1] + 1))
    assert max(member_blocks) < min(title_blocks) or max(title_blocks) < min(member_blocks)
    assert " ".join(texts[i] for i in member_blocks) == " ".join(MEMBERS)
    assert [texts[i] for i in title_blocks] == TITLE_LINES


def test_table_rows_kept_as_rows(layout: minutes_parser.pdf.PdfText) -> None:
    rows = {b.raw: b for b in layout.blocks if "\t" in b.raw}
    for name, vote in VOTES:
        block = rows[f"{name}\t{vote}"]
        assert block.text == f"{name} {vote}"
        assert block.cells == 2
    assert "Councillor\tVote" in rows


def test_headings_and_indent(layout: minutes_parser.pdf.PdfText) -> None:
    assert _block_with(layout, "4. Land at Mill Lane").heading
    assert _block_with(layout, "PLANNING COMMITTEE").heading
    assert not _block_with(layout, "The Committee considered the report").heading
    body = _block_with(layout, "Moved by Councillor A. Patel")
    sub = _block_with(layout, SUB_CLAUSE)
    assert body.indent == pytest.approx(0, abs=1)
    assert sub.indent - body.indent == pytest.approx(SUB_INDENT_MM * MM, abs=1)


def test_text_is_clean(layout: minutes_parser.pdf.PdfText) -> None:
    for block in layout.blocks:
        assert block.text == " ".join(block.text.split())
        assert block.page >= 1 and block.line >= 1


def test_max_pages(minutes: Minutes) -> None:
    first = extract(minutes.data, max_pages=1)
    assert (first.pages, first.page_count) == (1, 3)
    assert any("first 1 of 3 pages" in w for w in first.warnings)
    assert all(b.page == 1 for b in first.blocks)


# ------------------------------------------------------------------ parse() and the CLI
def test_parse_returns_items(minutes: Minutes) -> None:
    doc = minutes_parser.parse(minutes.data)
    assert doc.source.adapter == "pdf"
    assert doc.items
    printed = {"1", "2", "3", "4", "5", "6"}
    assert {item.number for item in doc.items if item.number} <= printed
    resolutions = " ".join(c.text for item in doc.items for c in item.resolutions)
    assert "the update be noted" in resolutions


def test_parse_path_and_cli_walk_pdf_files(
    minutes: Minutes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "agendas" / "planning-2024-03-14.pdf"
    path.parent.mkdir()
    path.write_bytes(minutes.data)
    assert minutes_parser.parse(path).source.adapter == "pdf"
    with pytest.raises(minutes_parser.UnrecognizedPage, match=r"pathlib\.Path"):
        minutes_parser.parse(str(path))  # a str is the page's text; the refusal says how to pass a file
    assert cli.main(["parse", str(tmp_path), "--format", "jsonl"]) == 0
    out = capsys.readouterr().out
    assert str(path) in out and '"adapter": "pdf"' in out


def test_blocks_carry_page(minutes: Minutes) -> None:
    from minutes_parser.adapters.pdf import PdfAdapter
    from minutes_parser.decode import Page

    blocks, _ = PdfAdapter().blocks(Page(minutes.data))
    resolved = next(b for b in blocks if b.text.startswith(RESOLVED_PERMISSION))
    assert resolved.page == 2
    assert {b.kind for b in blocks} <= {"heading", "para"}


# ------------------------------------------------------------------ errors
def _drawing_only(pages: int = 1) -> bytes:
    pdf = fpdf.FPDF(unit="mm", format="A4")
    for _ in range(pages):
        pdf.add_page()
        pdf.rect(20, 20, 120, 40, style="F")  # glyph outlines or a scan: no text
        pdf.line(20, 80, 180, 80)
    return bytes(pdf.output())


def test_no_text_layer_asks_for_ocr() -> None:
    with pytest.raises(ParseError, match=r"no text layer.*OCR"):
        minutes_parser.parse(_drawing_only(2))


def test_page_without_text_is_reported(minutes: Minutes) -> None:
    pdf = fpdf.FPDF(unit="mm", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 30, "1. Apologies for absence")
    pdf.text(20, 40, "RESOLVED that the report be noted.")
    pdf.add_page()
    pdf.rect(20, 20, 120, 40, style="F")
    result = extract(bytes(pdf.output()))
    assert any("page(s) 2" in w and "OCR" in w for w in result.warnings)


def test_encrypted_pdf_says_so() -> None:
    from fpdf.enums import EncryptionMethod

    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 30, "Exempt minutes")
    pdf.set_encryption(owner_password="clerk", user_password="members", encryption_method=EncryptionMethod.RC4)
    with pytest.raises(ParseError, match="encrypted"):
        minutes_parser.parse(bytes(pdf.output()))


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", b"%PDF-", b"%PDF-1.4\n" + b"\x00" * 300],
    ids=["garbage", "header-only", "zeros"],
)
def test_damaged_pdf_says_so(data: bytes) -> None:
    with pytest.raises(ParseError, match=r"damaged|cannot be opened|no pages"):
        minutes_parser.parse(data)


def test_truncated_pdf_parses_or_says_why(minutes: Minutes) -> None:
    for cut in (len(minutes.data) // 3, len(minutes.data) // 2, len(minutes.data) - 40):
        try:
            minutes_parser.parse(minutes.data[:cut])
        except ParseError as exc:
            assert re.search("damaged|no text layer|cannot be opened|no pages", str(exc)), exc


def test_missing_extra_names_the_install(minutes: Minutes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    monkeypatch.setitem(sys.modules, "pypdfium2.raw", None)
    with pytest.raises(ParseError) as info:
        minutes_parser.parse(minutes.data)
    assert INSTALL_HINT in str(info.value)
    assert INSTALL_HINT == "pip install 'minutes-parser[pdf]'"


def test_core_imports_without_pypdfium2() -> None:
    code = (
        "import sys; sys.modules['pypdfium2'] = None; sys.modules['pypdfium2.raw'] = None\n"
        "import minutes_parser\n"
        "doc = minutes_parser.parse(b'Agenda item\\n\\nBudget\\n\\nRESOLVED that the report be noted.\\n')\n"
        "print(doc.items[0].resolutions[0].text)\n"
        "try:\n"
        "    minutes_parser.parse(b'%PDF-1.7 ...')\n"
        "except minutes_parser.ParseError as exc:\n"
        "    print(exc)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "that the report be noted." in out
    assert INSTALL_HINT in out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(cuts=[(0, b"x")])  # found by the fuzzer: the header itself overwritten
@given(
    cuts=st.lists(st.tuples(st.integers(min_value=0), st.binary(min_size=0, max_size=16)), min_size=1, max_size=4),
)
def test_mutated_pdf_gives_a_document_or_a_parse_error(cuts: list[tuple[int, bytes]]) -> None:
    data = _minutes().data
    for where, junk in cuts:
        where %= len(data)
        data = data[:where] + junk + data[where + len(junk) :]
    try:
        doc = minutes_parser.parse(data)
    except minutes_parser.UnrecognizedPage:
        assert not is_pdf(data)  # the mutation hit the "%PDF-" header: no longer a PDF
    except ParseError as exc:
        assert CLEAR_ERRORS.search(str(exc)), str(exc)
    else:
        assert isinstance(doc, minutes_parser.Document)


@pytest.mark.parametrize(
    "name", ["_LIST_MARKER", "_LABEL", "_PAGE_NUMBER", "_ROMAN_PAGE", "_LAST_ALNUM", "_ALNUM", "_BOLD_NAME"]
)
def test_layout_patterns_run_in_linear_time(name: str) -> None:
    pattern = getattr(minutes_parser.pdf, name)
    for head, unit, tail in (("", "- ", "x"), ("", " ", "x"), ("", "1.", ""), ("", "A", ":"), ("", "i", "!")):

        def run(text: str) -> None:
            pattern.search(text)
            pattern.match(text)

        assert_linear(lambda n, head=head, unit=unit, tail=tail: head + unit * n + tail, run, 2_000, f"{name} on {unit!r}")


# ------------------------------------------------------------------ real PDFs in ../shared
CLEAR_ERRORS = re.compile(r"no text layer|encrypted|damaged|cannot be opened|no pages")


def _shared_pdfs() -> list[Path]:
    found = []
    for folder in (SHARED / "raw2" / "pdf", SHARED / "corpus" / "pdf"):
        if folder.is_dir():
            found.extend(sorted(folder.glob("*.pdf")))
    return found


def _without_text_layer() -> set[str]:
    """The PDFs MANIFEST.tsv describes as having no text layer."""
    manifest = SHARED / "raw2" / "MANIFEST.tsv"
    names = set()
    if manifest.is_file():
        for row in manifest.read_text(encoding="utf-8").splitlines()[1:]:
            cells = row.split("\t")
            if cells[0].endswith(".pdf") and "no text layer" in cells[-1].lower():
                names.add(Path(cells[0]).name)
    return names


SHARED_PDFS = _shared_pdfs()
NO_TEXT = _without_text_layer()
needs_shared = pytest.mark.skipif(
    not SHARED_PDFS, reason="../shared/raw2/pdf and ../shared/corpus/pdf are not beside this clone"
)


@needs_shared
def test_manifest_names_four_pdfs_without_text() -> None:
    assert len(NO_TEXT) == 4
    assert {p.name for p in SHARED_PDFS} >= NO_TEXT


@needs_shared
@pytest.mark.parametrize("path", SHARED_PDFS, ids=[p.name for p in SHARED_PDFS])
def test_real_pdf_parses_or_gets_a_clear_error(path: Path) -> None:
    try:
        doc = minutes_parser.parse(path)
    except ParseError as exc:
        assert CLEAR_ERRORS.search(str(exc)), str(exc)
        assert path.name in NO_TEXT, f"{path.name} refused: {exc}"
        assert "OCR" in str(exc)
        return
    assert path.name not in NO_TEXT
    assert doc.source.adapter == "pdf"


@needs_shared
@pytest.mark.parametrize(
    ("name", "footer"),
    [
        # From ../shared/corpus/pdf/NOTES.md: running headers and footers each file prints.
        ("hermosa-beach-city-council_agenda_1.pdf", "Printed on 1/6/2023"),
        ("merton-audit-committee_agenda-pack-with-minutes_1.pdf", "All minutes are draft until agreed"),
        ("cuyahoga-county-board-of-health_agenda_1.pdf", "Cuyahoga County Board of Health - AGENDA - April 24, 2019"),
    ],
)
def test_real_running_footers_removed(name: str, footer: str) -> None:
    path = SHARED / "corpus" / "pdf" / name
    if not path.is_file():
        pytest.skip(f"{name} is not in ../shared/corpus/pdf")
    result = extract(path.read_bytes())
    assert any(footer in r.text for r in result.removed)
    assert not any(footer in b.text for b in result.blocks)


@needs_shared
def test_real_pages_and_lines_are_in_range() -> None:
    for path in SHARED_PDFS:
        if path.name in NO_TEXT:
            continue
        result = extract(path.read_bytes())
        for block in result.blocks:
            assert 1 <= block.page <= result.pages, path.name
            assert block.line >= 1, path.name
        pages = [b.page for b in result.blocks]
        assert pages == sorted(pages), path.name  # reading order goes page by page
