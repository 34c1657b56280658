"""Recall on the user's sample compilation (skipped when shared/ is not beside the repo)."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.core import Document, Severity
from doclint.core.linter import ActiveRule, lint_document
from doclint.rules.style import RULES as STYLE_RULES
from doclint.rules.templates import RULES as TEMPLATE_RULES

SAMPLE = Path(__file__).resolve().parents[3] / "shared" / "samples" / "000_8b5335c45f1d25d8.txt"


@pytest.fixture(scope="module")
def found() -> list[tuple[str, str]]:
    if not SAMPLE.exists():
        pytest.skip("the shared sample is not available")
    text = SAMPLE.read_text(encoding="utf-8")
    rules = [ActiveRule(rule(), Severity.WARNING) for rule in TEMPLATE_RULES + STYLE_RULES]
    diagnostics, crashes = lint_document(Document.from_text(text, str(SAMPLE)), rules)
    assert not crashes
    return [(d.code, text[d.span.start : d.span.end]) for d in diagnostics]


def test_template_artefacts_are_found(found: list[tuple[str, str]]) -> None:
    assert found.count(("P101", "XX")) == 4  # XX书记 ×3, （XX旗段）
    assert ("P101", "、、") in found
    assert found.count(("P101", "某某")) == 2
    assert ("P104", "某工业园区") in found
    assert ("P201", "在旗委工作会议上的讲话") in found
    assert ("P201", "演讲稿《在旗委工作会议上的讲话》") in found
    assert found.count(("T503", "GDp")) == 2


def test_layout_conventions_and_separate_speeches_are_left_alone(
    found: list[tuple[str, str]],
) -> None:
    assert ("T501", "陈 立 新") not in found  # a spaced byline alone on its line
    assert not [f for f in found if f[0] == "T505"]  # each 第N篇 is a speech of its own
