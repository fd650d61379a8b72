"""Write samples/riverton_minutes_council-2025-04-08.pdf: fictional US city council minutes.

The project's own PDF sample (no third-party text): a running header and page
footer on every page, roman-numbered parts with lettered business under them,
"Recommended Action:" paragraphs, "Moved by X, seconded by Y, to ... Motion
Carried 6-0." motions and an AYES/NOES roll call. Its gold is
tests/sample_gold/riverton_minutes_council-2025-04-08.gold.json. Run from the repository root:

    python tests/make/sample_pdf.py
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from fpdf import FPDF

OUT = Path(__file__).resolve().parents[2] / "samples" / "riverton_minutes_council-2025-04-08.pdf"

TITLE = [
    "RIVERTON CITY COUNCIL",
    "MINUTES OF THE REGULAR MEETING",
    "April 8, 2025",
    "City Hall, Council Chambers, 200 Main Street, Riverton",
]
BODY: list[tuple[str, str]] = [
    ("h", "I. CALL TO ORDER"),
    ("p", "Mayor Dana Whitfield called the meeting to order at 6:00 p.m. in the Council Chambers."),
    ("h", "II. ROLL CALL"),
    ("p", "Present: Mayor Whitfield, Councilmembers Alvarez, Brooks, Chen, Okafor and Patel."),
    ("p", "Absent: Councilmember Lindqvist."),
    ("h", "III. APPROVAL OF MINUTES"),
    ("s", "A. Minutes of the Regular Meeting of March 25, 2025"),
    ("p", "Moved by Chen, seconded by Brooks, to approve the minutes as presented. Motion Carried 6-0."),
    ("h", "IV. CONSENT CALENDAR"),
    ("s", "A. Purchase of two replacement dump trucks for the Streets Division"),
    (
        "p",
        "Recommended Action: Authorize the City Manager to execute a purchase agreement with Valley Fleet "
        "Supply for two dump trucks in an amount not to exceed $312,400.",
    ),
    ("p", "Moved by Okafor, seconded by Patel, to approve the recommended action. Motion Carried 6-0."),
    ("s", "B. Annual contract for traffic signal maintenance"),
    (
        "p",
        "Recommended Action: Award the annual traffic signal maintenance contract to Signalworks Inc. in an "
        "amount not to exceed $86,000.",
    ),
    ("p", "Moved by Patel, seconded by Brooks, to award the contract as recommended. Motion Carried 5-1."),
    ("h", "V. PUBLIC HEARINGS"),
    ("s", "A. Ordinance 2025-07 amending the zoning map for 410 River Road"),
    (
        "p",
        "The Mayor opened the public hearing at 6:24 p.m. Two residents spoke in favor of the rezoning and "
        "one spoke against it, citing traffic on River Road. The Mayor closed the public hearing at 6:51 p.m.",
    ),
    ("p", "Moved by Alvarez, seconded by Chen, to adopt Ordinance 2025-07 on first reading."),
    ("p", "AYES: Alvarez, Brooks, Chen, Patel"),
    ("p", "NOES: Okafor"),
    ("p", "Motion Carried 4-1."),
    ("h", "VI. COUNCIL COMMENTS"),
    ("p", "Councilmember Brooks thanked the Parks Department for the spring clean-up of Riverside Park."),
    ("h", "VII. ADJOURNMENT"),
    ("p", "There being no further business, the meeting was adjourned at 7:42 p.m."),
]


class _Minutes(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, "Riverton City Council Minutes - April 8, 2025", align="R")
        self.ln(10)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="C")


def write(path: Path = OUT) -> Path:
    """Write the sample PDF to ``path`` and return it."""
    pdf = _Minutes(format="Letter")
    pdf.set_auto_page_break(True, margin=20)
    pdf.set_creation_date(dt.datetime(2025, 4, 9, tzinfo=dt.timezone.utc))  # a fixed date: the file is reproducible
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 13)
    for line in TITLE:
        pdf.cell(0, 7, line, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for kind, text in BODY:
        if kind == "h":
            pdf.ln(2)
            pdf.set_font("Helvetica", "B", 11)
            pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        elif kind == "s":
            pdf.set_font("Helvetica", "B", 10)
            pdf.set_x(pdf.l_margin + 8)
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.set_font("Helvetica", "", 10)
            pdf.set_x(pdf.l_margin + 8)
            pdf.multi_cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        if text.startswith("V. "):
            pdf.add_page()
    pdf.output(str(path))
    return path


if __name__ == "__main__":
    print(write())
