"""Wording that the text's own date contradicts once every year it writes is one value.

A text dated (its dateline, signature date or page date) on 5 April of a year cannot report
the state of things at the end of that year (``截至2023年底，…``), speak of a time since a later
month (``为2023年8月以来的最高点``), narrate as past an event of a later month (``2023年9月16日，
他带队抓捕…``), compare a period with the same period of its own year (``较2023年同期增长``,
``今年前4个月…较2023年下降``, or the present, naming no other time, ``…较2023年分别增长22.5%``),
nor count years elapsed since its own year (``成立于2023年，60多年
来``, ``自2023年起，已连续举办20年``). Each is one ``Conflict`` (a tuple of ``Related``) for the
year-placeholder rule: with every year rewritten to the value of the text's own date, the
years these phrases named are gone, the phrases are left.
"""

from __future__ import annotations

import datetime

from doclint.core import Document, Message, Related, Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years import numerals
from doclint.rules.years.dates import DateFacts, DateMention
from doclint.rules.years.docyear import DocumentYears
from doclint.rules.years.mentions import YearFacts
from doclint.rules.years.year_roles import (
    datelines,
    edge_starts,
    head_page_date,
    page_date_line,
    year_results,
)

Conflict = tuple[Related, ...]
_Y = r"(?:19|20)[0-9]{2}|[一二][〇○零一二三四五六七八九]{3}"
# A year, not the tail of a longer number.
_YEAR = rf"(?P<y>(?<![0-9〇○零一二三四五六七八九十])(?:{_Y}))"
_CLAUSE_END = lazy_regex(r"[。！？；!?\n]")
# The state at a time, reported: 截至2023年底, 截止到2023年12月31日 (not a deadline: …年底前).
_AS_OF = lazy_regex(r"(?<!时间|日期|期限|时限|报名|申报|受理|申请)(?:截至|截止到|截止至|截止)\s?$")
_ALREADY_YEAR_END = lazy_regex(rf"(?:已|已经|早已)\s?于\s?{_YEAR}\s?年\s?(?:底|末)")
_AS_OF_YEAR_END = lazy_regex(
    rf"(?<!时间|日期|期限|时限|报名|申报|受理|申请)(?:截至|截止到|截止至|截止)\s?{_YEAR}\s?年\s?(?:底|末)(?!\s?(?:前|以前|之前|到期))")
# A deadline or a qualifier, not a report: …年底前, 截至2015年底到期的债务.
# A cut-off that closes its sentence tells no state as of that day: 论文发表等时间统一截止到2017年
# 6月30日。 (a rule for counting), unlike 截至2017年6月30日，全省已完成….
_CUTOFF_AFTER = lazy_regex(r"\s?[。；;]")
_DEADLINE_AFTER = lazy_regex(r"\s?(?:底|末)?\s?(?:前|以前|之前|到期)")
_SENTENCE_START = lazy_regex(r"[。！？；!?\n]")
# A time since which something has lasted: 为2023年8月以来的最高点.
_SINCE_AFTER = lazy_regex(r"\s?(?:份|底|末|中旬|下旬|上旬)?\s?(?:以来|至今)")
# …or after a few words: 基地自2026年7月正式运营以来.
_FROM_BEFORE = lazy_regex(r"(?:自|从)\s?$")
_SINCE_LATER = lazy_regex(r"[^。，,；！？\n]{0,30}?(?:以来|至今)")
# A rule just issued that takes effect on a date months before the text: 日前签署国务院令，公布
# 《…条例》，自2025年1月1日起施行 (in a text of November 2025).
_ISSUED = lazy_regex(r"(?:签署|公布|印发|发布|出台|颁布)[^。！？；\n]{0,80}?(?:自|从)\s?$")
_TAKES_EFFECT = lazy_regex(r"\s?起\s?(?:施行|实施|执行|生效)")
_EFFECT_MONTHS_BEFORE = 2
# A past event of a named date: 2023年9月16日，他带队抓捕…; 已于2023年底完成….
_ALREADY_BEFORE = lazy_regex(r"(?:已|已经|早已|先后)\s?于\s?$")
# …or told with 于 and a verb no one schedules (黄河保护法于2023年10月通过; 乘组于2023年6月5日搭乘
# 飞船发射升空): a law's passing, a launch, a death are told when they have happened.
_AT_BEFORE = lazy_regex(r"(?<![将拟定计划预])于\s?$")
# …or marked as past by the words before it: 早在2018年12月 (as early as), 图为2019年9月4日… (a
# photograph's caption), 摄于2019年10月.
_PAST_BEFORE = lazy_regex(r"(?:早在|图为|摄于|拍摄于)\s?$")
# 早在 sets its time well before the text: a year alone, or a month of the text's own year less
# than a season before its date, is not early (早在2018年，… or 早在2018年6月，… written in July 2018).
_EARLY = lazy_regex(r"早在\s?$")
_MONTH_AFTER = lazy_regex(r"\s?(?P<m>[0-9]{1,2})\s?月")
_EARLY_MONTHS = 3
_DONE_AT = lazy_regex(
    r"(?:\s?[0-9]{1,2}\s?日)?(?:[^。，,；！？\n]{0,16}?)(?<![将拟要])(?:审议通过|修订通过|表决通过"
    # a bare 通过 is passed when nothing but a mark, a particle or the act's title follows it
    # (…于2023年10月通过。, 通过了《…》), not 通过平台完成 (through the platform)
    r"|通过(?=[，,。；！？、了的《并和\s]|$)"
    r"|发射升空|逝世|去世|病逝|牺牲|遇难|遇害|就义|殉职|当选)(?![^。，,；！？\n]{0,3}(?:后|之后|以后|时))")
