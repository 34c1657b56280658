"""Where the per-document time goes: shared extractors apart from the rules' own work.

Usage::

    python benchmarks/extractor_profile.py [DIR | --files-from LIST] [--sample N] [--top N]
                                           [--repeat N] [--readme README.md]

``bench.py --per-rule`` charges a shared extractor (sentences, the structure model, page
copies …) to the first rule that asks for it. This profile charges each extractor its own
CPU time instead, exclusive of the extractors it asks for in turn, and each rule (document
rules, the masking rules that run unselected, and archive rules' ``collect``) the time it
spends outside any extractor. It also prints the whole per-file run (reading, every rule,
masking, positions) in CPU seconds and MB/s, measured after one warm-up pass so that patterns
compiled on first use are not counted. The process is set up as the command line sets up its
own (``doclint.runner.collector``: the engine frozen out of the garbage collector's reach).

Every figure is the minimum over ``--repeat`` passes (the machine may be shared). Each part
is listed with the MB/s the corpus would go through if that part were all there was to do:
the families of rules (the code's letters: T, N, Y, BD …), each rule and each extractor.
With ``--readme``, the summary, the families and the top rules and extractors are written
into README.md between the rule-profile markers.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from readme_block import replace_block

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


README_COMMAND = "python benchmarks/extractor_profile.py --readme README.md"
EXTRACTORS = "shared extractors"


def family(code: str) -> str:
    """A rule's family: the letters of its code (``BD009`` → ``BD``; ``P202 (mask)`` → ``P``)."""
    return code.split(" ")[0].rstrip("0123456789")


def profile_once(engine: Any, datas: list[tuple[str, bytes]]
                 ) -> tuple[float, dict[str, float], dict[str, float]]:
    """One pass: the whole per-file run's CPU seconds, then every rule's own work and every
    extractor's exclusive time, in CPU seconds."""
    from doclint.core.linter import lint_document

    start = clock()
    for path, data in datas:
        engine.lint_bytes(path, data)
    whole = clock() - start
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
            doc.release()
    return whole, rules, extractors


def least(passes: list[dict[str, float]]) -> dict[str, float]:
    """Each name's minimum over the passes."""
    return {name: min(p.get(name, 0.0) for p in passes) for name in passes[0]}


def families(rules: dict[str, float]) -> list[tuple[str, int, float]]:
    """(family, rules, seconds), the most expensive first; the anchor scan stands alone."""
    found: dict[str, list[float]] = defaultdict(list)
    for code, seconds in rules.items():
        found[code if code.startswith("(") else family(code)].append(seconds)
    return sorted(((name, len(times), sum(times)) for name, times in found.items()),
                  key=lambda row: -row[2])


def sources(engine: Any) -> dict[str, str]:
    """Each family's rule packages and packs (``structure, style``; ``pack gbt9704-format``)."""
    active, archive = engine.rules_for("x.txt")
    found: dict[str, set[str]] = defaultdict(set)
    for rule in [*(a.rule for a in active), *archive, *engine.maskers_for("x.txt")]:
        module = type(rule).__module__
        found[family(rule.code)].add(module.split(".")[2] if module.startswith("doclint.rules.")
                                     else str(rule.origin).replace(":", " "))
    return {name: ", ".join(sorted(where)) for name, where in found.items()}


