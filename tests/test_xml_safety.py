"""Web-service XML is parsed safely: no entity expansion, no file or network access."""

from __future__ import annotations

from pathlib import Path

import pytest
from scaling import assert_linear

import minutes_parser
from minutes_parser import Document, InternalError, ParseError


def _outcome(data: bytes) -> object:
    try:
        return minutes_parser.parse(data, url="https://example.gov.uk/mgWebService.asmx/GetMeeting")
    except InternalError:
        raise  # a bug, not an answer
    except ParseError as exc:
        return exc


def test_external_entity_reads_no_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    payload = (
        f'<?xml version="1.0"?><!DOCTYPE meeting [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<meeting><meetingid>1</meetingid><meetinglocation>&xxe;</meetinglocation>"
        "<agendaitems><agendaitem><agendaitemtitle>&xxe;</agendaitemtitle></agendaitem></agendaitems></meeting>"
    ).encode()
    result = _outcome(payload)
    assert isinstance(result, Document | ParseError)
    assert "TOP-SECRET-CONTENT" not in (result.to_json() if isinstance(result, Document) else str(result))


def test_billion_laughs_is_not_expanded() -> None:
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    payload = (
        f'<?xml version="1.0"?><!DOCTYPE meeting [{entities}]>'
        "<meeting><meetingid>1</meetingid><meetinglocation>&lol9;</meetinglocation></meeting>"
    ).encode()
    result = _outcome(payload)  # entities are never expanded: nothing a billion copies long is built
    assert isinstance(result, Document | ParseError)
    if isinstance(result, Document):
        assert len(result.to_json()) < 10_000


def test_fifty_megabyte_answer_is_handled() -> None:
    item = (
        "<agendaitem><agendaitemtitle>Item</agendaitemtitle><fulldisplaynumberformat>1.</fulldisplaynumberformat>"
        "<agendatext>&lt;p&gt;" + "x" * 4000 + "&lt;/p&gt;</agendatext></agendaitem>"
    )

    def payload(count: int) -> bytes:
        return ("<?xml version='1.0'?><meeting><meetingid>1</meetingid><agendaitems>" + item * count + "</agendaitems></meeting>").encode()

    count = 50 * 1024 * 1024 // len(item) + 1
    assert len(payload(count)) >= 50 * 1024 * 1024
    assert isinstance(_outcome(payload(count)), Document | ParseError)
    assert_linear(payload, _outcome, count // 50, "web-service agenda items")  # 1 MB against 10 MB


def test_oversized_page_is_refused() -> None:
    with pytest.raises(ParseError, match="limit"):
        minutes_parser.parse(b"<meeting>" + b" " * (minutes_parser.MAX_BYTES + 1))


def _payloads(secret: Path) -> dict[str, bytes]:
    """The same external entity through each way markup reaches the library."""
    decl = f'<!DOCTYPE page [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    return {
        "service-xml": (
            f'<?xml version="1.0"?>{decl.replace("page", "meeting")}'
            "<meeting><meetingid>1</meetingid><meetinglocation>&xxe;</meetinglocation>"
            "<agendaitems><agendaitem><agendaitemtitle>&xxe;</agendaitemtitle></agendaitem></agendaitems></meeting>"
        ).encode(),
        "xhtml": (
            f'<?xml version="1.0"?>{decl.replace("page", "html")}<html xmlns="http://www.w3.org/1999/xhtml"><body>'
            "<h1>Agenda item</h1><h2>&xxe;</h2><p>RESOLVED that &xxe; be noted.</p></body></html>"
        ).encode(),
        "html": (
            f"{decl.replace('page', 'html')}<html><body><div id='modgov'><h1>Agenda item</h1><h2>&xxe;</h2>"
            "<p>RESOLVED that &xxe; be noted.</p></div></body></html>"
        ).encode(),
        "legistar-xml": (
            f'<?xml version="1.0"?>{decl.replace("page", "ArrayOfGranicusEvent")}<ArrayOfGranicusEvent>'
            "<GranicusEvent><EventId>1</EventId><EventBodyName>&xxe;</EventBodyName><EventDate>2024-01-01T00:00:00</EventDate>"
            "<EventLocation>&xxe;</EventLocation></GranicusEvent></ArrayOfGranicusEvent>"
        ).encode(),
    }


@pytest.mark.parametrize("adapter", [None, *minutes_parser.adapter_names()])
@pytest.mark.parametrize("form", ["service-xml", "xhtml", "html", "legistar-xml"])
def test_external_entities_are_inert_on_every_adapter_path(tmp_path: Path, adapter: str | None, form: str) -> None:
    # A file-based marker: if any path (detection, parse, explain) expanded the entity, it would show.
    secret = tmp_path / "marker.txt"
    secret.write_text("FILE-MARKER-7d1f", encoding="utf-8")
    data = _payloads(secret)[form]
    for run in (minutes_parser.parse, minutes_parser.explain):
        try:
            out = run(data, adapter=adapter)
        except InternalError:
            raise
        except ParseError as exc:
            assert "FILE-MARKER" not in str(exc)
            continue
        text = out.to_json() if isinstance(out, Document) else out.render()
        assert "FILE-MARKER" not in text
