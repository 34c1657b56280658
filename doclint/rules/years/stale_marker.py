"""Y203: wording that treats an era marker as current outside the marker's years."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core import Category, Document, Examples, Finding, Message, Rule
from doclint.rules.years.era_check import (
    Reference,
    first_per_sentence,
    overlaps,
    present_pin,
    reference_for,
    subject_pins,
    too_early,
)
from doclint.rules.years.eras import (
    CURRENT,
    FUTURE,
    GRACE,
    PIN,
    EraFacts,
    MarkerHit,
    as_horizon,
)
from doclint.rules.years.framing import RETROSPECTIVE
from doclint.rules.years.review import REVIEW_YEARS

# Markers whose end is the start of their successor (the next congress, plenum, campaign, 普法
# plan or five-year plan): work told as current after the end is the successor's.
_SUCCEEDED = frozenset({"party_congress", "party_plenum", "campaign", "legal_education",
                        "five_year_plan"})

_HOW = {
    CURRENT: ("作为当前事项", "as current"),
    FUTURE: ("作为当前或将来的事项", "as current or still to come"),
}


class MarkerOutOfPeriod(Rule):
    """把时代标志当作当前事项来写，而文档年份不在其时效之内。

    “认真贯彻党的十六届五中全会精神”“抗击非典”“征收农业税”“做好北京冬奥会服务保障”
    “确保‘十一五’开好局”只在特定年份里是当前工作（全会精神到下次党代会为止，农业税到
    2005年，冬奥会到2022年）。只检查表示“当前”的措辞；按句子的表述判断：回顾已完成的事
    （“如期打赢脱贫攻坚战”“抗击非典取得重大胜利”“作出了重要贡献”）不报，但回顾只覆盖
    所说的年数（“五年来……经历了抗击非典”只到五年前，“2009年工作回顾”只到2009年，标题或其后首段写明年份和规划的回顾如“2025年主要工作和‘十四五’发展成就”只到2021年，
    “在……以来……基础上”“回顾历史，展望未来”说的是由此出发的现在和今后，不是回顾；“近年来”“这几年”按五年计，“多年来”等不说年数时按十年计；回顾到首段中转向当前或今后的一句（“……。当前，……”）、同级或更高的标题（Markdown 标题按“#”的级数）或新闻稿的下一条消息（“央视网消息（新闻联播）：”）为止；“进入新时代，…在新的一年要…”说的是现在，不是回顾；回顾段落中本句说到当前
    （“抓好当前各项工作”），或同一段中前后紧邻的一句在号召行动（“要…”“必须…”，转述的讲话除外），或前一句说到当前（“当前”“现在”），也按当前判断），
    也不能叙述尚未开始的标志（2022年的回顾里“全力完成‘十五五’规划确定的各项目标任务”；本句写成已做的事或
    “为…奠定基础”之类的着眼点除外）；个人经历（“曾参与抗击非典”
    “参加过抗击非典的医生”）不限年数；事件或运动化成的精神名称（“抗击‘非典’精神”）是历史名称，
    但党代会和全会的精神仍按时效判断；别国政党的代表大会（“越共十三大”）不是党的代表大会；计划和预告
    在时效过后仍是错误。前后各留1年余量（规划在开始前一年编制、结束后一年总结）；按年数计的回顾已含结束后的那一年，党代会、全会、专项教育活动、普法和五年规划在其中仍当作当前工作写的（不是写成已做的事）不再另留（“过去一年”回顾2014年时“深入推进创先争优活动”）。句中写了
    年份时以句中年份为准，否则以文档年份为准（仅凭正文时取正文作为过去或当前提到的最晚
    年份，此时多留1年余量，但这一年份来自正文引用的发文字号如“苏发〔2019〕1号”时不多留；只提到一次的年份带上月份叙事，如
    “2021年2月，…复函同意”，也算这一年份；“于”“在”之后的年份，其分句写成已做的事时算作已到的年份，如“已于2018年成立”），消息中写明年份来源。同段前面刚叙述过某个过去年份的（“1993年6月，兼任行长。他积极贯彻…”，不含比较的基数如“与2008年一季度相比”），
    还须与那一年不符，除非叙述已回到当前（其后说到“目前”“当前”“自2014年…以来”“18年来”“近年来”）。“今年是‘八五’计划的开局之年”这类说
    当年的表述也由本规则按文档年份判断（没有文档年份时按这个最晚年份），Y201不再重复报告；这样说出的当年若
    比正文作为过去或当前提到的最晚年份晚一年以上，又晚于正文当作当前事项的标志的时效，则它按后两者判断（两处证据对一处）。涵盖五年规划、普法规划
    （“一五”至“九五”）、党代会和全会、专项教育活动（“三讲”至党纪学习教育）、已取消的
    税种和机构（农业税、营业税、劳动教养、国家计委）。
    """

    code = "Y203"
    name = "era.marker-out-of-period"
    category = Category.ANACHRONISM
    summary = Message("时代标志被当作当前事项，但年份不在其时效内。",
                      "An era marker is treated as current outside its years.")
    message = Message(
        "“{wording}”把{label}{how_zh}，其时效为{period}，与{reference_zh}不符。",
        "“{wording}” treats {label} {how_en}, valid {period}, which does not fit {reference_en}.",
    )
    examples = Examples(
        bad=("2021年3月5日\n要认真贯彻党的十六届五中全会精神。", "二〇二一年三月五日\n全力做好抗击非典工作。"),
        good=("2005年11月5日\n要认真贯彻党的十六届五中全会精神。", "2021年3月5日\n党的十六届五中全会以来，全县经济快速发展。",
              "要认真贯彻党的十六届五中全会精神。"),
    )
    pin_message = Message(
        "“{wording}”指的是{period}，与{reference_zh}不符。",
        "“{wording}” refers to {period}, which does not fit {reference_en}.",
    )
    basis = "时代标志（domain-rules §4，era-markers current_patterns）"
    group_after = 20

    def check(self, doc: Document) -> Iterator[Finding]:
        for hit, first, last, reference in out_of_period(doc):
            how_zh, how_en = _HOW.get(hit.how, ("", ""))
            template = self.pin_message if hit.how == PIN else self.message
            yield self.report(hit.span, template, wording=doc.slice(hit.span),
                              label=hit.marker.label,
                              how_zh=how_zh, how_en=how_en, period=_period_text(first, last),
                              reference_zh=reference.message.zh,
                              reference_en=reference.message.en, related=reference.related)


def out_of_period(doc: Document) -> Iterator[tuple[MarkerHit, int | None, int | None, Reference]]:
    """The hits Y203 reports, with the marker's period and the years they disagree with (Y201
    leaves these to it: one finding per defect)."""
    judged_by_y201 = subject_pins(doc)
    reported_by_y202 = {(h.marker.id, h.sentence.start) for h in too_early(doc)}
    hits = [h for h in doc.facts(EraFacts).hits if _is_current(h) or present_pin(doc, h)]
    for hit in first_per_sentence(hits):
        if overlaps(hit.span, judged_by_y201):
            continue
        first, last = _period(hit)
        reference = reference_for(doc, hit)
        if reference is None:
            continue
        widened = last
        if last is not None and hit.how != FUTURE and hit.framing.kind == RETROSPECTIVE:
            since, lookback = hit.framing.since, hit.framing.lookback
            if since is not None and last + GRACE < since:
                pass
            elif since is not None and hit.framing.until is not None:
                # A review of a named year or plan (2009年工作回顾) narrates that stretch, and
                # like any review no more than ``REVIEW_YEARS`` back.
                widened = last + REVIEW_YEARS
            elif since is not None or lookback is None:
                # Within the period the wording looks back on: not stale. Yet a review cannot
                # narrate what had not begun (“十五五” carried out in a review of 2022), unless
                # its own clause reports it or holds it as a horizon (为“十五五”打下基础).
                if hit.framing.done or as_horizon(doc.text, hit.sentence, hit.span):
                    continue
                widened = None
            else:
                widened = last + lookback
                if not hit.framing.done and hit.marker.kind in _SUCCEEDED:
                    # The year of grace is the one that looks back on the marker's last (a
                    # 2013 report on 2012): a review that reaches back only to the year after
                    # narrates the successor's first, and gives it no second.
                    widened -= GRACE
        # A name that was a generic phrase before the campaign is never too early.
        since = None if hit.marker.stale_only else first
        if not reference.outside(since, widened, GRACE):
            continue
        if (hit.marker.id, hit.sentence.start) in reported_by_y202:
            continue  # not even mentionable yet: Y202 reports it
        yield hit, first, last, reference


def _is_current(hit: MarkerHit) -> bool:
    if hit.how in (CURRENT, FUTURE):
        return True
    return hit.how == PIN and hit.pin is not None and hit.pin.current


def _period(hit: MarkerHit) -> tuple[int | None, int | None]:
    if hit.how == PIN:
        return hit.first, hit.last
    if hit.how == FUTURE:
        return hit.marker.earliest_mention or hit.marker.valid_from, hit.marker.valid_to
    return hit.marker.valid_from, hit.marker.valid_to


def _period_text(first: int | None, last: int | None) -> str:
    if first is None:
        return f"{last}年以前"
    if last is None:
        return f"{first}年起"
    return f"{first}年" if first == last else f"{first}—{last}年"