def report(files: int, mb: float, whole: float, rules: dict[str, float],
           extractors: dict[str, float], repeat: int, load: tuple[float, float],
           top: int, where: dict[str, str]) -> str:
    """The profile as Markdown: a summary line, the table of families, the top rules and
    extractors (seconds, share of the parts' sum, MB/s)."""
    shared = sum(extractors.values())
    total = shared + sum(rules.values())

    def row(*cells: str, seconds: float) -> str:
        rate = f"{mb / seconds:.1f}" if seconds > 0 else "–"
        return f"| {' | '.join(cells)} | {seconds:.3f} | {seconds / total:.1%} | {rate} |"

    def head(*names: str) -> str:
        return (f"| {' | '.join(names)} | CPU s | share | MB/s |\n"
                f"|---|{'---:|' * (len(names) - 1)}---:|---:|---:|")

    lines = [f"`{files} files, {mb:.2f} MB; whole run {whole:.2f} CPU s = {mb / whole:.2f} MB/s "
             f"in-process; the parts below sum to {total:.2f} s (each rule run on its own); "
             f"minimum of {repeat} pass{'es' if repeat > 1 else ''}; load {load[0]:.1f}–{load[1]:.1f} on {os.cpu_count()} "
             f"cores; python {sys.version.split()[0]}`", "",
             head("part", "rules"),
             row(EXTRACTORS, str(len(extractors)), seconds=shared)]
    lines += [row(name if name.startswith("(") else f"family {name} ({where.get(name, '')})",
                  str(count), seconds=seconds)
              for name, count, seconds in families(rules)]
    lines += ["", head("rule (own work)")]
    lines += [row(code, seconds=seconds)
              for code, seconds in sorted(rules.items(), key=lambda kv: -kv[1])[:top]]
    lines += ["", head("shared extractor")]
    lines += [row(name, seconds=seconds)
              for name, seconds in sorted(extractors.items(), key=lambda kv: -kv[1])[:top]]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--files-from", help="a file listing the documents, one path a line")
    parser.add_argument("--sample", type=int, default=0, help="profile N documents at random")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--repeat", type=int, default=3, help="passes; the minimum is kept")
    parser.add_argument("--readme", type=Path,
                        help="write the profile into this file, between the rule-profile markers")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from doclint.core.config import Config
    from doclint.runner import collector
    from doclint.runner.engine import Engine

    collector.own_process()  # as the command line runs (see doclint.runner.collector)
    engine = Engine(Config())
    datas = [(str(p), p.read_bytes()) for p in _paths(args)]
    mb = sum(len(data) for _, data in datas) / 1e6
    for path, data in datas:  # warm-up: patterns compile on first use
        engine.lint_bytes(path, data)
    load_before = os.getloadavg()[0]
    passes = [profile_once(engine, datas) for _ in range(max(1, args.repeat))]
    load = (min(load_before, os.getloadavg()[0]), max(load_before, os.getloadavg()[0]))
    whole = min(p[0] for p in passes)
    rules, extractors = least([p[1] for p in passes]), least([p[2] for p in passes])
    print(f"{len(datas)} files, {mb:.2f} MB: {whole:.2f} CPU s per run = {mb / whole:.2f} MB/s "
          f"(in-process, warm, minimum of {len(passes)})")
    total = sum(extractors.values()) + sum(rules.values())
    shared = sum(extractors.values())
    print(f"rules and extractors: {total:.2f} CPU s; extractors {shared:.2f} s "
          f"({shared / total:.0%}), rules' own work {total - shared:.2f} s")
    print(f"\n{'family':<34}{'rules':>6}{'seconds':>9}{'share':>8}{'MB/s':>8}")
    print(f"{EXTRACTORS:<34}{len(extractors):>6}{shared:>9.3f}{shared / total:>8.1%}"
          f"{mb / shared:>8.1f}")
    for name, count, seconds in families(rules):
        print(f"{name:<34}{count:>6}{seconds:>9.3f}{seconds / total:>8.1%}"
              f"{mb / seconds if seconds else 0:>8.1f}")
    for title, times in (("extractor", extractors), ("rule", rules)):
        print(f"\n{title:<34}{'seconds':>9}{'share':>8}{'MB/s':>8}")
        for name, seconds in sorted(times.items(), key=lambda kv: -kv[1])[: args.top]:
            print(f"{name:<34}{seconds:>9.3f}{seconds / total:>8.1%}"
                  f"{mb / seconds if seconds else 0:>8.1f}")
    if args.readme is not None:
        replace_block(args.readme, "rule-profile", README_COMMAND,
                      report(len(datas), mb, whole, rules, extractors, len(passes), load, 10,
                             sources(engine)))


if __name__ == "__main__":
    main()
