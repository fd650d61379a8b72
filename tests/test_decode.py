"""Decoding real pages need: BOM, declarations, UTF-8, cp1252, mojibake."""

from __future__ import annotations

import codecs

from minutes_parser.decode import Page, decode_bytes, repair_mojibake


def test_bom_wins() -> None:
    text, enc, _ = decode_bytes(codecs.BOM_UTF8 + "Children’s".encode())
    assert text == "Children’s" and enc == "utf-8"
    text, enc, _ = decode_bytes(codecs.BOM_UTF16_LE + "Résumé".encode("utf-16-le"))
    assert text == "Résumé"


def test_meta_charset_and_xml_declaration() -> None:
    html = '<html><head><meta charset="windows-1252"></head><body>Children’s</body></html>'.encode("cp1252")
    text, enc, _ = decode_bytes(html)
    assert "Children’s" in text and enc == "cp1252"
    xml = '<?xml version="1.0" encoding="ISO-8859-1"?><a>café</a>'.encode("latin-1")
    page = Page(xml)
    assert page.xml_root().text == "café"


def test_undeclared_cp1252_falls_back() -> None:
    text, enc, _ = decode_bytes("Children’s £5".encode("cp1252"))
    assert text == "Children’s £5" and enc == "cp1252"


def test_mojibake_repaired_with_warning() -> None:
    text, _, warnings = decode_bytes("Childrenâ€™s Services â€“ report".encode())
    assert text == "Children’s Services – report"
    assert any("mis-decoded" in w for w in warnings)
    assert repair_mojibake("plain text")[1] == 0
    assert repair_mojibake("café")[0] == "café"
