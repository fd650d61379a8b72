"""Command line: ``minutes-parser parse PATH... | minutes-parser adapters``.

One bad file prints one line on stderr and the run goes on; the exit status
is 1 when any file failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import registry
from .batch import parse_many

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


class _Progress:
    """A one-line progress bar on stderr, only when stderr is a terminal."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0
        self.active = total > 1 and sys.stderr.isatty()

    def step(self) -> None:
        self.done += 1
        if self.active:
            width = 30
            filled = int(width * self.done / max(self.total, 1))
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total}")
            sys.stderr.flush()

    def message(self, line: str) -> None:
        if self.active:
            sys.stderr.write("\r" + " " * 60 + "\r")
        print(line, file=sys.stderr)

    def close(self) -> None:
        if self.active:
            sys.stderr.write("\n")


def _cmd_parse(ns: argparse.Namespace) -> int:
    paths = list(_paths(ns.paths))
    failed = 0
    out = open(ns.out, "w", encoding="utf-8") if ns.out else sys.stdout  # noqa: SIM115 - closed below
    progress = _Progress(len(paths))
    executor = ProcessPoolExecutor(ns.jobs) if ns.jobs > 1 and len(paths) > 1 else None
    try:
        for result in parse_many(paths, executor, url=ns.url, adapter=ns.adapter):
            progress.step()
            if result.document is None:
                failed += 1
                error = result.error
                progress.message(f"{result.source}: {type(error).__name__}: {error}")
                continue
            data = result.document.to_dict()
            if ns.format == "jsonl":
                data["path"] = result.source
                out.write(json.dumps(data, ensure_ascii=False) + "\n")
            else:
                out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    finally:
        progress.close()
        if executor is not None:
            executor.shutdown(cancel_futures=True)
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
    p.add_argument("--format", choices=("json", "jsonl"), default=None, help="json (default for one file) or jsonl")
    p.add_argument("--adapter", default=None, help="force an adapter by name")
    p.add_argument("--url", default=None, help="the page's URL (picks the adapter, resolves links)")
    p.add_argument("--out", default=None, help="write results to this file instead of stdout")
    p.add_argument("--jobs", "-j", type=int, default=1, help="parse in N processes")
    p.set_defaults(func=_cmd_parse)
    a = sub.add_parser("adapters", help="list the registered adapters")
    a.set_defaults(func=_cmd_adapters)
    ns = ap.parse_args(argv)
    if getattr(ns, "format", "x") is None:
        ns.format = "jsonl" if ns.out or len(ns.paths) > 1 or any(Path(p).is_dir() for p in ns.paths) else "json"
    try:
        return int(ns.func(ns))
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
