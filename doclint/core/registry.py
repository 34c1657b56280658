"""All known rules, and the selection logic of select / ignore / extend-select."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from doclint.core.diagnostic import CATEGORY_NAMES
from doclint.core.errors import DoclintError
from doclint.core.rule import Maturity, RuleMeta


class RuleRegistry:
    """Rules by code and by name; rejects duplicates the way flake8 rejects clashing prefixes."""

    def __init__(self, rules: Iterable[type[RuleMeta]] = ()) -> None:
        self._by_code: dict[str, type[RuleMeta]] = {}
        self._by_name: dict[str, type[RuleMeta]] = {}
        for rule in rules:
            self.add(rule)

    def add(self, rule: type[RuleMeta]) -> None:
        for key, table in ((rule.code, self._by_code), (rule.name, self._by_name)):
            existing = table.get(key)
            if existing is not None and existing is not rule:
                raise DoclintError(
                    f"rule {key} from {rule.origin} clashes with the one from {existing.origin}"
                )
        self._by_code[rule.code] = rule
        self._by_name[rule.name] = rule

    def __iter__(self) -> Iterator[type[RuleMeta]]:
        return iter(sorted(self._by_code.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self._by_code)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def get(self, key: str) -> type[RuleMeta] | None:
        return self._by_code.get(key.upper()) or self._by_name.get(key)

    def is_selector(self, selector: str) -> bool:
        """A selector is ALL, a category, a rule name, or a prefix of at least one code."""
        if selector == "ALL" or selector in CATEGORY_NAMES or selector in self._by_name:
            return True
        return any(code.startswith(selector) for code in self._by_code)

    def select(
        self,
        select: Sequence[str] | None,
        ignore: Sequence[str] = (),
        extend_select: Sequence[str] = (),
        *,
        preview: bool = False,
    ) -> list[type[RuleMeta]]:
        """Rules enabled by the selectors; the most specific matching selector wins.

        With ``select`` unset, every rule that is on by default is selected. Preview rules
        take part only with ``preview``, or when a selector names them exactly (by code or
        name): ``--select Y`` never turns on a preview Y rule, ``--select Y203`` does.
        """
        chosen = []
        for rule in self:
            if rule.maturity is Maturity.PREVIEW and not preview:
                selectors = (*(select or ()), *extend_select)
                if not any(names_exactly(s, rule) for s in selectors):
                    continue
            if select is None:
                base = 0 if getattr(rule, "default_enabled", True) else -1
            else:
                base = max((specificity(s, rule) for s in select), default=-1)
            picked = max([base, *(specificity(s, rule) for s in extend_select)])
            dropped = max((specificity(s, rule) for s in ignore), default=-1)
            if picked >= 0 and picked > dropped:
                chosen.append(rule)
        return chosen


def specificity(selector: str, rule: type[RuleMeta]) -> int:
    """How precisely ``selector`` names ``rule``; -1 when it does not match at all."""
    if selector == "ALL":
        return 0
    if selector == rule.category.value:
        return 1
    if selector == rule.name:
        return 20
    if rule.code.startswith(selector.upper()):
        return 1 + len(selector)
    return -1


def names_exactly(selector: str, rule: type[RuleMeta]) -> bool:
    """Whether ``selector`` is the rule's full code or its name (not a prefix or category)."""
    return selector.upper() == rule.code or selector == rule.name
