"""The shipped packs stay quiet on clean report prose and find each defect where it is."""

from __future__ import annotations

from doclint.core.document import Document
from doclint.core.linter import ActiveRule, lint_document
from doclint.yamlrules import builtin_pack_paths, load_pack

# Written in the manner of real reports (not copied from any): what must NOT be reported.
CLEAN = """\
政 府 工 作 报 告
——2024年1月15日在市第十七届人民代表大会第三次会议上
各位代表：
　　现在，我代表市人民政府，向大会报告工作，请予审议，并请市政协委员和其他列席人员提出意见。
一、2023年工作回顾
　　过去一年，全市地区生产总值增长5.2%，1—11月规模以上工业增加值增长6.1%，居民消费价格涨幅2%左右。
　　（一）坚持稳中求进。带动第二、三产业协同发展，完成二、三期农网改造，一、二两月用电量增长8.6%。
　　（二）深化开放合作。完善中国—东盟商事仲裁协作机制，建成“两国双园”，实现营业收入1,200万元。
　　1.推动跨境电商发展。深化“放管服”“最多跑一次”改革，新增市场主体3.5万户，引进人才七八百人。
　　“我们要坚定信心。
　　“只要坚持下去，就一定能成功。”
二、2024年主要任务
　　落实《国务院关于进一步优化营商环境的意见》（国发〔2024〕5号）要求，力争投资5亿～10亿元。
　　白鹤滩水电站全面投产……这一切凝结着辛勤付出。工期25～30天，争取节约标准煤700万到800万吨。
　　承办好“5·18国际博物馆日”活动，全国第1。5G基站总量12.2万个。China’s partners (G20) met.
附件：1.2024年重点项目清单
抄送：市委办公室，市人大常委会办公室，市政协办公室。
市人民政府办公室　　　　2024年1月16日印发
"""

# Each line holds one defect: (code, line, column).
DIRTY = """\
各区县:为落实有关要求,现通知如下.
财政收入7473万元(含农业税2901万元)，用了三、四个月时间。
苹果、香蕉、梨...特此通知。。
加强"三河三湖"治理，预计增长15～30%，投资5～10亿元。
根据国发[2024]1号、国办函〔2016〕068号文件，增长3．8%。
要求“贯彻“两个确立”精神”，（一）加强组织领导）
一．总体要求
2024年04月08日
"""
EXPECTED = [
    ("BD004", 1, 4), ("BD004", 1, 12), ("BD004", 1, 18),
    ("BD005", 2, 11), ("SZ003", 2, 26),
    ("BD001", 3, 8), ("BD002", 3, 15),
    ("BD006", 4, 3), ("SZ001", 4, 16), ("SZ002", 4, 25),
    ("GW001", 5, 5), ("GW002", 5, 23), ("SZ004", 5, 33),
    ("BD008", 6, 6), ("BD009", 6, 25),
    ("GW005", 7, 1),
    ("GW008", 8, 5), ("GW008", 8, 8),
]


def _lint(text: str):
    rules = [rule for path in builtin_pack_paths() for rule in load_pack(path)]
    active = [ActiveRule(rule(), rule.severity) for rule in rules]
    found, crashes = lint_document(Document.from_text(text, "<test>"), active)
    assert not crashes, crashes
    return found


def test_clean_report_prose_is_quiet() -> None:
    found = _lint(CLEAN)
    assert [(d.code, d.start.line, d.start.column, d.message.zh) for d in found] == []


def test_every_defect_is_found_where_it_is() -> None:
    found = _lint(DIRTY)
    assert [(d.code, d.start.line, d.start.column) for d in found] == EXPECTED


def test_patterns_run_in_linear_time_on_long_hostile_lines() -> None:
    """A very long line that opens a bracket or quote and never closes it (a flattened web
    page) used to make BD005 and BD006 backtrack once per Han character and time out.

    A pattern that backtracks again shows as its timeout's crash (``_lint`` asserts none). The
    lines (about 20,000 characters) are long enough for backtracking once per character to
    overrun the patterns' 0.5 s timeout many times over, and short enough for a linear scan to
    stay far below it on a loaded machine (160,000 characters came close to it under load).
    """
    hostile = [
        "(" + "中文内容" * 5000,           # one opening bracket, no closing one
        "(中文" * 5000,                    # many, none closed
        '"' + "引号内容" * 5000,           # one straight quote, never closed
        '"中文' * 5000 + "'中文" * 5000, # many straight quotes
        "（" + "括号" * 5000 + "“" * 1000,   # pairing rules over one huge paragraph
    ]
    for line in hostile:
        _lint("开头一句。\n" + line + "\n结尾一句。\n")  # asserts that no rule crashed
