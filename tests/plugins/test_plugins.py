"""Plugins: rules, formats and readers through pluggy; crashing and broken plugins."""

from __future__ import annotations

import importlib
import json
import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import doclint_crashplugin
import doclint_testplugin
import pluggy
import pytest

import doclint
from doclint.core.config import Config
from doclint.core.errors import DoclintError
from doclint.plugins.hookspecs import DoclintSpec, hookimpl
from doclint.plugins.manager import get_plugin_manager, purge_plugin_manager
from doclint.runner.engine import Engine
from doclint.testing import default_registry

Doclint = Callable[..., Any]  # the `doclint` fixture of conftest.py
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def register() -> Iterator[Callable[..., pluggy.PluginManager]]:
    """Register plugins on doclint's own (fresh) manager, as an installed plugin would be."""

    def add(*plugins: object) -> pluggy.PluginManager:
        purge_plugin_manager()
        default_registry.cache_clear()
        pm = get_plugin_manager()
        for plugin in plugins:
            pm.register(plugin)
        return pm

    yield add
    purge_plugin_manager()
    default_registry.cache_clear()


def fresh_manager(*plugins: object) -> pluggy.PluginManager:
    pm = pluggy.PluginManager("doclint")
    pm.add_hookspecs(DoclintSpec)
    for name in ("doclint.rules", "doclint.readers", "doclint.report"):
        pm.register(importlib.import_module(name), name=name)
    for plugin in plugins:
        pm.register(plugin)
    return pm


def test_a_fresh_manager_collects_the_plugin_rule_and_its_options() -> None:
    pm = fresh_manager(doclint_testplugin)
    engine = Engine(Config(select=["XT", "P101"], rules={"XT101": {"word": "样例"}}), pm)
    rule = engine.registry.get("XT101")
    assert rule is doclint_testplugin.WordRule
    assert rule.origin == "doclint_testplugin"
    assert "P101" in engine.registry
    result, _ = engine.lint_bytes("a.txt", "这是样例，不是示例。".encode())
    assert [(d.code, d.start.column, d.message.get("en")) for d in result.diagnostics] == [
        ("XT101", 3, "Found “样例”.")]


