"""A catastrophic pattern stops within its timeout, reports itself, and the run completes.

No wall-clock assertions (they fail on a loaded machine): ``(a+)+$`` on 5,000 letters never
ends by itself, so a run that ends at all was stopped by the timeout.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from doclint.cli.main import cli
from doclint.core.config import load_config
from doclint.runner.engine import Engine
from doclint.yamlrules.patterns import MAX_TIMEOUTS, PatternTimeout, compile_pattern

SLOW_PACK = """\
name: slow-pack
prefix: SL
timeout: 0.1
rules:
  - code: SL001
    type: existence
    category: other
    severity: warning
    message: {zh: "x", en: "x"}
    tokens: ['(a+)+$']
    examples: {bad: ["aaa"], good: ["b"]}
"""
LONG_LINE = "a" * 5000 + "!"


def test_pattern_stops_within_its_timeout() -> None:
    pattern = compile_pattern("(a+)+$", "test:1:1", timeout=0.2)
    with pytest.raises(PatternTimeout, match=r"took longer than 0.2 s"):
        list(pattern.finditer(LONG_LINE))
    assert pattern.timeouts == 1


def test_pattern_is_not_run_again_after_repeated_timeouts() -> None:
    pattern = compile_pattern("(a+)+$", "test:1:1", timeout=0.05)
    for _ in range(MAX_TIMEOUTS):
        with pytest.raises(PatternTimeout):
            list(pattern.finditer(LONG_LINE))
    with pytest.raises(PatternTimeout, match="no longer run"):
        list(pattern.finditer("aaaa"))


def _project(tmp_path: Path, files: int) -> Path:
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "slow.yaml").write_text(SLOW_PACK, encoding="utf-8")
    (tmp_path / ".doclint.yaml").write_text(
        "select: [SL, N301]\nrule_packs: [packs/slow.yaml]\njobs: 1\n", encoding="utf-8")
    for number in range(files):
        (tmp_path / f"doc{number}.txt").write_text(
            f"{LONG_LINE}\n增长6.5%，占比32.1％。\n", encoding="utf-8")
    return tmp_path


def test_engine_records_a_crash_and_keeps_the_other_rules(tmp_path: Path) -> None:
    root = _project(tmp_path, 5)
    engine = Engine(load_config(root / ".doclint.yaml"))
    results = [engine.lint_file(str(root / f"doc{n}.txt"))[0] for n in range(5)]
    for result in results:
        assert [d.code for d in result.diagnostics] == ["N301"]
        assert len(result.crashes) == 1
        assert result.crashes[0].startswith("rule SL001 crashed: PatternTimeout: pattern '(a+)+$'")


def test_cli_run_completes_and_reports_the_rule(tmp_path: Path, monkeypatch) -> None:
    root = _project(tmp_path, 3)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["check", "--format", "jsonl", "--no-source", "."])
    assert result.exit_code == 2  # a rule crashed: reported like an unreadable file
    assert result.stdout.count('"code": "N301"') == 3
    assert result.stderr.count("rule SL001 crashed: PatternTimeout") == 3


def test_the_timeout_grows_with_the_text_not_below_its_setting() -> None:
    # A linear scan of a long document is not backtracking: half a second per million characters.
    from doclint.yamlrules.patterns import compile_pattern

    pattern = compile_pattern("特此通知", "test", timeout=0.5)
    assert pattern.budget("短文") == 0.5
    assert pattern.budget("字" * 3_000_000) == 1.5
