"""Processes doclint owns: the engine frozen out of the garbage collector, the regex store
kept by pool workers."""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from doclint.core import buildcache, regexstore
from doclint.core.config import Config
from doclint.runner import collector
from doclint.runner.batch import lint_paths
from doclint.runner.engine import Engine
from doclint.runner.worker import WorkSpec, start_worker


@pytest.fixture
def fresh_collector(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(collector, "_owned", False)
    if gc.get_freeze_count():
        pytest.skip("the test process froze objects of its own")
    yield
    gc.unfreeze()


def test_a_library_caller_keeps_its_collector(fresh_collector: None) -> None:
    Engine(Config()).registry  # noqa: B018
    assert gc.get_freeze_count() == 0


def test_the_command_line_freezes_the_built_engine(fresh_collector: None) -> None:
    collector.own_process()
    Engine(Config()).registry  # noqa: B018
    assert gc.get_freeze_count() > 0


def _frozen_in_worker(queue: multiprocessing.Queue[int]) -> None:
    start_worker(WorkSpec(Config()))
    queue.put(gc.get_freeze_count())


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_a_pool_worker_freezes_its_engine(fresh_collector: None) -> None:
    context = multiprocessing.get_context("fork")
    queue: multiprocessing.Queue[int] = context.Queue()
    process = context.Process(target=_frozen_in_worker, args=(queue,))
    process.start()
    frozen = queue.get(timeout=60)
    process.join(timeout=60)
    assert frozen > 0
    assert gc.get_freeze_count() == 0  # the parent, a library caller here, is unchanged


def test_pool_workers_keep_the_patterns_they_compiled(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    """Pool workers end without exit handlers; their patterns still reach the regex store."""
    monkeypatch.setattr(regexstore, "_stored", {})
    monkeypatch.setattr(regexstore, "_added", {})
    paths = []
    for number in range(4):
        path = tmp_path / f"{number}.txt"
        path.write_text("“十三五”时期，全市生产总值增长6.5%。\n", encoding="utf-8")
        paths.append(str(path))
    lint_paths(Engine(Config()), paths, jobs=2)
    stored = buildcache.read(buildcache.folder() / regexstore.NAME, regexstore._header())
    assert stored is not None and len(stored[0]) > 0
