"""`doclint rules`, `doclint rule CODE`, and version/help."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from doclint.docs import rule_record
from doclint.testing import default_registry

RECORD_KEYS = {"code", "name", "category", "severity", "fixable", "maturity", "precision", "origin",
               "scope", "summary", "basis", "options"}

Doclint = Callable[..., Any]  # the `doclint` fixture of conftest.py


def test_rules_text_lists_every_rule(doclint: Doclint) -> None:
    run = doclint("rules")
    assert run.code == 0
    lines = run.out.splitlines()
    registry = default_registry()
    assert [line.split()[0] for line in lines] == [rule.code for rule in registry]
    for line, rule in zip(lines, registry, strict=True):
        fix = "*" if rule.fixable else " "
        measured = rule_record(rule)["precision"]
        share = f"{measured['precision']:.0%}" if measured else "-"
        assert line == (f"{rule.code:<6} {fix} {rule.severity.label:<8} {rule.category.value:<21} "
                        f"{rule.maturity.value:<8} {share:>5} {rule.summary.get('zh')}")


def test_rules_json(doclint: Doclint) -> None:
    run = doclint("rules", "--format", "json", "--lang", "en")
    records = json.loads(run.out)
    assert all(set(r) == RECORD_KEYS for r in records)
    by_code = {r["code"]: r for r in records}
    assert by_code["P101"] == rule_record(default_registry().get("P101"), "en")
    assert by_code["T601"]["name"] == "structure.duplicate-line"
    assert (by_code["T601"]["category"], by_code["T601"]["fixable"]) == ("duplicate-text", True)


def test_rule_docs(doclint: Doclint) -> None:
    run = doclint("rule", "P101")
    assert run.code == 0
    rule = default_registry().get("P101")
    assert run.out.startswith(f"# P101 template.placeholder\n\n**{rule.summary.get('zh')}**\n")
    assert "| 类别 category | placeholder |" in run.out
    assert "## 错误示例 Bad" in run.out and "## 正确示例 Good" in run.out
    for example in rule.examples.bad:
        assert (example if isinstance(example, str) else example.text) in run.out
    assert doclint("rule", "p101").out == run.out
    assert doclint("rule", "template.placeholder").out == run.out
    english = doclint("rule", "--lang", "en", "N301").out
    summary = default_registry().get("N301").summary.en
    assert english.startswith(f"# N301 number.mixed-percent-sign\n\n**{summary}**")
    assert "修复后 fixed:" in english


def test_unknown_rule_is_one_line_exit_2(doclint: Doclint) -> None:
    run = doclint("rule", "Q999")
    assert (run.code, run.out) == (2, "")
    assert run.err_lines == ['doclint: error: unknown rule "Q999" (see `doclint rules`)']


def test_version_and_help(doclint: Doclint) -> None:
    from doclint import __version__

    assert doclint("--version").out == f"doclint, version {__version__}\n"
    assert "check" in doclint("--help").out
    assert doclint("check", "--color", "sometimes").code == 2
