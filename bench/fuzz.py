"""Fuzz parse() with generated and mutated inputs; report escapes, internal errors and slow inputs.

Not part of the test suite (it runs for minutes). Usage::

    python bench/fuzz.py                       # 100,000 inputs, 2 processes
    python bench/fuzz.py --count 5000 --seed 7 --save /tmp/fuzz-failures

Inputs: random bytes; random text with lone surrogates (as ``str``); tag soup
HTML with the words minutes use; ModernGov-like XML; Legistar-like JSON of
random shapes; and mutations of the real pages in ``../shared/corpus`` and
``../shared/raw`` (truncation, deletions, insertions, duplicated spans, byte
flips, removed tags, poisoned links, sixteen re-encodings, gzip, absurd
nesting and attribute counts). Each input gets a ``url=`` drawn from good,
odd and unparseable URLs, and sometimes a forced adapter.

Outcomes: a Document (it must also serialise to UTF-8 JSON and round-trip), a
ParseError (an answer), an InternalError (a bug: grouped by exception and the
innermost ``minutes_parser`` frame), an escape (any other exception: a bug in
the safety net), or a hang (over :data:`HANG_SECONDS`). Inputs under
:data:`SMALL_BYTES` taking more than :data:`SLOW_SECONDS` are listed.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import multiprocessing
import os
import random
import signal
import sys
import time
import traceback
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
SMALL_BYTES = 100 * 1024
"""Inputs below this size must parse within SLOW_SECONDS (the issue's bound)."""
SLOW_SECONDS = 2.0
"""Slowest acceptable parse of a small input."""
HANG_SECONDS = 60
"""A parse longer than this is stopped and reported as a hang."""
REAL_PAGE_MAX_BYTES = 400 * 1024
"""Real pages larger than this are mutated less often (each parse takes long), not skipped."""

URLS = [
    None,
    None,
    None,
    "https://democracy.example.gov.uk/ieListDocuments.aspx?CId=1&MId=2",
    "https://democracy.example.gov.uk/mgAi.aspx?ID=5",
    "https://democracy.example.gov.uk/ieDecisionDetails.aspx?ID=9",
    "https://example.legistar.com/Calendar.aspx",
    "https://example.legistar.com/LegislationDetail.aspx?ID=1",
    "https://webapi.legistar.com/v1/nyc/events",
    "https://example.infocouncil.biz/",
    "https://example.cmis.uk.com/example/Meetings.aspx",
    "https://example.gov.uk/mgWebService.asmx/GetMeeting",
    "http://[::1",
    "http://[x/report.pdf",
    "https://\uff03/x",
    "",
    "not a url",
    "\udc80://x",
    "javascript:alert(1)",
]
ADAPTERS = ["text", "moderngov", "moderngov-xml", "legistar", "legistar-api", "cmis", "infocouncil", "generic"]
WORDS = [
    "RESOLVED",
    "that",
    "Resolved",
    "–",
    "Decision:",
    "Minutes:",
    "Agenda",
    "item",
    "Recommendation",
    "Recommended",
    "ACTION:",
    "Moved",
    "Seconded",
    "CARRIED",
    "LOST",
    "Apologies",
    "Present",
    "Contact:",
    "Councillor",
    "Cr",
    "Meeting",
    "held",
    "on",
    "Tuesday,",
    "7",
    "January",
    "2020",
    "7.00",
    "pm",
    "1.",
    "2.",
    "(a)",
    "(ii)",
    "12.1",
    "PDF",
    "119",
    "KB",
    "Cabinet",
    "Executive",
    "Report",
    "author",
    "Tel:",
    "01274",
    "432",
    "jane@example.gov.uk",
    "Declarations",
    "of",
    "interest",
    "Decision",
    "Maker:",
    "Date",
    "of",
    "decision:",
    "Wards",
    "affected",
]
TAGS = [
    "html",
    "body",
    "div",
    "p",
    "span",
    "font",
    "table",
    "tr",
    "td",
    "th",
    "a",
    "h1",
    "h2",
    "h3",
    "ul",
    "ol",
    "li",
    "br",
    "b",
    "i",
    "strong",
    "em",
    "pre",
    "section",
    "main",
    "article",
]
ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "utf-32-le",
    "cp1252",
    "latin-1",
    "iso-8859-15",
    "cp437",
    "mac-roman",
    "cp037",
    "koi8-r",
    "shift_jis",
    "gb18030",
]
CHARSET_LABELS = ["undefined", "utf-16", "utf-32", "cp037", "utf-7", "bogus", "base64", "rot13", "windows-1252", ""]


