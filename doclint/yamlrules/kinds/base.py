"""The base of every pack rule: scope units, timed matching, exceptions, fixes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

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
        if requires is not None and not requires.found_in(doc.text):
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
        for unit in units_with(units, doc.text, pattern.first_chars, starts, anchored):
            yield from self.unit_hits(unit, pattern)

    def unit_hits(self, unit: Unit, pattern: UserPattern) -> Iterator[Hit]:
        excepted: list[tuple[int, int]] | None = None
        for match in pattern.finditer(unit.text):
            if self.spec.exceptions:
                if excepted is None:
                    excepted = self.exception_spans(unit)
                if any(s <= match.start() and match.end() <= e for s, e in excepted):
                    continue
            yield unit, match

    def exception_spans(self, unit: Unit) -> list[tuple[int, int]]:
        return [m.span() for p in self.spec.exceptions for m in p.finditer(unit.text)]

    def is_excepted(self, unit: Unit, start: int, end: int,
                    cache: dict[int, list[tuple[int, int]]]) -> bool:
        """Whether unit-relative ``start..end`` lies inside an exception (spans cached per unit)."""
        if not self.spec.exceptions:
            return False
        if unit.start not in cache:
            cache[unit.start] = self.exception_spans(unit)
        return any(s <= start and end <= e for s, e in cache[unit.start])

    def fix_for(self, span: Span, replacement: str, match: str) -> Fix | None:
        if self.spec.fix is None:
            return None
        if replacement:
            title = Message(f"改为“{replacement}”", f"Replace with “{replacement}”")
        else:
            title = Message(f"删除“{match}”", f"Delete “{match}”")
        return Fix((Edit(span, replacement),), title, Applicability.parse(self.spec.fix))


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


def shorten(text: str, limit: int = 24) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
