"""A worker process that dies is detected: its files are checked again once, then reported."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from runhelp import Doclint

from doclint import Category, Document, Finding, Message, Rule, hookimpl
from doclint.plugins.manager import get_plugin_manager

DEFECT = "全县生产总值同比增长35；工业增加值增长8%。\n"


class KillsItsWorker(Rule):
    """测试用：检查含“致命”或“偶发”的文档时，让工作进程直接退出（模拟内存耗尽被杀）。"""

    code, name, category = "XK001", "test.kills-worker", Category.OTHER
    summary = Message("测试", "test")

    def check(self, doc: Document) -> Iterator[Finding]:
        if multiprocessing.parent_process() is not None:  # never the test process itself
            if "致命" in doc.text:
                os._exit(9)
            once = Path(os.environ["DOCLINT_TEST_ONCE"])
            if "偶发" in doc.text and not once.exists():
                once.touch()
                os._exit(9)
        yield from ()


class KillerPlugin:
    @hookimpl
    def doclint_rules(self) -> list[type]:
        return [KillsItsWorker]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DOCLINT_TEST_ONCE", str(tmp_path / "died-once"))
    get_plugin_manager().register(KillerPlugin())
    docs = tmp_path / "docs"
    docs.mkdir()
    for number in range(12):
        (docs / f"{number:02}.txt").write_text(DEFECT, encoding="utf-8")
    return docs


def test_a_file_that_kills_its_worker_twice_is_reported_and_the_rest_is_checked(
        folder: Path, doclint: Doclint) -> None:
    (folder / "05.txt").write_text("致命" + DEFECT, encoding="utf-8")
    run = doclint("check", "--no-cache", "--jobs", "2", "--extend-select", "XK001",
                  "--format", "json", "docs")
    assert run.code == 2
    assert [line for line in run.err_lines if "05.txt" in line] == [
        "doclint: docs/05.txt: a worker process died while checking it, twice "
        "(out of memory, or a crashing plugin?)"]
    reported = {d["path"] for d in run.json()["diagnostics"] if d["code"] == "N201"}
    assert reported == {f"docs/{n:02}.txt" for n in range(12) if n != 5}


def test_a_worker_that_dies_once_costs_nothing(folder: Path, doclint: Doclint) -> None:
    (folder / "07.txt").write_text("偶发" + DEFECT, encoding="utf-8")
    run = doclint("check", "--no-cache", "--jobs", "2", "--extend-select", "XK001",
                  "--format", "json", "docs")
    assert (folder.parent / "died-once").exists()
    assert run.code == 1 and run.err == ""
    reported = {d["path"] for d in run.json()["diagnostics"] if d["code"] == "N201"}
    assert reported == {f"docs/{n:02}.txt" for n in range(12)}
