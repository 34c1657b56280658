"""Rules T5xx: spacing, letter case and entity mix-ups (codes in the T family, by decision)."""

from __future__ import annotations

from doclint.rules import family

# RULES and each rule class by name, its module imported on first use (module:Class).
__getattr__ = family(__name__, (
    "spacing:SpaceInChineseText",
    "indentation:StrayIndentation",
    "acronym_case:AcronymCase",
    "acronym_consistency:AcronymInconsistentCase",
    "entity_mix:EntityMix",
    "mixed_forms:MixedForms",
))
