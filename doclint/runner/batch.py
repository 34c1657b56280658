"""Check a stream of documents in order, in this process, worker processes or on Dask.

Tasks are dispatched in chunks with a bounded number in flight, and results come back in
input order as soon as they are ready, so memory does not grow with the archive and the
output is the same whatever the number of workers or the executor. Archive-rule facts are
gathered in input order and combined at the end, here, whichever executor produced them.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import os
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from doclint.core.diagnostic import Diagnostic, FileInfo, FileResult
from doclint.core.document import Document
from doclint.runner.archives import MemberReader
from doclint.runner.cache import PackedFacts, ResultCache
from doclint.runner.crossdoc import archive_phase
from doclint.runner.engine import Engine
from doclint.runner.inputs import Task
from doclint.runner.worker import Outcome, Worker, WorkSpec, adopt, run_chunk, start_worker

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

LOG = logging.getLogger(__name__)
CHUNK_FILES = 4
CHUNK_BYTES = 2 << 20  # with chunks_in_flight: at most ~18 MB of archive members in flight


def chunks_in_flight(workers: int) -> int:
    """Chunks in flight for ``workers`` pool processes.

    Results come back in input order, so a slow chunk at the head (a long document) holds back
    every later submission: with too few chunks in flight, the other workers run dry behind it.
    Simulated with the measured cost of each file of the archive benchmark, 8-file chunks with
    ``2 * workers + 1`` in flight let two workers reach x1.77 of one; 4-file chunks with
    ``4 * workers + 1`` reach x1.99, with about as many files in flight (36 against 40).
    """
    return 4 * workers + 1


@dataclass
class BatchResult:
    """Kept per-file results, diagnostics from archive rules, and counts."""

    files: list[FileResult] = field(default_factory=list)
    archive: list[Diagnostic] = field(default_factory=list)
    archive_lines: dict[str, dict[int, str]] = field(default_factory=dict)
    cached: int = 0
    archive_seconds: float = 0.0  # the archive rules' time, in this process


@dataclass
class RunPlan:
    """How to run: workers, executor, cache."""

    jobs: int | str | None = 1
    executor: str = "local"
    scheduler: str | None = None
    encoding: str | None = None
    cache_dir: str | None = None
    fingerprint: str | None = None
    timing: bool = False  # record each rule's time (``--timing``)


def resolve_jobs(jobs: int | str | None, count: int | None = None) -> int:
    if jobs in (None, "auto"):
        jobs = os.cpu_count() or 1
    workers = max(1, int(jobs))  # type: ignore[arg-type]
    return workers if count is None else max(1, min(workers, count))


def run_batch(engine: Engine, tasks: Iterable[Task], plan: RunPlan,
              on_result: Callable[[FileResult], None] | None = None,
              on_outcome: Callable[[Outcome], None] | None = None,
              keep: Callable[[FileResult], bool] | None = None,
              refine: Callable[[FileResult], FileResult] | None = None) -> BatchResult:
    """Check ``tasks``; ``on_result`` sees each result as soon as it is ready, in order.

    ``refine`` (suppressions, ignore files, the baseline) is applied to each result here,
    after the workers and the cache, before ``keep`` and ``on_result`` see it.

    Only results ``keep`` accepts stay in ``BatchResult.files`` (none by default), so a run
    over any number of documents holds no more than its chunks in flight.
    """
    spec = WorkSpec(engine.config, plan.encoding, plan.cache_dir, plan.fingerprint, plan.timing)
    cache: ResultCache | None
    if plan.executor == "dask":
        from doclint.runner.dask_exec import dask_outcomes

        outcomes = dask_outcomes(spec, tasks, plan.jobs, plan.scheduler)
        cache = (ResultCache(plan.cache_dir, plan.fingerprint)
                 if plan.cache_dir and plan.fingerprint else None)
    else:
        worker = Worker(engine, spec)
        outcomes = local_outcomes(worker, tasks, plan.jobs)
        cache = worker.cache
    try:
        return _gather(engine, plan, outcomes, cache, on_result, on_outcome, keep, refine)
    finally:
        if cache is not None:
            cache.commit()


def _gather(engine: Engine, plan: RunPlan, outcomes: Iterable[Outcome],
            cache: ResultCache | None,
            on_result: Callable[[FileResult], None] | None,
            on_outcome: Callable[[Outcome], None] | None,
            keep: Callable[[FileResult], bool] | None,
            refine: Callable[[FileResult], FileResult] | None) -> BatchResult:
    """Merge the outcomes in order: the cache is written here, in this process only."""
    batch = BatchResult()
    gathered: list[tuple[str, dict[str, Any] | PackedFacts]] = []
    keys = hashlib.sha256()  # every document's cache key, in order: the archive's identity
    started, count = time.perf_counter(), 0
    for outcome in outcomes:
        count += 1
        result = outcome.result
        batch.cached += outcome.cached
        if cache is not None:
            if outcome.fresh and outcome.key is not None:
                cache.put(outcome.key, result, outcome.facts)
            if outcome.signature is not None and outcome.location and outcome.digest:
                cache.remember(outcome.location, outcome.signature, outcome.digest)
        keys.update(f"{outcome.key or result.path}\0{result.error or ''}\n"
                    .encode("utf-8", "surrogatepass"))
        if outcome.facts:
            gathered.append((result.path, outcome.facts))
        if refine is not None:
            result = refine(result)
        if keep is not None and keep(result):
            batch.files.append(result)
        if on_result is not None:
            on_result(result)
        if on_outcome is not None:
            on_outcome(outcome)
    middle = time.perf_counter()
    if gathered:
        batch.archive, batch.archive_lines = _archive(engine, plan, gathered, keys.hexdigest(),
                                                      cache)
    batch.archive_seconds = time.perf_counter() - middle
    LOG.debug("documents: %d in %.2f s (%d from the cache); archive rules: %d findings in %.2f s",
              count, middle - started, batch.cached, len(batch.archive), batch.archive_seconds)
    return batch


def _archive(engine: Engine, plan: RunPlan,
             gathered: list[tuple[str, dict[str, Any] | PackedFacts]], keys: str,
             cache: ResultCache | None) -> tuple[list[Diagnostic], dict[str, dict[int, str]]]:
    """The archive rules' diagnostics: from the cache when the archive is unchanged."""
    key = cache.archive_key(keys) if cache else ""
    if cache is not None:
        entry = cache.load(key)
        if isinstance(entry, tuple) and len(entry) == 2:
            return entry  # type: ignore[return-value]
    facts: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for path, found in gathered:
        for code, fact in (found.unpack() if isinstance(found, PackedFacts) else found).items():
            facts[code].append((path, fact))
    unreadable: list[str] = []
    with MemberReader() as reader:
        def reread(path: str) -> Document:
            try:
                return engine.read(path, reader.read_bytes(path), plan.encoding)
            except Exception:
                unreadable.append(path)
                raise

        found = archive_phase(engine, facts, reread)
    if cache is not None and not unreadable:  # a partial report is not kept
        cache.store(key, found)
    return found


