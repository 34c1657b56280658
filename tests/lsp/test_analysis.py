"""The buffer analysis behind `doclint lsp`, in process: config, suppressions, positions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from doclint.core.diagnostic import Fix, Message
from doclint.lsp.analysis import SAFE, SUGGESTION, UNSAFE, Workspace, applicability

ROOT = Path(__file__).resolve().parents[2]
TEXT = "𠀀各单位:\n现将有关事项通知如下(试行)。\n"


def codes(analysis) -> list[str]:  # type: ignore[no-untyped-def]
    return sorted(d.code for d in analysis.diagnostics)


def test_a_bom_in_the_buffer_shifts_nothing_it_should_not(tmp_path: Path) -> None:
    path = str(tmp_path / "a.txt")
    plain = Workspace().analyse(path, TEXT)
    with_bom = Workspace().analyse(path, "\ufeff" + TEXT)
    colon = next(d for d in plain.diagnostics if d.code == "BD004")
    assert plain.lsp_position(colon.span.start) == (0, 5)
    bom_colon = next(d for d in with_bom.diagnostics if d.code == "BD004")
    assert with_bom.lsp_position(bom_colon.span.start) == (0, 6)  # the BOM is one unit
    assert with_bom.offset(0, 6) == bom_colon.span.start


def test_suppression_comments_ignore_files_and_the_baseline(tmp_path: Path) -> None:
    (tmp_path / ".doclint.yaml").write_text("baseline: known.json\n", encoding="utf-8")
    page = tmp_path / "a.md"
    text = "<!-- doclint-disable-next-line BD004 -->\n" + TEXT
    assert codes(Workspace().analyse(str(page), text)) == ["BD005"]
    (tmp_path / ".doclint-ignore.yaml").write_text(
        "ignore:\n  - path: a.md\n    code: BD005\n    text: (试行)\n    reason: 原文如此\n",
        encoding="utf-8")
    assert codes(Workspace().analyse(str(page), text)) == []
    # The baseline named by the config hides what `--update-baseline` recorded.
    other = tmp_path / "b.txt"
    other.write_text(TEXT, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "doclint", "check", "b.txt", "--no-cache",
                          "--update-baseline"], cwd=tmp_path, capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    assert json.loads((tmp_path / "known.json").read_text(encoding="utf-8"))["findings"]
    assert codes(Workspace().analyse(str(other), TEXT)) == []
    assert codes(Workspace().analyse(str(other), TEXT + "全年增长35,比上年提高。\n")) == ["BD004",
                                                                                      "N201"]


def test_config_mistakes_and_unknown_codes_are_shown_not_raised(tmp_path: Path) -> None:
    (tmp_path / ".doclint.yaml").write_text("selekt: [BD]\n", encoding="utf-8")
    analysis = Workspace().analyse(str(tmp_path / "a.txt"), TEXT)
    assert analysis.diagnostics == ()
    assert len(analysis.errors) == 1 and ".doclint.yaml:1:1" in analysis.errors[0]
    (tmp_path / ".doclint.yaml").write_text("lang: en\n", encoding="utf-8")
    text = "<!-- doclint-disable-next-line ZZ999 -->\n" + TEXT
    analysis = Workspace().analyse(str(tmp_path / "a.md"), text)
    assert any("ZZ999" in error for error in analysis.errors)
    assert analysis.lang == "en" and codes(analysis) == ["BD004", "BD005"]


def test_which_buffers_are_checked(tmp_path: Path) -> None:
    (tmp_path / ".doclint.yaml").write_text("exclude: [drafts/*]\n", encoding="utf-8")
    workspace = Workspace()
    assert workspace.analyse(str(tmp_path / "drafts" / "a.txt"), TEXT).skipped
    assert workspace.analyse(str(tmp_path / "a.py"), TEXT).skipped
    untitled = workspace.analyse("untitled:Untitled-1", TEXT, language_id="markdown")
    assert untitled.kind == ".md" and codes(untitled) == ["BD004", "BD005"]


def test_applicability_reads_the_fix_safety_and_a_future_field() -> None:
    title = Message("改", "change")
    assert applicability(Fix((), title, safe=True)) == SAFE
    assert applicability(Fix((), title, safe=False)) == UNSAFE
    assert applicability(Fix((), title)) == UNSAFE  # a fix that does not say is unsafe
    assert applicability(Fix((), title, "suggestion")) == SUGGESTION

    @dataclass
    class Later:  # Fix with ruff's applicability, as the fixes work will add it
        applicability: str
        safe: bool = False

    assert applicability(Later("safe")) == SAFE  # type: ignore[arg-type]
    assert applicability(Later("unsafe")) == UNSAFE  # type: ignore[arg-type]
    assert applicability(Later("suggestion-only")) == SUGGESTION  # type: ignore[arg-type]


def test_doclint_check_never_imports_pygls(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    script = ("import sys\nfrom click.testing import CliRunner\nfrom doclint.cli.main import cli\n"
              "for args in (['check', 'a.txt', '--no-cache'], ['lsp', '--help']):\n"
              "    CliRunner().invoke(cli, args)\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] in "
              "('pygls', 'lsprotocol', 'doclint')"
              " and ('lsp' in m or 'pygls' in m)))\n")
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "['doclint.cli.lsp']"


def test_without_pygls_doclint_lsp_says_what_to_install(tmp_path: Path) -> None:
    script = ("import sys\nsys.modules['pygls'] = sys.modules['lsprotocol'] = None\n"
              "from doclint.cli.main import main\nmain(['lsp'])\n")
    run = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True,
                         text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, input="")
    assert run.returncode == 2
    assert "doclint[lsp]" in run.stderr and "Traceback" not in run.stderr


def test_a_buffer_over_10_mb_is_skipped_unless_max_size_says_otherwise(tmp_path: Path) -> None:
    # The buffer is checked whole: max-size's default (64 MB, for files checked in windows)
    # is capped at 10 MB in the editor.
    big = "正文。\n" * (10 * 1024 * 1024 // 10 + 1)
    (tmp_path / ".doclint.yaml").write_text("lang: en\n", encoding="utf-8")
    skipped = Workspace().analyse(str(tmp_path / "a.txt"), big).skipped
    assert skipped == "larger than max-size (10 MB)"
    (tmp_path / ".doclint.yaml").write_text("max-size: 9\n", encoding="utf-8")
    assert Workspace().analyse(str(tmp_path / "a.txt"), big).skipped == (
        "larger than max-size (9 MB)")
