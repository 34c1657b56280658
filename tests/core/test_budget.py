"""The per-document time budget of a rule: a runaway rule is stopped, the others go on.

No assertion here is about how long anything took: a stopped rule shows by its message, and a
rule the budget failed to stop would give itself away with a finding after a minute (rather
than hang the suite).
"""

from __future__ import annotations

import re
import signal
import threading
import time
from collections.abc import Iterator

import pytest
import regex

from doclint import Category, Document, Finding, Message, Rule, Span
from doclint.core.budget import RuleClock, RuleTimeout, supported, timeout_message
from doclint.core.config import Config
from doclint.core.diagnostic import Severity
from doclint.core.linter import ActiveRule, lint_document
from doclint.runner.engine import Engine

pytestmark = pytest.mark.skipif(not supported(), reason="no SIGALRM/setitimer here")
ESCAPE = 60.0  # a rule that was not stopped gives up after this long and reports it


def escaped() -> Finding:
    return Finding(Span(0, 1), Message("预算没有生效", "the budget did not stop the rule"))


class Spins(Rule):
    """测试用：文中有“慢”字时空转，并吞下它遇到的每个 Exception。"""

    code, name, category = "XB001", "test.spins", Category.OTHER
    summary = Message("测试", "test")

    def check(self, doc: Document) -> Iterator[Finding]:
        if "慢" not in doc.text:
            return
        give_up = time.monotonic() + ESCAPE
        while time.monotonic() < give_up:
            try:
                sum(range(100))
            except Exception:
                continue
        yield escaped()


class Backtracks(Rule):
    """测试用：文中有“慢”字时运行一个灾难性回溯的正则（选项 engine: re 或 regex）。"""

    code, name, category = "XB002", "test.backtracks", Category.OTHER
    summary = Message("测试", "test")

    def __init__(self, engine: str = "re") -> None:
        self.pattern = (re if engine == "re" else regex).compile(r"(a|aa)+$")

    def check(self, doc: Document) -> Iterator[Finding]:
        if "慢" in doc.text:
            self.pattern.search("a" * 200 + "!")  # 2^100 paths: never ends by itself
            yield escaped()


class Finds(Rule):
    """测试用：报告文中的每个“增”字。"""

    code, name, category = "XB003", "test.finds", Category.OTHER
    summary = Message("找到了", "found")

    def check(self, doc: Document) -> Iterator[Finding]:
        for match in re.finditer("增", doc.text):
            yield Finding(Span(match.start(), match.end()), self.summary)


def active(*rules: Rule) -> list[ActiveRule]:
    return [ActiveRule(rule, Severity.WARNING) for rule in rules]


def document(text: str) -> Document:
    return Engine(Config()).read("a.txt", text.encode("utf-8"))


def test_a_runaway_rule_is_stopped_and_the_others_go_on() -> None:
    doc = document("慢。增长，增加。\n")
    diagnostics, crashes = lint_document(doc, active(Spins(), Finds()), budget=0.2)
    assert crashes == [
        "rule XB001 stopped: it ran longer than its time budget (0.2 s) on this document; "
        "raise it with --rule-timeout or rule-timeout in the config"]
    assert [(d.code, d.start.column) for d in diagnostics] == [("XB003", 3), ("XB003", 6)]
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL


@pytest.mark.parametrize("engine", ["re", "regex"])
def test_a_backtracking_pattern_in_a_code_rule_is_stopped(engine: str) -> None:
    # Both regex engines check for signals while they backtrack, so the budget gets in.
    _, crashes = lint_document(document("慢\n"), active(Backtracks(engine)), budget=0.2)
    assert crashes == [timeout_message("XB002", 0.2)]


def test_without_a_budget_nothing_is_armed() -> None:
    with RuleClock(None) as clock:
        assert not clock.armed
    with RuleClock(0) as clock:
        assert not clock.armed
    with RuleClock(5) as clock:
        assert clock.armed
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_a_timer_already_armed_by_someone_else_is_left_alone() -> None:
    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    try:
        signal.setitimer(signal.ITIMER_REAL, 1000)
        with RuleClock(0.1) as clock:
            assert not clock.armed
        assert signal.getsignal(signal.SIGALRM) is not signal.SIG_DFL
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 100
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert fired == []


def test_the_previous_handler_comes_back() -> None:
    def mine(signum: int, frame: object) -> None:
        return None

    previous = signal.signal(signal.SIGALRM, mine)
    try:
        with RuleClock(5):
            assert signal.getsignal(signal.SIGALRM) is not mine
        assert signal.getsignal(signal.SIGALRM) is mine
    finally:
        signal.signal(signal.SIGALRM, previous)


def test_outside_the_main_thread_rules_run_without_a_budget() -> None:
    seen: list[bool] = []

    def check() -> None:
        with RuleClock(0.1) as clock:
            seen.append(clock.armed)

    thread = threading.Thread(target=check)
    thread.start()
    thread.join()
    assert seen == [False]


def test_a_stop_between_rules_does_not_leak_out() -> None:
    # The alarm that goes off while no rule runs re-arms the timer and raises nothing.
    with RuleClock(0.05) as clock:
        clock.start("XB003")
        clock.stop()
        signal.raise_signal(signal.SIGALRM)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_alarm_waits_for_the_deadline_of_the_rule_running_now() -> None:
    with RuleClock(1000) as clock:
        clock.start("XB003")
        signal.raise_signal(signal.SIGALRM)  # early: the rule started just now
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 900
        clock.started -= 2000  # as if it had started long ago
        with pytest.raises(RuleTimeout, match=r"^rule XB003 stopped: it ran longer than its "
                                              r"time budget \(1000 s\)"):
            signal.raise_signal(signal.SIGALRM)
        clock.stop()
