"""Hypothesis properties: any input gives a Document or a clean ParseError, never an internal error.

Every Document must also serialise to JSON that encodes as UTF-8 and read
back equal through ``Document.from_dict``; ``url=`` varies, including URLs
that cannot be parsed, and text includes lone surrogates.
"""

from __future__ import annotations

import json

from conftest import SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import minutes_parser
from minutes_parser import Document, InternalError, ParseError

SEED_TEXT = (SAMPLES / "anytown_issue-history_library-opening-hours.txt").read_bytes()
"""A ModernGov "Issue - meetings" text capture the project wrote (samples/)."""
LINES = SEED_TEXT.decode("utf-8").splitlines()
SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

URLS = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "https://democracy.example.gov.uk/ieListDocuments.aspx?CId=1&MId=2",
            "https://democracy.example.gov.uk/mgAi.aspx?ID=5",
            "https://example.legistar.com/Calendar.aspx",
            "https://webapi.legistar.com/v1/nyc/events",
            "http://[::1",
            "http://[x/report.pdf",
            "",
            "not a url at all",
            "https://\uff03/x",
        ]
    ),
    st.text(max_size=60),
)
# Text with lone surrogates mixed in (st.text() never draws them by itself).
SURROGATE_TEXT = st.lists(
    st.one_of(st.text(max_size=40), st.sampled_from(["\ud800", "\udc80", "\udfff", "RESOLVED that ", "\n"])),
    max_size=30,
).map("".join)


def outcome(source: bytes | str, url: str | None = None) -> Document | ParseError:
    """Parse; a ParseError is an answer, an InternalError is a failed test."""
    try:
        doc = minutes_parser.parse(source, url=url)
    except InternalError:
        raise
    except ParseError as exc:
        return exc
    check_document(doc)
    return doc


def check_document(doc: Document) -> None:
    """The document writes as UTF-8 JSON and reads back equal."""
    text = doc.to_json()
    text.encode("utf-8")
    assert Document.from_dict(json.loads(text)) == doc


@SETTINGS
@given(text=st.text(max_size=2000), url=URLS)
def test_any_text_gives_document_or_parse_error(text: str, url: str | None) -> None:
    assert isinstance(outcome(text, url), Document | ParseError)


@SETTINGS
@given(text=SURROGATE_TEXT, url=URLS)
def test_text_with_lone_surrogates(text: str, url: str | None) -> None:
    result = outcome("Agenda item\n\nBudget\n\n" + text, url)
    assert isinstance(result, Document | ParseError)


@SETTINGS
@given(data=st.binary(max_size=2000), url=URLS)
def test_any_bytes_give_document_or_parse_error(data: bytes, url: str | None) -> None:
    assert isinstance(outcome(data, url), Document | ParseError)


@settings(max_examples=100, deadline=None)
@given(
    lines=st.lists(st.sampled_from([*LINES, "", "RESOLVED –", "(1)", "ACTION:", "Minutes:", "Decision:"]), max_size=80),
    url=URLS,
)
def test_shuffled_seed_lines_give_document_or_parse_error(lines: list[str], url: str | None) -> None:
    assert isinstance(outcome("\n".join(lines), url), Document | ParseError)


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED_TEXT)))
def test_truncated_seed_parses_what_it_has(cut: int) -> None:
    assert isinstance(outcome(SEED_TEXT[:cut]), Document | ParseError)


@settings(max_examples=100, deadline=None)
@given(
    value=st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=20),
        lambda c: (
            st.lists(c, max_size=4)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "EventId",
                        "EventItems",
                        "EventBodyName",
                        "EventDate",
                        "MatterId",
                        "EventItemId",
                        "EventItemMatterAttachments",
                        "x",
                    ]
                ),
                c,
                max_size=5,
            )
        ),
        max_leaves=20,
    )
)
def test_json_of_any_shape_through_the_legistar_adapter(value: object) -> None:
    page = json.dumps(value).encode()
    assert isinstance(outcome(page), Document | ParseError)
    try:
        check_document(minutes_parser.parse(page, adapter="legistar-api"))
    except InternalError:
        raise
    except ParseError:
        pass
