"""Linking changes: ``由A增加到B``, ``B，比上年增加d，增长X%`` and ``年均增长r``.

A link is made only when the sentence leaves no doubt which numbers it relates: one start
and one end of the same unit, and claims (增长X%, 增加d, 年均递增r) in the clauses right
after them that have no subject of their own (``，比上年增长…``, ``，年均递增…``).
Parallel lists (``分别``, ``A、B增加到C、D``) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from doclint.core import Span
from doclint.core.lazyregex import lazy_re
from doclint.rules.numbers.passages import (
    clause_end,
    clause_start,
    is_index,
    is_real_growth,
    label_of,
    marker_for,
    sentence_bounds,
    years_in,
)
from doclint.rules.numbers.quantities import (
    AMOUNT,
    PERCENT,
    PERMILLE,
    POINTS,
    TIMES,
    Quantities,
    Quantity,
)
from doclint.rules.numbers.relations import Change

_TO_VERBS = frozenset(("增加", "增长", "提高", "上升", "扩大", "下降", "减少", "降低", "发展", "提升",
                       "跃升", "缩小", "回落", "攀升", "调整", "压缩", "减", "增", "降", "升"))
FALLING_VERBS = frozenset(("下降", "减少", "降低", "缩小", "回落", "压缩", "减", "降", "递减",
                           "净减", "减收", "少"))
_LEVEL_KINDS = (AMOUNT, PERCENT, PERMILLE)
_CLAIM_KINDS = (AMOUNT, PERCENT, PERMILLE, POINTS, TIMES)
_PARALLEL = lazy_re(r"分别|[、和及与]")
_BRACKETED = lazy_re(r"[（(][^）)]*[）)]")
# A claim clause: no subject of its own, then a verb, then the number.
_CLAIM = lazy_re(
    r"(?:即|也就是)?(?P<lead>同比|环比|比上年同期|比去年同期|比上年|比去年|较上年|较去年|比[0-9０-９]{4}年(?:底|末)?|比“?[^，,；;。\d]{1,10}?”?(?:期末|末|时期|年底|年末)"
    r"|较[0-9０-９]{4}年)?(?:累计|共)?"
    r"(?P<annual>年均)?"
    r"(?P<verb>递增|递减|增长|增加|提高|上升|扩大|下降|减少|降低|缩小|净增|净减|增收|减收|多|少|增幅|增速)"
    r"(?![到至])(?:了|为|达到|达)?"
)
# Comparisons with the year before: the claim covers one year, whatever period the passage
# speaks of.
_YEAR_ON_YEAR = lazy_re(r"同比|环比|比上年|比去年|较上年|较去年")
_DIGIT = lazy_re(r"[0-9０-９]")
# A 到/至 right after the last character a verb of _TO_VERBS may end in (增加到, 降至): led by
# the anchor, so the engine jumps between anchors and looks back at each, with no Python loop
# over every 到 of the text.
_AFTER_TO_VERB = {
    anchor: lazy_re(rf"{anchor}(?<=[{''.join(sorted({v[-1] for v in _TO_VERBS}))}]{anchor})")
    for anchor in ("到", "至")
}
# 增加/减少 with a digit right after it or one character on (增加12亿元, 减少了3个).
_CHANGE_BEFORE_DIGIT = {
    verb: lazy_re(rf"{verb}(?=[0-9０-９]|.[0-9０-９])", re.DOTALL) for verb in ("增加", "减少")
}


@dataclass(frozen=True, slots=True)
class Claim:
    """A number stated in a subject-free clause after a value: 增长X%, 增加d, 年均递增r."""

    quantity: Quantity
    annual: bool
    falling: bool
    clause: Span
    base: str = ""    # what the claim compares with: 比上年, 比2000年, 比“九五”期末 …

    @property
    def year_on_year(self) -> bool:
        """A change over the year before (同比, 比上年): one year, not a period."""
        return bool(_YEAR_ON_YEAR.match(self.base))


def claims_after(text: str, quantities: Quantities, begin: int, stop: int) -> list[Claim]:
    """The claims in the subject-free clauses that follow position ``begin`` up to ``stop``."""
    found: list[Claim] = []
    pos = begin
    while pos < stop and text[pos] in "，,":
        end = clause_end(text, pos + 1, stop)
        match = _CLAIM.match(text, pos + 1, end)
        if match is None:
            break
        numbers = quantities.within(match.end(), end)
        if not numbers or numbers[0].start - match.end() > 1 or numbers[0].kind not in _CLAIM_KINDS:
            break
        quantity = numbers[0]
        found.append(Claim(quantity, bool(match.group("annual")),
                           match.group("verb") in FALLING_VERBS, Span(pos + 1, end),
                           match.group("lead") or ""))
        pos = end
    return found


def is_claim_clause(text: str, quantities: Quantities, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is a subject-free claim: 比上年增长8.32亿元, 增长5%."""
    match = _CLAIM.match(text, start, end)
    if match is None:
        return False
    numbers = quantities.within(match.end(), end)
    return bool(numbers) and numbers[0].start - match.end() <= 1 and numbers[0].kind in _CLAIM_KINDS


def find_changes(text: str, quantities: Quantities) -> list[Change]:
    """Every ``由A…到B`` change and every ``B，比…增加d`` change of the text."""
    changes: dict[int, Change] = {}
    for change in _explicit_changes(text, quantities):
        changes.setdefault(change.end.start, change)
    for change in _implied_changes(text, quantities):
        changes.setdefault(change.end.start, change)
    return sorted(changes.values(), key=lambda c: c.end.start)


