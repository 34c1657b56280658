"""Linking parts to wholes: ``其中`` lists, partitions, shares, ratios and structures.

Parts of a region need not add up to the region (some are left out), so a ``其中`` list
is checked only when its parts are members of a known partition (第一、二、三产业;
中央/地方; 城镇/农村 …), or when a single part, named as a kind of the total (中央财政赤字
of 财政赤字), is larger than the total.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from doclint.core import Span
from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.rules.numbers.change import is_claim_clause
from doclint.rules.numbers.lexicon import PARTITIONS, Partition
from doclint.rules.numbers.passages import (
    PLAIN,
    SENTENCE_WINDOW,
    Passages,
    clause_end,
    clause_start,
    is_intensive,
    label_of,
    occurrences,
    previous_sentence_start,
    same_scope,
    scope_of,
    sentence_bounds,
    sentence_start,
    years_in,
)
from doclint.rules.numbers.quantities import AMOUNT, BARE, PERCENT, Quantities, Quantity
from doclint.rules.numbers.relations import Breakdown, Ratio, RatioPart, Share, Structure

_SHARE_TAIL = lazy_re(r"(?:的)?(?:比重|比例|份额)?(?:为|达到|达|是|约|仅为|只有)?$")
# 占预算的80%, 占年度计划的 …: a comparison with a plan or an earlier period, not a share.
# (一般公共预算收入 is a whole like any other.)
_REFERENCE = lazy_re(r"(?:预算|计划|目标|任务)数?$|^(?:上年|去年|同期|年初)")
_RATIO = lazy_re(
    r"[0-9０-９]+(?:[.．][0-9０-９]+)?"
    r"(?:[ \u3000]*[:：∶][ \u3000]*[0-9０-９]+(?:[.．][0-9０-９]+)?)+")
_RATIO_NUMBER = lazy_re(r"[0-9０-９]+(?:[.．][0-9０-９]+)?")
_CUE = lazy_re(r"结构|比例|比重|构成|之比|占比")
_SUPERSEDED = lazy_re(
    r"[^，,。；;\d]{0,10}?(?:调整|优化|转变|变化|变为|演变|改善|提升|转换|变)(?:到|为|至)")
_RATIO_COLONS = (":", "：", "∶")
_RATIO_LEAD = "0123456789０１２３４５６７８９.． \u3000"
# A colon with a figure, a point or a space before it, where a ratio may hold it: led by the
# colon, so the engine jumps between colons and skips those after words (各位代表：).
_COLON_AFTER_FIGURE = tuple(
    lazy_re(rf"{re.escape(colon)}(?<=[{re.escape(_RATIO_LEAD)}]{re.escape(colon)})")
    for colon in _RATIO_COLONS
)
# Two of the three industries (第二、三产业, 二三产业): their ratio is not the whole structure.
_SOME_MEMBERS = lazy_re(r"(?<![一二三、])第?[一二三][、和与及]?第?[一二三](?:次)?产业")
_PERCENT_NEAR = lazy_re(r"[%％]|分之")
_OWN_SHARE = lazy_re(r"[^，,。；;]{0,4}[，,]?(?:占比?|约占)(?:的)?(?:比重|比例)?(?:为|达)?[ \u3000]*[0-9０-９]")
_COMMON_FRACTION = lazy_re(r"(?<![百千万])分之|/")
_DIGIT = lazy_re(r"[0-9０-９]")
_BRACKETS_BACKWARDS = lazy_regex(r"(?r)[（）()]")  # from the end of the range to its start
# Another 、 or a word of comparison between two listed parts: 比上年增加, 同比.
_CLAUSE_BREAK_IN = lazy_re(r"、.*、|比|较|增|减|占")
_HALF = str.maketrans("０１２３４５６７８９．", "0123456789.")
_INDUSTRIES = next(p for p in PARTITIONS if "第一产业" in p.members)
_STRUCTURE_WINDOW = 1500
_COUNTED_NOUN = lazy_re(r"([\u4e00-\u9fff]{1,6})[，,：:；;]?[ \u3000]*$")
# A three-industry structure is of value added unless it says otherwise.
_VALUE_ADDED = frozenset(("增加值", "产值", "", "实现增加值"))
_OTHER_STRUCTURES = (("就业", "从业", "劳动力", "人员"), ("投资",), ("税收", "税"), ("用地",),
                     ("用电", "电"), ("能耗", "能源"), ("贷款",), ("企业", "户"))
_OTHER_STRUCTURE = lazy_re("|".join(w for group in _OTHER_STRUCTURES for w in group))


def find_breakdowns(text: str, quantities: Quantities) -> list[Breakdown]:
    found: dict[int, Breakdown] = {}
    for at, parts_from in _breakdown_anchors(text):
        breakdown = _breakdown(text, quantities, at, parts_from)
        if breakdown is not None:
            found.setdefault(breakdown.total.start, breakdown)
    return sorted(found.values(), key=lambda b: b.total.start)


def _breakdown_anchors(text: str) -> Iterator[tuple[int, int]]:
    for at in occurrences(text, "其中"):
        yield at, at + 2
    for at in occurrences(text, "第一产业"):
        s0 = sentence_start(text, at)
        if text.find("其中", s0, at) == -1:
            yield at, at


def _breakdown(text: str, quantities: Quantities, at: int, parts_from: int) -> Breakdown | None:
    if not _DIGIT.search(text, parts_from, parts_from + 24):
        return None
    s0, s1 = sentence_bounds(text, at)
    region = s0 if text[s0:at].strip(" \u3000") else sentence_start(text, max(0, s0 - 2))
    parts = _parts(text, quantities, parts_from, _sibling_total(text, parts_from, s1))
    if not parts:
        return None
    inside = _inside_brackets(text, region, at)
    if inside is not None and any(q.comparable(parts[0][1])
                                  for q in quantities.within(inside, at)):
        region = inside  # （全国411亿元，其中中央10亿元、…）: the parts are of the amount inside
    total = _total(text, quantities, region, at, parts[0][1])
    if total is None:
        return None
    total_label = label_of(text[clause_start(text, total.start, region) : total.start])
    # 共计18项指标，其中…: a count names what it counts after its unit.
    counted = _COUNTED_NOUN.match(text, total.end, at)
    if counted is not None and not total_label.endswith(counted.group(1)):
        total_label += counted.group(1)
    if is_intensive(total_label):
        return None
    total_names = (total_label, _LEVEL.sub("", total_label))
    for partition in PARTITIONS:
        if any(partition.member_of(t) is not None for t in total_names):
            continue  # 一般债券X（其中…），专项债券Y: the "total" is a member, Y its sibling
        members = _members(partition, parts, total_label)
        if members and not all(q.comparable(total) for _, q in members):
            return None  # 出口90亿美元，进口400亿元: not parts of one sum
        if members:
            # Another part of the total's unit listed with the members (开发区 after 市本级
            # and 县区) is outside the partition: the members need not exhaust the total.
            listed = {id(q) for _, q in members}
            others = any(id(q) not in listed and q.comparable(total) and not is_intensive(label)
                         for label, q in parts)
            complete = (partition.exhaustive and not others
                        and {m for m, _ in members} == set(partition.members))
            return Breakdown(total, total_label, tuple(members), partition, complete)
    if len(total_label) >= 2:
        for label, part in parts[:1]:
            if label.endswith(total_label) and len(label) > len(total_label):
                return Breakdown(total, total_label, ((label, part),), None, False)
    return None


def _parts(text: str, quantities: Quantities, begin: int, end: int) -> list[tuple[str, Quantity]]:
    """Each clause's leading named amount; claim clauses (增加1700亿元) are skipped."""
    parts = []
    c1 = begin - 1
    while c1 + 1 < end:
        c0, c1 = c1 + 1, clause_end(text, c1 + 1, end)
        amounts = [q for q in quantities.within(c0, c1) if q.kind == AMOUNT]
        if not amounts or is_claim_clause(text, quantities, c0, c1):
            continue
        label = label_of(text[c0 : amounts[0].start])
        if label and not amounts[0].ranged:
            parts.append((label, amounts[0]))
        parts.extend(_enumerated_parts(text, amounts))
    return parts


