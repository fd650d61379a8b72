"""Issue 11: flat records, DataFrames, files and a database, the JSON Schema, vocabularies, ids, merging."""

from __future__ import annotations

import builtins
import csv
import json
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from conftest import PAGES, ROOT, SAMPLES, SHARED

import minutes_parser
from minutes_parser import ids, registry, vocab
from minutes_parser.cli import main
from minutes_parser.schema import dumps, json_schema, markdown_table, shipped_schema
from minutes_parser.tables import TABLES

WYVERN = PAGES / "wyvernvale"
URLS: dict[str, str] = dict(
    line.split("\t") for line in (WYVERN / "urls.tsv").read_text(encoding="utf-8").splitlines()[1:] if line
)
CORPUS = SHARED / "corpus"
NO_CORPUS = "the labelled corpus ../shared/corpus is not beside this checkout"
PARENTS = {"document_id": "pages", "meeting_id": "meetings", "item_id": "items"}


def _wyvern() -> list[minutes_parser.Document]:
    return [minutes_parser.parse(WYVERN / name, url=url) for name, url in URLS.items()]


def _corpus_docs() -> list[minutes_parser.Document]:
    if not CORPUS.is_dir():
        pytest.skip(NO_CORPUS)
    docs = []
    for gold in sorted(CORPUS.rglob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        pages = [p for p in gold.parent.glob(stem + ".*") if not p.name.endswith(".gold.json")]
        if len(pages) != 1:
            continue
        try:
            docs.append(minutes_parser.parse(pages[0].read_bytes(), url=json.loads(gold.read_text("utf-8")).get("url")))
        except minutes_parser.UnrecognizedPage:
            continue
    return docs


def _orphans(tables: dict[str, list[dict[str, Any]]]) -> list[str]:
    known = {name: {row["id"] for row in rows} for name, rows in tables.items()}
    problems = []
    for name, rows in tables.items():
        for row in rows:
            for column, parent in PARENTS.items():
                value = row.get(column)
                if value is not None and value not in known[parent]:
                    problems.append(f"{name} {row['id']}: {column} {value} not in {parent}")
    return problems


# ---------------------------------------------------------------- records
def test_records_of_constructed_pages_join_and_say_where_they_came_from() -> None:
    tables = minutes_parser.records(_wyvern())
    assert set(tables) == set(TABLES)
    assert _orphans(tables) == []
    assert len(tables["pages"]) == 4
    # One row per id: the Cabinet meeting is on three pages, the decision's item on three.
    assert Counter(r["body"] for r in tables["meetings"]) == {"Cabinet": 1, "Planning Committee": 1}
    waste = [r for r in tables["items"] if r["title"] == "Waste Collection Service Review"]
    assert [r["id"] for r in waste] == [
        "democracy.wyvernvale.gov.uk/item/9002",
        "democracy.wyvernvale.gov.uk/decision/1201",
    ]
    first = waste[0]
    assert (first["system_id"], first["issue_id"], first["meeting_date"]) == ("9002", "3100", "2025-03-04")
    res = [r for r in tables["resolutions"] if r["item_id"] == first["id"]]
    assert [(r["label"], r["position"]) for r in res] == [("1", 1), ("2", 2)]
    assert all(r["line"] and r["council"] == "Wyvern Vale District Council" and r["council_named"] for r in res)
    assert {r["site"] for r in tables["pages"]} == {"democracy.wyvernvale.gov.uk"}
    attendance = {r["name"]: (r["attendance"], r["attendance_text"]) for r in tables["attendance"]}
    assert attendance["Councillor Rhys Pell"] in {
        ("remote", "Attended remotely"),
        ("substitute", "Present as substitute"),
    }
    assert attendance["Councillor David Okafor"] == ("apologies", "Apologies")
    votes = tables["votes"]
    assert [(v["for_count"], v["against_count"], v["outcome"]) for v in votes] == [(7, 2, "carried")]


def test_records_and_dataframes_over_the_corpus() -> None:
    pytest.importorskip("pandas")
    docs = _corpus_docs()
    tables = minutes_parser.records(docs)
    assert _orphans(tables) == []
    for name, rows in tables.items():
        assert len({r["id"] for r in rows}) == len(rows), name
        assert all(r["id"] for r in rows), name
    assert len(tables["pages"]) == len({ids.document_id(d) for d in docs})
    frames = minutes_parser.to_dataframes(tables)
    assert {name: len(frame) for name, frame in frames.items()} == {name: len(rows) for name, rows in tables.items()}
    meetings = frames["meetings"]
    assert str(meetings["date"].dtype).startswith("datetime64")
    assert list(meetings["status"].cat.categories)[: len(vocab.MEETING_STATUS)] == list(vocab.MEETING_STATUS)
    assert str(frames["votes"]["outcome"].dtype) == "category"
    assert str(frames["items"]["resolution_count"].dtype) == "Int64"


def test_to_dataframes_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real = builtins.__import__

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "pandas" or name.startswith("pandas."):
            raise ImportError("No module named 'pandas'")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pandas)
    monkeypatch.delitem(__import__("sys").modules, "pandas", raising=False)
    with pytest.raises(ImportError, match=r"pip install 'minutes-parser\[pandas\]'") as caught:
        minutes_parser.to_dataframes([])
    assert not isinstance(caught.value, minutes_parser.ParseError)