def lint_paths(engine: Engine, paths: list[str], jobs: int | str | None = 1,
               encoding: str | None = None,
               on_result: Callable[[FileResult], None] | None = None) -> BatchResult:
    """Lint ``paths`` (no cache), keeping every result: the foundation's interface."""
    return run_batch(engine, (Task(p) for p in paths), RunPlan(jobs, encoding=encoding),
                     on_result, keep=lambda _result: True)


def local_outcomes(worker: Worker, tasks: Iterable[Task], jobs: int | str | None
                   ) -> Iterator[Outcome]:
    """Outcomes in input order: serially here, or from a pool of worker processes.

    With a pool, the cache is looked up here by each file's ``stat`` alone (nothing is read or
    hashed here): a hit costs no trip to a worker, and a run served entirely from the cache
    starts no pool at all. Workers read, decode and hash the rest.
    """
    workers = resolve_jobs(jobs)
    stream = iter(tasks)
    head = list(itertools.islice(stream, 2))
    stream = itertools.chain(head, stream)
    if workers == 1 or len(head) < 2:
        return (worker.run(task) for task in stream)
    return _pooled(worker, (worker.lookup(task) for task in stream), workers)


def _pooled(worker: Worker, prepared: Iterator[Task | Outcome], workers: int
            ) -> Iterator[Outcome]:
    pool = _Pool(worker, workers)
    try:
        yield from ordered(lambda chunk: _Merged(chunk, pool), chunked(prepared),
                           window=chunks_in_flight(workers))
    finally:
        pool.shutdown()


