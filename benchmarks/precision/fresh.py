"""Precision on fresh text: a source no rule was tuned on and no one had read.

The holdout stops being unseen once its verdicts have informed a fix. A fresh round takes a
public source nobody working on the rules has opened, runs every rule over it once, and draws a
sheet for an independent judge exactly as ``audit.py sample`` does; the round keeps a record of
what ran and what the judge said, so its figures stay reproducible from the record even though
the texts are not in the repository (the sources are named with their repository and commit).

    python benchmarks/precision/fresh.py sample NAME DIR --source "owner/repo@commit: what" [--source …]
                                               [--per-rule 8] [--seed 8]
    python benchmarks/precision/fresh.py summary NAME

``sample`` writes ``fresh/NAME.sheet.jsonl`` and ``fresh/NAME.meta.json`` (the sources, the
doclint commit, every rule's finding count and maturity at that moment). The judge writes
``fresh/NAME.verdicts.jsonl`` in the shape of the holdout rounds. ``summary`` prints a rule's
judged share and the default rules' precision weighted by how often each fires there; the
precision page (``audit.py report``) shows every fresh round the same way.
"""

from __future__ import annotations

import argparse
import collections
import csv
import datetime as dt
import hashlib
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import audit

FRESH = Path(__file__).resolve().parent / "fresh"
_OPENING = 3000  # characters, white space removed, that identify a document


def _opening(text: str) -> str:
    return hashlib.sha1("".join(text.split())[:_OPENING].encode("utf-8")).hexdigest()


def overlap(files: list[Path], sources: list[str]) -> str:
    """What of a fresh set the tuning corpora already hold: documents that open with the same
    text as a corpus document, and source repositories the corpora were drawn from. A round
    whose documents were tuned on measures nothing new (r10-fresh3 found this after judging)."""
    corpus = audit.corpus_root()
    known = {_opening(p.read_text("utf-8", errors="replace")): p.name
             for p in corpus.rglob("*.txt")}
    same = sorted(p.name for p in files
                  if _opening(p.read_text("utf-8", errors="replace")) in known)
    repos = set()
    for manifest in corpus.rglob("MANIFEST*"):
        with manifest.open(encoding="utf-8") as handle:
            repos |= {row.get("source_repo", "") for row in csv.DictReader(handle, delimiter="\t")}
    named = {m.group() for source in sources for m in re.finditer(r"[\w.-]+/[\w.-]+(?=@)", source)}
    shared = sorted(named & repos)
    if not same and not shared:
        return ""
    return (f"{len(same)} of the {len(files)} documents are also in the tuning corpora"
            + (f"; source repositories the corpora were drawn from: {', '.join(shared)}"
               if shared else ""))


def _more(spec: str) -> tuple[str, int]:
    code, _, n = spec.partition("=")
    if not n.isdigit():
        raise SystemExit(f"--more takes CODE=N, not {spec!r}")
    return code, int(n)


def cmd_sample(args: argparse.Namespace) -> None:
    FRESH.mkdir(exist_ok=True)
    if (FRESH / f"{args.name}.meta.json").exists():
        raise SystemExit(f"fresh round {args.name} exists; pick a new name")
    files = sorted(p for p in Path(args.dir).rglob("*") if p.suffix in {".txt", ".md"})
    report = audit.run_doclint(files)
    sources = audit.Sources()
    found = audit.findings(report, sources)
    chosen = audit.draw(found, args.per_rule, args.seed, set())
    more = dict(_more(spec) for spec in args.more)
    if more:  # rules whose promotion this round decides: judge more of their findings
        wider = audit.draw([item for item in found if item.code in more], max(more.values()),
                           args.seed, set())
        chosen.update({code: wider.get(code, [])[:n] for code, n in more.items()})
    entries = [audit.sheet_entry(item, sources, args.name)
               for code in chosen for item in chosen[code]]
    random.Random(args.seed).shuffle(entries)
    maturity = {rule.code: rule.maturity.value for rule in audit.registry_rules()}
    counts = collections.Counter(item.code for item in found)
    meta = {"round": args.name, "sources": "; ".join(args.source), "files": len(files),
            "characters": sum(len(sources.text(str(p))[0]) for p in files),
            "seed": args.seed, "per_rule": args.per_rule, **({"more": more} if more else {}),
            "commit": audit.git_commit(),
            "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "codes": {code: {"count": n, "maturity": maturity.get(code, "stable"),
                             "drawn": len(chosen.get(code, []))}
                      for code, n in sorted(counts.items())}}
    known = overlap(files, args.source)
    if known:
        meta["overlap"] = known
        print(f"warning: not unseen text: {known}", file=sys.stderr)
    audit.write_round(FRESH, args.name, entries, meta)
    print(f"{len(entries)} findings of {len(chosen)} rules drawn from {len(found)} on "
          f"{len(files)} files -> {FRESH / args.name}.sheet.jsonl")


