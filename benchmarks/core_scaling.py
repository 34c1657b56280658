"""How well this machine runs N copies of the same CPU-bound work at once: the ceiling of any
runner's speed-up.

Usage::

    python benchmarks/core_scaling.py [--corpus DIR] [--processes 2] [--rounds 3]

Three workloads, each first alone and then in N processes started together (no pool, no
pickling, no parent work: N independent processes):

* ``doclint``: every default rule over the corpus, in-process, warm;
* ``python``: a pure-Python integer loop (the interpreter alone);
* ``regex``: one literal-anchored pattern over a long text (the regex engine alone).

For each it prints the CPU seconds of one copy alone, the mean CPU seconds of a copy when N run
at once, and the speed-up N such copies can reach at best: N × alone / together. If the
interpreter's own loop cannot go faster than ×1.5 on two processes, neither can a runner. On a
virtual machine two vCPUs may be two hyper-threads of one physical core; the figures say so.
Run it on a quiet machine (load average near 0): another process on a core invalidates it.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"


def _python_loop() -> None:
    total = 0
    for i in range(25_000_000):
        total += i & 7


def _regex_scan() -> None:
    import regex

    text = "全县地区生产总值完成123.4亿元，同比增长6.5%，其中第二产业占比42.1%。" * 20_000
    pattern = regex.compile(r"[0-9]+(?:\.[0-9]+)?\s?(?:亿元|%|％)")
    for _ in range(30):
        for _match in pattern.finditer(text):
            pass


def _doclint_check(corpus: str) -> None:
    from doclint.core.config import Config
    from doclint.runner.engine import Engine

    engine = Engine(Config())
    for path in sorted(Path(corpus).glob("*.txt")):
        engine.lint_bytes(str(path), path.read_bytes())


def _warm(corpus: str) -> None:
    _doclint_check(corpus)  # imports, compiled patterns and data, as a worker has them


def _timed(job: tuple[str, str, object]) -> float:
    name, corpus, barrier = job
    work = {"python": _python_loop, "regex": _regex_scan,
            "doclint": lambda: _doclint_check(corpus)}[name]
    if name == "doclint":
        _warm(corpus)
    else:
        work()
    if barrier is not None:
        barrier.wait()  # type: ignore[attr-defined]
    start = time.process_time()
    work()
    return time.process_time() - start


def _together(name: str, corpus: str, processes: int) -> list[float]:
    """CPU seconds of each of ``processes`` copies started together (a barrier lines up the
    timed parts after each copy's warm-up)."""
    context = multiprocessing.get_context("fork")
    barrier = context.Barrier(processes)
    results = context.SimpleQueue()
    workers = [context.Process(target=lambda: results.put(_timed((name, corpus, barrier))))
               for _ in range(processes)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return [results.get() for _ in workers]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=3, help="repeat and keep the median")
    args = parser.parse_args()
    corpus = str(args.corpus)
    n = args.processes
    print(f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}; {n} processes; "
          f"median of {args.rounds} rounds")
    print(f"| workload | CPU s alone | CPU s each, {n} at once | best speed-up on {n} |")
    print("|---|---:|---:|---:|")
    for name in ("python", "regex", "doclint"):
        alone = statistics.median(_timed((name, corpus, None)) for _ in range(args.rounds))
        each = statistics.median(statistics.mean(_together(name, corpus, n))
                                 for _ in range(args.rounds))
        print(f"| {name} | {alone:.2f} | {each:.2f} | ×{n * alone / each:.2f} |")


if __name__ == "__main__":
    main()
