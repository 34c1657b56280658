"""Throughput benchmark: MB/s of `doclint check` over a directory of documents.

Usage::

    python benchmarks/bench.py [DIR] [--jobs N] [--repeat N] [--per-rule]

DIR defaults to ../shared/corpus/real. MB counts UTF-8 bytes of the decoded text. With
--per-rule, each document rule's share of the time is listed (the first rule that asks for a
shared extractor pays for it, which is what the column "incl. shared facts" means), then the
same summed per family; archive rules count their ``collect`` on every document and one
``combine``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "corpus" / "real"


def corpus_size(directory: Path) -> tuple[int, int]:
    files = sorted(directory.rglob("*.txt"))
    size = sum(len(p.read_text(encoding="utf-8", errors="replace").encode("utf-8")) for p in files)
    return len(files), size


def time_cli(directory: Path, jobs: int, repeat: int) -> tuple[float, float]:
    """Best wall seconds and best CPU seconds (user + system of doclint and its workers)."""
    best = best_cpu = float("inf")
    for _ in range(repeat):
        before = os.times()
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "doclint", "check", "--no-cache", "--exit-zero",
                        "--format", "json",
                        "--jobs", str(jobs), "-o", "/dev/null", str(directory)], check=True)
        best = min(best, time.perf_counter() - start)
        after = os.times()
        best_cpu = min(best_cpu, after.children_user - before.children_user
                       + after.children_system - before.children_system)
    return best, best_cpu


def per_rule(directory: Path) -> list[tuple[str, float]]:
    """Seconds per rule over the corpus; archive rules: ``collect`` on every document plus
    one ``combine`` of all the facts."""
    from doclint.core.anchors import scan_for
    from doclint.core.config import Config
    from doclint.core.linter import ActiveRule, lint_document
    from doclint.runner.engine import Engine

    engine = Engine(Config())
    active, archive = engine.rules_for("x.txt")
    docs = [engine.read(str(p), p.read_bytes()) for p in sorted(directory.rglob("*.txt"))]
    timings = {"(anchor scan)": 0.0, **{a.rule.code: 0.0 for a in active}}
    scan = scan_for(frozenset(anchor for a in active for anchor in a.rule.anchors))
    timings.update({rule.code: 0.0 for rule in archive})
    facts: dict[str, list[tuple[str, object]]] = {rule.code: [] for rule in archive}
    clock = time.process_time  # CPU time: the machine may be shared
    for doc in docs:
        start = clock()
        admitted = scan.admitted(doc.text, [rule.rule.anchors for rule in active])
        timings["(anchor scan)"] += clock() - start
        for rule, runs in zip(active, admitted, strict=True):
            if not runs:
                continue  # as in a real run: the rule cannot report here
            start = clock()
            lint_document(doc, [ActiveRule(rule.rule, rule.severity)], gated=False)
            timings[rule.rule.code] += clock() - start
        for archive_rule in archive:
            start = clock()
            facts[archive_rule.code].append((doc.path, archive_rule.collect(doc)))
            timings[archive_rule.code] += clock() - start
    for archive_rule in archive:
        start = clock()
        list(archive_rule.combine(facts[archive_rule.code]))
        timings[archive_rule.code] += clock() - start
    return sorted(timings.items(), key=lambda kv: -kv[1])


def per_family(timings: list[tuple[str, float]]) -> list[tuple[str, float, int]]:
    """Seconds and rule count per family (the code's letters: N, Y, BD ...)."""
    families: dict[str, list[float]] = {}
    for code, seconds in timings:
        families.setdefault(code.rstrip("0123456789"), []).append(seconds)
    return sorted(((f, sum(t), len(t)) for f, t in families.items()), key=lambda r: -r[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--per-rule", action="store_true")
    args = parser.parse_args()
    count, size = corpus_size(args.directory)
    mb = size / 1e6
    print(f"corpus: {args.directory} — {count} files, {mb:.2f} MB (UTF-8)")
    for jobs in args.jobs:
        seconds, cpu = time_cli(args.directory, jobs, args.repeat)
        print(f"doclint check --jobs {jobs}: {seconds:.2f} s wall, {cpu:.2f} s CPU (best of "
              f"{args.repeat}), {mb / seconds:.2f} MB/s, {mb / cpu:.2f} MB per CPU s, "
              f"{count / seconds:.1f} docs/s (includes start-up)")
    if args.per_rule:
        timings = per_rule(args.directory)
        total = sum(t for _, t in timings)
        print(f"\nin-process rule time: {total:.2f} CPU s = {mb / total:.1f} MB/s")
        print(f"{'family':<7}{'rules':>6}{'seconds':>9}{'share':>8}{'MB/s':>9}")
        for family, seconds, count in per_family(timings):
            print(f"{family:<7}{count:>6}{seconds:>9.3f}{seconds / total:>8.1%}"
                  f"{mb / seconds if seconds else 0:>9.1f}")
        print(f"\n{'rule':<7}{'seconds':>9}{'share':>8}{'MB/s':>9}   (incl. shared facts)")
        for code, seconds in timings:
            print(f"{code:<7}{seconds:>9.3f}{seconds / total:>8.1%}"
                  f"{mb / seconds if seconds else 0:>9.1f}")


if __name__ == "__main__":
    main()
