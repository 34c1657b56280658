"""What every output format implements, and the summary they all report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO

from doclint.core.diagnostic import Applicability, Diagnostic, FileResult, Fix, Severity
from doclint.core.registry import RuleRegistry


@dataclass
class Summary:
    """Totals of a run, filled by the runner as results stream in."""

    files: int = 0
    unreadable: int = 0
    crashed: int = 0
    chars: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    fixable: int = 0  # safe fixes: applied by --fix
    unsafe_fixable: int = 0  # unsafe fixes: applied by --fix --unsafe-fixes
    suggestions: int = 0  # suggestion-only fixes: never applied by the command line
    fixed: int | None = None  # fixes applied by --fix (None: not a --fix run)
    seconds: float = 0.0
    suppressed: int = 0  # hidden by suppression comments and ignore files
    baselined: int = 0  # hidden by the baseline

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.chars += result.info.chars
        self.unreadable += result.error is not None
        self.crashed += bool(result.crashes)
        self.count(result.diagnostics)

    def count(self, diagnostics: tuple[Diagnostic, ...] | list[Diagnostic]) -> None:
        for diag in diagnostics:
            self.by_severity[diag.severity.label] += 1
            self.by_code[diag.code] += 1
            self.by_category[diag.category.value] += 1
            fix = diag.fix
            if fix is not None:
                self.fixable += fix.applicability is Applicability.SAFE
                self.unsafe_fixable += fix.applicability is Applicability.UNSAFE
                self.suggestions += fix.applicability is Applicability.SUGGESTION

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())

    def at_or_above(self, level: Severity) -> int:
        return sum(n for label, n in self.by_severity.items() if Severity.parse(label) >= level)

    def as_dict(self) -> dict[str, Any]:
        hidden = {"suppressed": self.suppressed, "baselined": self.baselined}
        return {
            "files": self.files,
            "unreadable": self.unreadable,
            "diagnostics": self.total,
            "by_severity": dict(sorted(self.by_severity.items())),
            "by_category": dict(sorted(self.by_category.items())),
            "by_code": dict(sorted(self.by_code.items())),
            "fixable": self.fixable,
            "unsafe_fixable": self.unsafe_fixable,
            "suggestions": self.suggestions,
            **({"fixed": self.fixed} if self.fixed is not None else {}),
            # Only when something was hidden: the schema's other keys are always there.
            **({"hidden": hidden} if self.suppressed or self.baselined else {}),
        }


class Formatter:
    """Lifecycle: ``start``, ``handle`` per file (input order), ``archive`` once, ``finish``."""

    def __init__(self, stream: TextIO, *, registry: RuleRegistry, lang: str = "zh",
                 color: bool = False, options: dict[str, Any] | None = None) -> None:
        self.stream = stream
        self.registry = registry
        self.lang = lang
        self.color = color
        self.options = options or {}

    def start(self) -> None:
        """Called before the first file."""

    def handle(self, result: FileResult) -> None:
        """Called for each file's result, in input order."""

    def archive(self, diagnostics: list[Diagnostic], lines: dict[str, dict[int, str]]) -> None:
        """Called once with diagnostics of cross-document rules and their source lines."""

    def finish(self, summary: Summary) -> None:
        """Called after the last file."""


FIX_LABELS = {
    Applicability.UNSAFE: {"zh": "[不安全修复]", "en": "[unsafe fix]"},
    Applicability.SUGGESTION: {"zh": "[修改建议]", "en": "[suggestion]"},
}


def fix_label(fix: Fix | None, lang: str, unsafe_fixes: bool = False) -> str:
    """`` [*]`` when ``--fix`` applies the fix (ruff's mark), else its applicability."""
    if fix is None:
        return ""
    if fix.applies(unsafe_fixes):
        return " [*]"
    return " " + FIX_LABELS[fix.applicability]["en" if lang == "en" else "zh"]
