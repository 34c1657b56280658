"""Helpers for pack tests: write a one-rule pack, lint a text with it, read spans."""

from __future__ import annotations

import textwrap
from pathlib import Path

from doclint.core.diagnostic import Diagnostic, Severity
from doclint.core.document import Document
from doclint.core.fixes import apply_fixes
from doclint.core.linter import ActiveRule, lint_document
from doclint.core.rule import Rule
from doclint.yamlrules import load_pack

RULE_HEAD = """\
name: test-pack
prefix: TP
rules:
  - code: TP001
    category: punctuation
    severity: warning
"""


def pack_text(body: str) -> str:
    """A pack whose one rule is RULE_HEAD plus ``body`` (indented like a rule's keys).

    ``body`` may start with unindented lines followed by an indented block (a prefix string
    joined to a triple-quoted one): each part is dedented on its own.
    """
    lines = body.strip("\n").split("\n")
    head = 0
    while head < len(lines) and lines[head] and not lines[head][0].isspace():
        head += 1
    text = "\n".join(lines[:head]) + "\n" + textwrap.dedent("\n".join(lines[head:]))
    return RULE_HEAD + textwrap.indent(text.strip("\n") + "\n", "    ")


def write_rule(directory: Path, body: str, name: str = "pack.yaml") -> type[Rule]:
    path = directory / name
    path.write_text(pack_text(body), encoding="utf-8")
    (rule,) = load_pack(path)
    return rule


def lint(rule: type[Rule], text: str) -> list[Diagnostic]:
    doc = Document.from_text(text, "<test>")
    found, crashes = lint_document(doc, [ActiveRule(rule(), Severity.WARNING)])
    assert not crashes, crashes
    return found


def spans(found: list[Diagnostic]) -> list[tuple[int, int, int, int]]:
    return [(d.start.line, d.start.column, d.end.line, d.end.column) for d in found]


def fixed(text: str, found: list[Diagnostic]) -> str:
    return apply_fixes(text, [d.fix for d in found if d.fix is not None])[0]