def judged(name: str) -> dict[str, collections.Counter[str]]:
    """Verdicts per rule of one fresh round (empty while its judge has not written them)."""
    path = FRESH / f"{name}.verdicts.jsonl"
    per_code: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    if path.exists():
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                verdict = json.loads(line)
                per_code[verdict["code"]][verdict["verdict"]] += 1
    return per_code


def weighted_default(meta: dict[str, Any], verdicts: dict[str, collections.Counter[str]]
                     ) -> tuple[float, int]:
    """The stable rules' judged precision, weighted by how often each fired (rules judged)."""
    num = den = 0.0
    for code, info in meta["codes"].items():
        counter = verdicts.get(code)
        if info["maturity"] != "stable" or not counter:
            continue
        num += info["count"] * counter["right"] / sum(counter.values())
        den += info["count"]
    return (num / den if den else float("nan")), int(den)


def rounds() -> list[dict[str, Any]]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(FRESH.glob("*.meta.json"))]


def section() -> list[str]:
    """The fresh rounds for the precision page."""
    metas = rounds()
    if not metas:
        return []
    lines = ["## Fresh text", "",
             "Each round runs every rule once over a public source that nobody working on the",
             "rules had opened, and an independent judge reads a sample drawn as for the holdout",
             "(`benchmarks/precision/fresh.py`). The figures are those of the doclint commit named;",
             "a later round measures the rules after the fixes the earlier one led to.", ""]
    for meta in metas:
        verdicts = judged(meta["round"])
        precision, fires = weighted_default(meta, verdicts)
        n = sum(sum(c.values()) for c in verdicts.values())
        lines += [f"### {meta['round']} (doclint {meta['commit'][:7]}, {meta['created'][:10]})", "",
                  f"{meta['files']} files, {meta['characters']:,} characters: {meta['sources']}.",
                  *([f"**Overlap with the tuning corpora:** {meta['overlap']}.", ""]
                    if meta.get("overlap") else []),
                  f"{n} findings judged; stable rules **{precision:.1%}** right, weighted by the "
                  f"{fires} findings of the judged stable rules.", "",
                  "| rule | maturity | findings | judged | right | false | style |",
                  "|---|---|---:|---:|---:|---:|---:|"]
        for code, info in meta["codes"].items():
            c = verdicts.get(code, collections.Counter())
            lines.append(f"| {code} | {info['maturity']} | {info['count']} | {sum(c.values())} "
                         f"| {c['right']} | {c['false']} | {c['style']} |")
        lines.append("")
    return lines


def cmd_summary(args: argparse.Namespace) -> None:
    meta = json.loads((FRESH / f"{args.name}.meta.json").read_text("utf-8"))
    verdicts = judged(args.name)
    precision, fires = weighted_default(meta, verdicts)
    for code, info in meta["codes"].items():
        print(code, info["maturity"], info["count"], dict(verdicts.get(code, {})))
    print(f"stable rules, weighted: {precision:.1%} over {fires} findings")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sample = sub.add_parser("sample")
    sample.add_argument("name")
    sample.add_argument("dir")
    sample.add_argument("--source", required=True, action="append",
                        help="owner/repo@commit: what was taken (once per source)")
    sample.add_argument("--per-rule", type=int, default=8)
    sample.add_argument("--seed", type=int, default=8)
    sample.add_argument("--more", action="append", default=[], metavar="CODE=N",
                        help="draw up to N findings of this rule (a rule up for promotion)")
    summary = sub.add_parser("summary")
    summary.add_argument("name")
    args = parser.parse_args(argv)
    {"sample": cmd_sample, "summary": cmd_summary}[args.command](args)


if __name__ == "__main__":
    main()
