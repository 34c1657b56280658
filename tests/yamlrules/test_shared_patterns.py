"""Shared patterns: `{{name}}` in a pack is the pattern doclint/data/patterns.yaml defines once,
which the rule modules read too; an unknown name is a one-line pack error at its position."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex
from click.testing import CliRunner
from packhelp import lint, spans, write_rule

from doclint.cli.main import cli
from doclint.core.errors import ConfigError
from doclint.core.fastyaml import load_file
from doclint.rules.structure import news
from doclint.yamlrules import load_pack
from doclint.yamlrules.anchors import pattern_anchors
from doclint.yamlrules.loader import PackReader
from doclint.yamlrules.shared import UnknownPattern, data_file, expand, names, shared_pattern

DATELINE_RULE = """\
type: existence
message: {zh: "电头", en: "dateline"}
tokens: ['^{{agency}}{{news_place_date}}?(?:电|讯|消息)']
examples: {bad: ["新华社北京3月8日电 正文"], good: ["据新华社报道"]}
"""


def test_a_pack_uses_a_shared_pattern_by_name(tmp_path: Path) -> None:
    rule = write_rule(tmp_path, DATELINE_RULE)
    text = "中国网络电视台消息 正文\n据新华社报道\n央视网北京2024年3月8日电 正文\n"
    assert spans(lint(rule, text)) == [(1, 1, 1, 10), (3, 1, 3, 16)]


def test_the_rule_modules_read_the_same_list() -> None:
    assert news.AGENCY == shared_pattern("agency")
    for agency in load_file(data_file())["agency"]["words"]:
        assert regex.fullmatch(news.AGENCY, agency)
        assert regex.match(news.DATELINE, f"{agency}北京3月8日电")


def test_the_longest_word_wins_and_expansions_capture_nothing() -> None:
    assert regex.match(shared_pattern("agency"), "中国网络电视台").group() == "中国网络电视台"
    for name in names():
        assert regex.compile(shared_pattern(name)).groups == 0, name
    # so a swap's \\1 still means the pack author's first group
    assert regex.compile(expand(r"({{agency}})(\d+)")).groups == 2


def test_anchors_are_derived_from_the_expanded_pattern(tmp_path: Path) -> None:
    words = load_file(data_file())["agency"]["words"]
    by_hand = "(?:" + "|".join(words) + ")"
    found = []
    for tokens in ("'{{agency}}(?:电|消息)'", f"'{by_hand}(?:电|消息)'", "'{{agency}}'",
                   f"'{by_hand}'"):
        _pack(tmp_path, f"tokens: [{tokens}]")
        (spec,) = PackReader(tmp_path / "pack.yaml").read()[2]
        found.append(pattern_anchors(spec.params["tokens"][0]))
    assert found[0] == found[1] and found[0] is not None
    assert found[2] == found[3] and found[2] is not None
    assert all(word.startswith(tuple(found[2])) for word in words)


@pytest.mark.parametrize(("body", "where"), [
    ("tokens: ['{{agencies}}消息']", ":8:14:"),
    ("tokens: ['a']\n    exceptions: ['x{{agencies}}']", ":9:18:")])
def test_an_unknown_name_is_a_pack_error_at_its_place(tmp_path: Path, body: str,
                                                      where: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_pack(_pack(tmp_path, body))
    message = str(caught.value)
    assert message.startswith(str(tmp_path / "pack.yaml") + where), message
    assert "unknown shared pattern {{agencies}} (known: agency, " in message
    assert "\n" not in message


def test_the_command_line_prints_one_line_not_a_traceback(tmp_path: Path) -> None:
    path = _pack(tmp_path, "tokens: ['{{agencies}}消息']")
    result = CliRunner().invoke(cli, ["test-rules", str(path)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"{path}:8:") and "unknown shared pattern {{agencies}}" in line


def test_literal_rules_and_other_braces_are_left_alone() -> None:
    assert expand("a{2,3}b{{Agency}}") == "a{2,3}b{{Agency}}"
    assert expand(r"\{\{name\}\}") == r"\{\{name\}\}"  # a template's placeholder, escaped
    with pytest.raises(UnknownPattern):
        expand("{{no_such_name}}")


def _pack(directory: Path, body: str) -> Path:
    path = directory / "pack.yaml"
    path.write_text(
        "name: shared-test\nrules:\n  - code: XY001\n    type: existence\n"
        "    category: punctuation\n    severity: warning\n    message: {zh: \"x\", en: \"x\"}\n"
        f"    {body}\n    examples: {{bad: [\"新华社消息\"], good: [\"b\"]}}\n", encoding="utf-8")
    return path


def test_a_literal_rule_matches_the_braces_themselves(tmp_path: Path) -> None:
    rule = write_rule(tmp_path, """\
type: existence
literal: true
message: {zh: "模板占位符", en: "template placeholder"}
tokens: ['{{agency}}']
examples: {bad: ["来源：{{agency}}"], good: ["来源：新华社"]}
""")
    assert spans(lint(rule, "来源：新华社\n来源：{{agency}}\n")) == [(2, 4, 2, 14)]
