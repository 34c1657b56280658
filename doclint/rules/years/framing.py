"""How a sentence frames an era marker: as current, as past, or as still to come.

Speeches look back on finished campaigns (``如期打赢脱贫攻坚战``, ``抗击非典取得重大胜利``) and
announce ones that have not started (``第七个五年计划也有了设想``, ``2022年召开党的二十大时``).
Neither is an anachronism. The era rules share this one reading of the wording:

* **planned**: the clause plans or announces (将, 即将, 筹备, 迎接, 设想, 召开…时, 到…年);
* **retrospective**: the clause reports it as done (如期, 成功, 经历了, 取得…胜利, 的历史意义,
  a verb with 了), or the sentence lists it among campaigns closed by 等等 and told as done
  (开展…，开展…，等等，为…下了猛药), or reviews a stretch of years (五年来, 过去十年, 回顾); a
  person's experience (曾参与, 参加过, 经历过) and a look back over history in general (回溯过往)
  look back with no bound unless the sentence states a period;
* **current** otherwise, and always when the clause itself calls for action (要, 确保, 继续):
  ``回顾“十五”工作，认真贯彻五中全会精神`` speaks of the present. Adverbs of manner (认真, 深入,
  扎实, 抓好) call for action only outside a stated review: ``五年来，……扎实开展党史学习教育``
  narrates what was done.

A retrospective sentence looks back over the years it names (五年来: 5) or since the turning
point it names (党的十八大以来, 进入新时代: 2012); without either a review reaches back
``REVIEW_YEARS``. A sentence with no framing of its own inside a passage that reviews a stated
period (``review``: 十年来，…… and the paragraphs after it) is retrospective over that period, unless
it names the present (抓好当前各项工作) or a sentence beside it in its paragraph calls for action
(要…): there the review has given way to the tasks ahead (``speaks_of_now``).
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from doclint.core.document import Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years.review import HISTORY, REVIEW_YEARS, Reach, calls_for_now, period_in

CURRENT, RETROSPECTIVE, PLANNED = "current", "retrospective", "planned"

_CLAUSE_MARK = regex.compile(r"[，,；;：:。！!？?\n\r]")
# Planning and announcing, before or after the marker in its clause.
# 将 plans, but not where it means 把 (能将…纳入, 已将其列入, 将两座支线机场列入省“十四五”规划: an
# object between 将 and the verb that disposes of it); 制定 and its kin plan, but not
# as the done deed of a title (制定的《“十四五”时期…方案》). 到 plans when it opens the clause or
# follows a word of aiming (到“十四五”末, 力争到2025年), not after a verb it completes
# (统一到党的二十大精神上来, 纳入到“十四五”规划之中, 写到党的二十大召开).
_PLANNED_BEFORE = lazy_regex(
    r"(?:将要|即将|(?<![能可应已均都须需要])将(?!近|其|之|它|他|她|这|那|此|本|该|所|有关|相关)"
    r"(?![^，,；;：:。]{1,30}?(?:列入|纳入|写入|编入|列为|融入|统一到|落实到|体现到|体现在|放在|摆在))"
    r"|拟|准备|筹备|筹办|迎接|正在(?:制订|制定|编制|研究|起草|谋划)"
    r"|(?:制订|制定|编制|起草|谋划|研究制定)(?![的了])|展望|下一个|下个|力争在|争取在"
    r"|(?:19|20)\d{2}年(?:召开|举办|举行)"
    r"|(?P<opening>^[ \t\u3000]*到)|(?<=力争|争取|预计|计划|确保|努力|目标是|要|可望|有望)到"
    r"|到(?=[ \t\u3000]?(?:19|20)\d{2}\s?年|[一二][〇○零一二三四五六七八九]{3}年))")
# A sentence that runs from one point to another (从2015年首次提出，到党的二十大报告提出) narrates.
_FROM = lazy_regex(r"(?:^|[，,；;>])[ \t\u3000]*(?:从|自从|由)")
_PLANNED_AFTER = lazy_regex(
    r"(?:设想|构想|前夕|召开(?:时|前|之前)|时的目标|即将(?:召开|开始|实施|到来)|的筹备|将于|将在|将要"
    r"|(?:19|20)\d{2}年(?:召开|举办|举行))")
# Reporting it as done.
_DONE_BEFORE = lazy_regex(
    r"(?:如期|成功地?|胜利地|已经|已|曾经|曾|先后|终于|一举|历史性地|当年|那时"
    r"|(?:经历|经受|战胜|取得|夺取|打赢|完成|实现|赢得|举办|召开|开展)了)")
_DONE_AFTER = lazy_regex(
    r"(?:取得了?[^，。；]{0,8}?(?:胜利|成就|成果|成效|进展|成功)|以来|之后|以后|结束后|期间取得|"
    r"的(?:世界意义|历史意义|重大意义|伟大胜利|伟大成就|成就|成果|经验|历程|胜利|成功))")
_DONE_OWN = lazy_regex(r"如期|已经|曾经")
# A chain of stages told from one to the next (从组建专班、摸清底数，到全面铺开，再到总结验收):
# the stages before the last are ones the sentence has run through. A stage opens with 从 or 由
# at a clause's start (after markup too: <p>从…; not 从严, 从源头, 从而…), the next with (再)到 at a clause's start, or right
# after the stage's own words (由治理整顿到深化改革). 到 a year (到2035年) aims, and does not end a
# stage.
_CHAIN_FROM = lazy_regex(
    r"(?:^|(?<=[，,；;：:。“\s\u3000>]))(?:从|由|自)(?!严|紧|重|快|实|优|简|速|宽|而|事|来|未|不|没"
    r"|此|中|头|源头|根本|长计议|今|现在|明年|下)")
_CHAIN_TO = lazy_regex(
    r"(?:^|(?<=[，,；;”]))[ \t\u3000]*(?:再|又|直|一直|乃至)?到(?![了位底达期来处家点头岗手场]"
    r"|[ \t\u3000]?(?:(?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})\s?年|本世纪|今年|明年|下一)")
_CHAIN_TO_NEXT = lazy_regex(r"(?:再|又)?到(?![了位底达期来处家点头岗手场])")
# One stage run straight into the next (由助力脱贫攻坚到巩固拓展成果, 从脱贫攻坚到乡村振兴).
_STAGE = lazy_regex(
    r"(?P<stage>[^，,。；;：:从由到\n\r]{1,16}?)(?:再|又)?到(?![了位底达期来处家点头岗手场]"
    r"|[ \t\u3000]?(?:(?:19|20)\d{2}|[一二][〇○零一二三四五六七八九]{3})\s?年|本世纪|今年|明年|下一)")
_PARAGRAPH_REACH = 300
# A quotation from the report of a numbered meeting (二次全会工作报告要求，“…”; 党的十八大报告
# 提出：“…”): the words are that meeting's, of its year, not the text's own present.
_QUOTED_REPORT = lazy_regex(
    r"(?:[一二三四五六七八九十]{1,3}次全会|[一二三四五六七八九十]{1,3}中全会|[一二三四五六七八九十]{1,3}大"
    r"|第[一二三四五六七八九十]{1,3}次[^，,。；;“”\n]{0,12}?(?:大会|会议|全会))"
    r"(?:的)?(?:工作)?(?:报告|决议|决定|公报)(?:中)?[^，,。；;“”\n]{0,4}?"
    r"(?:要求|提出|明确|强调|指出|部署|写道|宣示)[，,：:]?[ \t\u3000]?“$")
_QUOTE_REACH = 40
# A person's experience (他曾参与抗击非典, 作为参加过抗击非典的医生, 经历过…的考验): looking back
# over a life, with no bound on how far, unless the sentence states a period.
_EXPERIENCED = lazy_regex(
    r"曾(?!庆红|培炎|国藩)|(?<=[参与加历受击胜赢战斗身援做干当任证到去])过(?![去来年程渡度分头])")
# A list of past campaigns narrated in sequence (全党先后开展…、…等一系列学习教育): a review with no
# bound on how far back it reaches.
_IN_SEQUENCE = lazy_regex(r"先后|相继|接连")
_SERIES_AFTER = lazy_regex(r"^[^，。；]{0,30}?等(?:一系列|多项|多次|系列)")
# A list of past campaigns closed by 等等 and told as done (开展…，开展…，等等，为…下了一剂剂猛药).
_LISTED = lazy_regex(r"[^。；;！？!?]{0,60}?等等?[，,]")
_LISTED_DONE_REACH = 40
_STOP = regex.compile(r"[。；;！？!?]")
# A verb with the aspect particle 了, not 为了/除了/了解 and their kin.
_LE = lazy_regex(r"(?<![为除罢])了(?![解如不得结])")
# The clause calls for action now.
_NOW = lazy_regex(r"(?:要|必须|务必|继续|进一步|确保|正在|当前|今年|目前|毫不放松|高度警觉)")
# Adverbs of manner call for action too, but a review narrates with them as well: inside a
# sentence or passage that reviews a stated period (五年来，……扎实开展党史学习教育) they tell
# what was done.
_MANNER = lazy_regex(r"(?:认真|深入|全面|坚决|切实|扎实|着力|努力|全力|抓好|做好|落实好)")
# A sentence set in a plan's period (“十三五”期间，全力推进…) narrates that period.
_PLAN_PERIOD = lazy_regex(r"“?(?P<plan>(?:十[一二三四五]?|[一二三四五六七八九])五)”?(?:时期|期间)")
# A sentence reviewing the past in general.
_REVIEW = lazy_regex(
    r"回顾|历史上|那时|当年|多年来|近年来|近些年|这些年|以来，|历经"
    r"|取得了?[^，。；]{0,8}?(?:成就|胜利|成果)")


# The present named in a sentence's own words (抓好当前各项工作): not 目前 or 如今, which a review
# uses for where things stand after the years it reviews (目前已建成…).
_PRESENT_OWN = lazy_regex(r"当前|今年|眼下|现阶段|新的一年")
# A sentence before it that speaks of the present (我们对当前动荡中的…政局表示关切): the review
# has turned to now. Not 目前 or 如今 (where things stand after the years reviewed), and not the
# sentence after (…扎实开展党史学习教育。当前，…: the review's last sentence, then the turn).
_PRESENT_BEFORE = lazy_regex(r"当前|现在|眼下|现阶段")
# The sentences on either side of one inside a review passage (``speaks_of_now``); a line break
# ends the paragraph.
_NEIGHBOUR_END = regex.compile(r"[。！!？?\n\r]")
_NEIGHBOUR_REACH = 120
_BLANK = " \t\u3000\u00a0"


class Framing(NamedTuple):
    kind: str
    lookback: int | None = None  # retrospective: how many years back the wording reaches
    since: int | None = None  # retrospective: the year since which it looks back
    # retrospective: the marker's own clause reports it as done (对接了“十四五”规划), not only the
    # sentence or passage around it: what is done must have existed.
    done: bool = False
    until: int | None = None  # retrospective: the last year of a review of a named year or plan


def _looking_back(reach: Reach) -> Framing:
    return Framing(RETROSPECTIVE, reach.years, reach.since, until=reach.until)


def _set_in_plan(text: str, sentence: Span, span: Span) -> bool:
    """Whether the sentence is set in the period of the plan the marker names (“十三五”期间，
    全力推进“十三五”规划…; not “十三五”期间…，而“十四五”开局阶段…)."""
    own = text[span.start:span.end]
    return any(f"{match.group('plan')}”" in own or f"{match.group('plan')}规划" in own
               or f"{match.group('plan')}计划" in own
               for match in _PLAN_PERIOD.finditer(text, sentence.start, span.start))


def clause_around(text: str, sentence: Span, span: Span) -> Span:
    """The clause holding ``span``: between the nearest clause marks inside the sentence."""
    before = _CLAUSE_MARK.search(text[sentence.start:span.start][::-1])
    start = span.start - before.start() if before else sentence.start
    after = _CLAUSE_MARK.search(text, span.end, sentence.end)
    return Span(start, after.start() if after else sentence.end)


def framing(text: str, sentence: Span, span: Span, passage: Reach | None = None) -> Framing:
    """How the sentence frames the marker at ``span``; ``passage``: the period reviewed by the
    passage the sentence stands in, if any."""
    clause = clause_around(text, sentence, span)
    before = text[clause.start:span.start]
    after = text[span.end:clause.end]
    # Searched in the whole clause, so that 将 can see the verb that disposes of its object
    # when the marker is that object (将党的二十大报告列为必读书目); only a word before the marker.
    planned = next((m for m in _PLANNED_BEFORE.finditer(text[clause.start:clause.end])
                    if m.end() <= len(before)), None)
    if planned is not None and planned.group("opening") \
            and _FROM.search(text[sentence.start:clause.start]):
        planned = None
    if planned is not None or _PLANNED_AFTER.search(after):
        return Framing(PLANNED)
    if in_chain(text, sentence, span) or quoted_report(text, sentence, span):
        stated = period_in(text, sentence.start, sentence.end)
        return _looking_back(stated) if stated is not None else Framing(RETROSPECTIVE)
    # The marker's own wording counts as well: 如期全面建成小康社会, 战胜了非典.
    own = text[span.start:span.end]
    if _EXPERIENCED.search(before) or _EXPERIENCED.search(own):
        stated = period_in(text, sentence.start, sentence.end)
        return _looking_back(stated) if stated is not None else Framing(RETROSPECTIVE)
    if _DONE_BEFORE.search(before) or _DONE_OWN.search(own) or _DONE_AFTER.search(after) \
            or _LE.search(before) or _LE.search(own) or _LE.search(after):
        stated = period_in(text, sentence.start, sentence.end) or passage
        if stated is None and _IN_SEQUENCE.search(before) and _SERIES_AFTER.search(after):
            return Framing(RETROSPECTIVE, done=True)
        if stated is not None:
            return _looking_back(stated)._replace(done=True)
        return Framing(RETROSPECTIVE, REVIEW_YEARS, done=True)
    if _NOW.search(before):
        return Framing(CURRENT)
    if passage is not None and speaks_of_now(text, sentence, clause):
        passage = None
    stated = period_in(text, sentence.start, sentence.end)
    if _listed_as_done(text, sentence, span):
        return (_looking_back(stated or passage) if (stated or passage) is not None
                else Framing(RETROSPECTIVE, REVIEW_YEARS))._replace(done=True)
    if HISTORY.search(text, sentence.start, span.start):
        return Framing(RETROSPECTIVE)
    set_in_plan = _set_in_plan(text, sentence, span)
    if _MANNER.search(before) and stated is None and passage is None and not set_in_plan:
        return Framing(CURRENT)
    if stated is not None:
        return _looking_back(stated)
    if set_in_plan or _REVIEW.search(text, sentence.start, sentence.end):
        return Framing(RETROSPECTIVE, REVIEW_YEARS)
    if passage is not None:
        return _looking_back(passage)
    return Framing(CURRENT)


def speaks_of_now(text: str, sentence: Span, clause: Span) -> bool:
    """Whether a sentence inside a review passage speaks of the present after all: the marker's
    clause names the present (围绕…目标抓好当前各项工作; not a later clause of a long sentence,
    …以身殉职；…；今年防汛救灾中…), or the sentence before or after it in its paragraph calls
    for action now (要尊重群众首创精神。…。要坚持…), or the sentence before it speaks of the
    present (``_PRESENT_BEFORE``): the passage's review has given way to the tasks ahead, and
    the sentence is read as they are."""
    if _PRESENT_OWN.search(text, clause.start, clause.end):
        return True
    low = max(0, sentence.start - _NEIGHBOUR_REACH)
    head = text[low:sentence.start].rstrip(_BLANK)
    if head and head[-1] not in "\n\r":  # the paragraph holds a sentence before this one
        end = low + len(head)
        marks = list(_NEIGHBOUR_END.finditer(text, low, end - 1))
        before = marks[-1].end() if marks else low
        if calls_for_now(text, before, end) or _PRESENT_BEFORE.search(text, before, end):
            return True
    high = min(len(text), sentence.end + _NEIGHBOUR_REACH)
    tail = text[sentence.end:high].lstrip(_BLANK)
    if not tail or tail[0] in "\n\r":
        return False
    start = high - len(tail)
    stop = _NEIGHBOUR_END.search(text, start, high)
    return calls_for_now(text, start, stop.end() if stop is not None else high)


def told_as_done(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` reports something as done (已经, 已, 如期, a verb with 了) and
    plans nothing (``plans_or_calls``): the clauses after a stretch of time that open a sentence
    (“十三五”期间，我省已经…形成了…)."""
    if plans_or_calls(text, start, end):
        return False
    return bool(_DONE_BEFORE.search(text, start, end) or _LE.search(text, start, end))


