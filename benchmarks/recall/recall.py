"""Recall benchmark: plant known anomalies into real documents and count what doclint finds.

    python benchmarks/recall/recall.py [--set tune|real|holdout | --dir DIR] [--per-kind 100] [--seed 1]
                                       [--preview] [--kinds a,b] [--json FILE] [--misses N]

One anomaly per copy of a document, at a known place; a plant is found when doclint reports a
diagnostic of an accepted category on the planted line that the untouched copy did not have.
Prints recall per kind and per category; ``--json`` writes the same counts (no text) for
machines. ``--misses N`` prints up to N missed plants per kind with their line (never for the
holdout, whose text is not shown). See README.md in this folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from recallbench import KINDS, Result, run
from recallbench.corpus import SETS


def table(result: Result) -> str:
    summary = result.summary()
    configs = result.configs
    head = ["kind", "category", "planted", *[f"found ({c})" for c in configs],
            *[f"recall ({c})" for c in configs], f"rules ({configs[-1]})"]
    rows = [head]
    for name, entry in summary["kinds"].items():
        last = entry[configs[-1]]
        rules = ", ".join(f"{code}×{n}" for code, n in list(last["rules"].items())[:4])
        rows.append([name, entry["category"], str(entry["planted"]),
                     *[str(entry[c]["found"]) for c in configs],
                     *[_pct(entry[c]["recall"]) for c in configs], rules])
    out = [f"Recall on {summary['set']} ({summary['documents']} documents, {summary['plants']} "
           f"plants, seed {summary['seed']}, {summary['seconds']:.0f} s)", "", *_grid(rows), ""]
    rows = [["category", "kinds", "planted", *[f"recall ({c})" for c in configs]]]
    for name, cat in summary["categories"].items():
        rows.append([name, ", ".join(cat["kinds"]), str(cat["planted"]),
                     *[f"{_pct(cat[c]['recall'])} ({cat[c]['found']})" for c in configs]])
    out += _grid(rows)
    out.append("")
    for config in configs:
        overall = summary["overall"][config]
        out.append(f"{config}: {overall['found']}/{summary['plants']} plants found "
                   f"({_pct(overall['recall'])}); mean recall per kind "
                   f"{_pct(overall['mean_recall_per_kind'])}")
    if summary["crashes"]:
        out.append(f"rule crashes: {summary['crashes']}")
    return "\n".join(out)


def variants(result: Result) -> str:
    summary = result.summary()
    configs = result.configs
    rows = [["kind", "variant", "planted", *[f"found ({c})" for c in configs]]]
    for name, entry in summary["kinds"].items():
        for variant, counts in entry["variants"].items():
            rows.append([name, variant, str(counts["planted"]),
                         *[str(counts[c]) for c in configs]])
    return "\n".join(_grid(rows))


def misses(result: Result, limit: int) -> str:
    out = []
    config = result.configs[-1]
    for name in KINDS:
        missed = [o for o in result.outcomes if o.plant.kind == name and not o.found[config]]
        for outcome in missed[:limit]:
            plant = outcome.plant
            lines = sorted(plant.planted_lines)
            at = plant.shift(plant.edits[0].start, False) if plant.edits else 0
            end = plant.shift(plant.edits[0].end, True) if plant.edits else 0
            text = plant.text
            shown = (text[max(0, at - 60):at] + "⟦" + text[at:min(end, at + 80)] + "⟧"
                     + text[end:end + 40]).replace("\r", "").replace("\n", "⏎")
            other = ",".join(outcome.elsewhere[config]) or "-"
            out.append(f"{name}/{plant.variant} {plant.doc.rel}:{lines[0] if lines else '?'} "
                       f"[{plant.note}] other={other}\n    {shown}")
    return "\n".join(out)


def floors(result: Result) -> str:
    """The per-kind counts in the shape of the regression test's FLOORS."""
    summary = result.summary()
    lines = ["FLOORS = {  # kind: (planted, found with the default rules, found with --preview)"]
    for name, entry in summary["kinds"].items():
        found = [entry[c]["found"] for c in ("default", "preview") if c in entry]
        lines.append(f"    {name!r}: ({entry['planted']}, {', '.join(map(str, found))}),")
    lines.append("}")
    return "\n".join(lines)


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _grid(rows: list[list[str]]) -> list[str]:
    import unicodedata

    def width(s: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)

    widths = [max(width(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for n, row in enumerate(rows):
        cells = [c + " " * (w - width(c)) for c, w in zip(row, widths, strict=True)]
        lines.append("| " + " | ".join(cells) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return lines


RESULTS = Path(__file__).resolve().parent / "results"


def markdown() -> str:
    """One table of the committed results (results/<set>.json): recall per kind and set,
    default rules / with the preview rules."""
    sets = [name for name in ("tune", "real", "holdout") if (RESULTS / f"{name}.json").exists()]
    data = {name: json.loads((RESULTS / f"{name}.json").read_text("utf-8")) for name in sets}
    head = "| kind | " + " | ".join(f"{name}: default | {name}: +preview" for name in sets) + " |"
    out = [head, "|---|" + "---:|---:|" * len(sets)]

    def cell(entry: dict[str, Any], config: str) -> str:
        if not entry["planted"] or config not in entry:
            return "–"
        return f"{entry[config]['recall']:.0%} ({entry[config]['found']}/{entry['planted']})"

    for kind in KINDS:
        row = [kind]
        for name in sets:
            entry = data[name]["kinds"].get(kind, {"planted": 0})
            row += [cell(entry, "default"), cell(entry, "preview")]
        out.append("| " + " | ".join(row) + " |")
    row = ["**all plants**"]
    for name in sets:
        overall, plants = data[name]["overall"], data[name]["plants"]
        row += [f"**{overall[c]['recall']:.0%}** ({overall[c]['found']}/{plants})"
                if c in overall else "–" for c in ("default", "preview")]
    out.append("| " + " | ".join(row) + " |")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", default="tune", choices=SETS)
    parser.add_argument("--dir", type=Path, action="append", default=[],
                        help="plant into the *.txt files under DIR instead of a set (repeatable; "
                             "a year in a file name stands for the document's year)")
    parser.add_argument("--per-kind", type=int, default=100, help="plants per kind")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--preview", action="store_true",
                        help="also run the preview rules (reports both configurations)")
    parser.add_argument("--kinds", help="only these kinds (comma-separated)")
    parser.add_argument("--json", type=Path, help="write the counts here")
    parser.add_argument("--variants", action="store_true", help="also print counts per variant")
    parser.add_argument("--misses", type=int, default=0, help="print up to N misses per kind")
    parser.add_argument("--floors", action="store_true",
                        help="print found counts per kind as tests/test_recall_sample.py keeps them")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress on stderr")
    parser.add_argument("--markdown", action="store_true",
                        help="only print the committed results as one markdown table")
    args = parser.parse_args(argv)
    if args.markdown:
        print(markdown())
        return
    if args.misses and args.set == "holdout":
        parser.error("the holdout is for measuring: its text is never shown")
    kinds = [k.strip() for k in args.kinds.split(",")] if args.kinds else None
    for name in kinds or ():
        if name not in KINDS:
            parser.error(f"unknown kind {name!r} (known: {', '.join(KINDS)})")
    progress = None if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    set_name = ",".join(d.name for d in args.dir) if args.dir else args.set
    result = run(set_name, dirs=args.dir, per_kind=args.per_kind, seed=args.seed, preview=args.preview,
                 kinds=kinds, progress=progress)
    print(table(result))
    if args.variants:
        print()
        print(variants(result))
    if args.misses:
        print()
        print(misses(result, args.misses))
    if args.floors:
        print()
        print(floors(result))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result.summary(), ensure_ascii=False, indent=1) + "\n",
                             "utf-8")


if __name__ == "__main__":
    main()