@pytest.fixture
def docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("这是示例。\n刚才，XX书记。\n", encoding="utf-8")
    (tmp_path / "b.note").write_text("#note\n示例在第二行。\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("崩溃的示例。\n", encoding="utf-8")
    return tmp_path


def test_plugin_rule_appears_in_rules_and_fires(register: Callable[..., Any], docs: Path,
                                                doclint: Doclint) -> None:
    register(doclint_testplugin)
    listing = doclint("rules").out.splitlines()
    assert "XT101    info     other                 stable       - 出现测试词。" in listing
    records = {r["code"]: r for r in json.loads(doclint("rules", "--format", "json").out)}
    assert records["XT101"]["origin"] == "doclint_testplugin"
    assert doclint("rule", "XT101").out.startswith("# XT101 testplugin.word\n")
    run = doclint("check", "--select", "XT,P101", "--format", "json", "a.txt")
    assert run.code == 1
    assert [(d["code"], d["line"], d["column"], d["origin"])
            for d in json.loads(run.out)["diagnostics"]] == [
        ("XT101", 1, 3, "doclint_testplugin"), ("P101", 2, 4, "builtin")]


def test_plugin_rule_options_from_config(register: Callable[..., Any], docs: Path,
                                         doclint: Doclint) -> None:
    register(doclint_testplugin)
    (docs / "doclint.yaml").write_text("select: [XT101]\nrules:\n  XT101: {word: 书记}\n",
                                       encoding="utf-8")
    run = doclint("check", "--format", "json", "a.txt", select=False)
    assert [(d["line"], d["column"]) for d in json.loads(run.out)["diagnostics"]] == [(2, 6)]
    (docs / "doclint.yaml").write_text("rules:\n  XT101: {word: 3}\n", encoding="utf-8")
    run = doclint("check", "a.txt", select=False)
    assert (run.code, run.err_lines) == (2, [
        f"doclint: error: {docs / 'doclint.yaml'}:2:11: option 'word' expects str, got 3"])


def test_plugin_formatter_and_reader(register: Callable[..., Any], docs: Path,
                                     doclint: Doclint) -> None:
    register(doclint_testplugin)
    run = doclint("check", "--select", "XT101", "--format", "count", "a.txt", "b.note")
    assert json.loads(run.out) == {"counts": {"a.txt": 1, "b.note": 1}, "total": 2}
    report = json.loads(doclint("check", "--select", "XT101", "--format", "json", "b.note").out)
    assert report["files"][0]["encoding"] == "note+utf-8"
    assert [(d["line"], d["column"]) for d in report["diagnostics"]] == [(2, 1)]
    # Directories take the reader's suffix too (the default include globs are extended).
    walked = json.loads(doclint("check", "--select", "XT101", "--format", "json", ".").out)
    assert [f["path"] for f in walked["files"]] == ["a.txt", "b.note", "c.txt"]
    # ... but not when include is set explicitly.
    only_txt = json.loads(doclint("check", "--select", "XT101", "--format", "json",
                                  "--include", "*.txt", ".").out)
    assert [f["path"] for f in only_txt["files"]] == ["a.txt", "c.txt"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_crashing_rule_is_reported_and_the_batch_goes_on(
        jobs: str, register: Callable[..., Any], docs: Path, doclint: Doclint) -> None:
    register(doclint_testplugin, doclint_crashplugin)
    run = doclint("check", "--jobs", jobs, "--select", "XT", "--format", "json", ".")
    assert run.code == 2
    assert run.err_lines == [
        "doclint: c.txt: rule XT201 crashed: ZeroDivisionError: "
        "division by zero in the test plugin"]
    report = json.loads(run.out)
    assert [(d["path"], d["code"]) for d in report["diagnostics"]] == [
        ("a.txt", "XT101"), ("b.note", "XT101"), ("c.txt", "XT101")]
    assert report["files"][2]["crashes"] == [
        "rule XT201 crashed: ZeroDivisionError: division by zero in the test plugin"]
    # --exit-zero does not hide a crash
    assert doclint("check", "--jobs", jobs, "--select", "XT", "--exit-zero", ".").code == 2


def test_a_crashing_reader_is_reported_and_the_batch_goes_on(
        register: Callable[..., Any], docs: Path, doclint: Doclint) -> None:
    register(doclint_testplugin, doclint_crashplugin)
    (docs / "a.crash").write_text("示例", encoding="utf-8")
    run = doclint("check", "--select", "XT101", "--format", "json", "a.crash", "a.txt")
    assert run.code == 2
    assert run.err_lines == ["doclint: a.crash: reader crashed: KeyError: 'the reader has a bug'"]
    report = json.loads(run.out)
    assert [d["path"] for d in report["diagnostics"]] == ["a.txt"]
    assert report["files"][0]["error"] == "reader crashed: KeyError: 'the reader has a bug'"


def test_a_plugin_whose_hook_fails_is_skipped(caplog: pytest.LogCaptureFixture) -> None:
    class Broken:
        @hookimpl
        def doclint_rules(self) -> list[type]:
            raise RuntimeError("cannot list")

    with caplog.at_level(logging.WARNING, logger="doclint"):
        engine = Engine(Config(), fresh_manager(Broken(), doclint_testplugin))
    assert "XT101" in engine.registry and "P101" in engine.registry
    assert any("failed to list its rules: cannot list" in r.getMessage() for r in caplog.records)


def test_a_plugin_rule_clashing_with_a_builtin_is_an_error(register: Callable[..., Any],
                                                           docs: Path, doclint: Doclint) -> None:
    class Clash:
        @hookimpl
        def doclint_rules(self) -> list[type]:
            class Again(doclint_testplugin.WordRule):
                """测试：与内置规则同码。"""

                code, name = "P101", "testplugin.again"

            return [Again]

    with pytest.raises(DoclintError, match=r"rule P101 from .* clashes with the one from builtin"):
        Engine(Config(), fresh_manager(Clash()))
    register(Clash())
    run = doclint("check", "a.txt")
    assert run.code == 2
    assert len(run.err_lines) == 1
    assert "clashes with the one from builtin" in run.err_lines[0]


# --- an installed distribution with entry points, in a separate process -----------------

DIST_PLUGIN = '''
from doclint import Category, Message, Rule, Span, hookimpl


class NianRule(Rule):
    """测试发行包规则：标出“年年”。"""

    code, name, category = "XT301", "distplugin.nian", Category.DUPLICATE_TEXT
    summary = Message("“年年”。", "“年年”.")

    def check(self, doc):
        start = doc.text.find("年年")
        if start >= 0:
            yield self.report(Span(start, start + 2))


@hookimpl
def doclint_rules():
    return [NianRule]
'''


def install_distribution(site: Path) -> None:
    """What pip would leave: the module and a dist-info with entry points in group doclint."""
    site.mkdir()
    (site / "doclint_distplugin.py").write_text(DIST_PLUGIN, encoding="utf-8")
    (site / "doclint_brokenplugin.py").write_text("import no_such_module_anywhere\n",
                                                  encoding="utf-8")
    info = site / "doclint_distplugin-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: doclint-distplugin\n"
                                   "Version: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(textwrap.dedent("""\
        [doclint]
        nian = doclint_distplugin
        broken = doclint_brokenplugin
        """), encoding="utf-8")


def run_doclint(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT)])}
    env.pop("DOCLINT_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "doclint", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def test_an_installed_distribution_plugs_in_and_a_broken_one_is_skipped(tmp_path: Path) -> None:
    install_distribution(tmp_path / "site")
    (tmp_path / "a.txt").write_text("年年有余。\n刚才，XX书记。\n", encoding="utf-8")
    warning = ("doclint: WARNING: plugin 'broken' could not be loaded: "
               "ModuleNotFoundError: No module named 'no_such_module_anywhere'")
    rules = run_doclint(tmp_path / "site", tmp_path, "rules")
    assert rules.returncode == 0, rules.stderr
    assert rules.stderr.splitlines() == [warning]
    assert "XT301  " in rules.stdout
    check = run_doclint(tmp_path / "site", tmp_path, "check", "--select", "XT301,P101",
                        "--format", "json", "a.txt")
    assert check.returncode == 1, check.stderr
    assert check.stderr.splitlines() == [warning]
    assert [(d["code"], d["line"], d["column"], d["origin"])
            for d in json.loads(check.stdout)["diagnostics"]] == [
        ("XT301", 1, 1, "plugin:nian"), ("P101", 2, 4, "builtin")]


def test_public_api_exports_what_plugins_need() -> None:
    for name in ("Rule", "ArchiveRule", "Category", "Severity", "Message", "Option", "Examples",
                 "Example", "Finding", "Fix", "Edit", "Related", "Span", "Document", "hookimpl"):
        assert hasattr(doclint, name), name
    assert doclint.hookimpl.project_name == "doclint"