def _enumerated_parts(text: str, amounts: list[Quantity]) -> Iterator[tuple[str, Quantity]]:
    """续建项目30个、新建项目6个: the parts after the clause's first, each opened by a 、 that
    closes the amount before it. A 、 inside a name (教育、医疗支出30亿元) opens no part."""
    for before, amount in pairwise(amounts):
        between = text[before.end : amount.start]
        if not between.startswith("、") or amount.ranged:
            continue
        label = label_of(between[1:])
        if label and not _CLAUSE_BREAK_IN.search(between):
            yield label, amount


def _sibling_total(text: str, begin: int, end: int) -> int:
    """Where a list of parts ends: before ``；`` and the sibling total that has a ``其中`` of its
    own (设区市56项…，其中…33项；县（市、区）85项…，其中…39项), else at ``end``."""
    following = text.find("其中", begin, end)
    if following == -1 or _inside_brackets(text, begin, following) is not None:
        return end
    semicolon = max(text.rfind("；", begin, following), text.rfind(";", begin, following))
    return semicolon if semicolon != -1 else end


def _inside_brackets(text: str, begin: int, at: int) -> int | None:
    """Where the brackets that are still open at ``at`` begin, if they open after ``begin``."""
    depth = 0
    for bracket in _BRACKETS_BACKWARDS.finditer(text, begin, at):  # not every character
        if bracket.group() in "）)":
            depth += 1
        elif depth == 0:
            return bracket.end()
        else:
            depth -= 1
    return None


