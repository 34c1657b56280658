"""Which way to find a rule selection's anchors in a document is fastest (CPU seconds).

Usage::

    python benchmarks/anchor_scan.py [DIR] [--extra N] [--repeat N]

Each candidate answers the same question for every document of DIR (default
../shared/corpus/real): which of the anchors occur. ``--extra N`` adds N two-character
strings taken from the corpus to the built-in rules' anchors, to see how each candidate scales
with the number of anchors. Aho–Corasick candidates are measured when their packages are
installed (``pip install pyahocorasick ahocorasick-rs``); doclint itself needs neither.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "corpus" / "real"
clock = time.process_time  # CPU time: the machine may be shared

Finder = Callable[[str], frozenset[str]]


def builtin_anchors() -> set[str]:
    sys.path.insert(0, str(ROOT))
    from doclint.core.config import Config
    from doclint.runner.engine import Engine

    engine = Engine(Config(preview=True))
    active, _archive = engine.rules_for("x.txt")
    rules = [a.rule for a in active] + list(engine.maskers_for("x.txt"))
    return {anchor for rule in rules for anchor in rule.anchors}


def candidates(anchors: list[str]) -> dict[str, Finder]:
    import regex

    from doclint.core.anchors import AnchorScan

    found: dict[str, Finder] = {}
    found["in per 1-char anchor + ahocorasick-rs (doclint)"] = AnchorScan(anchors).present
    found["in per 1-char anchor + in by head (fallback)"] = AnchorScan(anchors, False).present
    found["str in, each anchor"] = lambda text: frozenset(a for a in anchors if a in text)
    # Longest first, so that an anchor that is a prefix of another does not hide it; the
    # overlapping search reports every anchor starting at each position.
    ordered = sorted(anchors, key=len, reverse=True)
    alternation = regex.compile("|".join(regex.escape(a) for a in ordered))

    def by_regex(text: str) -> frozenset[str]:
        return frozenset(alternation.findall(text, overlapped=True))

    found["regex alternation, overlapped"] = by_regex
    try:
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for anchor in anchors:
            automaton.add_word(anchor, anchor)
        automaton.make_automaton()
        found["pyahocorasick iter"] = lambda text: frozenset(v for _, v in automaton.iter(text))
    except ImportError:
        pass
    try:
        import ahocorasick_rs

        machine = ahocorasick_rs.AhoCorasick(anchors)

        def by_rs(text: str) -> frozenset[str]:
            hits = machine.find_matches_as_indexes(text, overlapping=True)
            return frozenset(anchors[index] for index, _start, _end in hits)

        found["ahocorasick-rs overlapping"] = by_rs
    except ImportError:
        pass
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--extra", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8", errors="replace")
             for p in sorted(args.directory.rglob("*.txt"))]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    anchors = builtin_anchors()
    if args.extra:
        rng = random.Random(7)
        pool = sorted({t[i:i + 2] for t in texts for i in range(0, len(t) - 1, 97)})
        anchors |= set(rng.sample(pool, min(args.extra, len(pool))))
    ordered = sorted(anchors)
    found = candidates(ordered)
    reference = [frozenset(a for a in ordered if a in t) for t in texts]
    print(f"{len(texts)} documents, {mb:.2f} MB, {len(ordered)} anchors")
    print(f"{'candidate':<50}{'CPU s':>8}{'MB/s':>9}  same answers")
    for name, finder in found.items():
        best = float("inf")
        for _ in range(args.repeat):
            start = clock()
            answers = [finder(t) for t in texts]
            best = min(best, clock() - start)
        same = answers == reference
        print(f"{name:<50}{best:>8.3f}{mb / best:>9.0f}  {same}")


if __name__ == "__main__":
    main()