# A month's figures reported (2023年12月，居民消费价格指数同比上涨0.8%): known only after the month.
_MONTH_FIGURES = lazy_regex(
    r"(?:份)?[，,]?[^。！？；\n]{0,40}?(?:同比|环比|比上月|比上年同月)(?:上涨|下降|增长|减少|上升|回落|持平|扩大|收窄)")
# …or the figures of the months from January to a later month (2019年1—10月，…同比增长1倍, 2019年前10个月…
# 同比下降; 2022年1—12月，…累计成交量为…): known only after the last of them.
_MONTHS_FIGURES = lazy_regex(
    rf"(?P<p>(?<![0-9]){_YEAR}\s?年\s?(?:(?:1|一)\s?月?\s?(?:—|―|－|-|~|～|至|到)\s?|前)(?P<m>[0-9]{{1,2}})\s?个?月)(?:份)?"
    r"[，,]?[^。；！？\n]{0,60}?(?:累计|共计|同比|比上年|较上年|比去年|较去年)[^。；！？\n]{0,20}?[0-9]")
_NARRATED = lazy_regex(
    r"[^。！？；\n]{0,40}?(?:逝世|牺牲|去世|病逝|当选|荣获|获得了|发生了|爆发|来到|考察了|视察了|看望了|会见了"
    r"|宣布|出席了|举行了|召开了|主持召开了|发表了|签署了|宣布了|印发了|出台了|通过了|审议通过了|开通了|投入使用了?"
    r"|隆重举行|隆重召开|正式投入使用|成功发射|首次提出|提出了|建成了|完成了|实现了|启动了|成立了|遭到|遭受|坠毁|遇难|成为"
    r"|(?<![为除罢])了(?![解结])"
    # …or an honour received: 被…授予“…”称号, 受到…表彰.
    r"|被[^。！？；\n]{0,16}?(?:评为|授予|命名为|认定为)|受到[^。！？；\n]{0,16}?(?:表彰|表扬|嘉奖))")
_NOT_NARRATED = lazy_regex(r"将|拟|计划|预计|预期|定于|力争|争取|确保|有望|可望|即将|届时|要|应当|须|需要|目标|前完成|底前|以前|之前")
# A scraped page opens its paragraphs with markup left in (…</p><p>2023年9月16日，…).
# …and a report opens one after its verb (报道称，2022年9月，…).
_CLAUSE_START = lazy_regex(
    r"(?:^|[。！？；：:\n\t\u3000 ]|）|】|[0-9一二三四五六七八九十]、|<(?:p|br|div|span)[^<>]{0,40}>"
    r"|(?:称|表示|指出|显示|介绍|报道)[，,])\s?$")
# The note closing a speech: 这是习近平同志2020年9月28日在十九届中央政治局第二十三次集体学习时的讲话。
_SPEECH_NOTE = lazy_regex(r"(?:这是|本文是|此文是|这篇文章是)[^。！？\n]{0,16}?$")
_SPOKEN_AT = lazy_regex(r"\s?在[^。！？\n]{0,60}?(?:讲话|发言|报告|谈话|致辞|演讲)")
_NOTE_REACH = 400
# Comparisons with the same period of a year, or of this year with a year: 较2023年同期.
_SAME_PERIOD = lazy_regex(
    rf"(?:较|比|与|同|超过|超出|高于|低于|恢复到|恢复至|接近)\s?{_YEAR}\s?年\s?(?:的)?同期")
_THIS_YEAR = lazy_regex(r"今年")
# A level of now compared with a year, the sentence naming no year of its own (…，全国城乡低保平均
# 标准较2023年分别增长22.5%): the year is past.
_BARE_BASE = lazy_regex(
    rf"(?:较|比)\s?{_YEAR}\s?年(?:相比)?[，,]?\s?(?:分别|均|累计|总体)?"
    r"(?:增长|下降|提高|减少|增加|上升|降低|提升|回落|翻)")
_OTHER_TIME = lazy_regex(
    r"(?:19|20)[0-9]{2}|[〇○零一二三四五六七八九]{4}年|今年|明年|去年|上年|前年|本年|当年|同期|届时|此前|以前"
    r"|到|至|预计|预期|力争|争取|确保|将|计划|目标|展望|有望|可望|[0-9一二三四五六七八九十]{1,2}月")
_COMPARED = lazy_regex(rf"(?:较|比|与|同)\s?{_YEAR}\s?年(?!底|末|初|同期|[0-9]{{1,2}}\s?月|上半年|下半年|[一二三四]季度)")
# Years elapsed since a year: 成立于2023年，60多年来; 自2023年起，已连续举办20年; 2023年到现在十三年.
_SINCE_YEAR = lazy_regex(rf"(?P<from>成立于|创办于|创建于|始建于|建于|组建于|诞生于|自|从|于)?\s?{_YEAR}\s?年")
_N = r"[0-9]{1,3}|[一二两三四五六七八九十百]{1,4}"
# Only 一干就是…, …年下来, 至今… and 到现在… count from a year named without 自/从/成立于 (2022年，她当起了
# 代课老师，一干就是近30年); 2024年，…5年来年均增长 counts back from that year.
_ELAPSED = lazy_regex(
    rf"(?P<anchored>(?:建队|建校|建院|建厂|成立|创办|创建|建立|办学|坚守)?(?P<n>{_N})(?:多|余)?年(?:来|以来|了)"
    rf"|已经?(?:连续)?(?:举办|开展|坚持|实施)?了?(?P<n>{_N})(?:多|余)?年)"
    rf"|(?:至今|到现在|到今天|迄今)(?:已经?|已有|有|近|已近|的)?(?P<n>{_N})(?:多|余)?年"
    rf"|一干就是(?:近|整整)?(?P<n>{_N})(?:多|余)?年|(?P<n>{_N})(?:多|余)?年下来")
