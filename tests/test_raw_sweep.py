"""Every real file in ../shared/raw and ../shared/raw2 parses or is refused cleanly.

A file gives a Document, or a ParseError / UnrecognizedPage whose message says
what was wrong; an InternalError (a bug in the parser) fails the test. PDFs are
covered with the PDF adapter's own tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import NO_RAW, RAW, RAW2, params_or_skip

import minutes_parser


def _files(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and p.name != "MANIFEST.tsv" and p.suffix.lower() != ".pdf")


FILES = _files(RAW) + _files(RAW2)
IDS = [f"{p.parent.parent.name}/{p.parent.name}/{p.name}" for p in FILES]


@pytest.mark.parametrize(
    "path", params_or_skip(FILES, IDS, "../shared/raw and ../shared/raw2 are not beside this clone")
)
def test_raw_file_parses_or_is_refused_cleanly(path: Path) -> None:
    try:
        doc = minutes_parser.parse(path)
    except minutes_parser.InternalError:
        raise
    except minutes_parser.ParseError as exc:  # UnrecognizedPage included
        assert str(exc).strip(), f"{type(exc).__name__} with an empty message"
        return
    assert isinstance(doc, minutes_parser.Document)
    assert doc.source.adapter


def test_every_moderngov_xml_answer_parses_to_a_document() -> None:
    answers = [p for p in _files(RAW) if p.parent.name == "moderngov-xml"]
    if not answers:
        pytest.skip(NO_RAW)
    assert len(answers) >= 55
    for path in answers:
        if path.read_bytes().lstrip()[:9].lower() == b"<!doctype":
            # leeds_GetCouncillorsByWard_1.xml is the HTML error page the service
            # returned, saved under an .xml name: refused, not parsed.
            with pytest.raises(minutes_parser.UnrecognizedPage):
                minutes_parser.parse(path)
            continue
        doc = minutes_parser.parse(path)
        assert doc.source.adapter == "moderngov-xml", path
        assert doc.meetings or doc.people or doc.bodies or doc.items, path