def _total(text: str, quantities: Quantities, begin: int, at: int,
           part: Quantity) -> Quantity | None:
    """The last stated level (not an increase) of the parts' unit before the list."""
    for q in reversed(quantities.within(begin, at)):
        if q.comparable(part) and not q.ranged and q.approx != "above":
            c0 = clause_start(text, q.start, begin)
            label = label_of(text[c0 : q.start])
            if label and not is_intensive(label) and not is_claim_clause(text, quantities, c0,
                                                                         q.end):
                return q
    return None


def _members(partition: Partition, parts: list[tuple[str, Quantity]],
             total_label: str) -> list[tuple[str, Quantity]]:
    members: list[tuple[str, Quantity]] = []
    rests = set()
    for label, part in parts:
        member = partition.member_of(label)
        if member is None:
            continue
        if any(m == member for m, _ in members):
            return []
        rests.add(label[len(_matched_prefix(partition, label)) :])
        members.append((member, part))
    if not members or len(rests) != 1:
        return []
    rest = rests.pop()
    if is_intensive(rest):
        return []
    # 其中：市本级44.7亿元，县区16.6亿元: parts named by the member alone part the total.
    fits = (any(t in total_label for t in partition.totals) or not rest
            or total_label.endswith(rest))
    return members if fits else []


def _matched_prefix(partition: Partition, label: str) -> str:
    for alias in partition.aliases:
        if label.startswith(alias):
            return alias
    return next(m for m in partition.members if label.startswith(m))


def find_shares(text: str, quantities: Quantities, passages: Passages = PLAIN) -> list[Share]:
    found = []
    at = text.find("占")
    while at != -1:
        share = _share(text, quantities, at, passages)
        if share is not None:
            found.append(share)
        at = text.find("占", at + 1)
    return found