# A date alone on a line of the head or the tail: （一九六二年五月十一日）, 2024年3月5日.
_DATE_LINE = lazy_regex(r"[\s（()）—－\-?？]*")
_EDGE_LINES = 8
# …or in brackets right after the title of a speech run into a flattened page: …纪念大会上的讲话（2024年6月28日）.
_SPEECH_DATED = lazy_regex(r"(?:讲话|报告|致辞|发言|演讲|谈话|讲稿)\s?[（(]\s?$")
_HEAD_CHARS = 400
# A span from now to the text's own year: 从现在起至2024年 (in a text of 2024).
_NOW_TO = lazy_regex(rf"(?:从现在|从今天|从今年|现在)(?:起|开始)?\s?(?:到|至)\s?{_YEAR}\s?年(?![底末]|[0-9一二三四五六七八九十]{{1,2}}月)")
# The level of a year, reached or compared with: 才能达到2018年的水平.
_LEVEL = lazy_regex(
    rf"(?:达到|恢复到|恢复至|回到|回落至|回落到|降至|降到|跌至|跌回|退回到?|相当于|超过|低于|高于|接近)\s?{_YEAR}\s?年(?:的)?水平")
_ELAPSED_REACH = 60
_YEAR_END = (12, 20)  # a text of 1 December cannot yet tell the state at the year's end
# A record that starts in a year (列2023年有资料统计以来第一位, 为2023年以来最大的洪水, 是2023年以来的
# 首次下降): told years after it started (in its own year it is 今年以来).
_RECORD_SINCE = lazy_regex(
    rf"{_YEAR}\s?年(?:有|有了|开始有)(?:完整|系统)?(?:的)?(?:气象|水文|观测|统计)?(?:资料|记录|数据)(?:统计|记载)?(?:以来|之后|后)"
    rf"|{_YEAR}\s?年以来[^。，,；;！？\n]{{0,16}}?(?:最(?:高|低|大|小|多|少|好|差|严重|惨重)|新高|新低|首次|第一次)")
# The whole of its own year taken as a finished measure (超过2023年全年业务量的85%), or a year
# compared with this year (预测2023年全球需求…比今年增加): the year named is not the present one.
_WHOLE_OF = lazy_regex(
    rf"(?:超过|超出|达到|相当于|占|接近|为|是)\s?{_YEAR}\s?年全年(?![^。，；！？\n]{{0,6}}(?:目标|任务|计划|预算|预期))")
# A change from its own year to now (森林覆盖率从2017年的11%提高到当前的34%).
_TO_NOW = lazy_regex(
    rf"(?:从|由)\s?{_YEAR}\s?年(?:的)?[^。；！？\n，,]{{0,12}}?[，,]?\s?[^。；！？\n]{{0,8}}?"
    r"(?:提高|提升|增长|增加|上升|下降|减少|降低|扩大|缩小|发展|跃升)(?:到|至)(?:当前|目前|现在|如今|今天|今年)")
# A time since a quarter or half of its own year that has not begun (为2023年第四季度以来的最低水平,
# written in June).
_PART_SINCE = lazy_regex(
    rf"{_YEAR}\s?年\s?(?:第?(?P<q>[一二三四1-4])季度|(?P<h>下半年))(?:以来|至今)")
_QUARTER_START = {"一": 1, "二": 4, "三": 7, "四": 10, "1": 1, "2": 4, "3": 7, "4": 10}
# A span from its own year to this year (从2013年，全国首个自贸试验区成立，到今年…揭牌): the year
# named opens a span that ends in the present, so it lies before it. Not a span within the year
# (从2023年3月…到今年年底), a plan that starts then (从2023年起…), nor a time since it told up to
# today (自2023年…落地以来，截至今天: the year may be the present one).
_TO_THIS_YEAR = lazy_regex(
    rf"(?:从|自)\s?{_YEAR}\s?年(?!\s?(?:[0-9０-９一二三四五六七八九十]{{1,2}}\s?月|底|末|初|上半年|下半年|第?[一二三四]季度"
    r"|起|开始|以来|至今|前))(?:(?!以来)[^。；！？\n]){0,60}?(?<!截|截止)(?:到|至|直到)(?:今年|如今|现在|今天)"
    r"(?!\s?(?:底|末|年底|年末|[0-9０-９一二三四五六七八九十]{1,2}\s?月|上半年|下半年|第?[一二三四]季度|前))")
# An event announced for a date weeks before the text (会议还确定，2023年11月18日至19日，…将在深圳举行,
# in a text of 12 December): told as coming, it is past. Against the text's earliest own date.
_SCHEDULED_BEFORE = lazy_regex(r"(?:定于|将于|拟于)\s?$")
_SCHEDULED_AFTER = lazy_regex(
    r"(?:\s?(?:至|到|—|－|-)\s?[0-9]{1,2}\s?日)?[^。！？；\n]{0,30}?(?:将|拟)(?:在|于)?[^。！？；\n]{0,20}?(?:举行|召开|举办|开幕)")