# ---------------------------------------------------------------- vocabularies
@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("Confirmed; Special Meeting", "confirmed"),
        ("confirmed; special meeting", "confirmed"),
        ("Cancelled", "cancelled"),
        ("Moved from 9th October 2018", "moved"),
        ("Postponed", "postponed"),
        ("Deferred", "postponed"),
        ("Final", "confirmed"),
        ("Adjourned to 5 May", "adjourned"),
        ("Provisional", "tentative"),
        ("Meeting held", "held"),
        ("Special", None),
    ],
)
def test_meeting_status_vocabulary(words: str, value: str | None) -> None:
    assert vocab.meeting_status(words) == value


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("Present, as expected", "present"),
        ("In attendance", "in attendance"),
        ("Apologies", "apologies"),
        ("Apologies, sent substitute", "apologies"),
        ("Absent", "absent"),
        ("Present as substitute", "substitute"),
        ("Attended remotely", "remote"),
        ("Expected", None),
    ],
)
def test_attendance_vocabulary(words: str, value: str | None) -> None:
    assert vocab.attendance(words) == value


@pytest.mark.parametrize(
    ("words", "value"),
    [("CARRIED UNANIMOUSLY", "carried"), ("Pass", "carried"), ("LOST", "lost"), ("Motion not carried", "lost"),
     ("Withdrawn", "withdrawn"), ("Deferred to the next meeting", "deferred"), ("Tied vote", "tied")],
)  # fmt: skip
def test_vote_result_vocabulary(words: str, value: str) -> None:
    assert vocab.vote_result(words) == value


def test_every_adapter_page_kind_is_in_the_vocabulary() -> None:
    kinds = {kind for adapter in registry.adapters() for kind in adapter.page_kinds}
    assert kinds <= set(vocab.PAGE_KINDS), kinds - set(vocab.PAGE_KINDS)


def test_normalise_keeps_the_words_and_is_idempotent() -> None:
    doc = minutes_parser.parse(SAMPLES / "anytown_ieListDocuments_cabinet-2025-03-11.html")
    again = vocab.normalise(doc)
    assert again == doc
    assert doc.meetings[0].status == "confirmed" and doc.meetings[0].status_text


