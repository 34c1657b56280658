"""The engine is frozen out of the garbage collector only in processes doclint owns."""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Iterator

import pytest

from doclint.core.config import Config
from doclint.runner import collector
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