def _share(text: str, quantities: Quantities, at: int, passages: Passages) -> Share | None:
    if not _PERCENT_NEAR.search(text, at, at + 30):
        return None
    s0, s1 = sentence_bounds(text, at)
    c0 = clause_start(text, at, s0)
    c1 = clause_end(text, at, s1)
    after = quantities.within(at, c1)
    share = _spaced_percent(text, after[0]) if after else None
    if share is None or share.kind != PERCENT or _COMMON_FRACTION.search(share.text):
        return None  # 占…的四分之三: a common fraction is a round figure, not a precision
    whole = text[at + 1 : share.start].rstrip(" \u3000")
    named = _SHARE_TAIL.sub("", whole)
    inside = _IN_WHOLE.match(text, c0, at) if named in ("", "比") else None
    if inside is not None:
        # 5G用户757.54万户，在移动电话用户中占比92.4%: the part is the clause before.
        whole = inside.group("whole")
        named = _SHARE_TAIL.sub("", whole)
        at = c0
    elif named in ("", "比"):
        # 在出口总额中，机电产品1278.0亿元，占68.8%: the sentence names the whole first.
        framed = _FRAMED_WHOLE.match(text, s0, at)
        if framed is not None:
            whole = framed.group("whole")
            named = _SHARE_TAIL.sub("", whole)
    name = label_of(named)
    if named in ("", "比"):
        # 其中工业投资19.3亿元，占8.0%: the whole is the total the 其中 list belongs to.
        part = _part_before(text, quantities, at, c0, s0)
        total = None if part is None else _listed_total(text, quantities, part, s0, passages)
        if total is None and part is not None and named == "比":
            total = _clause_before(text, quantities, part, s0)
        if part is None or total is None or _has_own_share(text, total, part.start):
            return None
        return Share(part, total, share, "")
    if len(name) < 2 or _REFERENCE.search(name):
        return None  # 占全国的: a whole of another place, its value not stated
    part = _part_before(text, quantities, at, c0, s0)
    if part is None:
        return _named_share(text, quantities, at, c0, s0, name, whole, share, passages)
    total = _named_value(text, quantities, name, scope_of(whole), part, s0, at, passages)
    if total is None:
        total = _listed_total(text, quantities, part, s0, passages, name, scope_of(whole))
    return None if total is None else Share(part, total, share, name)


def _clause_before(text: str, quantities: Quantities, part: Quantity, s0: int) -> Quantity | None:
    """``社会消费品零售总额达到97.0亿元，农村市场实现57.7亿元，占比59.5%``: with no 其中 list,
    the whole of a bare 占比 is the level named in the clause right before the part's, when
    that clause states one amount of the part's unit, larger than the part, and both clauses
    name what they count."""
    p1 = clause_start(text, part.start, s0)
    if p1 <= s0 or text[p1 - 1] not in "，,":
        return None
    p0 = clause_start(text, p1 - 1, s0)
    amounts = [q for q in quantities.within(p0, p1 - 1) if q.kind == AMOUNT]
    if len(amounts) != 1 or is_claim_clause(text, quantities, p0, p1 - 1):
        return None
    total = amounts[0]
    if (total.end != p1 - 1 or total.ranged or total.approx or not total.comparable(part)
            or part.interval().lo > total.interval().lo):
        return None
    total_label = label_of(text[p0 : total.start])
    part_label = label_of(text[p1 : part.start])
    if (len(total_label) < 2 or len(part_label) < 2 or is_intensive(total_label)
            or is_intensive(part_label) or _DIGIT.search(text, p1, part.start)):
        return None
    return total


def _has_own_share(text: str, total: Quantity, before: int) -> bool:
    """``60岁及以上人口为126926人，占20.73%，其中65岁及以上…占14.60%``: a listed total that
    states its own share of an unnamed whole sets the list's shares in a run of parallel shares
    of that same whole, not shares of the total."""
    return _OWN_SHARE.match(text, total.end, before) is not None


def _spaced_percent(text: str, q: Quantity) -> Quantity:
    """``4.6 %``: a per cent sign set off by a space (N303 reports the space) is still one."""
    if q.kind != BARE or q.unit_text:
        return q
    sign = _SPACED_SIGN.match(text, q.end)
    if sign is None:
        return q
    return q._replace(end=sign.end(), kind=PERCENT, unit="%", text=text[q.start : sign.end()],
                      unit_text="%")


def _part_before(text: str, quantities: Quantities, at: int, c0: int, s0: int) -> Quantity | None:
    """The amount a 占 clause is about: in its own clause, or the clause before the claims."""
    if text[c0:at].strip():
        own = [q for q in quantities.within(c0, at) if q.kind == AMOUNT] if _DIGIT.search(
            text, c0, at) else []
        return own[-1] if own else None
    pos = c0
    if pos > s0 and text[pos - 1] == "、":
        # 新能源装机达4091万千瓦、占比达44.7%: the share's clause follows a 顿号.
        prev = clause_start(text, pos - 1, s0)
        values = [q for q in quantities.within(prev, pos - 1) if q.kind == AMOUNT]
        return values[-1] if values and values[-1].end == pos - 1 else None
    while pos > s0 and text[pos - 1] in "，,":
        prev = clause_start(text, pos - 1, s0)
        if not is_claim_clause(text, quantities, prev, pos - 1):
            values = [q for q in quantities.within(prev, pos - 1) if q.kind == AMOUNT]
            return values[-1] if values and values[-1].end == pos - 1 else None
        pos = prev
    return None