# ---------------------------------------------------------------- ids
@pytest.mark.parametrize(
    ("url", "found"),
    [
        ("https://x.gov.uk/ieListDocuments.aspx?CId=140&MId=5001&Ver=4", {"committee": "140", "meeting": "5001"}),
        ("http://x.gov.uk/ieListDocuments.aspx?CId=296&MeetingId=5301", {"committee": "296", "meeting": "5301"}),
        ("https://x.gov.uk/mgAi.aspx?ID=9002", {"item": "9002"}),
        ("https://x.gov.uk/ieDecisionDetails.aspx?AIId=18509", {"item": "18509"}),
        ("https://x.gov.uk/ieDecisionDetails.aspx?Id=10450", {"decision": "10450"}),
        ("https://x.gov.uk/Internet/mgDecisionDetails.aspx?IId=55042&Opt=1", {"issue": "55042"}),
        ("https://x.legistar.com/MeetingDetail.aspx?ID=123&GUID=AB", {"meeting": "123"}),
        ("https://x.legistar.com/LegislationDetail.aspx?ID=77&GUID=CD", {"issue": "77"}),
        ("https://x.infocouncil.biz/Open/2019/12/CO_20191210_MIN_2164.htm", {"meeting": "CO_20191210"}),
        ("https://x.gov.uk/news/article", {}),
    ],
)
def test_system_ids_from_urls(url: str, found: dict[str, str]) -> None:
    assert ids.url_ids(url) == found


def test_ids_are_deterministic_and_follow_the_recipe() -> None:
    first, second = _wyvern(), _wyvern()
    assert [i.id for d in first for i in d.items] == [i.id for d in second for i in d.items]
    meeting = first[0].meetings[0]
    assert (meeting.id, meeting.system_id, meeting.committee_id) == (
        "democracy.wyvernvale.gov.uk/meeting/5001",
        "5001",
        "140",
    )
    issue = first[2]
    assert issue.items[0].meeting is not None and issue.items[0].meeting.system_id == "5001"
    decision = first[3].items[0]
    assert (decision.decision_id, decision.id) == ("1201", "democracy.wyvernvale.gov.uk/decision/1201")
    apologies = first[0].items[0]
    assert apologies.id == "democracy.wyvernvale.gov.uk/meeting/5001/item/45"


def test_meeting_url_built_from_web_service_ids() -> None:
    if not CORPUS.is_dir():
        pytest.skip(NO_CORPUS)
    doc = minutes_parser.parse(CORPUS / "moderngov-xml" / "gloucester_GetMeeting_7837_1.xml")
    assert doc.meetings[0].url == "https://democracy.gloucester.gov.uk/ieListDocuments.aspx?MId=7837"
    assert doc.source.site == "democracy.gloucester.gov.uk"


def test_legistar_api_ids_are_kept() -> None:
    if not CORPUS.is_dir():
        pytest.skip(NO_CORPUS)
    items = minutes_parser.parse(CORPUS / "legistar-api" / "nyc_eventitems_1.json").items
    assert [(i.system_id, i.issue_id) for i in items] == [("79416", "20629"), ("84616", "20629")]
    assert len({i.id for i in items}) == 2


# ---------------------------------------------------------------- merge
def test_one_decision_on_three_pages_merges_into_one_record() -> None:
    merged = minutes_parser.merge(_wyvern())
    waste = [r for r in merged.items if r.record.title == "Waste Collection Service Review"]
    assert len(waste) == 1
    item = waste[0]
    assert sorted(s.page_kind for s in item.sources) == ["decision", "issue_history", "meeting"]
    assert item.record.system_id == "9002" and item.record.decision_id == "1201" and item.record.issue_id == "3100"
    assert item.record.reasons and item.record.minutes and len(item.record.documents) == 2  # fullest fields
    assert [d.field for d in item.disagreements] == ["summary"]  # purpose vs report summary
    resolutions = [r for r in merged.resolutions if r.parent == item.id]
    assert [len(r.sources) for r in resolutions] == [3, 3]
    cabinet = [m for m in merged.meetings if m.record.body == "Cabinet"]
    assert len(cabinet) == 1 and len(cabinet[0].sources) == 3 and item.parent == cabinet[0].id