def _real_pages() -> list[Path]:
    pages = []
    for root in (SHARED / "corpus", SHARED / "raw", SHARED / "raw2"):
        if root.is_dir():
            pages += [
                p
                for p in root.rglob("*")
                if p.is_file()
                and p.suffix in (".html", ".htm", ".xml", ".json", ".txt")
                and not p.name.endswith(".gold.json")
            ]
    return sorted(pages)


# ---------------------------------------------------------------- generators
def gen_bytes(rng: random.Random, _: Any) -> tuple[str, bytes | str]:
    return "bytes", rng.randbytes(rng.choice([0, 1, 10, 100, 1000, 4000]))


def gen_text(rng: random.Random, _: Any) -> tuple[str, bytes | str]:
    parts = []
    for _i in range(rng.randint(0, 200)):
        roll = rng.random()
        if roll < 0.5:
            parts.append(rng.choice(WORDS))
        elif roll < 0.6:
            parts.append(rng.choice(["\ud800", "\udc80", "\udfff", "\ud83d\ude00", "\ufffd", "\x00", "\u200b"]))
        elif roll < 0.8:
            parts.append(rng.choice(["\n", "\n\n", "\t", " " * rng.randint(1, 50), "\r\n"]))
        else:
            parts.append("".join(chr(rng.randint(32, 0x2FFF)) for _ in range(rng.randint(1, 20))))
    text = " ".join(parts)
    return "text", text if rng.random() < 0.7 else text.encode("utf-8", "surrogatepass")


def gen_html(rng: random.Random, _: Any) -> tuple[str, bytes | str]:
    out = ["<html><body>"]
    depth = []
    for _i in range(rng.randint(1, 300)):
        roll = rng.random()
        if roll < 0.35:
            tag = rng.choice(TAGS)
            attrs = ""
            if rng.random() < 0.3:
                attrs = rng.choice(
                    [
                        ' class="mgAiTitleTxt"',
                        ' id="modgov"',
                        ' href="report.pdf"',
                        ' href="http://[x/a.pdf"',
                        ' style="display:none"',
                        ' class="hidden"',
                        ' href="ieListDocuments.aspx?MId=1"',
                    ]
                )
            out.append(f"<{tag}{attrs}>")
            depth.append(tag)
        elif roll < 0.5 and depth:
            out.append(f"</{depth.pop()}>")
        elif roll < 0.55:
            out.append(
                rng.choice(
                    ["&amp;", "&#39;", "&amp;#39;", "&#xd800;", "&nbsp;", "&bogus;", "<!-- c -->", "<![CDATA[x]]>"]
                )
            )
        else:
            out.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12))))
    out.append("</body></html>")
    return "html", "".join(out).encode("utf-8", "surrogatepass")


def gen_xml(rng: random.Random, _: Any) -> tuple[str, bytes | str]:
    root = rng.choice(["meeting", "getmeetings", "committees", "councillorsbyward", "memberlist", "attachment", "x"])
    fields = [
        "meetingid",
        "meetingdate",
        "meetingtime",
        "agendaitems",
        "agendaitem",
        "agendaitemtitle",
        "agendatext",
        "committee",
        "committeetitle",
        "linkeddocuments",
        "linkeddoc",
        "url",
        "title",
        "wards",
        "ward",
        "councillors",
        "councillor",
        "fullusername",
        "attendees",
        "attendee",
    ]
    out = [f"<?xml version='1.0' encoding='{rng.choice(['utf-8', 'utf-16', 'bogus', 'latin-1'])}'?><{root}>"]
    stack = []
    for _i in range(rng.randint(0, 120)):
        roll = rng.random()
        if roll < 0.4:
            tag = rng.choice(fields)
            out.append(f"<{tag}>")
            stack.append(tag)
        elif roll < 0.7 and stack:
            out.append(f"</{stack.pop()}>")
        else:
            out.append(
                rng.choice(
                    [
                        "&lt;p&gt;RESOLVED that it be noted.&lt;/p&gt;",
                        "2020-01-07T00:00:00",
                        "x",
                        "&amp;",
                        "<![CDATA[<p>Decision:</p>]]>",
                        "&#xD800;",
                        "\u00e9",
                    ]
                )
            )
    while stack and rng.random() < 0.9:
        out.append(f"</{stack.pop()}>")
    out.append(f"</{root}>")
    return "xml", "".join(out).encode("utf-8", "surrogatepass")


