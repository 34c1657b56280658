"""What the era rules share: the year a marker hit is judged against, and its description."""

from __future__ import annotations

from dataclasses import dataclass

from doclint.core.diagnostic import Message, Related
from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_regex
from doclint.rules.years.context import compared_base, subject_before, year_reference
from doclint.rules.years.docyear import DocumentYears
from doclint.rules.years.eras import CURRENT as CURRENT_HOW
from doclint.rules.years.eras import (
    MENTION,
    NAMED_LEAD,
    PIN,
    EraFacts,
    EraYears,
    MarkerHit,
    drafted_from,
    unbounded,
)
from doclint.rules.years.framing import CURRENT, PLANNED, clause_around
from doclint.rules.years.mentions import YearFacts
from doclint.rules.years.review import RECENT_STRETCH
from doclint.rules.years.textyear import cited_year, lived

_NARRATIVE_REACH = 200
FLOOR_GRACE = 1
_PARAGRAPH = lazy_regex(r"\n|\r|<p[ >]|</p>|<br\s*/?>")
# “今年是…开局之年”: the clause says the present year is the pin's year, or a later clause of a
# chain that goes on saying what the present year is (今年是建党100周年，是“十四五”开局之年).
_PRESENT_SUBJECT = lazy_regex(
    r"(?:今年|本年|今年度)\s?[，,]?\s?(?:也|又|正|就|恰|将)?(?:是|为|正值|恰逢|适逢)[^，,。；;！!？?\n]{0,24}"
    r"(?:[，,、]\s?(?:也|又|更|还|正|同时)?(?:是|为|正值|恰逢|适逢)[^，,。；;！!？?\n]{0,24}){0,3}$")
_PRESENT_REACH = 100
# A sentence that speaks of the present in so many words (今年是…, 当前要…) is not about the year
# a narrative before it named.
_NOW_WORD = lazy_regex(r"今年|本年度|当前|目前|现在|如今|眼下")
# A stretch running to the present (自2006年组建以来, 2014年7月至今, 2001年…，18年来).
_TO_NOW = lazy_regex(r"以来|至今|(?<![0-9])(?:[0-9]{1,3}|[一二两三四五六七八九十几多]{1,3})多?年来")

@dataclass(frozen=True, slots=True)
class Reference:
    """The years a hit is compared with, and how to name them in a message."""

    ranges: tuple[tuple[int, int | None], ...]  # every range must disagree; high None: open
    message: Message
    related: tuple[Related, ...]
    floor_grace: int = FLOOR_GRACE

    def outside(self, first: int | None, last: int | None, grace: int) -> bool:
        """Whether every range falls wholly outside ``first``..``last`` widened by ``grace``; a
        floor alone (``high`` None: the latest year the text treats as lived) by
        ``floor_grace`` more, as a plan that lists the years it covers may pass for a text
        written in its last one."""
        for low, high in self.ranges:
            before = first is not None and high is not None and high < first - grace
            after = last is not None and low > last + grace + (self.floor_grace if high is None else 0)
            if not (before or after):
                return False
        return True

    def all_before(self, year: int) -> bool:
        return all(high is not None and high < year for _, high in self.ranges)


def reference_for(doc: Document, hit: MarkerHit, *, sentence: bool = True) -> Reference | None:
    """The years of the sentence when it names any (the wording is about them; every one must
    disagree), else the document year, as the range its source allows."""
    explicit = []
    if sentence:
        # Targets and plans (到2035年, 2030年前) are not the years the wording speaks of.
        source = doc.facts(EraYears).at(hit.span.start)
        latest = source.high if source is not None else None
        explicit = [m for m in doc.facts(YearFacts).between(hit.sentence.start, hit.sentence.end)
                    if lived(doc.text, m) and (latest is None or m.value <= latest)]
    if explicit:
        before = [m for m in explicit if m.start < hit.span.start]
        mention = before[-1] if before else explicit[0]
        text = doc.slice(mention.span)
        return Reference(tuple((m.value, m.value) for m in explicit),
                         Message(f"句中年份“{text}”", f"the year “{text}” of the sentence"),
                         (Related(mention.span, Message("句中年份", "year of the sentence")),))
    source = doc.facts(EraYears).at(hit.span.start)
    if source is None:
        return None
    message, related = year_reference(source)
    ranges: list[tuple[int, int | None]] = [(source.low, source.high)]
    narrated = _narrated_year(doc, hit.sentence)
    if narrated is not None:
        ranges.append((narrated, narrated))
    # A floor read from a document the text cites by number (苏发〔2019〕1号) is no year a plan
    # merely lists: it needs no grace beyond the marker's.
    cited = source.span is not None and cited_year(doc.text, source.span)
    return Reference(tuple(ranges), message, related, 0 if cited else FLOOR_GRACE)


