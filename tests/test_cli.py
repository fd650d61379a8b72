"""The command line parses files, reports bad ones on one line and goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import CORPUS, SAMPLES

from minutes_parser.cli import main


def test_parse_sample_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SAMPLES / "bradford_issue-history_ofsted-monitoring.txt")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["items"][0]["number"] == "70"


def test_bad_file_reported_and_run_goes_on(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    news = CORPUS / "seeds" / "news_calderdale-ofsted.txt"
    good = SAMPLES / "bradford_agenda-item_ilacs-send.txt"
    missing = tmp_path / "nope.txt"
    status = main(["parse", "--format", "jsonl", str(news), str(missing), str(good)])
    captured = capsys.readouterr()
    assert status == 1
    errors = captured.err.strip().splitlines()
    assert len(errors) == 2
    assert "UnrecognizedPage" in errors[0] and "ParseError" in errors[1]
    lines = captured.out.strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["source"]["adapter"] == "text"


def test_adapters_lists_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["adapters"]) == 0
    assert "text" in capsys.readouterr().out
