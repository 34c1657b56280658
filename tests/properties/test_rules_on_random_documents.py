"""Property tests: every built-in rule, preview included, on random documents.

The documents are built from fragments of the genre (years, era markers, headings, figures,
placeholders, markup) mixed with arbitrary characters, so the rules' own paths are exercised and
not only their early exits. Runs are derandomised: the same examples every time, no flakiness.
"""

from __future__ import annotations

import functools
import itertools

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from doclint.core.config import Config  # noqa: E402
from doclint.core.diagnostic import Severity  # noqa: E402
from doclint.core.document import Document  # noqa: E402
from doclint.core.linter import ActiveRule, lint_document  # noqa: E402
from doclint.core.rule import Rule  # noqa: E402
from doclint.runner.engine import Engine  # noqa: E402
from doclint.testing import default_registry  # noqa: E402

FRAGMENTS = [
    "2024年", "二〇二三年", "去年", "明年", "“十四五”", "十一五", "五五普法", "党的二十大", "建党100周年",
    "第一篇", "第三篇", "一、", "二、", "（一）", "（三）", "1.", "3、", "第一条", "第二章", "第N条",
    "增长", "下降", "35", "8.2", "%", "％", "个百分点", "亿元", "万元", "占", "比重为", "其中",
    "同比", "分别为", "、", "，", "。", "；", "：", ":", "！", "？", "“", "”", "《", "》", "（", "）",
    "(", ")", "—", "－", "-", "～", "~", "…", "XX", "××", "某某", "___", "[单位名称]", "同志们：",
    "\n", "\n\n", "\r\n", "　　", " ", "\t", "# ", "## ", "```", "---\n", "<p>", "</p>", "<br>",
    "&nbsp;", "来源：", "版权所有", "责任编辑", "GDP", "pm2.5", "Pvc", "１２３", "1 9 9 7", "星期三",
    "2024年2月30日", "扎赉特旗", "多伦县", "讲话", "报告", "关于", "的通知", "县委书记", "全县",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.characters(codec="utf-8"),
                          st.text(max_size=6)), max_size=80).map("".join)
SETTINGS = settings(max_examples=120, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def every_rule() -> list[ActiveRule]:
    return [ActiveRule(cls(), Severity.WARNING) for cls in default_registry()
            if isinstance(cls, type) and issubclass(cls, Rule)]


RULES = every_rule()


@SETTINGS
@given(text=TEXT, year=st.sampled_from([None, 1998, 2008, 2024]))
def test_no_rule_raises_and_every_span_is_inside_the_document(text: str, year: int | None) -> None:
    doc = Document(path="random.txt", source=text, metadata={},
                   settings={"year": year, "era_markers": []})
    diagnostics, crashes = lint_document(doc, RULES)
    assert crashes == []
    for diag in diagnostics:
        assert 0 <= diag.span.start <= diag.span.end <= len(text)
        assert diag.start == doc.position(diag.span.start)
        assert diag.end == doc.position(diag.span.end)
        for related in diag.related:
            if related.path == doc.path:
                assert 0 <= related.span.start <= related.span.end <= len(text)
        if diag.fix is not None:
            edits = sorted(diag.fix.edits, key=lambda e: e.span.start)
            for edit in edits:
                assert 0 <= edit.span.start <= edit.span.end <= len(text)
            for before, after in itertools.pairwise(edits):
                assert before.span.end <= after.span.start


@SETTINGS
@given(text=TEXT)
def test_line_and_column_round_trip_to_offsets(text: str) -> None:
    doc = Document(path="random.txt", source=text, metadata={}, settings={})
    starts = doc.index.starts
    for offset in range(len(text) + 1):
        position = doc.position(offset)
        assert starts[position.line - 1] + position.column - 1 == offset


@functools.cache
def engine() -> Engine:
    return Engine(Config(preview=True))


@settings(max_examples=120, deadline=None, derandomize=True, database=None)
@given(data=st.binary(max_size=400), suffix=st.sampled_from([".txt", ".md", ".docx"]))
def test_any_bytes_give_a_result_or_a_one_line_error(data: bytes, suffix: str) -> None:
    result, _facts = engine().lint_bytes(f"random{suffix}", data)
    assert result.crashes == ()
    if result.error is not None:
        assert "\n" not in result.error
