"""Read a pack file and validate it into RuleSpecs; a mistake is a ConfigError at file:line:col."""

from __future__ import annotations

import string
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import regex

from doclint.core.diagnostic import Category, Message, Severity
from doclint.core.lazyregex import lazy_regex
from doclint.core.rule import CODE_PATTERN, NAME_PATTERN, Example, Examples, Maturity
from doclint.yamlrules import schema
from doclint.yamlrules.params import type_params
from doclint.yamlrules.patterns import DEFAULT_TIMEOUT, UserPattern, compile_pattern
from doclint.yamlrules.shared import UnknownPattern, expand
from doclint.yamlrules.spec import RuleSpec
from doclint.yamlrules.yamlio import Source, read_yaml

PACK_NAME = lazy_regex(r"^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$")
PREFIX = lazy_regex(r"^[A-Z]{1,2}$")
_DUMMY = {"count": 2, "min": 1, "max": 1}


class PackReader:
    """Validates one pack; holds what every rule inherits (pack name, prefix, timeout)."""

    def __init__(self, path: Path, shown: str | None = None, trusted: bool = False) -> None:
        self.path = path
        # Shipped packs are compiled by the tests; at run time their patterns compile lazily.
        self.trusted = trusted
        self.src = Source(shown or str(path))
        self.name = ""
        self.prefix = ""
        self.basis = ""
        self.timeout = DEFAULT_TIMEOUT
        self.group_after: int | None = None
        self.maturity = Maturity.STABLE
        self.requires: UserPattern | None = None
        self.shared_requires: dict[str, UserPattern] = {}
        self.codes: set[str] = set()

    def read(self) -> tuple[str, str, list[RuleSpec]]:
        """Return the pack's name, description and rules."""
        data = read_yaml(self.path, self.src.path, fast=self.trusted)
        src = self.src
        if not isinstance(data, Mapping):
            raise_at = data if getattr(data, "lc", None) is not None else None
            src.fail("a rule pack must be a mapping with name and rules", raise_at)
        src.check_plain(data)
        check_keys(src, data, schema.PACK_KEYS, schema.PACK_REQUIRED, "rule pack")
        self.name = text(src, data, "name")
        if not PACK_NAME.match(self.name):
            src.fail(f'pack name "{self.name}" must be lower-case words joined by "-" or "."',
                     data, "name", value=True)
        if "prefix" in data:
            self.prefix = text(src, data, "prefix")
            if not PREFIX.match(self.prefix):
                src.fail("prefix must be one or two capital letters", data, "prefix", value=True)
        description = text(src, data, "description") if "description" in data else ""
        self.basis = text(src, data, "basis") if "basis" in data else ""
        if "timeout" in data:
            value = data["timeout"]
            number = isinstance(value, (int, float)) and not isinstance(value, bool)
            if not number or not 0 < value <= 10:
                src.fail("timeout must be a number of seconds between 0 and 10", data, "timeout",
                         value=True)
            self.timeout = float(value)
        if "group_after" in data:
            self.group_after = self.count(data, "group_after")
        if "maturity" in data:
            self.maturity = self.maturity_of(data)
        if "requires" in data:
            self.requires = self.pattern(data["requires"], data, "requires", None, False, False,
                                         False)
        rules = data["rules"]
        if not isinstance(rules, list) or not rules:
            src.fail("rules must be a non-empty list of rule mappings", data, "rules", value=True)
        specs = []
        for index, node in enumerate(rules):
            if not isinstance(node, Mapping):
                src.fail("each rule must be a mapping (code, type, category, ...)", rules,
                         index=index)
            specs.append(self.rule(node))
        return self.name, description, specs

    def rule(self, node: Mapping[str, Any]) -> RuleSpec:
        src = self.src
        if "type" not in node:
            src.fail('missing field "type"', node)
        kind = text(src, node, "type")
        if kind not in schema.TYPES:
            src.fail(f'unknown rule type "{kind}" (known: {", ".join(schema.TYPES)})', node,
                     "type", value=True)
        spec = schema.TYPES[kind]
        allowed = schema.RULE_REQUIRED + schema.RULE_OPTIONAL + spec.required + spec.optional
        check_keys(src, node, allowed, schema.RULE_REQUIRED + spec.required, f"{kind} rule")
        code = self.code(node)
        literal = flag(src, node, "literal")
        ignorecase = flag(src, node, "ignorecase")

        def compile_one(source: Any, parent: Any, key: Any = None, index: int | None = None,
                        at_key: bool = False, raw: bool = False) -> UserPattern:
            return self.pattern(source, parent, key, index, at_key, literal and not raw,
                                ignorecase)

        fix = None
        if spec.fix is not None:
            mode = text(src, node, "fix") if "fix" in node else spec.fix
            if mode not in schema.FIX_MODES:
                src.fail(f'fix must be one of {", ".join(schema.FIX_MODES)}', node, "fix",
                         value=True)
            fix = None if mode == "none" else mode
        scope = text(src, node, "scope") if "scope" in node else spec.scope
        if scope not in schema.SCOPES:
            src.fail(f'unknown scope "{scope}" (known: {", ".join(schema.SCOPES)})', node,
                     "scope", value=True)
        message = bilingual(src, node, "message", spec.fields)
        summary = (bilingual(src, node, "summary", frozenset()) if "summary" in node
                   else Message(*(_blank_fields(t, spec.fields) for t in (message.zh, message.en))))
        params = type_params(kind, src, node, compile_one, literal, fix)
        exceptions = tuple(compile_one(p, seq, index=i)
                           for seq, i, p in pattern_list(src, node, "exceptions"))
        requires = self.requires
        if "requires" in node:
            # Rules that repeat one `requires` (a YAML anchor) share one pattern, so that it is
            # searched once per document.
            source = node["requires"]
            requires = self.shared_requires.get(source) if isinstance(source, str) else None
            if requires is None:
                requires = compile_one(source, node, "requires", raw=True)
                if isinstance(source, str):
                    self.shared_requires[source] = requires
        name = text(src, node, "name") if "name" in node else f"{self.name}.{code.lower()}"
        if not NAME_PATTERN.match(name):
            src.fail(f'rule name "{name}" must be lower-case words joined by "-" or "."', node,
                     "name", value=True)
        try:
            category = Category(text(src, node, "category"))
        except ValueError:
            known = ", ".join(c.value for c in Category)
            src.fail(f'unknown category "{node["category"]}" (known: {known})', node, "category",
                     value=True)
        try:
            severity = Severity.parse(text(src, node, "severity"))
        except ValueError as exc:
            src.fail(str(exc), node, "severity", value=True)
        return RuleSpec(
            pack=self.name, path=str(self.path), where=src.where(node), code=code, name=name,
            type=kind, category=category, severity=severity, message=message, summary=summary,
            description=text(src, node, "description") if "description" in node else "",
            basis=text(src, node, "basis") if "basis" in node else self.basis,
            scope=scope, fix=fix, examples=examples(src, node, fix), exceptions=exceptions,
            params=params,
            group_after=self.count(node, "group_after") if "group_after" in node else self.group_after,
            maturity=self.maturity_of(node) if "maturity" in node else self.maturity,
            requires=requires,
        )

    def maturity_of(self, node: Mapping[str, Any]) -> Maturity:
        value = text(self.src, node, "maturity")
        if value not in schema.MATURITIES:
            self.src.fail(f'maturity must be one of {", ".join(schema.MATURITIES)}', node,
                          "maturity", value=True)
        return Maturity(value)

    def count(self, node: Mapping[str, Any], key: str) -> int:
        value = node[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.src.fail(f"{key} must be a whole number of at least 1", node, key, value=True)
        return int(value)

    def code(self, node: Mapping[str, Any]) -> str:
        src = self.src
        code = text(src, node, "code")
        if not CODE_PATTERN.match(code):
            src.fail(f'code "{code}" must be one or two capital letters and three digits', node,
                     "code", value=True)
        if self.prefix and not code.startswith(self.prefix):
            src.fail(f'code "{code}" does not start with the pack prefix "{self.prefix}"', node,
                     "code", value=True)
        if code in self.codes:
            src.fail(f'duplicate rule code "{code}"', node, "code", value=True)
        self.codes.add(code)
        return code

    def pattern(self, source: Any, parent: Any, key: Any, index: int | None, at_key: bool,
                literal: bool, ignorecase: bool) -> UserPattern:
        src = self.src
        here = {"key": key, "index": index, "value": not at_key and key is not None}
        if not isinstance(source, str) or not source:
            src.fail("a pattern must be a non-empty string", parent, **here)
        where = src.where(parent, **here)
        if not literal:
            try:
                source = expand(source)
            except UnknownPattern as exc:
                src.fail(str(exc), parent, **here)
        try:
            pattern = compile_pattern(source, where, literal=literal, ignorecase=ignorecase,
                                      timeout=self.timeout, lazy=self.trusted)
        except (regex.error, OverflowError, RecursionError) as exc:
            position = getattr(exc, "pos", None)
            at = f" at position {position}" if position is not None else ""
            detail = getattr(exc, "msg", str(exc))
            src.fail(f"bad regex '{source}': {detail}{at}", parent, **here)
        if not self.trusted and pattern.compiled.fullmatch(""):
            src.fail(f"pattern '{source}' matches the empty string", parent, **here)
        return pattern


def check_keys(src: Source, node: Mapping[str, Any], allowed: tuple[str, ...],
               required: tuple[str, ...], what: str) -> None:
    for key in node:
        if key not in allowed:
            src.fail(f'unknown key "{key}" for a {what} (known: {", ".join(allowed)})', node, key)
    for key in required:
        if key not in node:
            src.fail(f'missing field "{key}" in a {what}', node)


def text(src: Source, node: Mapping[str, Any], key: str) -> str:
    value = node[key]
    if not isinstance(value, str) or not value.strip():
        src.fail(f'"{key}" must be a non-empty string', node, key, value=True)
    return str(value)


def flag(src: Source, node: Mapping[str, Any], key: str) -> bool:
    value = node.get(key, False)
    if not isinstance(value, bool):
        src.fail(f'"{key}" must be true or false', node, key, value=True)
    return value


def pattern_list(src: Source, node: Mapping[str, Any], key: str) -> list[tuple[Any, int, Any]]:
    """(sequence, index, item) for a key holding a list of patterns (or one pattern)."""
    if key not in node:
        return []
    value = node[key]
    if isinstance(value, str):
        return [(_Single(node, key), 0, value)]
    if not isinstance(value, list) or not value:
        src.fail(f'"{key}" must be a non-empty list of patterns', node, key, value=True)
    return [(value, i, item) for i, item in enumerate(value)]


class _Single:
    """Points a one-pattern shorthand (``tokens: "x"``) at its key's value."""

    def __init__(self, parent: Any, key: str) -> None:
        line, col = parent.lc.value(key)
        self.lc = _LC(line, col)


class _LC:
    def __init__(self, line: int, col: int) -> None:
        self.line, self.col = line, col

    def item(self, _index: int) -> tuple[int, int]:
        return self.line, self.col


def bilingual(src: Source, node: Mapping[str, Any], key: str, fields: frozenset[str]) -> Message:
    value = node[key]
    if not isinstance(value, Mapping):
        src.fail(f'"{key}" must be a mapping with zh and en', node, key, value=True)
    check_keys(src, value, ("zh", "en"), ("zh", "en"), key)
    for lang in ("zh", "en"):
        template = text(src, value, lang)
        problem = template_problem(template, fields)
        if problem:
            src.fail(f"{key}.{lang}: {problem}", value, lang, value=True)
    return Message(str(value["zh"]), str(value["en"]))


def template_problem(template: str, fields: frozenset[str]) -> str | None:
    """Why ``template`` is not a valid message template for ``fields`` (None when it is)."""
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        return f"bad template: {exc} (write {{{{ and }}}} for literal braces)"
    for _literal, field_name, spec, _conversion in parsed:
        if field_name is None:
            continue
        if field_name not in fields:
            known = ", ".join("{" + f + "}" for f in sorted(fields)) or "none"
            return f"unknown field {{{field_name}}} (this rule type fills {known})"
        if spec and "{" in spec:
            return f"nested fields are not allowed in {{{field_name}}}"
    try:
        template.format(**_placeholders(fields, "x"))
    except (ValueError, KeyError, IndexError) as exc:
        return f"bad template: {exc}"
    return None


def _blank_fields(template: str, fields: frozenset[str]) -> str:
    """A message template with every field shown as "…" (the default summary)."""
    try:
        return template.format(**{f: "…" for f in fields})
    except (ValueError, TypeError):
        return template.format(**_placeholders(fields, "…"))


def _placeholders(fields: frozenset[str], word: str) -> dict[str, Any]:
    return {f: _DUMMY.get(f, word) for f in fields}


def examples(src: Source, node: Mapping[str, Any], fix: str | None) -> Examples:
    value = node["examples"]
    if not isinstance(value, Mapping):
        src.fail('"examples" must be a mapping with bad and good lists', node, "examples",
                 value=True)
    check_keys(src, value, ("bad", "good"), ("bad", "good"), "examples mapping")
    found: dict[str, list[Example]] = {}
    for kind in ("bad", "good"):
        items = value[kind]
        if not isinstance(items, list) or not items:
            src.fail(f'"examples.{kind}" must be a non-empty list', value, kind, value=True)
        found[kind] = [example(src, items, i, kind, fix) for i in range(len(items))]
    if fix and not any(e.fixed is not None for e in found["bad"]):
        src.fail('a rule with a fix needs a bad example with "fixed"', value, "bad")
    return Examples(bad=tuple(found["bad"]), good=tuple(found["good"]))


def example(src: Source, items: list[Any], index: int, kind: str, fix: str | None) -> Example:
    item = items[index]
    if isinstance(item, str):
        return Example(item)
    if not isinstance(item, Mapping):
        src.fail("an example is a string or a mapping with text (and fixed)", items, index=index)
    allowed = ("text", "fixed", "note") if kind == "bad" else ("text", "note")
    check_keys(src, item, allowed, ("text",), f"{kind} example")
    if "fixed" in item and not fix:
        src.fail('"fixed" is given but this rule offers no fix', item, "fixed")
    fixed = item.get("fixed")
    if fixed is not None and not isinstance(fixed, str):
        src.fail('"fixed" must be a string', item, "fixed", value=True)
    note = item.get("note", "")
    return Example(text(src, item, "text"), fixed, str(note))
