"""`doclint check` stops a rule that runs past its time budget on one document: one line for
that rule and file, the other rules and files go on, exit 2 (like a crash).

No timing assertions: a rule the budget failed to stop reports itself after a minute.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from runhelp import Doclint

from doclint import (
    ArchiveRule,
    Category,
    Document,
    Examples,
    Finding,
    Message,
    Rule,
    Span,
    hookimpl,
)
from doclint.core.budget import supported
from doclint.plugins.manager import get_plugin_manager

pytestmark = pytest.mark.skipif(not supported(), reason="no SIGALRM/setitimer here")
DEFECT = "全县生产总值同比增长35；工业增加值增长8%。\n"
STOPPED = ("rule {code} stopped: it ran longer than its time budget ({budget} s) on this "
           "document; raise it with --rule-timeout or rule-timeout in the config")


def spin_on(doc: Document) -> bool:
    """Spin while the document has “慢”; True if nothing stopped it within a minute."""
    if "慢" not in doc.text:
        return False
    give_up = time.monotonic() + 60
    while time.monotonic() < give_up:
        sum(range(100))
    return True


class Spins(Rule):
    """测试用：文中有“慢”字时空转。"""

    code, name, category = "XS001", "test.spins", Category.OTHER
    summary = Message("预算没有生效", "the budget did not stop the rule")

    def check(self, doc: Document) -> Iterator[Finding]:
        if spin_on(doc):
            yield Finding(Span(0, 1), self.summary)


class SpinsToo(ArchiveRule):
    """测试用：收集事实时，文中有“慢”字就空转。"""

    code, name, category = "XS002", "test.spins-collecting", Category.OTHER
    summary = Message("预算没有生效", "the budget did not stop the rule")
    examples = Examples(bad=("慢",), good=("快",))

    def collect(self, doc: Document) -> bool:
        return spin_on(doc)

    def combine(self, facts: Iterable[tuple[str, Any]]) -> Iterator[tuple[str, Finding]]:
        for path, escaped in facts:
            if escaped:
                yield path, Finding(Span(0, 1), self.summary)


class SlowPlugin:
    @hookimpl
    def doclint_rules(self) -> list[type]:
        return [Spins, SpinsToo]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    get_plugin_manager().register(SlowPlugin())
    docs = tmp_path / "docs"
    docs.mkdir()
    for number in range(6):
        slow = "慢。" if number in (1, 4) else ""
        (docs / f"{number}.txt").write_text(slow + DEFECT, encoding="utf-8")
    return docs


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_runaway_rule_is_stopped_on_its_document_and_the_batch_goes_on(
        folder: Path, doclint: Doclint, jobs: str) -> None:
    run = doclint("check", "--no-cache", "--jobs", jobs, "--select", "N201,XS001",
                  "--rule-timeout", "0.5", "--format", "json", "docs")
    assert run.code == 2
    assert run.err_lines == [f"doclint: docs/{n}.txt: " + STOPPED.format(code="XS001", budget=0.5)
                             for n in (1, 4)]
    report = run.json()
    assert [(d["path"], d["code"]) for d in report["diagnostics"]] == [
        (f"docs/{n}.txt", "N201") for n in range(6)]
    assert report["files"][1]["crashes"] == [STOPPED.format(code="XS001", budget=0.5)]


def test_an_archive_rule_is_stopped_while_it_collects(folder: Path, doclint: Doclint) -> None:
    run = doclint("check", "--no-cache", "--jobs", "1", "--select", "N201,XS002",
                  "--rule-timeout", "0.5", "--format", "json", "docs")
    assert run.code == 2
    assert run.err_lines == [f"doclint: docs/{n}.txt: " + STOPPED.format(code="XS002", budget=0.5)
                             for n in (1, 4)]
    assert [d["code"] for d in run.json()["diagnostics"]] == ["N201"] * 6


def test_the_config_sets_the_budget(folder: Path, doclint: Doclint) -> None:
    (folder.parent / ".doclint.yaml").write_text("rule-timeout: 0.25\nmax-size: 1.5\n",
                                                  encoding="utf-8")
    run = doclint("check", "--no-cache", "--jobs", "1", "--select", "XS001", "docs/1.txt")
    assert (run.code, run.err_lines) == (
        2, ["doclint: docs/1.txt: " + STOPPED.format(code="XS001", budget=0.25)])
    shown = doclint("config")
    assert "rule-timeout: 0.25" in shown.out and "max-size: 1.5" in shown.out  # plain floats


@pytest.mark.parametrize("value", ["-1", "soon", "true"])
def test_a_bad_budget_in_the_config_is_an_error(folder: Path, doclint: Doclint,
                                                 value: str) -> None:
    (folder.parent / ".doclint.yaml").write_text(f"year: 2024\nrule-timeout: {value}\n",
                                                  encoding="utf-8")
    run = doclint("check", "docs/0.txt")
    assert run.code == 2
    message = ('"rule-timeout" must be a number of seconds (0: no limit)' if value == "-1"
               else '"rule-timeout" must be a number')
    where = folder.parent / ".doclint.yaml"
    assert run.err_lines == [f"doclint: error: {where}:2:1: {message}"]


def test_a_bad_budget_on_the_command_line_is_a_usage_error(folder: Path, doclint: Doclint
                                                          ) -> None:
    run = doclint("check", "--rule-timeout", "-2", "docs/0.txt")
    assert run.code == 2
    assert "Invalid value for '--rule-timeout': -2.0 is not in the range x>=0." in run.err


def test_the_traceback_shows_where_the_rule_was_stopped(
        folder: Path, doclint: Doclint, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG, logger="doclint.core.linter"):
        doclint("check", "--no-cache", "--jobs", "1", "--select", "XS001",
                "--rule-timeout", "0.5", "docs/1.txt")
    stopped = [r for r in caplog.records if r.getMessage() == "rule XS001 stopped on docs/1.txt"]
    assert len(stopped) == 1 and stopped[0].exc_info is not None
    assert stopped[0].levelno == logging.DEBUG  # shown with --verbose only
