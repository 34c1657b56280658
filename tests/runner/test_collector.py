"""Processes doclint owns: the engine frozen out of the garbage collector, the regex store
kept by pool workers."""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from doclint.core import buildcache, regexstore, text
from doclint.core.config import Config
from doclint.core.lazyregex import lazy_re
from doclint.runner import collector
from doclint.runner.batch import lint_paths
from doclint.runner.engine import Engine
from doclint.runner.worker import WorkSpec, start_worker


@pytest.fixture
def fresh_collector(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(collector, "_owned", False)
    if gc.get_freeze_count():
        pytest.skip("the test process froze objects of its own")
    thresholds = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_a_library_caller_keeps_its_collector(fresh_collector: None) -> None:
    thresholds = gc.get_threshold()
    Engine(Config()).registry  # noqa: B018
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds


def test_the_command_line_freezes_the_built_engine(fresh_collector: None) -> None:
    collector.own_process()
    Engine(Config()).registry  # noqa: B018
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[0] == collector.YOUNG_THRESHOLD


def test_a_checked_document_is_freed_without_the_collector(monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    """Its facts refer back to it; the engine breaks that cycle once the document is checked,
    so reference counting frees the document and the collector has nothing of it to find."""
    import weakref

    engine = Engine(Config())
    read, seen = engine.read, []

    def remembered(*args: object, **kwargs: object) -> object:
        doc = read(*args, **kwargs)  # type: ignore[arg-type]
        seen.append(weakref.ref(doc))
        return doc

    monkeypatch.setattr(engine, "read", remembered)
    # NOTE: no figure, year or era: the pool test below needs its workers to compile
    # patterns this process has not compiled already.
    text = "全县工作会议讲话\n同志们：\n今天我们召开全县工作会议，研究部署下一步工作。\n" * 5
    enabled = gc.isenabled()
    gc.disable()
    try:
        engine.lint_bytes("a.txt", text.encode("utf-8"))
        assert seen and seen[0]() is None
    finally:
        if enabled:
            gc.enable()


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
    monkeypatch.setattr(regexstore.TABLE, "stored", {})
    monkeypatch.setattr(regexstore.TABLE, "added", {})
    # A pattern every document needs, not compiled yet in this process: the workers compile it
    # whatever earlier tests compiled here (a test that lints the corpus compiles them all).
    monkeypatch.setattr(text, "_SENTENCE_END", lazy_re(text._SENTENCE_END.pattern))
    paths = []
    for number in range(4):
        path = tmp_path / f"{number}.txt"
        path.write_text("“十三五”时期，全市生产总值增长6.5%。\n", encoding="utf-8")
        paths.append(str(path))
    lint_paths(Engine(Config()), paths, jobs=2)
    stored = buildcache.read(buildcache.folder() / regexstore.NAME, regexstore._header())
    assert stored is not None and len(stored[0]) > 0
