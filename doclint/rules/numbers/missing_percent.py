"""N201: a rate written without its per cent sign (同比增长35；)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import compress

from doclint.core import Category, Document, Example, Examples, Finding, Message, Rule, Span
from doclint.core.diagnostic import SUGGESTION
from doclint.core.lazyregex import lazy_re
from doclint.rules.numbers.lexicon import BOUNDED_RATES, alternation
from doclint.rules.numbers.passages import clause_start
from doclint.rules.numbers.quantities import BARE, PERCENT, Quantities, Quantity

# Rates printed in per cent. Any word ending in 率 is one, except these: 容积率 (2.5), 汇率
# (6.8), 功率 and the like are not percentages, and 出生率, 死亡率, 自然增长率 are per mille.
_NOT_PERCENT_RATES = lazy_re(
    r"(?:容积|汇|功|频|效|速|倍|市盈|市净|概|出生|死亡|自然增长|生育|周转|分辨|码|帧|圆周|"
    r"转化效|兑换|换算|折算)率$")
_NAMED_RATES = ("增长率", "增速", "增幅", "涨幅", "升幅", "降幅", "跌幅", "占比", "比重", "比例",
                "份额", "进度", "贡献度", "依存度", "增长面", "满意度", "认知度", "知晓度")
_VERB = (r"(?:为|是|达到了|达到|达|高达|约为|约|近|接近|超过|超|突破|逾|仅为|只有|已达|保持在|稳定在|不到|不足"
         # where a rate or a share moves to: its new level (比重提升至52.9, 积累率降为33.6)
         r"|(?:提高|提升|上升|下降|降低|回落)(?:到|至)|升至|降至|降为|降到)")
# What may stand between a rate and its verb: a time, an average, a mode of reckoning, an aim
# (比例明年要达到80, 形成率平均每年为43.9, 通胀率按年率计算为2.9, 入园率和普惠率均达到93).
_RATE_FRAME = (r"(?:分别|均|都|要|将|力争|已|已经|预计|持续|平均每年|平均|年均|按年率计算"
               r"|明年|今年|全年|当年|同期|年底|年末|上半年|前三季度){0,2}")
# What comes right before a number that can only be a percentage. 增加 is absent: 增加50 may
# count people. 提高2/降低2 may be points when a rate changes: _change_of_rate settles that.
_RATE_CONTEXT = lazy_re(
    r"(?:"
    r"(?P<change>增长|下降|上升(?!为)|递增|递减|回落|下滑|上涨|下跌|降低|提高)(?:了|分别|均)?" + _VERB + r"?"
    # 占全县财政收入的60, 占62, 占比达30, 占全省比重超50: a share. 由/较/提高 … in between
    # make the number a change of the share (占比较上年提高2), not the share.
    r"|(?P<share>占(?:比|[^，,；;。！？\d、：:由从较\n\r]{1,20}?(?:的)?(?:比重|比例|份额)?)?)" + _RATE_FRAME
    + _VERB + r"?"
    rf"|(?P<rate>[\u4e00-\u9fff]{{0,8}}率|{alternation(_NAMED_RATES + BOUNDED_RATES)})"
    + _RATE_FRAME + _VERB + r"?"
    r")$"
)
_PERCENT_SIGNS = frozenset("%％‰")
_ENDS_NUMBER = frozenset("，,。；;）)\n！？、")
# 6。9％, 37，1％, 16　7%, 5」9％: a decimal point damaged into a comma, a full stop, a space
# or scan debris (OCR, typing), with the % after the decimals; 97」％: debris between the
# figure and its %. The number is damaged, not missing its %.
_DAMAGED_DECIMAL = lazy_re(r"(?:[，,。．、」「][ 　]?|[ 　])[0-9０-９]{1,3}[%％‰]|[」「][%％‰]")
# 占用, 占地面积, 占据: not a share; 占比较上年提高2: a change of the share, maybe in points.
_NOT_SHARE = lazy_re(r"占(?:用|地(?!区)|据|领|有(?!率))|(?:提高|提升|增加(?!值)|下降|降低|减少|上升"
                        r"|回落|扩大|缩小|变化|变动)")
# Before a list whose other items carry %, a change of any kind is in per cent:
# 标准分别提高9.97和14.1%.
_LIST_CHANGE = lazy_re(r"(?:提高|提升|降低|减少|增加|上升|扩大|缩小|上调|下调|分别)(?:了|为|到|达到|达)?$")
# 增速回落1.2, 失业率下降0.3: a change of a rate may be in points as well as per cent.
_RATE_SUBJECT = lazy_re(r"(?<!按年)(?<!折年)率|比重|增速|增幅|降幅|占比|份额|比例")
# An index that rises or falls may do so in points (资金指数较上月上升1.0); one that grows
# (生产指数同比增长10.6) grows in per cent.
_INDEX_SUBJECT = lazy_re(r"指数")
_POINT_MOVES = frozenset(("上升", "提高", "下降", "降低", "回落"))
# 排名下降3, 位次提升2: ranks, not rates.
_RANK = lazy_re(r"排名|名次|位次|排位|位居")
_TRAILERS = ("以上", "左右", "以下", "多")
# How the items of a list are joined: 5.1%、6.2%和7.3%.
_LIST_JOINS = frozenset(("、", "和", "及", "与", "以及", "、和"))
# What may follow a number that ends its item (``_item_end``), the end of the text apart.
_MAY_END_ITEM = frozenset(("\n", *_ENDS_NUMBER, *(w[0] for w in (*_TRAILERS, *_LIST_JOINS))))
_LOOKBACK = 28
_PADDING = frozenset(" \u00a0")
# A table's unit column: a cell of only the per cent sign (``%``, ``（%）``, ``单位：%``), or the
# unit in brackets after the indicator's name on the row's line (``城镇调查失业率（%）``).
_UNIT_CELL = lazy_re(r"(?:单位[：:]?[ 　]*)?[（(]?[%％][）)]?")
_UNIT_IN_ROW = lazy_re(r"[（(][%％][）)]|(?:^|(?<=[^\s0-9０-９.．][ \t\u3000]))[%％](?=[ \t\u3000])",
                       re.M)
_SENTENCE_MARKS = lazy_re(r"[。；;！？!?]")
_CELL_SPACES = " \t\u3000\u00a0\r"
_CLAUSE_ENDS = lazy_re(r"[。；;！？!?，,]")
_ROW_REACH = 40      # characters from a row's unit to its figures
_MAX_CELL = 30       # characters of a table cell's line
_UNIT_CELL_REACH = 3  # cell lines between a number and its row's unit cell
# A clause with no subject of its own: 达到51.2, 前三季度达到83.2, 年底将达到60.
_BARE_CLAUSE = lazy_re(
    r"(?:[0-9]{4}年(?:底|末)?|前?[一二三四]季度|[0-9]{1,2}(?:—[0-9]{1,2})?月(?:份|末|底)?|年[底末]|全年|上半年)?"
    r"(?:将|已|要|力争|预计)?(?:达到|达|为|提高到|提升到|上升到|升至|提高至)")
# …after a clause that opens with a rate and says how it changed: 消费对经济增长的贡献率上升3个百分点.
_SUBJECT_RATE = lazy_re(
    r"[^，,；;。！？\d]{0,12}?(?P<rate>[\u4e00-\u9fff]{1,8}率|比重|占比)"
    r"(?:比上年|同比|较上年)?(?:上升|提高|提升|增加|下降|降低|回落)[0-9.]+个百分点$"
    # …or that names only the rate, its topic (这个比重，1978年为17.4)
    r"|(?:这个|这一|该)?(?P<topic>[\u4e00-\u9fff]{0,8}率|比重|占比)$")


class MissingPercentSign(Rule):
    """百分数漏写了“%”：“同比增长35；”“占全县财政收入的60以上”“分别增长5.1%、6.2、7.3%”。

    数字前是“增长”“下降”“递增”“增幅”“占…的”“占比”或“覆盖率达到”之类只能接百分数的说法，
    数字后直接是标点（可隔“以上”“左右”），就是漏了百分号。并列的几个数（“分别增长5.1%、
    6.2和7.3%”）中别的数带“%”而这个数没有，也是漏写；几个数都没有“%”时，看第一个数前
    的说法。“增长3倍”“提高2个百分点”“增加50人”都有单位，不报；并列的数共用末项的单位
    （“分别下降1、2个百分点”）也不报；“增加”后的裸数可能是人数，单独出现时不报，同一句里并列的分句用同一个动词而另一个数带“%”时（“资助金额增加18.5，资助人数增加8.4%”）照报；“提高”
    “降低”后的裸数在主语是比率时（“比重提高2”）可能是百分点，不报，否则（“资费降低15”）
    是百分数。只有动词的分句（“达到51.2”）接着上一分句的主语：上一分句说某个比率变动了
    若干个百分点（“贡献率上升3个百分点，达到51.2”）时，这个数是百分数。“增长6。9％”“增长37，1％”“增长16　7%”是小数点被录成了逗号、句号或空格，“完成97」％”是
    扫描转换在数字和百分号之间留下的污点，百分号都还在，不是漏写；
    “普及率达到97.500”“一体化率达到7000”是扫描把“%”认成了“00”（97.5%、70%），不是漏写；零不带单位（“+5%、0、-5%三档”），不报；
    “完成70%、11月底完成85%”里并列项后面紧跟着字的“11”是月份，不是并列的百分数；“占”字和
    数字隔着换行（人名“王占军”下一行是“附件3”）不是占比；
    “占地面积达到50”“排名下降3”也不是百分数；比率的变化（“增速回落1.2”“失业率下降0.3”）
    可能缺的是“个百分点”，不报；指数“上升”“下降”若干（“发展指数较上月上升0.8”）可能是点数，也不报。
    比率、比重“提升至”“降为”后面的数是它的新水平（“比重提升至35.2”），比率和动词之间可隔
    “均”“明年要”“平均每年”“按年率计算”一类词语（“入学率和巩固率均达到98”）；“由4.1%降为3.6”
    的终值和起值是同一个量，起值带“%”，终值也要带。“进度”“贡献度”“依存度”“增长面”“满意度”“认知度”“知晓度”也是百分数（带“分”的得分不是）；
    先单独点出比率作话题（“这一比重，2015年为21.3”）时，后面只有动词的分句说的就是它。“容积率”“汇率”不是百分数，“出生率”“死亡率”用千分号，不报。
    数字前后加了空格的文档（“约占老年人口的 55%”），看空格前的说法。前面的几个字（“投入强度为”）
    在本文档别处后面的数都带“%”、从不接别的数时，这里的裸数也是百分数（“投入强度为3.14%；……
    投入强度为6.44；”）。
    拆成一格一行的指标表里，单位写在本行自己的一格（前几格中单独一行的“%”），或写在指标名后
    （“城镇调查失业率（%）”），表格里的数字不带单位，不报。
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
                     fixed="全部工业完成税收9000万元，占全县财政收入的60%以上。"),
             Example("三项支出分别增长4.4%、8.1和4.7%。",
                     fixed="三项支出分别增长4.4%、8.1%和4.7%。")),
        good=(
            "全部工业实现增加值7.6亿元，同比增长35%。",
            "出口额增长3.2倍，服务业比重提高2个百分点。",
            "全年新增就业增加50人，入园企业达到30家。",
            "两项指标分别下降1、2个百分点。",
        ),
    )
    basis = "GB/T 15835—2011 百分数带“%”"

    def check(self, doc: Document) -> Iterator[Finding]:
        text = doc.text
        quantities = doc.facts(Quantities)
        sign = ""  # the document's usual per cent sign, counted at its first finding
        padded = text + "\0"  # NOTE: so that the character after any run can be read
        starts, ends = quantities.starts, quantities.ends
        # A unit or a word follows most numbers: what is reported ends its item (or the
        # text). NOTE: the runs are sorted out by map and compress, at C speed.
        ending = list(compress(range(len(ends)), map(_MAY_END_ITEM.__contains__,
                                                     map(padded.__getitem__, ends))))
        if ends and ends[-1] == len(text) and ending[-1:] != [len(ends) - 1]:
            ending.append(len(ends) - 1)
        for index in ending:
            start = starts[index]
            before = _unpadded(text, start)
            if not before or (not "\u4e00" <= text[before - 1] <= "\u9fff"
                              and text[before - 1] not in "、"):
                continue
            quantity = quantities.run(index)
            if (quantity is None or quantity.kind != BARE or quantity.unit_text or quantity.ranged
                    or quantity.ordinal):
                continue  # 增长了约1万亿: a magnitude makes it an amount, whatever its unit
            if _damaged_decimal(text, quantity) or _percent_read_as_zeros(quantity):
                continue
            if quantity.text.strip("0０.．") == "":
                continue  # zero needs no unit: 浮动幅度分为+5%、0、-5%三档
            if _unit_column(text, quantity.start):
                continue  # a table's cell: its row gives the unit in a column of its own
            context = _missing(text, quantities, index, quantity)
            if context is None:
                continue
            sign = sign or ("％" if text.count("％") > text.count("%") else "%")
            title = Message(f"补上“{sign}”", f"Add “{sign}”")
            yield self.report(Span(quantity.start, quantity.end), context=context[-10:],
                              number=quantity.text,
                              fix=self.replace(Span(quantity.end, quantity.end), sign, title,
                                               SUGGESTION))


