"""Stage a fresh set: one text file per row of a JSON-lines or CSV file from a fetched repository.

Fresh rounds (``fresh.py``) and fresh recall sets (``recall.py --dir``) need texts on disk that
are not in this repository. This writes them from a file of a repository mirror so that a set can
be rebuilt from its meta (source, commit, path, fields) on a new machine::

    python benchmarks/precision/stage/rows.py MIRROR_GIT COMMIT PATH OUT_DIR \
        --title title --body content [--year year] [--where year!=None] [--every 2 --offset 0]

A file is named ``<year>-<row number>.txt`` when ``--year`` gives a year (``recall.py --dir``
reads a year in a file name as the document's year), else ``row-<n>.txt``. Its text is the title
line, then the body as the source stores it. ``--every N --offset K`` keeps rows K, K+N, … so
that one source gives disjoint halves (one read by rule writers, one kept unseen).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
from pathlib import Path


def rows_of(git_dir: str, commit: str, path: str) -> list[dict]:
    raw = subprocess.run(["git", "--git-dir", git_dir, "show", f"{commit}:{path}"],
                         capture_output=True, check=True).stdout.decode("utf-8-sig")
    if path.endswith((".jsonl", ".json")):
        return [json.loads(line) for line in raw.splitlines() if line.strip()]
    csv.field_size_limit(sys.maxsize)
    return list(csv.DictReader(io.StringIO(raw)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("git_dir")
    parser.add_argument("commit")
    parser.add_argument("path")
    parser.add_argument("out", type=Path)
    parser.add_argument("--title", default="title")
    parser.add_argument("--body", default="content")
    parser.add_argument("--year")
    parser.add_argument("--require-year", action="store_true", help="skip rows without a year")
    parser.add_argument("--every", type=int, default=1)
    parser.add_argument("--offset", type=int, default=0)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    written = 0
    for number, row in enumerate(rows_of(args.git_dir, args.commit, args.path), 1):
        if (number - 1) % args.every != args.offset:
            continue
        year = str(row.get(args.year) or "") if args.year else ""
        if args.require_year and not year.isdigit():
            continue
        body = str(row.get(args.body) or "")
        if not body.strip():
            continue
        name = f"{year}-{number:04d}.txt" if year.isdigit() else f"row-{number:04d}.txt"
        title = str(row.get(args.title) or "").strip()
        (args.out / name).write_text(f"{title}\n{body}" if title else body, encoding="utf-8")
        written += 1
    print(f"{written} files in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
