"""Golden outputs of `doclint check` on tests/fixtures/report (refresh with --update-golden)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from doclint import __version__

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
GOLDEN = Path(__file__).resolve().parent / "golden"

Doclint = Callable[..., Any]  # the `doclint` fixture of conftest.py


def stable(fmt: str, output: str) -> str:
    """Replace what depends on the machine (the SARIF base URI) or on the release."""
    if fmt != "sarif":
        return output
    log = json.loads(output)
    run = log["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == FIXTURES.as_uri() + "/"
    run["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///SRCROOT/"
    assert run["tool"]["driver"]["version"] == __version__
    run["tool"]["driver"]["version"] = "VERSION"
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize(("fmt", "name"), [("text", "report.txt"), ("json", "report.json"),
                                            ("sarif", "report.sarif")])
def test_golden(fmt: str, name: str, doclint: Doclint, update_golden: bool,
                monkeypatch: pytest.MonkeyPatch) -> None:
    # report/doclint.yaml selects the foundation's rules, so new rule families do not show here.
    monkeypatch.chdir(FIXTURES)
    run = doclint("check", "--format", fmt, "report", select=False)
    assert (run.code, run.err) == (1, "")
    got = stable(fmt, run.out)
    golden = GOLDEN / name
    if update_golden:
        golden.write_text(got, encoding="utf-8", newline="\n")
    assert got == golden.read_text(encoding="utf-8"), (
        f"{name} differs; if the change is intended, run pytest --update-golden and review it")


def test_golden_paths_are_relative_and_in_input_order() -> None:
    report = json.loads((GOLDEN / "report.json").read_text(encoding="utf-8"))
    assert [f["path"] for f in report["files"]] == [
        "report/clean.txt", "report/notes.md", "report/speech.txt"]
    assert [(d["path"], d["code"], d["line"]) for d in report["diagnostics"]][:3] == [
        ("report/notes.md", "P101", 11), ("report/speech.txt", "P101", 1),
        ("report/speech.txt", "T601", 2)]
