"""Roles one year cannot play at once: evidence that a document's years were rewritten to one value.

A real document gives each year a role — the year reviewed, the year planned, the year of the
dateline, the target year, the base year. Some pairs of roles need two different years:

* a **review** of a year (``2024年工作回顾``, ``刚刚过去的2024年``) is written after that year,
  so the same year cannot also be **planned** in the text (``2024年工作安排``, ``2024年主要预期
  目标``) nor be the year of a **dateline** before its last months (``2024年3月5日在…会议上``);
* a **target** (``到2025年，…``) and a **base** in the same sentence (``由2025年的135立方米增加到…``,
  ``较2025年提高6%``) cannot be one year;
* ``今年是“十四五”收官之年`` read with a document year taken from the text's own (rewritten)
  years names another year than that one (``contradictions`` of the era module, with a relative
  subject).

Each finding is a ``Related`` (the span and what the role pair says). ``needs_other_years`` looks
for wording that needs a past or a future beside the document's year (去年, 明年, 五年来, 连续三年,
“十三五”时期): with a single value left, it backs a contradiction.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Iterator

import regex

from doclint.core import Document, Message, Related, Span
from doclint.core.document import Line
from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.rules.structure.lines import DATE_LINE, ORGAN
from doclint.rules.years import numerals
from doclint.rules.years.contradicted_year import contradictions
from doclint.rules.years.fixed_years import fixed_years
from doclint.rules.years.mentions import YearFacts

_Y = r"(?:19|20)[0-9]{2}"
# A year reviewed as a whole: written after it ended.
_REVIEW = lazy_regex(
    rf"(?P<y>{_Y})\s?年(?:[^。\n，；]{{0,16}}?)(?:工作|发展)(?:情况)?(?:简要|简单)?回顾|回顾(?P<y>{_Y})\s?年(?![0-9一二三四五六七八九十]{{1,2}}月|上半年|前|以来)"
    rf"|(?:全面|认真|系统)?总结(?P<y>{_Y})\s?年(?:的)?(?:经济|各项|全年|主要)?工作(?!情况|计划|安排|要点|部署)"
    # a report's review told by its speaker (…在报告中对2022年工作进行回顾)
    rf"|对(?P<y>{_Y})\s?年(?:的)?(?:主要)?工作进行(?:了)?(?:回顾|总结)"
    rf"|刚刚过去的(?P<y>{_Y})\s?年(?!上半年|下半年|[一二三四]季度|前三季度|[0-9]{{1,2}}月)"
    rf"|(?P<y>{_Y})\s?年度[^。\n，；]{{0,24}}?(?:工作年度报告|信息公开工作报告|情况通报|工作总结|完成情况的?报告)"
    # a report's review heading and the year that opens it (一、过去一年工作回顾 / 2012年，面对…), or
    # a heading of a year's work told as a year past (一、2014年主要工作 / …一年来，…)
    rf"|(?:过去一年|一年来)(?:的)?(?:主要)?工作回顾[ \t\u3000]*(?=\r?\n)\s*(?P<y>{_Y})\s?年[，,]"
    rf"|(?P<y>{_Y})\s?年(?:的)?主要工作(?:回顾)?[ \t\u3000]*(?=\r?\n)\s*[^\n]{{0,40}}?(?:一年来|过去的一年)"
    # a year's plan or budget judged as carried out (2022年计划、预算执行情况总体是好的)
    rf"|(?P<y>{_Y})\s?年(?:国民经济和社会发展)?(?:计划、|计划和)?(?:中央和地方)?预算执行情况(?:总体(?:是)?(?:好的|良好)|良好)"
)
# What every match of _REVIEW_AND_PLAN holds: the second year, after what joins it to the first.
# NOTE: anchored on 年 like the year mentions, it rules out most documents in an eighth of the
# time of the full pattern, which starts at every year.
_SECOND_YEAR_JOINED = lazy_regex(
    r"(?<=(?:(?:预算执行情况|总结|工作情况|决算)\s?(?:和|及|与|暨|、)\s?|部署|同意(?:其|他们)?对)"
    rf"{_Y}\s?)年")
# A report that sums up one year and plans the next, in one title (关于2023年预算执行情况和2024年
# 预算草案的报告, 2023年工作总结和2024年工作计划): one year cannot be both.
_REVIEW_AND_PLAN = lazy_regex(
    rf"(?P<y>{_Y})\s?年(?:[^。\n，；《》]{{0,12}}?)(?:预算执行情况|工作(?:情况)?总结|工作情况|决算)\s?(?:和|及|与|暨|、)\s?"
    rf"(?P<y2>{_Y})\s?年(?:[^。\n，；《》]{{0,12}}?)(?:预算\s?[（(]?草案|预算安排|工作计划|工作要点|工作思路|工作打算|工作安排)"
    # …or a meeting that sums up one year's work and plans the next in one breath (总结2021年
    # 纪检监察工作，部署2022年任务)
    rf"|总结(?P<y>{_Y})\s?年[^。\n，；《》]{{0,12}}?工作[，,、]\s?(?:并|和)?\s?(?:研究)?部署(?P<y2>{_Y})\s?年"
    # …or that approves one year's work and the plan of the next (对2019年的工作给予充分肯定，同意
    # 其对2020年的工作安排)
    rf"|(?P<y>{_Y})\s?年(?:的)?工作给予(?:充分|高度)?肯定[，,]\s?同意(?:其|他们)?对(?P<y2>{_Y})\s?年(?:的)?工作(?:安排|部署)")
# A year's statistical bulletin or work summary, a title with its date on a line a little below
# it (益阳市2024年…统计公报 / 益阳市统计局 / 2024年4月28日): told after the year.
_SUMMED_UP = lazy_regex(
    rf"(?P<y>{_Y})\s?年(?:[^。\n，；《》]{{0,16}}?)(?:统计公报|工作总结)(?![^。\n，；]{{0,4}}(?:编制|编写|撰写|发布|审核|报送))")
# A year planned in the text: written before or at its start.
_PLAN = lazy_regex(
    rf"(?:(?P<y>{_Y})\s?年度?(?:的)?(?:政府)?(?:工作安排|工作主要任务|重点工作|工作总体部署|总体部署|工作任务|主要任务|工作要点"
    rf"|工作打算|工作总体要求|总体要求和重点任务|工作计划|(?:政府)?工作的总体要求|主要工作任务"
    rf"|(?:经济社会发展|经济和社会发展|国民经济和社会发展)?(?:的)?主要预期目标|预期目标"
    # a work report's plan headings (2024年目标任务和重点工作, 2024年经济社会发展目标建议为…)
    rf"|(?:经济社会发展|经济和社会发展|发展)?(?:目标任务|主要指标|目标建议|目标和(?:工作重点|重点工作|主要任务))"
    # …its requirements and targets (2013年工作要求和预期目标), a plan or budget put to the congress
    rf"|工作要求和(?:主要)?预期目标|(?:计划报告和)?(?:计划草案|预算草案))"
    rf"|(?P<y>{_Y})\s?年[，,]\s?(?:政府|全市|全县|全区|全省)?工作的?总体要求"
    # …or a body's (2022年全国人大常委会工作的总体要求是)
    rf"|(?P<y>{_Y})\s?年(?:[^。！？，,；\n]{{2,12}}?)工作的总体要求"
    rf"|(?:做好|部署|安排好|完成好|谋划好)(?P<y>{_Y})\s?年(?:的)?(?:各项)?(?:经济|政务公开)?工作)"
    r"(?![^。，；\n]{0,8}(?:完成|实现|落实|进展|推进|执行|达成|情况|圆满|成效|顺利))")
# The year the text speaks in, named as such: 2000年是世纪交替之年，…做好今年政府工作.
_THIS_YEAR_IS = lazy_regex(rf"(?P<y>{_Y})\s?年[，,]?\s?(?:是|为)[^。！？\n]{{0,60}}?今年")
_HALF_YEAR = lazy_regex(r"上半年|下半年|[一二三四]季度|前三季度|[0-9０-９一二三四五六七八九十]{1,2}月")
# A full date: 2024年3月5日.
_FULL_DATE = rf"(?P<y>{_Y})\s?年\s?(?P<m>[0-9]{{1,2}})\s?月\s?(?P<d>[0-9]{{1,2}})\s?日"
# A dateline: a full date opening a line of the head or the tail (——2024年3月5日在…会议上,
# （2024年3月5日）, a signature date on its own line).
_DATELINE = lazy_regex(  # matched at each line start (lines may end in \r alone)
    rf"[ \t\u3000]*(?:——|—|－－|--|──|─)?[ \t\u3000]*[（(]?{_FULL_DATE}")
# A date a comma follows opens a sentence (2019年10月8日，我局印发了…): it dates the text only
# when the page prints no date of its own; under a page date (2025-01-20) it is the narrative's
# (2024年1月1日，修订后的条例正式施行。 in a review of 2024).
_NARRATED = lazy_regex(r"[ \t\u3000]?[，,、]")
_EDGE_LINES = 15
# A date alone on its line, a little below a title (the signature under a bulletin's title).
_DATE_BELOW = lazy_regex(rf"(?<=\n)[ \t\u3000]*[（(]?{_FULL_DATE}[）)]?[ \t\u3000]*(?=\r|\n|\Z)")
_BELOW_REACH = 160
# A signature date closing a line of the tail: 河北省教育厅2019年3月23日.
_CLOSING_DATE = lazy_regex(  # …or the issuing line of the colophon (…办公室2020年12月29日印发)
    rf"{_FULL_DATE}(?:印发)?[）)]?[ \t\u3000\u00a0]*(?=\r|\n|\Z)")
# A signature date run into the text of a flattened page (河北监管局　　2023年9月3日关于…).
_SIGNED_DATE = lazy_regex(
    rf"(?<=(?:{ORGAN}|处|会|中心|公司)[ \t\u3000\u00a0]{{1,6}}){_FULL_DATE}"
    # …or run into the organ, with the page's note after it (办公厅2017年10月13日（此件主动公开）)
    rf"|(?<=(?:{ORGAN}|处|会|中心|公司)){_FULL_DATE}(?=\s?(?:[（(](?:此件|本文)|更多信息))")
# A year reported through its last day: 统计期限为2019年1月1日至2019年12月31日.
_WHOLE_YEAR = lazy_regex(
    rf"(?P<y>{_Y})\s?年\s?1\s?月\s?1\s?日(?:起)?\s?(?:至|到|—|－|-)\s?(?:(?P<y2>{_Y})\s?年)?\s?12\s?月\s?31\s?日")
_REPORTED = lazy_regex(r"统计期限|统计时限|统计时间|统计口径|数据统计|所列数据|报告期")
# A year's figures called preliminary (本公报2025年数据为初步统计结果) and revised (2025年全市生产总值
#修订为…) in one text: a bulletin revises the year before the one it reports.
_PRELIMINARY = lazy_regex(
    rf"(?<![0-9])(?P<y>{_Y})\s?年(?:的)?(?:各项)?(?:统计)?数据(?:均)?(?:为|是)初步(?:统计|核算)?(?:结果|数|数据)?")
_REVISED = lazy_regex(
    rf"(?<![0-9])(?P<y>{_Y})\s?年(?![0-9]|上半年|下半年|[一二三四]季度|前三季度|度)[^。；！？\n]{{0,20}}?(?:修订为|修正为)")
# A plan or deadline inside the year of the dateline: 计划2023年上半年建成, 定于2023年5月10日.
_PLANNED_DATE = lazy_regex(
    rf"(?<![原本曾已按前])(?:计划|预计|将于|拟于|力争|争取|确保|定于|将(?:持续|延续|开放|展出)(?:到|至)|有效期至)(?:在|于)?(?P<y>{_Y})\s?年\s?"
    rf"(?:(?P<half>上半年)|(?P<m>[0-9]{{1,2}})\s?月(?:\s?(?P<d>[0-9]{{1,2}})\s?日)?)")
# A programme that starts in a year (从2019年起) cannot also reach its targets by that year.
_START = lazy_regex(rf"(?:从|自)(?P<y>{_Y})\s?年(?:开始|起)")
# A target that opens a plan (到2023年，…) in a text dated in the second half of that year.
_LATE_MONTH = 7
_MANY_TARGETS = 4  # targets enough to make a plan for years ahead, whatever the month
# …or written with hyphens in the page's Markdown heading (# 新闻联播 2021-12-27); not a date
# alone on a line, which may be a message's, answered later.
_PAGE_DATE = lazy_regex(
    rf"(?<![0-9])(?P<y>{_Y})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])"
    rf"|(?<=^\#[^\n]{{0,40}}?)(?<![0-9])(?P<y>{_Y})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])",
    regex.M)
# A whole year's result (2023年，全国…比上年增长5%) or a year's end taken as a base (较2023年末):
# said only after that year ended.
_YEAR_RESULT = lazy_regex(
    rf"(?<![0-9])(?P<y>{_Y})\s?年(?:全年)?[，,][^。；！？\n]{{0,60}}?(?:比上年|较上年|同比)(?:名义|实际|分别)?"
    rf"(?:增长|下降|提高|提升|增加|减少|上升|回升|回落)|(?:较|比)(?P<y>{_Y})\s?年(?:末|底)")
# The same without the comma (2024年全国社会物流总额为…，同比增长5.2%): only in the first
# quarter, when a year's holidays, budgets and forecasts are not yet news.
_YEAR_RESULT_BARE = lazy_regex(
    rf"(?<![0-9])(?P<y>{_Y})\s?年(?:全年)?(?![0-9０-９一二三四第前上下春元以底末初度内中起来至到—－\s-])"
    rf"[^。；！？\n]{{0,40}}?(?:比上年|较上年|同比)(?:增长|下降|提高|增加|减少|上升)")
# A body's count for a year, reported (2023年我厅主动公开信息共计293条, 2023年全国法院审结…件): only in the first
# quarter, like the above.
_YEAR_COUNT = lazy_regex(
    rf"(?<![0-9])(?P<y>{_Y})\s?年度?[，,]?\s?(?:(?:我|本)(?:厅|局|委|办|院|部|中心|单位|机关|市|县|区|省)"
    rf"[^。；！？\n]{{0,40}}?(?:共计|共|累计)?[0-9]+(?:条|件|次|期|个|场|项)"
    # …or the cases a whole system handled (2023年市场监管系统查办各类不正当竞争案件9069件)
    rf"|[\p{{Han}}]{{0,8}}?(?:系统|法院|检察院|检察机关|公安机关)[^。；！？\n]{{0,8}}?"
    rf"(?:查办|查处|办理|受理|审结|破获|侦破)[^。；！？\n]{{0,30}}?[0-9]+(?:件|起|宗))")
# A year's figures told after a comma without a base (2022年，全区城乡居民人均可支配收入分别增长
# 4.8%、7.5%): a whole year's result, out only after the year ended; read up to October (a
# forecast or a target is told as one, a part of the year names its months).
_YEAR_FIGURE = lazy_regex(
    rf"(?<![0-9])(?P<y>{_Y})\s?年(?:全年)?[，,][^。；！？\n]{{0,40}}?"
    r"(?:增长|下降|增加|减少|提高|上升|达到?|突破|超过|完成|实现|累计)(?:了)?[^。；！？\n，,0-9]{0,12}?[0-9]+(?:\.[0-9]+)?\s?(?:%|％|万|亿|元)")
# A harvest over by midsummer (2025年，全国早稻产量…比上年增加, 夏粮): its year's figure is out then.
_SEASONAL = lazy_regex(r"早稻|夏粮|夏季粮食|夏收|冬小麦|夏油|春茶")
_PART_OF_YEAR = lazy_regex(r"上半年|下半年|季度|[0-9０-９一二三四五六七八九十]{1,2}月|前[0-9一二三四五六七八九十]{1,2}个月|以来|今年|目前|当前|截至")
_TARGET_AFTER = lazy_regex(r"[^。；！？\n，,]{0,12}?(?:左右|以上|以内|以下|目标)")
_AIMED_BEFORE = lazy_regex(r"(?:(?:预计|预测|预期|估计|力争|目标|计划|展望|有望|判断|认为)[^。；！？\n]{0,30}|到|至)\s?$")
_BEFORE_YEAR_END = 10
# A year's ranking (这些在2024年经济总量排在前十位的省份): known only after the year.
_YEAR_RANK = lazy_regex(
    rf"(?<![0-9])(?P<y>{_Y})\s?年(?:全年)?(?:的)?[^。；！？\n，,]{{0,12}}?(?:排在|排名|位居|位列|居)"
    r"(?:全国|全球|世界|全省|全市)?(?:第[一二三四五六七八九十0-9]+|前[一二三四五六七八九十0-9]+|首位)")
# …or right after the words that introduce data (调查报告显示，2025年我国成年人综合阅读率为82.3%; 最新
# 数据显示，2024年，我国地方养老基金投资收益额1056.88亿元).
_YEAR_DATA = lazy_regex(
    rf"(?:显示|表明|数据|统计|公布|发布)[，,：:]?\s?(?P<y>{_Y})\s?年(?:全年)?(?![0-9]|度|底|末|初|前|以来|起|至|到)"
    r"(?:[^。；！？\n]{0,40}?(?:为|达到?|增长|下降|提高|提升|突破|超过|减少|增加)[^。；！？\n，,0-9]{0,8}?[0-9]"
    r"|[，,]?[^。；！？\n，,0-9]{2,24}?[0-9]+(?:\.[0-9]+)?\s?(?:亿|万|%|％))")
# A year's selection or prize, announced (《感动中国2023年度人物颁奖盛典》今晚播出, “2023年度全国十大
# 考古新发现”评选结果揭晓): it looks back on a year that has ended. Not a year's grants (2023年度
# 国家社科基金项目立项名单公布), which are given during that year.
_YEAR_AWARD = lazy_regex(
    rf"(?<![0-9])(?P<y>{_Y})\s?年度(?P<what>[^。；！？\n]{{0,24}}?)(?:揭晓|颁奖|获奖|荣誉|表彰|奖获得者|奖得主)")
_GRANT = lazy_regex(r"项目|基金|立项|资助|课题|计划|预算|指标|资金|名额|招生|申报|推荐|征集")
_AWARD_MONTHS = 10
# A year's annual report quoted (《全国住房公积金2024年年度报告》显示); its twelve months reported
# (2022年1—12月，…累计成交量为…) are the months of ``own_time`` reported before their end.
_ANNUAL_REPORT = lazy_regex(  # not the end of a season across two years (2021—2022年度…报告显示)
    rf"(?<![0-9—–－\-~～至到]\s?)(?<![0-9])(?P<y>{_Y})\s?年(?:年)?度[^。；！？\n《》]{{0,16}}?报告》?(?:显示|指出|表明|称)"
    rf"|关于(?P<y>{_Y})\s?年度?[^。；！？\n]{{0,30}}?(?:执行|管理|完成|工作)情况的(?:专项)?报告"
    # …or its bulletin, which tells a finished year (《2021年度国家老龄事业发展公报》, 《…公报（2023年）》).
    rf"|《[^《》\n]{{0,40}}?(?:(?<![0-9])(?P<y>{_Y})\s?年度?(?:(?!季度|半年|[0-9]{{1,2}}月)[^《》\n]){{0,30}}?公报"
    rf"|公报\s?[（(](?P<y>{_Y})\s?年?度?[）)])》")
# The work of a year studied and planned in its December (中共中央政治局12月8日召开会议，分析研究
# 2024年经济工作): the year planned is the next one.
_NEXT_YEAR_PLANNED = lazy_regex(
    rf"(?:分析研究|研究部署|全面部署|系统部署|部署|谋划)(?P<y>{_Y})\s?年(?:的)?(?:经济|各项|党风廉政建设和反腐败|重点)?工作")
_DECEMBER = 12
# …or a year's measures announced as coming in its late December (2021年，我国将实施更大力度减税降费,
# in a text of 27 December 2021): the year meant is the next one.
_YEAR_WILL = lazy_regex(
    rf"(?:^|(?<=[。！？；\n>]))\s?(?P<y>{_Y})\s?年[，,]\s?(?:我国|我们|全国|全省|全市|全县|全区|国家|中国)?将(?!继续|持续|进一步)")
_LATE_DECEMBER = 15
_NOT_THE_YEAR = lazy_regex(r"假期|节|黄金周|春运|预算|资金|下达|安排|季度|月")
_AIMED = lazy_regex(r"力争|预计|预期|目标|确保|争取|计划|将|要|拟|可望|有望")
_FIRST_QUARTER = 3  # a year's figures written without a comma are read only before its April
_LAST_MONTH = 11  # no whole-year figure of a year is out before its end
# The page's own date, repeated by a scraped page (a footer 20230405, links …/2023/04/05/…).
_OWN_DATE = lazy_regex(
    rf"(?<![0-9])(?P<y>{_Y})(?P<sep>/?)(?P<m>0[1-9]|1[0-2])(?P=sep)(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])")
_OWN_DATE_REPEATS = 2
# The page's own date on a line of its own among the first lines (title, then 2025-10-20 19:30:05).
_PAGE_LINE_HEAD = 3
_PAGE_DATE_ALONE = lazy_regex(
    rf"^[ \t\u3000]*(?P<y>{_Y})-(?P<m>0?[1-9]|1[0-2])-(?P<d>0?[1-9]|[12][0-9]|3[01])"
    r"(?:[ \t\u3000]+[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?[ \t\u3000]*$", regex.M)
# …and not the date of a message answered below it (回复：…, 网友你好，…): the answer came later.
_ANSWERED = lazy_regex(r"(?:回复|答复)(?:内容)?[：:]|网友[，,：:\s]{0,3}(?:你好|您好)|(?:你好|您好)[，,！!：:]\s?(?:你|您)(?:反映|在|所|的留言)")
_OWN_DATE_GAP = 2
_EARLY_MONTHS = 9  # a dateline in the first nine months cannot review its own year
# A target or end point (到2025年, 截至2025年底) and a base later in the same sentence (比2025年).
_TARGET = lazy_regex(rf"(?<![0-9])(?:到|截至|截止到?)(?P<y>{_Y})\s?年(?:底|末)?(?![0-9]{{1,2}}月|上半年)")
# A comparison that names its base first: 与2012年相比，2023年我国单位国内生产总值能耗下降26.8%.
# A year's figure changing from the same year's (2026年全球经济增长将从2026年的2.9%放缓至2.6%).
_FROM_ITSELF = lazy_regex(
    rf"(?<![0-9从由自比较与到至])(?P<y>{_Y})\s?年(?!底|末|初|上半年|下半年|[一二三四]季度|前|[0-9]{{1,2}}\s?月|以来|起)"
    rf"[^。；！？\n]{{0,30}}?(?:从|由)(?P<y2>{_Y})\s?年(?:的)?\s?[0-9]+(?:\.[0-9]+)?\s?(?:%|％)?[^。；！？\n，,]{{0,4}}?"
    r"(?:放缓|下降|降|提高|增长|增加|上升|回落|减少|扩大|收窄)(?:至|到)")
# A change told from a year's figure to a year's (从有数据统计以来的1952年的679亿元，增长到2023年的…).
_FIGURE_TO_FIGURE = lazy_regex(
    rf"(?:从|由)[^。，；！？\n]{{0,12}}?(?P<y>{_Y})\s?年(?:的)?\s?[0-9]+(?:\.[0-9]+)?[^。，；！？\n0-9]{{0,6}}?[，,]?\s?"
    rf"(?:增长|增加|提高|上升|下降|减少|扩大|缩小|跃升|攀升|发展)(?:到|至)(?P<y2>{_Y})\s?年(?!底|末|初|上半年|下半年|[0-9]{{1,2}}\s?月)")
# Two years a stated number of years apart (1937年…到了三年之后，1940年，…).
_YEARS_LATER = lazy_regex(
    rf"(?<![0-9])(?P<y>{_Y})\s?年[^。！？\n]{{0,80}}?[。，,；]?[^。！？\n]{{0,40}}?"
    r"(?:(?P<n>[一二两三四五六七八九十]{1,3}|[0-9]{1,2})(?:个)?年(?:之后|以后|后)|过了(?P<n>[一二两三四五六七八九十]{1,3}|[0-9]{1,2})年)"
    rf"[，,]?\s?(?:的)?(?:到了|到)?\s?(?P<y2>{_Y})\s?年")
# A figure told as a multiple of the same year's (2011年，全县生产总值…是2011年的2.28倍).
_TIMES_ITSELF = lazy_regex(
    rf"(?<![0-9比较与是为到从由自])(?P<y>{_Y})\s?年(?!底|末|初|上半年|下半年|[一二三四]季度|前|[0-9]{{1,2}}\s?月|以来|起)"
    rf"[^。；！？\n]{{0,80}}?(?:是|为|相当于)\s?(?P<y2>{_Y})\s?年的\s?[0-9]+(?:\.[0-9]+)?\s?倍")
# Two steps of one plan dated the same year: a year's step, then a target reached by that year in
# the next clause (2016年，完成…；到2016年，…), a start due by a year's end and the work done in that
# year (2021年底前启动…，力争2021年建成), two targets in a row (到2025年，…。到2025年，…).
_STEP_THEN_TARGET = lazy_regex(
    rf"(?:^|(?<=[。；;：:\n]))\s?(?P<y>{_Y})\s?年(?:底前|前)?[，,][^。！？\n]{{2,120}}?[；;。]\s?(?:力争|争取)?(?:到|至)"
    rf"(?P<y2>{_Y})\s?年(?!底|末|[0-9]{{1,2}}\s?月|上半年|前|[一二三四]季度)")
_START_THEN_DONE = lazy_regex(
    rf"(?P<y>{_Y})\s?年(?:底|末)前[^。；！？\n]{{0,40}}?(?:启动|开始|开展|完成)[^。；！？\n]{{0,30}}?[，,；]\s?"
    rf"(?:力争|争取|计划|到)(?P<y2>{_Y})\s?年(?!底|末|[0-9]{{1,2}}\s?月|上半年|前)")
# The targets may both end a year (到2021年底，…。到2021年底，…) and a goal may open them (主要目标是，
# 到2025年，…); the first may list several (到2024年底，A达到70%；B达到50%。到2025年底，…) and the second
# may open the next paragraph. Not a sentence between them: a plan names one year's targets sector
# by sector.
_TARGET_THEN_TARGET = lazy_regex(
    rf"(?:^|(?<=[。；;\n：:]|是[，,]|[\u3000 \t]))[\u3000 \t]*(?:力争)?到(?P<y>{_Y})\s?年(?P<e>底|末)?[，,]"
    rf"[^。\n]{{2,400}}?[。；;]\s*(?:力争)?到(?P<y2>{_Y})\s?年(?(e)(?P=e)|(?!底|末))[，,]")
# An advance allocation for a year, in that year's second half: it is for the next.
_ADVANCE = lazy_regex(rf"提前下达(?P<y>{_Y})\s?年")
_SECOND_HALF = 7
_BASE_FIRST = lazy_regex(
    rf"(?:与|同|和)(?P<y>{_Y})\s?年(?:的)?(?:水平)?相比[，,]?\s?(?P<y2>{_Y})\s?年(?!底|末|初|上半年|下半年|[一二三四]季度|前|[0-9]{{1,2}}\s?月)")
_BASE = lazy_regex(rf"(?:由|从|较|比|同比)(?P<y>{_Y})\s?年(?!底|末|初|上半年|下半年|[0-9]{{1,2}}月|同期|[一二三四]季度)")
# A span of months running backwards inside one year: 2024年4月至2024年3月.
_MONTH_SPAN = lazy_regex(
    rf"(?P<y>{_Y})\s?年\s?(?P<a>[0-9]{{1,2}})\s?月(?:[0-9]{{1,2}}日)?(?:份)?\s?(?:至|到|—|－|-|～|~)\s?"
    rf"(?P<y2>{_Y})\s?年\s?(?P<b>[0-9]{{1,2}})\s?月")
_CN_MONTH_SPAN = lazy_regex(
    r"(?<![〇○零一二三四五六七八九十])(?P<y>[一二][〇○零一二三四五六七八九]{3})年(?P<a>十[一二]?|[一二三四五六七八九])月"
    r"(?:份)?\s?(?:至|到|—|－)\s?(?P<y2>[一二][〇○零一二三四五六七八九]{3})年(?P<b>十[一二]?|[一二三四五六七八九])月")
# Numbered phases of a plan, each opening with its month (第一阶段（2022年7月至12月）…第二阶段（2022年
# 1月至11月）): a later phase cannot begin before an earlier one in the same year.
_PHASE = lazy_regex(
    rf"第(?P<k>[一二三四五六])阶段[^。；\n]{{0,16}}?(?<![0-9])(?P<y>{_Y})\s?年\s?(?P<m>[0-9]{{1,2}})\s?月")
_PHASE_REACH = 600
# A relative year glossed with the year it means: 去年（2024年）.
_GLOSSED = lazy_regex(rf"(?P<w>去年|前年|明年|后年|上年)\s?[（(](?P<y>{_Y})\s?年[）)]")
# A résumé: born in a year, then enlisted, employed or admitted to the Party in the same year.
# Résumés in notes write their years in Chinese numerals too (一九一六年生，…一九三一年加入中国共产党).
_Y_ANY = r"(?<![0-9〇○零一二三四五六七八九十])(?:(?:19|20)[0-9]{2}|[一二][〇○零一二三四五六七八九]{3})"
_MONTH = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2})月"
_BORN = lazy_regex(rf"(?P<y>{_Y_ANY})\s?年(?:{_MONTH})?(?:出)?生(?![产活效态])")
_ADULT_STEP = lazy_regex(
    rf"(?P<y>{_Y_ANY})\s?年(?:{_MONTH})?(?:入伍|参加工作|加入中国共产党|入党|参加革命|大学毕业|研究生毕业"
    r"|[^。；;，,\n]{0,12}?(?:大学|学院|学校)毕业)")
# …or one who took such a step in a year retiring in it at an age (2019年，她年过60离休).
_RETIRED_AT = lazy_regex(
    rf"(?P<y>{_Y_ANY})\s?年(?:{_MONTH})?[，,]?[^。；;\n]{{0,20}}?(?:年过|年满|年近|时年)"
    r"(?P<n>[0-9]{2}|[四五六七八九]十[一二三四五六七八九]?)(?:岁|周岁)?[^。；;\n]{0,6}?(?:离休|退休)")
_RETIRING_AGE = 40
_RESUME_REACH = 200
# An age told at a dated step of a life (1930年11月14日，她就义于长沙，年仅29岁): one born that same
# year was not that old.
_AGE = lazy_regex(r"(?:年仅|时年|享年|年方|终年)(?P<n>[0-9]{1,3}|[一二三四五六七八九十两]{1,3})(?:周)?岁")
_LIFE_REACH = 800
_YEAR_IN_CLAUSE = lazy_regex(rf"(?P<y>{_Y_ANY})\s?年")
# A party congress or plenum dated by the year next to it: 2025年，党的十八届四中全会…;
# …第四次全体会议，于2017年10月20日至23日在北京举行.
_YEAR_BEFORE_MEETING = lazy_regex(
    rf"(?P<y>{_Y}|(?<![〇○零一二三四五六七八九十])[一二][〇○零一二三四五六七八九]{{3}})\s?年"
    r"(?:(?:[0-9]{1,2}|十[一二]?|[一二三四五六七八九])月(?:(?:[0-9]{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日)?)?"
    r"(?:[，,]\s?)?(?:召开的|举行的|在)?(?:我们|我们的)?(?:党的|中国共产党|中共)?$")
_YEAR_AFTER_MEETING = lazy_regex(rf"(?:[，,]\s?)?(?:于|在)(?P<y>{_Y})\s?年")
_MEETING_KINDS = frozenset({"party_congress", "party_plenum"})
_ORDINAL = r"(?:二十|十)?[一二三四五六七八九]|十|二十"
_MEETING = lazy_regex(
    rf"(?:党的|中共)(?P<c>{_ORDINAL})大|(?<![团会])(?:党的)?(?P<n>{_ORDINAL})届(?P<p>[一二三四五六七八九])中全会"
    rf"|(?:中国共产党|中共)第(?P<n>{_ORDINAL})届中央委员会第(?P<p>[一二三四五六七八九])次全体会议"
    rf"|中国共产党第(?P<c>{_ORDINAL})次全国代表大会")
_NOT_THE_MEETING = lazy_regex(r"(?:第)?[二三四五六七八九十]次(?:全体)?会议|(?:的)?(?:精神|以来|后|之后|以后|确定(?!了)|提出的|作出的|部署的|要求|决定的|通过的|审议通过的)")
# Congresses and plenums the era data may lack, by the year they met.
_KNOWN_MEETINGS = {
    "党的八大": 1956, "党的九大": 1969, "党的十大": 1973, "党的十一大": 1977, "党的十二大": 1982,
    "党的十三大": 1987, "党的十四大": 1992, "党的十五大": 1997, "党的十六大": 2002, "党的十七大": 2007,
    "党的十八大": 2012, "党的十九大": 2017, "党的二十大": 2022,
    "八届八中全会": 1959, "九届二中全会": 1970, "十届三中全会": 1977, "十一届五中全会": 1980,
    "十一届三中全会": 1978, "十一届六中全会": 1981, "十二届三中全会": 1984, "十二届六中全会": 1986,
    "十三届四中全会": 1989, "十四届三中全会": 1993, "十五届三中全会": 1998, "十六届三中全会": 2003,
    "十六届四中全会": 2004, "十六届六中全会": 2006, "十七届三中全会": 2008, "十七届六中全会": 2011,
    "十八届三中全会": 2013, "十八届四中全会": 2014, "十八届五中全会": 2015, "十八届六中全会": 2016,
    "十九届四中全会": 2019, "十九届五中全会": 2020, "十九届六中全会": 2021, "二十届三中全会": 2024}
_GLOSS_OFFSET = {"去年": -1, "上年": -1, "前年": -2, "明年": 1, "后年": 2}
_SENTENCE_END = lazy_regex(r"[。！？；!?\n]")
# Wording that needs a year before or after the document's own.
_PAST_OR_FUTURE = lazy_re(
    r"去年|前年|明年|后年|[一二三四五六七八九十两几多]+年(?:来|以来|间)|连续[一二三四五六七八九十两几]+年"
    # a stretch of several years, or a year some years off (这几年, 两年后, 30年的飞行生涯)
    r"|(?:这|那|近|前)(?:几|些)年|(?<![〇○零一二三四五六七八九十0-9])(?:[一二三四五六七八九十两几多数]+|[0-9]{1,2})年(?:后|之后|以后|前|之前|以前|里)"
    r"|(?<![〇○零一二三四五六七八九十0-9])(?:[二三四五六七八九十两几多数][一二三四五六七八九十]*|[2-9]|[1-9][0-9])年的"
    r"|过去[一二三四五六七八九十两几]+年|今后[一二三四五六七八九十两几]+年|未来[一二三四五六七八九十两几]+年")


Conflict = tuple[Related, ...]


def role_conflicts(doc: Document, value: int) -> list[Conflict]:
    """Roles that the year ``value`` cannot play at once in ``doc``: one tuple of related spans
    per contradiction."""
    found = _review_conflicts(doc, value) + _target_and_base(doc, value)
    found += _relative_pins(doc, value) + _backward_months(doc, value) + _backward_phases(doc, value)
    found += _glossed(doc, value)
    found += _fixed_names(doc, value) + _ages(doc, value) + _retired_that_year(doc, value) + _dated_meetings(doc, value)
    found += _after_the_dateline(doc, value) + _own_page_date(doc, value)
    found += _year_reported_early(doc, value) + _preliminary_and_revised(doc, value)
    return sorted(found, key=lambda conflict: conflict[0].span.start)


def needs_other_years(doc: Document) -> bool:
    """Whether a phrase needs a year other than the document's own (去年, 五年来, “十三五”时期 …)."""
    return bool(doc.facts(YearFacts).plans) or _PAST_OR_FUTURE.search(doc.text) is not None


