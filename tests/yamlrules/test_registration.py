"""Packs reach the registry from config (relative paths), plugins and the built-in hook."""

from __future__ import annotations

import json
from pathlib import Path

import pluggy
from click.testing import CliRunner

from doclint.cli.main import cli
from doclint.core.config import Config, load_config
from doclint.docs import render_rule
from doclint.plugins.hookspecs import DoclintSpec, hookimpl
from doclint.runner.engine import Engine, collect_rules
from doclint.yamlrules import builtin_pack_paths, load_pack

HOUSE_PACK = """\
name: house-style
prefix: HS
description: 本单位文字规范
rules:
  - code: HS001
    type: substitution
    category: punctuation
    severity: error
    summary: {zh: "发文字号用六角括号。", en: "Document numbers use 〔〕."}
    message: {zh: "应写作“{replacement}”。", en: "Write “{replacement}”."}
    swap: {'(\\p{Han}+)\\[([0-9]{4})\\]': '\\1〔\\2〕'}
    examples:
      bad: [{text: "国发[2024]1号", fixed: "国发〔2024〕1号"}]
      good: ["国发〔2024〕1号"]
"""


def _project(tmp_path: Path) -> Path:
    (tmp_path / "conf" / "packs").mkdir(parents=True)
    (tmp_path / "conf" / "packs" / "house.yaml").write_text(HOUSE_PACK, encoding="utf-8")
    (tmp_path / "conf" / ".doclint.yaml").write_text(
        "rule_packs: [packs/house.yaml]\njobs: 1\n", encoding="utf-8")
    (tmp_path / "doc.txt").write_text("根据国发[2024]1号文件，现将有关事项通知如下：\n",
                                      encoding="utf-8")
    return tmp_path


def test_config_rule_packs_are_relative_to_the_config_file(tmp_path: Path, monkeypatch) -> None:
    root = _project(tmp_path)
    monkeypatch.chdir(root)  # the working folder is not the config's folder
    config = load_config(root / "conf" / ".doclint.yaml")
    assert config.rule_packs == [str(root / "conf" / "packs" / "house.yaml")]
    engine = Engine(config)
    rule = engine.registry.get("HS001")
    assert rule is not None and rule.origin == "pack:house-style"
    result, _ = engine.lint_file(str(root / "doc.txt"))
    assert [(d.code, d.start.column, d.end.column) for d in result.diagnostics] == [
        ("HS001", 1, 11), ("GW001", 5, 11)]  # the user's pack and the built-in one


def test_cli_check_rules_and_rule_docs(tmp_path: Path, monkeypatch) -> None:
    root = _project(tmp_path)
    monkeypatch.chdir(root)
    config = ["--config", "conf/.doclint.yaml"]
    runner = CliRunner()
    checked = runner.invoke(cli, ["check", *config, "--select", "HS", "--format", "jsonl",
                                  "doc.txt"])
    assert checked.exit_code == 1, checked.output
    record = json.loads(checked.stdout.splitlines()[0])
    assert record["code"] == "HS001" and record["origin"] == "pack:house-style"
    assert record["fix"]["edits"][0]["replacement"] == "根据国发〔2024〕"
    listed = runner.invoke(cli, ["rules", *config])
    assert listed.exit_code == 0
    assert any(line.startswith("HS001") and "发文字号用六角括号" in line
               for line in listed.stdout.splitlines())
    assert any(line.startswith("BD001") for line in listed.stdout.splitlines())
    shown = runner.invoke(cli, ["rule", *config, "HS001"])
    assert shown.exit_code == 0
    assert shown.stdout.startswith("# HS001 house-style.hs001")
    assert "pack:house-style" in shown.stdout and "国发[2024]1号" in shown.stdout


def test_builtin_packs_are_on_by_default() -> None:
    paths = builtin_pack_paths()
    assert [p.name for p in paths] == [
        "gbt15834-punctuation.yaml", "gbt15835-numbers.yaml", "gbt9704-format.yaml"]
    engine = Engine(Config())
    selected = {r.code for r in engine.registry.select(None)}
    assert {"BD001", "SZ001", "GW001"} <= selected


def test_plugin_hook_supplies_pack_paths(tmp_path: Path) -> None:
    pack = tmp_path / "plugin-pack.yaml"
    pack.write_text(HOUSE_PACK.replace("house-style", "plugin-style"), encoding="utf-8")

    class Plugin:
        @hookimpl
        def doclint_rule_packs(self):
            return [pack]

    pm = pluggy.PluginManager("doclint")
    pm.add_hookspecs(DoclintSpec)
    pm.register(Plugin(), name="plugin:test")
    registry = collect_rules(pm)
    assert registry.get("HS001").origin == "pack:plugin-style"


def test_pack_rule_docs_render_through_the_common_renderer() -> None:
    for path in builtin_pack_paths():
        for rule in load_pack(path):
            page = render_rule(rule)
            assert page.startswith(f"# {rule.code} {rule.name}")
            assert "错误示例" in page and "正确示例" in page and f"pack:{path.stem}" in page
            assert rule.description() and rule.summary.zh and rule.summary.en


def test_same_pack_from_hook_and_config_does_not_clash(tmp_path: Path) -> None:
    (tmp_path / ".doclint.yaml").write_text(
        f"rule_packs: [{builtin_pack_paths()[0]}]\n", encoding="utf-8")
    engine = Engine(load_config(tmp_path / ".doclint.yaml"))
    assert engine.registry.get("BD001") is not None
