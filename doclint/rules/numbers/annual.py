"""Linking ``年均增长r`` to the values it connects and the number of years.

Three shapes are linked:

* a change in the same sentence: ``由A增加到B，年均增长r`` (or ``B，比…增长d，年均递增r``,
  where the start is B − d);
* a stated multiple: ``比1989年增长近两倍，年均增长9.3%``;
* a plan target whose start the document stated earlier: ``地区生产总值达到55亿元，年均递增
  22.5%``, with ``地区生产总值实现20.48亿元`` before it.

The number of years comes from two explicit years when they differ, otherwise from the
period stated for the claim's passage: a period phrase in its sentence, or one that opens an
earlier sentence of its paragraph (这五年，…; 今后五年，…; “十一五”时期…), looking the way the
claim looks (back for a review, ahead for a target). With neither, or with years that make no
sense, nothing is linked. Nothing is linked across a year-on-year comparison (比上年增加d，
年均增长r), a cumulative total, or, for a target's start value, another part of the file.
"""

from __future__ import annotations

import re
from dataclasses import replace

from doclint.core import Span
from doclint.core.lazyregex import lazy_re
from doclint.rules.numbers.change import FALLING_VERBS, Claim, claims_after, is_claim_clause
from doclint.rules.numbers.numerals import chinese_to_number
from doclint.rules.numbers.passages import (
    PLAIN,
    Passages,
    PeriodHint,
    YearMention,
    clause_end,
    clause_start,
    is_real_growth,
    is_target,
    label_of,
    marker_for,
    period_for,
    same_scope,
    scope_of,
    sentence_bounds,
    sentence_start,
    years_in,
)
from doclint.rules.numbers.quantities import AMOUNT, PERCENT, TIMES, Quantities, Quantity
from doclint.rules.numbers.relations import AnnualGrowth, Change

_ANNUAL = lazy_re(
    r"年均(?P<verb>递增|递减|增长|增加|提高|上升|下降|减少|降低|增速|增幅)(?:了|为|达到|达)?")
_SUBJECTLESS = lazy_re(r"(?:同比|其中)?$")
_DOUBLING = lazy_re(r"翻(?P<n>一|两|二|三)番")
_PLAN_CONTEXT = lazy_re(
    r"目标|今后|未来|到(?:[0-9０-９]{4}|[一二][〇○零0０一二三四五六七八九]{3})年(?!底|末)")
# A five-year plan named in a target sentence: its averages run from the plan's base year.
_PLAN_NAMED = lazy_re(r"“?(?P<n>十[一二三四五]?|[一二三四五六七八九])五”?(?:时期|期间|规划|计划|期末|末)")
# A total over the period (五年累计完成投资500亿元) does not grow at the average rate.
_CUMULATIVE = lazy_re(r"累计|总计|合计|共计|五年共|期间共")
# What makes a year the base of a comparison: 比1998年, 较2015年, 与2010年相比.
_COMPARED = lazy_re(r"(?:比|较|与|同)$")
_MAX_MENTIONS = 30
_MIN_YEARS = 2
_MAX_YEARS = 30
# How far back a target's start value may be stated: a speech's review and its goals.
_START_WINDOW = 10_000


def find_annual(text: str, quantities: Quantities, changes: list[Change],
                passages: Passages = PLAIN) -> list[AnnualGrowth]:
    """Every ``年均增长r`` the text links to its values and years.

    ``passages`` knows the file's paragraphs and parts (articles, page copies): a period
    is read inside one paragraph, a plan target's start value inside one part.
    """
    by_end = {c.end.start: c for c in changes if c.start is not None}
    found = []
    at = text.find("年均")
    while at != -1:
        match = _ANNUAL.match(text, at)
        if match:
            numbers = quantities.within(match.end(), match.end() + 16)
            if numbers and numbers[0].start == match.end() and numbers[0].kind == PERCENT:
                rate = numbers[0]
                if match.group("verb") in FALLING_VERBS and rate.value > 0:
                    rate = rate._replace(value=-rate.value)
                growth = _link(text, quantities, at, rate, by_end, passages)
                if growth is not None:
                    found.append(growth)
        at = text.find("年均", at + 2)
    return found


