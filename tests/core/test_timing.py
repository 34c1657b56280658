"""Rule times for ``--timing``: recorded per rule when on, nothing when off.

The clock is a scripted one: no assertion here depends on how fast the machine is.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from doclint import Category, Document, Finding, Message, Rule, Span
from doclint.core import budget, timing
from doclint.core.config import Config
from doclint.core.diagnostic import Severity
from doclint.core.linter import ActiveRule, lint_document
from doclint.runner.engine import Engine


class Finds(Rule):
    """测试用：报告文中的第一个“增”字。"""

    code, name, category = "XT001", "test.finds", Category.OTHER
    summary = Message("找到了", "found")

    def check(self, doc: Document) -> Iterator[Finding]:
        start = doc.text.find("增")
        if start >= 0:
            yield Finding(Span(start, start + 1), self.summary)


class Crashes(Rule):
    """测试用：总是出错。"""

    code, name, category = "XT002", "test.crashes", Category.OTHER
    summary = Message("测试", "test")

    def check(self, doc: Document) -> Iterator[Finding]:
        raise ValueError("broken")
        yield  # pragma: no cover


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each read of the rule clock is 0.25 s after the one before."""
    ticks = iter(range(1000))
    monkeypatch.setattr(budget.time, "monotonic", lambda: 0.25 * next(ticks))


@pytest.fixture
def recording() -> Iterator[None]:
    timing.start_timing()
    yield
    timing.stop_timing()


def lint(*rules: Rule) -> list[str]:
    doc = Engine(Config()).read("a.txt", "同比增长5%。\n".encode())
    diagnostics, _ = lint_document(doc, [ActiveRule(r, Severity.WARNING) for r in rules])
    return [d.code for d in diagnostics]


@pytest.mark.usefixtures("clock", "recording")
def test_each_rule_run_is_recorded_once_with_its_time() -> None:
    assert lint(Finds(), Crashes()) == ["XT001"]
    assert timing.take() == {"XT001": 0.25, "XT002": 0.25}  # the crashed rule's time too
    assert timing.take() == {}  # taken: the next document starts from nothing


@pytest.mark.usefixtures("clock", "recording")
def test_times_add_up_over_documents_until_taken() -> None:
    lint(Finds())
    lint(Finds())
    assert timing.take() == {"XT001": 0.5}


@pytest.mark.usefixtures("clock")
def test_nothing_is_recorded_when_timing_is_off() -> None:
    assert not timing.recording()
    assert lint(Finds()) == ["XT001"]
    assert timing.take() == {}
    timing.record("XT001", 1.0)
    assert timing.take() == {}


def test_each_thread_keeps_its_own_times() -> None:
    """A Dask worker may check documents in several threads at once: one's times never go
    with another's document."""
    taken: dict[str, dict[str, float]] = {}
    barrier = threading.Barrier(2)

    def check(code: str) -> None:
        timing.start_timing()
        barrier.wait()  # both are recording now
        timing.record(code, 1.0)
        barrier.wait()  # both have recorded
        taken[code] = timing.take()
        timing.stop_timing()

    threads = [threading.Thread(target=check, args=(code,)) for code in ("XT001", "XT002")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert taken == {"XT001": {"XT001": 1.0}, "XT002": {"XT002": 1.0}}
    assert not timing.recording()  # nor did they turn it on in this thread


@pytest.mark.usefixtures("clock", "recording")
def test_a_document_s_whole_time_is_taken_with_its_rules() -> None:
    started = budget.time.monotonic()  # 0.0
    lint(Finds())  # the rule's start and stop: 0.25 and 0.5
    assert timing.take(since=started) == {"XT001": 0.25, timing.DOCUMENT: 0.75}
