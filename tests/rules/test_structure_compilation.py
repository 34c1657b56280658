"""Family T on a scraped compilation written to imitate the user's sample: every breakage is
reported, with its exact span, and nothing else is."""

from __future__ import annotations

from doclint.core.diagnostic import Severity
from doclint.core.document import Document
from doclint.core.fixes import apply_fixes
from doclint.core.linter import ActiveRule, lint_document
from doclint.rules.structure import RULES

# Five speeches as a template site strings them together. The breakages, in order:
#  1  a teaser line ending in "..." that repeats how 第一篇 begins              T302
#  2  "我讲三个问题" but only 一、 and 二、 follow                              T205
#  3  the first speech stops at "增" and runs into the next one's 同志们：      T301
#  4  the second speech has lost its 第二篇 title line                          T201 at its 同志们：
#  5  a word broken by a hard line break ("引\n擎")                              T401
#  6  a hyperlink left as line breaks ("所作的\n工作报告\n。")                   T401
#  7  第三篇's title repeated without the speaker's name                         T101
#  8  第四篇's title three times                                                 T101, T601
#  9  headings 一、二、四、 and a repeated heading                               T202, T102
# 10  一是、二是、四是                                                           T203
# 11  （一） nested inside a 1. list                                              T204
# 12  a paragraph pasted twice                                                  T602
COMPILATION = """\
第一篇：在全县秋粮收购工作会议上的讲话 同志们：今天召开全县秋粮收购工作会议，主要任务是...
第一篇：在全县秋粮收购工作会议上的讲话
同志们：
今天召开全县秋粮收购工作会议，主要任务是总结去年经验，部署今年收购工作。下面，我讲三个问题。
一、充分认识做好秋粮收购工作的重要意义
秋粮收购事关农民增收，事关粮食安全，各乡镇务必高度重视。
二、突出抓好秋粮收购的重点环节
要加强市场监测，严格执行最低收购价政策，确保农民种粮收益稳步增
同志们：
刚才，县长对全年工作作了全面部署，我完全同意。今年要把文旅产业作为拉动消费、带动就业的重要引
擎，加快培育夜间经济，丰富消费场景。
会议听取了县长所作的
工作报告
。大家一致认为报告实事求是。
第三篇：县委书记王立军在全县林业工作会议上的讲话
在全县林业工作会议上的讲话
王 立 军
（2024年3月12日）
同志们：
植树造林是功在当代、利在千秋的事业，全县上下要一以贯之抓下去。
第四篇：在全县防汛抗旱工作会议上的讲话
在全县防汛抗旱工作会议上的讲话
在全县防汛抗旱工作会议上的讲话
同志们：
防汛抗旱关系人民群众生命财产安全。
一、压实防汛责任
要落实行政首长负责制。一是明确责任人，二是细化预案，四是加强值守。
二、加强隐患排查
要对水库、堤防逐一排查。
四、加强隐患排查
要及早储备防汛物资。
第五篇：在全县招商引资工作会议上的讲话
同志们：
招商引资是推动县域经济发展的关键一招，各部门要形成工作合力，确保招商引资工作取得新突破。
一、明确目标任务
1. 引进项目
（一）工业项目
要引进一批骨干企业。
（二）农业项目
要引进一批龙头企业。
2. 引进资金
全年到位资金力争增长一成。
二、强化工作措施
要建立项目库。
招商引资是推动县域经济发展的关键一招，各部门要形成工作合力，确保招商引资工作取得新突破。
"""

EXPECTED = [
    # (code, [line, column, end_line, end_column], the text at the span)
    ("T302", [1, 1, 1, 48],
     "第一篇：在全县秋粮收购工作会议上的讲话 同志们：今天召开全县秋粮收购工作会议，主要任务是..."),
    ("T205", [4, 41, 4, 46], "讲三个问题"),
    ("T301", [8, 21, 8, 32], "确保农民种粮收益稳步增"),
    ("T401", [10, 46, 11, 2], "引\n擎"),
    ("T401", [12, 10, 14, 2], "的\n工作报告\n。"),
    ("T201", [9, 1, 9, 5], "同志们："),
    ("T101", [16, 1, 16, 14], "在全县林业工作会议上的讲话"),
    ("T101", [22, 1, 22, 16], "在全县防汛抗旱工作会议上的讲话"),
    ("T601", [23, 1, 23, 16], "在全县防汛抗旱工作会议上的讲话"),
    ("T203", [27, 27, 27, 29], "四是"),
    ("T202", [30, 1, 30, 3], "四、"),
    ("T102", [30, 3, 30, 9], "加强隐患排查"),
    ("T204", [37, 1, 37, 4], "（一）"),
    ("T602", [45, 1, 45, 45],
     "招商引资是推动县域经济发展的关键一招，各部门要形成工作合力，确保招商引资工作取得新突破。"),
]


def _lint(text: str) -> list:
    doc = Document.from_text(text, "compilation.txt")
    rules = [ActiveRule(rule(), Severity.WARNING) for rule in RULES]
    diagnostics, crashes = lint_document(doc, rules)
    assert not crashes
    return diagnostics


def test_every_breakage_is_reported_with_its_span() -> None:
    found = [(d.code, [d.start.line, d.start.column, d.end.line, d.end.column],
              COMPILATION[d.span.start : d.span.end]) for d in _lint(COMPILATION)]
    assert sorted(found) == sorted(EXPECTED)


def test_safe_fixes_repair_titles_and_lines() -> None:
    diagnostics = _lint(COMPILATION)
    fixes = [d.fix for d in diagnostics if d.fix is not None and d.fix.safe]
    fixed, applied = apply_fixes(COMPILATION, fixes)
    assert applied == 4
    assert "重要引擎，加快培育夜间经济" in fixed
    assert "县长所作的工作报告。大家" in fixed
    assert fixed.count("在全县防汛抗旱工作会议上的讲话") == 1
    assert "第三篇：县委书记王立军在全县林业工作会议上的讲话\n在全县林业工作会议上的讲话" in fixed
    remaining = {d.code for d in _lint(fixed)}
    assert not remaining & {"T401", "T601"}


def test_crlf_copy_reports_the_same_places() -> None:
    crlf = COMPILATION.replace("\n", "\r\n")
    found = [(d.code, [d.start.line, d.start.column, d.end.line, d.end.column])
             for d in _lint(crlf)]
    assert sorted(found) == sorted((code, span) for code, span, _ in EXPECTED)
