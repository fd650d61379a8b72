"""Text captures written in Markdown (what crawlers and PDF converters produce) read like the plain text.

Three layouts a converter writes, on a fictional parish council: bold number and
title lines, ``#`` headings with the number in them, and a numbered list with
document links. Each must give the same items as the plain version of the page.
"""

from __future__ import annotations

import pytest

import minutes_parser

PLAIN = """MINUTES OF THE MEETING OF ASHCOMBE PARISH COUNCIL HELD ON TUESDAY 13TH MAY 2025 AT 7.30 P.M.

Present: Councillors Hale, Ward and Lee.

1. Adoption of Minutes

Proposed by Councillor Hale; seconded by Councillor Ward and RESOLVED that the minutes of 8th April 2025 be adopted.

2. Footpath Repairs

RESOLVED that the quote from Smith Ltd be accepted.

3. Correspondence

A letter from the County Council was noted.
"""

BOLD = """**MINUTES OF THE MEETING OF ASHCOMBE PARISH COUNCIL HELD ON TUESDAY 13TH MAY 2025 AT 7.30 P.M.**

**PRESENT:** Councillors Hale, Ward and Lee.

---

**1.**

**Adoption of Minutes**

Proposed by Councillor Hale; seconded by Councillor Ward and RESOLVED that the minutes of 8th April 2025 be adopted.

**2.**

**Footpath Repairs**

RESOLVED that the quote from Smith Ltd be accepted.

**3.**

**Correspondence**

A letter from the County Council was noted.
"""

HEADINGS = """# Minutes of the meeting of Ashcombe Parish Council held on Tuesday 13th May 2025 at 7.30 p.m.

Present: Councillors Hale, Ward and Lee.

## 1. Adoption of Minutes

Proposed by Councillor Hale; seconded by Councillor Ward and __RESOLVED__ that the minutes of 8th April 2025 be adopted.

## 2. Footpath Repairs

**RESOLVED** that the quote from [Smith Ltd](https://smith.example.com) be accepted.

## 3. Correspondence

A letter from the County Council was noted.
"""

LINKS = """Minutes of the meeting of Ashcombe Parish Council held on Tuesday 13th May 2025 at 7.30 p.m.

![Parish crest](crest.png)

Present: Councillors Hale, Ward and Lee.

1. Adoption of Minutes

Proposed by Councillor Hale; seconded by Councillor Ward and RESOLVED that the minutes of 8th April 2025 be adopted.

2. Footpath Repairs

[Quotation from Smith Ltd](https://ashcombe-pc.example.org/files/footpath-quote.pdf)

RESOLVED that the quote from Smith Ltd be accepted.

3. Correspondence

A letter from the County Council was noted.
"""


def _read(page: str) -> list[tuple[str | None, str, list[str]]]:
    doc = minutes_parser.parse(page)
    assert doc.meetings and str(doc.meetings[0].date) == "2025-05-13"
    return [(i.number, i.title, [r.text for r in i.resolutions]) for i in doc.items]


@pytest.mark.parametrize("page", [BOLD, HEADINGS, LINKS], ids=["bold-lines", "headings", "links"])
def test_markdown_reads_like_plain_text(page: str) -> None:
    assert _read(page) == _read(PLAIN)
    assert "**" not in minutes_parser.parse(page).to_json()


def test_a_link_alone_on_its_line_is_a_document() -> None:
    item = minutes_parser.parse(LINKS).items[1]
    assert [(d.title, d.url, d.format) for d in item.documents] == [
        ("Quotation from Smith Ltd", "https://ashcombe-pc.example.org/files/footpath-quote.pdf", "pdf")
    ]


def test_plain_text_with_asterisks_is_left_alone() -> None:
    # No Markdown signs: a footnote star and a hash stay as printed.
    page = PLAIN.replace("A letter from the County Council was noted.", "A letter* from the County Council (#12) was noted.")
    assert minutes_parser.parse(page).items[2].summary == "A letter* from the County Council (#12) was noted."
