"""Rewrite tests/known_misses.json from the parser's current answers on ../shared/corpus.

Usage, from the project root with the package installed::

    python tests/update_known_misses.py [--check]

Every labelled page the parser does not get right is listed with the first
problem line as its reason (the corpus test holds these to strict xfail, so a
page that starts passing fails the suite until this is run again), and every
corpus folder gets a floor: its F1 under the official scorer minus 0.005.
``--check`` writes nothing and exits 1 when the file is out of date.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import CORPUS
from corpusrun import KNOWN_MISSES, folder_f1, folders, load_known, measure, pdf_enabled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="only say whether the file is up to date")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"{CORPUS} is absent: nothing to measure", file=sys.stderr)
        return 2
    data = measure()
    if args.check:
        current = load_known()
        same = current.get("pages") == data["pages"] and current.get("floors") == data["floors"]
        print("up to date" if same else "out of date: run python tests/update_known_misses.py")
        return 0 if same else 1
    KNOWN_MISSES.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    for folder in folders():
        if folder == "pdf" and not pdf_enabled():
            print(f"{folder:14s} skipped (no pdf adapter)")
            continue
        misses = sum(1 for page in data["pages"] if page.split("/", 1)[0] == folder)
        print(f"{folder:14s} F1 {folder_f1(folder):.4f}  floor {data['floors'].get(folder)}  misses {misses}")
    print(f"wrote {KNOWN_MISSES} ({len(data['pages'])} known misses)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
