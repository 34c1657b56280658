"""Each rule type: it fires with exact spans, stays quiet, fixes, and respects its scope."""

from __future__ import annotations

from packhelp import fixed, lint, spans

MESSAGE = 'message: {zh: "“{match}”", en: "“{match}”"}\n'


def test_existence_spans_and_scope(make_rule):
    rule = make_rule(
        'type: existence\nscope: line\n' + MESSAGE + """
        tokens: ['\\.{3,}', '。{3}']
        examples: {bad: ["好..."], good: ["好……"]}
        """)
    found = lint(rule, "好的...\n真抓实干。。。\n好……")
    assert spans(found) == [(1, 3, 1, 6), (2, 5, 2, 8)]
    assert found[0].message.zh == "“...”" and found[0].fix is None
    assert lint(rule, "好……，西文 3.14 不算。") == []
    # A line-scoped match never runs across a line break.
    line_rule = make_rule('type: existence\nscope: line\n' + MESSAGE + """
        tokens: ['好\\s+的']
        examples: {bad: ["好 的"], good: ["好的"]}
        """)
    assert lint(line_rule, "好\n的") == []
    assert spans(lint(line_rule, "好  的")) == [(1, 1, 1, 5)]


def test_existence_overlapping_tokens_reported_once(make_rule):
    rule = make_rule('type: existence\n' + MESSAGE + """
        tokens: ['。。', '。。。']
        examples: {bad: ["好。。"], good: ["好。"]}
        """)
    assert spans(lint(rule, "好。。。")) == [(1, 2, 1, 5)]


def test_exceptions_drop_matches_inside_them(make_rule):
    rule = make_rule('type: existence\n' + MESSAGE + """
        tokens: ['二、三']
        exceptions: ['第二、三', '二、三产业']
        examples: {bad: ["二、三个"], good: ["第二、三次"]}
        """)
    assert lint(rule, "第二、三次会议，二、三产业") == []
    assert spans(lint(rule, "用了二、三个月")) == [(1, 3, 1, 6)]


def test_substitution_fix_with_groups(make_rule):
    rule = make_rule("""
        type: substitution
        message: {zh: "应为“{replacement}”", en: "Use “{replacement}” for “{match}”"}
        swap:
          '(\\p{Han}{1,8})\\[([0-9]{4})\\](?=[0-9]+号)': '\\1〔\\2〕'
          ',(?=\\p{Han})': '，'
        examples:
          bad: [{text: "国发[2024]1号", fixed: "国发〔2024〕1号"}]
          good: ["国发〔2024〕1号"]
        """)
    text = "依据国发[2024]1号,现通知如下"
    found = lint(rule, text)
    assert spans(found) == [(1, 1, 1, 11), (1, 13, 1, 14)]
    assert found[0].message.zh == "应为“依据国发〔2024〕”"
    assert found[1].message.en == "Use “，” for “,”"
    assert found[0].fix is not None and found[0].fix.safe
    assert fixed(text, found) == "依据国发〔2024〕1号，现通知如下"
    assert lint(rule, fixed(text, found)) == []


def test_substitution_deletion_unsafe_fix_and_no_op(make_rule):
    rule = make_rule("""
        type: substitution
        fix: unsafe
        message: {zh: "删去“{match}”", en: "Delete “{match}”"}
        swap: {'、(?=等)': '', '好': '好'}
        examples:
          bad: [{text: "养老、等事业", fixed: "养老等事业"}]
          good: ["养老等事业"]
        """)
    found = lint(rule, "养老、等事业，很好")
    assert spans(found) == [(1, 3, 1, 4)]  # a swap that changes nothing is not a finding
    assert found[0].fix is not None and not found[0].fix.safe
    assert found[0].fix.title.zh == "删除“、”"


def test_substitution_without_fix(make_rule):
    rule = make_rule("""
        type: substitution
        fix: none
        message: {zh: "x", en: "x"}
        swap: {'\\.\\.\\.': '……'}
        examples: {bad: ["好..."], good: ["好……"]}
        """)
    found = lint(rule, "好...")
    assert spans(found) == [(1, 2, 1, 5)] and found[0].fix is None
    assert rule.fixable is False