def _any_year(match: regex.Match[str]) -> int:
    year = match.group("y")
    return int(year) if year.isdigit() else numerals.chinese_digits(year)


def _years(pattern: regex.Pattern[str], text: str, value: int) -> list[regex.Match[str]]:
    return [m for m in pattern.finditer(text) if int(m.group("y")) == value]


def review_and_plan_of_one_year(text: str) -> Iterator[regex.Match[str]]:
    """Passages that sum up a year and plan that same year (2025年工作总结及2025年工作计划),
    not a plan for the rest of it (2023年工作总结和2023年下半年工作安排)."""
    if _SECOND_YEAR_JOINED.search(text) is None:
        return
    for match in _REVIEW_AND_PLAN.finditer(text):
        if match.group("y") == match.group("y2") and not _HALF_YEAR.search(match.group()):
            yield match


def _review_conflicts(doc: Document, value: int) -> list[Conflict]:
    text = doc.text
    note = Message(f"回顾{value}年（写于{value + 1}年或以后）",
                   f"a review of {value} (written in {value + 1} or later)")
    both = next((m for m in review_and_plan_of_one_year(text) if int(m.group("y")) == value),
                None)
    if both is not None:
        return [(Related(Span(*both.span()), Message(f"同一处既总结又部署{value}年",
                                                     f"one passage sums up and plans {value}")),)]
    # A title with its date on a line below it, however deep in a scraped page.
    for match in _years(_SUMMED_UP, text, value):
        if _HALF_YEAR.search(match.group()):
            continue
        date = _DATE_BELOW.search(text, match.end(), match.end() + _BELOW_REACH)
        if date is not None and int(date.group("y")) == value and 1 <= int(date.group("m")) <= _EARLY_MONTHS:
            shown = date.group().strip()
            return [(Related(Span(*match.span()), note),
                     Related(Span(date.start("y"), date.end("d") + 1), Message(f"日期行{shown}", f"the dateline {shown}")))]
    reviews = [m for m in _years(_REVIEW, text, value) if not _HALF_YEAR.search(m.group())]
    if not reviews:
        return []
    review = reviews[0]
    plans = [m for m in _years(_PLAN, text, value) if not _HALF_YEAR.search(m.group())]
    plans += _years(_THIS_YEAR_IS, text, value)
    if plans:
        plan = plans[0]
        return [(Related(Span(*review.span()), note),
                 Related(Span(*plan.span()), Message(f"部署{value}年的工作（写于{value}年或以前）",
                                                     f"the plan for {value} (written by {value})")))]
    for date in datelines(doc, value):
        if 1 <= int(date.group("m")) <= _EARLY_MONTHS:
            shown = date.group().strip(" \t\u3000—－-（(")
            return [(Related(Span(*review.span()), note),
                     Related(Span(date.start("y"), date.end()),
                             Message(f"日期行{shown}", f"the dateline {shown}")))]
    page = head_page_date(doc, value)
    if page is not None and 1 <= int(page.group("m")) <= _EARLY_MONTHS:
        return [(Related(Span(*review.span()), note),
                 Related(Span(*page.span()), Message(f"页面日期{page.group()}", f"the page date {page.group()}")))]
    return []


