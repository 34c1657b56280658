"""What the era rules share: the year a marker hit is judged against, and its description."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from doclint.core.diagnostic import Message, Related
from doclint.core.document import Document, Span
from doclint.rules.years.context import subject_before, year_reference
from doclint.rules.years.docyear import DocumentYears, YearSource
from doclint.rules.years.eras import PIN, EraFacts, MarkerHit
from doclint.rules.years.mentions import YearFacts, is_target

# A sentence looking back over past years may name what was current then: 五年来…经历了抗击
# 非典. Such wording stays plausible for a five-year review after the marker's period.
RETROSPECT = regex.compile(
    r"[一二两三四五六七八九十\d]+年来|过去(?:的)?[一二两三四五六七八九十\d]+年|这[一二三四五六七八九十]+年"
    r"|回顾|经历了|经受了|战胜了|抗击了|夺取了|当年|那时|曾经")
REVIEW_YEARS = 5


@dataclass(frozen=True, slots=True)
class Reference:
    """The year a hit is compared with, and how to name it in a message."""

    years: tuple[int, ...]  # every year that must disagree (the text-inferred pair, or one)
    message: Message
    related: tuple[Related, ...]


def reference_for(doc: Document, hit: MarkerHit, *, sentence: bool = True) -> Reference | None:
    """The years of the sentence when it names any (the wording is about them; every one must
    disagree), else the document year.

    A year inferred from the text alone is weak; the latest year the part mentions must then
    disagree as well.
    """
    explicit = []
    if sentence:
        explicit = doc.facts(YearFacts).between(hit.sentence.start, hit.sentence.end)
    if explicit:
        before = [m for m in explicit if m.start < hit.span.start]
        mention = before[-1] if before else explicit[0]
        text = doc.slice(mention.span)
        return Reference(tuple(m.value for m in explicit),
                         Message(f"句中年份“{text}”", f"the year “{text}” of the sentence"),
                         (Related(mention.span, Message("句中年份", "year of the sentence")),))
    source = doc.facts(DocumentYears).at(hit.span.start)
    if source is None:
        return None
    message, related = year_reference(source)
    years: tuple[int, ...] = (source.year,)
    if source.source == "text":
        latest = _latest_year(doc, source, hit.span.start)
        if latest is not None and latest != source.year:
            years = (source.year, latest)
    return Reference(years, message, related)


def _latest_year(doc: Document, source: YearSource, offset: int) -> int | None:
    years = doc.facts(DocumentYears)
    part = next((p.span for p in years.parts if p.span.start <= offset < p.span.end),
                Span(0, len(doc.text)))
    text = doc.text
    values = [m.value for m in doc.facts(YearFacts).between(part.start, part.end)
              if not is_target(text, m.start, m.end)]
    return max(values) if values else None


def subject_pins(doc: Document) -> list[Span]:
    """Spans of pins that Y201 judges with their own subject year (so Y203 leaves them)."""
    spans = []
    for hit in doc.facts(EraFacts).hits:
        if hit.how == PIN and subject_before(doc, hit.sentence, hit.span.start) is not None:
            spans.append(hit.span)
    return spans


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
