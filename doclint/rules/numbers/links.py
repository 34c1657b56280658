"""``doc.facts(NumberLinks)``: the relations between numbers, found once per document.

Each kind of relation is computed the first time a rule asks for it and kept; the rules of
the family share them.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from doclint.core import Document
from doclint.rules.numbers.annual import find_annual
from doclint.rules.numbers.change import find_changes
from doclint.rules.numbers.parts import (
    find_breakdowns,
    find_ratios,
    find_shares,
    find_structures,
)
from doclint.rules.numbers.quantities import Quantities
from doclint.rules.numbers.relations import (
    AnnualGrowth,
    Breakdown,
    Change,
    Ratio,
    Share,
    Structure,
)


class NumberLinks:
    """Changes, annual growth, breakdowns, shares, ratios and structures of one document."""

    def __init__(self, text: str, quantities: Quantities, parts: Sequence[int] = ()) -> None:
        self.text = text
        self.quantities = quantities
        self.parts = parts    # where the file's parts (articles of a compilation) begin

    @classmethod
    def from_document(cls, doc: Document) -> NumberLinks:
        return cls(doc.text, doc.facts(Quantities), _part_starts(doc))

    @cached_property
    def changes(self) -> list[Change]:
        return find_changes(self.text, self.quantities)

    @cached_property
    def annual(self) -> list[AnnualGrowth]:
        return find_annual(self.text, self.quantities, self.changes, self.parts)

    @cached_property
    def breakdowns(self) -> list[Breakdown]:
        return find_breakdowns(self.text, self.quantities)

    @cached_property
    def shares(self) -> list[Share]:
        return find_shares(self.text, self.quantities)

    @cached_property
    def ratios(self) -> list[Ratio]:
        return find_ratios(self.text)

    @cached_property
    def structures(self) -> list[Structure]:
        return find_structures(self.text, self.quantities, self.ratios, self.breakdowns)


def _part_starts(doc: Document) -> list[int]:
    """Where the articles of a compilation begin; figures are linked only inside one."""
    if "年均" not in doc.text:
        return []  # NOTE: only the plan-target linker looks beyond one passage
    # NOTE: imported here, as N301 does: the structure package is loaded with its rules.
    from doclint.rules.structure.model import Structure

    structure = doc.facts(Structure)
    return [structure.article_span(a, len(doc.text)).start for a in structure.articles[1:]]