_SCHEDULED_CLAUSE = lazy_regex(r"(?:^|[。！？；：:\n，,]|<(?:p|br)[^<>]{0,40}>)\s?$")
_SCHEDULED_DAYS = 14
# A sentence opened by its own year that tells of last year as the same time (2018年，是…决胜之年，在我
# 去年新收的255个案件中): the year it opens with is last year. Not a base (比去年), a period of it
# (去年同期, 去年以来, 去年底), nor a later sentence or clause after a semicolon.
_LAST_YEAR_AS_IT = lazy_regex(
    rf"(?:^|(?<=[。！？\n；;]))[\u3000 \t]*{_YEAR}\s?年[，,是为][^。！？\n；;]{{0,80}}?(?<![比较同与和自从至到])去年"
    r"(?!同期|以来|底|末|全年|初|上半年|下半年|[一二三四五六七八九十0-9]{1,2}月)")
_THIS_YEAR_AS_BASE = lazy_regex(r"(?:比|较|与|同)\s?今年(?!上半年|下半年|[一二三四]季度|前|初|[0-9一二三四五六七八九十]{1,2}月|以来|同期)")
_YEAR_AS_SUBJECT = lazy_regex(
    rf"(?<![比较与同自从由到至])\s?{_YEAR}\s?年(?!底|末|初|上半年|下半年|[一二三四]季度|前|[0-9]{{1,2}}\s?月|以来)")
_MIN_ELAPSED = 2
_COUNTDOWN_YEAR = lazy_regex(r"倒计时(?:一|1)(?:周)?年")
_COUNTDOWN_REACH = 300
# The Central Economic Work Conference meets in December (in late November at the earliest): a
# year that opens a clause told at it (2023年，总书记在中央经济工作会议上强调…) is past, in a text
# written before November of that year.
_WORK_CONFERENCE = lazy_regex(
    rf"(?:^|(?<=[。！？；\n>]))\s?{_YEAR}\s?年(?:\s?(?:12|十二)\s?月(?:\s?[0-9]{{1,2}}\s?日)?)?[，,]?"
    r"[^。！？；\n]{0,24}?(?:在|于)?(?:召开的)?中央经济工作会议上")
_CONFERENCE_MONTH = 11
# …or a sentence that tells how a thing began in a year, then one that counts the years since:
# 2013年，习近平主席在印尼提出建设…。10年来，… (a span of years, told from a later year).
_BEGUN = lazy_regex(
    rf"(?:^|(?<=[。！？；\n>]))\s?{_YEAR}\s?年(?:\s?[0-9]{{1,2}}\s?月(?:\s?[0-9]{{1,2}}\s?日)?)?[，,]"
    r"[^。！？；\n]{0,50}?(?:首次)?(?:提出|成立|创办|创建|创立|启动|设立|发起|开通|建交|开工|开馆|诞生)"
    r"[^。！？；\n]{0,60}?[。！？]")
# …or one that tells since when a thing has been done (2005年国务院召开…会议以来，各地…。), then
# one that counts the years (近5年来，…): the event lies those years back.
_SINCE_EVENT = lazy_regex(
    rf"(?:^|(?<=[。！？；\n>]))\s?{_YEAR}\s?年(?:\s?[0-9]{{1,2}}\s?月(?:\s?[0-9]{{1,2}}\s?日)?)?"
    r"[^。！？；\n，,]{0,30}?(?:召开|举行|实施|开展|启动|出台|印发|颁布|成立|提出|建立|部署)"
    r"[^。！？；\n，,]{0,30}?以来[，,][^。！？；\n]{0,80}?[。！？]")
# 2023年以来连续4年完成投资超1万亿元: four years since a year that is the present one.
_SINCE_IN_A_ROW = lazy_regex(rf"{_YEAR}\s?年以来[，,]?\s?(?:已经?|已)?连续(?P<n>{_N})年")
_SINCE_NOW = lazy_regex(rf"以来[，,]\s?(?P<span>(?P<n>{_N})(?:多|余)?年(?:间|来|里))")
_SINCE_THEN = lazy_regex(rf"\s?(?:(?:这|近|短短)\s?)?(?P<n>{_N})(?:多|余)?年(?:来|以来|间)")


def own_time_conflicts(doc: Document, value: int) -> list[Conflict]:
    """Phrases that the text's own date in ``value`` contradicts (none when it has none)."""
    dates = _own_dates(doc, value)
    if not dates:
        return []
    written = max(dates)  # in a compilation, the latest: what is after it is after them all
    shown = f"{value}年{written[0]}月{written[1]}日"
    found = _after_own_date(doc, value, written, shown) + _scheduled_before(doc, value, min(dates))
    found += _same_period(doc, value, shown) + _elapsed(doc, value, shown) + _not_the_present(doc, value, written, shown)
    found += _a_year_to_go(doc, value, value, written, shown)
    found += _not_early(doc, value, written, shown)
    return sorted(found, key=lambda conflict: conflict[0].span.start)


