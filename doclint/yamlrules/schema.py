"""What a pack may contain: the keys of a pack, of a rule, and of each rule type.

Kept as data (yamllint's CONF/DEFAULT style) so the loader, the docs and `doclint new-rule`
agree on one list.
"""

from __future__ import annotations

from dataclasses import dataclass

PACK_KEYS = ("name", "prefix", "description", "basis", "timeout", "group_after", "maturity",
             "requires", "rules")
PACK_REQUIRED = ("name", "rules")

RULE_REQUIRED = ("code", "type", "category", "severity", "message", "examples")
RULE_OPTIONAL = ("name", "summary", "description", "basis", "scope", "exceptions", "literal",
                 "ignorecase", "group_after", "maturity", "requires")

SCOPES = ("line", "sentence", "paragraph", "heading", "body", "document")
FIX_MODES = ("safe", "unsafe", "suggestion", "none")
MATURITIES = ("stable", "preview")
PAIRING_PROBLEMS = ("unclosed", "unopened", "nested")


@dataclass(frozen=True)
class TypeSchema:
    """One rule type: its own keys, the message fields it fills, defaults."""

    required: tuple[str, ...]
    optional: tuple[str, ...]
    fields: frozenset[str]
    scope: str
    fix: str | None  # default fix mode; None: the type never offers a fix
    doc: str


TYPES: dict[str, TypeSchema] = {
    "existence": TypeSchema(
        ("tokens",), ("house_style",), frozenset({"match"}), "line", None,
        "tokens (patterns) that must not appear"),
    "substitution": TypeSchema(
        ("swap",), ("fix", "house_style"), frozenset({"match", "replacement"}), "line", "safe",
        "swap: wrong pattern -> right replacement, with a fix"),
    "occurrence": TypeSchema(
        ("token",), ("min", "max"), frozenset({"match", "count", "min", "max"}), "sentence", None,
        "token may occur at least min / at most max times per scope unit"),
    "repetition": TypeSchema(
        ("tokens",), ("fix",), frozenset({"match", "token", "count"}), "line", "none",
        "the same token twice or more in a row"),
    "consistency": TypeSchema(
        ("either",), ("fix",), frozenset({"match", "other", "count"}), "document", "none",
        "either: form A or form B, never both in one scope unit"),
    "conditional": TypeSchema(
        ("first", "second"), (), frozenset({"match", "count"}), "document", None,
        "if first appears, second must appear too"),
    "pairing": TypeSchema(
        ("pairs",), ("nesting", "continues", "carry", "stand_ins", "check", "fix"),
        frozenset({"match", "open", "close", "problem", "inner"}), "paragraph", "none",
        "paired marks balance per scope unit; nesting: inner form of a nested mark (fixable)"),
}

# Keys whose value is a list of patterns, one pattern, or a mapping of patterns.
PATTERN_LISTS = ("tokens", "exceptions")
PATTERNS = ("token", "first", "second")
PATTERN_MAPS = ("swap", "either")