def dated(doc: Document, value: int) -> bool:
    """Whether a dateline or a page date of the head says ``value``."""
    return bool(datelines(doc, value)) or head_page_date(doc, value) is not None


def head_page_date(doc: Document, value: int) -> regex.Match[str] | None:
    """The first page date in ``value`` (20251020) among the head lines, or the page's date on
    a line of its own under the title (``2025-10-20 19:30:05``)."""
    head = doc.index.starts[min(_EDGE_LINES, len(doc.index.starts) - 1)]
    found = next((m for m in _PAGE_DATE.finditer(doc.text, 0, head) if int(m.group("y")) == value),
                 None)
    if found is None:
        line = page_date_line(doc)
        if line is not None and int(line.group("y")) == value:
            return line
    return found


def page_date_line(doc: Document) -> regex.Match[str] | None:
    """The page's own date alone on one of its first lines, under the title (``2025-10-20``,
    ``2025-10-20 19:30:05``), when it is the only date alone on a line with hyphens: a message
    and its reply (``2022-02-10 09:25`` … ``2022-03-07 19:18``) date two texts, neither the page."""
    text = doc.text
    lines = _filled(doc.index.lines, text, _PAGE_LINE_HEAD)
    for line in lines:
        match = _PAGE_DATE_ALONE.match(text, line.span.start, line.span.end)
        if match is not None:
            others = _PAGE_DATE_ALONE.finditer(text, line.span.end)
            if next(others, None) is not None or _ANSWERED.search(text, line.span.end):
                return None
            return match
    return None


