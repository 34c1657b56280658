"""Where a document mentions era markers, found once per document (``doc.facts(EraFacts)``).

The keys of every marker are found in one pass; the marker's patterns then run only in the
sentences around them. Only what could disagree with the year of that part of the document
is searched: a plain mention only where the year is before ``earliest_mention``, current or
future wording only where the year is outside the marker's years (or unknown), pins where the
sentence names a year (or, for wording about the present such as 开好局, where the document
year is known). On a consistent document that leaves almost nothing to search.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_re, lazy_regex
from doclint.rules.years import framing as framings
from doclint.rules.years import numerals, textyear
from doclint.rules.years.docyear import DocumentYears, YearSource
from doclint.rules.years.framing import (
    Framing,
    clause_around,
    framing,
    plans_or_calls,
    superseded,
    told_as_done,
)
from doclint.rules.years.markers import EraMarker, Pin, marker_set, window_filter
from doclint.rules.years.mentions import YearFacts
from doclint.rules.years.naming import EventNames
from doclint.rules.years.review import Reach, ReviewPassages
from doclint.rules.years.words import at_word_boundaries

# Marker patterns never cross a sentence; a window longer than this around a key is cut, so a
# text without punctuation cannot make the search quadratic.
_WINDOW = 160
_SENTENCE_END = lazy_re(r"[。！？!?\n\r]")
# Years of grace around a marker's period: plans are drafted the year before they start and
# reviewed the year after they end (see era-markers guidance).
GRACE = 1
# “十四五”以来, 党的二十大召开以来, 党史学习教育开展以来: the marker's years have begun.
_SINCE = lazy_re(r"”?(?:规划|计划)?(?:召开|开展|实施|启动|成立|组建|提出)?以来")
# A congress or plenum that has spoken: 党的二十大报告提出, 十九届五中全会审议通过, 二十大精神.
_SPOKEN = lazy_re(r"(?:的)?(?:报告|决定|公报|建议)?(?:提出|强调|指出|作出|确定|明确|审议通过)"
                  r"|(?:和[^，,。；;！!？?\n]{0,12}?全会)?(?:的)?精神")
_MEETINGS = frozenset({"party_congress", "party_plenum"})
# A meeting about to open (党的二十一大即将召开之际, 全会召开前夕): weeks, not years, ahead.
# So is one said to open this year or the next (党的二十一大将于明年下半年在北京召开).
_MEETING_IMMINENT = lazy_re(
    r"(?:胜利)?(?:即将|就要|马上)(?:召开|开幕|举行)|(?:胜利)?(?:召开|开幕)(?:之际|前夕|在即)"
    r"|将(?:于|在)?(?:今年|明年|年内|本年|下半年|上半年|近期)[^，,。；;！!？?\n]{0,8}?(?:召开|开幕|举行)")
# A campaign or an event that became a named spirit of the party (抗击“非典”精神, 北京冬奥精神) is
# a historical name used today, not current work; a congress's or a theory's 精神 is the current
# line of its years (十九大精神, 系列重要讲话精神).
_SPIRIT = lazy_re(r"[”\"’」』]?(?:的)?精神")
_SPIRIT_FREE = frozenset({"party_congress", "party_plenum", "ideology"})
# Another party's congress or plenum (越共十三大精神, 老挝人革党十一届三中全会): not the CPC's.
_FOREIGN_PARTY = lazy_re(
    r"(?:越共|越南共产党|老挝人革党|老挝人民革命党|老党|朝鲜劳动党|朝鲜党|古共|古巴共产党|苏共"
    r"|苏联共产党|日共|日本共产党|印共|尼共|柬埔寨人民党|蒙古人民党|南非共产党|葡共|希共)"
    r"(?:中央)?第?[ \t\u3000]*$")
_ORDINAL = lazy_re(r"(?<![〇零一二三四五六七八九十百])[一二三四五六七八九十]{1,3}(?:大|届)")
_FOREIGN_REACH = 12
# A plan's issued document in book-title marks, not a draft: 《…“十四五”…规划》.
# A five-year plan that has spoken (“十四五”规划和2035年远景目标纲要提出, “十四五”规划明确): it is
# in hand, from its drafting for a plan of the 规划 era (``_in_hand_lead``). Not where the plan
# is addressed (为“十五五”规划提出建议, 对…规划提出意见).
_PLAN_SPOKEN = lazy_re(
    r"”?(?P<plan>规划|计划)?(?:纲要)?(?:和[^，,。；;！!？?\n《》]{0,16}?纲要)?(?:建议)?(?:中|里)?"
    r"(?:明确提出|提出|明确|强调|指出|部署|确定|规定)(?![^，,。；;！!？?\n]{0,8}?(?:意见|建议))")
_PLAN_NAME = lazy_re(r"(?:十[一二三四五]?|[一二三四五六七八九])五”?|第[一二三四五六七八九十]+个五年")
_PLAN_ADDRESSED = lazy_re(r"(?:为|对|就|向|给|围绕)[^，,。；;！!？?\n]{0,4}$")
# A five-year plan said to have begun well (“十五五”开局良好, 实现良好开局): its first year has come.
# Not as an aim (确保“十五五”开局良好, 为…实现良好开局打下基础).
_PLAN_BEGUN = lazy_re(r"”?(?:规划|计划|时期)?(?:的)?(?:开局良好|实现了?良好开局|开局(?:起步)?(?:有力|稳健|顺利))")
# A plan's period whose achievements are told (“十三五”时期发展成就, “十四五”期间取得的重大成就,
# “十三五”期间科普工作成效显著): its years have come. Not more achievements still aimed at
# (在“十五五”时期取得更大成就, 取得新成效).
_PLAN_ACHIEVED = lazy_re(
    r"”?(?:规划|计划)?(?:时期|期间)(?:的)?(?:[^，,。；;！!？?\n更新再]{0,8}?)"
    r"(?:(?:发展|建设|改革|重大|重要|主要|巨大|显著|历史性)?成就|成效(?:显著|明显|突出|斐然)"
    r"|取得了[^，,。；;！!？?\n更新再]{0,6}?成效)")
# A sentence set in a plan's period and telling it as done (“十五五”期间，我省已经…形成了…): the
# period has come, or the plan is in hand (“十四五”期间，已储备项目200个: ``_in_hand_lead``).
_PERIOD_OPENS = lazy_re(r"”?(?:规划|计划)?(?:期间|时期)?[，,]")
_PERIOD_WORDS = ("期间", "时期")
_OPENS_CLAUSE = lazy_re(r"(?:^|[。！!？?；;，,\n\r]|[。！!？?；;，,\n\r][ \t\u3000]{1,3})“?$")
_OPENS_SENTENCE = lazy_re(r"(?:^|[。！!？?；;\n\r]|[。！!？?；;\n\r][ \t\u3000]{1,3})“?$")
# A five-year plan whose targets are reported met (“十三五”规划主要目标任务胜利完成): its last year
# has come, or nearly (``valid_to`` less ``GRACE``). Not ahead of time (提前完成), not about to be
# (即将, 有望), not as an aim (确保、全力完成…), not the state of progress (目标任务完成情况).
_PLAN_COMPLETED = lazy_re(
    r"”?(?:规划|计划)?(?:纲要)?(?:确定的|提出的|的)?(?:主要|各项)?(?:目标任务|目标|任务|指标)"
    r"(?:已经|已)?(?:胜利|圆满|如期|全面|基本|顺利)?(?:完成|实现)(?!情况|进度|程度|率|度|的?时间)")
# A plan's period as the base of a change (从“十三五”时期的48%提高到55%, 比“十三五”末增长20%,
# 较“十三五”期间下降): the period is over, or nearly (``valid_to`` less ``GRACE``). Not its start
# (比“十三五”初提高: the plan has begun).
_BASE_BEFORE = lazy_re(r"(?:从|比|较)“?$")
_BASE_OF_CHANGE = lazy_re(
    r"”?(?:规划|计划)?(?:时期|期间|末期|末)(?:的[^，,。；;！!？?\n]{0,12}?)?"
    r"(?:提高|提升|增加|增长|上升|下降|降低|减少|扩大|缩小)")
# A sentence or clause that opens on a plan's first or last year and narrates it (“十四五”开局之年，中央实行
# …，三季粮食捷报频传): that year has come. Not where it plans or calls for action (…开局之年，
# 全市将…, …要…).
_YEAR_OPENS = lazy_re(
    r"”?(?:规划|计划)?(?:的)?(?:(?P<first>开局之年|开局年|第一年|起步之年)|(?P<last>收官之年|收官年|最后一年))[，,]")
_CLAUSE_MARK = lazy_re(r"[，,；;：:。！!？?\n\r]")
_CLAUSE_REACH = 40
_PLAN_AIMED = lazy_re(r"确保|力争|争取|努力|为|推动|保障|奋力|迎接|要|以|实现|谋划|迈好")
_TITLE_OPEN = lazy_re(r"《[^《》\n]{0,40}$")
_TITLE_REST = lazy_re(r"[^《》\n]{0,40}》")
# The articles of a law or regulation (第十二条): its purpose clause outlives its amendments.
_ARTICLES = lazy_re(r"第[一二三四五六七八九十百零]+条")
_LAW_ARTICLES = 5
# Years a text names without 年: a cited number (〔2019〕, [2010]第…号) and a date written with
# separators (2019-10-18, 2019/10, 2019.10.18).
_NAMED_YEAR = lazy_regex(
    r"(?<![0-9])[〔\[［【(（](?P<year>(?:19|20)\d{2})[〕\]］】)）]"
    r"|(?<![0-9.])(?P<year>(?:19|20)\d{2})[-/.](?:0?[1-9]|1[0-2])(?![0-9])")
# How far beyond the latest year a text names a marker it treats as current must begin before
# Y202 calls it too early where the text has no upper bound of its own (``EraYears.named``).
NAMED_LEAD = 3
_NAMED_CLUSTER = 2
_DRAFT = lazy_re(r"征求意见稿|送审稿|草案|讨论稿|初稿|建议|编制|研究|思路|前期")
# How close to its start wording brings a five-year plan of the 规划 era (“十一五” on): drafting
# it (编制《…“十五五”规划》, 谋划“十五五”时期发展, “十五五”规划前期研究, a draft's title) begins at
# most three years ahead; saying it is about to begin (即将进入“十五五”) two; that it begins next
# year (明年…进入“十五五”时期) one. Looser planning (展望, 到“十五五”末) keeps the marker's lead.
_DRAFTING_LEAD, _IMMINENT_LEAD, _NEXT_YEAR_LEAD = 3, 2, 1
_PLAN_ERA_FROM = 2006
_DRAFTING_BEFORE = lazy_re(
    r"(?:编制|制定|制订|起草|谋划)[^，,。；;：:！!？?\n]{0,14}$")
_DRAFTING_AFTER = lazy_re(
    r"”?(?:规划|计划)?(?:纲要)?(?:的)?(?:编制|起草|制定|前期研究|思路研究|基本思路|前期谋划)"
    r"|”?(?:规划|计划)?(?:纲要)?(?:和[^，,。；;！!？?\n《》]{0,16}?纲要)?(?:的)?(?:草案|征求意见稿|送审稿|讨论稿)")
# 将进入“十五五”时期 says the same as 即将: unless the clause names when (2026年将进入…).
_IMMINENT_BEFORE = lazy_regex(
    r"(?:即将(?:进入|开启|迈入|开始|实施)"
    r"|(?<![0-9〇零一二三四五六七八九十]年[^，,。；;！!？?\n]{0,12})(?<![能可应已均都须需要])将要?(?:进入|迈入|开启))"
    r"[^，,。；;！!？?\n]{0,4}$")
_IMMINENT_AFTER = lazy_re(r"”?(?:规划|计划|时期|新征程|的征程)?[^，,。；;！!？?\n]{0,6}即将(?:开启|开始|到来)")
_NEXT_YEAR_BEFORE = lazy_re(
    r"(?:明年|下一年)(?:开始|起)?[，,]?[^，,。；;！!？?\n]{0,8}?(?:进入|开启|迈入|开始实施)[^，,。；;！!？?\n]{0,4}$")
# A plan of the 规划 era spoken of as in force, neither planned nor looked back on (“十五五”期间
# 全民科学素质工作, 解析“十五五”规划新特点), or reported as done in its own clause (衔接落实了
# …“十五五”规划的要求: what is done with a plan needs the plan): no sooner than its drafting,
# three years ahead. Not
# where another plan is named close by (“十四五”期间，…。⏎“十五五”期间，…: the stages of a long
# plan, each paragraph a period), nor as a horizon or an aim (着眼“十五五”, 为“十五五”打下基础,
# “十四五”乃至“十五五”, 争取纳入“十五五”规划); 和, 与 and 及 join a horizon only after a plan, a
# period or a year (“十四五”和“十五五”, not 国家重大战略部署和“十五五”规划).
_STAGES_BEFORE, _STAGES_AFTER = 400, 200
_OTHER_PLAN = lazy_re(r"(?<![〇零一二三四五六七八九十百第])(?:十[一二三四五]?|[一二三四五六七八九])五(?=”|规划|计划|时期|期间)")
_HORIZON_BEFORE = lazy_re(
    r"(?:(?:着眼|面向|立足|放眼|衔接|接续|对接|迎接|乃至|以至|争取|力争|纳入|列入|写入|储备)[^，,。；;！!？?\n]{0,6}"
    r"|(?:为|给|向|(?<=[”五期间年末])(?:及|和|与)|至|到|(?<![一二三四五六七八九十\d])、)[ \t\u3000]?)$")
_HORIZON_AFTER = lazy_re(r"”?[^，,。；;！!？?\n]{0,12}?(?:奠定|打下|打好|夯实|创造|积蓄|做好准备|做准备|基础|铺垫|衔接|发展需要|需要|需求)")

# The party's guiding formula names every theory adopted so far: one that stops short of the
# next (以邓小平理论、“三个代表”重要思想、科学发展观为指导, without 习近平新时代中国特色社会主义
# 思想) is wording of the years before that next one was added, the year given here.
_FORMULAS = (
    (lazy_re(r"毛泽东思想(?:、|和)邓小平理论为指导"), 2002),
    (lazy_re(r"邓小平理论(?:、|和)“三个代表”重要思想为指导"), 2012),
    (lazy_re(r"“三个代表”重要思想(?:、|和)科学发展观为指导"), 2017),
)

MENTION, CURRENT, FUTURE, PIN = "mention", "current", "future", "pin"
CURRENT_FRAMING = Framing(framings.CURRENT)


@dataclass(frozen=True, slots=True)
class MarkerHit:
    """One match of a marker: ``how`` says which kind of pattern matched."""

    marker: EraMarker
    span: Span
    how: str
    sentence: Span
    first: int | None = None  # for pins: the years the wording names
    last: int | None = None
    pin: Pin | None = None
    n: int | None = None  # for anniversaries: the count (改革开放30周年 -> 30)
    framing: Framing = CURRENT_FRAMING  # how the sentence frames the marker (framing.py)
    # The first year the wording itself allows: a marker looked back on since it began
    # (“十四五”以来) or whose congress has spoken (党的二十大报告提出) needs its first year; a plan
    # named as an issued document (《河北省科技创新“十四五”规划》) the year before it.
    exists_from: int | None = None
    # The first year planning wording allows (编制“十五五”规划: three years ahead; ``drafted_from``).
    drafted_from: int | None = None


class EraYears:
    """The year each part speaks from, for the era rules (``doc.facts(EraYears)``).

    The document year where there is one. A part whose text disagrees with itself has none
    (``今年是“八五”计划的开局之年`` beside ``2021年以来``: the anchor and the floor clash), yet it
    still cannot speak from before its floor, the latest year it treats as past or present: then
    the floor alone, a lower bound, against which only wording that treats a marker as current
    after its period can disagree.

    A law header's year is a floor too (collections leave later amendments out): a text that
    treats a later year as lived raises it to that year.

    A part known only from below (a floor, a law header) is bounded above by the markers it
    treats as current: a text that calls for carrying out 十九届五中全会精神 now speaks from no
    later than a year after the next congress. Only markers whose years reach the floor count
    (one treated as current before the floor is stale, for Y203 to report), and the earliest end
    among them bounds the part.
    """

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._years = doc.facts(DocumentYears)
        self._floors: dict[int, YearSource | None] = {}
        self._bounded: dict[int, YearSource | None] = {}
        self._named: dict[int, tuple[int, Span] | None] = {}

    @classmethod
    def from_document(cls, doc: Document) -> EraYears:
        return cls(doc)

    def at(self, offset: int) -> YearSource | None:
        part = self._years.part_at(offset).span
        if part.start not in self._bounded:
            source = self._years.at(offset)
            if source is None:
                source = self._floor(part)
            elif source.high is None:
                source = self._raised(part, source)
            elif source.source == "text":
                source = self._outvoted(part, source)
            if source is not None and source.high is None:
                source = _current_ceiling(self._doc, part, source) or source
            self._bounded[part.start] = source
        return self._bounded[part.start]

    def named(self, offset: int) -> tuple[int, Span] | None:
        """The latest year the part names in any way (lived, planned, cited, a span's end), with
        its span; None for a law (its header may leave later amendments out, its articles keep
        old wording). Where the part has no upper bound of its own, Y202 reads a marker far
        beyond it, named as current work, as too early (``era_check.unbounded``)."""
        part = self._years.part_at(offset).span
        if part.start not in self._named:
            self._named[part.start] = self._latest_named(part, self.at(offset))
        return self._named[part.start]

    def _latest_named(self, part: Span, source: YearSource | None) -> tuple[int, Span] | None:
        if source is not None and source.source == "revision":
            return None
        text = self._doc.text
        if len(_ARTICLES.findall(text, part.start, part.end)) >= _LAW_ARTICLES:
            return None
        named = [(m.value, m.span) for m in self._doc.facts(YearFacts).between(part.start, part.end)]
        named += [(int(m.group("year")), Span(*m.span("year")))
                  for m in _NAMED_YEAR.finditer(text, part.start, part.end)]
        if not named:
            return None
        best = max(named, key=lambda item: item[0])
        # The latest year must have company: a second mention of it or of the two years before
        # (1978年是伟大转折的一年 alone is a look back, not the text's time).
        near = [year for year, _ in named if best[0] - _NAMED_CLUSTER <= year <= best[0]]
        return best if len(near) >= 2 else None

    def _raised(self, part: Span, source: YearSource) -> YearSource:
        """A lower bound (a law's header, which may leave later amendments out) raised to the
        text's floor when the text treats a later year as lived: of two lower bounds the
        higher holds."""
        floor = self._floor(part)
        if floor is None or floor.low <= source.low:
            return source
        return YearSource(floor.low, floor.source, floor.span, floor.detail, (floor.low, None))

    def _outvoted(self, part: Span, anchor: YearSource) -> YearSource:
        """The year the text names as its present (今年是“十五五”开局之年), unless the rest of the
        text speaks from years before it: the latest year it treats as lived is more than a year
        earlier, and a marker it treats as current ended before the anchor (新冠肺炎疫情防控 as
        current work). Two witnesses against one: the floor, bounded by that marker, and the
        anchor is judged against them."""
        floor = self._floor(part)
        if floor is None or floor.high is not None or anchor.low <= floor.low + 1:
            return anchor
        bounded = _current_ceiling(self._doc, part, floor)
        if bounded is None or bounded.high is None or bounded.high >= anchor.low:
            return anchor
        return bounded

    def _floor(self, part: Span) -> YearSource | None:
        if part.start not in self._floors:
            found = textyear.evidence(self._doc, part)
            floor = found.floor
            # A floor the text keeps returning to is the year or the next (docyear).
            ceiling = floor + 1 if floor is not None and found.dominant else None
            self._floors[part.start] = None if floor is None else YearSource(
                floor, "text-floor", found.floor_span, f"{floor}年", (floor, ceiling))
        return self._floors[part.start]


def _current_ceiling(doc: Document, part: Span, source: YearSource) -> YearSource | None:
    """``source`` (a lower bound) bounded above by the earliest end, widened by ``GRACE``,
    of the markers the part treats as current that reach its floor, or of the guiding formula
    it states (``_FORMULAS``); None without any."""
    markers = marker_set(tuple(doc.settings.get("era_markers") or ()))
    text = doc.text
    if markers.trigger is None or len(_ARTICLES.findall(text, part.start, part.end)) >= _LAW_ARTICLES:
        return None  # a law keeps its first articles' wording through amendments
    best: tuple[int, Span] | None = None
    sentence = Span(0, 0)
    for key in markers.trigger.finditer(text, part.start, part.end):
        if key.end() > sentence.end:
            sentence = sentence_around(text, key.start(), key.end())
        for number in markers.by_key[markers.key_of(key)]:
            marker = markers.markers[number]
            if marker.valid_to is None or marker.names is not None \
                    or marker.valid_to + GRACE < source.low \
                    or (best is not None and marker.valid_to + GRACE >= best[0]):
                continue
            for pattern in marker.current_patterns:
                match = pattern.search(text, sentence.start, sentence.end)
                if match is None or not at_word_boundaries(text, *match.span()) \
                        or foreign_meeting(text, marker, *match.span()) \
                        or named_spirit(text, marker, match.end()):
                    continue
                span = Span(match.start(), match.end())
                passage = doc.facts(ReviewPassages).at(span.start)
                if framing(text, sentence, span, passage).kind == framings.CURRENT:
                    best = (marker.valid_to + GRACE, span)
                    break
    for pattern, last in _FORMULAS:
        if last + GRACE < source.low or (best is not None and last + GRACE >= best[0]):
            continue
        for match in pattern.finditer(text, part.start, part.end):
            span = Span(match.start(), match.end())
            sentence = sentence_around(text, span.start, span.end)
            passage = doc.facts(ReviewPassages).at(span.start)
            if framing(text, sentence, span, passage).kind == framings.CURRENT:
                best = (last + GRACE, span)
                break
    if best is None:
        return None
    ceiling, span = best
    return YearSource(source.low, "era-ceiling", span, text[span.start:span.end],
                      (source.low, ceiling))


class EraFacts:
    def __init__(self, hits: list[MarkerHit]) -> None:
        self.hits = hits

    @classmethod
    def from_document(cls, doc: Document) -> EraFacts:
        markers = marker_set(tuple(doc.settings.get("era_markers") or ()))
        years = doc.facts(DocumentYears)
        era_years = doc.facts(EraYears)
        text = doc.text
        windows: dict[tuple[int, int], Span] = {}
        sentence = Span(0, 0)
        for start, end, key in markers.keys_in(text):
            if end > sentence.end:  # keys come in order: most share a sentence
                sentence = sentence_around(text, start, end)
            for number in markers.by_key[key]:
                windows.setdefault((number, sentence.start), sentence)
        for number in markers.unkeyed:
            for part in years.parts:
                windows[(number, part.span.start)] = part.span
        hits: dict[tuple[str, str, int, int], MarkerHit] = {}
        by_sentence: dict[Span, list[int]] = {}
        for (number, _), window in windows.items():
            by_sentence.setdefault(window, []).append(number)

        def review_at(offset: int) -> Reach | None:  # asked for only where a marker matched
            return doc.facts(ReviewPassages).at(offset)

        pin_words = markers.pin_words
        for window, numbers in by_sentence.items():
            source = era_years.at(window.start)
            named = era_years.named(window.start) if unbounded(source) else None
            window_text = text[window.start:window.end]
            scope = _Scope(window, window_text, source, "年" in window_text,
                           named[0] if named is not None else None,
                           pin_words is None or pin_words.search(text, *window) is not None)
            for number in numbers:
                for hit in _search(text, markers.markers[number], scope, review_at):
                    hits.setdefault((hit.marker.id, hit.how, hit.span.start, hit.span.end), hit)
        chosen = [h for h in hits.values() if h.how not in (CURRENT, FUTURE)
                  or doc.facts(EventNames).named(h.marker, h.sentence, h.span)]
        return cls(sorted(chosen, key=lambda h: (h.span.start, h.span.end)))


def unbounded(source: YearSource | None) -> bool:
    """Whether a part's year has no upper bound of its own: none, a floor, or a ceiling drawn from
    the markers it treats as current (no bound for judging those markers)."""
    return source is None or source.high is None or source.source == "era-ceiling"


def sentence_around(text: str, start: int, end: int) -> Span:
    """The sentence holding ``text[start:end]``, cut to ``_WINDOW`` characters on each side."""
    low = max(0, start - _WINDOW)
    high = min(len(text), end + _WINDOW)
    before = _SENTENCE_END.search(text[low:start][::-1])
    left = start - before.start() if before else low
    after = _SENTENCE_END.search(text, end, high)
    return Span(left, after.end() if after else high)


def exists_from(text: str, marker: EraMarker, start: int, end: int, limit: int) -> int | None:
    """The first year the wording at ``start``..``end`` allows by itself (``MarkerHit``)."""
    if marker.valid_from is None:
        return None
    if text[start:end].endswith("以来") or _SINCE.match(text, end, limit) is not None:
        return marker.valid_from
    if marker.kind in _MEETINGS and _SPOKEN.match(text, end, limit) is not None:
        return marker.valid_from
    if marker.kind == "five_year_plan":
        # The wording after the plan's name, whatever the pattern took of it (“十五五”开局).
        name = _PLAN_NAME.search(text, start, end)
        after = name.end() if name is not None else end
        spoken = _PLAN_SPOKEN.match(text, after, limit)
        if spoken is not None and spoken.group("plan") \
                and _PLAN_ADDRESSED.search(text, max(0, start - 8), start) is None:
            return marker.valid_from - _in_hand_lead(marker)
        aimed = _PLAN_AIMED.search(text, _clause_start(text, start), start) is not None
        if (_PLAN_BEGUN.match(text, after, limit) is not None
                or _PLAN_ACHIEVED.match(text, after, limit) is not None) and not aimed:
            return marker.valid_from
        if _PLAN_COMPLETED.match(text, after, limit) is not None and marker.valid_to is not None \
                and not aimed:
            return marker.valid_to - GRACE
        if marker.valid_to is not None and _BASE_BEFORE.search(text, max(0, start - 2), start) \
                and _BASE_OF_CHANGE.match(text, after, limit) is not None:
            return marker.valid_to - GRACE
        year = _YEAR_OPENS.match(text, after, limit)
        if year is not None and marker.valid_to is not None \
                and _OPENS_CLAUSE.search(text, max(0, start - 4), start) \
                and not plans_or_calls(text, year.end(), limit):
            return marker.valid_from if year.group("first") else marker.valid_to
        period = _PERIOD_OPENS.match(text, after, limit)
        if period is not None and any(w in text[start:period.end()] for w in _PERIOD_WORDS) \
                and _OPENS_SENTENCE.search(text, max(0, start - 4), start) \
                and told_as_done(text, period.end(), limit):
            return marker.valid_from - _in_hand_lead(marker)
        opening = _TITLE_OPEN.search(text, max(0, start - 40), start)
        closing = _TITLE_REST.match(text, end, limit)
        if opening is not None and closing is not None:
            if not _DRAFT.search(text, opening.start(), closing.end()):
                return marker.valid_from - 1
            if marker.valid_from >= _PLAN_ERA_FROM:
                return marker.valid_from - _DRAFTING_LEAD  # a draft of the plan
    return None


def _in_hand_lead(marker: EraMarker) -> int:
    """How long before its start a plan may be in hand: a plan of the 规划 era from its drafting
    (``_DRAFTING_LEAD``: 落实了…“十五五”规划提出的目标任务 in 2023), an older one the year before."""
    assert marker.valid_from is not None
    return _DRAFTING_LEAD if marker.valid_from >= _PLAN_ERA_FROM else 1


def _clause_start(text: str, offset: int) -> int:
    """Where the clause holding ``offset`` begins (after the nearest clause mark before it)."""
    low = max(0, offset - _CLAUSE_REACH)
    marks = list(_CLAUSE_MARK.finditer(text, low, offset))
    return marks[-1].end() if marks else low


def drafted_from(text: str, marker: EraMarker, sentence: Span, clause: Span, start: int,
                 end: int) -> int | None:
    """The first year planning wording allows for a five-year plan of the 规划 era (the
    ``_DRAFTING_LEAD`` and its kin), or for a meeting said to be about to open (党的二十一大即将
    召开之际: the year before it at the earliest), whatever the marker's own lead; None for other
    wording."""
    if marker.kind in _MEETINGS and marker.valid_from is not None \
            and _MEETING_IMMINENT.match(text, end, clause.end):
        return marker.valid_from - 1
    if marker.kind != "five_year_plan" or marker.valid_from is None \
            or marker.valid_from < _PLAN_ERA_FROM:
        return None
    low = max(clause.start, start - 24)
    if _NEXT_YEAR_BEFORE.search(text, max(sentence.start, start - 24), start):
        return marker.valid_from - _NEXT_YEAR_LEAD
    if _IMMINENT_BEFORE.search(text, low, start) or _IMMINENT_AFTER.match(text, end, clause.end):
        return marker.valid_from - _IMMINENT_LEAD
    if _DRAFTING_BEFORE.search(text, low, start) or _DRAFTING_AFTER.match(text, end, clause.end):
        return marker.valid_from - _DRAFTING_LEAD
    return None


def in_force_from(text: str, marker: EraMarker, sentence: Span, clause: Span, start: int,
                  end: int) -> int | None:
    """The first year a plan of the 规划 era can be spoken of as in force (``_HORIZON_BEFORE``
    and its kin say when it is not): its drafting lead; None for other markers and wording."""
    if marker.kind != "five_year_plan" or marker.valid_from is None \
            or marker.valid_from < _PLAN_ERA_FROM:
        return None
    if _in_stages(text, start, end):
        return None
    if _HORIZON_BEFORE.search(text, max(clause.start, start - 8), start) \
            or _HORIZON_AFTER.match(text, end, clause.end):
        return None
    return marker.valid_from - _DRAFTING_LEAD


def _in_stages(text: str, start: int, end: int) -> bool:
    """Whether the plan at ``start``..``end`` may be one of the stages of a long plan: the plan
    before or after it is named within a few paragraphs, in any order and in any form (a
    carbon-peak plan gives “十五五”期间…达峰 before “十四五”期间…新增 within one item; a cited
    title 《…“十四五”…规划》 may sit beside “十五五”期间 targets). Stages follow each other: a
    plan two apart (“十三五” beside “十五五”, with no “十四五”) is no stage of it."""
    own = text[start:end]
    name = _OTHER_PLAN.search(own)
    number = _plan_number(name.group()) if name is not None else None
    for match in _OTHER_PLAN.finditer(
            text, max(0, start - _STAGES_BEFORE), min(len(text), end + _STAGES_AFTER)):
        if match.group() in own:
            continue
        if number is None or abs(_plan_number(match.group()) - number) == 1:
            return True
    return False


def _plan_number(name: str) -> int:
    """The number of a five-year plan named by its ordinal (十三五: 13, 九五: 9, 十五: 10)."""
    return numerals.number(name[:-1])


def as_horizon(text: str, sentence: Span, span: Span) -> bool:
    """Whether the clause holds the marker at ``span`` as a horizon or an aim (着眼“十五五”,
    为“十五五”打下基础, 争取纳入“十五五”规划), not as work in hand."""
    clause = clause_around(text, sentence, span)
    return bool(_HORIZON_BEFORE.search(text, max(clause.start, span.start - 8), span.start)
                or _HORIZON_AFTER.match(text, span.end, clause.end))


def named_spirit(text: str, marker: EraMarker, end: int) -> bool:
    """Whether a campaign's or an event's wording ending at ``end`` is the name of a spirit
    (抗击“非典”精神, 抗洪精神): ``_SPIRIT``."""
    return marker.kind not in _SPIRIT_FREE and _SPIRIT.match(text, end) is not None


def foreign_meeting(text: str, marker: EraMarker, start: int, end: int) -> bool:
    """Whether the congress or plenum at ``start``..``end`` is another party's (越共十三大)."""
    if marker.kind not in _MEETINGS:
        return False
    ordinal = _ORDINAL.search(text, start, end)
    return ordinal is not None and _FOREIGN_PARTY.search(
        text, max(0, ordinal.start() - _FOREIGN_REACH), ordinal.start()) is not None


def outside(year: int, first: int | None, last: int | None, grace: int = GRACE) -> bool:
    """Whether ``year`` falls outside ``first``..``last`` widened by ``grace`` years."""
    too_early = first is not None and year < first - grace
    return too_early or (last is not None and year > last + grace)


class _Scope:
    """A sentence the markers are searched in, with what every marker's search there asks of
    its year (worked out once per sentence, not once per marker)."""

    __slots__ = ("exact", "high", "low", "may_pin", "names_year", "reach", "source", "text",
                 "window")

    def __init__(self, window: Span, text: str, source: YearSource | None, names_year: bool,
                 named: int | None, may_pin: bool = True) -> None:
        self.window = window
        self.text = text
        self.source = source
        self.names_year = names_year
        self.may_pin = may_pin  # the sentence holds one of the pins' words (``pin_words``)
        high = source.high if source is not None else None
        # A plain mention is judged against earliest_mention; one looking back since the
        # marker began (“十四五”以来) against valid_from, an issued plan against the year
        # before. Without an upper bound, every marker beyond the latest year the text names
        # (``EraYears.named``): Y202 weighs them together.
        self.reach = named if high is None or (named is not None and named < high) else high
        self.low = source.low if source is not None else None
        self.high = high
        self.exact = source is not None and source.exact

    def worth_searching(self, first: int | None, last: int | None) -> bool:
        """Whether current or future wording could disagree here: the document year lies wholly
        outside ``first``..``last`` (with grace), or the sentence names a year of its own that
        an unknown or inexact document year cannot overrule."""
        if self.source is None:
            return self.names_year
        if last is not None and self.low > last + GRACE:
            return True
        if first is not None and self.high is not None and self.high < first - GRACE:
            return True
        return self.names_year and not self.exact


def _search(text: str, marker: EraMarker, scope: _Scope,
            review_at: Callable[[int], Reach | None]) -> list[MarkerHit]:
    kinds = []
    limit = marker.mention_limit
    if scope.reach is not None and limit is not None and scope.reach < limit:
        kinds.append((MENTION, marker.patterns))
    if scope.worth_searching(marker.valid_from, marker.valid_to):
        kinds.append((CURRENT, marker.current_patterns))
    future_from = marker.earliest_mention or marker.valid_from
    if scope.worth_searching(future_from, marker.valid_to):
        kinds.append((FUTURE, marker.future_patterns))
    pins = marker.pins if scope.may_pin else ()
    if not kinds and not pins:
        return []  # most markers of a consistent document: nothing could disagree
    window, window_text = scope.window, scope.text
    source, names_year = scope.source, scope.names_year
    hits: list[MarkerHit] = []
    for how, patterns in kinds:
        for pattern in patterns:
            if not window_filter(pattern).admits(window_text):
                continue
            for match in pattern.finditer(text, window.start, window.end):
                if match.end() > match.start() and at_word_boundaries(text, *match.span()):
                    if foreign_meeting(text, marker, *match.span()) or (
                            how != MENTION and named_spirit(text, marker, match.end())):
                        continue
                    span = Span(match.start(), match.end())
                    clause = clause_around(text, window, span)
                    framed = framing(text, window, span, review_at(span.start))
                    if framed.kind == framings.CURRENT and superseded(text, marker.keys, span):
                        framed = Framing(framings.RETROSPECTIVE)
                    drafted = drafted_from(text, marker, window, clause, span.start, span.end)
                    # Work in hand, or looked back on (五年来…“十四五”时期的5.3倍): a plan is
                    # not reviewed before its drafting.
                    if drafted is None and how == MENTION and framed.kind != framings.PLANNED:
                        drafted = in_force_from(text, marker, window, clause, span.start, span.end)
                    hits.append(MarkerHit(marker, span, how, window, framing=framed,
                                          exists_from=exists_from(text, marker, span.start,
                                                                  span.end, window.end),
                                          drafted_from=drafted))
    for pin in pins:
        # A pin is judged against a year written in its sentence (Y201), or, for wording that
        # speaks of the present, against the document year (Y203).
        if not names_year and not (pin.current and source is not None):
            continue
        for pattern in pin.patterns:
            if not window_filter(pattern).admits(window_text):
                continue
            for match in pattern.finditer(text, window.start, window.end):
                if not at_word_boundaries(text, *match.span()) \
                        or foreign_meeting(text, marker, *match.span()):
                    continue
                first, last = pin.years(match)
                count = None
                if pin.base_of(match) is not None:
                    count = numerals.number(match.group("n"))
                span = Span(match.start(), match.end())
                hits.append(MarkerHit(marker, span, PIN, window, first, last, pin, count,
                                      framing(text, window, span, review_at(span.start))))
    return hits
