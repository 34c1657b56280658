"""The keys of each rule type, validated and compiled (patterns, swaps, pairs, limits)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import regex

from doclint.core.lazyregex import lazy_regex
from doclint.core.prefilter import Prefilter
from doclint.yamlrules import schema
from doclint.yamlrules.patterns import UserPattern
from doclint.yamlrules.yamlio import Source

Compile = Callable[..., UserPattern]
_TEMPLATE_ESCAPE = lazy_regex(r"\\(?:g<([^>]*)>|(\d{1,2})|(.)|$)", regex.S)
_PLAIN_ESCAPES = "\\ntrfvab"
_UNESCAPE = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "b": "\b"}
REPEAT_GROUP = "doclint_token"


def type_params(kind: str, src: Source, node: Mapping[str, Any], compile_one: Compile,
                literal: bool, fix: str | None) -> dict[str, Any]:
    return _BUILDERS[kind](src, node, compile_one, literal, fix)


def _existence(src: Source, node: Mapping[str, Any], compile_one: Compile, literal: bool,
               fix: str | None) -> dict[str, Any]:
    from doclint.yamlrules.loader import pattern_list

    style = None
    if "house_style" in node:
        if not isinstance(node["house_style"], str):
            src.fail('"house_style" must be a pattern of the right form', node, "house_style",
                     value=True)
        style = compile_one(node["house_style"], node, "house_style", raw=True)
    return {"tokens": tuple(compile_one(p, seq, index=i)
                            for seq, i, p in pattern_list(src, node, "tokens")),
            "house_style": style}


def _substitution(src: Source, node: Mapping[str, Any], compile_one: Compile, literal: bool,
                  fix: str | None) -> dict[str, Any]:
    swap = _mapping(src, node, "swap")
    pairs = []
    for wrong, right in swap.items():
        pattern = compile_one(wrong, swap, wrong, at_key=True)
        if not isinstance(right, str):
            src.fail("a replacement must be a string (\"\" deletes the match)", swap, wrong,
                     value=True)
        problem = None if literal else template_problem(right, pattern.compiled)
        if problem:
            src.fail(f"replacement '{right}': {problem}", swap, wrong, value=True)
        pairs.append((pattern, right, not literal))
    return {"swap": tuple(pairs), "house_style": _house_style(src, node, compile_one, pairs)}


def _house_style(src: Source, node: Mapping[str, Any], compile_one: Compile,
                 pairs: list[tuple[UserPattern, str, bool]]) -> Any:
    """``house_style`` of a substitution: None, a pattern of the right form, or a tuple of
    each swap's right form (the literal text its replacement begins with)."""
    if "house_style" not in node:
        return None
    value = node["house_style"]
    if isinstance(value, str):
        return compile_one(value, node, "house_style", raw=True)
    if value is not True:
        src.fail('"house_style" must be true or a pattern of the right form', node,
                 "house_style", value=True)
    heads = []
    for _pattern, right, is_template in pairs:
        head = replacement_head(right) if is_template else right
        if not head:
            src.fail(f"house_style: true needs replacements that begin with literal text "
                     f"(\"{right}\" does not); give a pattern of the right form instead",
                     node, "house_style")
        heads.append(head)
    return tuple(heads)


def replacement_head(template: str) -> str:
    """The literal text a replacement template begins with (up to its first group)."""
    head = []
    at = 0
    for match in _TEMPLATE_ESCAPE.finditer(template):
        head.append(template[at:match.start()])
        name, number, other = match.groups()
        if name is not None or number is not None or other is None:
            return "".join(head)
        head.append(_UNESCAPE.get(other, other))
        at = match.end()
    head.append(template[at:])
    return "".join(head)


def _occurrence(src: Source, node: Mapping[str, Any], compile_one: Compile, literal: bool,
                fix: str | None) -> dict[str, Any]:
    limits: dict[str, int | None] = {}
    for key in ("min", "max"):
        value = node.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)
                                  or value < 0):
            src.fail(f'"{key}" must be a whole number >= 0', node, key, value=True)
        limits[key] = value
    if limits["min"] is None and limits["max"] is None:
        src.fail('an occurrence rule needs "min", "max" or both', node)
    if limits["min"] is not None and limits["max"] is not None and limits["min"] > limits["max"]:
        src.fail('"min" is larger than "max"', node, "min", value=True)
    return {"token": compile_one(node["token"], node, "token"), **limits}


def _repetition(src: Source, node: Mapping[str, Any], compile_one: Compile, literal: bool,
                fix: str | None) -> dict[str, Any]:
    from doclint.yamlrules.loader import pattern_list

    tokens = [compile_one(p, seq, index=i) for seq, i, p in pattern_list(src, node, "tokens")]
    if any(REPEAT_GROUP in t.compiled.groupindex for t in tokens):
        src.fail(f'the group name "{REPEAT_GROUP}" is reserved', node, "tokens")
    body = "|".join(f"(?:{t.compiled.pattern})" for t in tokens)
    combined = compile_one(f"(?P<{REPEAT_GROUP}>{body})(?:(?P={REPEAT_GROUP}))+", node,
                           "tokens", raw=True)
    sources = [t.source for t in tokens]
    if all(literal or _is_literal(t) for t in sources) and not combined.compiled.flags & regex.I:
        # Literal tokens: a run begins with the token twice, which the parser cannot see.
        doubled = frozenset(t * 2 for t in sources)
        combined.prefilter = Prefilter(doubled, (doubled,))
    return {"tokens": combined}