def datelines(doc: Document, value: int) -> list[regex.Match[str]]:
    """Full dates of the year ``value`` that open a line among the first and last lines."""
    text = doc.text
    starts = doc.index.starts
    head, tail_starts = edge_starts(doc, _EDGE_LINES)
    found = []
    paged = None
    for start in sorted(set(head + tail_starts)):
        date = _DATELINE.match(text, start)
        if date is None or int(date.group("y")) != value:
            continue
        if _NARRATED.match(text, date.end()):
            if paged is None:
                limit = starts[min(_EDGE_LINES, len(starts) - 1)]
                paged = DATE_LINE.search(text, 0, limit) is not None
            if paged:
                continue
        found.append(date)
    tail = min(tail_starts, default=0) if len(starts) > _EDGE_LINES else 0
    found += [m for m in _CLOSING_DATE.finditer(text, tail) if int(m.group("y")) == value]
    found += [m for m in _SIGNED_DATE.finditer(text) if int(m.group("y")) == value]
    return found


def edge_starts(doc: Document, count: int) -> tuple[list[int], list[int]]:
    """The starts of the first and the last ``count`` lines that hold text: a scraped page pads
    its head and its tail with blank lines."""
    text = doc.text
    lines = doc.index.lines
    head = [line.span.start for line in _filled(lines, text, count)]
    tail = [line.span.start for line in _filled(reversed(lines), text, count)]
    return head, tail[::-1]


