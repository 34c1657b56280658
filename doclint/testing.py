"""Helpers for testing rules, public so plugin and pack authors can use them too.

A case file (``tests/rules/cases/<CODE>.yaml``) looks like::

    rule: P101
    cases:
      - id: leader_placeholder
        text: "刚才，XX书记作了重要讲话。"
        expect: [[1, 4, 1, 6]]        # [line, column, end_line, end_column], end exclusive
        fixed: null                    # optional: the text after applying the fixes
      - id: generic_mou_is_fine
        text: "某企业负责人表示。"
        expect: []
        options: {}                    # optional rule options
        settings: {year: 2005}         # optional document settings (year, ...)
        path: "2019年工作报告.txt"       # optional file name the document pretends to have
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doclint.core.diagnostic import Diagnostic, Severity
from doclint.core.document import Document
from doclint.core.fixes import apply_fixes
from doclint.core.linter import ActiveRule, lint_document
from doclint.core.registry import RuleRegistry
from doclint.core.rule import Examples, Rule


@dataclass(frozen=True)
class RuleCase:
    rule: str
    id: str
    text: str
    expect: tuple[tuple[int, ...], ...]
    fixed: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)
    path: str = "<case>"
    metadata: Mapping[str, Any] = field(default_factory=dict)


@functools.cache
def default_registry() -> RuleRegistry:
    from doclint.plugins.manager import get_plugin_manager
    from doclint.runner.engine import collect_rules

    return collect_rules(get_plugin_manager())


def lint_text(code: str, text: str, *, options: Mapping[str, Any] | None = None,
              settings: Mapping[str, Any] | None = None, path: str = "<case>",
              metadata: Mapping[str, Any] | None = None,
              registry: RuleRegistry | None = None) -> list[Diagnostic]:
    """Run one rule over ``text`` and return its diagnostics (crashes are raised).

    The masking rules run beside it, as in a real run: the rule's findings inside text that
    another rule removes as a whole (web chrome, page copies ...) are dropped.
    """
    registry = registry or default_registry()
    rule_class = registry.get(code)
    if rule_class is None or not issubclass(rule_class, Rule):
        raise LookupError(f"no document rule {code}")
    rule = rule_class(**dict(options or {}))
    maskers = [r() for r in registry if issubclass(r, Rule) and r.masks and r is not rule_class]
    doc = Document(path=path, source=text, metadata=dict(metadata or {}),
                   settings={"year": None, "era_markers": [], **dict(settings or {})})
    diagnostics, crashes = lint_document(doc, [ActiveRule(rule, Severity.WARNING)], maskers)
    if crashes:
        raise AssertionError(crashes[0])
    return diagnostics


def spans(diagnostics: Sequence[Diagnostic]) -> list[tuple[int, int, int, int]]:
    return [(d.start.line, d.start.column, d.end.line, d.end.column) for d in diagnostics]


def fixed_text(text: str, diagnostics: Sequence[Diagnostic]) -> str:
    return apply_fixes(text, [d.fix for d in diagnostics if d.fix is not None])[0]


def load_cases(path: Path) -> list[RuleCase]:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    code = data["rule"]
    cases = []
    for item in data["cases"]:
        expect = tuple(tuple(e) for e in item.get("expect") or ())
        cases.append(RuleCase(code, item["id"], item["text"], expect, item.get("fixed"),
                              item.get("options") or {}, item.get("settings") or {},
                              item.get("path", "<case>"), item.get("metadata") or {}))
    return cases


def check_case(case: RuleCase) -> None:
    """Assert a case: exact spans, the fixed text, and that the fixed text is clean."""
    found = lint_text(case.rule, case.text, options=case.options, settings=case.settings,
                      path=case.path, metadata=case.metadata)
    got = spans(found)
    want = [tuple(e) if len(e) == 4 else None for e in case.expect]
    if all(w is not None for w in want):
        assert got == want, f"{case.rule}/{case.id}: spans {got} != expected {want}"
    else:
        assert [g[:2] for g in got] == [tuple(e[:2]) for e in case.expect], (
            f"{case.rule}/{case.id}: positions {got} != expected {case.expect}")
    if case.fixed is not None:
        result = fixed_text(case.text, found)
        assert result == case.fixed, f"{case.rule}/{case.id}: fixed text {result!r}"
        again = lint_text(case.rule, result, options=case.options, settings=case.settings,
                          path=case.path, metadata=case.metadata)
        assert not again, f"{case.rule}/{case.id}: fixed text still fires: {spans(again)}"


def check_examples(code: str) -> None:
    """Every documented bad example fires and every good one stays quiet."""
    rule = default_registry().get(code)
    assert rule is not None
    settings = dict(getattr(rule, "example_settings", {}) or {})
    for item in map(Examples.as_example, rule.examples.bad):
        found = lint_text(code, item.text, settings=settings)
        assert found, f"{code}: bad example does not fire: {item.text!r}"
        if item.fixed is not None:
            assert fixed_text(item.text, found) == item.fixed, f"{code}: fix of {item.text!r}"
    for item in map(Examples.as_example, rule.examples.good):
        found = lint_text(code, item.text, settings=settings)
        assert not found, f"{code}: good example fires {spans(found)}: {item.text!r}"
