"""Where the per-document time goes: shared extractors apart from the rules' own work.

Usage::

    python benchmarks/extractor_profile.py [DIR | --files-from LIST] [--sample N] [--top N]

``bench.py --per-rule`` charges a shared extractor (sentences, the structure model, page
copies …) to the first rule that asks for it. This profile charges each extractor its own
CPU time instead, exclusive of the extractors it asks for in turn, and each rule (document
rules, the masking rules that run unselected, and archive rules' ``collect``) the time it
spends outside any extractor. It also prints the whole per-file run (reading, every rule,
masking, positions) in CPU seconds and MB/s, measured after one warm-up pass so that patterns
compiled on first use are not counted.
"""

from __future__ import annotations

import argparse
import functools
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DIR = ROOT.parent / "shared" / "corpus" / "real"
clock = time.process_time  # CPU time: the machine may be shared


def _paths(args: argparse.Namespace) -> list[Path]:
    if args.files_from:
        paths = [Path(line.strip()) for line in Path(args.files_from).read_text().splitlines()
                 if line.strip()]
    else:
        paths = sorted(args.directory.rglob("*.txt"))
    if args.sample and args.sample < len(paths):
        paths = sorted(random.Random(args.seed).sample(paths, args.sample))
    return paths


@contextmanager
def _extractor_clock(times: dict[str, float], outside: list[float]) -> Iterator[None]:
    """Charge each extractor computed through ``Document.facts`` its exclusive CPU time;
    ``outside[0]`` collects the time of the outermost extractors (to subtract from a rule)."""
    from doclint.core.document import Document

    original: Callable[[Document, Any], Any] = Document.facts
    nested: list[float] = []

    def facts(doc: Document, extractor: Any) -> Any:
        if extractor in doc._facts:
            return doc._facts[extractor]
        nested.append(0.0)
        start = clock()
        try:
            return original(doc, extractor)
        finally:
            spent = clock() - start
            inner = nested.pop()
            times[f"{extractor.__module__.rsplit('.', 1)[-1]}.{extractor.__name__}"] += \
                spent - inner
            if nested:
                nested[-1] += spent
            else:
                outside[0] += spent

    Document.facts = facts  # type: ignore[method-assign]
    try:
        yield
    finally:
        Document.facts = original  # type: ignore[method-assign]


def _runs(doc: Any, active: list[Any], maskers: list[Any], archive: list[Any],
          lint_document: Callable[..., Any]) -> Iterator[tuple[str, Callable[[], Any]]]:
    """Each rule's work on ``doc`` as a call: document rules, the masking rules that run
    unselected, and archive rules' ``collect``. The anchor scan is one call of its own, and
    a rule none of whose anchors occurs is not called, as in a real run."""
    from doclint.core.anchors import scan_for

    rules = [*(r.rule for r in active), *maskers]
    anchors = frozenset(a for rule in rules for a in rule.anchors)
    admitted: list[bool] = []

    def scan() -> None:
        admitted.extend(scan_for(anchors).admitted(doc.text, [rule.anchors for rule in rules]))

    yield "(anchor scan)", scan
    for active_rule, runs in zip(active, admitted, strict=False):
        if runs:
            yield active_rule.rule.code, functools.partial(lint_document, doc, [active_rule],
                                                           gated=False)
    for masker, runs in zip(maskers, admitted[len(active):], strict=False):
        if runs:
            yield f"{masker.code} (mask)", functools.partial(lint_document, doc, [], [masker],
                                                             gated=False)
    for rule in archive:
        yield rule.code, functools.partial(rule.collect, doc)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--files-from", help="a file listing the documents, one path a line")
    parser.add_argument("--sample", type=int, default=0, help="profile N documents at random")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from doclint.core.config import Config
    from doclint.core.linter import lint_document
    from doclint.runner.engine import Engine

    engine = Engine(Config())
    datas = [(str(p), p.read_bytes()) for p in _paths(args)]
    mb = sum(len(data) for _, data in datas) / 1e6
    for path, data in datas:  # warm-up: patterns compile on first use
        engine.lint_bytes(path, data)
    start = clock()
    for path, data in datas:
        engine.lint_bytes(path, data)
    whole = clock() - start
    print(f"{len(datas)} files, {mb:.2f} MB: {whole:.2f} CPU s per run = {mb / whole:.2f} MB/s "
          "(in-process, warm)")

    active, archive = engine.rules_for("x.txt")
    maskers = engine.maskers_for("x.txt")
    extractors: dict[str, float] = defaultdict(float)
    rules: dict[str, float] = defaultdict(float)
    outside = [0.0]
    with _extractor_clock(extractors, outside):
        for path, data in datas:
            doc = engine.read(path, data)
            for code, run in _runs(doc, active, maskers, archive, lint_document):
                outside[0] = 0.0
                start = clock()
                run()
                rules[code] += clock() - start - outside[0]
    total = sum(extractors.values()) + sum(rules.values())
    shared = sum(extractors.values())
    print(f"rules and extractors: {total:.2f} CPU s; extractors {shared:.2f} s "
          f"({shared / total:.0%}), rules' own work {total - shared:.2f} s")
    for title, times in (("extractor", extractors), ("rule", rules)):
        print(f"\n{title:<34}{'seconds':>9}{'share':>8}")
        for name, seconds in sorted(times.items(), key=lambda kv: -kv[1])[: args.top]:
            print(f"{name:<34}{seconds:>9.3f}{seconds / total:>8.1%}")


if __name__ == "__main__":
    main()