def _after_own_date(doc: Document, value: int, written: tuple[int, int], shown: str) -> list[Conflict]:
    text = doc.text
    found: list[Conflict] = []
    for match in _AS_OF_YEAR_END.finditer(text):
        if _value(match.group("y")) == value and written < _YEAR_END and not _planned(text, match.start()):
            found.append(_note(match.span(), f"“{match.group()}”的情况，写于{shown}",
                               f"the state at “{match.group()}”, written on {shown}"))
    for match in _ALREADY_YEAR_END.finditer(text):
        if _value(match.group("y")) == value and written < _YEAR_END:
            found.append(_note(match.span(), f"“{match.group()}”已经发生，写于{shown}",
                               f"“{match.group()}” has happened, written on {shown}"))
    for match in _MONTHS_FIGURES.finditer(text):
        if _value(match.group("y")) == value and int(match.group("m")) > written[0] \
                and not _planned(text, match.start()):
            said = match.group("p")
            found.append(_note(match.span("p"), f"“{said}”的数据已经公布，写于{shown}",
                               f"the figures of “{said}” are out, written on {shown}"))
    for date in doc.facts(DateFacts).dates:
        if date.year != value:
            continue
        start, end = date.span
        said = text[start:end]
        if not _later(date, written):
            if (_TAKES_EFFECT.match(text, end) and date.day is not None
                    and written[0] - date.month >= _EFFECT_MONTHS_BEFORE
                    and _ISSUED.search(text, max(0, start - 90), start)):
                found.append(_note((start, end), f"新公布的规定自“{said}”起施行，写于{shown}",
                                   f"a rule just issued takes effect on “{said}”, written on {shown}"))
            continue
        if date.day is None and _MONTH_FIGURES.match(text, end) and not _planned(text, start) \
                and not _NOT_NARRATED.search(text, end, _clause_end(text, end)):
            found.append(_note((start, end), f"“{said}”的数据已经公布，写于{shown}",
                               f"the figures of “{said}” are out, written on {shown}"))
        elif (_AS_OF.search(text, max(0, start - 4), start) and not _DEADLINE_AFTER.match(text, end)
                and not _CUTOFF_AFTER.match(text, end) and not _planned(text, start)):
            found.append(_note((start, end), f"截至“{said}”的情况，写于{shown}",
                               f"the state as of “{said}”, written on {shown}"))
        elif _SINCE_AFTER.match(text, end) or (_FROM_BEFORE.search(text, max(0, start - 2), start)
                                                and _SINCE_LATER.match(text, end)):
            found.append(_note((start, end), f"“{said}以来”，写于{shown}", f"“since {said}”, written on {shown}"))
        elif (_ALREADY_BEFORE.search(text, max(0, start - 4), start) or _narrated(text, date)
              or _PAST_BEFORE.search(text, max(0, start - 3), start)
              or (_AT_BEFORE.search(text, max(0, start - 3), start) and _DONE_AT.match(text, end)
                  and not _DEADLINE_AFTER.match(text, end) and not _planned(text, start))):
            found.append(_note((start, end), f"“{said}”已经发生，写于{shown}",
                               f"“{said}” has happened, written on {shown}"))
    return found


def _not_early(doc: Document, value: int, written: tuple[int, int], shown: str) -> list[Conflict]:
    """“早在” (as early as) before the text's own year, alone or with a month less than a season
    before the text's date: nothing of its own year is early."""
    text = doc.text
    found: list[Conflict] = []
    for mention in doc.facts(YearFacts).mentions:
        if mention.value != value or not _EARLY.search(text, max(0, mention.start - 3), mention.start):
            continue
        month = _MONTH_AFTER.match(text, mention.end)
        if month is None or int(month.group("m")) > written[0] - _EARLY_MONTHS:
            end = month.end() if month else mention.end
            said = text[mention.start - 2:end]
            found.append(_note((mention.start - 2, end), f"“{said}”说的是早先，写于{shown}",
                               f"“{said}” tells of long ago, written on {shown}"))
    return found


def _scheduled_before(doc: Document, value: int, earliest: tuple[int, int]) -> list[Conflict]:
    """Events told as coming on a date weeks before the text's earliest own date."""
    text = doc.text
    found: list[Conflict] = []
    shown = f"{value}年{earliest[0]}月{earliest[1]}日"
    for date in doc.facts(DateFacts).dates:
        if date.year != value or date.day is None:
            continue
        days = (earliest[0] - date.month) * 31 + earliest[1] - date.day
        start, end = date.span
        if days > _SCHEDULED_DAYS and (_SCHEDULED_BEFORE.search(text, max(0, start - 4), start)
                                       or (_SCHEDULED_CLAUSE.search(text, max(0, start - 48), start)
                                           and _SCHEDULED_AFTER.match(text, end))):
            found.append(_note((start, end), f"“{text[start:end]}”之事说成将要发生，写于{shown}",
                               f"“{text[start:end]}” told as still to come, written on {shown}"))
    return found


def _value(year: str) -> int:
    return int(year) if year.isdigit() else numerals.chinese_digits(year)


def _speech_noted(doc: Document, value: int) -> list[tuple[int, int]]:
    """The date of a speech given by the note that closes it (这是习近平同志2020年9月28日在…
    集体学习时的讲话。)."""
    text = doc.text
    found = []
    for date in doc.facts(DateFacts).dates:
        start, end = date.span
        if date.year == value and date.day is not None and len(text) - start <= _NOTE_REACH \
                and _SPEECH_NOTE.search(text, max(0, start - 24), start) and _SPOKEN_AT.match(text, end):
            found.append((date.month, date.day))
    return found