def _filled(lines: Iterable[Line], text: str, count: int) -> list[Line]:
    found: list[Line] = []
    for line in lines:
        if len(found) >= count:
            break
        if not text[line.span.start:line.span.end].isspace() and line.span.end > line.span.start:
            found.append(line)
    return found


def _target_and_base(doc: Document, value: int) -> list[Conflict]:
    text = doc.text
    found: list[Conflict] = []
    for target in _years(_TARGET, text, value):
        end = _SENTENCE_END.search(text, target.end())
        stop = end.start() if end else len(text)
        base = next((b for b in _BASE.finditer(text, target.end(), stop)
                     if int(b.group("y")) == value), None)
        if base is not None:
            found.append((Related(Span(target.start(), base.end()),
                                  Message(f"目标年与基期同为{value}年", f"target and base are both {value}")),))
    for match in _years(_YEARS_LATER, text, value):
        if int(match.group("y2")) == value and numerals.number(match.group("n")) >= 1:
            found.append((Related(Span(*match.span()), Message(
                f"相隔{match.group('n')}年的两个年份都是{value}年", f"two years {match.group('n')} years apart, both {value}")),))
    for match in (_years(_BASE_FIRST, text, value) + _years(_FROM_ITSELF, text, value)
                  + _years(_FIGURE_TO_FIGURE, text, value) + _years(_TIMES_ITSELF, text, value)):
        if int(match.group("y2")) == value:
            found.append((Related(Span(*match.span()), Message(
                f"比较的基期与所述年份同为{value}年", f"a comparison of {value} with itself")),))
    for match in (_years(_STEP_THEN_TARGET, text, value) + _years(_START_THEN_DONE, text, value)
                  + _years(_TARGET_THEN_TARGET, text, value)):
        if int(match.group("y2")) == value:
            found.append((Related(Span(*match.span()), Message(
                f"计划的先后两步同为{value}年", f"two successive steps of a plan both in {value}")),))
    return found


