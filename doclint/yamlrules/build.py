"""Turn a RuleSpec into an ordinary Rule subclass: registry, docs, linter need no special case."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import regex

from doclint.core.anchors import add_literals
from doclint.core.errors import ConfigError
from doclint.core.lazyregex import lazy_regex
from doclint.yamlrules.anchors import rule_anchors
from doclint.yamlrules.kinds import BASES, PackRule
from doclint.yamlrules.patterns import UserPattern
from doclint.yamlrules.spec import RuleSpec


def rule_class(spec: RuleSpec) -> type[PackRule]:
    # What its patterns look for in a whole document is found in the document's anchor scan.
    add_literals(s for pattern in whole_text_patterns(spec) for s in pattern.literals)
    attrs: dict[str, Any] = {
        "__doc__": describe(spec),
        "__module__": "doclint.yamlrules.packs",
        "__qualname__": f"{spec.pack}:{spec.code}",
        "code": spec.code,
        "name": spec.name,
        "category": spec.category,
        "severity": spec.severity,
        "summary": spec.summary,
        "message": spec.message,
        "examples": spec.examples,
        "basis": spec.basis,
        "origin": f"pack:{spec.pack}",
        "scope": spec.scope,
        "fixable": spec.fix is not None,
        "spec": spec,
        "group_after": spec.group_after,
        "maturity": spec.maturity,
        "anchors": rule_anchors(spec),
    }
    if spec.type == "pairing":
        pairs, stand_ins = spec.params["pairs"], spec.params["stand_ins"]
        marks = "".join(regex.escape(c) for c in [*pairs, *pairs.values(), *stand_ins])
        attrs["marks"] = lazy_regex(f"[{marks}]")

        def forms(mark: str) -> list[str]:  # a mark and the marks that may stand for it
            return [mark, *(s for s, full in stand_ins.items() if full == mark)]

        attrs["pair_strings"] = tuple(o + c for open_, close in pairs.items()
                                      for o in forms(open_) for c in forms(close))
        probes = [f"{regex.escape(o)}[^{regex.escape(pairs[o])}]*{regex.escape(o)}"
                  for o in spec.params["nesting"]]
        attrs["nest_probe"] = lazy_regex("|".join(probes)) if probes else None
    try:
        return type(f"Pack{spec.code}", (BASES[spec.type],), attrs)
    except TypeError as exc:  # validate_rule_class; the loader checks the same things first
        raise ConfigError(f"{exc} (rule at {spec.where})", spec.path) from None


def whole_text_patterns(spec: RuleSpec) -> list[UserPattern]:
    """The patterns of the rule that are tested against a whole document: its ``requires``,
    every pattern of a rule of scope ``document``, a pairing rule's exceptions."""
    found = [] if spec.requires is None else [spec.requires]
    if spec.scope == "document":
        found.extend(spec.patterns)
    elif spec.type == "pairing":
        found.extend(spec.exceptions)
    return found


def describe(spec: RuleSpec) -> str:
    """The rule's documentation text: the pack author's description, then where it comes from."""
    body = spec.description.strip() or spec.summary.zh
    origin = (f"规则包 `{spec.pack}`（{Path(spec.path).name}）中的 {spec.type} 规则，"
              f"范围 {spec.scope}。")
    return f"{body}\n\n{origin}"