def _consistency(src: Source, node: Mapping[str, Any], compile_one: Compile, literal: bool,
                 fix: str | None) -> dict[str, Any]:
    either = _mapping(src, node, "either")
    pairs = []
    for first, second in either.items():
        if not isinstance(second, str):
            src.fail("the other form must be a string pattern", either, first, value=True)
        if fix and not literal and not (_is_literal(str(first)) and _is_literal(second)):
            src.fail("a consistency fix needs literal forms (set literal: true)", either, first)
        pairs.append((compile_one(first, either, first, at_key=True),
                      compile_one(second, either, first)))
    return {"either": tuple(pairs)}


def _conditional(src: Source, node: Mapping[str, Any], compile_one: Compile, literal: bool,
                 fix: str | None) -> dict[str, Any]:
    return {"first": compile_one(node["first"], node, "first"),
            "second": compile_one(node["second"], node, "second")}


def _pairing(src: Source, node: Mapping[str, Any], compile_one: Compile, literal: bool,
             fix: str | None) -> dict[str, Any]:
    pairs = _char_map(src, node, "pairs")
    closers = list(pairs.values())
    if len(set(closers)) != len(closers) or set(closers) & set(pairs):
        src.fail("every opening and closing mark must be a different character", node, "pairs")
    nesting = _char_map(src, node, "nesting") if "nesting" in node else {}
    for outer, inner in nesting.items():
        if outer not in pairs or inner not in pairs:
            src.fail(f'nesting "{outer}" -> "{inner}": both must be opening marks in pairs',
                     node["nesting"], outer)
    continues = _char_list(src, node, "continues") if "continues" in node else []
    for mark in continues:
        if mark not in pairs:
            src.fail(f'continues: "{mark}" is not an opening mark in pairs', node, "continues",
                     value=True)
    carry = node.get("carry", 0)
    if isinstance(carry, bool) or not isinstance(carry, int) or not 0 <= carry <= 20:
        src.fail('"carry" must be a whole number of units from 0 to 20', node, "carry",
                 value=True)
    stand_ins = _char_map(src, node, "stand_ins") if "stand_ins" in node else {}
    for mark, full in stand_ins.items():
        if mark in pairs or mark in closers or (full not in pairs and full not in closers):
            src.fail(f'stand_ins "{mark}" -> "{full}": a mark outside pairs standing for a '
                     'mark in pairs', node["stand_ins"], mark)
    default = ["unclosed", "unopened"] + (["nested"] if nesting else [])
    check = _char_list(src, node, "check", words=True) if "check" in node else default
    for problem in check:
        if problem not in schema.PAIRING_PROBLEMS:
            src.fail(f'check: unknown problem "{problem}" (known: '
                     f'{", ".join(schema.PAIRING_PROBLEMS)})', node, "check", value=True)
    if "nested" in check and not nesting:
        src.fail('check "nested" needs a "nesting" mapping', node, "check", value=True)
    return {"pairs": pairs, "nesting": nesting, "continues": frozenset(continues),
            "carry": carry, "stand_ins": stand_ins, "check": frozenset(check)}


def _mapping(src: Source, node: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = node[key]
    if not isinstance(value, Mapping) or not value:
        src.fail(f'"{key}" must be a non-empty mapping', node, key, value=True)
    return value


def _char_map(src: Source, node: Mapping[str, Any], key: str) -> dict[str, str]:
    value = _mapping(src, node, key)
    for outer, inner in value.items():
        for mark in (outer, inner):
            if not isinstance(mark, str) or len(mark) != 1:
                src.fail(f'"{key}" maps single characters to single characters', value, outer)
    return {str(k): str(v) for k, v in value.items()}


def _char_list(src: Source, node: Mapping[str, Any], key: str, words: bool = False) -> list[str]:
    value = node[key]
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(
            isinstance(v, str) and (words or len(v) == 1) for v in value):
        what = "words" if words else "single characters"
        src.fail(f'"{key}" must be a list of {what}', node, key, value=True)
    return [str(v) for v in value]


def _is_literal(pattern: str) -> bool:
    return regex.escape(pattern, special_only=True) == pattern


def template_problem(template: str, compiled: regex.Pattern[str]) -> str | None:
    """Why a replacement template cannot be expanded for ``compiled`` (None when it can)."""
    for match in _TEMPLATE_ESCAPE.finditer(template):
        name, number, other = match.groups()
        if name is not None:
            if name.isdigit():
                if int(name) > compiled.groups:
                    return f"no group {name} in the pattern"
            elif name not in compiled.groupindex:
                return f"no group named {name!r} in the pattern"
        elif number is not None:
            if int(number) > compiled.groups:
                return f"no group {number} in the pattern"
        elif other is None:
            return "a lone backslash at the end"
        elif other.isascii() and other.isalpha() and other not in _PLAIN_ESCAPES:
            return f"bad escape \\{other}"
    return None


_BUILDERS: dict[str, Callable[..., dict[str, Any]]] = {
    "existence": _existence,
    "substitution": _substitution,
    "occurrence": _occurrence,
    "repetition": _repetition,
    "consistency": _consistency,
    "conditional": _conditional,
    "pairing": _pairing,
}
