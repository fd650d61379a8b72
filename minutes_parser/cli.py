"""Command line: ``minutes-parser parse PATH... | minutes-parser adapters``.

Each input gives one record in the output, in input order whatever ``--jobs``:
the parsed document, or ``{"path": ..., "error": ..., "error_type": ...}`` for a
page that failed (also reported on one stderr line). The run always goes on; a
summary line on stderr ends it. Exit status: see :data:`EPILOG`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sqlite3
import stat
import sys
import tempfile
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import FrameType
from typing import IO, Any

from . import __version__, registry
from .batch import Result, exit_with_parent, parse_many
from .errors import UnrecognizedPage
from .inputs import MAX_BYTES
from .models import Document

TABLE_FORMATS = ("csv", "parquet", "sqlite")
"""Formats written as tables (``records()``): a folder of CSV or Parquet files, or a SQLite database."""

PAGE_SUFFIXES = frozenset({".html", ".htm", ".xml", ".json", ".txt", ".pdf"})
"""File types a directory walk takes (``.gz`` of any of them too); everything else there is skipped."""
_SKIP_SUFFIXES = (".gold.json",)

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_FAILED = 3
EPILOG = """\
exit status:
  0  every page parsed
  1  some pages were refused as not council democracy pages (UnrecognizedPage)
  2  usage error (bad arguments, --out not writable or naming an input)
  3  some files could not be read or failed to parse

