"""Every kind of anomaly the benchmark plants, in the order of doclint's category table."""

from __future__ import annotations

from recallbench.kinds import numbers, structure, style, templates, years
from recallbench.kinds.base import Cand, Kind

_ALL = [*years.KINDS, *structure.KINDS, *templates.KINDS, *numbers.KINDS, *style.KINDS]
_ORDER = ["year-placeholder", "same-year", "era-marker", "impossible-date", "wrong-weekday",
          "duplicate-title", "numbering-gap", "announced-count", "truncation", "broken-line",
          "boilerplate", "placeholder", "percent-dropped", "percent-mixed", "fullwidth-digits",
          "space-in-chinese", "space-number", "acronym-case", "entity-mix", "entity-mix-city",
          "arithmetic",
          "punctuation", "number-form", "duplicate-paragraph"]
KINDS: dict[str, Kind] = {k.name: k for k in sorted(_ALL, key=lambda k: _ORDER.index(k.name))}
assert set(_ORDER) == set(KINDS)

__all__ = ["KINDS", "Cand", "Kind"]
