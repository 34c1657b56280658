"""One base class per rule type; a pack rule is a subclass made by ``build.rule_class``."""

from __future__ import annotations

from doclint.yamlrules.kinds.base import PackRule
from doclint.yamlrules.kinds.counting import ConditionalRule, ConsistencyRule, OccurrenceRule
from doclint.yamlrules.kinds.matching import ExistenceRule, RepetitionRule, SubstitutionRule
from doclint.yamlrules.kinds.pairing import PairingRule

BASES: dict[str, type[PackRule]] = {
    "existence": ExistenceRule,
    "substitution": SubstitutionRule,
    "occurrence": OccurrenceRule,
    "repetition": RepetitionRule,
    "consistency": ConsistencyRule,
    "conditional": ConditionalRule,
    "pairing": PairingRule,
}

__all__ = ["BASES", "PackRule"]