def _preliminary_and_revised(doc: Document, value: int) -> list[Conflict]:
    text = doc.text
    preliminary = next(iter(_years(_PRELIMINARY, text, value)), None)
    revised = next(iter(_years(_REVISED, text, value)), None)
    if preliminary is None or revised is None:
        return []
    return [(Related(Span(*revised.span()), Message(
        f"{value}年的数据既是初步统计结果又已修订", f"the figures of {value} both preliminary and revised")),
        Related(Span(*preliminary.span()), Message("初步统计", "preliminary")))]


def _relative_pins(doc: Document, value: int) -> list[Conflict]:
    """今年是“十四五”收官之年 against a document year read from the rewritten years themselves."""
    found = []
    for hit, subject in contradictions(doc):
        source = subject.source
        if source is None or source.year != value or source.source in ("config", "front-matter",
                                                                       "sidecar"):
            continue
        wording = doc.slice(hit.span)
        found.append((Related(hit.span, Message(f"“{subject.text}”按{value}年计与“{wording}”矛盾",
                                                f"“{subject.text}” read as {value} contradicts “{wording}”")),))
    return found


def _backward_months(doc: Document, value: int) -> list[Conflict]:
    found: list[Conflict] = []
    for match in _years(_MONTH_SPAN, doc.text, value):
        if int(match.group("y2")) == value and int(match.group("b")) < int(match.group("a")):
            found.append((Related(Span(*match.span()), Message(
                f"月份区间倒置（{match.group()}）", "a span of months running backwards")),))
    for match in _CN_MONTH_SPAN.finditer(doc.text):
        years = {numerals.chinese_digits(match.group("y")), numerals.chinese_digits(match.group("y2"))}
        if years == {value} and numerals.chinese_cardinal(match.group("b")) < numerals.chinese_cardinal(match.group("a")):
            found.append((Related(Span(*match.span()), Message(
                f"月份区间倒置（{match.group()}）", "a span of months running backwards")),))
    return found


