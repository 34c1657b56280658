"""Runs every case file in tests/rules/cases: exact spans, fixes, clean after fixing."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.testing import RuleCase, check_case, load_cases

CASES_DIR = Path(__file__).parent / "cases"


def _all_cases() -> list[RuleCase]:
    cases: list[RuleCase] = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        cases.extend(load_cases(path))
    return cases


@pytest.mark.parametrize("case", _all_cases(), ids=lambda c: f"{c.rule}-{c.id}")
def test_case(case: RuleCase) -> None:
    check_case(case)
