"""Where a document mentions era markers, found once per document (``doc.facts(EraFacts)``).

The keys of every marker are found in one pass; the marker's patterns then run only in the
sentences around them. Only what could disagree with the year of that part of the document
is searched: a plain mention only where the year is before ``earliest_mention``, current or
future wording only where the year is outside the marker's years (or unknown), pins where the
sentence names a year (or, for wording about the present such as 开好局, where the document
year is known). On a consistent document that leaves almost nothing to search.
"""

from __future__ import annotations

from dataclasses import dataclass

from doclint.core.document import Document, Span
from doclint.core.lazyregex import lazy_re
from doclint.rules.years import framing as framings
from doclint.rules.years import numerals, textyear
from doclint.rules.years.docyear import DocumentYears, YearSource
from doclint.rules.years.framing import Framing, framing
from doclint.rules.years.markers import EraMarker, Pin, marker_set
from doclint.rules.years.naming import EventNames
from doclint.rules.years.review import ReviewPassages
from doclint.rules.years.words import at_word_boundaries

# Marker patterns never cross a sentence; a window longer than this around a key is cut, so a
# text without punctuation cannot make the search quadratic.
_WINDOW = 160
_SENTENCE_END = lazy_re(r"[。！？!?\n\r]")
# Years of grace around a marker's period: plans are drafted the year before they start and
# reviewed the year after they end (see era-markers guidance).
GRACE = 1

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


class EraYears:
    """The year each part speaks from, for the era rules (``doc.facts(EraYears)``).

    The document year where there is one. A part whose text disagrees with itself has none
    (``今年是“八五”计划的开局之年`` beside ``2021年以来``: the anchor and the floor clash), yet it
    still cannot speak from before its floor, the latest year it treats as past or present: then
    the floor alone, a lower bound, against which only wording that treats a marker as current
    after its period can disagree.
    """

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._years = doc.facts(DocumentYears)
        self._floors: dict[int, YearSource | None] = {}

    @classmethod
    def from_document(cls, doc: Document) -> EraYears:
        return cls(doc)

    def at(self, offset: int) -> YearSource | None:
        source = self._years.at(offset)
        if source is not None:
            return source
        part = self._years.part_at(offset).span
        if part.start not in self._floors:
            found = textyear.evidence(self._doc, part)
            floor = found.floor
            self._floors[part.start] = None if floor is None else YearSource(
                floor, "text-floor", found.floor_span, f"{floor}年", (floor, None))
        return self._floors[part.start]


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
        if markers.trigger is not None:
            sentence = Span(0, 0)
            for match in markers.trigger.finditer(text):
                if match.end() > sentence.end:  # keys come in order: most share a sentence
                    sentence = sentence_around(text, match.start(), match.end())
                for number in markers.by_key[markers.key_of(match)]:
                    windows.setdefault((number, sentence.start), sentence)
        for number in markers.unkeyed:
            for part in years.parts:
                windows[(number, part.span.start)] = part.span
        hits: dict[tuple[str, str, int, int], MarkerHit] = {}
        by_sentence: dict[Span, list[int]] = {}
        for (number, _), window in windows.items():
            by_sentence.setdefault(window, []).append(number)
        passages = doc.facts(ReviewPassages) if by_sentence else ReviewPassages([])
        for window, numbers in by_sentence.items():
            source = era_years.at(window.start)
            names_year = "年" in text[window.start:window.end]
            for number in numbers:
                for hit in _search(text, markers.markers[number], window, source, names_year,
                                   passages):
                    hits.setdefault((hit.marker.id, hit.how, hit.span.start, hit.span.end), hit)
        chosen = [h for h in hits.values() if h.how not in (CURRENT, FUTURE)
                  or doc.facts(EventNames).named(h.marker, h.sentence, h.span)]
        return cls(sorted(chosen, key=lambda h: (h.span.start, h.span.end)))


def sentence_around(text: str, start: int, end: int) -> Span:
    """The sentence holding ``text[start:end]``, cut to ``_WINDOW`` characters on each side."""
    low = max(0, start - _WINDOW)
    high = min(len(text), end + _WINDOW)
    before = _SENTENCE_END.search(text[low:start][::-1])
    left = start - before.start() if before else low
    after = _SENTENCE_END.search(text, end, high)
    return Span(left, after.end() if after else high)


def outside(year: int, first: int | None, last: int | None, grace: int = GRACE) -> bool:
    """Whether ``year`` falls outside ``first``..``last`` widened by ``grace`` years."""
    too_early = first is not None and year < first - grace
    return too_early or (last is not None and year > last + grace)


def _worth_searching(source: YearSource | None, first: int | None, last: int | None,
                     names_year: bool) -> bool:
    """Whether current or future wording could disagree here: the document year lies wholly
    outside ``first``..``last`` (with grace), or the sentence names a year of its own that an
    unknown or inexact document year cannot overrule."""
    if source is None:
        return names_year
    if last is not None and source.low > last + GRACE:
        return True
    if first is not None and source.high is not None and source.high < first - GRACE:
        return True
    return names_year and not source.exact


def _search(text: str, marker: EraMarker, window: Span, source: YearSource | None,
            names_year: bool, passages: ReviewPassages) -> list[MarkerHit]:
    kinds = []
    high = source.high if source is not None else None
    if high is not None and marker.earliest_mention is not None and high < marker.earliest_mention:
        kinds.append((MENTION, marker.patterns))
    if _worth_searching(source, marker.valid_from, marker.valid_to, names_year):
        kinds.append((CURRENT, marker.current_patterns))
    future_from = marker.earliest_mention or marker.valid_from
    if _worth_searching(source, future_from, marker.valid_to, names_year):
        kinds.append((FUTURE, marker.future_patterns))
    hits: list[MarkerHit] = []
    for how, patterns in kinds:
        for pattern in patterns:
            for match in pattern.finditer(text, window.start, window.end):
                if match.end() > match.start() and at_word_boundaries(text, *match.span()):
                    span = Span(match.start(), match.end())
                    hits.append(MarkerHit(marker, span, how, window, framing=framing(
                        text, window, span, passages.at(span.start))))
    for pin in marker.pins:
        # A pin is judged against a year written in its sentence (Y201), or, for wording that
        # speaks of the present, against the document year (Y203).
        if not names_year and not (pin.current and source is not None):
            continue
        for pattern in pin.patterns:
            for match in pattern.finditer(text, window.start, window.end):
                if not at_word_boundaries(text, *match.span()):
                    continue
                first, last = pin.years(match)
                count = None
                if pin.base_of(match) is not None:
                    count = numerals.number(match.group("n"))
                span = Span(match.start(), match.end())
                hits.append(MarkerHit(marker, span, PIN, window, first, last, pin, count,
                                      framing(text, window, span, passages.at(span.start))))
    return hits
