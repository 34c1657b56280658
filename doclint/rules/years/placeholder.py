"""Y301: the years of a whole document collapsed to one or two placeholder values."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import ClassVar

import regex

from doclint.core import (
    Category,
    Document,
    Examples,
    Finding,
    Message,
    Option,
    Related,
    Rule,
    Severity,
    Span,
)
from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.rules.years.contradicted_year import contradictions, only_years
from doclint.rules.years.dated_facts import dated_fact_conflicts
from doclint.rules.years.docyear import DocumentYears
from doclint.rules.years.early_mention import MarkerBeforeItsTime
from doclint.rules.years.han_ranges import han_same_year_spans
from doclint.rules.years.mentions import YearFacts
from doclint.rules.years.own_time import own_time_conflicts, page_date_conflicts
from doclint.rules.years.repeated_year import parallel_clauses, repeated_lists
from doclint.rules.years.same_year_change import same_year_cases
from doclint.rules.years.stale_marker import MarkerOutOfPeriod
from doclint.rules.years.year_roles import needs_other_years, role_conflicts

_CASE_NOTE = {
    "range": Message("年份区间起止相同", "a span of years with equal ends"),
    "change": Message("同一变化的起止年份相同", "a change that starts and ends in one year"),
    "comparison": Message("比较的基期与所述年份相同", "a comparison with itself"),
    "bases": Message("同一基期给出两个不同的变化", "one base year, two different changes"),
    "plan": Message("总结和计划同属一年", "a review and a plan of one year"),
}
_MAX_SOFT = 6
# Years written without 年: a document number (冀政字〔2024〕40号) and the page's own date among
# the head lines (《新闻联播》 (20240707)). An anonymiser rewrites them with the rest.
_NUMBER_YEAR = lazy_re(r"〔((?:19|20)[0-9]{2})〕")  # opens with a literal: the engine skips to it
_PAGE_DATE = regex.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?=(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?![0-9]))")
_HEAD_LINES = 3
# A term of office written as a span of years (任期为2018年至2018年, 任期自2018年至2018年).
_TERM_BEFORE = lazy_regex(r"(?:任期|任职期限|届期)(?:为|是|自|从|：|:)?\s?$")
_TERM_REACH = 8
_TITLE_REACH = 60
_HAN_LIST_JOINS = frozenset({"、", "和", "及", "与"})


class YearPlaceholder(Rule):
    """全文的年份被统一替换成一两个占位值。

    匿名化或模板化的文本常把所有年份改成同一个值（每个年份都是“2024年”）。单看一处看不出
    问题，合起来就很明显：年份几乎只有一个取值，文中却有需要不同年份的表述——同一变化的
    起止年份相同（由2024年…增加到2024年）、相同年份并列（2024、2024、2024年）、年份与
    表述矛盾（2024年是“十五”计划的收官之年），以及同一年份担当了不可能同时担当的角色：
    既被回顾又被部署（“2024年工作回顾”与“2024年工作安排”），日期行在年初却回顾或统计全年，
    日期行在年末却以当年为目标，目标年与基期同年（到2024年，…由2024年的…），计划日期早于
    日期行，出生与入伍同年，会议的年份不是召开之年（2024年，党的十八届四中全会…），名称
    自带的年份不对（《2024年可持续发展议程》），“去年（2024年）”，页面自身的日期（页脚
    `20230405`、链接中的`/2023/04/05/`）多处相同却与该值相差两年以上，年初的文本报告该年
    全年的结果（2023年2月的文本写“2023年，…比上年增长”“较2023年末”），以及时代标志
    与该年份不符（2016年的文本“以习近平新时代中国特色社会主义思想为指导”，由 Y202/Y203
    判断）。文档自身的日期（日期行、落款、页面日期，汉字数字的也算）也给出证据：写于
    2023年6月的文本报告“截至2023年底”的情况（句子到日期就结束的“统一截止到2023年6月30日。”是计算的截止日，不算；早稻、夏粮年中即有当年产量）、说“为2023年8月以来的最高点”“为2023年第四季度以来的最低水平”、从本年说到“今年”（“从2023年，…成立，到今年…”）、把早于文档日期数周的事说成将要举行（12月的文本写“2023年11月18日…将在深圳举行”）、把晚于文档
    日期的事写成已经发生（“2023年9月16日，他在抓捕时牺牲”“已于2023年底完成”）、与本年
    同期或本年水平比较（“较2023年同期增长”“今年…较2023年下降”“才能达到2023年的水平”，句中未写别的时间却说“较2023年分别增长”）、
    从本年算起已过多年（“成立于2023年，建队60多年来”“自2023年起，已连续举办20年”），
    年末之前报告全年结果（“2023年，…比上年增长”“2023年，…分别增长4.6%、7.3%”，年度评选揭晓、
    年度报告发布、全年排名），把本年当作已知的整体或过去（“超过2023年全年业务量的85%”“列2023年
    有资料统计以来第一位”“从2023年的11%提高到当前的34%”“预测2023年…比今年增加”），12月部署
    本年工作、下半年“提前下达”本年资金，一个开始（或“召开…会议以来”）之后隔句说“10年来”“近5年来”，展览“将持续到”已过去的
    月份。已知年份的事实同理：已故领导人在其
    身后的年份有所作为（“2006年三月，邓小平同志指出”），全国人大第N届第k次会议、中央
    第N届的任期与所写年份不符，同一人大的三届会议同在一年（条例的通过与修正历史），已知年份的
    事件（“2015年8月1日，…发动了南昌起义”）、奥运会和国家目标年（“到2035年基本实现社会主义
    现代化”），同一标题既总结又部署同一年（“2024年预算执行情况和2024年预算草案”“2024年工作总结和
    2024年工作计划”），统计公报或工作总结标题下的日期在该年之内，日期之后某月的统计数据已经公布
    （1月的文本写“2024年12月，居民消费价格指数同比上涨”），“2024年以来连续三年”，“超过2024年同期
    水平”，法律“于2024年10月通过”而文本写于2月，年内12月召开的中央经济工作会议在年初已被引述，
    12月下旬仍说“2024年，我国将…”，以及相隔N年的两个年份相同（“1937年…三年之后，1940年”）、爆发之年已知的危机（“2013年爆发的国际金融危机”）、
    第一个百年目标的2020年（“到2016年现行标准下农村贫困人口全部脱贫”）、建国初期任职之前的入党年份（“一九九二年加入
    中国共产党，建国初期任…”），出生与入党同年的汉字年份也算。计划的先后两步同在一年（“2024年，完成…；
    到2024年，…”“2024年底前启动…，力争2024年建成”、相邻两句都“到2024年，”）、数字是本年的倍数（“2024年，…
    是2024年的1.7倍”）、同一年的数据既是“初步统计结果”又已“修订为”、有效期在文档日期之前结束、“于2024年…
    正式组建成立”又“成立20周年”，同样是证据；还有同一段目标里相继的两个“到2024年底，”，“2024年政府工作回顾”与
    “2024年政府工作主要任务”，2024年出生的人在2024年“年仅29岁”，已知年份的历史事件（“2024年6月25日，朝鲜内战
    爆发”），汉字数字的相同年份并列（一九七四年、一九七四年），先后两个阶段倒置（第一阶段始于7月、第二阶段始于
    1月），以及讲话末尾“这是…2024年9月28日在…的讲话”之后的日期被说成已经发生。
    新闻页标题下单独一行的页面日期（2026-03-16 19:28:58，留言与答复各带日期的页面除外）是文档
    自身的日期；它不在该值所在的年份时，日期行早几天却是别的年份（“（2019年1月20日…通过）”）、
    “将于2021年5月…举行”早于页面日期、两年以前的“2019年春季植树行动今天启动”、上半年“今天启动”的
    却是别一年的“2024年上半年…工作”、页面日期之后的年份已有“截至2024年”的情况或全年结果、“倒计时
    一周年”的活动不在下一年，都是证据；页面日期在下半年而文中两处以本年为目标（到2020年，…），同样是证据。同一句里
    “总结2024年…工作，部署2024年任务”“对2024年的工作给予充分肯定，同意其对2024年的工作安排”，
    “倒计时一周年”的活动定在文档日期所在的月份，已知创立年份的周年庆祝大会不在那一年（“2023年7月1日，
    在庆祝中国共产党成立一百周年大会上”），同一时段与自身比较（“2024年春运期间…比2024年春运期间
    增长”），同样是证据。
    并列的分句都以同一年份开头（“2015年‘连滚带爬’，…；2015年‘拳打脚踢’，…”）；写于2018年7月却说
    “早在2018年7月”（早在说的是早先，本年之内不到一个季度的不算）；图片说明“图为2020年9月4日，…”晚于
    日期行；1月的文本报告“2019年1—10月，…同比增长”；“2020年以来最大的洪水”“从2020年至今的两年半”；
    以本年开头的句子把同一时间说成“去年”（“2019年，是…决胜之年，在我去年新收的案件中”）；日期行之后
    “被…授予”“受到…表彰”“成为”的事已经发生；同一年大学毕业又“年过60离休”；数据导语之后直接给出本年的数值（“最新数据显示，2024年，
    …收益额1056.88亿元”）；一段目标列了几项之后（或另起一段）又是“到2024年底，”，同样是证据。
    文号（〔2024〕）和页首的页面日期（20240707）也计为年份。“五年来”“连续三年”
    “‘十五’时期”“这几年”“两年后”这类跨年表述作为旁证。汉字数字的年份区间（一九七六年到一九七六年）与阿拉伯数字的同样计入。一处自相矛盾的表述（2024—2024年）可能是笔误，需
    旁证或较多年份处（8处）才报，不像笔误的（由2024年…增加到2024年、2024、2024年并列、与自身比较）6处即可，书名号中的年份区间（《…三年行动计划（2024—2024年）》）是照录的，
    本身即可，任期的起止（任期为2024年至2024年）也是；一处角色冲突即可。整篇文档只报一次，相关位置列出每条证据。
    """

    code = "Y301"
    name = "year.placeholder"
    category = Category.YEAR_PLACEHOLDER
    severity = Severity.ERROR
    summary = Message("全文年份疑被统一替换为占位值。", "The document's years look replaced by a placeholder.")
    message = Message(
        "全文{total}处年份只有{distinct}个取值（{values}），但有{hard}处表述要求不同的年份"
        "{soft_zh}：年份疑被统一替换为占位值。",
        "All {total} year mentions take {distinct} value(s) ({values}), yet {hard} statements need "
        "different years{soft_en}: the years look replaced by a placeholder.",
    )
    options: ClassVar[Mapping[str, Option]] = {
        "min_mentions": Option(int, 5, "最少年份处数 / fewest year mentions to judge a document"),
        "max_distinct": Option(int, 2, "最多不同取值 / most distinct values of a placeholder"),
        "min_evidence": Option(int, 2, "最少矛盾证据 / fewest contradictions needed"),
        "many_mentions": Option(int, 8, "一处矛盾即可判定的年份处数 / mentions that make one contradiction enough"),
        "firm_mentions": Option(int, 6, "一处不像笔误的矛盾（变化、并列）即可判定的年份处数 / mentions that make one "
                                        "contradiction other than a span of one year enough"),
    }
    examples = Examples(
        bad=("2021年全县财政收入由2021年的7400万元增加到2021年的9700万元。2021、2021、2021年连续三年"
             "遭受旱灾。2021年是“十五”计划的收官之年。2021年，全县粮食总产创历史最高。",),
        good=("2021年全县财政收入由2016年的7400万元增加到2021年的9700万元。2019、2020、2021年连续三年"
              "遭受旱灾。2021年是“十四五”规划的开局之年。2021年，全县粮食总产创历史最高。",),
    )
    basis = "匿名化/模板化造成的年份占位（domain-rules §6）"
    # One finding for the whole document, anchored on its first year: that year may stand in a
    # caption, a footer or site chrome that other rules remove, and it still speaks for the rest.
    unmasked_by = ("P202", "P203", "P204", "P205", "P206")

    def check(self, doc: Document) -> Iterator[Finding]:
        mentions = doc.facts(YearFacts).mentions
        unwritten = _years_without_nian(doc)
        if len(mentions) + len(unwritten) < self.config["min_mentions"] or not mentions:
            return
        counts = Counter([m.value for m in mentions] + unwritten)
        if len(counts) > self.config["max_distinct"]:
            return
        dominant, times = counts.most_common(1)[0]
        total = sum(counts.values())
        if times * 4 < total * 3:
            return
        contradictions = self._contradictions(doc)
        hard = [(related,) for related in contradictions + _era_markers(doc, dominant)]
        # A span of one year (2018年至2018年) may be a slip; a change from a year to itself, a
        # year listed twice or a comparison with itself hardly is.
        firm = any(related.note is not _CASE_NOTE["range"] for related in contradictions)
        known = {conflict[0].span for conflict in hard}
        roles = [c for c in (role_conflicts(doc, dominant) + own_time_conflicts(doc, dominant)
                             + dated_fact_conflicts(doc, dominant) + page_date_conflicts(doc, dominant))
                 if c[0].span not in known]
        soft = self._stretches(doc)
        # A statement that contradicts itself (2021—2021年) may be a slip when it is the only
        # one; it takes wording that needs other years, or many mentions, to back it. A role
        # the single value cannot play (a review and a plan of one year) needs nothing more.
        # A span of years inside a title (《…三年行动计划（2024—2024年）》) is copied, not typed:
        # it backs itself.
        needed = (len(soft) >= 3 or needs_other_years(doc)
                  or total >= self.config["many_mentions"]
                  or (firm and total >= self.config["firm_mentions"])
                  or any(_in_title(doc.text, conflict[0].span) or _a_term(doc.text, conflict[0].span)
                         for conflict in hard))
        hard += roles
        if len(hard) < self.config["min_evidence"] and not (roles or (hard and needed)):
            return
        first = next(m for m in mentions if m.value == dominant)
        values = "、".join(f"{year}年×{n}" for year, n in counts.most_common())
        soft_zh = f"，另有{len(soft)}处跨年表述" if soft else ""
        soft_en = f" and {len(soft)} phrases span several years" if soft else ""
        related = sorted((r for conflict in hard for r in conflict), key=lambda r: r.span.start)
        yield self.report(first.span, total=total, distinct=len(counts), values=values,
                          hard=len(hard), soft_zh=soft_zh, soft_en=soft_en,
                          related=related + soft[:_MAX_SOFT])

    @staticmethod
    def _contradictions(doc: Document) -> list[Related]:
        found = [Related(group.span, Message(f"相同年份并列（{year}年×{count}）",
                                             f"the same year listed {count} times"))
                 for group, year, count in repeated_lists(doc)]
        found += [Related(case.span, _CASE_NOTE[case.kind]) for case in same_year_cases(doc)]
        found += [Related(Span(first.start, second.end), Message(
            f"并列的分句都以{first.value}年开头", f"parallel clauses both open with {first.value}"))
            for first, second in parallel_clauses(doc)]
        found += [Related(span, _CASE_NOTE["range"]) for span in han_same_year_spans(doc.text)]
        found += _han_listed_twice(doc)
        for hit, subject in contradictions(doc):
            if subject.source is None:
                only_zh, only_en = only_years(hit)
                found.append(Related(hit.span, Message(f"“{doc.slice(hit.span)}”{only_zh}",
                                                       f"“{doc.slice(hit.span)}” {only_en}")))
        return sorted(found, key=lambda r: r.span.start)

    @staticmethod
    def _stretches(doc: Document) -> list[Related]:
        facts = doc.facts(YearFacts)
        found = [Related(s.span, Message(f"跨年表述“{s.text}”", f"a stretch of years “{s.text}”"))
                 for s in facts.stretches if s.years >= 2]
        seen: set[int] = set()
        for plan in facts.plans:
            if plan.ordinal not in seen:
                seen.add(plan.ordinal)
                text = doc.slice(plan.span)
                found.append(Related(plan.span, Message(f"五年规划时期{text}", f"the plan period {text}")))
        return sorted(found, key=lambda r: r.span.start)


def _han_listed_twice(doc: Document) -> list[Related]:
    """Two years in Chinese numerals listed side by side with one value (一九七四年、一九七四年)."""
    text = doc.text
    chinese = doc.facts(YearFacts).chinese
    return [Related(Span(first.start, second.end), Message(f"相同年份并列（{first.value}年×2）",
                                                            "the same year listed twice"))
            for first, second in itertools.pairwise(chinese)
            if first.value == second.value and text[first.end:second.start] in _HAN_LIST_JOINS]


def _a_term(text: str, span: Span) -> bool:
    """Whether ``span`` is a term of office (任期为2018年至2018年): a term lasts years, no slip
    of one year makes it none."""
    return _TERM_BEFORE.search(text, max(0, span.start - _TERM_REACH), span.start) is not None


def _in_title(text: str, span: Span) -> bool:
    """Whether ``span`` lies inside a book title 《…》 on its line."""
    opening = text.rfind("《", max(0, span.start - _TITLE_REACH), span.start)
    closing = text.find("》", span.end, span.end + _TITLE_REACH)
    return (opening != -1 and closing != -1 and "》" not in text[opening:span.start]
            and "\n" not in text[opening:closing])


def _years_without_nian(doc: Document) -> list[int]:
    """The years of document numbers (〔2024〕) and of a page date among the head lines."""
    text = doc.text
    found = [int(m.group(1)) for m in _NUMBER_YEAR.finditer(text)]
    starts = doc.index.starts
    head = starts[_HEAD_LINES] if len(starts) > _HEAD_LINES else len(text)
    page = _PAGE_DATE.search(text, 0, head)
    if page is not None:
        found.append(int(page.group()))
    return found


def _era_markers(doc: Document, value: int) -> list[Related]:
    """Era markers out of their time for a document year that is ``value`` (“十四五” in a text
    whose every year, the dateline's included, reads 2016): the value is not the real year."""
    years = doc.facts(DocumentYears)
    found = []
    for rule in (MarkerBeforeItsTime(), MarkerOutOfPeriod()):
        for finding in rule.check(doc):
            source = years.at(finding.span.start)
            if source is not None and source.year == value:
                wording = doc.slice(finding.span)
                found.append(Related(finding.span, Message(
                    f"时代标志“{wording}”与{value}年不符", f"the era marker “{wording}” does not fit {value}")))
    return found