Each page gives one record on the output, in input order: the document, or
{"path": ..., "error": ..., "error_type": ...}; failures are also reported on
stderr, and a summary line (parsed, refused, failed) ends the run.
"""


class _Stdin:
    """Standard input as one page (``-``), read once, at most the size limit plus one byte."""

    name = "<stdin>"

    def read(self) -> bytes:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:
            return sys.stdin.read(MAX_BYTES + 1).encode("utf-8", "surrogateescape")
        data: bytes = stream.read(MAX_BYTES + 1)
        return data


def _is_page_file(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith(".") or name.endswith(_SKIP_SUFFIXES):
        return False
    if name.endswith(".gz"):
        name = name[:-3]
    return os.path.splitext(name)[1] in PAGE_SUFFIXES


def _inputs(args: Sequence[str]) -> Iterator[Path | _Stdin]:
    """Arguments in order; directories walked (sorted) for page files."""
    for arg in args:
        if arg == "-":
            yield _Stdin()
            continue
        path = Path(arg)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and _is_page_file(child):
                    yield child
        else:
            yield path


def _display(text: str) -> str:
    """A name safe to print whatever the file system's bytes (undecodable bytes escaped)."""
    try:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    except (UnicodeError, ValueError):
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


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
        print(line, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.active:
            sys.stderr.write("\n")


class _Output:
    """Records to stdout or to ``--out`` (a temporary file renamed into place at the end)."""

    def __init__(self, target: str | None, fmt: str, several: bool) -> None:
        self.fmt = fmt
        self.array = fmt == "json" and several
        self.count = 0
        self.target = target
        self.temp: str | None = None
        if target:
            directory = os.path.dirname(os.path.abspath(target))
            fd, self.temp = tempfile.mkstemp(prefix=".minutes-parser-", suffix=".tmp", dir=directory)
            self.stream: IO[str] = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
            self.ascii = False
        else:
            self.stream = sys.stdout
            encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("_", "-")
            self.ascii = encoding not in ("utf-8", "utf8")  # JSON stays valid on any terminal
        if self.array:
            self.stream.write("[")

    def write(self, record: dict[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.stream.write(json.dumps(record, ensure_ascii=self.ascii) + "\n")
        elif self.array:
            self.stream.write(
                ("," if self.count else "") + "\n" + json.dumps(record, ensure_ascii=self.ascii, indent=2)
            )
        else:
            self.stream.write(json.dumps(record, ensure_ascii=self.ascii, indent=2) + "\n")
        self.count += 1
        self.stream.flush()

    def finish(self) -> None:
        if self.array:
            self.stream.write("\n]\n")
        self.stream.flush()
        if self.temp is not None and self.target is not None:
            self.stream.close()
            try:
                mode = stat.S_IMODE(os.stat(self.target).st_mode)
            except OSError:
                mask = os.umask(0)
                os.umask(mask)
                mode = 0o666 & ~mask
            os.chmod(self.temp, mode)  # mkstemp makes it private; give it the mode a plain open would
            os.replace(self.temp, self.target)
            self.temp = None

    def abandon(self) -> None:
        if self.temp is not None:
            with contextlib.suppress(OSError):
                self.stream.close()
            with contextlib.suppress(OSError):
                os.unlink(self.temp)
            self.temp = None


def _check_out(out: str, inputs: Sequence[Path | _Stdin]) -> str | None:
    """Why ``--out`` cannot be used, or None."""
    target = Path(out)
    if target.is_dir():
        return f"--out {_display(out)} is a directory"
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        return f"--out {_display(out)}: directory {_display(str(parent))} does not exist"
    if not os.access(parent, os.W_OK):
        return f"--out {_display(out)}: directory {_display(str(parent))} is not writable"
    if target.exists():
        for path in inputs:
            if isinstance(path, Path) and path.exists():
                with contextlib.suppress(OSError):
                    if os.path.samefile(path, target):
                        return f"--out {_display(out)} is one of the inputs; it would be overwritten"
    return None


def _sources(inputs: Sequence[Path | _Stdin]) -> Iterator[Path | bytes]:
    for item in inputs:
        yield item.read() if isinstance(item, _Stdin) else item


class _Terminated(BaseException):
    """SIGTERM arrived: stop, shut the workers down, leave no partial --out.

    A ``BaseException``, like ``KeyboardInterrupt``: it must pass through the handlers that
    turn a page's failure into a result (a wait on a worker's future may be where it lands)."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated


def _check_tables_out(fmt: str, out: str | None, inputs: Sequence[Path | _Stdin]) -> str | None:
    """Why ``--out`` cannot take tables of ``fmt``, or None."""
    if not out:
        where = "a database file" if fmt == "sqlite" else "a folder"
        return f"--format {fmt} writes {where}: give it with --out"
    target = Path(out)
    if fmt == "sqlite":
        return _check_out(out, inputs)
    if target.exists() and not target.is_dir():
        return f"--out {_display(out)} is a file; --format {fmt} writes a folder of tables"
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        return f"--out {_display(out)}: directory {_display(str(parent))} does not exist"
    return None


def _write_tables(fmt: str, out: str, documents: list[Document]) -> None:
    """Write the documents' tables in ``fmt`` to ``out``."""
    from .export import write_csv, write_parquet, write_sqlite
    from .tables import records

    tables = records(documents)
    if fmt == "csv":
        write_csv(tables, out)
    elif fmt == "parquet":
        write_parquet(tables, out)
    else:
        write_sqlite(tables, out)


def _cmd_parse(ns: argparse.Namespace) -> int:
    inputs = list(_inputs(ns.paths))
    if not inputs:
        print("minutes-parser: no page files found", file=sys.stderr)
        return EXIT_USAGE
    if ns.format in TABLE_FORMATS:
        problem = _check_tables_out(ns.format, ns.out, inputs)
        if problem:
            print(f"minutes-parser: {problem}", file=sys.stderr)
            return EXIT_USAGE
        if ns.format == "parquet" and not _has_module("pyarrow"):
            print(
                "minutes-parser: --format parquet needs pyarrow: pip install 'minutes-parser[parquet]'", file=sys.stderr
            )
            return EXIT_USAGE
    elif ns.out:
        problem = _check_out(ns.out, inputs)
        if problem:
            print(f"minutes-parser: {problem}", file=sys.stderr)
            return EXIT_USAGE
    several = len(inputs) > 1 or any(Path(p).is_dir() for p in ns.paths if p != "-")
    fmt = ns.format or ("jsonl" if ns.out or several else "json")
    names = [item.name if isinstance(item, _Stdin) else _display(str(item)) for item in inputs]
    counts = {"parsed": 0, "refused": 0, "failed": 0}
    progress = _Progress(len(inputs))
    executor = None
    if ns.jobs > 1 and len(inputs) > 1:
        executor = ProcessPoolExecutor(ns.jobs, initializer=exit_with_parent, initargs=(os.getpid(),))
    tables = fmt in TABLE_FORMATS
    documents: list[Document] = []
    try:
        output = _Output(None if tables else ns.out, "jsonl" if tables else fmt, several)
    except OSError as exc:
        print(f"minutes-parser: cannot write --out {_display(ns.out)}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    previous = signal.signal(signal.SIGTERM, _on_sigterm) if _main_thread() else None
    try:
        for result in parse_many(_sources(inputs), executor, url=ns.url, adapter=ns.adapter, ordered=True):
            progress.step()
            if tables and result.document is not None:
                counts["parsed"] += 1
                documents.append(result.document)
                continue
            record = _record(result, names[result.index], fmt, several, counts, progress)
            if not tables:
                output.write(record)
        if tables:
            try:
                _write_tables(fmt, ns.out, documents)
            except (OSError, sqlite3.Error) as exc:
                progress.message(f"minutes-parser: cannot write --out {_display(ns.out)}: {exc}")
                return EXIT_FAILED
        else:
            output.finish()
    except _Terminated:
        progress.message("minutes-parser: terminated")
        output.abandon()
        return 128 + signal.SIGTERM
    except BaseException:
        output.abandon()
        raise
    finally:
        progress.close()
        if executor is not None:
            _stop(executor)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    total = sum(counts.values())
    print(
        f"minutes-parser: {total} page(s): {counts['parsed']} parsed, {counts['refused']} refused, "
        f"{counts['failed']} failed",
        file=sys.stderr,
    )
    if counts["failed"]:
        return EXIT_FAILED
    return EXIT_REFUSED if counts["refused"] else EXIT_OK


def _record(
    result: Result, name: str, fmt: str, several: bool, counts: dict[str, int], progress: _Progress
) -> dict[str, Any]:
    """The output record for one result; failures are counted and reported on stderr."""
    if result.document is not None:
        counts["parsed"] += 1
        data = result.document.to_dict()
        if fmt == "jsonl" or several:
            data["path"] = name
        return data
    error = result.error
    counts["refused" if isinstance(error, UnrecognizedPage) else "failed"] += 1
    kind = type(error).__name__
    progress.message(f"{name}: {kind}: {error}")
    return {"path": name, "error": str(error), "error_type": kind}


def _has_module(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


def _stop(executor: ProcessPoolExecutor) -> None:
    """Shut the pool down without waiting on pages nobody will read; stop its workers."""
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(Exception):
            if process.is_alive():
                process.terminate()
    for process in processes:
        with contextlib.suppress(Exception):
            process.join(timeout=5)


def _cmd_adapters(ns: argparse.Namespace) -> int:
    for adapter in registry.adapters():
        kinds = ", ".join(adapter.page_kinds)
        print(f"{adapter.name:16s} {kinds}")
    return EXIT_OK


def _cmd_explain(ns: argparse.Namespace) -> int:
    """Print, for every line of a page, its token, the rule that claimed it and where it went."""
    from pathlib import Path

    from . import explain
    from .errors import ParseError, UnrecognizedPage

    source: bytes | Path = sys.stdin.buffer.read() if ns.path == "-" else Path(ns.path)
    try:
        result = explain(source, url=ns.url, adapter=ns.adapter)
    except UnrecognizedPage as exc:
        print(f"{ns.path}: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except ParseError as exc:
        print(f"{ns.path}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    text = result.render()
    if ns.unplaced:
        text = "\n".join(line for line in text.splitlines() if "UNPLACED" in line or not line.startswith(" ") or line.startswith("  start"))
    print(text)
    return EXIT_OK


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (see ``minutes-parser parse --help``)."""
    ap = argparse.ArgumentParser(
        prog="minutes-parser",
        description="Council democracy pages to structured data.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "parse",
        help="parse pages (files, directories, - for standard input) to JSON",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="page files, directories (walked for page files), or -")
    p.add_argument(
        "--format",
        choices=("json", "jsonl", *TABLE_FORMATS),
        default=None,
        help="json: one object (one input) or one array (several); jsonl: one object a line with its path;"
        " csv / parquet: a folder (--out) of tables, one file each; sqlite: a database (--out) with keys and"
        " full-text search, added to when it exists. Default: json for one input on stdout, jsonl otherwise",
    )
    p.add_argument("--adapter", default=None, help="force an adapter by name (see: minutes-parser adapters)")
    p.add_argument("--url", default=None, help="the page's URL (picks the adapter, resolves links)")
    p.add_argument("--out", default=None, help="write results to this file (replaced only when the run ends)")
    p.add_argument("--jobs", "-j", type=_jobs, default=1, help="parse in N processes (output order is unchanged)")
    p.set_defaults(func=_cmd_parse)
    a = sub.add_parser("adapters", help="list the registered adapters")
    a.set_defaults(func=_cmd_adapters)
    e = sub.add_parser(
        "explain",
        help="show every line of a page with its token, the rule that claimed it, and where it went",
        description="Why a page parses as it does: one line per token (line number, token kind/rule,"
        " where it was placed or UNPLACED, text), after the page kind and the item starts found.",
    )
    e.add_argument("path", metavar="PATH", help="a page file, or - for standard input")
    e.add_argument("--adapter", default=None, help="force an adapter by name")
    e.add_argument("--url", default=None, help="the page's URL")
    e.add_argument("--unplaced", action="store_true", help="show only what no rule placed")
    e.set_defaults(func=_cmd_explain)
    ns = ap.parse_args(argv)
    try:
        return int(ns.func(ns))
    except BrokenPipeError:
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
