"""Anchors: literal strings a rule cannot report without, found in one scan per document.

A rule may declare ``anchors`` (see :class:`doclint.core.rule.RuleMeta`): strings one of which
occurs in every document it reports anything on (``年均`` for the average-growth check). The
linter collects the anchors of every selected rule, finds which of them occur in the document
once, and does not run a rule none of whose anchors occurs. A rule that is not run asks for no
shared extractor, so the extractors only it needs are not computed either. A rule without
anchors always runs.

Declaring an anchor is a promise, checked by the tests: with every anchor taken out of a text
the rule reports nothing there, and gated and ungated runs give the same findings.

How the scan is done was measured (``benchmarks/anchor_scan.py``, CPU seconds on corpus/real,
5 MB): with the ~100 anchors of the built-in rules, one Aho–Corasick pass (``ahocorasick-rs``)
takes 0.048 s, pyahocorasick 0.051 s, an ``in`` test per anchor 0.075–0.091 s and a ``regex``
alternation 0.167 s; with 1,100 anchors, 0.09, 0.20, 1.2 and 8.1 s. So the scan is
Aho–Corasick, with the ``in`` tests as the fallback where the package cannot be imported.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

try:
    import ahocorasick_rs
except ImportError:  # pragma: no cover - a dependency; the fallback keeps doclint working
    ahocorasick_rs = None


class Scan(Protocol):
    def present(self, text: str) -> frozenset[str]: ...


class AutomatonScan:
    """Which of a fixed set of anchors occur in a text: one Aho–Corasick pass."""

    __slots__ = ("_anchors", "_automaton")

    def __init__(self, anchors: Iterable[str]) -> None:
        self._anchors = sorted({a for a in anchors if a})
        self._automaton = ahocorasick_rs.AhoCorasick(self._anchors)

    def present(self, text: str) -> frozenset[str]:
        """The anchors that occur in ``text``."""
        # Overlapping: an anchor inside or overlapping another one is reported too.
        hits = self._automaton.find_matches_as_indexes(text, overlapping=True)
        anchors = self._anchors
        return frozenset([anchors[index] for index in {hit[0] for hit in hits}])


class AnchorScan:
    """Which of a fixed set of anchors occur in a text: an ``in`` test per anchor, a longer
    one only when its first character occurs."""

    __slots__ = ("_by_head",)

    def __init__(self, anchors: Iterable[str]) -> None:
        by_head: dict[str, list[str]] = {}
        for anchor in sorted(set(anchors)):
            if anchor:
                by_head.setdefault(anchor[0], []).append(anchor)
        self._by_head = by_head

    def present(self, text: str) -> frozenset[str]:
        """The anchors that occur in ``text``."""
        found: list[str] = []
        for head, anchors in self._by_head.items():
            if head not in text:
                continue
            found.extend(a for a in anchors if len(a) == 1 or a in text)
        return frozenset(found)


@lru_cache(maxsize=32)
def scan_for(anchors: frozenset[str]) -> Scan:
    """The scan of one rule selection's anchors (built once per selection)."""
    if ahocorasick_rs is None or not any(anchors):
        return AnchorScan(anchors)
    return AutomatonScan(anchors)


def runs(anchors: tuple[str, ...], present: frozenset[str]) -> bool:
    """Whether a rule with ``anchors`` is run in a document where ``present`` occur."""
    return not anchors or not present.isdisjoint(anchors)
