"""Records serialise to the contract's shape and read back."""

from __future__ import annotations

import datetime as dt
import json

import attrs
import pytest
from conftest import PAGES, SAMPLES, corpus_pairs, gold_pairs

import minutes_parser
from minutes_parser import AgendaItem, Clause, Document, Meeting


def test_to_dict_has_contract_keys() -> None:
    doc = minutes_parser.parse(SAMPLES / "anytown_issue-history_library-opening-hours.txt")
    data = doc.to_dict()
    assert data["schema"] == "minutes-parser/1"
    assert set(data["source"]) >= {"url", "adapter", "page_kind"}
    assert {"title", "meetings", "items", "warnings"} <= set(data)
    item = data["items"][0]
    assert {
        "number",
        "title",
        "meeting",
        "summary",
        "recommendations",
        "resolutions",
        "actions",
        "contacts",
        "documents",
        "minutes",
    } <= set(item)
    assert {k: item["meeting"][k] for k in ("body", "date")} == {"body": "Cabinet", "date": "2025-03-11"}
    assert set(item["resolutions"][0]) >= {"label", "text"}
    assert set(item["contacts"][0]) >= {"name", "role", "phone", "email"}
    assert set(item["documents"][0]) >= {"title", "url", "format", "size_bytes"}
    json.dumps(data)


def test_round_trip_every_corpus_page() -> None:
    # The labelled corpus in ../shared (when beside this clone), the project's own pages and the samples.
    own = [page for _, page in gold_pairs(PAGES)] + sorted(p for p in SAMPLES.iterdir() if p.suffix != ".md")
    for page in [page for _, page in corpus_pairs()] + own:
        try:
            doc = minutes_parser.parse(page)
        except minutes_parser.ParseError:
            continue
        again = Document.from_dict(json.loads(doc.to_json()))
        assert again == doc, page


def test_records_are_frozen_and_slotted() -> None:
    clause = Clause(label="1", text="x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        clause.text = "y"  # type: ignore[misc]
    assert not hasattr(clause, "__dict__")


def test_dates_serialise_iso() -> None:
    meeting = Meeting(body="Cabinet", date=dt.date(2020, 1, 7))
    assert meeting.to_dict()["date"] == "2020-01-07"
    assert Meeting.from_dict(meeting.to_dict()) == meeting
    item = AgendaItem(title="t")
    assert AgendaItem.from_dict(item.to_dict()) == item


def test_source_as_bytes_text_or_path() -> None:
    path = SAMPLES / "anytown_issue-history_library-opening-hours.txt"
    by_path = minutes_parser.parse(path).to_dict()
    assert minutes_parser.parse(path.read_bytes()).to_dict() == by_path
    assert minutes_parser.parse(path.read_text(encoding="utf-8")).to_dict() == by_path


def test_a_str_naming_a_file_is_text_and_the_refusal_says_to_pass_a_path() -> None:
    path = SAMPLES / "anytown_issue-history_library-opening-hours.txt"
    with pytest.raises(minutes_parser.UnrecognizedPage, match=r"pass pathlib\.Path"):
        minutes_parser.parse(str(path))
