"""Archive rules' findings go through the same ignore file and baseline as the others."""

from __future__ import annotations

from pathlib import Path

import pytest
from runhelp import ArchivePlugin, Doclint

from doclint.plugins.manager import get_plugin_manager

TITLE = "在全县经济工作会议上的讲话\n"


@pytest.fixture
def twins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    get_plugin_manager().register(ArchivePlugin())
    for name, body in (("a.txt", "同志们：\n今天召开会议。\n"), ("b.txt", "同志们：\n现在开会。\n")):
        (tmp_path / "docs").mkdir(exist_ok=True)
        (tmp_path / "docs" / name).write_text(TITLE + body, encoding="utf-8")
    return tmp_path


def codes(run: object) -> list[tuple[str, str, int]]:
    return [(d["path"], d["code"], d["line"]) for d in run.json()["diagnostics"]]  # type: ignore


def test_archive_findings_in_the_baseline(twins: Path, doclint: Doclint) -> None:
    args = ["check", "--select", "XA101", "--jobs", "1", "--format", "json"]
    assert codes(doclint(*args, "docs")) == [("docs/b.txt", "XA101", 1)]
    update = doclint(*args, "--baseline", "b.json", "--update-baseline", "docs")
    assert update.json()["summary"]["hidden"] == {"suppressed": 0, "baselined": 1}
    for _ in range(2):  # the second time, the archive phase comes from the cache
        run = doclint(*args, "--baseline", "b.json", "docs")
        assert (run.code, codes(run)) == (0, [])


def test_archive_findings_and_the_ignore_file(twins: Path, doclint: Doclint) -> None:
    (twins / ".doclint-ignore.yaml").write_text(
        "ignore:\n  - {path: docs/b.txt, code: XA101, text: 在全县经济工作会议上的讲话, "
        "reason: 同一会议的两份讲话}\n", encoding="utf-8")
    run = doclint("check", "--select", "XA101", "--jobs", "1", "--format", "json",
                  "--report-unused-suppressions", "docs")
    assert (run.code, codes(run), run.err) == (0, [], "")
