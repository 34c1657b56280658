"""``doc.facts(NumberLinks)``: the relations between numbers, found once per document.

Each kind of relation is computed the first time a rule asks for it and kept; the rules of
the family share them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property

from doclint.core import Document
from doclint.core.lazyregex import lazy_regex
from doclint.core.text import Paragraphs
from doclint.rules.numbers.annual import find_annual
from doclint.rules.numbers.change import find_changes
from doclint.rules.numbers.parts import (
    find_breakdowns,
    find_ratios,
    find_shares,
    find_structures,
)
from doclint.rules.numbers.passages import PLAIN, Passages
from doclint.rules.numbers.quantities import Quantities
from doclint.rules.numbers.relations import (
    AnnualGrowth,
    Breakdown,
    Change,
    Ratio,
    Share,
    Structure,
)

# NOTE: `regex` finds a word of two characters about three times faster than ``in`` over a
# whole Chinese text (most documents hold none: the whole text is scanned).
_ANNUAL = lazy_regex("年均")


class NumberLinks:
    """Changes, annual growth, breakdowns, shares, ratios and structures of one document."""

    def __init__(self, text: str, quantities: Quantities,
                 passages: Callable[[], Passages] = lambda: PLAIN) -> None:
        self.text = text
        self.quantities = quantities
        self._passages = passages

    @classmethod
    def from_document(cls, doc: Document) -> NumberLinks:
        return cls(doc.text, doc.facts(Quantities), lambda: _passages(doc))

    @cached_property
    def passages(self) -> Passages:
        """The file's paragraphs and parts: figures are linked inside one of each."""
        return self._passages()

    @cached_property
    def changes(self) -> list[Change]:
        return find_changes(self.text, self.quantities)

    @cached_property
    def annual(self) -> list[AnnualGrowth]:
        return find_annual(self.text, self.quantities, self.changes, self.passages)

    @cached_property
    def breakdowns(self) -> list[Breakdown]:
        return find_breakdowns(self.text, self.quantities)

    @cached_property
    def shares(self) -> list[Share]:
        return find_shares(self.text, self.quantities, self.passages)

    @cached_property
    def ratios(self) -> list[Ratio]:
        return find_ratios(self.text)

    @cached_property
    def structures(self) -> list[Structure]:
        return find_structures(self.text, self.quantities, self.ratios, self.breakdowns,
                               self.passages)


def _passages(doc: Document) -> Passages:
    """Paragraphs (flattened lines split at their indents) and parts: the articles of a
    compilation, the copies of a scraped page and the text between copies."""
    # NOTE: imported here, as N301 does: the structure package is loaded with its rules.
    from doclint.rules.structure.copies import PageCopies
    from doclint.rules.structure.model import Structure

    paragraphs = [p.span.start for p in doc.facts(Paragraphs).items]
    parts: set[int] = set()
    for copy in doc.facts(PageCopies).copies:
        parts.update((copy.span.start, copy.span.end))
    if _ANNUAL.search(doc.text):  # NOTE: only the plan-target linker looks beyond a paragraph
        structure = doc.facts(Structure)
        parts.update(structure.article_span(a, len(doc.text)).start
                     for a in structure.articles[1:])
    return Passages(paragraphs, sorted(parts))