def _link(text: str, quantities: Quantities, at: int, rate: Quantity,
          by_end: dict[int, Change], passages: Passages) -> AnnualGrowth | None:
    s0, s1 = sentence_bounds(text, at)
    c0 = clause_start(text, at, s0)
    if not _SUBJECTLESS.match(text[c0:at]) or c0 <= s0 or text[c0 - 1] not in "，,":
        return None
    end, chain = _value_before(text, quantities, c0, s0)
    if end is None or _CUMULATIVE.search(text, clause_start(text, end.start, s0), end.start):
        return None
    if any(claim.year_on_year for claim in chain):
        # 比上年增加d，年均增长r: the increase covers one year, the average a period.
        return None
    sentence = text[s0:s1]
    target = is_target(sentence)
    basis = marker_for(text, s0, s1, end.start, rate.end)
    base = AnnualGrowth("", rate, 0, (), end=end, basis=basis, target=target)
    change = by_end.get(end.start)
    if change is not None and change.start is not None:
        years = _years(change.start_year, change.end_year, text, s0, at, target, passages)
        if years is None:
            return None
        return replace(base, label=change.label, years=years[0], years_from=years[1],
                       start=change.start, real=change.real)
    label = label_of(text[clause_start(text, end.start, s0) : end.start])
    increase = next((c.quantity for c in chain if c.quantity.comparable(end)), None)
    multiple = next((c.quantity for c in chain if c.quantity.kind in (TIMES, PERCENT)), None)
    if increase is not None or multiple is not None:
        since = _compared_year(text, chain)
        years = _years(since, _sentence_year(text, s0, at, since), text, s0, at, target,
                       passages)
        if years is None:
            return None
        return replace(base, label=label, years=years[0], years_from=years[1],
                       increase=increase, multiple=multiple, real=is_real_growth(label))
    doubling = _DOUBLING.search(text, s0, at)
    if doubling is not None:
        return None  # NOTE: 翻番 targets round loosely; they are checked nowhere yet.
    return _planned(text, quantities, at, replace(base, label=label), by_end, passages)


def _value_before(text: str, quantities: Quantities, pos: int,
                  floor: int) -> tuple[Quantity | None, list[Claim]]:
    """Walk back over claim clauses (，比上年增长d，) to the value they are about."""
    stop = pos
    while pos > floor and text[pos - 1] in "，,":
        prev = clause_start(text, pos - 1, floor)
        if not is_claim_clause(text, quantities, prev, pos - 1):
            values = [q for q in quantities.within(prev, pos - 1) if q.kind == AMOUNT]
            if not values or values[-1].end != pos - 1 or values[-1].approx:
                return None, []
            end = values[-1]
            return end, claims_after(text, quantities, end.end, stop)
        pos = prev
    return None, []


def _planned(text: str, quantities: Quantities, at: int, base: AnnualGrowth,
             by_end: dict[int, Change], passages: Passages) -> AnnualGrowth | None:
    """A target (达到55亿元，年均递增22.5%) whose start value the document gave earlier."""
    label, end = base.label, base.end
    assert end is not None
    s0 = sentence_start(text, at)
    window = text[passages.paragraph_start(text, at) : at]
    if len(label) < 4 or not (is_target(text[s0:at]) or _PLAN_CONTEXT.search(window)):
        return None
    scope = scope_of(text[clause_start(text, end.start, s0) : end.start])
    earlier = _earlier_value(text, quantities, label, scope, end, by_end, passages)
    if earlier is None:
        return None
    start, start_year = earlier
    plan = _PLAN_NAMED.search(text, s0, at)
    if plan is not None and start_year is not None and start_year.year != _plan_base(plan):
        return None  # the plan's average runs from its base year, not from this start
    end_years = years_in(text, s0, at)
    years = _years(start_year, end_years[-1] if end_years else None, text, s0, at, True,
                   passages)
    if years is None:
        return None
    return replace(base, years=years[0], years_from=years[1], start=start, target=True,
                   real=is_real_growth(label))