def _missing(text: str, quantities: Quantities, index: int, quantity: Quantity) -> str | None:
    """The words that make the bare ``quantity`` a percentage, or None when nothing does."""
    items = _list_around(text, quantities, index)
    if len(items) > 1 and not _item_end(text, quantity.end):
        return None  # 10月底完成70%、11月底完成85%: 11 is the month of the next clause
    if len(items) > 1:
        kinds = {q.kind for q in items}
        if not kinds <= {BARE, PERCENT}:
            return None  # 1、2个百分点: the last item's unit is shared
        position = next(i for i, q in enumerate(items) if q.start == quantity.start)
        if PERCENT in kinds and any(q.kind == PERCENT for q in items[:position]):
            # 分别增长5.1%、6.2和7.3%: the items before it carry %.
            return text[items[position - 1].start : quantity.start]
        if not _bare_end(text, items[-1].end) and PERCENT not in kinds:
            return None
        context = _rate_context(text, items[0].start)
        if context is None and PERCENT in kinds:
            context = _LIST_CHANGE.search(text, max(0, items[0].start - 6), items[0].start)
        if context is None:
            return None
        # A change verb before a list with % items is settled by them (not points).
        if PERCENT not in kinds and _change_of_rate(text, context):
            return None
        return context.group() if position == 0 else context.group() + "…"
    if not _bare_end(text, quantity.end):
        return None
    context = _rate_context(text, quantity.start)
    if context is None:
        return _subject_before(text, quantity.start) or _from_percent(text, quantities, index) \
            or _lead_written_with_percent(text, quantity.start) \
            or _parallel_change(text, quantities, index)
    if _change_of_rate(text, context):
        return None
    return context.group()


