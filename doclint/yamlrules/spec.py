"""A validated rule of a pack: everything the rule class needs, patterns already compiled."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from doclint.core.diagnostic import Category, Message, Severity
from doclint.core.rule import Examples, Maturity
from doclint.yamlrules.patterns import UserPattern


@dataclass(frozen=True)
class RuleSpec:
    pack: str
    path: str
    where: str  # "pack.yaml:LINE:COL" of the rule, for messages
    code: str
    name: str
    type: str
    category: Category
    severity: Severity
    message: Message
    summary: Message
    description: str
    basis: str
    scope: str
    fix: str | None  # "safe", "unsafe", "suggestion", or None (no fix)
    examples: Examples
    exceptions: tuple[UserPattern, ...] = ()
    params: dict[str, Any] = field(default_factory=dict)
    group_after: int | None = None  # see Rule.group_after
    maturity: Maturity = Maturity.STABLE
    requires: UserPattern | None = None  # the rule checks only documents where this matches

    @property
    def patterns(self) -> list[UserPattern]:
        """Every pattern the rule runs (for the timeout test and statistics)."""
        found: list[UserPattern] = list(self.exceptions)
        if self.requires is not None:
            found.append(self.requires)
        for value in self.params.values():
            items = value if isinstance(value, tuple) else (value,)
            for item in items:
                parts = item if isinstance(item, tuple) else (item,)
                found.extend(p for p in parts if isinstance(p, UserPattern))
        return found
