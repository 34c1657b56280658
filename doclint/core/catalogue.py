"""Rules known by their metadata, their code imported only when a document needs them.

A :class:`RuleEntry` carries what selection, the configuration check and the anchor scan read
of a rule (code, name, category, severity, maturity, whether it is on by default, whether it
masks, its options and its anchors) and where its class is (module and qualified name). A
:class:`~doclint.core.registry.RuleRegistry` of entries selects rules exactly as one of
classes does. The built-in rules are described in a manifest kept in the build cache
(``doclint.rules.manifest``), so a one-file check imports only the rules whose anchors occur
in the document, the rules without anchors, and the archive rules; a plugin's or a pack's rule
is an entry around its class, loaded already.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

from doclint.core.diagnostic import Category, Severity
from doclint.core.rule import ArchiveRule, Maturity, Option, Rule, RuleMeta


class RuleEntry:
    """One rule by its metadata; :meth:`load` gives its class (importing it the first time)."""

    __slots__ = ("_class", "anchors", "category", "code", "default_enabled", "kind", "masks",
                 "maturity", "module", "name", "options", "origin", "qualname", "severity")

    def __init__(self, *, code: str, name: str, category: Category, severity: Severity,
                 maturity: Maturity, origin: str, default_enabled: bool, masks: bool,
                 kind: str, anchors: tuple[str, ...] | None, options: Mapping[str, Option],
                 module: str, qualname: str, rule_class: type[RuleMeta] | None = None) -> None:
        self.code, self.name, self.category, self.severity = code, name, category, severity
        self.maturity, self.origin, self.default_enabled = maturity, origin, default_enabled
        self.masks, self.kind, self.options = masks, kind, options
        # The anchors of an instance with the default options; None when an instance may
        # differ (the class sets them in __init__ or a property): then the rule is imported
        # before the anchor scan and its instance's anchors are used.
        self.anchors = anchors
        self.module, self.qualname = module, qualname
        self._class = rule_class

    @classmethod
    def of(cls, rule: type[RuleMeta]) -> RuleEntry:
        """The entry of a loaded rule class."""
        return cls(code=rule.code, name=rule.name, category=rule.category,
                   severity=rule.severity, maturity=rule.maturity, origin=rule.origin,
                   default_enabled=getattr(rule, "default_enabled", True),
                   masks=bool(issubclass(rule, Rule) and rule.masks),
                   kind=kind_of(rule), anchors=default_anchors(rule),
                   options=dict(rule.options), module=rule.__module__,
                   qualname=rule.__qualname__, rule_class=rule)

    @property
    def loaded(self) -> bool:
        return self._class is not None

    def load(self) -> type[RuleMeta]:
        if self._class is None:
            found: Any = importlib.import_module(self.module)
            for part in self.qualname.split("."):
                found = getattr(found, part)
            self._class = found
        return self._class

    def describe(self) -> dict[str, Any]:
        """The entry as plain data (the manifest stores these)."""
        return {slot: getattr(self, slot) for slot in self.__slots__ if slot != "_class"}

    @classmethod
    def described(cls, data: Mapping[str, Any]) -> RuleEntry:
        return cls(**data)

    def __repr__(self) -> str:
        return f"RuleEntry({self.code} {self.module}.{self.qualname})"


def kind_of(rule: type[RuleMeta]) -> str:
    """``document`` for a document rule, ``archive`` for an archive rule, else empty."""
    if issubclass(rule, Rule):
        return "document"
    return "archive" if issubclass(rule, ArchiveRule) else ""


def default_anchors(rule: type[RuleMeta]) -> tuple[str, ...] | None:
    """The anchors every instance of ``rule`` with the default options has, or None when that
    cannot be told without an instance (an ``__init__`` of its own, or anchors computed)."""
    if rule.__init__ is not RuleMeta.__init__:  # type: ignore[misc]
        return None
    anchors = next((vars(k)["anchors"] for k in rule.__mro__ if "anchors" in vars(k)), ())
    if not isinstance(anchors, tuple) or not all(isinstance(a, str) for a in anchors):
        return None
    return anchors
