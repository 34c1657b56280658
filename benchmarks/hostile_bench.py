"""Hostile inputs: what `doclint check` does with each, how long it takes and its peak memory.

Usage::

    python benchmarks/hostile_bench.py [--workdir DIR] [--quick]

Every input is generated in a temporary folder (nothing large is committed) and checked by a
separate ``doclint check --no-cache --jobs 1`` run. Rows: the input, its size, the exit code,
the first line doclint printed on stderr, wall time and the peak RSS of the process tree
(sampled every 50 ms, as in ``archive_bench.py``). ``--quick`` leaves out the inputs that are
checked in full and take minutes (the largest documents under the size limit).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from archive_bench import watch

SENTENCE = "　　全县完成地区生产总值35.6亿元，同比增长6.5%，其中第一产业增加值8.2亿元。\n"
MB = 1024 * 1024


@dataclass
class Case:
    label: str
    make: Callable[[Path], Path]
    heavy: bool = False
    options: tuple[str, ...] = ()


def repeated(path: Path, unit: str, size: int, newline: bool = True) -> Path:
    block = (unit if newline else unit.replace("\n", "")).encode()
    with path.open("wb") as out:
        for _ in range(size // len(block)):
            out.write(block)
    return path


def numbered_lines(path: Path, count: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for start in range(0, count, 100_000):
            out.write("".join(f"第{i}行。\n" for i in range(start, min(count, start + 100_000))))
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def zip_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open("inner.txt", "w", force_zip64=True) as member:
            chunk = b"\x20" * MB
            for _ in range(1024):
                member.write(chunk)
    return path


def random_bytes(path: Path, size: int) -> Path:
    path.write_bytes(random.Random(1).randbytes(size))
    return path


def nested_zip(path: Path, depth: int) -> Path:
    import io

    data, name = SENTENCE.encode(), "doc.txt"
    for level in range(depth):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as zf:
            zf.writestr(name, data)
        data, name = buffer.getvalue(), f"level{level}.zip"
    path.write_bytes(data)
    return path


def traversal_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name in ("../../evil.txt", "/etc/evil.txt", "ok/../../../evil2.txt"):
            zf.writestr(name, SENTENCE)
    return path


def zipped(path: Path, name: str, unit: str, size: int) -> Path:
    block = unit.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        with zf.open(name, "w", force_zip64=True) as member:
            for _ in range(size // len(block)):
                member.write(block)
    return path


def written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


CASES = [
    Case("a FIFO", lambda d: fifo(d / "pipe.txt")),
    Case("random bytes named .txt (1 MB)", lambda d: random_bytes(d / "noise.txt", MB)),
    Case("a JPEG header named .docx", lambda d: (d / "photo.docx").write_bytes(
        b"\xff\xd8\xff\xe0" + bytes(5000)) and d / "photo.docx"),
    Case("zip bomb (1 MB holding 1 GB)", lambda d: zip_bomb(d / "bomb.zip")),
    Case("200 MB single line", lambda d: repeated(d / "line200.txt", SENTENCE, 200 * MB, False)),
    Case("10^7 short lines", lambda d: numbered_lines(d / "lines1e7.txt", 10_000_000)),
    Case("10^6 short lines", lambda d: numbered_lines(d / "lines1e6.txt", 1_000_000)),
    Case("UTF-16 without a BOM", lambda d: written(d / "utf16.txt",
                                                   (SENTENCE * 1000).encode("utf-16-le"))),
    Case("mixed UTF-8 and GBK lines", lambda d: written(
        d / "mixed.txt", (SENTENCE * 50).encode() + (SENTENCE * 50).encode("gbk"))),
    Case("zip members ../ and absolute", lambda d: traversal_zip(d / "traversal.zip")),
    Case("zip nested 40 deep", lambda d: nested_zip(d / "nested.zip", 40)),
    Case("Markdown, 10^5 code fences", lambda d: written(
        d / "fences.md", "```\n代码\n```\n\n增长35；\n\n".encode() * 100_000)),
    Case("Markdown, 10^5 front-matter delimiters", lambda d: written(
        d / "delimiters.md", b"---\n" * 100_000 + SENTENCE.encode())),
    Case("30,000 nested quotation marks, --preview (BD008, BD009)", lambda d: written(
        d / "quotes.txt", ("“" * 30_000 + "”" * 30_000 + "\n").encode()),
         options=("--preview",)),
    Case("200 MB single line, --max-size 256 (windows)",
         lambda d: repeated(d / "line200.txt", SENTENCE, 200 * MB, False), heavy=True,
         options=("--max-size", "256")),
    Case("10^7 short lines, --max-size 256 (windows)",
         lambda d: numbered_lines(d / "lines1e7.txt", 10_000_000), heavy=True,
         options=("--max-size", "256")),
    Case("60 MB zip member (held whole, checked in windows)",
         lambda d: zipped(d / "member.zip", "big.txt", SENTENCE, 60 * MB), heavy=True),
    Case("1.4 MB of short lines (checked whole, just under the window)",
         lambda d: numbered_lines(d / "lines9e4.txt", 92_000), heavy=True),
    Case("9 MB single line (under the limit)",
         lambda d: repeated(d / "line9.txt", SENTENCE, 9 * MB, False), heavy=True),
    Case("9 MB of report paragraphs (under the limit)",
         lambda d: repeated(d / "report9.txt", SENTENCE, 9 * MB), heavy=True),
    Case("600,000 short lines, 9.5 MB (under the limit)",
         lambda d: numbered_lines(d / "lines6e5.txt", 600_000), heavy=True),
]


def run(path: Path, options: tuple[str, ...] = ()) -> tuple[int, str, float, float]:
    command = [sys.executable, "-m", "doclint", "check", "--no-cache", "--jobs", "1",
               "--format", "json", "-o", os.devnull, *options, str(path)]
    code, err, seconds, peak = watch(command, timeout=1800)
    first = next((line for line in err.splitlines() if line.strip()), "")
    return code, first, seconds, peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workdir", type=Path)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", help="run only the inputs whose label contains this")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.workdir) as folder:
        print("| input | size | exit | doclint says | wall | peak RSS |")
        print("|---|---:|---:|---|---:|---:|")
        for case in CASES:
            if (case.heavy and args.quick) or (args.only and args.only not in case.label):
                continue
            where = Path(folder) / case.label.split()[0].strip("(")
            where.mkdir(exist_ok=True)
            path = case.make(where)
            size = path.stat().st_size if path.is_file() else 0
            code, said, seconds, rss = run(path, case.options)
            said = said.replace(f"{where}{os.sep}", "").replace("|", "\\|")[:140]
            print(f"| {case.label} | {size / MB:,.1f} MB | {code} | {said} | {seconds:.1f} s "
                  f"| {rss:,.0f} MB |", flush=True)
            if path.is_file() or path.is_fifo():
                path.unlink()


if __name__ == "__main__":
    main()
