"""benchmarks/ab_bench.py: two versions timed in turn report their figures and whether their
findings agree; a revision git does not know is a one-line error."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import ab_bench

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    shutil.which("git") is None or subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode != 0,
    reason="needs git and a checkout")


def test_this_tree_against_its_own_commit(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("2019年全县经济工作会议讲话\n同比增长35；\n", encoding="utf-8")
    (corpus / "b.txt").write_text("XX书记在会上讲话。\n", encoding="utf-8")
    report = ab_bench.compare("HEAD", corpus, rounds=2, passes=1).splitlines()
    assert report[0].startswith(f"{corpus}: 2 files, ")
    assert "2 rounds of 1 passes, order alternating" in report[0]
    assert report[1:3] == ["| tree | least CPU s | median CPU s | MB/s (least) |",
                           "|---|---:|---:|---:|"]
    assert [row.split(" | ")[0] for row in report[3:5]] == ["| this tree", "| HEAD"]
    assert report[5].startswith("this tree against HEAD: ")
    assert report[6] == "findings: the same"


def test_an_unknown_revision_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(SystemExit, match=r"^ab_bench: git archive no-such-rev: .*no-such-rev"):
        ab_bench.compare("no-such-rev", tmp_path, rounds=1, passes=1)


def test_the_change_is_signed_per_cent_of_cpu() -> None:
    assert ab_bench.change(0.9, 1.0) == "-10.0% CPU"
    assert ab_bench.change(1.05, 1.0) == "+5.0% CPU"
