"""Cached re-runs and one-file start-up: wall and CPU seconds of `doclint check`.

Usage::

    python benchmarks/cache_bench.py [--size-mb 100] [--corpus DIR] [--repeat 3]

Builds the archive of ``archive_bench.py`` (copies of the real corpus) in a temporary
directory, waits until its files are older than the cache's 2-second "racy" window, fills an
empty cache with ``--jobs 2``, then runs from the cache with ``--jobs 1`` and ``--jobs 2``,
and checks one small file with and without the cache. Each row gives every repetition: this
machine may be shared, and CPU seconds (doclint and its workers) then say more than wall
time. Run it with bytecode caching allowed (not under PYTHONDONTWRITEBYTECODE) to measure a
warm start-up.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from archive_bench import DEFAULT_CORPUS, build

SMALL = "关于做好2024年工作的通知\n各单位：\n经研究，现将有关事项通知如下。\n"


def run(argv: list[str]) -> tuple[float, float, bytes]:
    """Wall and CPU seconds of one `doclint` run, and its standard output."""
    before = os.times()
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "doclint", *argv], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, check=False)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user
           + after.children_system - before.children_system)
    if done.returncode not in (0, 1):
        raise SystemExit(f"doclint {' '.join(argv)} exited {done.returncode}")
    return wall, cpu, done.stdout


def row(label: str, runs: list[tuple[float, float, bytes]]) -> str:
    walls = " ".join(f"{w:.2f}" for w, _, _ in runs)
    cpus = " ".join(f"{c:.2f}" for _, c, _ in runs)
    return f"| {label} | {walls} | {cpus} |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=100.0)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="doclint-cache-bench-"))
    try:
        folder, cache = work / "archive", work / "cache"
        files, size = build(args.corpus, folder, args.size_mb)
        small = work / "one.txt"
        small.write_text(SMALL, encoding="utf-8")
        time.sleep(3)  # older than the racy window: the cache may trust their stat
        common = ["check", "--exit-zero", "--format", "jsonl", "--cache-dir", str(cache)]
        fill = run([*common, "--jobs", "2", str(folder)])
        rows = [row("`--jobs 2`, filling an empty cache", [fill])]
        for jobs in ("1", "2"):
            runs = [run([*common, "--jobs", jobs, str(folder)]) for _ in range(args.repeat)]
            if any(out != fill[2] for _, _, out in runs):
                raise SystemExit("the cached report differs from the first one")
            rows.append(row(f"`--jobs {jobs}`, from the cache", runs))
        uncached = [run(["check", "--no-cache", str(small)]) for _ in range(args.repeat + 2)]
        rows.append(row("one small file, `--no-cache`", uncached))
        run(["check", "--cache-dir", str(cache), str(small)])
        cached = [run(["check", "--cache-dir", str(cache), str(small)])
                  for _ in range(args.repeat + 2)]
        rows.append(row("one small file, from the cache", cached))
        print(f"{files} documents, {size / 1e6:.1f} MB; {os.cpu_count()} cores; "
              f"python {sys.version.split()[0]}")
        print("| run | wall s | CPU s |\n|---|---|---|")
        print("\n".join(rows))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
