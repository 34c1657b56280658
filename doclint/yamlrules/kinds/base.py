"""The base of every pack rule: scope units, timed matching, exceptions, fixes."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from typing import ClassVar

import regex

from doclint.core.candidates import Candidates
from doclint.core.diagnostic import Applicability, Edit, Finding, Fix, Message
from doclint.core.document import Document, Span
from doclint.core.rule import Rule
from doclint.yamlrules.patterns import UserPattern
from doclint.yamlrules.scopes import Scopes, Unit, units_with
from doclint.yamlrules.spec import RuleSpec

Hit = tuple[Unit, "regex.Match[str]"]


class PackRule(Rule):
    """A rule compiled from a pack; subclasses implement one rule type."""

    abstract = True
    spec: ClassVar[RuleSpec]

    def check(self, doc: Document) -> Iterator[Finding]:
        """The rule type's findings, on documents the rule ``requires`` (all by default)."""
        requires = self.spec.requires
        if requires is not None and not requires.found_in(doc.text, doc.facts(Candidates)):
            return iter(())
        return self.find(doc)

    def find(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError

    def units(self, doc: Document) -> list[Unit]:
        return doc.facts(Scopes).units(self.spec.scope)

    def hits(self, doc: Document, pattern: UserPattern) -> Iterator[Hit]:
        """Every match of ``pattern`` in every unit that can hold one, exceptions left out."""
        scopes = doc.facts(Scopes)
        units = scopes.units(self.spec.scope)
        starts = scopes.starts(self.spec.scope) if len(units) > 1 else None
        anchored = pattern.prefilter.anchored and self.spec.scope != "document"
        # The whole document is one unit: a line-bound pattern searches only its candidate
        # lines (doclint.core.candidates).
        candidates = doc.facts(Candidates) if self.spec.scope == "document" else None
        for unit in units_with(units, doc.text, pattern.first_chars, starts, anchored):
            yield from self.unit_hits(unit, pattern, candidates)

    def unit_hits(self, unit: Unit, pattern: UserPattern,
                  candidates: Candidates | None = None) -> Iterator[Hit]:
        excepted: Exceptions | None = None
        for match in pattern.finditer(unit.text, candidates):
            if self.spec.exceptions:
                if excepted is None:
                    excepted = self.exception_spans(unit, candidates)
                if excepted.cover(match.start(), match.end()):
                    continue
            yield unit, match

    def exception_spans(self, unit: Unit, candidates: Candidates | None = None) -> Exceptions:
        return Exceptions([m.span() for p in self.spec.exceptions
                           for m in p.finditer(unit.text, candidates)])

    def is_excepted(self, unit: Unit, start: int, end: int, cache: dict[int, Exceptions]) -> bool:
        """Whether unit-relative ``start..end`` lies inside an exception (spans cached per unit)."""
        if not self.spec.exceptions:
            return False
        if unit.start not in cache:
            cache[unit.start] = self.exception_spans(unit)
        return cache[unit.start].cover(start, end)

    def fix_for(self, span: Span, replacement: str, match: str) -> Fix | None:
        if self.spec.fix is None:
            return None
        if replacement:
            title = Message(f"改为“{replacement}”", f"Replace with “{replacement}”")
        else:
            title = Message(f"删除“{match}”", f"Delete “{match}”")
        return Fix((Edit(span, replacement),), title, Applicability.parse(self.spec.fix))


class Exceptions:
    """The spans of a unit's exception matches, asked whether one of them covers a match.

    A page full of exceptions (HTML tags, titles) with many matches would otherwise compare
    every match with every span: the spans are sorted by start, with the furthest end reached
    so far, and one bisection answers.
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self._starts = [start for start, _end in spans]
        self._reach = list(itertools.accumulate((end for _start, end in spans), max))

    def cover(self, start: int, end: int) -> bool:
        """Whether one span starts at or before ``start`` and ends at or after ``end``."""
        index = bisect.bisect_right(self._starts, start) - 1
        return index >= 0 and self._reach[index] >= end


def span_of(hit: Hit, group: int | str = 0) -> Span:
    unit, match = hit
    return Span(unit.start + match.start(group), unit.start + match.end(group))


def without_overlaps(hits: list[Hit]) -> list[Hit]:
    """Hits in text order; a hit overlapping an earlier (or longer, same-start) one is dropped."""
    ordered = sorted(hits, key=lambda h: (h[0].start + h[1].start(), -(h[1].end() - h[1].start())))
    kept: list[Hit] = []
    end = -1
    for hit in ordered:
        span = span_of(hit)
        if span.start >= end:
            kept.append(hit)
            end = span.end
    return kept