class _Pool:
    """The worker processes, started on first use and replaced when one of them dies.

    A worker killed mid-chunk (out of memory, a crashing extension, a signal) breaks the whole
    pool: every chunk in flight is then checked again, one file at a time in a fresh pool, so
    the file that kills a worker twice is reported and every other file gets its result.
    """

    def __init__(self, worker: Worker, workers: int) -> None:
        self.worker, self.workers = worker, workers
        self.pool: ProcessPoolExecutor | None = None
        self.unavailable = False  # no pool could be started: chunks are checked here

    def submit(self, tasks: list[Task]) -> Future[list[Outcome]] | None:
        if self.pool is None and not self.unavailable:
            # NOTE: imported here: multiprocessing costs start-up that a serial run never needs.
            from concurrent.futures import ProcessPoolExecutor

            self.worker.engine.registry  # noqa: B018  (built once here, inherited by forks)
            adopt(self.worker)  # forked workers start with this engine instead of building one
            try:
                self.pool = ProcessPoolExecutor(self.workers, initializer=start_worker,
                                                initargs=(self.worker.spec,))
            except OSError:
                # NOTE: some sandboxes forbid the semaphores a process pool needs.
                self.unavailable = True
        return self.pool.submit(run_chunk, self.worker.spec, tasks) if self.pool else None

    def broken(self, pool: ProcessPoolExecutor | None) -> None:
        """Forget ``pool``, which lost a worker, unless it has been replaced already."""
        if pool is not None and pool is self.pool:
            self.pool = None
            pool.shutdown(wait=False, cancel_futures=True)

    def retry(self, task: Task) -> Outcome:
        """``task`` checked alone in a fresh pool: its outcome, or the report of a second death."""
        future = self.submit([task])
        if future is None:
            return _died(task)
        ran_in = self.pool
        from concurrent.futures.process import BrokenProcessPool

        try:
            return future.result()[0]
        except BrokenProcessPool:
            self.broken(ran_in)
            LOG.warning("%s: a worker process died twice while checking it", task.path)
            return _died(task)

    def shutdown(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _died(task: Task) -> Outcome:
    return Outcome(FileResult(FileInfo(task.path), error="a worker process died while checking "
                              "it, twice (out of memory, or a crashing plugin?)"))


class _Merged:
    """A chunk's outcomes: cache hits as they are, the misses from a worker's future."""

    def __init__(self, chunk: list[Task | Outcome], pool: _Pool) -> None:
        self.chunk, self.pool = chunk, pool
        self.misses = [item for item in chunk if isinstance(item, Task)]
        self.future = pool.submit(self.misses) if self.misses else None
        self.ran_in = pool.pool

    def result(self) -> list[Outcome]:
        if self.future is None:
            if self.misses and self.pool.unavailable:
                return [self.pool.worker.run(i) if isinstance(i, Task) else i for i in self.chunk]
            return [i for i in self.chunk if isinstance(i, Outcome)]
        from concurrent.futures.process import BrokenProcessPool

        try:
            done = iter(self.future.result())
        except BrokenProcessPool:
            self.pool.broken(self.ran_in)
            done = iter([self.pool.retry(task) for task in self.misses])
        return [next(done) if isinstance(i, Task) else i for i in self.chunk]


def ordered(submit: Callable[[list[Any]], Any], chunks: Iterable[list[Any]],
            window: int) -> Iterator[Outcome]:
    """Submit chunks keeping at most ``window`` in flight; yield outcomes in input order.

    ``submit`` returns anything with ``result()``: a pool's or Dask's future, or ``_Merged``.
    """
    pending: deque[Any] = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def chunked(tasks: Iterable[Any], files: int = CHUNK_FILES,
            size: int = CHUNK_BYTES) -> Iterator[list[Any]]:
    """Chunks of at most ``files`` items and about ``size`` bytes of tasks' data carried."""
    chunk: list[Any] = []
    carried = 0
    for task in tasks:
        chunk.append(task)
        data = getattr(task, "data", None)
        carried += len(data) if data is not None else 0
        if len(chunk) >= files or carried >= size:
            yield chunk
            chunk, carried = [], 0
    if chunk:
        yield chunk