def _narrated_year(doc: Document, sentence: Span) -> int | None:
    """The year a narrative has just named (1993年6月，兼任行长。他积极贯彻党的十四大精神): the
    nearest lived year in the sentences just before, inside the paragraph, that the wording is
    about (not a base it compares with: 与2008年相比). The wording may be about that year, so it
    must disagree as well; not where the sentence names the present (今年是…: ``_NOW_WORD``),
    nor where the text has come back to the present since that year: a stretch to now
    (自2014年开讲以来，…; 2001年…，18年来，…; 近年来，…), or a later word of the present
    (2014年改为…供水。…目前正值高峰期…: the narrative has ended)."""
    text = doc.text
    if _NOW_WORD.search(text, sentence.start, sentence.end):
        return None
    low = max(0, sentence.start - _NARRATIVE_REACH)
    for mark in _PARAGRAPH.finditer(text, low, sentence.start):
        low = mark.end()
    # A base the present is compared with (与2008年一季度相比) sets no time of its own.
    mentions = [m for m in doc.facts(YearFacts).between(low, sentence.start)
                if lived(text, m) and not compared_base(text, m)]
    if not mentions:
        return None
    last = mentions[-1]
    if _TO_NOW.search(text, last.end, sentence.start) \
            or RECENT_STRETCH.search(text, last.end, sentence.start) \
            or _NOW_WORD.search(text, last.end, sentence.start):
        return None
    return last.value


def subject_pins(doc: Document) -> list[Span]:
    """Spans of pins that Y201 judges with their own subject year (so Y203 leaves them)."""
    spans = []
    for hit in doc.facts(EraFacts).hits:
        if hit.how == PIN and not present_pin(doc, hit) \
                and subject_before(doc, hit.sentence, hit.span.start) is not None:
            spans.append(hit.span)
    return spans


def present_pin(doc: Document, hit: MarkerHit) -> bool:
    """Whether the pin is what the present year is said to be (今年是“十四五”开局之年): wording
    about the present, judged like current wording (Y203) against the document year, or the
    floor of the text where there is none (``EraYears``). Y201 leaves these to Y203: one finding
    per defect. A pin whose nearest subject is an explicit year (今年是2005年…) is Y201's."""
    if hit.how != PIN:
        return False
    low = max(hit.sentence.start, hit.span.start - _PRESENT_REACH)
    if _PRESENT_SUBJECT.search(doc.text, low, hit.span.start) is None:
        return False
    subject = subject_before(doc, hit.sentence, hit.span.start)
    return subject is None or subject.source is not None


def earliest_for(hit: MarkerHit) -> int | None:
    """The first year the wording is plausible (Y202): planning and announcing may come early
    (编制“十四五”规划), though a plan of the 规划 era is drafted at most three years ahead
    (``drafted_from``); looking back since the marker began (“十四五”以来), a congress that has
    spoken (党的二十大报告提出) or a plan issued as a document needs more (``exists_from``)."""
    if hit.framing.kind == PLANNED:
        years = [hit.marker.announced_from(), hit.drafted_from]
    else:
        years = [hit.marker.earliest_mention, hit.exists_from, hit.drafted_from]
    known = [y for y in years if y is not None]
    return max(known) if known else None


def too_early(doc: Document) -> list[MarkerHit]:
    """The mentions Y202 reports: before the first year their wording is plausible
    (``earliest_for``) by the document year's upper bound; one per marker and sentence."""
    years = doc.facts(EraYears)
    early = []
    for hit in doc.facts(EraFacts).hits:
        if hit.how != MENTION:
            continue
        source = years.at(hit.span.start)
        earliest = earliest_for(hit)
        if source is not None and source.high is not None and earliest is not None \
                and source.high < earliest:
            early.append(hit)
    return first_per_sentence(early)


# Kinds of marker that a text speaking of its present names as current work; institutions,
# regulations, standards and taxes are named in passing, long after and long before.
_WORK_KINDS = frozenset({"five_year_plan", "party_congress", "party_plenum", "legal_education",
                         "campaign", "event", "policy", "goal", "slogan", "ideology"})


@dataclass(frozen=True, slots=True)
class Beyond:
    """A marker named as current work far beyond every year its text names (``beyond_named``)."""

    hit: MarkerHit
    earliest: int
    named: int
    named_span: Span


