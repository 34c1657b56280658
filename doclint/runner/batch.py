"""Lint many files, serially or in worker processes, with output in input order."""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doclint.core.config import Config
from doclint.core.diagnostic import Diagnostic, FileResult
from doclint.runner.engine import Engine

_WORKER_ENGINE: Engine | None = None


def _init_worker(config: Config, encoding: str | None) -> None:
    global _WORKER_ENGINE
    _WORKER_ENGINE = Engine(config)
    _WORKER_ENGINE.encoding = encoding  # type: ignore[attr-defined]


def _lint_in_worker(path: str) -> tuple[FileResult, dict[str, Any]]:
    assert _WORKER_ENGINE is not None
    return _WORKER_ENGINE.lint_file(path, getattr(_WORKER_ENGINE, "encoding", None))


@dataclass
class BatchResult:
    """Per-file results in input order, and diagnostics from archive rules."""

    files: list[FileResult] = field(default_factory=list)
    archive: list[Diagnostic] = field(default_factory=list)
    archive_lines: dict[str, dict[int, str]] = field(default_factory=dict)


def resolve_jobs(jobs: int | str | None, count: int) -> int:
    if jobs in (None, "auto"):
        jobs = os.cpu_count() or 1
    return max(1, min(int(jobs), count))


def lint_paths(
    engine: Engine,
    paths: list[str],
    jobs: int | str | None = 1,
    encoding: str | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> BatchResult:
    """Lint ``paths``; ``on_result`` sees each file's result as soon as it is ready, in order."""
    workers = resolve_jobs(jobs, len(paths))
    results: Iterable[tuple[FileResult, dict[str, Any]]]
    if workers <= 1:
        results = (engine.lint_file(p, encoding) for p in paths)
        return _gather(engine, results, on_result, encoding)
    chunk = max(1, min(64, len(paths) // (workers * 8) or 1))
    try:
        with ProcessPoolExecutor(workers, initializer=_init_worker,
                                 initargs=(engine.config, encoding)) as pool:
            return _gather(engine, pool.map(_lint_in_worker, paths, chunksize=chunk),
                           on_result, encoding)
    except (OSError, PermissionError):
        # NOTE: some sandboxes forbid the semaphores a process pool needs; fall back.
        results = (engine.lint_file(p, encoding) for p in paths)
        return _gather(engine, results, on_result, encoding)


def _gather(engine: Engine, results: Iterator[tuple[FileResult, dict[str, Any]]] | Iterable[Any],
            on_result: Callable[[FileResult], None] | None, encoding: str | None) -> BatchResult:
    batch = BatchResult()
    facts: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for result, file_facts in results:
        batch.files.append(result)
        for code, fact in file_facts.items():
            facts[code].append((result.path, fact))
        if on_result is not None:
            on_result(result)
    if facts:
        def reread(path: str) -> Any:
            return engine.read(path, Path(path).read_bytes(), encoding)

        batch.archive, batch.archive_lines = engine.archive_diagnostics(facts, reread)
    return batch
