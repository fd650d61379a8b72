"""Command line: ``minutes-parser parse PATH... | minutes-parser adapters``.

One bad file prints one line on stderr and the run goes on; the exit status
is 1 when any file failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import ParseError, parse, registry

_SKIP_SUFFIXES = (".gold.json",)


def _paths(args: Sequence[str]) -> Iterator[Path]:
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.endswith(_SKIP_SUFFIXES) and not child.name.startswith("."):
                    yield child
        else:
            yield path


def _cmd_parse(ns: argparse.Namespace) -> int:
    failed = 0
    out = sys.stdout
    if ns.out:
        out = open(ns.out, "w", encoding="utf-8")  # noqa: SIM115 - closed below
    try:
        for path in _paths(ns.paths):
            try:
                doc = parse(path, url=ns.url, adapter=ns.adapter)
            except ParseError as exc:
                failed += 1
                print(f"{path}: {type(exc).__name__}: {exc}", file=sys.stderr)
                continue
            data = doc.to_dict()
            if ns.format == "jsonl":
                data["path"] = str(path)
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
            else:
                out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 1 if failed else 0


def _cmd_adapters(ns: argparse.Namespace) -> int:
    for adapter in registry.adapters():
        kinds = ", ".join(adapter.page_kinds)
        print(f"{adapter.name:16s} {kinds}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    ap = argparse.ArgumentParser(prog="minutes-parser", description="Council democracy pages to structured data.")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse pages (files or directories) to JSON")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--format", choices=("json", "jsonl"), default="json")
    p.add_argument("--adapter", default=None, help="force an adapter by name")
    p.add_argument("--url", default=None, help="the page's URL (picks the adapter, resolves links)")
    p.add_argument("--out", default=None, help="write results to this file instead of stdout")
    p.set_defaults(func=_cmd_parse)
    a = sub.add_parser("adapters", help="list the registered adapters")
    a.set_defaults(func=_cmd_adapters)
    ns = ap.parse_args(argv)
    try:
        return int(ns.func(ns))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
