"""Checking documents where they are read: in this process, a pool worker, or a Dask worker.

A ``WorkSpec`` is everything a worker needs (small and picklable); each process builds its
engine from it once. ``run_chunk`` is the one function every executor calls.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from doclint.core.config import Config
from doclint.core.diagnostic import FileInfo, FileResult
from doclint.core.errors import DoclintError
from doclint.runner.cache import ResultCache, fingerprint
from doclint.runner.engine import Engine
from doclint.runner.files import read_regular
from doclint.runner.inputs import Task


@dataclass(frozen=True)
class WorkSpec:
    """The configuration, the forced encoding, and the cache (folder and fingerprint)."""

    config: Config
    encoding: str | None = None
    cache_dir: str | None = None
    fingerprint: str | None = None


@dataclass(slots=True)
class Outcome:
    """One document's result and archive facts, with the bytes read and whether cached."""

    result: FileResult
    facts: dict[str, Any] = field(default_factory=dict)
    size: int = 0
    cached: bool = False
    key: str | None = None  # the cache key, when there is a cache


class Worker:
    def __init__(self, engine: Engine, spec: WorkSpec) -> None:
        self.engine = engine
        self.spec = spec
        self.cache = (ResultCache(spec.cache_dir, spec.fingerprint)
                      if spec.cache_dir and spec.fingerprint else None)

    def prepare(self, task: Task, lookup_only: bool = False) -> Task | Outcome:
        """Read ``task`` and look it up: its outcome when known (cached, unreadable), else the
        task with its bytes and cache key, ready for any worker. With ``lookup_only`` and no
        cache, the task is left for the worker to read."""
        if task.error is not None or task.key is not None:
            return task
        if lookup_only and self.cache is None:
            return task
        data = task.data
        if data is None:
            try:
                data = read_regular(task.location or task.path, self.spec.config.max_bytes)
            except OSError as exc:
                return Outcome(FileResult(FileInfo(task.path),
                                          error=f"cannot read: {exc.strerror or exc}"))
        if self.cache is None:
            return Task(task.path, data)
        key = self.cache.key(task.path, hashlib.sha256(data).hexdigest())
        hit = self.cache.get(key)
        if hit is not None:
            return Outcome(hit[0], hit[1], len(data), cached=True, key=key)
        return Task(task.path, data, key=key)

    def run(self, task: Task) -> Outcome:
        ready = self.prepare(task)
        if isinstance(ready, Outcome):
            return ready
        if ready.error is not None:
            return Outcome(FileResult(FileInfo(ready.path), error=ready.error))
        assert ready.data is not None
        result, facts = self.engine.lint_bytes(ready.path, ready.data, self.spec.encoding)
        if ready.key is not None and self.cache is not None and not result.crashes:
            self.cache.put(ready.key, result, facts)
        return Outcome(result, facts, len(ready.data), key=ready.key)

    def run_chunk(self, tasks: Sequence[Task]) -> list[Outcome]:
        return [self.run(task) for task in tasks]


_CURRENT: Worker | None = None


def adopt(worker: Worker) -> None:
    """Make ``worker`` this process's worker (forked pool workers inherit it as they are)."""
    global _CURRENT
    _CURRENT = worker


def worker_for(spec: WorkSpec) -> Worker:
    """This process's worker for ``spec``, built on first use."""
    global _CURRENT
    if _CURRENT is None or _CURRENT.spec != spec:
        engine = Engine(spec.config)
        if spec.fingerprint is not None and fingerprint(engine, spec.encoding) != spec.fingerprint:
            import doclint

            raise DoclintError(
                f"this worker's doclint {doclint.__version__} loads other rules, plugins or "
                "rule packs than the client's: install the same doclint version and plugins "
                "on every worker")
        _CURRENT = Worker(engine, spec)
    return _CURRENT


def run_chunk(spec: WorkSpec, tasks: Sequence[Task]) -> list[Outcome]:
    """Check a chunk of tasks with this process's worker (the unit every executor ships)."""
    return worker_for(spec).run_chunk(tasks)


def start_worker(spec: WorkSpec) -> None:
    """Pool initializer: build the worker now (a forked one already has it)."""
    worker_for(spec)