def beyond_named(doc: Document) -> list[Beyond]:
    """Mentions Y202 reports where the document year has no upper bound: wording that treats a
    marker as current work (not planned, not looked back on) in a text whose latest named year
    of any kind, and whose other markers, all lie more than ``NAMED_LEAD`` years before the
    marker could be spoken of. A text about its present names recent years; one naming nothing
    later than 2016 does not carry out the “十五五” plan. One per marker and sentence."""
    years = doc.facts(EraYears)
    parts = doc.facts(DocumentYears)
    hits = [h for h in doc.facts(EraFacts).hits if h.how == MENTION]
    latest_other: dict[int, list[tuple[str, int]]] = {}
    # The last year of each marker the part treats as current work: a text carrying out 二十大精神
    # may speak from 2027, and so may call for carrying out 二十一大精神 beside it.
    current_until: dict[int, list[tuple[str, int]]] = {}
    for hit in hits:
        earliest = earliest_for(hit)
        if earliest is not None:
            part = parts.part_at(hit.span.start).span.start
            latest_other.setdefault(part, []).append((hit.marker.id, earliest))
    for hit in doc.facts(EraFacts).hits:
        if hit.how in (MENTION, CURRENT_HOW) and hit.framing.kind == CURRENT \
                and not hit.framing.done and hit.marker.valid_to is not None:
            part = parts.part_at(hit.span.start).span.start
            current_until.setdefault(part, []).append((hit.marker.id, hit.marker.valid_to))
    found = []
    # The present said to be a year of the marker (今年是“十五五”规划的收官之年) speaks from that
    # year: weighed the same way.
    pins = [h for h in doc.facts(EraFacts).hits if present_pin(doc, h) and h.first is not None]
    # So does the present said to be a stage of current work (今年是实施“十四五”规划的关键一年):
    # the present lies in the marker's years.
    pins += [h for h in doc.facts(EraFacts).hits if _present_work(doc, h)]
    reported = {(h.marker.id, h.sentence.start) for h in too_early(doc)}
    for hit in first_per_sentence(hits) + first_per_sentence(pins):
        if (hit.marker.id, hit.sentence.start) in reported:
            continue  # too early for the document year's own upper bound
        source = years.at(hit.span.start)
        # A year the text takes from this very pin is no witness for it.
        own = hit.how == PIN and source is not None and source.source == "text" \
            and source.span is not None and overlaps(source.span, [hit.span])
        if not unbounded(source) and not own:
            continue
        named = years.named(hit.span.start)
        if hit.how == PIN:
            earliest = hit.first
        elif hit.how == CURRENT_HOW:
            earliest = hit.marker.valid_from
        else:
            earliest = earliest_for(hit)
        # Beside the other markers of the text the plan keeps its drafting lead: a text that
        # carries out 二十大精神 may speak from 2026.
        in_force = hit.marker.valid_from - 1 if in_hand(doc, hit) else earliest  # type: ignore[operator]
        marker = hit.marker
        if named is None or earliest is None or marker.kind not in _WORK_KINDS \
                or marker.names is not None or marker.stale_only:
            continue
        if hit.how == MENTION and (hit.framing.kind != CURRENT or hit.framing.done):
            continue
        if hit.how == MENTION and marker.kind == "five_year_plan" and hit.drafted_from is None:
            continue  # a plan as a horizon or aim (争取纳入“十五五”规划), or a stage beside another
        part = parts.part_at(hit.span.start).span.start
        others = [e for i, e in latest_other.get(part, []) if i != marker.id]
        until = [e for i, e in current_until.get(part, []) if i != marker.id]
        if max(earliest, in_force) > named[0] + NAMED_LEAD \
                and earliest > max(others, default=0) + NAMED_LEAD \
                and max(earliest, in_force) > max(until, default=0):
            found.append(Beyond(hit, max(earliest, in_force), named[0], named[1]))
    # One per marker and sentence: the present said to be a stage of the work (今年是实施“十四五”
    # 规划的关键一年) before the plan's name inside it.
    chosen: dict[tuple[str, int], Beyond] = {}
    for beyond in sorted(found, key=lambda b: b.hit.span.start):
        chosen.setdefault((beyond.hit.marker.id, beyond.hit.sentence.start), beyond)
    return list(chosen.values())


def in_hand(doc: Document, hit: MarkerHit) -> bool:
    """Whether a plan of the 规划 era is named as work in hand (紧紧围绕“十四五”规划目标抓好当前
    工作): current wording without a word of drafting, imminence or aim. Such a plan exists, as
    an issued plan does, from the year before it begins (``exists_from``), not from its drafting."""
    if hit.how != MENTION or hit.framing.kind != CURRENT or hit.framing.done \
            or hit.drafted_from is None or hit.marker.valid_from is None:
        return False
    clause = clause_around(doc.text, hit.sentence, hit.span)
    return drafted_from(doc.text, hit.marker, hit.sentence, clause, hit.span.start,
                        hit.span.end) is None


def _present_work(doc: Document, hit: MarkerHit) -> bool:
    """Current wording that the present year is said to be (今年是实施“十四五”规划的关键一年)."""
    if hit.how != CURRENT_HOW or hit.framing.kind != CURRENT:
        return False
    low = max(hit.sentence.start, hit.span.start - _PRESENT_REACH)
    return _PRESENT_SUBJECT.search(doc.text, low, hit.span.start) is not None


def first_per_sentence(hits: list[MarkerHit]) -> list[MarkerHit]:
    """One hit per marker and sentence: overlapping patterns of one marker report once."""
    seen: set[tuple[str, int]] = set()
    chosen = []
    for hit in hits:
        key = (hit.marker.id, hit.sentence.start)
        if key not in seen:
            seen.add(key)
            chosen.append(hit)
    return chosen


def overlaps(span: Span, others: list[Span]) -> bool:
    return any(span.start < other.end and other.start < span.end for other in others)