def _listed_total(text: str, quantities: Quantities, part: Quantity, s0: int,
                  passages: Passages, name: str = "", scope: str = "") -> Quantity | None:
    """The total of the ``其中`` list the part is listed in: 备案博物馆7046家，其中免费开放
    6444家 (one sentence), or 有效量401.5万件。其中，高价值专利166.5万件 (the list opens the
    next sentence of the same paragraph). A named whole (占移动电话用户的) must be that total.
    """
    at = text.rfind("其中", s0, part.start)
    if at == -1:
        return None
    region = s0
    if not text[s0:at].strip(" \u3000“\""):
        region = previous_sentence_start(text, s0, s0, passages)
        if region == s0:
            return None
    total = _total(text, quantities, region, at, part)
    if total is None or total.start == part.start or total.approx == "below":
        return None
    if name:
        # 全省移动电话用户总数…占移动电话用户的: the same whole (label_of drops the place).
        # 出入境外国人…占入境外国人的: a narrower whole (only those entering), not the total.
        # 市本级一般公共预算支出…其中…占一般公共预算支出的: the list's own total, at the level
        # its name gives, unless the share names another place (占全市…的).
        c0 = clause_start(text, total.start, region)
        label = label_of(text[c0 : total.start])
        if not label or not (_same_whole(label, name)
                             or (not scope and _same_whole(_LEVEL.sub("", label), name))):
            return None
    return total


# Words that name the same whole: 总数, 总量 and 全部 add nothing to the indicator, GDP is
# the 地区生产总值 of a region's own report.
_CORE_AFFIXES = lazy_re(r"^(?:全部|总)|(?:总数|总量|总额|总计|合计|总规模)$")
_ALIASES = {"GDP": "地区生产总值", "国内生产总值": "地区生产总值", "生产总值": "地区生产总值"}
# 由2024年的7473万元增加到2024年的9722万元: the level stated is the end of the change.
_CHANGE_END = lazy_re(r"(?:增加|增长|提高|上升|扩大|下降|减少|降低|发展|提升)(?:到|至)")
_NAMED_WINDOW = 8000
_WHOLE_VERB = lazy_re(r"^(?:获得|取得|实现|完成)")
_WHOLE_MEASURE = lazy_re(r"(?:量|数|额)$")
# The budget level a total's name gives (市本级一般公共预算支出), left out in a share of it.
_LEVEL = lazy_re(r"^(?:市本级|县本级|区本级|本级|市级)")
_FRAMED_WHOLE = lazy_re(r"[ \u3000]*在(?P<whole>[^，,；;。：:]{2,16}?)中[，,]")
# 在移动电话用户中占比92.4%: the whole named before 占.
_IN_WHOLE = lazy_re(r"[ \u3000]*在(?P<whole>[^，,；;。]{2,24}?)(?:总量|总数)?中(?:所)?$")
_SPACED_SIGN = lazy_re(r"[ \u3000]{1,2}[%％]")
_BRACKETED = lazy_re(r"[（(][^（()）]*[）)]")


def _core(label: str) -> str:
    """The indicator a label names, for comparing two names of one whole."""
    label = label.upper() if label.isascii() else label
    label = _CORE_AFFIXES.sub("", _ALIASES.get(label, label))
    return _ALIASES.get(label, label)


def _same_whole(label: str, name: str) -> bool:
    """Whether a value's label and a share's name (占…的) name one whole: besides the words
    ``_core`` drops, a verb the label keeps (获得专利授权总量) and 量/数/额 (专利授权总量 and
    专利授权量) add nothing, and 地方 is the government whose report it is (地方一般公共预算
    收入 and 一般公共预算收入)."""
    a, b = _whole_key(label), _whole_key(name)
    return bool(a) and (a == b or a == "地方" + b or b == "地方" + a)


