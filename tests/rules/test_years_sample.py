"""A compilation whose years were all rewritten to 2024, in the manner of the user's sample.

Every year-related defect the family hunts is planted once; the test asserts each finding
with its exact position, and nothing else.
"""

from __future__ import annotations

from doclint.core import Document
from doclint.core.linter import ActiveRule, lint_document
from doclint.rules.years import RULES

COMPILATION = """\
第一篇：在县委经济工作会议上的讲话
同志们：
这次会议的主要任务是，认真贯彻党的十六届五中全会精神，回顾“十五”时期的工作，谋划“十一五”的发展。
五年来，全县上下团结一心，经受了抗击“非典”疫情的严峻考验，“十五”计划确定的主要目标全面完成。2024年，全县地区生产总值达到31.6亿元，年均增长12%。财政收入由2024年的8120万元(含农业税2300万元)增加到2024年的1.36亿元，年均增长10.9%。2024、2024、2024年连续三年遭受严重旱灾，粮食生产受到很大影响。
2024年是“十五”计划的收官之年，也是全县发展极不平凡的一年。
第二篇：在全县政法工作会议上的讲话
（2024年3月18日）
同志们：
2024年，是全面贯彻落实党的十七大精神的第一年。2024年，全国将隆重纪念改革开放30周年，北京将举办举世瞩目的奥运会。
要深入开展十七大精神学习教育活动。2024、2024年先后调整了干警津贴标准。
第三篇：在全县经济工作会议上的讲话
同志们：
二、全力抓好2024年经济社会发展主要工作
今年是迎接党的二十大胜利召开之年。要全力做好北京冬奥会服务保障工作，毫不放松抓好新冠肺炎疫情防控。
"""

EXPECTED = [
    # (code, line, column, end_line, end_column, the text marked)
    ("Y203", 3, 14, 3, 25, "贯彻党的十六届五中全会"),
    ("Y203", 4, 17, 4, 22, "抗击“非典"),
    ("Y301", 4, 49, 4, 54, "2024年"),
    ("Y102", 4, 84, 4, 117, "由2024年的8120万元(含农业税2300万元)增加到2024年"),
    ("Y203", 4, 99, 4, 108, "农业税2300万元"),
    ("Y101", 4, 135, 4, 150, "2024、2024、2024年"),
    ("Y201", 5, 1, 5, 6, "2024年"),
    ("Y201", 9, 1, 9, 6, "2024年"),
    ("Y201", 9, 26, 9, 31, "2024年"),
    ("Y203", 9, 48, 9, 61, "北京将举办举世瞩目的奥运会"),
    ("Y203", 10, 6, 10, 11, "十七大精神"),
    ("Y101", 10, 18, 10, 28, "2024、2024年"),
    ("Y203", 14, 4, 14, 15, "迎接党的二十大胜利召开"),  # wording about the present: Y203, not Y201
    ("Y203", 14, 25, 14, 32, "冬奥会服务保障"),
    ("Y203", 14, 41, 14, 49, "新冠肺炎疫情防控"),
]


def _lint(text: str):
    doc = Document(path="anonymised_compilation.txt", source=text,
                   settings={"year": None, "era_markers": []})
    rules = [ActiveRule(rule(), rule.severity) for rule in RULES]
    diagnostics, crashes = lint_document(doc, rules)
    assert not crashes
    return diagnostics


def test_every_planted_defect_is_found_with_its_span() -> None:
    text = COMPILATION
    lines = text.split("\n")
    found = [(d.code, d.start.line, d.start.column, d.end.line, d.end.column,
              lines[d.start.line - 1][d.start.column - 1:d.end.column - 1])
             for d in _lint(text)]
    assert found == EXPECTED


def test_placeholder_is_reported_once_with_its_evidence() -> None:
    diagnostics = [d for d in _lint(COMPILATION) if d.code == "Y301"]
    assert len(diagnostics) == 1
    notes = [r.note.zh for r in diagnostics[0].related]
    assert "同一变化的起止年份相同" in notes
    assert any(n.startswith("相同年份并列") for n in notes)
    assert any("收官之年" in n for n in notes)


def test_messages_name_the_year_and_its_source() -> None:
    diagnostics = _lint(COMPILATION)
    plenum = next(d for d in diagnostics if d.code == "Y203")
    assert "2005—2007年" in plenum.message.zh and "2024年" in plenum.message.zh
    assert "来源" in plenum.message.zh
    dated = next(d for d in diagnostics if d.code == "Y203" and d.start.line == 10)
    assert "日期行" in dated.message.zh
    change = next(d for d in diagnostics if d.code == "Y102")
    assert change.message.zh == "同一变化的起止年份相同：由2024年…增加到2024年"