def _own_dates(doc: Document, value: int) -> list[tuple[int, int]]:
    """(month, day) of the text's own dates in ``value``: datelines, signature dates, the page
    date of the head, and a date alone on a line of the head or the tail (（一九六二年五月十一日）)."""
    found = [(int(m.group("m")), int(m.group("d"))) for m in datelines(doc, value)]
    # …and the dateline the document's year was read from (a signature inside a flattened page:
    # …现予公布，自…起施行。总理　某某　二○一○年十二月二十日…).
    found += [part.year.month_day for part in doc.facts(DocumentYears).parts
              if part.year is not None and part.year.year == value and part.year.exact
              and part.year.month_day is not None]
    found += _speech_noted(doc, value)
    page = head_page_date(doc, value)
    if page is not None:
        found.append((int(page.group("m")), int(page.group("d"))))
    head, tail = edge_starts(doc, _EDGE_LINES)
    edge = set(head + tail)
    text = doc.text
    for date in doc.facts(DateFacts).dates:
        if date.year != value or date.day is None:
            continue
        if date.span.start < _HEAD_CHARS and _SPEECH_DATED.search(text, max(0, date.span.start - 6), date.span.start) \
                and text[date.span.end:date.span.end + 1] in "）)":
            found.append((date.month, date.day))
            continue
        line = doc.index.line_of(date.span.start)
        if line.span.start in edge and _DATE_LINE.fullmatch(text, line.span.start, date.span.start) \
                and _DATE_LINE.fullmatch(text, date.span.end, line.span.end):
            found.append((date.month, date.day))
    return found


def _clause_end(text: str, at: int) -> int:
    stop = _CLAUSE_END.search(text, at)
    return stop.start() if stop else len(text)


def _planned(text: str, at: int) -> bool:
    """Whether the sentence before ``at`` plans or forecasts (中国将免除…截至2015年底到期的债务)."""
    start = max((m.end() for m in _SENTENCE_START.finditer(text, max(0, at - 80), at)), default=max(0, at - 80))
    return bool(_NOT_NARRATED.search(text, start, at))


def _later(date: DateMention, written: tuple[int, int]) -> bool:
    """Whether ``date`` (month, maybe day) lies after ``written`` (month, day): a month alone is
    later only when it is a later month."""
    if date.month > written[0]:
        return date.month <= 12
    return date.month == written[0] and date.day is not None and date.day > written[1]


def _narrated(text: str, date: DateMention) -> bool:
    """A date opening a clause that tells a past event (2023年9月16日，他带队抓捕…时，…牺牲)."""
    start, end = date.span
    if not _CLAUSE_START.search(text, max(0, start - 48), start):
        return False
    stop = _CLAUSE_END.search(text, end)
    clause = text[end:stop.start() if stop else len(text)]
    return bool(_NARRATED.match(clause)) and not _NOT_NARRATED.search(clause)


def _same_period(doc: Document, value: int, shown: str) -> list[Conflict]:
    text = doc.text
    found: list[Conflict] = []
    for match in _SAME_PERIOD.finditer(text):
        if _value(match.group("y")) == value:
            found.append(_note(match.span(), f"与本年（{value}年）同期比较，写于{shown}",
                               f"a comparison with the same period of its own year {value}"))
    for now in _THIS_YEAR.finditer(text):
        stop = _CLAUSE_END.search(text, now.end())
        limit = stop.start() if stop else len(text)
        base = next((m for m in _COMPARED.finditer(text, now.end(), limit) if _value(m.group("y")) == value), None)
        if base is not None:
            found.append(_note((now.start(), base.end()), f"“今年”与{value}年比较，写于{shown}",
                               f"“this year” compared with {value}, written on {shown}"))
    for match in _BARE_BASE.finditer(text):
        if _value(match.group("y")) != value:
            continue
        start = max((text.rfind(mark, 0, match.start()) for mark in "。！？；\n>"), default=-1) + 1
        if not _OTHER_TIME.search(text, start, match.start()):
            found.append(_note(match.span(), f"现状与本年（{value}年）比较，写于{shown}",
                               f"the present compared with its own year {value}, written on {shown}"))
    for match in _NOW_TO.finditer(text):
        if _value(match.group("y")) == value:
            found.append(_note(match.span(), f"“{match.group()}”，写于{shown}",
                               f"“{match.group()}”, written on {shown}"))
    for match in _LEVEL.finditer(text):
        if _value(match.group("y")) == value:
            found.append(_note(match.span(), f"与本年（{value}年）的水平比较，写于{shown}",
                               f"compared with the level of its own year {value}"))
    return found