def _backward_phases(doc: Document, value: int) -> list[Conflict]:
    found: list[Conflict] = []
    phases = list(_PHASE.finditer(doc.text))
    for first, second in itertools.pairwise(phases):
        if (int(first.group("y")) == int(second.group("y")) == value
                and second.start() - first.end() <= _PHASE_REACH
                and numerals.chinese_cardinal(second.group("k")) == numerals.chinese_cardinal(first.group("k")) + 1
                and int(second.group("m")) < int(first.group("m"))):
            found.append((Related(Span(*second.span()), Message(
                f"第{second.group('k')}阶段始于第{first.group('k')}阶段之前（同为{value}年）",
                f"a later phase begins before an earlier one, both in {value}")),
                Related(Span(*first.span()), Message("前一阶段", "the earlier phase"))))
    return found


def _glossed(doc: Document, value: int) -> list[Conflict]:
    """去年（2024年） in a document whose dateline or own mentions say 2024."""
    found: list[Conflict] = []
    if not dated(doc, value):
        return found
    for match in _years(_GLOSSED, doc.text, value):
        if _GLOSS_OFFSET[match.group("w")] != 0:
            found.append((Related(Span(*match.span()), Message(
                f"“{match.group('w')}”注为{value}年，文中其余年份也是{value}年",
                f"“{match.group('w')}” glossed as {value}, the year of every other mention")),))
    return found


def _fixed_names(doc: Document, value: int) -> list[Conflict]:
    found: list[Conflict] = []
    for name in fixed_years(doc):
        if name.year == value and not name.low <= value <= name.high:
            allowed = f"{name.low}" if name.low == name.high else f"{name.low}—{name.high}"
            found.append((Related(name.span, Message(
                f"“{doc.slice(name.span)}”的年份应为{allowed}年",
                f"the year of “{doc.slice(name.span)}” is {allowed}")),))
    return found


def _ages(doc: Document, value: int) -> list[Conflict]:
    text = doc.text
    found: list[Conflict] = []
    for born in (m for m in _BORN.finditer(text) if _any_year(m) == value):
        reach = born.end() + _RESUME_REACH
        later = _BORN.search(text, born.end(), reach)  # the next person's résumé
        step = next((m for m in _ADULT_STEP.finditer(text, born.end(), later.start() if later else reach)
                     if _any_year(m) == value), None)
        if step is not None:
            found.append((Related(Span(*born.span()), Message(f"{value}年出生", f"born in {value}")),
                          Related(Span(*step.span()), Message(f"同年：{step.group()}",
                                                              "an adult's step the same year"))))
            continue
        age = _aged_that_year(text, born, value)
        if age is not None:
            found.append((Related(Span(*born.span()), Message(f"{value}年出生", f"born in {value}")),
                          Related(Span(*age.span()), Message(f"{value}年时{age.group()}",
                                                             f"“{age.group()}” in {value}"))))
    return found


def _retired_that_year(doc: Document, value: int) -> list[Conflict]:
    """A step of a young adult in ``value`` (毕业, 参加工作, 入伍) and a retirement in ``value`` at
    an age: a working life of no years."""
    text = doc.text
    found: list[Conflict] = []
    for retired in (m for m in _RETIRED_AT.finditer(text)
                    if _any_year(m) == value and numerals.number(m.group("n")) >= _RETIRING_AGE):
        step = next((m for m in _ADULT_STEP.finditer(text, max(0, retired.start() - _LIFE_REACH), retired.start())
                     if _any_year(m) == value), None)
        if step is not None:
            found.append((Related(Span(*retired.span()), Message(f"{value}年{retired.group('n')}岁离退休",
                                                                 f"retired at {retired.group('n')} in {value}")),
                          Related(Span(*step.span()), Message(f"同年：{step.group()}",
                                                              "a young adult's step the same year"))))
    return found


def _aged_that_year(text: str, born: regex.Match[str], value: int) -> regex.Match[str] | None:
    """An age of two years or more told in a sentence dated ``value``, in the life of one born in
    ``value`` (before the next birth the text tells)."""
    later = _BORN.search(text, born.end(), born.end() + _LIFE_REACH)
    stop = later.start() if later else born.end() + _LIFE_REACH
    for age in _AGE.finditer(text, born.end(), stop):
        if numerals.number(age.group("n")) < 2:
            continue
        sentence = max(text.rfind(mark, born.end(), age.start()) for mark in "。！？\n")
        years = list(_YEAR_IN_CLAUSE.finditer(text, max(sentence + 1, born.end()), age.start()))
        if years and _any_year(years[-1]) == value:
            return age
    return None


def _dated_meetings(doc: Document, value: int) -> list[Conflict]:
    """A party congress or plenum dated by a year that is not the year it met."""
    text = doc.text
    found: list[Conflict] = []
    for meeting in _MEETING.finditer(text):
        met = meeting_year(meeting)
        if met is None or met == value or _NOT_THE_MEETING.match(text, meeting.end()):
            continue
        before = _YEAR_BEFORE_MEETING.search(text, max(0, meeting.start() - 20), meeting.start())
        after = _YEAR_AFTER_MEETING.match(text, meeting.end(), meeting.end() + 12)
        date = before or after
        if date is None or _year_value(date.group("y")) != value:
            continue
        found.append((Related(Span(*date.span("y")), Message(
            f"{meeting.group()}召开于{met}年，此处写作{value}年",
            f"{meeting.group()} met in {met}, not {value}")),))
    return found


def _year_value(year: str) -> int:
    return int(year) if year.isdigit() else numerals.chinese_digits(year)


def meeting_year(meeting: regex.Match[str]) -> int | None:
    """The year of a congress (党的十八大) or plenum (十八届四中全会) from the era marker data."""
    label = (f"党的{meeting.group('c')}大" if meeting.group("c")
             else f"{meeting.group('n')}届{meeting.group('p')}中全会")
    return _meeting_years().get(label) or _KNOWN_MEETINGS.get(label)


@functools.cache
def _meeting_years() -> dict[str, int]:
    from doclint.rules.years.markers import marker_set

    return {m.label: m.valid_from for m in marker_set().markers
            if m.kind in _MEETING_KINDS and m.valid_from is not None}


def _after_the_dateline(doc: Document, value: int) -> list[Conflict]:
    """A text dated early in a year that reports the whole year, or dated late in a year that
    sets targets for that year (到2023年，… in a plan of September 2023)."""
    dates = datelines(doc, value)
    if not dates:
        return _planned_before_page_date(doc, value) or _late_targets_of_the_page(doc, value)
    date = min(dates, key=lambda d: int(d.group("m")))
    month = int(date.group("m"))
    shown = date.group().strip(" \t\u3000—－-（()）")
    dateline = Related(Span(date.start("y"), date.end("d") + 1), Message(f"日期行{shown}",
                                                                         f"the dateline {shown}"))
    text = doc.text
    if month <= _EARLY_MONTHS:
        for period in _years(_WHOLE_YEAR, text, value):
            line_start = text.rfind("\n", 0, period.start()) + 1
            if int(period.group("y2") or value) == value and _REPORTED.search(text, line_start, period.start()):
                return [(Related(Span(*period.span()), Message(
                    f"报告{value}年全年的数据", f"data of the whole of {value}")), dateline)]
    planned = _planned_before(text, value, (month, int(date.group("d"))))
    if planned is not None:
        return [(planned, dateline)]
    targets = [m for m in _years(_TARGET, text, value) if not m.group().endswith(("底", "末"))]
    if len(targets) >= _MANY_TARGETS or (len(targets) >= 2 and (month >= _LATE_MONTH
                                                                 or _years(_START, text, value))):
        return [(Related(Span(*targets[0].span()), Message(
            f"以{value}年为目标", f"a target set for {value}")), dateline)]
    return []