def test_merge_keeps_different_decisions_apart() -> None:
    merged = minutes_parser.merge(_wyvern())
    titles = Counter(r.record.title for r in merged.items)
    assert max(titles.values()) == 1 and len(titles) == 4


# ---------------------------------------------------------------- JSON Schema
def test_shipped_schema_is_the_generated_one() -> None:
    generated = json_schema()
    assert shipped_schema() == generated, (
        "models changed: run python -m minutes_parser.schema > minutes_parser/schema.json"
    )
    assert (ROOT / "minutes_parser" / "schema.json").read_text(encoding="utf-8") == dumps()


def test_schema_follows_a_model_change(monkeypatch: pytest.MonkeyPatch) -> None:
    """The generated schema (and so the equality test above) changes when a field's documentation does."""
    from minutes_parser import schema

    docs = dict(schema.field_docs())
    docs[("Clause", "text")] = "changed"
    monkeypatch.setattr(schema, "field_docs", lambda: docs)
    assert schema.json_schema() != shipped_schema()


def test_every_output_validates_against_the_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    validator = jsonschema.Draft202012Validator(json_schema(), format_checker=jsonschema.FormatChecker())
    docs = [*_wyvern(), *_corpus_docs()]
    failures = [f"{d.source.url}: {e.message}" for d in docs for e in validator.iter_errors(d.to_dict())]
    assert failures == []
    bad = docs[0].to_dict()
    bad["meetings"][0]["status"] = "Confirmed; Special Meeting"
    assert not validator.is_valid(bad)


def test_readme_field_table_is_generated() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- fields:start -->\n", 1)[1].split("<!-- fields:end -->", 1)[0]
    assert block == markdown_table()


# ---------------------------------------------------------------- interchange
def _validator(name: str) -> Any:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).parent / "schemas" / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def test_open_civic_data_events_validate() -> None:
    validator = _validator("ocd-event.json")
    docs = [*_wyvern(), *_corpus_docs()]
    events = minutes_parser.to_ocd_events(docs)
    assert [f"{e['id']}: {err.message}" for e in events for err in validator.iter_errors(e)] == []
    cabinet = next(e for e in events if e["id"] == "democracy.wyvernvale.gov.uk/meeting/5001")
    assert cabinet["status"] == "passed" and len(cabinet["sources"]) == 3
    waste = next(a for a in cabinet["agenda"] if a["description"] == "Waste Collection Service Review")
    assert waste["related_entities"][0]["id"] == "3100" and len(waste["media"]) == 2


def test_popolo_motions_and_vote_events_validate() -> None:
    motions_v, events_v = _validator("popolo-motion.json"), _validator("popolo-vote-event.json")
    out = minutes_parser.to_popolo([*_wyvern(), *_corpus_docs()])
    assert [e.message for m in out["motions"] for e in motions_v.iter_errors(m)] == []
    assert [e.message for v in out["vote_events"] for e in events_v.iter_errors(v)] == []
    planning = next(v for v in out["vote_events"] if v["motion_id"].startswith("democracy.wyvernvale.gov.uk/item/9107"))
    assert planning["result"] == "pass" and {c["option"]: c["value"] for c in planning["counts"]}["yes"] == 7


# ---------------------------------------------------------------- parse_many with URLs
def test_parse_many_takes_pairs_and_mappings() -> None:
    pairs = [(WYVERN / name, url) for name, url in URLS.items()]
    from_pairs = [r.document.source.url for r in minutes_parser.parse_many(pairs) if r.document]
    assert from_pairs == list(URLS.values())
    by_url = {url: (WYVERN / name).read_bytes() for name, url in URLS.items()}
    results = list(minutes_parser.parse_many(by_url))
    assert [r.url for r in results] == list(URLS.values())
    assert [r.document.meetings[0].system_id for r in results[:2] if r.document] == ["5001", "5034"]
    by_path = {WYVERN / name: url for name, url in URLS.items()}
    assert [r.url for r in minutes_parser.parse_many(by_path)] == list(URLS.values())
    with pytest.raises(TypeError, match="two parts"):
        list(minutes_parser.parse_many([(b"x", "u", "extra")]))  # type: ignore[list-item]


