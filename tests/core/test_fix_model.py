"""The fix model: applicability, the figure guard, and fixing until stable with rollback."""

from __future__ import annotations

import re

import pytest

from doclint.core.diagnostic import (
    SAFE,
    SUGGESTION,
    UNSAFE,
    Applicability,
    Category,
    Diagnostic,
    Edit,
    Finding,
    Fix,
    Message,
    Severity,
)
from doclint.core.document import Document, Span
from doclint.core.fixes import changes_figures, fix_text, guard_figures
from doclint.core.linter import group_findings

TITLE = Message("改", "Change")


def test_applicability_and_the_old_safe_flag() -> None:
    assert Fix((), TITLE).applicability is UNSAFE  # unlabelled: never applied unasked
    assert Fix((), TITLE, True).applicability is SAFE
    assert Fix((), TITLE, False).applicability is UNSAFE
    assert Fix((), TITLE, safe=True).safe
    assert Fix((), TITLE, "suggestion").applicability is SUGGESTION
    with pytest.raises(ValueError, match="unknown fix applicability"):
        Applicability.parse("maybe")
    assert [Fix((), TITLE, a).applies() for a in (SAFE, UNSAFE, SUGGESTION)] == [
        True, False, False]
    assert [Fix((), TITLE, a).applies(unsafe=True) for a in (SAFE, UNSAFE, SUGGESTION)] == [
        True, True, False]


@pytest.mark.parametrize(("text", "start", "end", "replacement", "changed"), [
    ("国发[2024]1号", 2, 8, "〔2024〕", False),  # brackets round a year
    ("截至08年8月", 2, 5, "2008年", True),  # a year completed
    ("发文〔2023〕07号", 8, 10, "7", True),  # a leading zero dropped
    ("投资20 48亿元", 2, 7, "2048", True),  # two numbers merged
    ("二零二三年", 1, 2, "〇", True),  # a numeral in a year
    ("增长３．６８", 2, 6, "3.68", False),  # width only
    ("甲\n同比增长5%\n乙", 1, 8, "", False),  # a whole line with its figure deleted
    ("附件：1、2024年计划", 4, 5, ".", True),  # “1.2024” would read as one number
    ("“5•12”地震", 2, 3, "·", False),
])
def test_figure_guard(text: str, start: int, end: int, replacement: str, changed: bool) -> None:
    edit = Edit(Span(start, end), replacement)
    assert changes_figures(text, [edit]) is changed
    fix = guard_figures(text, Fix((edit,), TITLE, SAFE))
    assert fix.applicability is (SUGGESTION if changed else SAFE)


def _changes_figures_reading_all(text: str, edits: list[Edit]) -> bool:
    """The figure guard as it was before long edits were judged by their ends: every figure
    of the edited text read."""
    from doclint.core.fixes import _CONTEXT, _subsequence, figures

    for edit in edits:
        start, end = edit.span
        left, right = text[max(0, start - _CONTEXT) : start], text[end : end + _CONTEXT]
        before = figures(left + text[start:end] + right)
        after = figures(left + edit.replacement + right)
        if before != after and not _subsequence(after, before):
            return True
    return False


def test_long_edits_judged_by_their_ends_as_by_all_their_figures() -> None:
    import random

    rnd = random.Random(11)
    pieces = ["3", "12", "０", "二", "十", ".", "。", "，", ",", "年", "增长", "亿元", " ", "\n",
              "5%", "2024", "甲乙丙丁戊", "．"]
    changed = kept = 0
    for _ in range(4000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(60, 400)))
        start = rnd.randint(0, len(text) // 3)
        end = rnd.randint(min(len(text), start + 100), len(text))
        replacement = rnd.choice(["", "", "。", "5", "年", "甲"])
        edits = [Edit(Span(start, end), replacement)]
        expected = _changes_figures_reading_all(text, edits)
        assert changes_figures(text, edits) is expected, (text, start, end, replacement)
        changed += expected
        kept += not expected
    assert changed > 100 and kept > 100
    # A page copy deleted whole: its figures go, the ones around it stay.
    page = "全年增长5%。\n" + "各项工作取得新进展，完成投资12亿元。\n" * 40 + "明年目标6%。"
    start = page.index("各项")
    end = page.rindex("明年")
    assert not changes_figures(page, [Edit(Span(start, end), "")])
    # … and one whose removal glues two figures together changes them.
    glued = "投资12" + "（重复的一段文字，不含数字）" * 20 + "34亿元"
    assert changes_figures(glued, [Edit(Span(4, len(glued) - 4), "")])


def test_group_takes_the_least_trusted_applicability() -> None:
    findings = [Finding(Span(0, 1), TITLE, fix=Fix((Edit(Span(0, 1), "，"),), TITLE, SAFE)),
                Finding(Span(3, 4), TITLE, fix=Fix((Edit(Span(3, 4), "，"),), TITLE, UNSAFE))]
    assert group_findings(findings).fix.applicability is UNSAFE  # type: ignore[union-attr]


def _linter(rules: dict[str, tuple[str, str, Applicability]]):
    """A tiny linter: code -> (pattern, replacement, applicability); None: no fix."""
    def lint(text: str) -> list[Diagnostic]:
        doc = Document.from_text(text)
        found = []
        for code, (pattern, replacement, applicability) in rules.items():
            for m in re.finditer(pattern, text):
                span = Span(m.start(), m.end())
                fix = (Fix((Edit(span, replacement),), TITLE, applicability)
                       if replacement is not None else None)
                found.append(Diagnostic(doc.path, code, "test.rule", Category.OTHER,
                                        Severity.WARNING, TITLE, span, doc.position(span.start),
                                        doc.position(span.end), fix=fix))
        return sorted(found, key=lambda d: d.span)
    return lint


def test_fix_text_loops_until_stable() -> None:
    # “。。。” -> “。。” -> “。”: one fix per round, overlapping fixes wait.
    lint = _linter({"X001": ("。。", "。", SAFE)})
    run = fix_text("好。。。。\n", lint)
    assert (run.text, run.applied, run.stable, run.diagnostics) == ("好。\n", 3, True, [])


def test_a_fix_that_adds_a_diagnostic_is_rolled_back() -> None:
    # X001 turns “,” into “，，”, which X002 reports: the X001 fix is dropped, and the
    # X003 fix on another line is still applied.
    lint = _linter({"X001": (",", "，，", SAFE), "X002": ("，，", None, SAFE),
                    "X003": (":", "：", SAFE)})
    run = fix_text("经研究,现将\n如下:\n", lint)
    assert run.text == "经研究,现将\n如下：\n"
    assert run.applied == 1
    assert [(r.diagnostic.code, r.added.code) for r in run.rolled_back] == [("X001", "X002")]
    assert [(d.code, d.fix.applicability) for d in run.diagnostics] == [  # type: ignore[union-attr]
        ("X001", SUGGESTION)]  # rolled back: reported as a suggestion
    again = fix_text(run.text, lint)
    assert (again.text, again.applied) == (run.text, 0)


def test_unsafe_and_suggestions_and_hidden_diagnostics() -> None:
    lint = _linter({"X001": ("a", "b", UNSAFE), "X002": ("c", "d", SUGGESTION),
                    "X003": ("e", "f", SAFE)})
    assert fix_text("ace", lint).text == "acf"
    assert fix_text("ace", lint, unsafe=True).text == "bcf"
    # A suppressed diagnostic (keep false) keeps its text, and stays hidden afterwards.
    run = fix_text("ace", lint, unsafe=True, keep=lambda d: d.code != "X003")
    assert run.text == "bce"
    assert [d.code for d in run.diagnostics] == ["X002"]