_LEAD = lazy_re(r"[\u4e00-\u9fff]{3,4}$")
_AFTER_LEAD = lazy_re(r" ?[0-9０-９][0-9０-９.．]* ?([%％])?")


def _lead_written_with_percent(text: str, start: int) -> str | None:
    """投入强度为6.44； where the document writes 投入强度为3.14% and 投入强度为2.93%: the same
    words before a number carry % everywhere else in the document. Its own usage makes the bare
    number a percentage."""
    lead = _LEAD.search(text, max(0, start - 4), _unpadded(text, start))
    if lead is None:
        return None
    signed = 0
    for found in re.finditer(re.escape(lead.group()), text):
        number = _AFTER_LEAD.match(text, found.end())
        if number is None or found.end() == lead.end():
            continue  # words, not a number, follow; or this number itself
        if not number.group(1):
            return None  # another number without % (or in another unit: 投入资金为3亿元)
        signed += 1
    return lead.group() if signed else None


def _subject_before(text: str, start: int) -> str | None:
    """贡献率上升3个百分点，达到51.2: a clause of only a verb (and a time) goes on with the
    rate the clause before it named."""
    start = _unpadded(text, start)
    c0 = clause_start(text, start, max(0, start - _LOOKBACK))
    if c0 < 2 or text[c0 - 1] not in "，," or not _BARE_CLAUSE.fullmatch(text, c0, start):
        return None
    p0 = clause_start(text, c0 - 1, max(0, c0 - 1 - _LOOKBACK))
    subject = _SUBJECT_RATE.match(text, p0, c0 - 1)
    if subject is None:
        return None
    rate = subject.group("rate") or subject.group("topic")
    if _NOT_PERCENT_RATES.search(rate):
        return None
    return rate + "…" + text[c0:start]