def test_literal_and_ignorecase(make_rule):
    rule = make_rule("""
        type: substitution
        literal: true
        ignorecase: true
        message: {zh: "x", en: "x"}
        swap: {'g.d.p': 'GDP'}
        examples: {bad: [{text: "G.D.P增长", fixed: "GDP增长"}], good: ["GDP增长", "gxdxp"]}
        """)
    assert lint(rule, "gxdxp") == []
    assert fixed("g.D.p增长", lint(rule, "g.D.p增长")) == "GDP增长"


def test_repetition_runs_and_fix(make_rule):
    rule = make_rule("""
        type: repetition
        fix: safe
        message: {zh: "“{token}”连用{count}次：{match}", en: "{count}"}
        tokens: ['。', '的']
        examples: {bad: [{text: "好。。", fixed: "好。"}], good: ["好。"]}
        """)
    text = "特此通知。。。\n我的的确确是的的"
    found = lint(rule, text)
    assert spans(found) == [(1, 5, 1, 8), (2, 2, 2, 4), (2, 7, 2, 9)]
    assert found[0].message.zh == "“。”连用3次：。。。"
    assert fixed(text, found) == "特此通知。\n我的确确是的"
    assert lint(rule, "的。的。") == []


def test_occurrence_max_per_sentence(make_rule):
    rule = make_rule("""
        type: occurrence
        scope: sentence
        token: '：'
        max: 1
        message: {zh: "{count}个冒号（最多{max}个）：{match}", en: "{count}"}
        examples: {bad: ["如下：一是："], good: ["如下：好。"]}
        """)
    found = lint(rule, "通知如下：一是：好。二是：好。")
    assert spans(found) == [(1, 8, 1, 9)]
    assert found[0].message.zh == "2个冒号（最多1个）：："
    assert [r.start.column for r in found[0].related] == [5]
    # The same two colons in two sentences are fine.
    assert lint(rule, "通知如下：好。一是：好。") == []


def test_occurrence_min_reports_the_unit(make_rule):
    rule = make_rule("""
        type: occurrence
        scope: paragraph
        token: '。'
        min: 1
        message: {zh: "段落没有句号：{match}", en: "{count}"}
        examples: {bad: ["没有句号"], good: ["有句号。"]}
        """)
    found = lint(rule, "有句号。\n　　没有句号的段落\n")
    assert spans(found) == [(2, 3, 2, 10)]
    assert found[0].message.zh == "段落没有句号：没有句号的段落"


def test_consistency_reports_minority_with_related_and_fix(make_rule):
    rule = make_rule("""
        type: consistency
        literal: true
        fix: safe
        either: {'～': '~'}
        message: {zh: "“{match}”/“{other}”×{count}", en: "x"}
        examples: {bad: [{text: "1～2，3~4，5～6", fixed: "1～2，3～4，5～6"}], good: ["1～2"]}
        """)
    text = "1～2，3~4\n5～6"
    found = lint(rule, text)
    assert spans(found) == [(1, 6, 1, 7)]
    assert found[0].message.zh == "“~”/“～”×2"
    assert [(r.start.line, r.start.column) for r in found[0].related] == [(1, 2)]
    assert fixed(text, found) == "1～2，3～4\n5～6"
    # A tie keeps the form used first.
    assert spans(lint(rule, "3~4，1～2")) == [(1, 6, 1, 7)]


def test_consistency_scope_paragraph(make_rule):
    rule = make_rule("""
        type: consistency
        scope: paragraph
        either: {'二〇[一二][〇一二三四五六七八九]年': '20[12][0-9]年'}
        message: {zh: "x", en: "x"}
        examples: {bad: ["二〇二四年和2024年"], good: ["二〇二四年"]}
        """)
    assert lint(rule, "二〇二四年\n2024年") == []
    assert spans(lint(rule, "二〇二四年，2023年，2022年")) == [(1, 1, 1, 6)]


