"""The pre-commit hook, run by the real `pre-commit try-repo` on a temporary git repository.

pre-commit builds the hook's virtualenv from PyPI; without network the test is skipped.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
NETWORK_TROUBLE = ("Failed to establish a new connection", "Temporary failure in name resolution",
                   "Network is unreachable", "No matching distribution found",
                   "Could not find a version that satisfies", "ConnectionError", "ReadTimeoutError")
GIT = ("git", "-c", "user.name=doclint-test", "-c", "user.email=test@doclint.invalid",
       "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main")


def test_hook_definitions() -> None:
    check, fix = yaml.safe_load(HOOKS.read_text(encoding="utf-8"))
    assert (check["id"], check["entry"]) == ("doclint", "doclint check")
    assert (fix["id"], fix["entry"]) == ("doclint-fix", "doclint check --fix")
    for hook in (check, fix):
        assert hook["language"] == "python"
        assert hook["files"] == r"\.(txt|md|docx)$"
        assert hook["require_serial"] is True


def git(*args: str, cwd: Path) -> str:
    done = subprocess.run([*GIT, *args], cwd=cwd, capture_output=True, text=True, check=True)
    return done.stdout


def snapshot_of_the_project(target: Path) -> None:
    """Commit the working tree (tracked and new, unignored files) into a fresh repository.

    try-repo only sees committed files and `git add -u`, so uncommitted new files of the
    checkout (like a freshly written hook file) would otherwise be missing.
    """
    try:
        listing = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                                  "--exclude-standard"], cwd=ROOT, capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("the project is not a git checkout")
    for name in filter(None, listing.stdout.decode().split("\0")):
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    git("init", "-q", cwd=target)
    git("add", "-A", cwd=target)
    git("commit", "-q", "-m", "snapshot", cwd=target)


def try_repo(source: Path, work: Path, name: str, home: Path,
             hook: str = "doclint") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PIP_DISABLE_PIP_VERSION_CHECK": "1",
           "PRE_COMMIT_COLOR": "never"}
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(source), hook, "--files", name],
        cwd=work, env=env, capture_output=True, text=True, encoding="utf-8", timeout=240)


@pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None,
                    reason="pre-commit is not installed")
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_try_repo(tmp_path: Path) -> None:
    source, work = tmp_path / "doclint", tmp_path / "work"
    source.mkdir()
    work.mkdir()
    snapshot_of_the_project(source)
    (work / "bad.txt").write_text("刚才，XX书记作了重要讲话。\n", encoding="utf-8")
    (work / "clean.txt").write_text("坚持稳中求进工作总基调。\n", encoding="utf-8")
    (work / ".doclint.yaml").write_text("preview: true  # P101 is a preview rule\n", encoding="utf-8")
    # The same defect, recorded as right as written in the ignore file, passes.
    (work / "ignored.txt").write_text("刚才，XX书记作了重要讲话。\n", encoding="utf-8")
    (work / ".doclint-ignore.yaml").write_text(
        "ignore:\n  - {path: ignored.txt, code: P101, text: XX, reason: 引用原件}\n",
        encoding="utf-8")
    git("init", "-q", cwd=work)
    git("add", "-A", cwd=work)
    # doclint-fix: the safe fix (BD004) is applied; the unsafe one (BD011, drops a mark) and
    # the suggestion (Y501, a year) are not, and are reported. In a repository of its own:
    # pre-commit fails every hook run that sees a modified file in its repository.
    fixing = tmp_path / "fixing"
    fixing.mkdir()
    (fixing / "fixable.txt").write_text("经研究,现将有关事项通知如下。\n发展教育、医疗、等民生事业，截至08年8月稳步推进。\n",
                                        encoding="utf-8")
    git("init", "-q", cwd=fixing)
    git("add", "-A", cwd=fixing)
    # try-repo builds the hook's environment in a new store each time: build them at once.
    runs = [(work, "bad.txt", "doclint"), (work, "clean.txt", "doclint"),
            (work, "ignored.txt", "doclint"), (fixing, "fixable.txt", "doclint-fix")]
    with ThreadPoolExecutor(4) as pool:
        bad, clean, ignored, fixed = pool.map(
            lambda run: try_repo(source, run[0], run[1], tmp_path / f"home-{run[1]}", run[2]),
            runs)
    for done in (bad, clean, ignored, fixed):
        output = done.stdout + done.stderr
        if done.returncode not in (0, 1) and any(m in output for m in NETWORK_TROUBLE):
            pytest.skip("pre-commit could not build the hook environment (no network to PyPI)")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "doclint..." in bad.stdout and "Failed" in bad.stdout
    assert "bad.txt:1:4: P101 [placeholder] " in bad.stdout
    assert "      |       ^^" in bad.stdout
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
    assert ignored.returncode == 0, ignored.stdout + ignored.stderr
    assert "Passed" in ignored.stdout
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr  # files were modified
    assert "doclint (apply safe fixes)" in fixed.stdout and "Failed" in fixed.stdout
    assert (fixing / "fixable.txt").read_text(encoding="utf-8") == (
        "经研究，现将有关事项通知如下。\n发展教育、医疗、等民生事业，截至08年8月稳步推进。\n")
    assert "fixable.txt:2:8: BD011 [punctuation] " in fixed.stdout
    assert "fixable.txt:2:17: Y501 [number-format] " in fixed.stdout
    assert "修复了 1 个问题。" in fixed.stdout
