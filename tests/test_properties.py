"""Hypothesis properties: any input gives a Document or a ParseError, nothing else."""

from __future__ import annotations

from conftest import CORPUS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import minutes_parser
from minutes_parser import Document, ParseError

SEED_TEXT = (CORPUS / "seeds" / "bradford_issue-history_ofsted-monitoring.txt").read_bytes()
LINES = SEED_TEXT.decode("utf-8").splitlines()


def _outcome(source: bytes | str) -> object:
    try:
        return minutes_parser.parse(source)
    except ParseError as exc:
        return exc


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_any_text_gives_document_or_parse_error(text: str) -> None:
    assert isinstance(_outcome(text), Document | ParseError)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_give_document_or_parse_error(data: bytes) -> None:
    assert isinstance(_outcome(data), Document | ParseError)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([*LINES, "", "RESOLVED –", "(1)", "ACTION:", "Minutes:", "Decision:"]), max_size=80))
def test_shuffled_seed_lines_give_document_or_parse_error(lines: list[str]) -> None:
    result = _outcome("\n".join(lines))
    assert isinstance(result, Document | ParseError)
    if isinstance(result, Document):
        assert Document.from_dict(result.to_dict()) == result


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED_TEXT)))
def test_truncated_seed_parses_what_it_has(cut: int) -> None:
    assert isinstance(_outcome(SEED_TEXT[:cut]), Document | ParseError)
