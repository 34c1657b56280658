"""N201: a rate written without its per cent sign (同比增长35；)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from doclint.core import Category, Document, Example, Examples, Finding, Message, Rule, Span
from doclint.core.diagnostic import SUGGESTION
from doclint.rules.numbers.lexicon import BOUNDED_RATES, alternation
from doclint.rules.numbers.passages import clause_start
from doclint.rules.numbers.quantities import BARE, Quantities

# Rates printed in per cent; 容积率 (2.5), 汇率 (6.8) and 功率 are not, so a bare 率 is not
# enough.
_PERCENT_RATES = ("增长率", "失业率", "税率", "利率", "贡献率", "完成率", "使用率", "发生率",
                  "占有率", "转化率", "出栏率", "增速", "增幅")
# What comes right before a number that can only be a percentage. 增加/提高 are absent:
# 增加50 may count people, 提高2 may be points.
_RATE_CONTEXT = re.compile(
    r"(?:"
    r"(?:增长|下降|递增|递减|增幅|增速|降幅|回落|下滑)(?:了|为|达到|达|约|近|超过|保持在)?"
    r"|占[^，,；;。！？\d]{1,20}?(?:的)?(?:比重|比例)?(?:为|达到|达|约|近|超过)?"
    rf"|(?:{alternation(BOUNDED_RATES + _PERCENT_RATES)})(?:要|将|力争|已)?"
    r"(?:为|达到|达|保持在|稳定在|提高到|提升到|超过|约)"
    r")$"
)
_PERCENT_SIGNS = frozenset("%％‰")
_ENDS_NUMBER = frozenset("，,。；;）)\n！？、")
# 6。9％, 37，1％: a decimal point damaged into a comma or a full stop (OCR, typing), with
# the % after the decimals. The number is damaged, not missing its %.
_DAMAGED_DECIMAL = re.compile(r"[，,。．、][ 　]?[0-9０-９]{1,3}[%％‰]")
# 占用, 占地面积, 占据: not a share.
_NOT_SHARE = re.compile(r"占(?:用|地(?!区)|据|领|有(?!率))")
# 增速回落1.2, 失业率下降0.3: a change of a rate may be in points as well as per cent.
_CHANGE_VERB = re.compile(r"^(?:增长|下降|递增|递减|回落|下滑)")
_RATE_SUBJECT = re.compile(r"率|比重|增速|增幅|降幅|占比|份额|比例")
# 排名下降3, 位次提升2: ranks, not rates.
_RANK = re.compile(r"排名|名次|位次|排位|位居")
_TRAILERS = ("以上", "左右", "以下", "多")
_CONTEXT_LAST = frozenset("长降增幅速落滑了为到达约近过在的重例")
_LOOKBACK = 24


class MissingPercentSign(Rule):
    """百分数漏写了“%”：“同比增长35；”“占全县财政收入的60以上”“年均递增11”。

    数字前是“增长”“下降”“递增”“增幅”“占…的”或“覆盖率达到”之类只能接百分数的说法，
    数字后直接是标点（可隔“以上”“左右”），就是漏了百分号。“增长3倍”“提高2个百分点”
    “增加50人”都有单位，不报；“增加”“提高”后的裸数可能是人数或百分点，也不报。
    “增长6。9％”“增长37，1％”是小数点被录成了逗号或句号，百分号还在，不是漏写，不报；
    “占地面积达到50”“排名下降3”也不是百分数；比率的变化（“增速回落1.2”“失业率下降0.3”）
    可能缺的是“个百分点”，不报。
    修复补上文档中占多数的百分号写法，修复需人工确认。
    """

    code = "N201"
    name = "number.missing-percent-sign"
    category = Category.MISSING_UNIT
    # A file with more than this many is one systematic defect: one finding, the rest related.
    group_after = 10
    summary = Message("百分数缺少“%”。", "A percentage lacks its “%”.")
    message = Message("“{context}{number}”后缺少“%”。", "“{context}{number}” lacks “%”.")
    fixable = True
    examples = Examples(
        bad=(Example("全部工业实现增加值7.6亿元，同比增长35；规模以上工业增加值同比增长40。",
                     fixed="全部工业实现增加值7.6亿元，同比增长35%；规模以上工业增加值同比增长40%。"),
             Example("全部工业完成税收9000万元，占全县财政收入的60以上。",
                     fixed="全部工业完成税收9000万元，占全县财政收入的60%以上。")),
        good=(
            "全部工业实现增加值7.6亿元，同比增长35%。",
            "出口额增长3.2倍，服务业比重提高2个百分点。",
            "全年新增就业增加50人，入园企业达到30家。",
        ),
    )
    basis = "GB/T 15835—2011 百分数带“%”"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        quantities = doc.facts(Quantities)
        sign = "％" if text.count("％") > text.count("%") else "%"
        title = Message(f"补上“{sign}”", f"Add “{sign}”")
        starts = quantities.starts
        candidates = [i for i, s in enumerate(starts) if s and text[s - 1] in _CONTEXT_LAST]
        for index in candidates:
            start = starts[index]
            if not _bare_end(text, quantities.ends[index]):
                continue
            context = _RATE_CONTEXT.search(text, max(0, start - _LOOKBACK), start)
            if context is None or _NOT_SHARE.match(context.group()) or _RANK.search(
                    text, max(0, context.start() - 6), context.end()):
                continue
            if _DAMAGED_DECIMAL.match(text, quantities.ends[index]):
                continue
            if _CHANGE_VERB.match(context.group()) and _RATE_SUBJECT.search(
                    text, clause_start(text, context.start(), max(0, context.start() - 30)),
                    context.start()):
                continue
            quantity = quantities.run(index)
            if quantity is None or quantity.kind != BARE or quantity.ranged or quantity.ordinal:
                continue
            span = Span(quantity.start, quantity.end)
            yield self.report(span, context=context.group()[-10:], number=quantity.text,
                              fix=self.replace(Span(quantity.end, quantity.end), sign, title,
                                               SUGGESTION))


def _bare_end(text: str, end: int) -> bool:
    """Whether the number is followed by punctuation, maybe after 以上/左右."""
    for trailer in _TRAILERS:
        if text.startswith(trailer, end):
            end += len(trailer)
            break
    if end >= len(text):
        return True
    after = text[end]
    if after == "\n":
        # 增长35⏎%: a line cut at a fixed width, the % on the next line.
        return text[end + 1 : end + 8].lstrip(" \u3000\t")[:1] not in _PERCENT_SIGNS
    if after == "、":
        return not text[end + 1 : end + 2].isdigit()
    return after in _ENDS_NUMBER
