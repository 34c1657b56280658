"""What the text alone says about the year it speaks from.

Two kinds of evidence, kept apart because they bound the year from different sides:

* **anchors** name the present year: ``今年是“十五五”开局之年``, ``今年是新中国成立75周年``,
  ``明年是…收官之年`` (the pin's year minus one), ``2024年工作回顾`` (written in 2025),
  ``2018年是…的最后一年，请…务必…`` (a year called to act in: that year, give or take one),
  ``改革开放十七年来`` (1978 plus the years counted), ``今年（2021年）`` and a document said to
  be issued this year cited with its number (``今年年初印发的《…》（国办发〔2021〕1号）``), and
  the dates a reply gives for the handling of the message it answers (``您的留言收悉，已于2017年5月
  23日转市城管局``, ``您于2019年3月18日在…的留言已收悉``, ``我局于2019年7月30日接到网民反映``):
  an answer is due within weeks, so it is written that year, or the next after a date from October;
* the **floor**: a text cannot speak from before a year it treats as past or present
  (``1953年建成``, ``2023年以来``, ``已于2018年成立``, a cited ``国发〔2019〕25号``, a link
  dated 2025/10/20).
  Targets (``到2035年``), plans (``部署2024年工作``, ``（2021—2025年）``), future events and
  bibliographic notes (``人民出版社2006年版``) do not count.

A floor alone gives no upper bound: a news transcript of 2025 may mention nothing later than a
story of 1953. Only when the latest year is also the one the text keeps returning to (a report
on its own year) is the year taken to be that one or the next.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass

import regex

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years import numerals
from doclint.rules.years.framing import told_as_done
from doclint.rules.years.mentions import YearFacts, YearMention, is_target

# Wording that dates the text from a year it names: a review of year N (2024年工作回顾, 2019年和
# 今年以来) is written in N+1; “N年即将到来” in N-1.
REVIEW = lazy_regex(
    r"(?P<next>(?:19|20)\d{2})年(?:[^。\n，]{0,6})?工作回顾|回顾(?P<next2>(?:19|20)\d{2})年"
    r"|(?P<next3>(?:19|20)\d{2})年和今年以来|过去一年[^。\n]{0,8}回顾\s*(?P<next4>(?:19|20)\d{2})年，"
    r"|(?P<previous>(?:19|20)\d{2})年即将到来")
# 2018年是…的最后一年，请…务必…: a year said to be a stage of the work, then a call to act on it,
# is the present year or the next (a notice for the coming year); ``_YEAR_IS_REACH`` years either
# side. Said of a year long past (1978年是伟大转折的一年) the sentence calls for nothing.
_YEAR_IS = lazy_regex(
    r"(?<![0-9])(?P<year>(?:19|20)\d{2})年[，,]?\s?(?:也|又|正|就|将|恰)?(?:是|为)"
    r"[^。！!？?；;\n]{0,40}?(?:之年|一年|关键年|攻坚年|决战年|开局年|收官年)[，,]"
    r"(?=[^。！!？?\n]{0,30}?(?:要|请|务必|必须|确保|切实|全力|奋力|做好|抓好))")
_YEAR_IS_REACH = 1
# 改革开放十七年来, 新中国成立70年来, 建国三十多年来: the years counted from a known start up to the
# present date the text (that count, or one more: said early in the next year; 多: up to nine
# more). 近 (nearly) and anniversaries (周年, often still to come) do not count.
_SINCE_COUNT = lazy_regex(
    r"(?<!近)(?P<event>改革开放|新中国成立|建国|中华人民共和国成立|建党|党成立|中国共产党成立|西部大开发)"
    r"(?:以来)?(?:的)?(?P<n>[0-9]{1,3}|[一二三四五六七八九十百]{1,4})(?P<more>多)?年来")
_SINCE_BASE = {"改革开放": 1978, "新中国成立": 1949, "建国": 1949, "中华人民共和国成立": 1949,
               "建党": 1921, "党成立": 1921, "中国共产党成立": 1921, "西部大开发": 2000}
# The handling of the message a reply answers, dated: 您于2019年3月18日在…留言, 您的留言收悉，已于
# 2017年5月23日转…, 我局于2019年7月30日接到网民反映, …于2016年2月17日将此事批转我院. A message the
# writer recalls from before (您曾于…反映, 此前, 多次) is no handling of this one.
_HANDLED_DATE = r"(?P<year>(?:19|20)\d{2})\s?年\s?(?P<month>\d{1,2})\s?月\s?\d{1,2}\s?[日号]"
_REQUEST_HANDLED = lazy_regex(
    rf"(?<![曾也])(?:您|你)(?:于|在)\s?{_HANDLED_DATE}[^。！!？?；;\n]{{0,60}}?"
    r"(?:留言|来信|来电|反映|咨询|投诉|发帖|发贴|提问|信件|诉求)"
    rf"|(?:留言|来信|来电|信件|帖子|一[帖贴]|诉求)[^。！!？?；;\n]{{0,12}}?收悉[，,]\s?并?已?于\s?{_HANDLED_DATE}"
    r"(?:转|批转|交)"
    rf"|于\s?{_HANDLED_DATE}(?:收到|接到|受理)了?(?:您|你|网民|网友|群众|信访人)"
    rf"|于\s?{_HANDLED_DATE}将(?:此事|此件|该(?:留言|来信|件)|您的(?:留言|来信))(?:批转|转交|交办|转)")
_RECALLED = lazy_regex(r"曾|此前|以前|之前|多次|再次|又一次")
# An answer is due within weeks: one about a message of October or later may fall in the next year.
_LATE_MONTH = 10


# 今年 named by its number: glossed (今年（2021年）), or as the year of a document issued in it that
# is cited with its number (国务院办公厅于今年年初印发的《…》（国办发〔2021〕1号）): numbers run by
# the year of issue.
_THIS_YEAR_GLOSS = lazy_regex(r"今年[（(]\s?(?P<year>(?:19|20)\d{2})\s?年?[）)]")
_THIS_YEAR_ISSUED = lazy_regex(
    r"今年(?:年初|初|上半年|[0-9一二三四五六七八九十]{1,2}月(?:份|初|中旬|下旬|底)?)?[^。！？；;\n《]{0,30}?"
    r"(?:印发|出台|发布|下发|颁布|公布)了?的?《[^《》\n]{1,80}》[（(]?[^\n（()）。]{0,12}?"
    r"〔(?P<year>(?:19|20)\d{2})〕\s?第?\d{1,4}号")
# 今年是…, 明年是…, 今年，是…: the wording after names the year itself.
_ANCHOR_COPULA = lazy_regex(r"[，,]?\s?(?:也|又|正|就|将|恰)?(?:是|为|正值|恰逢|适逢)")
_ANCHOR_REACH = 60
# A year that is planned, targeted or conditional rather than lived: 将于2026年, 部署2024年工作,
# 2026年底全部建成后, 2019年9月1日起施行.
_FUTURE_BEFORE = lazy_regex(
    r"(?:将于|将在|将|拟于|拟在|拟|计划|预计|预期|力争|争取|确保|部署|谋划|安排|研究|迎接|展望|"
    r"面向|定于|要在|待|直至|直到|下一步|明年|原定|原计划|规定的|推迟到|推迟至|延至|延长到)"
    r"\s?(?:[（(]?)$")
# A clause that speaks of what will be: 中国将担任亚太经合组织2026年东道主.
_FUTURE_CLAUSE = lazy_regex(r"(?:将(?!近|来自|其|之|它|他|她|这|那|此|本|该|所)|即将|将要)"
                               r"[^，。；;！!？?\n]{0,20}$")
_FUTURE_AFTER = lazy_regex(
    r"年(?:度)?(?:[0-9０-９一二三四五六七八九十]{1,2}月(?:[0-9０-９一二三四五六七八九十]{1,3}日)?)?"
    r"(?:底|末|年底)?(?:前|以前|之前|以后|后|目标|远景|愿景|左右|议程|起施行|起实施|起执行|开始施行|起|将|要|届时"
    r"|即将到来|到来之际|新年贺词|新年献词|新年致辞|[^，。；\n]{0,12}?(?:主要任务|任务和)|(?:国民经济和社会发展|国民经济|经济社会发展|经济和社会发展)?(?:计划|预算)(?!执行)"
    r"|[^，。；\n]{0,8}?(?:建成|完成|竣工|投产|实现)后)")
# A year the clause prepares for: 为2035年基本建成…奠定坚实基础 (not 为…奠定了基础, done).
_PREPARED_FOR = lazy_regex(r"为\s?$")
_FOUNDATION_AFTER = lazy_regex(r"年[^，。；;\n]{0,24}?(?:奠定|打下|夯实)(?!了)[^，。；;\n]{0,12}?基础")
# The rest of the clause plans: 2026至2027年，力争…; 2025年将建成….
_PLANNED_CLAUSE = lazy_regex(r"[^。；;！!？?\n]{0,4}?[，,]?\s?(?:力争|争取|计划|预计|拟|将|确保)")
# The notes of an edited text: 注释　〔1〕…, 注：[1]….
_NOTES = lazy_regex(r"(?:^|(?<=\s))注\s?释?[：:]?\s*[〔［\[(（]1[〕］\])）]", regex.M | regex.W)
# A year in the name of an event: 北京2022年冬奥会.
_EVENT_NAME = lazy_regex(r"年(?:北京)?(?:冬季|夏季)?(?:冬|残|冬残)?(?:奥运会|奥会|世博会|亚运会|大运会|全运会|世界杯)")
# The year of a meeting a country or city hosts (作为2016年二十国集团领导人峰会主办国): hosting is
# announced years ahead, so the year may be still to come.
_HOSTED_EVENT = lazy_regex(
    r"年[^，,。；;！!？?\n]{0,20}?(?:峰会|会议|年会|论坛|博览会|运动会|大会)(?:的)?"
    r"(?:主办国|东道主|东道国|主办方|主办城市|主办地|举办国|举办地|承办方)")
# Bibliographic notes: 人民出版社2006年8月第1版, 人民出版社1994年版.
_PUBLICATION_BEFORE = lazy_regex(r"出版社\s?$")
_PUBLICATION_AFTER = lazy_regex(r"年(?:[0-9０-９]{1,2}月)?(?:第[0-9０-９一二三四五六七八九十]+)?版")
_CITED_NUMBER = lazy_regex(r"[〔\[［【(（]((?:19|20)\d{2})[〕\]］】)）]\s?第?\d{1,4}号")
_LINK_DATE = lazy_regex(
    r"(?<![0-9])((?:19|20)\d{2})[/\-_]?(?:0[1-9]|1[0-2])[/\-_]?(?:0[1-9]|[12]\d|3[01])(?![0-9])")
_LINK = lazy_regex(r"(?:https?://|www\.)[^\s\"'<>）)]+")
# A floor is also the year itself when the text keeps returning to it (or to the year before,
# as a report reviewing last year does).
_DOMINANT_MIN = 4
# A full date after a word of time (在, 于, 自, 从), not of aim or base (到, 至, 截止, 比), and not
# followed by a deadline or a start still to come (前, 以前, 起施行, 之后).
_FULL_DATE_AFTER = lazy_regex(r"年\s?[0-9０-９]{1,2}\s?月\s?[0-9０-９]{1,2}\s?日")
_POINT_BEFORE = lazy_regex(r"(?<![将拟定要预])(?:在|于|自|从)[ \t\u3000]?$")
_POINT_AFTER = lazy_regex(
    r"(?![ \t\u3000]?(?:前|以前|之前|以后|之后|后|起|开始|截止|为止|到期|召开|举行|举办))")
# A lived year with its month opening a clause (2021年2月，国家发展改革委复函同意…): an event told
# with the month it happened is no stray target, and needs no second mention to corroborate it.
_DATED_EVENT = lazy_regex(r"年\s?[0-9０-９]{1,2}\s?月(?:[0-9０-９]{1,2}\s?日)?[，,]")
_AT_BEFORE = lazy_regex(r"(?:于|在)[ \t\u3000]?$")
_CLAUSE_MARK = lazy_regex(r"[，,；;：:。！!？?\n\r]")
_CLAUSE_REACH = 40
_CLAUSE_STOP = regex.compile(r"[。！？；!?\n\r]")


@dataclass(frozen=True, slots=True)
class TextEvidence:
    """Evidence for one part: an anchor (the year itself) and/or a floor (the earliest possible)."""

    anchor: tuple[int, int, Span, str] | None = None  # (low, high, span, wording)
    floor: int | None = None
    floor_span: Span | None = None
    dominant: bool = False


def evidence(doc: Document, part: Span) -> TextEvidence:
    facts = doc.facts(YearFacts)
    notes = _NOTES.search(doc.text, part.start, part.end)
    if notes is not None:  # the editors' notes of a selected works are about other years
        part = Span(part.start, notes.start())
    floor, floor_span, counts = _floor(doc, facts, part)
    anchor = _review(doc.text, part) or _this_year_named(doc.text, part) \
        or _anchor(doc, facts, part) or _year_is(doc.text, part) or _since_count(doc.text, part) \
        or _request_handled(doc.text, part)
    dominant = False
    if floor is not None:
        near = counts[floor] + counts[floor - 1]
        every = len(facts.between(part.start, part.end))
        dominant = near >= _DOMINANT_MIN and near * 2 >= every
    return TextEvidence(anchor, floor, floor_span, dominant)


def _review(text: str, part: Span) -> tuple[int, int, Span, str] | None:
    match = REVIEW.search(text, part.start, part.end)
    if not match:
        return None
    group = next(g for g in ("next", "next2", "next3", "next4", "previous") if match.group(g))
    year = int(match.group(group)) + (-1 if group == "previous" else 1)
    return year, year, Span(*match.span()), match.group()


def lived(text: str, mention: YearMention) -> bool:
    """Whether the text treats the year as past or present (not a target, plan or citation)."""
    if is_target(text, mention.start, mention.end):
        return False
    low = max(0, mention.start - 6)
    if _FUTURE_BEFORE.search(text, low, mention.start) or _PUBLICATION_BEFORE.search(
            text, low, mention.start):
        return False
    if _FUTURE_CLAUSE.search(text, max(0, mention.start - 24), mention.start):
        return False
    nian = mention.end - 1 if text[mention.end - 1:mention.end] == "年" else mention.end
    if text[nian:nian + 1] != "年":
        return True
    if _PREPARED_FOR.search(text, low, mention.start) and _FOUNDATION_AFTER.match(text, nian):
        return False
    return not (_FUTURE_AFTER.match(text, nian) or _PUBLICATION_AFTER.match(text, nian)
                or _EVENT_NAME.match(text, nian) or _HOSTED_EVENT.match(text, nian)
                or _PLANNED_CLAUSE.match(text, nian + 1))


def latest_lived_year() -> int:
    """No text has lived a year that has not begun: a later year is a target or a vision
    (为2035年基本建成…, 立足2050年…), however it is worded."""
    return datetime.date.today().year


def _time_point(text: str, mention: YearMention) -> bool:
    """A full date that opens a stretch or marks when something happened (在2015年7月1日至…期间,
    于2019年10月18日组织验收, 自2016年3月1日起): a time the text has reached, not a target or a
    base, unless it is planned (将于…, …前完成, …起施行) or closes a stretch (至2016年6月30日)."""
    nian = mention.end - 1 if text[mention.end - 1:mention.end] == "年" else mention.end
    date = _FULL_DATE_AFTER.match(text, nian)
    if date is None or not _POINT_BEFORE.search(text, max(0, mention.start - 4), mention.start):
        return False
    if _FUTURE_BEFORE.search(text, max(0, mention.start - 6), mention.start) \
            or _FUTURE_CLAUSE.search(text, max(0, mention.start - 24), mention.start):
        return False
    return _POINT_AFTER.match(text, date.end()) is not None


def _done_at(text: str, mention: YearMention) -> bool:
    """A year something was done at (已于2018年成立, 于2024年起草了《…》): after 于 or 在 a year
    may be a deadline still to come (计划于2026年建成), but not in a clause that tells the thing
    as done and plans nothing (``told_as_done``)."""
    if _AT_BEFORE.search(text, max(0, mention.start - 2), mention.start) is None:
        return False
    marks = list(_CLAUSE_MARK.finditer(text, max(0, mention.start - _CLAUSE_REACH), mention.start))
    start = marks[-1].end() if marks else max(0, mention.start - _CLAUSE_REACH)
    stop = _CLAUSE_MARK.search(text, mention.end, min(len(text), mention.end + _CLAUSE_REACH))
    return told_as_done(text, start, stop.start() if stop is not None else mention.end + _CLAUSE_REACH)


def _floor(doc: Document, facts: YearFacts, part: Span) -> tuple[int | None, Span | None,
                                                                  Counter[int]]:
    """The latest year the part treats as lived that something else corroborates: a second
    mention, a mention of the year or two before, or the month it is told with
    (``_DATED_EVENT``); one stray year, a target nobody marked as one, must not date a whole
    text."""
    text = doc.text
    counts: Counter[int] = Counter()
    spans: dict[int, Span] = {}
    dated: set[int] = set()
    groups = facts.groups
    latest = latest_lived_year()
    for mention in facts.between(part.start, part.end):
        if mention.group != -1 and groups[mention.group].is_range \
                and mention is not groups[mention.group].items[0]:
            continue  # the end of a span of years (2021—2025年) is usually still to come
        if mention.value <= latest and (lived(text, mention) or _time_point(text, mention)
                                        or _done_at(text, mention)):
            counts[mention.value] += 1
            spans.setdefault(mention.value, mention.span)
            nian = mention.end - 1 if text[mention.end - 1] == "年" else mention.end
            if _DATED_EVENT.match(text, nian):
                dated.add(mention.value)
    cited: dict[int, Span] = {}
    for match in _CITED_NUMBER.finditer(text, part.start, part.end):
        year = int(match.group(1))
        counts[year] += 1
        cited.setdefault(year, Span(*match.span(1)))
    for link in _LINK.finditer(text, part.start, part.end):
        for match in _LINK_DATE.finditer(text, link.start(), link.end()):
            year = int(match.group(1))
            counts[year] += 1
            spans.setdefault(year, Span(*match.span(1)))
    if not counts:
        return None, None, counts
    years = sorted(counts, reverse=True)
    corroborated = [y for y in years if counts[y] >= 2 or counts[y - 1] or counts[y - 2] or y in dated]
    floor = corroborated[0] if corroborated else years[-1]
    # A cited number is the floor's best witness (``cited_year``): no plan lists it as a year.
    return floor, cited.get(floor) or spans[floor], counts


def cited_year(text: str, span: Span) -> bool:
    """Whether the year at ``span`` is that of a document the text cites by its number
    (苏发〔2019〕1号): the document was issued, so that year has come, whatever the text plans
    (a plan's own years may read as lived: a floor from them is weaker)."""
    return span.start > 0 and _CITED_NUMBER.match(text, span.start - 1) is not None


def _year_is(text: str, part: Span) -> tuple[int, int, Span, str] | None:
    """2018年是…的最后一年，请…: the year the wording calls to act in, give or take one; several
    must agree."""
    found = [int(m.group("year")) for m in _YEAR_IS.finditer(text, part.start, part.end)]
    if not found or max(found) - min(found) > 2 * _YEAR_IS_REACH:
        return None
    match = _YEAR_IS.search(text, part.start, part.end)
    assert match is not None
    low, high = max(found) - _YEAR_IS_REACH, min(found) + _YEAR_IS_REACH
    return low, high, Span(match.start(), match.end()), match.group()


def _this_year_named(text: str, part: Span) -> tuple[int, int, Span, str] | None:
    """今年（2021年）, 今年年初印发的《…》（国办发〔2021〕1号）: the year 今年 is; several must agree."""
    found = [m for pattern in (_THIS_YEAR_GLOSS, _THIS_YEAR_ISSUED)
             for m in pattern.finditer(text, part.start, part.end)]
    years = {int(m.group("year")) for m in found}
    if len(years) != 1:
        return None
    year = years.pop()
    first = min(found, key=lambda m: m.start())
    return year, year, Span(first.start(), first.end()), first.group()


def _since_count(text: str, part: Span) -> tuple[int, int, Span, str] | None:
    """改革开放十七年来: the start's year plus the count (``_SINCE_COUNT``); several must agree."""
    low, high = 0, 9999
    first = None
    for match in _SINCE_COUNT.finditer(text, part.start, part.end):
        count = numerals.number(match.group("n"))
        year = _SINCE_BASE[match.group("event")] + count
        low = max(low, year + (1 if match.group("more") else 0))
        high = min(high, year + (9 if match.group("more") else 1))
        first = first or match
    if first is None or low > high:
        return None
    return low, high, Span(first.start(), first.end()), first.group()


def _request_handled(text: str, part: Span) -> tuple[int, int, Span, str] | None:
    """您的留言收悉，已于2017年5月23日转…: the year of the message's handling, or the next after a
    date from October on; several must agree."""
    low, high = 0, 9999
    first = None
    for match in _REQUEST_HANDLED.finditer(text, part.start, part.end):
        if _RECALLED.search(match.group()):
            continue
        year = int(match.group("year"))
        low = max(low, year)
        high = min(high, year + (1 if int(match.group("month")) >= _LATE_MONTH else 0))
        first = first or match
    if first is None or low > high:
        return None
    return low, high, Span(first.start(), first.end()), first.group()


def _anchor(doc: Document, facts: YearFacts, part: Span) -> tuple[int, int, Span, str] | None:
    """今年是…之年/…周年: the years the wording allows, shifted by the relative word."""
    from doclint.rules.years.markers import marker_set

    text = doc.text
    markers = marker_set(tuple(doc.settings.get("era_markers") or ()))
    if markers.trigger is None:
        return None
    found: list[tuple[int, int, Span, str]] = []
    for word in facts.relative_between(part.start, part.end):
        if word.offset not in (-1, 0, 1):
            continue
        copula = _ANCHOR_COPULA.match(text, word.end)
        if not copula:
            continue
        stop = _clause_end(text, copula.end(), min(part.end, copula.end() + _ANCHOR_REACH))
        for key in markers.trigger.finditer(text, copula.end(), stop):
            for number in markers.by_key[markers.key_of(key)]:
                for pin in markers.markers[number].pins:
                    for pattern in pin.patterns:
                        match = pattern.search(text, copula.end(), stop)
                        if match is None:
                            continue
                        first, last = pin.years(match)
                        found.append((first - word.offset, last - word.offset,
                                      Span(word.start, match.end()), text[word.start:match.end()]))
    if not found:
        return None
    # Several anchors must agree; their common years are the anchor.
    low = max(f[0] for f in found)
    high = min(f[1] for f in found)
    if low > high:
        return None
    earliest = min(found, key=lambda f: f[2].start)
    return low, high, earliest[2], earliest[3]


def _clause_end(text: str, start: int, limit: int) -> int:
    match = _CLAUSE_STOP.search(text, start, limit)
    return match.start() if match else limit
