"""A scraped compilation written to imitate the user's sample: every breakage has its span."""

from __future__ import annotations

from doclint.core import Document, Severity
from doclint.core.linter import ActiveRule, lint_document
from doclint.rules.style import RULES as STYLE_RULES
from doclint.rules.templates import RULES as TEMPLATE_RULES

COMPILATION = "\n".join(
    [
        "第一篇：在全旗春季农牧业生产工作会议上的讲话",
        "同志们：",
        "今天召开这次会议，主要任务是部署春季生产工作，为全年丰收开好头，在全旗春季农牧业生产工作会议上的讲话。下面，我讲三点意见。",
        "一、认清形势",
        "去年，阿荣旗GDp增长6.1%，我旗粮食产量再创新高。刚才，XX书记对全年工作作了部署，我们要认真抓好落实。",
        "二、突出重点",
        "要加快建设、、两个现代农牧业园区，今年重点推进某某农牧业园区建设，筹划某农牧业园区。",
        "要全速推进省道改扩建（XX旗段）工程，形成一心一意谋发展的合力，演讲稿《在全旗春季农牧业生产工作会议上的讲话》。",
        "三、加强领导",
        "我旗各级各部门要加强领导，全旗上下共同努力，建设美丽阿荣，为建设“平安温馨正蓝旗”作出新贡献！",
        " 第二篇：在全旗政法工作会议上的讲话",
        "在全旗政法工作会议上的讲话",
        "王 建 国",
        "（2024年3月20日）",
        "同志们：",
        "一年来，全旗政法机关认真履职，我旗社会大局保持稳定。今年，全旗政法工作要围绕建设“平安正蓝旗”的目标，本旗各部门要齐抓共管。",
    ]
)

EXPECTED = [
    ("P201", 3, 33, 3, 51),  # the document's title pasted after a comma
    ("P101", 5, 31, 5, 33),  # XX书记
    ("T503", 5, 7, 5, 10),  # GDp
    ("P101", 7, 6, 7, 8),  # 、、 with nothing between
    ("P101", 7, 24, 7, 26),  # 某某农牧业园区
    ("P104", 7, 36, 7, 42),  # 某农牧业园区 in the same sentence
    ("P101", 8, 12, 8, 14),  # （XX旗段）
    ("P201", 8, 33, 8, 56),  # 演讲稿《……》
    ("T505", 10, 38, 10, 41),  # 正蓝旗 in a speech that speaks for 阿荣旗
    ("T502", 11, 1, 11, 2),  # the one indented line of the file
]


def _diagnostics() -> list[tuple[str, int, int, int, int]]:
    rules = [ActiveRule(rule(), Severity.WARNING) for rule in TEMPLATE_RULES + STYLE_RULES]
    found, crashes = lint_document(Document.from_text(COMPILATION, "compilation.txt"), rules)
    assert not crashes
    return [(d.code, d.start.line, d.start.column, d.end.line, d.end.column) for d in found]


def test_every_breakage_is_reported_with_its_span() -> None:
    assert sorted(_diagnostics()) == sorted(EXPECTED)


def test_byline_and_second_speech_are_left_alone() -> None:
    lines = {line for _code, line, *_ in _diagnostics()}
    assert not lines & {12, 13, 14, 15, 16}  # title line, spaced byline, date, salutation, body
