"""A pack rule's anchors, derived from its patterns' prefilters (see doclint/core/anchors.py).

A pattern's prefilter (``prefilter.py``) names literal strings one of which lies in or right
next to every match (``required``), or one of which every match begins with (``prefixes``).
Scope units are slices of the document, so such a string occurs in the document wherever the
pattern matches. A rule's findings come from matches of certain of its patterns; where each of
those has such strings, their union is the rule's anchors. Where one of them has none, or the
rule can report without a match (an occurrence rule's ``min``, a pairing rule's unclosed mark),
the rule has no anchors and always runs.
"""

from __future__ import annotations

from collections.abc import Iterable

from doclint.yamlrules.patterns import UserPattern
from doclint.yamlrules.spec import RuleSpec


def pattern_anchors(pattern: UserPattern) -> frozenset[str] | None:
    """Strings one of which occurs wherever ``pattern`` matches (None: none known)."""
    prefilter = pattern.prefilter
    groups = [g for g in prefilter.required if g and all(g)]
    if groups:
        # The most selective group: the longest shortest member, then the fewest members.
        return max(groups, key=lambda g: (min(map(len, g)), -len(g), sorted(g)))
    prefixes = prefilter.prefixes
    if prefixes and all(prefixes):
        return prefixes
    return None


def union(patterns: Iterable[UserPattern]) -> frozenset[str] | None:
    found: set[str] = set()
    for pattern in patterns:
        anchors = pattern_anchors(pattern)
        if anchors is None:
            return None
        found |= anchors
    return frozenset(found) if found else None


def _reporting_patterns(spec: RuleSpec) -> list[UserPattern] | None:
    """The patterns one of which must match for the rule to report (None: it may report
    without any match)."""
    params = spec.params
    if spec.type == "existence":
        return list(params["tokens"])
    if spec.type == "repetition":
        return [params["tokens"]]
    if spec.type == "substitution":
        return [pattern for pattern, _right, _template in params["swap"]]
    if spec.type == "occurrence" and not params["min"]:
        return [params["token"]]  # only "too many" is reported: that needs matches
    if spec.type == "consistency":
        return [first for first, _second in params["either"]]  # both forms must occur
    if spec.type == "conditional":
        return [params["first"]]
    return None


def rule_anchors(spec: RuleSpec) -> tuple[str, ...]:
    """The anchors of a pack rule (empty: it always runs)."""
    if spec.requires is not None:
        required = pattern_anchors(spec.requires)
        if required is not None:
            return tuple(sorted(required))
    patterns = _reporting_patterns(spec)
    found = None if patterns is None else union(patterns)
    return () if found is None else tuple(sorted(found))