def _late_targets_of_the_page(doc: Document, value: int) -> list[Conflict]:
    """Targets set for ``value`` (到2020年，…) on a news page dated late in ``value`` by its own date
    line (``2020-07-15 19:35:02``), as under a dateline."""
    page = page_date_line(doc)
    if page is None or int(page.group("y")) != value:
        return []
    targets = [m for m in _years(_TARGET, doc.text, value) if not m.group().endswith(("底", "末"))]
    if len(targets) >= _MANY_TARGETS or (len(targets) >= 2 and (int(page.group("m")) >= _LATE_MONTH
                                                                 or _years(_START, doc.text, value))):
        shown = page.group().strip()
        return [(Related(Span(*targets[0].span()), Message(f"以{value}年为目标", f"a target set for {value}")),
                 Related(Span(page.start("y"), page.end("d")), Message(f"页面日期{shown}", f"the page date {shown}")))]
    return []


def _planned_before(text: str, value: int, written: tuple[int, int]) -> Related | None:
    """The first plan or deadline of ``value`` that ends before the text's own date."""
    for match in _years(_PLANNED_DATE, text, value):
        if match.group("half"):
            end = (6, 30)
        else:
            end = (int(match.group("m")), int(match.group("d") or 31))
        if end < written:
            return Related(Span(*match.span()), Message(
                f"计划在文档日期之前：{match.group()}", "planned before the text's own date"))
    return None


def _planned_before_page_date(doc: Document, value: int) -> list[Conflict]:
    page = head_page_date(doc, value)
    if page is None:
        return []
    digits = page.group()
    planned = _planned_before(doc.text, value, (int(page.group("m")), int(page.group("d"))))
    if planned is None:
        return []
    return [(planned, Related(Span(*page.span()), Message(f"页面日期{digits}", f"the page date {digits}")))]


def _own_page_date(doc: Document, value: int) -> list[Conflict]:
    """A page that dates itself years away, again and again (a transcript's footer
    ``20230405 19:00`` and its links ``…/2023/04/05/…``), while every year its text writes is
    ``value``: the years were rewritten, the page's own date was not."""
    counts: dict[tuple[str, str, str], list[regex.Match[str]]] = {}
    for match in _OWN_DATE.finditer(doc.text):
        counts.setdefault((match.group("y"), match.group("m"), match.group("d")), []).append(match)
    if not counts:
        return []
    date, seen = max(counts.items(), key=lambda item: len(item[1]))
    mine = max((len(found) for key, found in counts.items() if int(key[0]) == value), default=0)
    # A page of early in a year may speak only of the year before, one of December only of the
    # next: the page's year must lie further off.
    if abs(int(date[0]) - value) < _OWN_DATE_GAP or len(seen) < _OWN_DATE_REPEATS or len(seen) <= mine:
        return []
    shown = "".join(date)
    return [(Related(Span(*seen[0].span()), Message(
        f"页面自身的日期{shown}（{len(seen)}处）不在{value}年",
        f"the page's own date {shown} ({len(seen)} times) is not in {value}")),)]


def _year_reported_early(doc: Document, value: int) -> list[Conflict]:
    """A page dated before the end of ``value`` that reports the whole of ``value``
    (2023年，…比上年增长; 较2023年末上升) — the results of the year before, rewritten."""
    written = own_date(doc, value)
    if written is not None and written[0] == _DECEMBER:
        planned = next(iter(_years(_NEXT_YEAR_PLANNED, doc.text, value)), None)
        if planned is None and written[1] >= _LATE_DECEMBER:
            planned = next(iter(_years(_YEAR_WILL, doc.text, value)), None)
        if planned is not None:
            return [(Related(Span(*planned.span()), Message(
                f"在{value}年12月部署{value}年的工作（应是下一年）",
                f"the work of {value} planned in December {value} (the next year's)")),)]
    if written is not None and written[0] >= _SECOND_HALF:
        advance = next(iter(_years(_ADVANCE, doc.text, value)), None)
        if advance is not None:
            return [(Related(Span(*advance.span()), Message(
                f"在{value}年{written[0]}月“{advance.group()}”（提前下达的是下一年的）",
                f"“{advance.group()}” in {value}: an advance allocation is for the next year")),)]
    if written is None or written[0] > _LAST_MONTH:
        return []
    reports = _years(_YEAR_RESULT, doc.text, value)
    if written[0] <= _FIRST_QUARTER:
        reports += [m for m in _years(_YEAR_RESULT_BARE, doc.text, value) if not _NOT_THE_YEAR.search(m.group())]
        reports += _years(_YEAR_COUNT, doc.text, value)
    if written[0] <= _BEFORE_YEAR_END:
        reports += [m for m in (_years(_YEAR_FIGURE, doc.text, value) + _years(_YEAR_DATA, doc.text, value)
                                + _years(_YEAR_RANK, doc.text, value))
                    if not _aimed(doc.text, m) and not _PART_OF_YEAR.search(m.group())
                    and not _NOT_THE_YEAR.search(m.group())]
    report = next((m for m in reports if not _AIMED.search(m.group()) and not _SEASONAL.search(m.group())),
                  None)
    if report is None and written[0] <= _AWARD_MONTHS:
        report = next((m for m in _years(_YEAR_AWARD, doc.text, value)
                       if not _GRANT.search(m.group("what"))), None)
    if report is None and written[0] <= _AWARD_MONTHS:
        report = next(iter(_years(_ANNUAL_REPORT, doc.text, value)), None)
    if report is None:
        return []
    shown = f"{value}年{written[0]}月{written[1]}日"
    return [(Related(Span(*report.span()), Message(
        f"报告{value}年全年的结果，而文档日期是{shown}",
        f"the results of the whole of {value}, in a text of {shown}")),)]


def year_results(doc: Document, value: int) -> list[regex.Match[str]]:
    """The whole of ``value`` reported as done (2023年，…比上年增长; 2023年，…分别增长4.6%、7.3%), not
    aimed at nor a part of the year."""
    text = doc.text
    found = _years(_YEAR_RESULT, text, value) + [
        m for m in _years(_YEAR_FIGURE, text, value)
        if not _aimed(text, m) and not _PART_OF_YEAR.search(m.group()) and not _NOT_THE_YEAR.search(m.group())]
    return [m for m in found if not _AIMED.search(m.group()) and not _SEASONAL.search(m.group())]


def _aimed(text: str, match: regex.Match[str]) -> bool:
    """Whether a year's figure is a forecast or a target (预计2023年，…增长5%左右), or stands in a
    paragraph under a heading that names targets (一、发展目标 ⏎ …2023年，…同比2022年增长30%)."""
    sentence = max(text.rfind(mark, 0, match.start()) for mark in "。！？；\n")
    return bool(_AIMED_BEFORE.search(text, sentence + 1, match.start())
                or _TARGET_AFTER.match(text, match.end())) or _under_targets(text, match.start())


_TARGETS_HEADING = lazy_regex(r"[^。；！？!?]{0,16}(?:目标|预期指标|主要指标)[^。；！？!?，,]{0,6}")
_HEADING_MAX = 24


def _under_targets(text: str, at: int) -> bool:
    paragraph = text.rfind("\n", 0, at)
    if paragraph < 0:
        return False
    heading = text[text.rfind("\n", 0, paragraph) + 1 : paragraph].strip()
    return len(heading) <= _HEADING_MAX and _TARGETS_HEADING.fullmatch(heading) is not None


def own_date(doc: Document, value: int) -> tuple[int, int] | None:
    """(month, day) of the text's own date in ``value``: its dateline, or its page date."""
    dates = datelines(doc, value)
    if dates:
        first = min(dates, key=lambda d: (int(d.group("m")), int(d.group("d"))))
        return int(first.group("m")), int(first.group("d"))
    page = head_page_date(doc, value)
    if page is None:
        return None
    return int(page.group("m")), int(page.group("d"))