def _explicit_changes(text: str, quantities: Quantities) -> Iterator[Change]:
    for anchor in ("到", "至"):
        for match in _AFTER_TO_VERB[anchor].finditer(text):
            at = match.start()
            verb = _verb_before(text, at)
            if verb:
                change = _explicit(text, quantities, at, verb)
                if change is not None:
                    yield change


def _verb_before(text: str, at: int) -> str:
    for size in (2, 1):
        verb = text[max(0, at - size) : at]
        if verb in _TO_VERBS:
            return verb
    return ""


def _explicit(text: str, quantities: Quantities, at: int, verb: str) -> Change | None:
    if not _DIGIT.search(text, at, at + 16):
        return None
    origin = max(text.rfind("由", max(0, at - 60), at), text.rfind("从", max(0, at - 60), at))
    if origin == -1 or clause_end(text, origin, at) < at or "分别" in text[origin:at]:
        return None
    s0, s1 = sentence_bounds(text, at)
    if origin < s0:
        return None
    numbers = [q for q in quantities.within(origin, min(s1, at + 16)) if q.kind in _LEVEL_KINDS]
    before = [q for q in numbers if q.end <= at - len(verb)]
    after = [q for q in numbers if q.start > at]
    if not before or not after:
        return None
    start, end = before[0], after[0]
    if _PARALLEL.search(_BRACKETED.sub("", text[start.end : at - len(verb)])):
        return None
    if clause_end(text, at + 1, end.start) < end.start:
        return None
    if text[end.end : end.end + 1] in ("、", "和"):
        return None
    if not start.comparable(end) or start.ranged or end.ranged or start.ordinal or end.ordinal:
        return None
    label = label_of(text[clause_start(text, origin, s0) : origin])
    claims = claims_after(text, quantities, end.end, s1)
    start_years = years_in(text, origin, start.start)
    end_years = years_in(text, at, end.start)
    change = _change(text, label, start, end, claims, verb in FALLING_VERBS, Span(s0, s1),
                     start_years[-1].year if start_years else None)
    if change is None:
        return None
    return replace(change, start_year=start_years[-1] if start_years else None,
                   end_year=end_years[-1] if end_years else None)


def _implied_changes(text: str, quantities: Quantities) -> Iterator[Change]:
    """``B，比上年增加d，增长X%``: the start is B − d."""
    for verb in ("增加", "减少"):
        for match in _CHANGE_BEFORE_DIGIT[verb].finditer(text):
            change = _implied(text, quantities, match.start())
            if change is not None:
                yield change


def _implied(text: str, quantities: Quantities, at: int) -> Change | None:
    # The clause must start shortly before the verb (，比上年增加…), after a comma.
    if text.rfind("，", max(0, at - 14), at) == -1 and text.rfind(",", max(0, at - 14), at) == -1:
        return None
    s0, s1 = sentence_bounds(text, at)
    c0 = clause_start(text, at, s0)
    lead = _CLAIM.match(text, c0, at + 2)
    if lead is None or lead.start("verb") != at or lead.group("annual"):
        return None
    # Walk back over the claim clauses (，增长X%，) to the clause that holds the value.
    pos = c0
    while True:
        if pos <= s0 or text[pos - 1] not in "，,":
            return None
        prev = clause_start(text, pos - 1, s0)
        if not is_claim_clause(text, quantities, prev, pos - 1):
            break
        pos = prev
    values = [q for q in quantities.within(prev, pos - 1) if q.kind == AMOUNT]
    if not values or values[-1].end != pos - 1:
        return None
    end = values[-1]
    prefix = text[prev : end.start]
    if end.ranged or end.approx or "由" in prefix or "从" in prefix:
        return None
    claims = claims_after(text, quantities, end.end, s1)
    if not any(c.quantity.start >= at for c in claims):
        return None
    return _change(text, label_of(prefix), None, end, claims, False, Span(s0, s1))


def _change(text: str, label: str, start: Quantity | None, end: Quantity, claims: list[Claim],
            falling: bool, sentence: Span, start_year: int | None = None) -> Change | None:
    if is_index(label):
        return None
    increase = rate = None
    base = None if start is None else ""
    for claim in claims:
        q = claim.quantity
        if claim.annual:
            continue
        if base is None:
            base = claim.base
        elif claim.base and claim.base != base and not _names_year(claim.base, start_year):
            # 由2015年的A增加到2020年的B，比上年增长8%: compared with something else.
            continue
        # NOTE: 由52.23%提高到58.08%，提高X%: the X% may be relative or (wrongly) points; it
        # is kept as a rate and the growth-rate rule accepts either reading.
        as_increase = q.kind == POINTS if end.kind == PERCENT else q.comparable(end)
        if increase is None and as_increase:
            increase = _signed(q, claim.falling)
            falling = falling or claim.falling
        elif rate is None and q.kind in (PERCENT, TIMES) and not (end.kind == PERCENT
                                                                  and q.kind == TIMES):
            rate = _signed(q, claim.falling)
    if start is None and (increase is None or rate is None):
        return None
    return Change(label, start, end, increase, rate, falling, is_real_growth(label),
                  marker_for(text, sentence.start, sentence.end, (start or end).start,
                             claims[-1].clause.end if claims else end.end), sentence)


def _names_year(base: str, year: int | None) -> bool:
    """Whether a comparison (比2015年) names ``year``."""
    return year is not None and any(y.year == year for y in years_in(base, 0, len(base)))


def _signed(q: Quantity, falling: bool) -> Quantity:
    """Mark a quantity stated with 下降/减少 as negative, so arithmetic needs no flags."""
    if not falling or q.value < 0:
        return q
    return q._replace(value=-q.value)