def test_conditional_plain_and_keyed(make_rule):
    plain = make_rule("""
        type: conditional
        first: '签发人：'
        second: '请示|报告'
        message: {zh: "{match}×{count}", en: "x"}
        examples: {bad: ["签发人：张三\\n通知"], good: ["签发人：张三\\n请示"]}
        """)
    assert spans(lint(plain, "签发人：张三\n关于防汛的通知")) == [(1, 1, 1, 5)]
    assert lint(plain, "签发人：张三\n关于防汛资金的请示") == []
    keyed = make_rule("""
        type: conditional
        first: '“(\\p{Han}{2,4})”'
        second: '以下简称“(\\p{Han}{2,4})”'
        message: {zh: "{match}×{count}", en: "x"}
        examples: {bad: ["推进“放管服”"], good: ["（以下简称“放管服”）推进“放管服”"]}
        """)
    text = "改革（以下简称“放管服”），推进“放管服”和“双碳”，“双碳”。"
    found = lint(keyed, text)
    assert spans(found) == [(1, 23, 1, 27)]
    assert found[0].message.zh == "“双碳”×2"


def test_pairing_balance_nesting_and_fix(make_rule):
    rule = make_rule("""
        type: pairing
        pairs: {'“': '”', '‘': '’', '（': '）'}
        nesting: {'“': '‘'}
        fix: safe
        message: {zh: "“{match}”{problem}（{open}{close}）", en: "“{match}” {problem}"}
        examples:
          bad: ["（一）加强领导）", {text: "“贯彻“两个确立”要求”", fixed: "“贯彻‘两个确立’要求”"}]
          good: ["（一）加强领导"]
        """)
    found = lint(rule, "（一）加强领导）")
    assert spans(found) == [(1, 8, 1, 9)]
    assert found[0].message.zh == "“）”前面没有对应的开头（（））"
    assert found[0].message.en == "“）” has no opening mark"
    found = lint(rule, "培育“小巨人企业，“单项冠军”企业。")
    assert spans(found) == [(1, 3, 1, 4)]  # unclosed: no nesting is claimed when unbalanced
    assert "没有闭合" in found[0].message.zh
    text = "要求“贯彻“两个确立”要求”。"
    found = lint(rule, text)
    assert spans(found) == [(1, 6, 1, 7)]
    assert fixed(text, found) == "要求“贯彻‘两个确立’要求”。"


def test_pairing_scope_continues_and_carry(make_rule):
    base = """
        type: pairing
        pairs: {'“': '”', '《': '》'}
        message: {zh: "{match}{problem}", en: "x"}
        examples: {bad: ["“好"], good: ["“好”"]}
        """
    rule = make_rule(base)
    assert spans(lint(rule, "“第一段\n“第二段。”")) == [(1, 1, 1, 2)]
    assert spans(lint(rule, "根据《\n著作权法\n》第五条")) == [(1, 3, 1, 4), (3, 1, 3, 2)]
    continued = make_rule(base + "continues: ['“']\n")
    assert lint(continued, "“第一段\n“第二段\n“第三段。”") == []
    indented = make_rule(base + "continues: ['“']\n        scope: line\n")
    assert lint(indented, "　　“第一段\n　　“第二段\n　　“第三段。”") == []
    assert spans(lint(indented, "　　“第一段\n　　第二段。")) == [(1, 3, 1, 4)]
    carried = make_rule(base + "carry: 2\n")
    assert lint(carried, "根据《\n著作权法\n》第五条") == []
    assert spans(lint(carried, "根据《\n一。\n二。\n三。\n》")) == [(1, 3, 1, 4), (5, 1, 5, 2)]
    # lines cut at a width (stopping on a character) are not counted: a note wrapped over lines
    assert lint(carried, "根据《某市人民代表大会常务委员会关于修改\n部分地方性法规的决定》修正\n"
                         "并重新公布。") == []
    assert lint(carried, "（2017年12月21日某市人大常委会\n第三十三次会议通过\n2018年3月31日\n"
                         "某省人大常委会第二次会议批准）") == []


