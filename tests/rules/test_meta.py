"""Checks every registered rule: metadata, docs, examples, and case coverage."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.core.diagnostic import Category, Message
from doclint.core.rule import CODE_PATTERN, NAME_PATTERN, Rule
from doclint.docs import render_rule
from doclint.testing import check_examples, default_registry, load_cases

CASES_DIR = Path(__file__).parent / "cases"
BUILTIN = [r for r in default_registry() if r.origin == "builtin"]


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_metadata(rule: type) -> None:
    assert CODE_PATTERN.match(rule.code) and NAME_PATTERN.match(rule.name)
    assert isinstance(rule.category, Category)
    assert isinstance(rule.summary, Message) and rule.summary.zh and rule.summary.en
    message = getattr(rule, "message", None)
    if message is not None:
        assert message.zh and message.en
    assert rule.description(), f"{rule.code} has no docstring"


@pytest.mark.parametrize("rule", BUILTIN, ids=lambda r: r.code)
def test_docs_render(rule: type) -> None:
    page = render_rule(rule)
    assert page.startswith(f"# {rule.code} {rule.name}")
    assert "错误示例" in page and "正确示例" in page


@pytest.mark.parametrize("rule", [r for r in BUILTIN if issubclass(r, Rule)], ids=lambda r: r.code)
def test_examples(rule: type) -> None:
    assert rule.examples.bad and rule.examples.good, f"{rule.code} needs bad and good examples"
    check_examples(rule.code)


@pytest.mark.parametrize("rule", [r for r in BUILTIN if issubclass(r, Rule)], ids=lambda r: r.code)
def test_has_positive_and_negative_cases(rule: type) -> None:
    path = CASES_DIR / f"{rule.code}.yaml"
    assert path.exists(), f"missing {path.name}"
    cases = load_cases(path)
    assert any(c.expect for c in cases), f"{rule.code}: no case that must fire"
    assert any(not c.expect for c in cases), f"{rule.code}: no case that must stay quiet"


def test_codes_and_names_unique() -> None:
    rules = list(default_registry())
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)


def test_every_case_file_names_a_registered_rule() -> None:
    registry = default_registry()
    missing = [p.stem for p in CASES_DIR.glob("*.yaml") if p.stem not in registry]
    assert not missing, f"case files for unregistered rules (a family failed to load?): {missing}"
