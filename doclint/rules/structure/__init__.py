"""Family T: titles, structure, line breaks and repeated text."""

from __future__ import annotations

from doclint.rules.structure.duplicate_line import ConsecutiveDuplicateLine

RULES: list[type] = [ConsecutiveDuplicateLine]
