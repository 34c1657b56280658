"""test-rules (every shipped pack passes), new-rule, init, enable and disable."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from doclint.cli.main import cli
from doclint.core.config import KEYS, load_config
from doclint.yamlrules import builtin_pack_paths
from doclint.yamlrules.schema import TYPES
from doclint.yamlrules.selftest import test_pack as run_pack_examples


@pytest.mark.parametrize("path", builtin_pack_paths(), ids=lambda p: p.stem)
def test_shipped_pack_examples_pass(path: Path) -> None:
    result = run_pack_examples(path)
    assert result.rules >= 10
    assert result.ok, "\n".join(map(str, result.failures))


def test_test_rules_command_on_the_shipped_packs() -> None:
    result = CliRunner().invoke(cli, ["test-rules"])
    assert result.exit_code == 0, result.output
    assert "3 packs" in result.stdout and "0 failed, 0 packs not loaded" in result.stdout


def test_test_rules_reports_failures_and_broken_packs(tmp_path: Path) -> None:
    failing = tmp_path / "failing.yaml"
    failing.write_text("""\
name: failing
rules:
  - code: FA001
    type: substitution
    category: punctuation
    severity: warning
    message: {zh: "x", en: "x"}
    swap: {'\\.\\.\\.': '…'}
    examples:
      bad: [{text: "好...", fixed: "好……"}, "好的"]
      good: ["好..."]
""", encoding="utf-8")
    result = CliRunner().invoke(cli, ["test-rules", str(failing)])
    assert result.exit_code == 1
    lines = [line for line in result.stdout.splitlines() if "FAIL" in line]
    assert len(lines) == 3
    assert "the fix gives '好…', expected '好……'" in lines[0]
    assert "bad example '好的': does not fire" in lines[1]
    assert "good example '好...': fires: 1:2" in lines[2]
    broken = tmp_path / "broken.yaml"
    broken.write_text("name: broken\nrules: [{code: X1}]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["test-rules", str(broken)])
    assert result.exit_code == 2
    assert f"{broken}:2:9: missing field \"type\"" in result.stderr


@pytest.mark.parametrize("kind", [*TYPES, "all"])
def test_new_rule_template_passes_test_rules(tmp_path: Path, kind: str) -> None:
    target = tmp_path / f"{kind}.yaml"
    runner = CliRunner()
    made = runner.invoke(cli, ["new-rule", "--type", kind, "--code", "ZZ100", "--pack",
                               "office-rules", "-o", str(target)])
    assert made.exit_code == 0, made.output
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# A doclint rule pack") and "code: ZZ100" in text
    tested = runner.invoke(cli, ["test-rules", str(target)])
    assert tested.exit_code == 0, tested.output
    again = runner.invoke(cli, ["new-rule", "-o", str(target)])
    assert again.exit_code == 2 and "exists" in again.stderr


def test_new_rule_prints_by_default() -> None:
    result = CliRunner().invoke(cli, ["new-rule", "--type", "pairing"])
    assert result.exit_code == 0 and "type: pairing" in result.stdout


def test_init_writes_a_commented_valid_config(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    assert runner.invoke(cli, ["init"]).exit_code == 0
    text = (tmp_path / ".doclint.yaml").read_text(encoding="utf-8")
    for key, (_type, doc) in KEYS.items():
        assert key in text and doc in text, key
    config = load_config(tmp_path / ".doclint.yaml")
    assert config.ignore == [] and config.lang == "zh"
    assert runner.invoke(cli, ["init"]).exit_code == 2  # never overwrites unasked
    assert runner.invoke(cli, ["config"]).exit_code == 0


USER_CONFIG = """\
# Office settings: do not lose this comment.
select: [ALL]     # everything
ignore:
    - T601        # duplicate lines are fine in our minutes
    - BD003
# Our own packs
rule_packs: []
lang: en
"""


def test_enable_and_disable_keep_comments_and_order(tmp_path: Path, monkeypatch) -> None:
    config = tmp_path / ".doclint.yaml"
    config.write_text(USER_CONFIG, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["disable", "BD004"])
    assert result.exit_code == 0, result.output
    assert "added BD004 to ignore" in result.stdout
    assert config.read_text(encoding="utf-8") == USER_CONFIG.replace(
        "    - BD003\n", "    - BD003\n    - BD004\n")
    result = runner.invoke(cli, ["enable", "BD003", "T601"])
    assert result.exit_code == 0, result.output
    assert config.read_text(encoding="utf-8") == """\
# Office settings: do not lose this comment.
select: [ALL]     # everything
ignore:
    - BD004
# Our own packs
rule_packs: []
lang: en
extend-select: [BD003, T601]
"""
    assert load_config(config).extend_select == ["BD003", "T601"]
    assert runner.invoke(cli, ["enable", "BD003"]).stdout.endswith("(already so)\n")
    unknown = runner.invoke(cli, ["disable", "QQ999"])
    assert unknown.exit_code == 2 and 'unknown rule code, prefix or category "QQ999"' in \
        unknown.stderr


def test_enable_needs_a_yaml_config(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["enable", "BD001"])
    assert result.exit_code == 2 and "doclint init" in result.stderr


def test_every_type_example_in_the_docs_passes(tmp_path: Path) -> None:
    """docs/rule-packs.md shows one rule per type; together they form a pack that passes."""
    import re

    doc = (Path(__file__).resolve().parents[2] / "docs" / "rule-packs.md").read_text("utf-8")
    blocks = re.findall(r"```yaml\n(  - code: AB\d{3}\n.*?)```", doc, re.S)
    assert len(blocks) == len(TYPES)
    pack = tmp_path / "docs-examples.yaml"
    pack.write_text("name: docs-examples\nprefix: AB\nrules:\n" + "".join(blocks), "utf-8")
    result = run_pack_examples(pack)
    assert result.rules == len(TYPES)
    assert result.ok, "\n".join(map(str, result.failures))


def test_shipped_packs_handle_crlf_line_ends() -> None:
    from doclint.core.document import Document
    from doclint.core.linter import ActiveRule, lint_document
    from doclint.testing import default_registry

    registry = default_registry()
    rules = [ActiveRule(registry.get(code)(), registry.get(code).severity)
             for code in ("BD004", "GW008", "GW011", "GW012")]
    text = "现通知如下.\r\n抄送：县委办，县人大办\r\n\r\n2024年04月08日\r\n— 3 —\r\n"
    found, crashes = lint_document(Document.from_text(text), rules)
    assert not crashes
    assert [(d.code, d.start.line, d.start.column) for d in found] == [
        ("BD004", 1, 6), ("GW011", 2, 11), ("GW008", 4, 5), ("GW008", 4, 8), ("GW012", 5, 1)]