def test_pairing_exceptions_ignore_marks(make_rule):
    rule = make_rule("""
        type: pairing
        pairs: {'（': '）', '‘': '’'}
        exceptions: ['(?:^|(?<=[；。\\s]))[0-9]{1,2}）', '(?<=[A-Za-z])’(?=[A-Za-z])']
        message: {zh: "{match}{problem}", en: "x"}
        examples: {bad: ["（好"], good: ["1）好"]}
        """)
    assert lint(rule, "1）提高认识；2）落实责任。China’s economy") == []
    assert spans(lint(rule, "见附件1）")) == [(1, 5, 1, 6)]


def test_heading_and_body_scopes(make_rule):
    heading = make_rule("""
        type: substitution
        scope: heading
        message: {zh: "x", en: "x"}
        swap: {'^([一二三四五六七八九十]{1,3})[.．]': '\\1、'}
        examples: {bad: [{text: "一．总体要求", fixed: "一、总体要求"}], good: ["一、总体要求"]}
        """)
    text = "一．总体要求\n全年增长一．五倍的说法不存在，这是正文。\n　　二．主要任务"
    assert spans(lint(heading, text)) == [(1, 1, 1, 3), (3, 3, 3, 5)]
    body = make_rule("""
        type: existence
        scope: body
        message: {zh: "x", en: "x"}
        tokens: ['任务']
        examples: {bad: ["完成任务。"], good: ["主要任务"]}
        """)
    assert spans(lint(body, "二、主要任务\n要完成任务，落实责任。")) == [(2, 4, 2, 6)]


def test_document_scope_sees_line_starts(make_rule):
    rule = make_rule("""
        type: existence
        scope: document
        message: {zh: "x", en: "x"}
        tokens: ['^[ \\t　]*—[0-9]+—[ \\t　]*$']
        examples: {bad: ["—3—"], good: ["第—3—页"]}
        """)
    assert spans(lint(rule, "正文\n　—3—\n正文")) == [(2, 1, 2, 5)]


def test_rule_class_metadata(make_rule):
    rule = make_rule("""
        type: existence
        name: punctuation.test-dots
        summary: {zh: "省略号写法", en: "Ellipsis form"}
        description: 多行说明。
        basis: GB/T 15834—2011
        message: {zh: "x{match}", en: "x"}
        tokens: ['\\.{3}']
        examples: {bad: ["好..."], good: ["好……"]}
        """)
    assert rule.code == "TP001" and rule.name == "punctuation.test-dots"
    assert rule.origin == "pack:test-pack" and rule.scope == "line"
    assert rule.summary.zh == "省略号写法" and rule.basis == "GB/T 15834—2011"
    assert rule.description().startswith("多行说明。")
    default = make_rule('type: existence\n' + MESSAGE + """
        tokens: ['x']
        examples: {bad: ["x"], good: ["y"]}
        """)
    assert default.name == "test-pack.tp001"
    assert default.summary.zh == "“…”"


def test_requires_limits_a_rule_to_matching_documents(make_rule):
    rule = make_rule('type: existence\n' + MESSAGE + """
        tokens: ['\\[20[0-9]{2}\\]']
        requires: '特此通知|^各[^\\n]{1,20}：$'
        examples: {bad: ["国发[2024]1号，特此通知。"], good: ["国发[2024]1号"]}
        """)
    assert lint(rule, "网友您好！根据国发[2024]1号文件，现答复如下。") == []
    assert spans(lint(rule, "根据国发[2024]1号文件精神。\n特此通知。")) == [(1, 5, 1, 11)]
    assert spans(lint(rule, "各乡镇：\n根据国发[2024]1号文件精神。")) == [(2, 5, 2, 11)]