def _not_the_present(doc: Document, value: int, written: tuple[int, int], shown: str) -> list[Conflict]:
    """Wording that puts ``value`` in the past or the future of the text written in it."""
    text = doc.text
    found: list[Conflict] = []
    for match in _WORK_CONFERENCE.finditer(text):
        if _value(match.group("y")) == value and written[0] < _CONFERENCE_MONTH \
                and not _NOT_NARRATED.search(match.group()):
            found.append(_note(match.span("y"), f"{value}年的中央经济工作会议（12月召开）已经召开，写于{shown}",
                               f"the Central Economic Work Conference of {value} (held in December) told as past, written on {shown}"))
    for match in _RECORD_SINCE.finditer(text):
        if _value(match.group("y")) == value:
            found.append(_note(match.span(), f"“{match.group()}”，写于{shown}",
                               f"“{match.group()}”, written on {shown}"))
    for match in _WHOLE_OF.finditer(text):
        if _value(match.group("y")) == value and written[0] < 12:
            found.append(_note(match.span(), f"以{value}年全年为已知的量，写于{shown}",
                               f"the whole of {value} taken as known, written on {shown}"))
    for match in _TO_NOW.finditer(text):
        if _value(match.group("y")) == value:
            found.append(_note(match.span(), f"从{value}年变化到现在，写于{shown}",
                               f"a change from {value} to now, written on {shown}"))
    for match in _PART_SINCE.finditer(text):
        begins = 7 if match.group("h") else _QUARTER_START[match.group("q")]
        if _value(match.group("y")) == value and begins > written[0]:
            found.append(_note(match.span(), f"“{match.group()}”，写于{shown}",
                               f"“{match.group()}”, written on {shown}"))
    for match in _TO_THIS_YEAR.finditer(text):
        if _value(match.group("y")) == value:
            found.append(_note(match.span(), f"从{value}年到“今年”，写于{shown}",
                               f"a span from {value} to this year, written on {shown}"))
    for match in _LAST_YEAR_AS_IT.finditer(text):
        if _value(match.group("y")) == value:
            found.append(_note(match.span(), f"以{value}年开头的句子把同一时间说成“去年”，写于{shown}",
                               f"a sentence opened by {value} tells of the same time as “last year”, written on {shown}"))
    for now in _THIS_YEAR_AS_BASE.finditer(text):
        start = max((text.rfind(mark, 0, now.start()) for mark in "。！？；\n"), default=-1) + 1
        year = next((m for m in _YEAR_AS_SUBJECT.finditer(text, start, now.start())
                     if _value(m.group("y")) == value), None)
        if year is not None:
            found.append(_note((year.start("y"), now.end()), f"{value}年与“今年”比较，写于{shown}",
                               f"{value} compared with “this year”, written on {shown}"))
    return found


def _a_year_to_go(doc: Document, value: int, year: int, written: tuple[int, int], shown: str) -> list[Conflict]:
    """A countdown of one year (今天是…倒计时一周年) to an event dated ``value`` in the month of
    the text itself (将于2023年2月17日至27日举行, written on 17 February 2023): it is a year ahead
    of the text's ``year``, not in ``value``."""
    if value == year + 1:
        return []
    text = doc.text
    for countdown in _COUNTDOWN_YEAR.finditer(text):
        line_end = text.find("\n", countdown.end())
        limit = min(countdown.end() + _COUNTDOWN_REACH, line_end if line_end != -1 else len(text))
        for date in doc.facts(DateFacts).dates:
            start, end = date.span
            if not countdown.end() <= start < limit or date.year != value:
                continue
            if abs(date.month - written[0]) <= 1 and _SCHEDULED_BEFORE.search(text, max(0, start - 4), start):
                return [(Related(Span(start, end), Message(
                    f"倒计时一周年的活动定于“{text[start:end]}”，写于{shown}",
                    f"a year's countdown to “{text[start:end]}”, written on {shown}")),
                         Related(Span(*countdown.span()), Message("倒计时一周年", "a year's countdown")))]
    return []


def _elapsed(doc: Document, value: int, shown: str) -> list[Conflict]:
    text = doc.text
    found: list[Conflict] = []
    for since in _SINCE_YEAR.finditer(text):
        if _value(since.group("y")) != value:
            continue
        stop = _CLAUSE_END.search(text, since.end())
        limit = min(stop.start() if stop else len(text), since.end() + _ELAPSED_REACH)
        # 自2015年开展以来，10年间共举办…: the years since, counted after 以来.
        since_then = _SINCE_NOW.search(text, since.end(), limit) if since.group("from") else None
        if since_then is not None and numerals.number(since_then.group("n")) >= _MIN_ELAPSED:
            found.append(_note((since.start("y"), since_then.end()),
                               f"{value}年以来已过“{since_then.group('span')}”，写于{shown}",
                               f"“{since_then.group('span')}” since {value}, written on {shown}"))
            continue
        for lasting in _ELAPSED.finditer(text, since.end(), limit):
            if lasting.group("anchored") and not since.group("from"):
                continue
            if numerals.number(lasting.group("n")) >= _MIN_ELAPSED:
                found.append(_note((since.start("y"), lasting.end()),
                                   f"{value}年起已过“{lasting.group()}”，写于{shown}",
                                   f"“{lasting.group()}” since {value}, written on {shown}"))
                break
    for match in _SINCE_IN_A_ROW.finditer(text):
        if _value(match.group("y")) == value and numerals.number(match.group("n")) >= _MIN_ELAPSED:
            found.append(_note(match.span(), f"“{match.group()}”，写于{shown}",
                               f"“{match.group()}”, written on {shown}"))
    for begun in (*_BEGUN.finditer(text), *_SINCE_EVENT.finditer(text)):
        if _value(begun.group("y")) != value:
            continue
        lasting = _SINCE_THEN.match(text, begun.end())
        if lasting is not None and numerals.number(lasting.group("n")) >= _MIN_ELAPSED:
            found.append(_note((begun.start("y"), lasting.end()),
                               f"{value}年开始，随后说“{lasting.group().strip()}”，写于{shown}",
                               f"begun in {value}, then “{lasting.group().strip()}”, written on {shown}"))
    return found


def _note(span: tuple[int, int], zh: str, en: str) -> Conflict:
    return (Related(Span(*span), Message(zh, en)),)


