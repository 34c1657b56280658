"""Checking documents where they are read: in this process, a pool worker, or a Dask worker.

A ``WorkSpec`` is everything a worker needs (small and picklable); each process builds its
engine from it once. ``run_chunk`` is the one function every executor calls.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from doclint.core import regexstore, timing
from doclint.core.config import Config
from doclint.core.diagnostic import FileInfo, FileResult
from doclint.core.errors import DoclintError, ReadError
from doclint.runner import collector, windows
from doclint.runner.cache import (
    PackedFacts,
    ResultCache,
    Signature,
    fingerprint,
    settled,
    signature,
)
from doclint.runner.engine import Engine
from doclint.runner.files import open_regular, read_regular_stat, too_large
from doclint.runner.inputs import Task


@dataclass(frozen=True)
class WorkSpec:
    """The configuration, the forced encoding, and the cache (folder and fingerprint)."""

    config: Config
    encoding: str | None = None
    cache_dir: str | None = None
    fingerprint: str | None = None
    timing: bool = False  # record each rule's time (``doclint check --timing``)


@dataclass(slots=True)
class Outcome:
    """One document's result and archive facts, with the bytes read and whether cached.

    For the parent, which alone writes the cache: ``fresh`` marks a result checked now and fit
    to be stored under ``key``; ``location`` (absolute), ``signature`` and ``digest`` record a
    file read now whose stat may decide the next run's hit (``signature`` is None for a file
    changed too recently to be trusted by its stat).
    """

    result: FileResult
    facts: dict[str, Any] | PackedFacts = field(default_factory=dict)
    size: int = 0
    cached: bool = False
    key: str | None = None  # the cache key, when there is a cache
    fresh: bool = False
    location: str | None = None
    signature: Signature | None = None
    digest: str | None = None
    times: dict[str, float] | None = None  # with --timing: each rule's seconds, and the whole's


class Worker:
    def __init__(self, engine: Engine, spec: WorkSpec) -> None:
        self.engine = engine
        self.spec = spec
        self.cache = (ResultCache(spec.cache_dir, spec.fingerprint)
                      if spec.cache_dir and spec.fingerprint else None)

    def lookup(self, task: Task) -> Task | Outcome:
        """``task``'s cached outcome when one ``stat`` of its file decides it, else the task.

        Nothing is read or hashed: the file's signature must be the one recorded with its
        content hash, and the entry under that hash must confirm it.
        """
        if self.cache is None or task.error is not None or task.data is not None:
            return task
        location = os.path.abspath(task.location or task.path)
        try:
            info = os.stat(location)
        except OSError:
            return task
        if not stat.S_ISREG(info.st_mode):
            return task
        digest = self.cache.digest_of(location, signature(info))
        if digest is None:
            return task
        key = self.cache.key(task.path, digest)
        hit = self._hit(key, digest)
        if hit is None:
            return task
        return Outcome(hit[0], hit[1], info.st_size, cached=True, key=key)

    def _hit(self, key: str, digest: str
             ) -> tuple[FileResult, dict[str, Any] | PackedFacts] | None:
        assert self.cache is not None
        hit = self.cache.get(key)
        if hit is None or hit[0].info.sha256 != digest:  # the entry confirms the content
            return None
        return hit

    def run(self, task: Task) -> Outcome:
        """Look ``task`` up, else read, decode, hash and check it, here (timed with
        ``--timing``: see doclint.core.timing)."""
        if not self.spec.timing:
            return self._run(task)
        timing.start_timing()  # in this thread (a Dask worker may run several), from nothing
        started = time.monotonic()
        outcome = self._run(task)
        if not outcome.cached:
            outcome.times = timing.take(since=started)
        return outcome

    def _run(self, task: Task) -> Outcome:
        if task.error is not None:
            return Outcome(FileResult(FileInfo(task.path), error=task.error))
        found = self.lookup(task)
        if isinstance(found, Outcome):
            return found
        data, location, sig = task.data, None, None
        if data is None:
            location = os.path.abspath(task.location or task.path)
            large = self._large(task, location)
            if large is not None:  # checked in windows, never read whole
                where, limit = location, self.spec.config.max_bytes
                return self._run_windows(task, lambda: open_regular(where, limit), large[0],
                                         large[1], location)
            try:
                data, info = read_regular_stat(location, self._whole_limit(task))
            except OSError as exc:
                return Outcome(FileResult(FileInfo(task.path),
                                          error=f"cannot read: {exc.strerror or exc}"))
            sig = signature(info) if settled(info, time.time_ns()) else None
        if self._windowed(task, len(data), windows.line_breaks(data)):
            payload = data
            return self._run_windows(task, lambda: io.BytesIO(payload), len(data), sig,
                                     location)
        limit = self._whole_limit(task)
        if limit is not None and len(data) > limit:
            return Outcome(FileResult(FileInfo(task.path), error=too_large(len(data), limit)))
        digest = hashlib.sha256(data).hexdigest()
        key = self.cache.key(task.path, digest) if self.cache is not None else None
        if key is not None:
            hit = self._hit(key, digest)
            if hit is not None:
                return Outcome(hit[0], hit[1], len(data), cached=True, key=key,
                               location=location, signature=sig, digest=digest)
        result, facts = self.engine.lint_bytes(task.path, data, self.spec.encoding, digest)
        return Outcome(result, facts, len(data), key=key,
                       fresh=key is not None and not result.crashes,
                       location=location, signature=sig, digest=digest)

    def _large(self, task: Task, location: str) -> tuple[int, Signature | None] | None:
        """Size and signature of a file to check in windows; None for any other (a failed
        ``stat`` too: reading it says why)."""
        try:
            info = os.stat(location)
        except OSError:
            return None
        if not stat.S_ISREG(info.st_mode) or not self._windowed(task, info.st_size):
            return None
        return info.st_size, signature(info) if settled(info, time.time_ns()) else None

    def _whole_limit(self, task: Task) -> int | None:
        """The size limit for ``task`` when it is read whole (see windows.whole_limit)."""
        reader = self.engine.readers.get(windows.suffix(task.path)) or self.engine.readers[".txt"]
        return windows.whole_limit(self.spec.config, reader)

    def _windowed(self, task: Task, size: int, lines: int = 0) -> bool:
        reader = self.engine.readers.get(windows.suffix(task.path)) or self.engine.readers[".txt"]
        return windows.windowed(reader, size, lines)

    def _run_windows(self, task: Task, open_stream: Callable[[], BinaryIO], size: int,
                     sig: Signature | None, location: str | None) -> Outcome:
        """Check a large document in windows (see doclint.runner.windows)."""
        limit = self.spec.config.max_bytes
        try:
            with open_stream() as stream:
                scanned = windows.scan(stream, self.spec.encoding)
        except ReadError as exc:
            return Outcome(FileResult(FileInfo(task.path), error=str(exc)), size=size)
        except OSError as exc:
            return Outcome(FileResult(FileInfo(task.path),
                                      error=f"cannot read: {exc.strerror or exc}"), size=size)
        digest = scanned[0]
        key = self.cache.key(task.path, digest) if self.cache is not None else None
        if key is not None:
            hit = self._hit(key, digest)
            if hit is not None:
                return Outcome(hit[0], hit[1], size, cached=True, key=key, location=location,
                               signature=sig, digest=digest)
        try:
            result, facts = windows.lint_windows(self.engine, task.path, open_stream,
                                                 self.spec.encoding, scanned, limit)
        except OSError as exc:
            return Outcome(FileResult(FileInfo(task.path, sha256=digest),
                                      error=f"cannot read: {exc.strerror or exc}"), size=size)
        return Outcome(result, facts, size, key=key,
                       fresh=key is not None and not result.crashes and result.error is None,
                       location=location, signature=sig, digest=digest)

    def run_chunk(self, tasks: Sequence[Task]) -> list[Outcome]:
        if self.cache is not None:
            self.cache.refresh()
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
    """Pool initializer: build the worker now (a forked one already has it).

    A pool worker runs doclint alone: its engine is frozen out of the garbage collector's
    reach (see doclint.runner.collector), the one a forked worker inherited included.
    """
    collector.own_process()
    worker_for(spec)
    collector.engine_built()
    # A pool worker ends without exit handlers (multiprocessing leaves by os._exit): the
    # patterns it compiled on first use reach the regex store through its finalizers.
    from multiprocessing import util

    util.Finalize(None, regexstore.save, exitpriority=0)
