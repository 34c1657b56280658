"""Rule types that count within a scope unit: occurrence, consistency, conditional."""

from __future__ import annotations

from collections.abc import Iterator

from doclint.core.diagnostic import Finding, Message, Related
from doclint.core.document import Document, Span
from doclint.core.text import shorten
from doclint.yamlrules.kinds.base import Hit, PackRule, span_of

EARLIER = Message("此前出现处", "earlier occurrence")
OTHER_FORM = Message("另一写法首次出现处", "first use of the other form")


class OccurrenceRule(PackRule):
    """``token`` at least ``min`` and at most ``max`` times in each unit."""

    abstract = True

    def find(self, doc: Document) -> Iterator[Finding]:
        params = self.spec.params
        low, high, pattern = params["min"], params["max"], params["token"]
        units = self.units(doc) if low else None
        by_unit: dict[int, list[Hit]] = {}
        for hit in self.hits(doc, pattern):
            by_unit.setdefault(hit[0].start, []).append(hit)
        if high is not None:
            for hits in by_unit.values():
                if len(hits) > high:
                    related = [Related(span_of(h), EARLIER) for h in hits[:high]]
                    yield self.report(span_of(hits[high]), related=related,
                                      match=hits[high][1].group(), count=len(hits), min=low,
                                      max=high)
        for unit in units or ():
            count = len(by_unit.get(unit.start, ()))
            if count < low:
                yield self.report(Span(unit.start, unit.end), match=shorten(unit.text),
                                  count=count, min=low, max=high)


class ConsistencyRule(PackRule):
    """For each ``either`` pair: one unit uses one form; the minority form is reported."""

    abstract = True

    def find(self, doc: Document) -> Iterator[Finding]:
        for first, second in self.spec.params["either"]:
            groups: dict[int, tuple[list[Hit], list[Hit]]] = {}
            for side, pattern in enumerate((first, second)):
                for hit in self.hits(doc, pattern):
                    groups.setdefault(hit[0].start, ([], []))[side].append(hit)
            for a_hits, b_hits in groups.values():
                if a_hits and b_hits:
                    yield from self._minority(a_hits, b_hits)

    def _minority(self, a_hits: list[Hit], b_hits: list[Hit]) -> Iterator[Finding]:
        if len(a_hits) == len(b_hits):
            a_first = span_of(a_hits[0]).start < span_of(b_hits[0]).start
            major, minor = (a_hits, b_hits) if a_first else (b_hits, a_hits)
        else:
            major, minor = (a_hits, b_hits) if len(a_hits) > len(b_hits) else (b_hits, a_hits)
        other = major[0][1].group()
        related = [Related(span_of(major[0]), OTHER_FORM)]
        for hit in minor:
            span, text = span_of(hit), hit[1].group()
            yield self.report(span, related=related, match=text, other=other, count=len(major),
                              fix=self.fix_for(span, other, text))


class ConditionalRule(PackRule):
    """If ``first`` matches in a unit, ``second`` must match there too.

    When both patterns have a capture group, every distinct ``first`` group 1 must be among
    the ``second`` matches' group 1 (vale's conditional: an abbreviation must be defined).
    """

    abstract = True

    def find(self, doc: Document) -> Iterator[Finding]:
        first, second = self.spec.params["first"], self.spec.params["second"]
        by_unit: dict[int, list[Hit]] = {}
        for hit in self.hits(doc, first):
            by_unit.setdefault(hit[0].start, []).append(hit)
        keyed = first.compiled.groups >= 1 and second.compiled.groups >= 1
        for hits in by_unit.values():
            unit = hits[0][0]
            seconds = [m for _u, m in self.unit_hits(unit, second)]
            if not keyed:
                if not seconds:
                    yield self.report(span_of(hits[0]), match=hits[0][1].group(), count=len(hits))
                continue
            defined = {m.group(1) for m in seconds}
            reported: set[str | None] = set()
            for hit in hits:
                key = hit[1].group(1)
                if key not in defined and key not in reported:
                    reported.add(key)
                    count = sum(1 for h in hits if h[1].group(1) == key)
                    yield self.report(span_of(hit), match=hit[1].group(), count=count)
