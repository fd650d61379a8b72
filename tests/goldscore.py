"""Compare parser output with a hand-labelled gold file, as the project's scorer does.

Only the fields a gold file states are compared: texts after folding case,
quotes, dashes and whitespace, with a fuzzy ratio of 90 or more counting as
a match; items paired by number, else by title. Returns the list of problems
(empty when the page is right).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from rapidfuzz import fuzz

_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


def norm(text: Any) -> str:
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text)).translate(_FOLD).casefold()
    return re.sub(r"\s+", " ", folded).strip().strip(" .;:,")


def same(a: Any, b: Any) -> bool:
    na, nb = norm(a), norm(b)
    if not na or not nb:
        return na == nb
    return na == nb or fuzz.ratio(na, nb) >= 90


def same_body(a: Any, b: Any) -> bool:
    """A body matches when the texts match, or one names the other whole ("Council" / "City Council")."""
    if same(a, b):
        return True
    short, long_ = sorted((norm(a), norm(b)), key=len)
    return len(short) >= 5 and re.search(r"(?<!\w)" + re.escape(short) + r"(?!\w)", long_) is not None


def same_date(a: Any, b: Any) -> bool:
    return str(a or "")[:10] == str(b or "")[:10]


def same_phone(a: Any, b: Any) -> bool:
    da, db = re.sub(r"\D", "", str(a or "")), re.sub(r"\D", "", str(b or ""))
    da = "0" + da[2:] if da.startswith("44") else da
    db = "0" + db[2:] if db.startswith("44") else db
    return bool(da) and da == db


def _bag(
    problems: list[str], where: str, gold: list[Any], got: list[Any], eq: Any = same, complete: bool = True
) -> None:
    remaining = list(got)
    for g in gold:
        for i, v in enumerate(remaining):
            if eq(g, v):
                del remaining[i]
                break
        else:
            problems.append(f"{where}: missing {g!r}")
    if complete and remaining:
        problems.append(f"{where}: unexpected {remaining!r}")


def _scalar(problems: list[str], where: str, gold: Any, got: Any, eq: Any = same) -> None:
    if gold is None:
        return
    if got in (None, "") or not eq(gold, got):
        problems.append(f"{where}: expected {gold!r}, got {got!r}")


def _pair(
    gold_items: list[dict[str, Any]], got_items: list[dict[str, Any]]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any] | None]], list[dict[str, Any]]]:
    pairs: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    used: set[int] = set()
    for g in gold_items:
        match = None
        gnum = norm(g.get("number"))
        if gnum:
            for i, o in enumerate(got_items):
                if i not in used and norm(o.get("number")) == gnum:
                    match = i
                    break
        if match is None and g.get("title"):
            best, best_score = None, 0.0
            for i, o in enumerate(got_items):
                if i in used:
                    continue
                score = fuzz.ratio(norm(g["title"]), norm(o.get("title")))
                if score > best_score:
                    best, best_score = i, score
            if best is not None and best_score >= 85:
                match = best
        if match is not None:
            used.add(match)
        pairs.append((g, got_items[match] if match is not None else None))
    if len(gold_items) == 1 and len(got_items) == 1 and pairs[0][1] is None:
        # A single-item page: its one item is the gold's one item even without number or title.
        pairs[0] = (gold_items[0], got_items[0])
        used.add(0)
    return pairs, [o for i, o in enumerate(got_items) if i not in used]


def compare(gold: dict[str, Any], result: dict[str, Any] | BaseException) -> list[str]:
    """Problems found comparing ``result`` (to_dict output or the raised error) with ``gold``."""
    problems: list[str] = []
    if gold.get("error"):
        names = {k.__name__ for k in type(result).__mro__} if isinstance(result, BaseException) else set()
        if gold["error"] not in names:
            problems.append(f"expected {gold['error']}, got {type(result).__name__}")
        return problems
    if isinstance(result, BaseException):
        return [f"raised {type(result).__name__}: {result}"]
    if "title" in gold:
        _scalar(problems, "title", gold["title"], result.get("title"))
    if "meetings" in gold:
        got = result.get("meetings") or []
        for key, eq in (("date", same_date), ("body", same_body), ("location", same)):
            values = [m[key] for m in gold["meetings"] if m.get(key)]
            if values:
                _bag(
                    problems,
                    f"meetings.{key}",
                    values,
                    [m.get(key) for m in got if m.get(key)],
                    eq,
                    gold.get("meetings_complete", True),
                )
    if "items" in gold:
        pairs, extra = _pair(gold["items"], result.get("items") or [])
        for index, (g, o) in enumerate(pairs):
            where = f"items[{index}]"
            if o is None:
                problems.append(f"{where}: no item paired with {g.get('number')!r} {g.get('title')!r}")
                continue
            if "number" in g:
                _scalar(problems, f"{where}.number", g["number"], o.get("number"))
            if "title" in g:
                _scalar(problems, f"{where}.title", g["title"], o.get("title"))
            gm, om = g.get("meeting") or {}, o.get("meeting") or {}
            if "date" in gm:
                _scalar(problems, f"{where}.meeting.date", gm["date"], om.get("date"), same_date)
            if "body" in gm:
                _scalar(problems, f"{where}.meeting.body", gm["body"], om.get("body"), same_body)
            for field in ("recommendations", "resolutions"):
                if field in g:
                    _bag(
                        problems,
                        f"{where}.{field}",
                        [c["text"] for c in g[field]],
                        [c.get("text") for c in o.get(field) or []],
                    )
            if "actions" in g:
                _bag(
                    problems,
                    f"{where}.actions",
                    [a["owner"] for a in g["actions"]],
                    [a.get("owner") for a in o.get("actions") or []],
                )
            if "contacts" in g:
                got_contacts = o.get("contacts") or []
                for key, eq in (("name", same), ("phone", same_phone), ("email", same)):
                    if not g["contacts"] or any(key in c for c in g["contacts"]):
                        _bag(
                            problems,
                            f"{where}.contacts.{key}",
                            [c[key] for c in g["contacts"] if c.get(key)],
                            [c.get(key) for c in got_contacts if c.get(key)],
                            eq,
                        )
            if "documents" in g:
                _bag(
                    problems,
                    f"{where}.documents",
                    [d["title"] for d in g["documents"]],
                    [d.get("title") for d in o.get("documents") or []],
                )
        if gold.get("items_complete", True) and extra:
            problems.append(f"{len(extra)} unexpected item(s): {[o.get('title') for o in extra]}")
    return problems
