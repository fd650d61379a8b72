"""Restyled pages read the same: a site's new theme must not lose fields.

Councils re-theme their ModernGov sites: classes are renamed, ids dropped,
``div`` becomes ``section``, ``span`` becomes ``div``, content is wrapped in new
containers. Each soft restyle below is applied to every ModernGov page (the
labelled corpus's, skipped when absent, and the project's own), parsed with
and without the page's URL, and its fields are compared with the original's:
at most :data:`MAX_FIELD_LOSS` of the fields may be lost, per restyle and URL
setting, over all the pages.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest
from conftest import CORPUS, NO_CORPUS, PAGES, SAMPLE_GOLD, SAMPLES, read_gold
from lxml import etree, html

import minutes_parser

MAX_FIELD_LOSS = 0.10
"""Share of a page set's field values a soft restyle may lose (the goal set for restyling)."""

SKIPPED_FIELDS = frozenset({"source", "coverage", "unparsed", "warnings", "line", "page", "schema"})
"""Where the parse came from and how it went, not what the page says."""


def _rename_classes(root: Any) -> None:
    for index, el in enumerate(root.iter()):
        if isinstance(el.tag, str) and "class" in el.attrib:
            el.attrib["class"] = f"theme-{index}"


def _remove_ids(root: Any) -> None:
    for el in root.iter():
        if isinstance(el.tag, str) and "id" in el.attrib:
            del el.attrib["id"]


def _retag(old: str, new: str) -> Callable[[Any], None]:
    def restyle(root: Any) -> None:
        for el in root.iter(old):
            el.tag = new

    restyle.__name__ = f"{old}_to_{new}"
    return restyle


def _wrap(root: Any) -> None:
    body = root.find("body")
    if body is None:
        return
    wrapper = etree.Element("div", {"class": "page-wrapper"})
    inner = etree.SubElement(etree.SubElement(wrapper, "main"), "div", {"class": "container"})
    for child in list(body):
        inner.append(child)
    body.append(wrapper)


def _everything(root: Any) -> None:
    for restyle in (_rename_classes, _remove_ids, _retag("div", "section"), _retag("span", "div"), _wrap):
        restyle(root)


RESTYLES: dict[str, Callable[[Any], None]] = {
    "rename classes": _rename_classes,
    "remove ids": _remove_ids,
    "div to section": _retag("div", "section"),
    "span to div": _retag("span", "div"),
    "div to p": _retag("div", "p"),
    "extra wrappers": _wrap,
    "all together": _everything,
}


def restyled(data: bytes, restyle: Callable[[Any], None]) -> bytes:
    """``data`` with ``restyle`` applied to its parsed tree."""
    root = html.document_fromstring(data)
    restyle(root)
    return html.tostring(root, encoding="utf-8", doctype="<!DOCTYPE html>")


def leaves(value: Any, path: str = "") -> Iterator[str]:
    """Every non-empty field value as "path=value" (list positions left out, so order moves are no loss)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in SKIPPED_FIELDS:
                yield from leaves(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for item in value:
            yield from leaves(item, path)
    elif value in (None, "", False) or (path.endswith("id") and str(value).startswith("page/")):
        return  # empty, or an id made from the page's bytes (which a restyle changes)
    else:
        # The HTML serialiser percent-encodes spaces in links; a link is compared as it reads.
        yield f"{path}={unquote(value) if path.endswith('url') and isinstance(value, str) else value}"


def fields(data: bytes, url: str | None) -> Counter[str]:
    """The page's field values, or none when it is refused."""
    try:
        return Counter(leaves(minutes_parser.parse(data, url=url).to_dict()))
    except minutes_parser.UnrecognizedPage:
        return Counter()


def moderngov_pages() -> list[tuple[Path, str | None]]:
    """ModernGov HTML pages with their URLs: the corpus's and the project's own."""
    found = []
    golds = [*(CORPUS / "moderngov").glob("*.gold.json"), *PAGES.glob("*.gold.json"), *SAMPLE_GOLD.glob("*.gold.json")]
    for gold_path in sorted(golds):
        gold = read_gold(gold_path)
        name = gold_path.name.removesuffix(".gold.json")
        page = next((p for p in (gold_path.parent / f"{name}.html", SAMPLES / f"{name}.html") if p.is_file()), None)
        if page is None or gold.get("error"):
            continue
        if minutes_parser.parse(page.read_bytes(), url=gold.get("url")).source.adapter == "moderngov":
            found.append((page, gold.get("url")))
    return found


def field_loss(restyle: Callable[[Any], None], with_url: bool) -> tuple[float, list[str]]:
    """Share of the pages' field values lost under ``restyle``, and the pages that lost any."""
    pages = moderngov_pages()
    total = lost = 0
    report = []
    for page, url in pages:
        data = page.read_bytes()
        given = url if with_url else None
        before = fields(data, given)
        after = fields(restyled(data, restyle), given)
        missing = before - after
        total += sum(before.values())
        lost += sum(missing.values())
        if missing:
            report.append(f"{page.name}: {sum(missing.values())}/{sum(before.values())} e.g. {list(missing)[:3]}")
    return (lost / total if total else 0.0), report


@pytest.mark.parametrize("with_url", [True, False], ids=["with url", "without url"])
@pytest.mark.parametrize("name", list(RESTYLES))
def test_soft_restyles_lose_few_fields(name: str, with_url: bool) -> None:
    if not (CORPUS / "moderngov").is_dir():
        pytest.skip(NO_CORPUS)
    share, report = field_loss(RESTYLES[name], with_url)
    print(f"\n{name} ({'with' if with_url else 'without'} url): {share:.1%} of fields lost")
    assert share <= MAX_FIELD_LOSS, "\n".join(report)


def test_the_set_has_pages_of_every_kind() -> None:
    if not (CORPUS / "moderngov").is_dir():
        pytest.skip(NO_CORPUS)
    kinds = {minutes_parser.parse(p.read_bytes(), url=u).source.page_kind for p, u in moderngov_pages()}
    assert {"decision", "meeting", "agenda_item"} <= kinds, kinds


def test_a_lost_field_is_seen() -> None:
    # The measure itself: dropping the content area's text shows as loss.
    pages = [p for p in moderngov_pages() if p[1]]
    if not pages:
        pytest.skip(NO_CORPUS)

    def empty_content(root: Any) -> None:
        for el in root.iter("td", "p", "li"):
            el.text = None
            for child in el:
                child.tail = None

    share, _ = field_loss(empty_content, with_url=True)
    assert share > MAX_FIELD_LOSS