def _whole_key(label: str) -> str:
    key = _WHOLE_VERB.sub("", _core(label))
    key = _WHOLE_MEASURE.sub("", key) if len(key) > 3 else key
    return key


def _named_share(text: str, quantities: Quantities, at: int, c0: int, s0: int, name: str,
                 whole: str, share: Quantity, passages: Passages) -> Share | None:
    """``2024年，财政收入占GDP的比重为4.6%``: the part and the whole are both named, with no
    value, and their values are the ones the same article stated for that year before.

    Read only when the share's sentence names one year and each name was given exactly one
    value for that year (the end of a change counts, not its start), of the same place.
    """
    if _DIGIT.search(text, c0, at):
        return None
    part_name = label_of(text[c0:at])
    years = {y.year for y in years_in(text, s0, at)}
    if len(part_name) < 2 or len(years) != 1:
        return None
    (year,) = years
    if is_intensive(_core(part_name)) or is_intensive(_core(name)):
        return None  # an average, a rate or a price: never a part or a whole of a sum
    floor = max(passages.part_start(at), s0 - _NAMED_WINDOW)
    part = _stated_value(text, quantities, part_name, scope_of(text[c0:at]), year, floor, s0)
    total = _stated_value(text, quantities, name, scope_of(whole), year, floor, s0)
    if part is None or total is None or not part.comparable(total):
        return None
    return Share(part, total, share, name)


def _stated_value(text: str, quantities: Quantities, name: str, scope: str, year: int,
                  floor: int, before: int) -> Quantity | None:
    """The one value stated for ``name`` in ``year`` between ``floor`` and ``before``."""
    core = _core(name)
    found: dict[float, Quantity] = {}
    for q in quantities.within(floor, before):
        if q.kind != AMOUNT or q.ranged or q.approx:
            continue
        m0 = sentence_start(text, q.start)
        # The clause as written, a bracket inside it included: 由A(含B)增加到C.
        c0 = max(m0, max(text.rfind(mark, m0, q.start) for mark in "，,；;：:") + 1)
        head = _BRACKETED.sub("", text[c0 : q.start])
        change = _CHANGE_END.search(head)
        subject = head[: head.find("由")] if "由" in head else head
        if "由" in head and not change:
            continue  # the start of a change, not a level
        if _core(label_of(subject)) != core or is_claim_clause(text, quantities, c0, q.end):
            continue
        if scope and scope_of(subject) != scope:
            continue  # 全市…占GDP: the value must name that place too
        stated = years_in(text, m0, q.start)
        if not stated or stated[-1].year != year:
            continue
        found.setdefault(q.base, q)
    return next(iter(found.values())) if len(found) == 1 else None


def _named_value(text: str, quantities: Quantities, name: str, scope: str, part: Quantity,
                 s0: int, before: int, passages: Passages) -> Quantity | None:
    """The value stated for the whole ``name`` in the share's passage.

    The passage is the share's sentence and the one before it on the same line. The whole
    is of the same place (占全省… is not the city's figure) and of the same year as the
    part, and is not the part itself.
    """
    floor = previous_sentence_start(text, s0, before, passages)
    part_years = {y.year for y in years_in(text, s0, part.start)}
    pos = before
    while True:
        pos = text.rfind(name, floor, pos)
        if pos == -1:
            return None
        m0 = sentence_start(text, pos)
        c0 = clause_start(text, pos, m0)
        c1 = clause_end(text, pos, pos + SENTENCE_WINDOW)
        values = [q for q in quantities.within(pos, c1) if q.comparable(part)]
        if values and _same_whole(label_of(text[c0 : values[0].start]), name):
            total = values[0]
            total_years = {y.year for y in years_in(text, m0, total.start)}
            if (total.start != part.start and same_scope(scope, scope_of(text[c0:pos]))
                    and not (part_years and total_years and not part_years & total_years)):
                return total


