"""How far the pool's chunking lets N workers scale, whatever else runs on the machine.

Usage::

    python benchmarks/pool_sim.py [--corpus DIR] [--copies 20] [--workers 2 4]

Each document of the corpus is checked once in this process (every default rule) and its CPU
time kept. The run of ``archive_bench.py`` (``--copies`` copies of the corpus, in path order)
is then replayed on N simulated workers the way ``doclint.runner.batch`` dispatches it: chunks
from ``chunked``, at most ``chunks_in_flight(N)`` of them submitted ahead of the one whose
results are due next (results come back in input order), each taken by the first free worker.
The table gives the makespan against a perfect split (total / N) for the shipped chunking and
for the alternatives. Wall time on a shared machine says little; this isolates what the
scheduling costs (pickling and the parent's own work are left out).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def costs(corpus: Path) -> list[float]:
    """CPU seconds to check each document of ``corpus`` (sorted by name), warm."""
    from doclint.core.config import Config
    from doclint.runner.engine import Engine

    engine = Engine(Config())
    files = sorted(corpus.glob("*.txt"))
    for path in files:  # warm: lazy patterns and tables are built once per worker
        engine.lint_bytes(str(path), path.read_bytes())
    found = []
    for path in files:
        data = path.read_bytes()
        started = time.process_time()
        engine.lint_bytes(str(path), data)
        found.append(time.process_time() - started)
    return found


def makespan(chunks: list[float], workers: int, window: int) -> float:
    """When the last chunk is done: chunk k is submitted once chunk k - window has been
    handed on (in order), and runs on the first free worker."""
    free = [0.0] * workers
    done: list[float] = []
    handed: list[float] = []  # when each chunk's results are handed on, in input order
    for k, cost in enumerate(chunks):
        if k >= window:
            while len(handed) <= k - window:
                j = len(handed)
                handed.append(max(done[j], handed[j - 1]) if j else done[0])
            submitted = handed[k - window]
        else:
            submitted = 0.0
        worker = min(range(workers), key=free.__getitem__)
        free[worker] = max(free[worker], submitted) + cost
        done.append(free[worker])
    return max(done)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--workers", type=int, nargs="+", default=[2, 4])
    args = parser.parse_args()

    from doclint.runner.batch import CHUNK_FILES, chunks_in_flight

    each = costs(args.corpus)
    run = each * args.copies
    total = sum(run)
    print(f"{len(run)} documents, {total:.1f} CPU s in all "
          f"({len(each)} documents x {args.copies} copies)")
    print("| workers | files per chunk | chunks in flight | makespan s | perfect s | speed-up |")
    print("|---:|---:|---:|---:|---:|---:|")
    for workers in args.workers:
        windows: list[tuple[str, Callable[[int], int]]] = [
            ("2N+1", lambda n: 2 * n + 1), ("4N+1", lambda n: 4 * n + 1),
            ("8N+1", lambda n: 8 * n + 1)]
        for files in sorted({1, 4, 8, CHUNK_FILES}):
            chunks = [sum(run[i:i + files]) for i in range(0, len(run), files)]
            for name, window in windows:
                span = makespan(chunks, workers, window(workers))
                shipped = files == CHUNK_FILES and window(workers) == chunks_in_flight(workers)
                mark = " (shipped)" if shipped else ""
                print(f"| {workers} | {files} | {name} = {window(workers)}{mark} | {span:.1f} | "
                      f"{total / workers:.1f} | x{total / span:.2f} |")


if __name__ == "__main__":
    main()
