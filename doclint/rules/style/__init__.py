"""Rules T5xx: spacing, letter case and entity mix-ups (codes in the T family, by decision)."""

from __future__ import annotations

from doclint.rules.style.acronym_case import AcronymCase
from doclint.rules.style.acronym_consistency import AcronymInconsistentCase
from doclint.rules.style.entity_mix import EntityMix
from doclint.rules.style.indentation import StrayIndentation
from doclint.rules.style.mixed_forms import MixedForms
from doclint.rules.style.spacing import SpaceInChineseText

RULES: list[type] = [
    SpaceInChineseText,
    StrayIndentation,
    AcronymCase,
    AcronymInconsistentCase,
    EntityMix,
    MixedForms,
]