def plans_or_calls(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` plans or announces (将, 即将, 到…) or calls for action now (要,
    确保, 继续 …)."""
    return bool(_PLANNED_BEFORE.search(text, start, end) or _PLANNED_AFTER.search(text, start, end)
                or _NOW.search(text, start, end))


def _listed_as_done(text: str, sentence: Span, span: Span) -> bool:
    """The marker is an item of a list closed by 等等, and the clause after it tells the items
    as done (……，等等，为…下了一剂剂猛药)."""
    listed = _LISTED.match(text, span.end, sentence.end)
    if listed is None:
        return False
    end = min(sentence.end, listed.end() + _LISTED_DONE_REACH)
    stop = _STOP.search(text, listed.end(), end)
    return _LE.search(text, listed.end(), stop.start() if stop else end) is not None


def in_chain(text: str, sentence: Span, span: Span) -> bool:
    """Whether the marker stands in a stage of a chain (从部署开展…，到开展…; 从…报告要求，“…”；
    到…报告明确…): a stage opened with 从 or 由 before it in the sentence, and a later stage opened
    with 到 after it, or its own clause opened with 到."""
    opening = _CHAIN_FROM.search(text, sentence.start, span.start)
    if opening is None:
        return False
    if _CHAIN_TO_NEXT.match(text, span.end) is not None \
            or _CHAIN_TO.search(text, span.end, sentence.end) is not None:
        return True
    # The last stage (…，到开展党史学习教育): told as the end of what the chain ran through.
    clause = clause_around(text, sentence, span)
    return clause.start > opening.end() and _CHAIN_TO.match(text, clause.start, span.start) is not None


def superseded(text: str, keys: tuple[str, ...], span: Span) -> bool:
    """Whether the paragraph holding ``span`` tells the marker's work as a stage that led on to
    another (由助力脱贫攻坚到巩固拓展成果，再到护航乡村振兴): the writer knows it is over, and the
    paragraph narrates it (中央纪委常委会多次强调，要打赢脱贫攻坚战…)."""
    if not keys:
        return False
    low = max(0, span.start - _PARAGRAPH_REACH)
    start = max(text.rfind("\n", low, span.start), text.rfind("\r", low, span.start), low - 1) + 1
    end = min(len(text), span.end + _PARAGRAPH_REACH)
    for mark in ("\n", "\r"):
        found = text.find(mark, span.end, end)
        if found >= 0:
            end = found
    for opening in _CHAIN_FROM.finditer(text, start, end):
        stage = _STAGE.match(text, opening.end(), end)
        if stage is not None and any(key in stage.group("stage") for key in keys):
            return True
    return False


def quoted_report(text: str, sentence: Span, span: Span) -> bool:
    """Whether the marker stands in a quotation from the report of a numbered meeting
    (二次全会工作报告要求，“围绕…”): the quotation speaks from that meeting's year."""
    low = max(sentence.start, span.start - _QUOTE_REACH)
    opening = text.rfind("“", low, span.start)
    if opening < 0 or "”" in text[opening:span.start]:
        return False
    return _QUOTED_REPORT.search(text, max(sentence.start, opening - _QUOTE_REACH),
                                 opening + 1) is not None