def find_ratios(text: str) -> list[Ratio]:
    found: list[Ratio] = []
    covered = -1
    positions = sorted(m.start() for colon in _COLON_AFTER_FIGURE for m in colon.finditer(text))
    for at in positions:
        if at < covered:
            continue
        begin = at
        while begin > 0 and text[begin - 1] in _RATIO_LEAD:
            begin -= 1
        begin += len(text[begin:at]) - len(text[begin:at].lstrip(" \u3000"))
        match = _RATIO.match(text, begin)
        if match is None or match.end() <= at:
            continue
        covered = match.end()
        ratio = _ratio(text, match)
        if ratio is not None:
            found.append(ratio)
    return found


def _ratio(text: str, match: re.Match[str]) -> Ratio | None:
    s0 = sentence_start(text, match.start())
    window = text[max(s0, match.start() - 40) : match.start()]
    cues = list(_CUE.finditer(window))
    if not cues:
        return None
    parts = []
    for number in _RATIO_NUMBER.finditer(match.group()):
        printed = number.group().translate(_HALF)
        decimals = len(printed.partition(".")[2])
        span = Span(match.start() + number.start(), match.start() + number.end())
        parts.append(RatioPart(float(printed), 10.0**-decimals, span))
    superseded = bool(_SUPERSEDED.match(text, match.end()))
    partial = bool(_SOME_MEMBERS.search(window))
    return Ratio(Span(*match.span()), tuple(parts), cues[-1].group(),
                 "产业" in window and not partial, superseded, partial)


def find_structures(text: str, quantities: Quantities, ratios: list[Ratio],
                    breakdowns: list[Breakdown], passages: Passages = PLAIN) -> list[Structure]:
    found = []
    for ratio in ratios:
        if not ratio.industries or ratio.superseded or len(ratio.parts) != 3:
            continue
        parts = _industry_values(text, quantities, ratio, passages)
        if parts is None:
            continue
        total = next((b.total for b in breakdowns if b.partition is _INDUSTRIES
                      and {id(q) for _, q in b.parts} == {id(q) for _, q in parts}), None)
        found.append(Structure(ratio, tuple(parts), total))
    return found


def _industry_values(text: str, quantities: Quantities, ratio: Ratio,
                     passages: Passages) -> list[tuple[str, Quantity]] | None:
    """The values of the three industries stated last before the ratio in its paragraph.

    The three are listed in one sentence, measure what the ratio is a structure of (value
    added unless the ratio names employment, investment …), and are of the ratio's year
    when both name one.
    """
    before = ratio.span.start
    floor = max(passages.paragraph_start(text, before), before - _STRUCTURE_WINDOW)
    parts: list[tuple[str, Quantity]] = []
    rests = set()
    sentences = set()
    for member in _INDUSTRIES.members:
        pos = text.rfind(member, floor, before)
        if pos == -1:
            return None
        m0 = sentence_start(text, pos)
        c1 = clause_end(text, pos, before)
        values = [q for q in quantities.within(pos, c1) if q.kind == AMOUNT]
        if not values or values[0].approx:
            return None
        label = label_of(text[clause_start(text, pos, m0) : values[0].start])
        if not label.startswith(member) or is_intensive(label):
            return None
        rests.add(label[len(member) :])
        sentences.add(m0)
        parts.append((member, values[0]))
    first = parts[0][1]
    if len(rests) != 1 or len(sentences) != 1 or not all(q.comparable(first) for _, q in parts):
        return None
    r0 = sentence_start(text, before)
    if not _measures(rests.pop(), text[clause_start(text, before, r0) : before]):
        return None
    (s0,) = sentences
    values_years = {y.year for y in years_in(text, s0, parts[0][1].start)}
    ratio_years = {y.year for y in years_in(text, r0, before)}
    if values_years and ratio_years and not values_years & ratio_years:
        return None
    return parts


def _measures(rest: str, cue: str) -> bool:
    """Whether industries' values named ``…{rest}`` are what a ratio after ``cue`` divides."""
    other = _OTHER_STRUCTURE.search(cue)
    if other is None:
        return rest in _VALUE_ADDED
    group = next(g for g in _OTHER_STRUCTURES if other.group() in g)
    return any(word in rest for word in group)
