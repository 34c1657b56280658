"""Every fixable rule's fixes carry the applicability chosen for it (issue 12, item 3).

Safe: keeps the meaning, applied by `--fix`. Unsafe: probably right, may remove or change
what the author meant; `--unsafe-fixes`. Suggestion: shown, never applied. A fix that
touches a figure (number, date, year, name) is at most a suggestion; the figure guard demotes
the few cases where an otherwise safe fix would (GW009 “1、2024年” -> “1.2024年”).
The applicabilities are collected from the rule's case files and documented examples.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from doclint.core.fixes import changes_figures
from doclint.core.rule import Examples
from doclint.testing import default_registry, lint_text, load_cases

CASES = Path(__file__).parent / "cases"
EXPECTED = {
    "BD001": ["safe"],
    "BD002": ["safe"],
    "BD004": ["safe"],
    "BD005": ["safe"],
    "BD006": ["safe"],
    "BD007": ["unsafe"],
    "BD008": ["unsafe"],
    "BD011": ["unsafe"],
    "BD012": ["safe"],
    "BD013": ["safe"],
    "GW001": ["safe"],
    "GW002": ["suggestion"],
    "GW005": ["safe"],
    "GW006": ["safe"],
    "GW007": ["safe"],
    "GW008": ["suggestion"],
    "GW009": ["suggestion"],
    "N201": ["suggestion"],
    "N301": ["safe"],
    "N302": ["suggestion", "unsafe"],
    "N303": ["safe", "suggestion"],
    "N304": ["safe"],
    "N305": ["suggestion"],
    "N306": ["unsafe"],
    "P103": ["unsafe"],
    "P201": ["unsafe"],
    "P202": ["safe", "unsafe"],  # unsafe where the match runs into a guessed sentence
    "P203": ["unsafe"],
    "P204": ["safe"],
    "P205": ["safe"],
    "P206": ["unsafe"],
    "SZ001": ["suggestion"],
    "SZ002": ["suggestion"],
    "SZ003": ["suggestion"],
    "SZ004": ["unsafe"],
    "SZ005": ["suggestion"],
    "SZ006": ["suggestion"],
    "SZ009": ["suggestion"],
    "SZ011": ["suggestion"],
    "SZ012": ["safe"],
    "T101": ["safe"],
    "T302": ["unsafe"],
    "T401": ["safe", "suggestion"],  # joining 2⏎万元 makes the figure 2万: the guard demotes
    "T404": ["unsafe"],
    "T406": ["unsafe"],
    "T405": ["unsafe"],  # the stretch's edges are a guess
    "T501": ["unsafe"],
    "T502": ["safe"],
    "T503": ["suggestion"],  # the acronyms include names (APEC, IMF, WTO)
    "T504": ["suggestion"],
    "T506": ["suggestion", "unsafe"],
    "T507": ["unsafe"],
    "T601": ["safe"],
    "T603": ["unsafe"],
    "Y501": ["suggestion"],
    "Y503": ["safe"],
}


def _fixes() -> dict[str, list[tuple[str, object]]]:
    found: dict[str, list[tuple[str, object]]] = defaultdict(list)
    for path in sorted(CASES.glob("*.yaml")):
        for case in load_cases(path):
            for diag in lint_text(case.rule, case.text, options=case.options,
                                  settings=case.settings, path=case.path,
                                  metadata=case.metadata):
                if diag.fix is not None:
                    found[diag.code].append((case.text, diag.fix))
    for rule in default_registry():
        if rule.code.startswith("A") or not getattr(rule, "examples", None):
            continue  # archive rules have no document examples
        settings = dict(getattr(rule, "example_settings", {}) or {})
        for item in map(Examples.as_example, rule.examples.bad):
            for diag in lint_text(rule.code, item.text, settings=settings):
                if diag.fix is not None:
                    found[diag.code].append((item.text, diag.fix))
    return found


FIXES = _fixes()


def test_each_rule_has_its_chosen_applicability() -> None:
    got = {code: sorted({fix.applicability.value for _, fix in fixes})  # type: ignore[attr-defined]
           for code, fixes in FIXES.items()}
    assert got == EXPECTED


def test_no_applied_fix_changes_a_figure() -> None:
    for code, fixes in FIXES.items():
        for text, fix in fixes:
            if fix.applicability.value != "suggestion":  # type: ignore[attr-defined]
                assert not changes_figures(text, fix.edits), (code, text)  # type: ignore[attr-defined]


def test_every_fixable_rule_is_covered() -> None:
    fixable = {rule.code for rule in default_registry() if rule.fixable}
    assert fixable <= set(EXPECTED), sorted(fixable - set(EXPECTED))
