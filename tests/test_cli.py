"""The command line: one record per input in input order, failures reported and counted, exit codes."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import PAGES, ROOT, SAMPLES

from minutes_parser import __version__
from minutes_parser.cli import main

GOOD = PAGES / "moderngov_agenda-item_healthy-weight.txt"
OTHER = SAMPLES / "anytown_issue-history_library-opening-hours.txt"
NEWS = PAGES / "news_article_wordpress.html"
"""A news article written for the tests: not a democracy page, so refused."""


def run(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "minutes_parser", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=300,
        check=False,
    )


def test_parse_sample_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(OTHER)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["items"][0]["number"] == "43"
    assert captured.err.strip() == "minutes-parser: 1 page(s): 1 parsed, 0 refused, 0 failed"


def test_bad_files_are_records_and_stderr_lines_and_the_run_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "nope.txt"
    status = main(["parse", "--format", "jsonl", str(NEWS), str(missing), str(GOOD)])
    captured = capsys.readouterr()
    assert status == 3
    errors = captured.err.strip().splitlines()
    assert len(errors) == 3
    assert "UnrecognizedPage" in errors[0] and "no such file" in errors[1]
    assert errors[2] == "minutes-parser: 3 page(s): 1 parsed, 1 refused, 1 failed"
    records = [json.loads(line) for line in captured.out.strip().splitlines()]
    assert [r.get("error_type") for r in records] == ["UnrecognizedPage", "ParseError", None]
    assert [r["path"] for r in records] == [str(NEWS), str(missing), str(GOOD)]
    assert records[2]["source"]["adapter"] == "text"


def test_exit_status_one_when_only_refusals(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(NEWS), str(GOOD)]) == 1


def test_json_format_with_several_files_is_one_array(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "--format", "json", str(GOOD), str(NEWS), str(OTHER)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [d["path"] for d in data] == [str(GOOD), str(NEWS), str(OTHER)]
    assert "error" in data[1] and data[2]["items"][0]["number"] == "43"


def test_output_order_is_input_order_with_jobs(tmp_path: Path) -> None:
    own = sorted(
        p for p in [*SAMPLES.iterdir(), *PAGES.iterdir()] if p.suffix in (".txt", ".html", ".htm", ".xml", ".json")
    )
    pages = [*[p for p in own if not p.name.endswith(".gold.json")][:24], NEWS, tmp_path / "missing.txt"]
    out = tmp_path / "out.jsonl"
    result = run("parse", "--jobs", "2", "--out", str(out), *map(str, pages))
    assert result.returncode == 3, result.stderr
    assert [json.loads(line)["path"] for line in out.read_text(encoding="utf-8").splitlines()] == [
        str(p) for p in pages
    ]


def test_version_and_module_entry_point_and_stdin() -> None:
    assert run("--version").stdout.decode().strip() == f"minutes-parser {__version__}"
    result = run("parse", "-", stdin=OTHER.read_bytes())
    assert result.returncode == 0
    assert json.loads(result.stdout)["items"][0]["number"] == "43"


def test_help_documents_exit_codes() -> None:
    text = run("parse", "--help").stdout.decode()
    for line in ("0  every page parsed", "1  some pages were refused", "2  usage error", "3  some files could not"):
        assert line in text


def test_usage_error_is_exit_two() -> None:
    assert run("parse").returncode == 2
    assert run("parse", "--jobs", "0", str(GOOD)).returncode == 2


def test_directory_walk_takes_page_files_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_bytes(GOOD.read_bytes())
    (tmp_path / "b.html.gz").write_bytes(gzip.compress(OTHER.read_bytes()))
    (tmp_path / "c.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "e.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\nendobj\n")
    (tmp_path / "f.txt").write_text("Our new park opens on Saturday with a brass band.\n", encoding="utf-8")
    status = main(["parse", str(tmp_path)])
    captured = capsys.readouterr()
    paths = [json.loads(line)["path"] for line in captured.out.splitlines()]
    assert [Path(p).name for p in paths] == ["a.txt", "b.html.gz", "e.pdf", "f.txt"]
    assert status == 3  # the PDF cannot be read without a PDF adapter
    assert "PDF" in captured.err and "parsed" in captured.err.splitlines()[-1]


def test_out_naming_an_input_is_refused_and_the_input_kept(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(GOOD.read_bytes())
    result = run("parse", str(page), "--out", str(page))
    assert result.returncode == 2
    assert b"is one of the inputs" in result.stderr
    assert page.read_bytes() == GOOD.read_bytes()


@pytest.mark.parametrize("where", ["missing-dir/out.jsonl", "."])
def test_out_that_cannot_be_written_is_one_line(tmp_path: Path, where: str) -> None:
    result = run("parse", str(GOOD), "--out", str(tmp_path / where))
    assert result.returncode == 2
    assert len(result.stderr.decode().strip().splitlines()) == 1


def test_out_replaced_only_at_the_end(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    assert run("parse", str(GOOD), str(OTHER), "--out", str(out)).returncode == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_ascii_stdout_still_gets_valid_json() -> None:
    result = run("parse", str(GOOD), env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.decode("ascii"))["items"]


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in names")
def test_undecodable_file_name_with_out(tmp_path: Path) -> None:
    name = os.fsencode(str(tmp_path)) + b"/caf\xe9.txt"
    with open(name, "wb") as handle:
        handle.write(GOOD.read_bytes())
    out = tmp_path / "out.jsonl"
    result = run("parse", str(tmp_path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "caf\\xe9.txt" in json.loads(out.read_text(encoding="utf-8"))["path"]


def test_surrogate_escape_in_json_page_does_not_stop_the_run(tmp_path: Path) -> None:
    page = tmp_path / "events.json"
    page.write_bytes(b'[{"EventId": 1, "EventBodyName": "Council \\ud800", "EventDate": "2023-01-05T00:00:00"}]')
    result = run("parse", str(page), str(GOOD))
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2


def test_devices_and_gzip_pages(tmp_path: Path) -> None:
    packed = tmp_path / "page.txt.gz"
    packed.write_bytes(gzip.compress(GOOD.read_bytes()))
    result = run("parse", "/dev/zero", str(packed))
    assert result.returncode == 3
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert "not a regular file" in records[0]["error"] and records[1]["items"]


def test_adapters_lists_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["adapters"]) == 0
    assert "text" in capsys.readouterr().out


def _children(pid: int) -> set[int]:
    """Child processes of ``pid`` (Linux: /proc/<pid>/task/*/children)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.update(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def _alive(pid: int) -> bool:
    """Running, and not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads child processes from /proc (Linux)")
def test_sigterm_with_jobs_leaves_no_workers_and_no_partial_out(tmp_path: Path) -> None:
    # Issue 14, R14 and R15: workers seen alive minutes after their parent was terminated.
    pages = tmp_path / "pages"
    pages.mkdir()
    sample = (SAMPLES / "anytown_issue-history_library-opening-hours.txt").read_bytes()
    for n in range(3000):
        (pages / f"page-{n}.txt").write_bytes(sample)
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "-m", "minutes_parser", "parse", "--jobs", "2", "--out", str(out), str(pages)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 30
        while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
            workers |= _children(proc.pid)
            time.sleep(0.05)
        assert workers, "the run started no worker processes"
        time.sleep(0.5)  # let the workers take pages
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)  # the run stops at once; it does not go on through its 3000 pages
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)], "workers outlived their terminated parent"
    assert proc.returncode != 0
    assert not out.exists(), "a terminated run left a partial --out"
