"""A malformed pack is rejected with `pack.yaml:LINE:COL: message`; only plain YAML is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from doclint.core.errors import ConfigError
from doclint.yamlrules import load_pack

GOOD_RULE = """\
name: bad-pack
rules:
  - code: XY001
    type: existence
    category: punctuation
    severity: warning
    message: {zh: "x", en: "x"}
    tokens: ['a']
    examples: {bad: ["a"], good: ["b"]}
"""


def error_of(tmp_path: Path, text: str) -> str:
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_pack(path)
    return str(caught.value)


def where(message: str, tmp_path: Path) -> str:
    return message.removeprefix(str(tmp_path / "pack.yaml"))


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("type: existence", "type: existance",
     ':4:11: unknown rule type "existance" (known: existence, substitution, occurrence, '),
    ("    tokens: ['a']", "    tokens: ['a']\n    tokenz: ['b']",
     ':9:5: unknown key "tokenz" for a existence rule'),
    ("    tokens: ['a']", "    tokens: ['(a']",
     ":8:14: bad regex '(a': missing )"),
    ("    tokens: ['a']", "    tokens: ['b', '[a-']",
     ":8:19: bad regex '[a-': "),
    ("    category: punctuation\n", "",
     ':3:5: missing field "category" in a existence rule'),
    ("    tokens: ['a']\n", "",
     ':3:5: missing field "tokens" in a existence rule'),
    ("category: punctuation", "category: punctuations",
     ':5:15: unknown category "punctuations" (known: year-placeholder,'),
    ("severity: warning", "severity: fatal",
     ":6:15: unknown severity 'fatal' (expected error, warning or info)"),
    ('message: {zh: "x", en: "x"}', 'message: {zh: "x{matc}", en: "x"}',
     ":7:19: message.zh: unknown field {matc} (this rule type fills {match})"),
    ('message: {zh: "x", en: "x"}', 'message: {zh: "x"}',
     ':7:14: missing field "en" in a message'),
    ("code: XY001", "code: XY01", ':3:11: code "XY01" must be one or two capital letters'),
    ("tokens: ['a']", "tokens: ['a?']", ":8:14: pattern 'a?' matches the empty string"),
    ('good: ["b"]', "good: []", ':9:34: "examples.good" must be a non-empty list'),
    ("name: bad-pack", "name: Bad Pack", ':1:7: pack name "Bad Pack" must be lower-case'),
    ("name: bad-pack\n", "", ':1:1: missing field "name" in a rule pack'),
    ("tokens: ['a']", "tokens: !!python/object/apply:os.system ['echo hi']",
     ":8:13: YAML tags are not allowed in a pack"),
    ("    tokens: ['a']", "    tokens: ['a'", ":9:5: invalid YAML: "),
])
def test_malformed_pack_points_at_the_mistake(tmp_path: Path, old: str, new: str,
                                             expected: str) -> None:
    assert old in GOOD_RULE
    message = error_of(tmp_path, GOOD_RULE.replace(old, new, 1))
    assert where(message, tmp_path).startswith(expected), message


def test_the_good_pack_loads(tmp_path: Path) -> None:
    path = tmp_path / "good.yaml"
    path.write_text(GOOD_RULE, encoding="utf-8")
    (rule,) = load_pack(path)
    assert rule.code == "XY001" and rule.origin == "pack:bad-pack"


def test_duplicate_code_and_prefix(tmp_path: Path) -> None:
    second = GOOD_RULE.split("rules:\n", 1)[1]
    message = error_of(tmp_path, GOOD_RULE + second)
    assert where(message, tmp_path).startswith(':10:11: duplicate rule code "XY001"')
    message = error_of(tmp_path, GOOD_RULE.replace("name: bad-pack", "name: bad-pack\nprefix: AB"))
    assert where(message, tmp_path).startswith(
        ':4:11: code "XY001" does not start with the pack prefix "AB"')


def test_type_specific_checks(tmp_path: Path) -> None:
    swap = GOOD_RULE.replace("type: existence", "type: substitution").replace(
        "tokens: ['a']", "swap: {'(a)': '\\2'}")
    assert where(error_of(tmp_path, swap), tmp_path).startswith(
        ":8:19: replacement '\\2': no group 2 in the pattern")
    fixed = GOOD_RULE.replace('bad: ["a"]', 'bad: [{text: "a", fixed: "b"}]')
    assert where(error_of(tmp_path, fixed), tmp_path).startswith(
        ':9:34: "fixed" is given but this rule offers no fix')
    pairing = GOOD_RULE.replace("type: existence", "type: pairing").replace(
        "tokens: ['a']", "pairs: {'“': '”'}\n    nesting: {'“': '‘'}")
    assert where(error_of(tmp_path, pairing), tmp_path).startswith(
        ':9:15: nesting "“" -> "‘": both must be opening marks in pairs')
    occurrence = GOOD_RULE.replace("type: existence", "type: occurrence").replace(
        "tokens: ['a']", "token: 'a'")
    assert where(error_of(tmp_path, occurrence), tmp_path).startswith(
        ':3:5: an occurrence rule needs "min", "max" or both')


def test_missing_pack_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read rule pack"):
        load_pack(tmp_path / "nowhere.yaml")


def test_round_trip_loader_builds_plain_data_only(tmp_path: Path) -> None:
    """ruamel's rt mode never calls a constructor named by a tag; the loader rejects tags."""
    from ruamel.yaml import YAML

    data = YAML(typ="rt").load("a: !!python/object/apply:os.system ['exit 3']\n")
    assert list(data["a"]) == ["exit 3"]  # inert data: the command was not run
    message = error_of(tmp_path, GOOD_RULE.replace("name: bad-pack", "name: !!str bad-pack"))
    assert "YAML tags are not allowed" in message


def test_maturity_per_rule_and_per_pack(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(GOOD_RULE.replace("    tokens:", "    maturity: preview\n    tokens:"), "utf-8")
    (rule,) = load_pack(path)
    assert rule.maturity.value == "preview"
    path.write_text(GOOD_RULE.replace("rules:", "maturity: preview\nrules:"), "utf-8")
    (rule,) = load_pack(path)
    assert rule.maturity.value == "preview"
    path.write_text(GOOD_RULE, "utf-8")
    (rule,) = load_pack(path)
    assert rule.maturity.value == "stable"
    message = error_of(tmp_path, GOOD_RULE.replace("    tokens:", "    maturity: beta\n    tokens:"))
    assert where(message, tmp_path) == ":8:15: maturity must be one of stable, preview"
