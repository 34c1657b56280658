"""The pairing rules' quiet path (a unit whose marks pair up is not walked) finds what the
walk finds: every unit below is linted both ways, and the findings must be the same."""

from __future__ import annotations

import pytest

from doclint.core.document import Document
from doclint.yamlrules import builtin_pack_paths, load_pack
from doclint.yamlrules.kinds.pairing import PairingRule, _Pairing

# Units in the manner of real reports, balanced and not, with marks of other widths, list
# numbers, nested quotes, exceptions and brackets carried over lines.
TEXTS = [
    "财政收入7473万元（含农业税2901万元），增长（按可比价格计算）5.2%。",
    "落实《国务院关于优化营商环境的意见》（国发〔2024〕5号）要求。",
    "深化“放管服”改革（见附件，1)，推进“一网通办”（试点）。",
    "（见附件，1)其余（二）部分照旧。",
    "（一）加强组织领导）",
    "要求“贯彻“两个确立”精神”，（一）做好（二）工作。",
    "他说：“要坚持“两个毫不动摇”。“发展是第一要务。”",
    "（原107国道)改造（2024年）完成，(六）项任务【重点】推进。",
    "学习《中华人民共和国宪法（修正案）》和〈实施方案〉。",
    "见[政府发文]2号）和（市级）计划，《关于…[政府发文]30号的通知》[政府发文]25号）。",
    "1）加强领导；2）压实责任（责任到人）。",
    "东经116°23’45”（观测点）附近，中国’99昆明世博会（回顾）。",
    "（2017年3月1日市人大常委会\n第五次会议通过）（修正）",
    "“第一段（引文）。\n“第二段（引文）。”",
    "（\n三）改革开放（成效）",
    "“走在前\"（领跑）和‘两个确立’（要求）。",
    "》》点击进入专题《《（专栏）",
    "<实施方案〉（草案）与“加强\"三河\"治理”（重点）。",
]


def _rules() -> list[type[PairingRule]]:
    rules = [rule for path in builtin_pack_paths() for rule in load_pack(path)]
    return [rule for rule in rules if issubclass(rule, PairingRule)]


def _found(rule: type[PairingRule], text: str) -> list[tuple[int, int, str]]:
    doc = Document.from_text(text, "<test>")
    return [(f.span.start, f.span.end, f.message.zh) for f in rule().check(doc)]


@pytest.mark.parametrize("text", TEXTS)
def test_quiet_units_find_what_the_walk_finds(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rules = _rules()
    assert {rule.code for rule in rules} >= {"BD008", "BD009"}
    quick = {rule.code: _found(rule, text) for rule in rules}
    monkeypatch.setattr(PairingRule, "_quiet", lambda *args: False)
    assert {rule.code: _found(rule, text) for rule in rules} == quick


def test_full_width_brackets_pair_without_the_walk() -> None:
    pairs = {"“": "”", "（": "）", "《": "》"}
    paired = _Pairing(pairs, {"(": "（", ")": "）"},
                      ("“”", "（）", "（)", "(）", "()", "《》"))
    assert paired("（）“（）”《（）》")
    assert not paired("（）（")
    assert not paired("（“）”")
    assert paired("()")
    assert not paired("（)")  # a stand-in: answered as before, the walk decides