# The page's own date (2026-03-16 19:28:58 under the title) in another year than every year the
# text writes: the years were rewritten, the page's date was not. Evidence is what the page date
# and the value cannot both be: a dateline of the head some days before the page date, an event
# still to come on a date well before it, and work of a year at least two years back launched
# today.
_DATELINE_DAYS = 60
_TODAY = lazy_regex(r"今天|今日|今晚|昨天|昨日")
_LAUNCHED = lazy_regex(r"启动|开幕|开始|展开|开展|举行|举办|播出|开考|开赛|开通|拉开帷幕")
# The year names a campaign, an event or a year's work (2017年跨境贸易便利化专项行动, 2018年上半年
# 征兵工作, 总台2020年“3·15”晚会), not a past step (2019年开工的…) nor a memory (…年前, 周年).
_YEARS_WORK = lazy_regex(
    rf"{_YEAR}\s?年(?:度|上半年|下半年|春季|秋季|首场)?[“”\p{{Han}}·0-9]{{0,20}}?"
    r"(?:工作|行动|活动|晚会|大会|招聘会|宣传|运动会|博览会|展览会|赛|节)(?!\p{Han}{0,2}的)")
_MEMORY = lazy_regex(r"年前|周年|纪念|回顾|以来|历史|曾经|当年|那年|诞辰")
_LAUNCH_GAP = 2
# …or of the first half of a year, launched today in the first half of another year.
_FIRST_HALF = lazy_regex(r"\s?年(?:度)?(?:上半年|春季|第一季度|一季度)")
_FIRST_HALF_END = 6
_AS_OF_YEAR = lazy_regex(
    rf"(?<!时间|日期|期限|时限|报名|申报|受理|申请)(?:截至|截止到|截止至|截止)\s?{_YEAR}\s?年(?!\s?[0-9]{{1,2}}\s?月)\s?(?:底|末)?")


def page_date_conflicts(doc: Document, value: int) -> list[Conflict]:
    """Wording that the page's own date, in another year than ``value``, contradicts."""
    page = page_date_line(doc)
    if page is None or int(page.group("y")) == value:
        return []
    text = doc.text
    year, month, day = int(page.group("y")), int(page.group("m")), int(page.group("d"))
    try:
        published = datetime.date(year, month, day)
    except ValueError:
        return []
    shown = page.group().strip()
    where = Related(Span(page.start("y"), page.end("d")), Message(f"页面日期{shown}", f"the page date {shown}"))
    found: list[Conflict] = []
    for date in datelines(doc, value):
        moved = _date(year, int(date.group("m")), int(date.group("d")))
        if moved is not None and 0 <= (published - moved).days <= _DATELINE_DAYS:
            found.append((Related(Span(date.start("y"), date.end("d") + 1), Message(
                f"日期行写作{value}年，而页面日期是{shown}", f"the dateline says {value}, the page date {shown}")), where))
            break
    for mention in doc.facts(DateFacts).dates:
        if mention.year != value:
            continue
        when = _date(value, mention.month, mention.day or 28)
        start, end = mention.span
        if when is not None and (when - published).days > 0 and mention.day is not None \
                and (_ALREADY_BEFORE.search(text, max(0, start - 4), start) or _narrated(text, mention)):
            found.append((Related(Span(start, end), Message(
                f"“{text[start:end]}”已经发生，而页面日期是{shown}",
                f"“{text[start:end]}” has happened, on a page of {shown}")), where))
            break
        if when is not None and (published - when).days > _SCHEDULED_DAYS \
                and (_SCHEDULED_BEFORE.search(text, max(0, start - 4), start)
                     or (_SCHEDULED_CLAUSE.search(text, max(0, start - 48), start)
                         and _SCHEDULED_AFTER.match(text, end))):
            found.append((Related(Span(start, end), Message(
                f"“{text[start:end]}”之事说成将要发生，而页面日期是{shown}",
                f"“{text[start:end]}” told as still to come, on a page of {shown}")), where))
            break
    found += [(*conflict, where) for conflict in _a_year_to_go(doc, value, year, (month, day), shown)]
    if value > year:
        # A year not yet begun, reported: 截至2024年，…共有…; 2024年，…比上年增长 (on a page of 2023).
        reported = [m for m in _AS_OF_YEAR.finditer(text) if _value(m.group("y")) == value
                    and not _DEADLINE_AFTER.match(text, m.end()) and not _planned(text, m.start())]
        reported += year_results(doc, value)
        if reported:
            first = min(reported, key=lambda m: m.start())
            found.append((Related(Span(*first.span()), Message(
                f"报告{value}年的情况，而页面日期是{shown}", f"{value} reported, on a page of {shown}")), where))
    half_now = month <= _FIRST_HALF_END
    if year - value >= _LAUNCH_GAP or half_now:
        for work in _YEARS_WORK.finditer(text):
            if _value(work.group("y")) != value:
                continue
            if year - value < _LAUNCH_GAP and not _FIRST_HALF.match(text, work.end("y")):
                continue
            sentence = _sentence(text, work.start(), work.end())
            said = text[sentence[0]:sentence[1]]
            if _TODAY.search(said) and _LAUNCHED.search(said) and not _MEMORY.search(said):
                found.append((Related(Span(*work.span()), Message(
                    f"“{work.group()}”今天开始，而页面日期是{shown}",
                    f"“{work.group()}” of {value} begins today, on a page of {shown}")), where))
                break
    return found


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or headline line) around ``text[start:end]``."""
    left = max(text.rfind(mark, 0, start) for mark in "。！？；\n") + 1
    stop = _CLAUSE_END.search(text, end)
    return left, stop.start() if stop else len(text)
