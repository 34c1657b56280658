"""Archive benchmark: `doclint check` over a >= 100 MB archive built from the real corpus.

Usage::

    python benchmarks/archive_bench.py [--size-mb 100] [--corpus DIR] [--jobs 1 2]
                                       [--workdir DIR] [--tar] [--repeat N]

The archive is a folder of copies of the corpus in a temporary directory (or --workdir):
copy ``k`` of every file is ``copyNNN/<name>`` with one line ``（副本 k）`` appended, so no two
files have the same bytes (the cache and the exact-duplicate rule cannot short-cut it), while
every document still has ~20 near-copies (the near-duplicate, reused-paragraph and
duplicate-title rules see a worst case, not a typical archive).

Rows: every default rule with ``--jobs N --no-cache``; a first run that fills an empty cache
and the same run again from the cache; with --tar, ``--jobs 2`` over the same copies as one
.tar.gz; and plain ``regex`` scans of representative literal-anchored patterns of the rule
families (one core, in this process), once as one alternation and once pattern by pattern:
the speed limit of the approach.
Peak RSS is the largest sum of RSS over the process tree (doclint and its workers), sampled
every 50 ms. CPU is user+system seconds of the tree: this machine may be shared, and wall
time then says less than CPU time.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import regex
from readme_block import replace_block
from warm import user_env

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "real"

# Patterns standing for the rule families' literal-anchored ones (placeholders, years and
# eras, numbers and units, chrome and boilerplate, headings, spacing, punctuation).
PATTERNS = [
    r"[XＸ×]{2,}年|某某|〇〇|××",                                    # placeholders
    r"(?:19|20)[0-9]{2}\s?年(?:[0-9]{1,2}月(?:[0-9]{1,2}日)?)?",         # years, dates
    r"[一二][〇○零一二三四五六七八九]{3}年",                            # years in numerals
    r"十[一二三四五]五|“[一二三四五六七八九十]+五”|十[六七八九]大|二十大",  # plans, congresses
    r"[0-9]+(?:\.[0-9]+)?\s?(?:%|％|‰|个百分点)|百分之[一二三四五六七八九十点零]+",
    r"[0-9]+(?:\.[0-9]+)?\s?(?:万亿|亿|万)?(?:元|吨|公里|亩|人|户|千瓦)",   # units
    r"(?:增长|下降|提高|减少|增加|降低)(?:了|到|至)?",                  # change verbs
    r"同比|比上年|比去年|年均",
    r"责任编辑|来源[：:]|打印本页|关闭窗口|上一篇|下一篇|www\.|https?://",  # chrome
    r"同志们|各位代表|尊敬的|女士们|先生们",                          # salutations
    r"第[一二三四五六七八九十]+[篇章部分]",                            # headings
    r"[０-９]+",                                                       # full-width digits
    r"\p{Han}[ \u3000]+\p{Han}",                                       # inner spaces
    r"[，。；：！？]{2,}|\.{3,}|。{3,}",                               # punctuation
]
COMBINED = regex.compile("|".join(PATTERNS))
SEPARATE = [regex.compile(p) for p in PATTERNS]


@dataclass
class Row:
    label: str
    seconds: float
    cpu: float
    rss_mb: float
    note: str = ""


def build(corpus: Path, target: Path, size_mb: float) -> tuple[int, int]:
    """Copies of the corpus until ``size_mb``; returns (files, bytes)."""
    sources = sorted(corpus.glob("*.txt"))
    texts = [p.read_bytes() for p in sources]
    files = size = copy = 0
    while size < size_mb * 1e6:
        folder = target / f"copy{copy:03}"
        folder.mkdir(parents=True)
        for path, data in zip(sources, texts, strict=True):
            extra = f"\n（副本 {copy}）\n".encode()
            (folder / path.name).write_bytes(data + extra)
            files, size = files + 1, size + len(data) + len(extra)
        copy += 1
    return files, size


def tree_rss(process: object) -> int:
    import psutil

    total = 0
    try:
        members = [process, *process.children(recursive=True)]  # type: ignore[attr-defined]
    except psutil.Error:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total


def watch(command: list[str], timeout: float | None = None) -> tuple[int, str, float, int]:
    """Run ``command``: its exit code, standard error, wall seconds and the peak RSS of its
    process tree (sampled every 50 ms). A run past ``timeout`` is killed (exit code negative)."""
    import psutil

    start = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True, env=user_env())
    watched = psutil.Process(child.pid)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_rss(watched))
            time.sleep(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        _, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        _, err = child.communicate()
        err = f"HUNG (killed after {timeout:g} s)\n" + err
    done.set()
    thread.join()
    return child.returncode, err, time.perf_counter() - start, peak


def run(label: str, argv: list[str], note: str = "") -> Row:
    """Run ``doclint`` with ``argv``; wall time, CPU time and peak RSS of its process tree."""
    before = os.times()
    code, err, seconds, peak = watch([sys.executable, "-m", "doclint", *argv])
    after = os.times()
    # A reaped child's CPU time includes that of the children it reaped: the whole tree.
    cpu = (after.children_user - before.children_user
           + after.children_system - before.children_system)
    if code not in (0, 1):
        raise SystemExit(f"{label}: doclint exited {code}:\n{err[-2000:]}")
    phases = re.search(r"documents: (\d+) in ([\d.]+) s \((\d+) from the cache\); archive "
                       r"rules: (\d+) findings in ([\d.]+) s", err)
    if phases:
        note = (note + " " if note else "") + (
            f"documents {float(phases[2]):.1f} s, archive rules {float(phases[5]):.1f} s "
            f"({int(phases[4]):,} findings), {int(phases[3]):,} cached")
    return Row(label, seconds, cpu, peak / 1e6, note)


def fastest(tries: list[Row]) -> Row:
    """The run of least wall time, its note saying how the others went (this machine may be
    shared: the spread is part of the figure)."""
    best = min(tries, key=lambda row: row.seconds)
    if len(tries) > 1:
        walls = sorted(row.seconds for row in tries)
        cpus = sorted(row.cpu for row in tries)
        best.note += (f"; fastest of {len(tries)} (wall {walls[0]:.1f}–{walls[-1]:.1f} s, "
                      f"CPU {cpus[0]:.1f}–{cpus[-1]:.1f} s)")
    return best


def regex_scan(folder: Path, patterns: list[regex.Pattern[str]], label: str) -> Row:
    import resource

    start, cpu0, count = time.perf_counter(), time.process_time(), 0
    for path in sorted(folder.rglob("*.txt")):
        text = path.read_bytes().decode("utf-8", errors="replace")
        for pattern in patterns:
            count += sum(1 for _ in pattern.finditer(text))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3
    return Row(label, time.perf_counter() - start, time.process_time() - cpu0, rss,
               f"{count:,} matches; in-process")


def table(rows: list[Row], files: int, size: int) -> str:
    mb = size / 1e6
    lines = ["| run | wall s | MB/s | docs/s | CPU s | MB/s per CPU s | peak RSS MB | notes |",
             "|---|---:|---:|---:|---:|---:|---:|---|"]
    for row in rows:
        lines.append(f"| {row.label} | {row.seconds:.1f} | {mb / row.seconds:.2f} | "
                     f"{files / row.seconds:.1f} | {row.cpu:.1f} | "
                     f"{mb / row.cpu if row.cpu else 0:.2f} | {row.rss_mb:.0f} | {row.note} |")
    return "\n".join(lines)


README_COMMAND = "python benchmarks/archive_bench.py --jobs 1 2 --repeat 3 --readme README.md"


def update_readme(readme: Path, output: str) -> None:
    """Replace what lies between the markers in ``readme`` with the summary line and the table
    of ``output`` (this script's output: the last block that starts with "N documents")."""
    lines = output.splitlines()
    starts = [i for i, line in enumerate(lines) if re.match(r"\d+ documents, ", line)]
    if not starts:
        raise SystemExit("no table in the output")
    block = [line for line in lines[starts[-1]:] if line.strip()]
    summary, rows = block[0], [line for line in block[1:] if line.startswith("|")]
    replace_block(readme, "archive-bench", README_COMMAND,
                  "\n".join([f"`{summary}`", "", *rows]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=100.0)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--workdir", type=Path, help="build here and keep it (default: a temp dir)")
    parser.add_argument("--tar", action="store_true", help="also run --jobs 2 over a .tar.gz")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each --no-cache row this many times and keep the fastest")
    parser.add_argument("--readme", type=Path,
                        help="write the table into this file, between the archive-bench markers")
    parser.add_argument("--table-from", type=Path,
                        help="do not run: take the table from this saved output (with --readme)")
    args = parser.parse_args()
    if args.table_from is not None:
        if args.readme is None:
            raise SystemExit("--table-from needs --readme")
        update_readme(args.readme, args.table_from.read_text(encoding="utf-8"))
        return
    work = args.workdir or Path(tempfile.mkdtemp(prefix="doclint-bench-"))
    folder = work / "archive"
    try:
        if folder.exists():
            shutil.rmtree(folder)
        files, size = build(args.corpus, folder, args.size_mb)
        print(f"archive: {folder} — {files} files, {size / 1e6:.1f} MB "
              f"({files // len(list(args.corpus.glob('*.txt')))} copies of {args.corpus})",
              flush=True)
        common = ["-v", "check", "--exit-zero", "--format", "jsonl", "-o", os.devnull]
        # Untimed: writes __pycache__ (see warm.py) and the build cache, in this process and
        # its imports, as an installed doclint has them.
        run("warm-up", [*common, "--no-cache", "--jobs", "1", str(next(folder.rglob("*.txt")))])
        rows: list[Row] = []
        for jobs in args.jobs:
            tries = [run(f"doclint --jobs {jobs} --no-cache",
                         [*common, "--no-cache", "--jobs", str(jobs), str(folder)])
                     for _ in range(args.repeat)]
            rows.append(fastest(tries))
            print(table(rows[-1:], files, size).splitlines()[-1], flush=True)
        cache = work / "cache"
        if cache.exists():  # a kept --workdir's cache would answer the run meant to fill it
            shutil.rmtree(cache)
        cached = [*common, "--cache-dir", str(cache), "--jobs", str(max(args.jobs)), str(folder)]
        rows.append(run(f"doclint --jobs {max(args.jobs)}, empty cache (fills it)", cached))
        rows.append(run(f"doclint --jobs {max(args.jobs)}, from the cache", cached))
        ratio = rows[-2].seconds / rows[-1].seconds
        rows[-1].note += f"; {ratio:.0f}x faster than the run that filled the cache"
        if args.tar:
            archive = work / "archive.tar.gz"
            with tarfile.open(archive, "w:gz", compresslevel=1) as tf:
                tf.add(folder, arcname="archive")
            rows.append(run("doclint --jobs 2 --no-cache, one .tar.gz",
                            [*common, "--no-cache", "--jobs", "2", str(archive)]))
        rows.append(regex_scan(folder, [COMBINED],
                               f"regex: one alternation of {len(PATTERNS)} patterns, 1 core"))
        rows.append(regex_scan(folder, SEPARATE,
                               f"regex: the same {len(PATTERNS)} patterns one by one, 1 core"))
        report = (f"{files} documents, {size / 1e6:.1f} MB; {os.cpu_count()} cores; "
                  f"python {sys.version.split()[0]}\n{table(rows, files, size)}")
        print()
        print(report)
        if args.readme is not None:
            update_readme(args.readme, report)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
