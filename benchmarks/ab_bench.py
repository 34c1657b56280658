"""A/B speed of this tree against a git revision, on the same machine in the same minutes.

Usage::

    python benchmarks/ab_bench.py REV [DIR] [--rounds 5] [--passes 3]

On a shared machine the speed of a whole run drifts by ±10% over minutes (README,
Performance: the one-job archive row moved 27.5–33.2 CPU s with the code held still), more
than most speed changes make. A figure taken before a change and one taken after it then say
little; two versions run in turn, in the same minutes, do. ``REV`` is exported with ``git
archive`` into a temporary folder; each round runs both trees, one after the other (the
order alternating between rounds), each in a fresh process that lints the corpus once to
warm up and then ``--passes`` times, keeping its least CPU time. Printed: each tree's least
and median over the rounds, the change, and whether the two trees' findings on the corpus are
the same (a speed change must move none).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "corpus" / "real"

# Run in a child process with the tree to time first on sys.path: its least CPU time over the
# passes, and a digest of its findings.
CHILD = """
import hashlib, json, sys, time
from pathlib import Path
tree, corpus, passes = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
sys.path.insert(0, tree)
import doclint
assert Path(doclint.__file__).resolve().is_relative_to(Path(tree).resolve()), doclint.__file__
from doclint.core.config import Config
from doclint.runner import collector
from doclint.runner.engine import Engine
collector.own_process()
engine = Engine(Config())
inputs = [(str(p), p.read_bytes()) for p in sorted(corpus.rglob("*.txt"))]
digest = hashlib.sha256()
for path, data in inputs:
    result, _ = engine.lint_bytes(path, data)
    for d in result.diagnostics:
        digest.update(repr((path, d.code, d.start.line, d.start.column, d.end.line,
                            d.end.column)).encode())
least = float("inf")
for _ in range(passes):
    started = time.process_time()
    for path, data in inputs:
        engine.lint_bytes(path, data)
    least = min(least, time.process_time() - started)
print(json.dumps({"cpu": least, "findings": digest.hexdigest()}))
"""


def export(rev: str, into: Path) -> None:
    """The tracked files of ``rev`` written into ``into``."""
    git = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", rev],
                         capture_output=True)
    if git.returncode:
        raise SystemExit(f"ab_bench: git archive {rev}: "
                         f"{git.stderr.decode(errors='replace').strip()}")
    with tarfile.open(fileobj=io.BytesIO(git.stdout)) as tar:
        tar.extractall(into, filter="data")


def timed(tree: Path, corpus: Path, passes: int) -> dict[str, object]:
    """One fresh process timing ``tree`` on ``corpus``: {"cpu": least seconds, "findings"}."""
    done = subprocess.run([sys.executable, "-c", CHILD, str(tree), str(corpus), str(passes)],
                          capture_output=True, text=True, cwd=tree)
    if done.returncode:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise SystemExit(f"ab_bench: the run of {tree} failed: {last}")
    return json.loads(done.stdout.splitlines()[-1])  # type: ignore[no-any-return]


def compare(rev: str, corpus: Path, rounds: int, passes: int) -> str:
    """The report of ``rounds`` alternated runs of this tree and of ``rev``."""
    size = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
    files = sum(1 for _ in corpus.rglob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="doclint-ab-") as scratch:
        other = Path(scratch)
        export(rev, other)
        trees = {"this tree": ROOT, rev: other}
        cpu: dict[str, list[float]] = {name: [] for name in trees}
        findings: dict[str, set[str]] = {name: set() for name in trees}
        load = [os.getloadavg()[0]]
        for number in range(rounds):
            order = list(trees) if number % 2 == 0 else list(reversed(trees))
            for name in order:
                run = timed(trees[name], corpus, passes)
                cpu[name].append(float(run["cpu"]))  # type: ignore[arg-type]
                findings[name].add(str(run["findings"]))
            load.append(os.getloadavg()[0])
    lines = [f"{corpus}: {files} files, {size / 1e6:.2f} MB; {rounds} rounds of {passes} "
             f"passes, order alternating; load {min(load):.1f}–{max(load):.1f}",
             "| tree | least CPU s | median CPU s | MB/s (least) |", "|---|---:|---:|---:|"]
    for name, seconds in cpu.items():
        lines.append(f"| {name} | {min(seconds):.3f} | {statistics.median(seconds):.3f} | "
                     f"{size / 1e6 / min(seconds):.2f} |")
    mine, theirs = cpu["this tree"], cpu[rev]
    lines.append(f"this tree against {rev}: {change(min(mine), min(theirs))} (least), "
                 f"{change(statistics.median(mine), statistics.median(theirs))} (median)")
    same = len(findings["this tree"] | findings[rev]) == 1
    lines.append("findings: " + ("the same" if same else "DIFFERENT between the trees"))
    return "\n".join(lines)


def change(after: float, before: float) -> str:
    """``after`` against ``before``, in per cent of CPU time (negative: faster)."""
    return f"{100 * (after - before) / before:+.1f}% CPU"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("rev", help="the git revision to compare with (a commit, a tag, HEAD~1)")
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--rounds", type=int, default=5, help="runs of each tree, alternated")
    parser.add_argument("--passes", type=int, default=3,
                        help="passes over the corpus in each run; the least CPU is kept")
    args = parser.parse_args()
    if not args.directory.is_dir():
        raise SystemExit(f"ab_bench: no such folder: {args.directory}")
    if args.rounds < 1 or args.passes < 1:
        raise SystemExit("ab_bench: --rounds and --passes must be at least 1")
    print(compare(args.rev, args.directory, args.rounds, args.passes))


if __name__ == "__main__":
    main()