# ---------------------------------------------------------------- command line
def test_cli_sqlite_joins_searches_and_appends_without_duplicates(tmp_path: Path) -> None:
    db = tmp_path / "minutes.db"
    cabinet = WYVERN / "ieListDocuments_cabinet-4-mar-2025.html"
    url = URLS[cabinet.name]
    assert main(["parse", str(cabinet), "--url", url, "--format", "sqlite", "--out", str(db)]) == 0
    with sqlite3.connect(db) as con:
        first = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}
        joined = con.execute(
            "SELECT m.body, m.date, r.text FROM resolutions r JOIN meetings m ON m.id = r.meeting_id ORDER BY r.position"
        ).fetchall()
        found = con.execute(
            "SELECT r.id FROM resolutions_fts f JOIN resolutions r ON r.rowid = f.rowid WHERE resolutions_fts MATCH 'collection AND schedule'"
        ).fetchall()
        keys = con.execute('SELECT "table", "from" FROM pragma_foreign_key_list(\'resolutions\')').fetchall()
    assert joined[0][:2] == ("Cabinet", "2025-03-04") and "collection schedule" in joined[0][2]
    assert found == [("democracy.wyvernvale.gov.uk/item/9002/res/1",)]
    assert set(keys) == {("pages", "document_id"), ("meetings", "meeting_id"), ("items", "item_id")}
    # A second run over the same page and one more adds only the new page's rows.
    planning = WYVERN / "ieListDocuments_planning-8-apr-2025.html"
    assert main(["parse", str(cabinet), "--url", url, "--format", "sqlite", "--out", str(db)]) == 0
    assert main(["parse", str(planning), "--url", URLS[planning.name], "--format", "sqlite", "--out", str(db)]) == 0
    with sqlite3.connect(db) as con:
        second = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in TABLES}
        fts = con.execute("SELECT count(*) FROM resolutions_fts WHERE resolutions_fts MATCH 'collection'").fetchone()[0]
        con.execute("PRAGMA foreign_keys = ON")
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert second["pages"] == first["pages"] + 1 and second["meetings"] == first["meetings"] + 1
    assert second["resolutions"] == first["resolutions"] + 2 and fts == 1  # indexed once, not once per run


def test_cli_csv_and_parquet_folders(tmp_path: Path) -> None:
    assert main(["parse", str(WYVERN), "--format", "csv", "--out", str(tmp_path / "csv")]) == 0
    with open(tmp_path / "csv" / "resolutions.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [c.name for c in TABLES["resolutions"]]
    # Four pages of two resolutions each, read without URLs: the meeting and issue pages still link the
    # item's AIId (9002), so their resolutions share ids and are one row each.
    assert len(rows) == 6 and sum(r["item_id"] == "local/item/9002" for r in rows) == 2
    pytest.importorskip("pyarrow")
    pandas = pytest.importorskip("pandas")
    assert main(["parse", str(WYVERN), "--format", "parquet", "--out", str(tmp_path / "pq")]) == 0
    frame = pandas.read_parquet(tmp_path / "pq" / "meetings.parquet")
    assert str(frame["date"].dtype).startswith("datetime64") and len(frame) >= 2


def test_cli_table_formats_need_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(WYVERN), "--format", "csv"]) == 2
    assert "--out" in capsys.readouterr().err


# ---------------------------------------------------------------- examples in docstrings
@pytest.mark.parametrize(
    "module",
    ["vocab", "ids", "council", "finish", "tables", "schema", "export", "reconcile", "interchange", "batch"],
)
def test_docstring_examples(module: str) -> None:
    import doctest
    import importlib

    if module in ("tables", "export", "interchange"):
        pytest.importorskip("pandas")
        pytest.importorskip("pyarrow")
    result = doctest.testmod(importlib.import_module(f"minutes_parser.{module}"), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0