# A change told by its verb right before the number, and that clause's neighbour in the same
# sentence telling the same change in per cent: 资助金额增加18.5，资助人数增加8.4%.
_CHANGE_VERB = lazy_re(r"(?:增加|减少|增长|下降|提高|降低|上升)(?:了)?$")
_NEIGHBOUR_REACH = 40  # characters between the two numbers


def _parallel_change(text: str, quantities: Quantities, index: int) -> str | None:
    """资助金额增加18.5，资助人数增加8.4%: parallel clauses of one sentence, the same change
    verb before each number, the neighbour's in per cent: so is this one (增加 alone may count
    people, and is not read as per cent)."""
    own = quantities.run(index)
    assert own is not None
    start = _unpadded(text, own.start)
    verb = _CHANGE_VERB.search(text, max(0, start - 3), start)
    if verb is None:
        return None
    word = verb.group().rstrip("了")
    for other_index in (index - 1, index + 1):
        if not 0 <= other_index < len(quantities.starts):
            continue
        other = quantities.run(other_index)
        if other is None or other.kind != PERCENT:
            continue
        first, last = (other, own) if other.start < own.start else (own, other)
        if last.start - first.end > _NEIGHBOUR_REACH \
                or _SENTENCE_MARKS.search(text, first.end, last.start):
            continue
        other_start = _unpadded(text, other.start)
        other_verb = _CHANGE_VERB.search(text, max(0, other_start - 3), other_start)
        if other_verb is not None and other_verb.group().rstrip("了") == word:
            return text[verb.start():start]
    return None