def _json_value(rng: random.Random, depth: int) -> Any:
    keys = [
        "EventId",
        "EventItems",
        "EventBodyName",
        "EventDate",
        "EventTime",
        "EventItemId",
        "EventItemTitle",
        "EventItemMatterAttachments",
        "MatterId",
        "MatterTitle",
        "MatterHistoryId",
        "EventItemPassedFlagName",
        "EventItemTally",
        "EventInSiteURL",
        "x",
    ]
    roll = rng.random()
    if depth > 4 or roll < 0.3:
        return rng.choice(
            [None, True, 5, -1, 1.5, "", "2023-01-05T00:00:00", "\ud800", "x" * rng.randint(0, 50), "3-2"]
        )
    if roll < 0.6:
        return [_json_value(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    return {rng.choice(keys): _json_value(rng, depth + 1) for _ in range(rng.randint(0, 8))}


def gen_json(rng: random.Random, _: Any) -> tuple[str, bytes | str]:
    value = _json_value(rng, 0)
    text = json.dumps(value, ensure_ascii=rng.random() < 0.5)
    return "json", text.encode("utf-8", "surrogatepass")


def mutate(rng: random.Random, pages: list[Path]) -> tuple[str, bytes | str]:
    path = rng.choice(pages)
    if path.stat().st_size > REAL_PAGE_MAX_BYTES and rng.random() < 0.8:
        path = rng.choice(pages)
    data = path.read_bytes()
    kind = rng.choice(
        [
            "truncate",
            "delete",
            "insert",
            "duplicate",
            "flip",
            "untag",
            "poison",
            "reencode",
            "reencode",
            "gzip",
            "charset",
            "nest",
            "attrs",
            "surrogate-str",
            "none",
        ]
    )
    n = len(data)
    where = rng.randint(0, n)
    if kind == "truncate":
        data = data[:where]
    elif kind == "delete":
        data = data[:where] + data[where + rng.randint(1, 2000) :]
    elif kind == "insert":
        data = (
            data[:where]
            + rng.choice(
                [
                    rng.randbytes(rng.randint(1, 64)),
                    b"\x00" * 8,
                    b"<",
                    b"</td></tr></table>",
                    b"&#",
                    b"\xef\xbb\xbf",
                    b"<!--",
                    b"<script>",
                ]
            )
            + data[where:]
        )
    elif kind == "duplicate":
        span = data[where : where + rng.randint(1, 5000)]
        data = data[:where] + span * rng.randint(2, 10) + data[where:]
    elif kind == "flip":
        buf = bytearray(data)
        for _ in range(rng.randint(1, 20)):
            if buf:
                buf[rng.randrange(len(buf))] = rng.randrange(256)
        data = bytes(buf)
    elif kind == "untag":
        start = data.find(b"<", where)
        end = data.find(b">", start)
        if start >= 0 and end >= 0:
            data = data[:start] + data[end + 1 :]
    elif kind == "poison":
        data = data.replace(b'href="', b'href="http://[x/', rng.randint(1, 50))
    elif kind == "reencode":
        text = data.decode("utf-8", "replace")
        encoding = rng.choice(ENCODINGS)
        data = text.encode(encoding, "replace")
    elif kind == "gzip":
        data = gzip.compress(data)
    elif kind == "charset":
        data = b'<meta charset="' + rng.choice(CHARSET_LABELS).encode() + b'">' + data
    elif kind == "nest":
        data = data[:where] + b"<font>" * rng.choice([255, 260, 1000, 3000]) + data[where:]
    elif kind == "attrs":
        data = (
            data[:where]
            + b"<p "
            + b" ".join(b"a%d=1" % i for i in range(rng.choice([500, 2000, 20000])))
            + b">"
            + data[where:]
        )
    elif kind == "surrogate-str":
        text = data.decode("utf-8", "replace")
        cut = rng.randint(0, len(text))
        return f"real/{kind}", text[:cut] + "\udc80" + text[cut:]
    return f"real/{kind}", data


def gen_runs(rng: random.Random, _: Any) -> tuple[str, bytes | str]:
    """Runs of tabs, spaces, dots and digits inside lines and attributes: the shapes regexes backtrack on."""
    run = rng.choice(["\t", " ", ".", "1", "-", "\u00a0"]) * rng.choice([50, 120, 160, 200])
    shape = rng.choice(
        [
            "Minutes of the Council meeting\n\nRESOLVED that the minutes be approved.\n\n1\tWelcome{run}to all\n",
            "Agenda item\n\nBudget\n\n{run}RESOLVED that it be noted.{run}\n",
            '<html><body><h1>Agenda item</h1><a href="r.pdf" title="{run}x">Report{run}PDF 9 KB</a></body></html>',
            "Agenda item\n\nX\n\n12.{run}1 Item title\nMoved by Cr{run}A\n",
        ]
    )
    return "runs", shape.format(run=run)


GENERATORS = [
    (gen_bytes, 12),
    (gen_text, 14),
    (gen_html, 14),
    (gen_xml, 10),
    (gen_json, 10),
    (mutate, 40),
    (gen_runs, 0.05),
]


# ---------------------------------------------------------------- running
class _Hang(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Hang


def _where(exc: BaseException) -> str:
    """Innermost frame inside minutes_parser (file:line function)."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "minutes_parser" in f.filename]
    if not frames:
        return "?"
    f = frames[-1]
    return f"{f.filename.split('minutes_parser', 1)[1].lstrip(os.sep)}:{f.lineno} {f.name}"


def run_chunk(args: tuple[int, int, int, str | None]) -> dict[str, Any]:
    """Run ``count`` inputs from ``seed``; returns counts, groups and slow inputs."""
    seed, start, count, save = args
    import minutes_parser
    from minutes_parser import Document, InternalError, ParseError

    signal.signal(signal.SIGALRM, _alarm)
    pages = _real_pages()
    rng = random.Random(seed)
    weights = [w for _, w in GENERATORS]
    stats: dict[str, Any] = {
        "count": 0,
        "outcomes": collections.Counter(),
        "kinds": collections.Counter(),
        "internal": collections.Counter(),
        "internal_grammar": collections.Counter(),
        "escapes": collections.Counter(),
        "hangs": [],
        "slow": [],
        "max_small": 0.0,
        "seconds": 0.0,
    }
    for number in range(start, start + count):
        gen = rng.choices([g for g, _ in GENERATORS], weights)[0]
        if gen is mutate and not pages:
            gen = gen_html
        kind, source = gen(rng, pages)
        url = rng.choice(URLS)
        adapter = rng.choice(ADAPTERS) if rng.random() < 0.1 else None
        size = len(source.encode("utf-8", "surrogatepass")) if isinstance(source, str) else len(source)
        stats["kinds"][kind.split("/")[0]] += 1
        t0 = time.perf_counter()
        signal.alarm(HANG_SECONDS)
        outcome = "document"
        try:
            doc = minutes_parser.parse(source, url=url, adapter=adapter)
            text = doc.to_json()
            text.encode("utf-8")
            if Document.from_dict(json.loads(text)) != doc:
                raise AssertionError("Document does not round-trip through to_dict/from_dict")
        except _Hang:
            outcome = "hang"
            stats["hangs"].append((kind, size))
        except InternalError as exc:
            outcome = "internal"
            cause = exc.__cause__ or exc
            key = f"{type(cause).__name__} at {_where(cause)}"
            group = "internal_grammar" if "grammar" in _where(cause) else "internal"
            stats[group][key] += 1
            _save(save, number, source, url, adapter, key)
        except ParseError:
            outcome = "parse_error"
        except Exception as exc:
            outcome = "escape"
            key = f"{type(exc).__name__} at {_where(exc)}: {str(exc)[:80]}"
            stats["escapes"][key] += 1
            _save(save, number, source, url, adapter, key)
        finally:
            signal.alarm(0)
        elapsed = time.perf_counter() - t0
        stats["seconds"] += elapsed
        stats["outcomes"][outcome] += 1
        stats["count"] += 1
        if size < SMALL_BYTES:
            stats["max_small"] = max(stats["max_small"], elapsed)
            if elapsed > SLOW_SECONDS:
                stats["slow"].append((kind, size, round(elapsed, 2)))
                _save(save, number, source, url, adapter, f"slow {elapsed:.1f}s")
    return stats


def _save(directory: str | None, number: int, source: bytes | str, url: Any, adapter: Any, why: str) -> None:
    if not directory:
        return
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
    (folder / f"{number:07d}.input").write_bytes(data)
    (folder / f"{number:07d}.json").write_text(
        json.dumps({"why": why, "url": url, "adapter": adapter, "str": isinstance(source, str)}, ensure_ascii=True),
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    """Run the fuzzer and print its report; exit 1 when anything but internal grammar errors was found."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--save", default=None, help="write failing inputs to this directory")
    ns = ap.parse_args(argv)
    chunks = max(ns.jobs * 8, 1)
    size = -(-ns.count // chunks)
    work = [(ns.seed * 1_000_003 + i, i * size, min(size, ns.count - i * size), ns.save) for i in range(chunks)]
    work = [w for w in work if w[2] > 0]
    started = time.perf_counter()
    total: dict[str, Any] = {}
    with multiprocessing.get_context("fork").Pool(ns.jobs) as pool:
        for done, stats in enumerate(pool.imap_unordered(run_chunk, work), start=1):
            for key, value in stats.items():
                if isinstance(value, collections.Counter):
                    total.setdefault(key, collections.Counter()).update(value)
                elif isinstance(value, list):
                    total.setdefault(key, []).extend(value)
                elif key == "max_small":
                    total[key] = max(total.get(key, 0.0), value)
                else:
                    total[key] = total.get(key, 0) + value
            print(f"\r{done}/{len(work)} chunks", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    wall = time.perf_counter() - started
    outcomes = total["outcomes"]
    print(f"inputs: {total['count']:,} in {wall:.0f} s wall ({total['seconds']:.0f} s of parsing), seed {ns.seed}")
    print("by kind: " + ", ".join(f"{k} {v:,}" for k, v in sorted(total["kinds"].items())))
    print("outcomes: " + ", ".join(f"{k} {v:,}" for k, v in sorted(outcomes.items())))
    print(f"escapes: {sum(total['escapes'].values())}")
    for key, n in total["escapes"].most_common():
        print(f"  {n:6d}  {key}")
    print(f"internal errors outside grammar/: {sum(total['internal'].values())}")
    for key, n in total["internal"].most_common():
        print(f"  {n:6d}  {key}")
    print(
        f"internal errors inside grammar/ (expected until the grammar rewrite): {sum(total['internal_grammar'].values())}"
    )
    for key, n in total["internal_grammar"].most_common():
        print(f"  {n:6d}  {key}")
    print(f"hangs (over {HANG_SECONDS} s): {len(total['hangs'])} {total['hangs'][:10]}")
    print(
        f"inputs under {SMALL_BYTES // 1024} KB slower than {SLOW_SECONDS} s: {len(total['slow'])}; slowest small input {total['max_small']:.2f} s"
    )
    for item in sorted(total["slow"], key=lambda s: -s[2])[:15]:
        print(f"  {item}")
    bad = sum(total["escapes"].values()) + sum(total["internal"].values()) + len(total["hangs"]) + len(total["slow"])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