def test_requires_per_pack_and_overridden_per_rule(tmp_path):
    from doclint.yamlrules import load_pack

    head = "name: gated\nrequires: '特此通知'\nrules:\n"
    rule = """\
  - code: GA00{n}
    type: existence
    category: punctuation
    severity: warning
    message: {{zh: "x", en: "x"}}
    tokens: ['\\[2024\\]']
    examples: {{bad: ["[2024]特此通知"], good: ["[2023]"]}}
"""
    override = "    requires: '现予公布'\n"
    path = tmp_path / "pack.yaml"
    path.write_text(head + rule.format(n=1) + rule.format(n=2) + override, "utf-8")
    first, second = load_pack(path)
    assert spans(lint(first, "国发[2024]1号。特此通知。")) == [(1, 3, 1, 9)]
    assert lint(first, "国发[2024]1号。") == []
    assert lint(second, "国发[2024]1号。特此通知。") == []
    assert spans(lint(second, "国发[2024]1号。现予公布。")) == [(1, 3, 1, 9)]


HOUSE_STYLE = 'type: substitution\n' + MESSAGE + """
    swap:
      '(?<=\\p{Han}),(?=\\p{Han})': '，'
      '(?<=\\p{Han});(?=\\p{Han})': '；'
      '\\(([^()\\n]*\\p{Han}[^()\\n]*)\\)': '（\\1）'
    house_style: true
    examples:
      bad: [{text: "甲,乙，丙，丁", fixed: "甲，乙，丙，丁"}]
      good: ["甲，乙"]
    """


def test_house_style_true_counts_each_right_form(make_rule):
    rule = make_rule(HOUSE_STYLE)
    # A slip among the right forms is reported; so is a single use with no right form.
    assert spans(lint(rule, "甲,乙，丙，丁")) == [(1, 2, 1, 3)]
    assert spans(lint(rule, "甲,乙")) == [(1, 2, 1, 3)]
    # Used at least twice and at least as often as the right form: the document's style.
    assert lint(rule, "甲,乙,丙，丁") == []
    assert lint(rule, "(一)甲\n(二)乙") == []
    # Each form is judged on its own: the semicolon is still a slip beside two "；".
    assert spans(lint(rule, "甲,乙,丙;丁；戊；己")) == [(1, 6, 1, 7)]
    # The right form of "（\1）" is what the replacement begins with: "（".
    assert spans(lint(rule, "(一)甲\n（二）乙\n（三）丙")) == [(1, 1, 1, 4)]


def test_house_style_pattern_for_existence(make_rule):
    rule = make_rule('type: existence\n' + MESSAGE + """
        tokens: ['[0-9]-[0-9](?=[天家])']
        house_style: '[0-9]～[0-9]'
        examples: {bad: ["2-3家，5～6天，1～2家"], good: ["2-3家，5-6天"]}
        """)
    assert spans(lint(rule, "2-3家，5～6天，1～2家")) == [(1, 1, 1, 4)]
    assert lint(rule, "2-3家，5-6天，1～2家") == []


def test_house_style_needs_literal_replacements(tmp_path):
    import pytest
    from packhelp import write_rule

    from doclint.core.errors import ConfigError

    with pytest.raises(ConfigError, match="house_style: true needs replacements that begin"):
        write_rule(tmp_path, 'type: substitution\n' + MESSAGE + """
            swap: {'([0-9])-([0-9])': '\\1～\\2'}
            house_style: true
            examples: {bad: [{text: "1-2", fixed: "1～2"}], good: ["1～2"]}
            """)


def test_exception_cover_answers_as_comparing_every_span() -> None:
    """``Exceptions.cover`` (bisection) against the test of every span, on nested and
    overlapping spans."""
    import random

    from doclint.yamlrules.kinds.base import Exceptions

    rng = random.Random(5)
    for _ in range(300):
        spans = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, 40)
            spans.append((start, start + rng.randint(0, 15)))
        covering = Exceptions(list(spans))
        for _ in range(40):
            start = rng.randint(0, 50)
            end = start + rng.randint(0, 10)
            expected = any(s <= start and end <= e for s, e in spans)
            assert covering.cover(start, end) == expected, (spans, start, end)