# A change's far end (由7.5%降为3, 由1978年的36.5%，降为33.6): the number the value moves to.
_TO_LEVEL = lazy_re(r"(?:提高|提升|上升|下降|降低|回落|增长|减少|扩大|缩小|降|升)(?:为|到|至)$")
_FROM = lazy_re(r"[由从][^，,；;。！？]{0,10}$")
_FROM_TO_REACH = 12  # characters between the from-value and the to-value


def _from_percent(text: str, quantities: Quantities, index: int) -> str | None:
    """由7.5%降为3: the value a change moves to is in the unit of the one it moves from."""
    own = quantities.run(index)
    earlier = quantities.run(index - 1) if index else None
    if own is None or earlier is None or earlier.kind != PERCENT \
            or own.start - earlier.end > _FROM_TO_REACH \
            or _SENTENCE_MARKS.search(text, earlier.end, own.start):
        return None
    to = _TO_LEVEL.search(text, earlier.end, own.start)
    if to is None or not _FROM.search(text, max(0, earlier.start - _FROM_TO_REACH), earlier.start):
        return None
    return text[earlier.start:own.start]


def _unit_column(text: str, start: int) -> bool:
    """The number is a cell of a table whose row gives the unit once, in a column or in the
    indicator's name: a flattened table puts each cell on a line of its own (``地区生产总值年均增长
    ⏎%⏎“十四五”年均增长4.0``), or runs a row into one line (``规上工业增加值率（%）  提高8.2``,
    ``地区生产总值年均增长 % 年均增长5.5``).
    The cell line is short and ends with the number; the unit cell stands alone within the few
    cell lines before it."""
    line_start = text.rfind("\n", 0, start) + 1
    row = max(line_start, start - _ROW_REACH)
    units = list(_UNIT_IN_ROW.finditer(text, row, start))
    if units and not _CLAUSE_ENDS.search(text, units[-1].end(), start):
        return True  # the unit given in this row, no clause ending between it and the number
    line_end = text.find("\n", start)
    line_end = len(text) if line_end == -1 else line_end
    if line_end - line_start > _MAX_CELL or _SENTENCE_MARKS.search(text, line_start, line_end):
        return False
    at, cells = line_start - 1, 0
    while at > 0 and cells < _UNIT_CELL_REACH:
        previous = text.rfind("\n", 0, at) + 1
        cell = text[previous:at].strip(_CELL_SPACES)
        at = previous - 1
        if not cell:
            continue
        if _UNIT_CELL.fullmatch(cell):
            return True
        if len(cell) > _MAX_CELL or _SENTENCE_MARKS.search(cell):
            return False
        cells += 1
    return False


