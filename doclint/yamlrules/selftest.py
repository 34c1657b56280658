"""Run a pack's own examples: bad must fire, good must not, fixed must be what the fix makes.

This is what ``doclint test-rules PACK`` runs, so a pack is tested by the command its author
uses, and the test-suite runs it over every shipped pack.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from doclint.core.diagnostic import Diagnostic
from doclint.core.document import Document
from doclint.core.fixes import apply_fixes
from doclint.core.linter import ActiveRule, lint_document
from doclint.core.rule import Examples, Rule
from doclint.yamlrules import load_pack


@dataclass(frozen=True)
class Failure:
    code: str
    kind: str  # bad, good, fixed, crash
    text: str
    detail: str

    def __str__(self) -> str:
        return f"{self.code} {self.kind} example {self.text!r}: {self.detail}"


@dataclass
class PackResult:
    path: str
    rules: int = 0
    examples: int = 0
    failures: list[Failure] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def test_pack(path: str | Path) -> PackResult:
    """Load the pack (ConfigError when it is malformed) and run every rule's examples."""
    rules = load_pack(path)
    result = PackResult(str(path), rules=len(rules))
    for rule in rules:
        count, failures = check_examples(rule)
        result.examples += count
        result.failures.extend(failures)
    return result


test_pack.__test__ = False  # type: ignore[attr-defined]  # not a pytest test


def check_examples(rule_class: type[Rule]) -> tuple[int, list[Failure]]:
    rule = rule_class()
    code = rule_class.code
    failures: list[Failure] = []
    count = 0
    for item in map(Examples.as_example, rule_class.examples.bad):
        count += 1
        found, crash = run(rule, item.text)
        if crash:
            failures.append(Failure(code, "crash", item.text, crash))
        elif not found:
            failures.append(Failure(code, "bad", item.text, "does not fire"))
        elif item.fixed is not None:
            fixed = apply_fixes(item.text, [d.fix for d in found if d.fix is not None])[0]
            if fixed != item.fixed:
                failures.append(Failure(code, "fixed", item.text,
                                        f"the fix gives {fixed!r}, expected {item.fixed!r}"))
            elif run(rule, fixed)[0]:
                failures.append(Failure(code, "fixed", item.text, "the fixed text still fires"))
    for item in map(Examples.as_example, rule_class.examples.good):
        count += 1
        found, crash = run(rule, item.text)
        if crash:
            failures.append(Failure(code, "crash", item.text, crash))
        elif found:
            failures.append(Failure(code, "good", item.text, f"fires: {describe(found)}"))
    return count, failures


def run(rule: Rule, text: str) -> tuple[list[Diagnostic], str]:
    doc = Document.from_text(text, "<example>", settings={"year": None, "era_markers": []})
    diagnostics, crashes = lint_document(doc, [ActiveRule(rule, rule.severity)])
    return diagnostics, "; ".join(crashes)


def describe(found: Sequence[Diagnostic]) -> str:
    return "; ".join(f"{d.start.line}:{d.start.column} {d.message.zh}" for d in found)
