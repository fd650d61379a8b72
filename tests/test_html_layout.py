"""The same words score the same whether they come as a text capture or as simple HTML (issue 9).

Each labelled text capture of ``../shared/corpus/text*/`` and ``seeds/`` is laid
out as a plain HTML page, line by line, with this rule:

- a blank line (nothing left after collapsing whitespace) separates blocks and is dropped;
- a line starting with a bullet (``•``, ``·``, ``▪``, ``●``, ``◦``, ``‣``, ``∙``, ``-``,
  ``–``, ``*`` then a space) is an ``<li>``; consecutive ones share one ``<ul>``;
- a line of at most 100 characters is an ``<h2>`` when its letters (three or more) are
  all upper case, or when a blank line (or the end of the page) follows it and it does
  not end in punctuation (``. , ; : ! ? ) " ' ’ ”``);
- every other line is a ``<p>``.

Per folder, the F1 of the HTML versions against the same gold (the official scorer's
tally, ``../shared/eval/score.py``) must be within 0.02 of the text versions' F1.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from conftest import NO_CORPUS, corpus_pairs, params_or_skip, read_gold
from corpusrun import folder_of, run_page, scorer

import minutes_parser
from minutes_parser.blocks import clean

TOLERANCE = 0.02
HEADING_MAX = 100
BULLETS = ("•", "·", "▪", "●", "◦", "‣", "∙", "-", "–", "*")
END_PUNCTUATION = tuple(".,;:!?)\"'’”")


def _bullet(line: str) -> str | None:
    stripped = line.strip()
    for mark in BULLETS:
        if stripped.startswith(mark) and stripped[len(mark) : len(mark) + 1].isspace():
            return stripped[len(mark) :].strip()
    return None


def _heading(text: str, blank_after: bool) -> bool:
    if len(text) > HEADING_MAX:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) >= 3 and all(ch.isupper() for ch in letters):
        return True
    return blank_after and not text.endswith(END_PUNCTUATION)


def as_html(text: str) -> str:
    """The capture laid out as simple HTML by the rule in the module docstring."""
    lines = text.splitlines()
    body: list[str] = []
    in_list = False
    for index, raw in enumerate(lines):
        line = clean(raw)
        if not line:
            continue
        item = _bullet(line)
        if item is not None:
            if not in_list:
                body.append("<ul>")
                in_list = True
            body.append(f"<li>{html.escape(item)}</li>")
            continue
        if in_list:
            body.append("</ul>")
            in_list = False
        blank_after = index + 1 >= len(lines) or not clean(lines[index + 1])
        tag = "h2" if _heading(line, blank_after) else "p"
        body.append(f"<{tag}>{html.escape(line)}</{tag}>")
    if in_list:
        body.append("</ul>")
    return '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>\n' + "\n".join(body) + "\n</body></html>\n"


def _html_result(page: Path, url: str | None) -> dict[str, Any] | minutes_parser.ParseError:
    data = as_html(minutes_parser.Page(page.read_bytes()).text).encode("utf-8")
    try:
        return minutes_parser.parse(data, url=url).to_dict()
    except minutes_parser.ParseError as exc:
        return exc


def _is_text_folder(folder: str) -> bool:
    return folder.startswith("text") or folder == "seeds"


TEXT_PAIRS = [pair for pair in corpus_pairs() if pair[1].suffix == ".txt" and _is_text_folder(folder_of(pair[1]))]
FOLDERS = sorted({folder_of(page) for _, page in TEXT_PAIRS})


def folder_figures(folder: str) -> tuple[float, float, int]:
    """(text F1, HTML F1, pages) for one folder, with the official scorer's tally."""
    score = scorer()
    assert score is not None
    text_tally, html_tally = score.Tally(), score.Tally()
    pages = 0
    for gold_path, page in TEXT_PAIRS:
        if folder_of(page) != folder:
            continue
        gold = read_gold(gold_path)
        url = gold.get("url")
        score.score_page(text_tally, folder, gold, run_page(page, url))
        score.score_page(html_tally, folder, gold, _html_result(page, url))
        pages += 1
    return text_tally.prf(text_tally.total())[2], html_tally.prf(html_tally.total())[2], pages


@pytest.mark.parametrize("folder", params_or_skip(FOLDERS, FOLDERS, NO_CORPUS))
def test_html_layout_scores_like_the_text(folder: str) -> None:
    if scorer() is None:
        pytest.skip("../shared/eval/score.py is not beside this clone")
    text_f1, html_f1, pages = folder_figures(folder)
    assert abs(html_f1 - text_f1) <= TOLERANCE, (
        f"{folder}/ ({pages} pages): text F1 {text_f1:.4f}, HTML F1 {html_f1:.4f}, "
        f"difference {html_f1 - text_f1:+.4f} (tolerance {TOLERANCE})"
    )


def test_layout_rule() -> None:
    page = as_html("MINUTES\n\nApologies\n\nNone received.\n• one\n• two\nThe end")
    assert "<h2>MINUTES</h2>" in page and "<h2>Apologies</h2>" in page
    assert "<p>None received.</p>" in page and "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in page
    assert "<h2>The end</h2>" in page  # last line, no end punctuation