def _damaged_decimal(text: str, quantity: Quantity) -> bool:
    """6。9％, 37，1％: the decimal point damaged. 30、20%和10%, 分别占30、20% and 70%、70、60%
    (an item listed with % before it) are lists."""
    damaged = _DAMAGED_DECIMAL.match(text, quantity.end)
    if damaged is None:
        return False
    if not damaged.group().startswith("、"):
        return True
    return (text.find("分别", max(0, quantity.start - 20), quantity.start) == -1
            and text[damaged.end() : damaged.end() + 1] not in ("、", "和", "及")
            and text[max(0, quantity.start - 2) : quantity.start] not in ("%、", "％、"))


def _percent_read_as_zeros(quantity: Quantity) -> bool:
    """率达到7000, 普及率达到97.500: a scan read the % as 00 (70%, 97.5%). No percentage
    a rate reaches is over 100 and ends in 00, nor is one printed with two trailing zeros."""
    digits = quantity.text
    if not digits.endswith("00"):
        return False
    return "." in digits or quantity.value > 100


def _item_end(text: str, end: int) -> bool:
    """Whether a listed number ends its item: a join or punctuation follows, not a word
    (the 月 of 11月底)."""
    return _bare_end(text, end) or any(text.startswith(join, end) for join in _LIST_JOINS)


def _unpadded(text: str, start: int) -> int:
    """Where the words before a number end: before the one space a document that pads its
    numbers sets there (约占老年人口的 55%)."""
    return start - 1 if start > 1 and text[start - 1] in _PADDING \
        and "\u4e00" <= text[start - 2] <= "\u9fff" else start


def _rate_context(text: str, start: int) -> re.Match[str] | None:
    start = _unpadded(text, start)
    context = _RATE_CONTEXT.search(text, max(0, start - _LOOKBACK), start)
    if context is None:
        return None
    share = context.group("share")
    if share and _NOT_SHARE.search(share):
        return None
    rate = context.group("rate")
    if rate and _NOT_PERCENT_RATES.search(rate):
        return None
    if _RANK.search(text, max(0, context.start() - 6), context.end()):
        return None
    return context


def _change_of_rate(text: str, context: re.Match[str]) -> bool:
    """增速回落1.2, 失业率下降0.3: a change of a rate may be in points."""
    if "change" not in context.re.groupindex or not context.group("change"):
        return False
    at = context.start("change")
    clause = clause_start(text, at, max(0, at - 30))
    return bool(_RATE_SUBJECT.search(text, clause, at)) \
        or (context.group("change") in _POINT_MOVES and bool(_INDEX_SUBJECT.search(text, clause, at)))


def _list_around(text: str, quantities: Quantities, index: int) -> list[Quantity]:
    """The quantities listed with the one at ``index`` (5.1%、6.2和7.3%), itself included."""
    own = quantities.run(index)
    assert own is not None
    items = [own]
    i = index - 1
    while i >= 0:
        q = quantities.run(i)
        if q is None or text[q.end : items[0].start] not in _LIST_JOINS:
            break
        items.insert(0, q)
        i -= 1
    i = index + 1
    while i < len(quantities.starts):
        q = quantities.run(i)
        if q is None or text[items[-1].end : q.start] not in _LIST_JOINS:
            break
        items.append(q)
        i += 1
    return items


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