def _earlier_value(text: str, quantities: Quantities, label: str, scope: str, end: Quantity,
                   by_end: dict[int, Change],
                   passages: Passages) -> tuple[Quantity, YearMention | None] | None:
    """The latest value of the same indicator stated before this sentence, and its year.

    Only a stated result counts, in the same part of the file, for the same place: a value
    in another target (a copy of the same plan, a later year's goal) is no start.
    """
    s0 = sentence_start(text, end.start)
    by_start = {c.start.start: c for c in by_end.values() if c.start is not None}
    floor = max(0, s0 - _START_WINDOW)
    pos = s0
    for _ in range(_MAX_MENTIONS):
        pos = text.rfind(label, floor, pos)
        if pos == -1 or not passages.same_part(pos, end.start):
            return None
        m0, m1 = sentence_bounds(text, pos)
        c0 = clause_start(text, pos, m0)
        c1 = clause_end(text, pos, m1)
        values = [q for q in quantities.within(pos, c1) if q.comparable(end)]
        if values and label_of(text[c0 : values[0].start]) == label:
            if is_target(text[m0:m1]) or not same_scope(scope, scope_of(text[c0 : pos])):
                return None
            change = by_start.get(values[0].start)
            if change is not None:
                return change.end, change.end_year
            years = _value_years(text, m0, values[0].start)
            return values[0], years[-1] if years else None
    return None


def _value_years(text: str, start: int, end: int) -> list[YearMention]:
    """The years a value may be of: not the base of a comparison (比1998年增长…), which an
    earlier clause of its sentence may name (2003年，…比1998年增长…；完成财政收入8.5亿元)."""
    return [y for y in years_in(text, start, end)
            if not _COMPARED.search(text, max(start, y.start - 2), y.start)]


def _plan_base(plan: re.Match[str]) -> int:
    """The year before a five-year plan starts: 2005 for “十一五” (2006—2010).

    The first two plans ran from 1953 and 1958; after the adjustment of 1963—1965 the third
    started in 1966, and every plan since has followed the one before.
    """
    number = int(chinese_to_number(plan.group("n")) or 0)
    start = 1953 + 5 * (number - 1) if number <= 2 else 1966 + 5 * (number - 3)
    return start - 1


def _compared_year(text: str, chain: list[Claim]) -> YearMention | None:
    """The year in ``比1989年增长…``."""
    for claim in chain:
        years = years_in(text, claim.clause.start, claim.quantity.start)
        if years:
            return years[0]
    return None


def _sentence_year(text: str, s0: int, at: int, since: YearMention | None) -> YearMention | None:
    for year in years_in(text, s0, at):
        if since is None or year.start != since.start:
            return year
    return None


def _years(since: YearMention | None, until: YearMention | None, text: str, s0: int, at: int,
           target: bool, passages: Passages) -> tuple[int, tuple[Span, ...]] | None:
    """Years between two explicit years, else from the period stated for the passage.

    When a review gives the year it compares with (比2015年增长…) but not the year it
    reaches, the period must come from the claim's own sentence: a period phrase further
    back need not start in that year.
    """
    if since is not None and until is not None and since.year != until.year:
        years = until.year - since.year
        if _MIN_YEARS <= years <= _MAX_YEARS:
            return years, (Span(since.start, since.end), Span(until.start, until.end))
        return None
    hint: PeriodHint | None = period_for(text, s0, at, target, passages)
    if hint is None or hint.years < _MIN_YEARS:
        return None
    if not target and since is not None and until is None and hint.start < s0:
        return None
    return hint.years, (Span(hint.start, hint.end),)
