"""Config through the command line: discovery, errors as one line, `doclint config`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

BAD = "刚才，XX书记作了重要讲话。\n"
WARN = "增长6.5%，占比32.1％，其余为61.4%。\n"

Doclint = Callable[..., Any]  # the `doclint` fixture of conftest.py


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "docs" / "drafts").mkdir(parents=True)
    (tmp_path / "docs" / "bad.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "docs" / "warn.txt").write_text(WARN, encoding="utf-8")
    (tmp_path / "docs" / "drafts" / "draft.txt").write_text(BAD + WARN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def diagnostics(run_out: str) -> list[tuple[str, str, str]]:
    return [(d["path"], d["code"], d["severity"]) for d in json.loads(run_out)["diagnostics"]]


def test_config_found_upward_from_the_checked_path(project: Path, doclint: Doclint,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "doclint.yaml").write_text(
        "select: [P101, N301]\n"
        "severity: {N: error, P101: info}\n"
        "per-file-ignores:\n  'drafts/*': [N301]\n",
        encoding="utf-8")
    monkeypatch.chdir(project / "docs")
    run = doclint("check", "--format", "json", ".", select=False)
    assert run.code == 1
    # A directory's files come before its subdirectories.
    assert diagnostics(run.out) == [("bad.txt", "P101", "info"),
                                    ("warn.txt", "N301", "error"),
                                    ("drafts/draft.txt", "P101", "info")]
    assert doclint("check", "--fail-on", "warning", "bad.txt", select=False).code == 0


def test_pyproject_section(project: Path, doclint: Doclint) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.doclint]\nselect = ["N"]\nexclude = ["drafts"]\n',
        encoding="utf-8")
    run = doclint("check", "--format", "json", "docs", select=False)
    assert diagnostics(run.out) == [("docs/warn.txt", "N301", "warning")]


def test_explicit_config_beats_discovery(project: Path, doclint: Doclint) -> None:
    (project / "doclint.yaml").write_text("select: [N]\n", encoding="utf-8")
    (project / "other.yaml").write_text("select: [P]\npreview: true\nlang: en\n",
                                       encoding="utf-8")
    run = doclint("check", "--config", "other.yaml", "--no-source", "docs/bad.txt", select=False)
    first = run.out.splitlines()[0]
    assert first.startswith("docs/bad.txt:1:4: P101 [placeholder] ")
    assert "XX" in first
    assert not any("\u4e00" <= c <= "\u9fff" for c in first)  # lang: en from other.yaml


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("select: [P]\nbogus: 1\n", '2:1: unknown key "bogus" (known keys: '),
        ("select: [P, Q77]\n", '1:13: unknown rule code, prefix or category "Q77" in select'),
        ("ignore:\n  - not-a-category\n",
         '2:5: unknown rule code, prefix or category "not-a-category" in ignore'),
        ("rules:\n  P101:\n    strict: true\n",
         '3:5: unknown option "strict" for P101 (known: none)'),
        ("rules:\n  Q101: {}\n", '2:3: unknown rule "Q101" in rules'),
        ("severity:\n  P101: loud\n", "2:3: unknown severity 'loud'"),
        ("select: [P\n", "2:1: invalid YAML: "),
    ],
)
def test_config_errors_are_one_line_with_position(project: Path, doclint: Doclint,
                                                  content: str, expected: str) -> None:
    (project / "doclint.yaml").write_text(content, encoding="utf-8")
    for args in (["check", "docs"], ["config"], ["rules"]):
        run = doclint(*args, select=False)
        assert run.code == 2, args
        assert run.out == ""
        assert len(run.err_lines) == 1, run.err
        assert run.err_lines[0].startswith(f"doclint: error: {project / 'doclint.yaml'}:{expected}")
        assert "Traceback" not in run.err


def test_missing_explicit_config(project: Path, doclint: Doclint) -> None:
    run = doclint("check", "--config", "nope.yaml", "docs")
    assert run.code == 2
    assert run.err_lines == ["doclint: error: nope.yaml: cannot read config: [Errno 2] "
                             "No such file or directory: 'nope.yaml'"]


def test_config_command_prints_the_effective_config(project: Path, doclint: Doclint) -> None:
    (project / "docs" / ".doclint.yaml").write_text(
        "select: [P, N3]\nseverity: {N301: error}\nper_file_ignores: {'*.md': [P]}\nyear: 2019\n",
        encoding="utf-8")
    run = doclint("config", "docs/bad.txt")
    assert run.code == 0
    shown = yaml.safe_load(run.out)
    assert shown["config-file"] == str(project / "docs" / ".doclint.yaml")
    assert shown["select"] == ["P", "N3"]
    assert shown["severity"] == {"N301": "error"}
    assert shown["per-file-ignores"] == {"*.md": ["P"]}
    assert shown["year"] == 2019
    assert shown["fail-on"] == "info"
    assert shown["include"] == ["*.txt", "*.md", "*.markdown", "*.docx"]
    # Without a config file the defaults are shown.
    default = yaml.safe_load(doclint("config", "--config", "/dev/null").out)
    assert default["select"] == ["(default)"]
