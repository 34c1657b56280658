"""The family's data files (units, indicators), loaded once at import."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from doclint.core import fastyaml
from doclint.core.datafiles import package_file


def _load(name: str) -> Any:
    return fastyaml.load_file(package_file("doclint.rules.numbers", "data", name))


@dataclass(frozen=True, slots=True)
class Partition:
    """Parts that are disjoint and add up to their total (第一、二、三产业)."""

    name: str
    members: tuple[str, ...]
    aliases: dict[str, str]
    totals: tuple[str, ...]
    exhaustive: bool = True  # False: disjoint, but the total holds more (无职称 staff)
    # Every name of a member, aliases first: one test turns most labels away.
    names: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "names", (*self.aliases, *self.members))

    def member_of(self, label: str) -> str | None:
        """The member a part's name starts with (after aliases), or None."""
        if not label.startswith(self.names):
            return None
        for alias, member in self.aliases.items():
            if label.startswith(alias):
                return member
        for member in self.members:
            if label.startswith(member):
                return member
        return None


_UNITS = _load("units.yaml")
_INDICATORS = _load("indicators.yaml")

MAGNITUDES: dict[str, float] = {k: float(v) for k, v in _UNITS["magnitudes"].items()}
UNITS: dict[str, tuple[str, float]] = {k: (v[0], float(v[1])) for k, v in _UNITS["units"].items()}
APPROX_BEFORE: dict[str, str] = dict(_UNITS["approximation"]["before"])
APPROX_AFTER: dict[str, str] = dict(_UNITS["approximation"]["after"])

REAL_GROWTH_INDICATORS: tuple[str, ...] = tuple(_INDICATORS["real_growth_indicators"])
OUTPUT_INDICATORS: tuple[str, ...] = tuple(_INDICATORS["output_indicators"])
COMPARABLE_BASIS_MARKERS: tuple[str, ...] = tuple(_INDICATORS["comparable_basis_markers"])
INTENSIVE_WORDS: tuple[str, ...] = tuple(_INDICATORS["intensive_words"])
INDEX_WORDS: tuple[str, ...] = tuple(_INDICATORS["index_words"])
BOUNDED_RATES: tuple[str, ...] = tuple(_INDICATORS["bounded_rates"])
SCOPE_PREFIXES: tuple[str, ...] = tuple(
    sorted(_INDICATORS["scope_prefixes"], key=len, reverse=True))
PARTITIONS: tuple[Partition, ...] = tuple(
    Partition(p["name"], tuple(p["members"]), dict(p.get("aliases") or {}),
              tuple(p.get("totals") or ()), bool(p.get("exhaustive", True)))
    for p in _INDICATORS["partitions"]
)


def alternation(words: Any) -> str:
    """A regex alternation of literal words, longest first (so 千瓦时 wins over 千瓦)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
