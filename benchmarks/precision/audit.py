"""Precision audit: sample findings for judging, and report judged precision per rule.

A finding is a claim about a real document; a rule's precision is the share of its claims a
reader who did not write the rule agrees with. This tool draws the claims and counts verdicts.

    python benchmarks/precision/audit.py sample ROUND [--set holdout] [--per-rule 30] [--seed 1]
                                                      [--codes Y202,T301]
    python benchmarks/precision/audit.py report
    python benchmarks/precision/audit.py status

``sample`` runs doclint (every rule, preview included) over a set of documents, draws up to
``--per-rule`` findings per rule, each from a different file while it can, with a fixed seed,
and writes ``rounds/ROUND.sheet.jsonl`` (what a judge reads) and ``rounds/ROUND.meta.json`` (how
it was drawn, and a digest of each rule's findings at that moment). Findings judged in an earlier
round are never drawn again: a rule changed after a round is judged on fresh findings.

The judge writes ``rounds/ROUND.verdicts.jsonl``: one ``{"id", "verdict", "noisy", "reason"}``
per finding, verdict ``right``, ``false`` or ``style`` (README.md in this folder).

``report`` runs doclint on the measuring set (the holdout) again and counts, for every rule,
the verdicts on the findings it reports *now*: a verdict counts while its finding is still
reported with the same message; a finding that changed, or a new one, waits for a fresh round.
It writes ``docs/precision.md`` and ``doclint/data/precision.json``.

Sets: ``holdout`` (corpus/dev HOLDOUT.txt, the measuring set), ``tune`` (the rest of corpus/dev)
and ``real`` (corpus/real). The corpus is ``../shared/corpus`` beside the repository, or
``$DOCLINT_CORPUS``.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import hashlib
import json
import math
import os
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = Path(__file__).resolve().parent / "rounds"
DOC_PAGE = ROOT / "docs" / "precision.md"
TRAPS = Path(__file__).resolve().parent / "traps"
DATA_FILE = ROOT / "doclint" / "data" / "precision.json"
VERDICTS = ("right", "false", "style")
STABLE_THRESHOLD = 0.95
MIN_JUDGED = 30
CONTEXT = 160  # characters of context shown on each side of a span
SET_LABELS = {"holdout": "dev holdout", "tune": "dev tuning part", "real": "corpus/real"}
MEASURING_SET = "holdout"


def corpus_root() -> Path:
    return Path(os.environ.get("DOCLINT_CORPUS") or ROOT.parent / "shared" / "corpus").resolve()


def set_files(name: str) -> list[Path]:
    """The documents of a named set, sorted."""
    root = corpus_root()
    if name == "real":
        return sorted((root / "real").glob("*.txt"))
    dev = root / "dev"
    listed = [line.split("\t")[0] for line in
              (dev / "MANIFEST.tsv").read_text("utf-8").splitlines()[1:] if line.strip()]
    holdout = {line.strip() for line in (dev / "HOLDOUT.txt").read_text("utf-8").splitlines()
               if line.strip()}
    if name == "holdout":
        chosen = [p for p in listed if p in holdout]
    elif name == "tune":
        chosen = [p for p in listed if p not in holdout]
    elif name == "dev":
        chosen = listed
    else:
        raise SystemExit(f"unknown set {name!r} (holdout, tune, dev, real)")
    return sorted(dev / p for p in chosen)


# ---------------------------------------------------------------- findings


def run_doclint(files: list[Path], preview: bool = True) -> dict[str, Any]:
    """doclint's JSON report on ``files``, without the cache; every rule with ``preview``."""
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "files.txt"
        listing.write_text("".join(f"{p}\n" for p in files), "utf-8")
        out = Path(tmp) / "report.json"
        command = [sys.executable, "-m", "doclint", "check", "--files-from", str(listing),
                   "--format", "json", "-o", str(out), "--no-cache", "--exit-zero",
                   "--no-progress", "--jobs", "2"]
        if preview:
            command.append("--preview")
        done = subprocess.run(command, cwd=tmp, stderr=subprocess.PIPE, text=True)
        if not out.exists():  # exit 2 with a report means a rule crashed on some file: go on
            raise SystemExit(f"doclint failed ({done.returncode}): {done.stderr[-2000:]}")
        for line in done.stderr.splitlines():
            print(line, file=sys.stderr)
        return json.loads(out.read_text("utf-8"))


class Sources:
    """Decoded texts of the checked files, read the way doclint reads them."""

    def __init__(self) -> None:
        from doclint.core.config import Config
        from doclint.runner.engine import Engine

        self._engine = Engine(Config())
        self._texts: dict[str, tuple[str, list[int]]] = {}

    def text(self, path: str) -> tuple[str, list[int]]:
        if path not in self._texts:
            doc = self._engine.read(path, Path(path).read_bytes())
            self._texts[path] = (doc.source, list(doc.index.starts))
        return self._texts[path]

    def offset(self, path: str, line: int, column: int) -> int:
        _, starts = self.text(path)
        return starts[line - 1] + column - 1


@dataclass
class Found:
    """One finding of the doclint report, with its stable id."""

    id: str
    code: str
    path: str  # relative to the corpus root
    raw: dict[str, Any] = field(repr=False)


def relative(path: str) -> str:
    try:
        return Path(path).resolve().relative_to(corpus_root()).as_posix()
    except ValueError:
        return path


def findings(report: dict[str, Any], sources: Sources) -> list[Found]:
    """Every diagnostic of ``report`` with a fingerprint that survives edits elsewhere:
    code, file, the flagged text and a little context, and its rank among equal keys."""
    seen: collections.Counter[str] = collections.Counter()
    found = []
    for diag in report["diagnostics"]:
        text, _ = sources.text(diag["path"])
        start, end = diag["offset"], diag["end_offset"]
        key = "|".join((diag["code"], relative(diag["path"]), text[start:end][:200],
                        text[max(0, start - 20):start], text[end:end + 20]))
        seen[key] += 1
        digest = hashlib.sha1(f"{key}|{seen[key]}".encode()).hexdigest()[:16]
        found.append(Found(digest, diag["code"], relative(diag["path"]), diag))
    return found


def population(found: Iterable[Found]) -> dict[str, dict[str, Any]]:
    """Per rule: how many findings, and a digest of which ones."""
    ids: dict[str, list[str]] = collections.defaultdict(list)
    for item in found:
        ids[item.code].append(item.id)
    return {code: {"count": len(v), "digest": hashlib.sha1(
        "\n".join(sorted(v)).encode()).hexdigest()[:16]} for code, v in sorted(ids.items())}


# ---------------------------------------------------------------- the sheet


def clip(text: str, start: int, end: int) -> str:
    """``text[start:end]`` shortened in the middle when long."""
    part = text[start:end]
    return part if len(part) <= 2 * CONTEXT else part[:CONTEXT] + "…" + part[-CONTEXT:]


def marked(text: str, starts: list[int], start: int, end: int) -> dict[str, str]:
    """The line of the span with the span in ⟦⟧, and the lines before and after it."""
    import bisect

    first = bisect.bisect_right(starts, start) - 1
    last = bisect.bisect_right(starts, max(start, end - 1)) - 1
    line_start = starts[first]
    line_end = starts[last + 1] if last + 1 < len(starts) else len(text)
    body = text[line_start:line_end].rstrip("\r\n")
    left = body[:start - line_start]
    middle = text[start:end]
    right = body[end - line_start:] if end - line_start <= len(body) else ""
    left = left if len(left) <= CONTEXT else "…" + left[-CONTEXT:]
    middle = middle if len(middle) <= 2 * CONTEXT else middle[:CONTEXT] + "…" + middle[-CONTEXT:]
    right = right if len(right) <= CONTEXT else right[:CONTEXT] + "…"
    before = ""
    if first > 0:
        before = clip(text, starts[first - 1], starts[first]).rstrip("\r\n")
        before = before if len(before) <= CONTEXT else "…" + before[-CONTEXT:]
    after = ""
    if last + 1 < len(starts):
        stop = starts[last + 2] if last + 2 < len(starts) else len(text)
        after = text[starts[last + 1]:stop].rstrip("\r\n")
        after = after if len(after) <= CONTEXT else after[:CONTEXT] + "…"
    return {"before": before, "flagged": f"{left}⟦{middle}⟧{right}", "after": after}


def sheet_entry(item: Found, sources: Sources, round_name: str) -> dict[str, Any]:
    diag = item.raw
    text, starts = sources.text(diag["path"])
    entry: dict[str, Any] = {
        "id": item.id, "round": round_name, "code": item.code, "category": diag["category"],
        "message": diag["message"], "path": item.path, "line": diag["line"],
        "column": diag["column"],
    }
    entry.update(marked(text, starts, diag["offset"], diag["end_offset"]))
    related = []
    for rel in diag.get("related", [])[:8]:
        try:
            rel_text, rel_starts = sources.text(rel["path"])
            a = sources.offset(rel["path"], rel["line"], rel["column"])
            b = sources.offset(rel["path"], rel["end_line"], rel["end_column"])
            shown = marked(rel_text, rel_starts, a, b)["flagged"]
        except (OSError, IndexError):
            shown = ""
        related.append({"path": relative(rel["path"]), "line": rel["line"],
                        "note": rel["message"], "text": shown})
    entry["related"] = related
    return entry


def draw(found: list[Found], per_rule: int, seed: int, exclude: set[str]
         ) -> dict[str, list[Found]]:
    """Up to ``per_rule`` findings per rule: one per file in a seeded order, then more."""
    by_code: dict[str, dict[str, list[Found]]] = collections.defaultdict(
        lambda: collections.defaultdict(list))
    for item in found:
        if claim(item.id, item.raw["message"]) not in exclude:
            by_code[item.code][item.path].append(item)
    chosen: dict[str, list[Found]] = {}
    for code in sorted(by_code):
        rng = random.Random(f"{seed}:{code}")
        files = sorted(by_code[code])
        rng.shuffle(files)
        queues = {path: rng.sample(by_code[code][path], len(by_code[code][path])) for path in files}
        picked: list[Found] = []
        while len(picked) < per_rule and any(queues.values()):
            for path in files:
                if queues[path] and len(picked) < per_rule:
                    picked.append(queues[path].pop())
        chosen[code] = picked
    return chosen


# ---------------------------------------------------------------- rounds


def claim(finding_id: str, message: str) -> str:
    """What a verdict is about: this finding (its fingerprint) with this message."""
    return f"{finding_id}|{message}"


RETIRED = Path(__file__).resolve().parent / "retired.json"


def retired() -> dict[str, set[str]]:
    """Rounds whose verdicts no longer count for a rule, because the rule was changed after
    its fixer read those verdicts: code -> round names (see README.md, "Retired verdicts")."""
    if not RETIRED.exists():
        return {}
    data = json.loads(RETIRED.read_text("utf-8"))
    return {code: set(item["rounds"]) for code, item in data.items()}


def drawn_claims() -> set[str]:
    """Every claim already drawn into a round's sheet (judged or waiting for its judge), but
    for the rounds retired for its rule: those findings may be drawn and judged again."""
    claims: set[str] = set()
    gone = retired()
    for path in ROUNDS.glob("*.sheet.jsonl"):
        name = path.name[: -len(".sheet.jsonl")]
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                entry = json.loads(line)
                if name not in gone.get(entry["code"], ()):
                    claims.add(claim(entry["id"], entry["message"]))
    return claims


@dataclass
class Round:
    name: str
    meta: dict[str, Any]
    sheet: list[dict[str, Any]]
    verdicts: dict[str, dict[str, Any]]

    @classmethod
    def load(cls, name: str) -> Round:
        meta = json.loads((ROUNDS / f"{name}.meta.json").read_text("utf-8"))
        sheet = [json.loads(line) for line in
                 (ROUNDS / f"{name}.sheet.jsonl").read_text("utf-8").splitlines() if line.strip()]
        verdicts: dict[str, dict[str, Any]] = {}
        path = ROUNDS / f"{name}.verdicts.jsonl"
        if path.exists():
            for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
                if not line.strip():
                    continue
                item = json.loads(line)
                if item.get("verdict") not in VERDICTS:
                    raise SystemExit(f"{path}:{number}: verdict must be one of {VERDICTS}")
                verdicts[item["id"]] = item
        return cls(name, meta, sheet, verdicts)

    @property
    def created(self) -> str:
        return str(self.meta["created"])


def all_rounds() -> list[Round]:
    names = sorted(p.name[: -len(".meta.json")] for p in ROUNDS.glob("*.meta.json"))
    return sorted((Round.load(n) for n in names), key=lambda r: (r.created, r.name))


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "doclint", "rules"],
                               cwd=ROOT, capture_output=True, text=True).stdout.strip()
        return out + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def write_round(folder: Path, name: str, entries: list[dict[str, Any]],
                meta: dict[str, Any]) -> None:
    """A round's sheet (what its judge reads) and its meta (how it was drawn)."""
    with open(folder / f"{name}.sheet.jsonl", "w", encoding="utf-8") as out:
        for entry in entries:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")
    (folder / f"{name}.meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=1) + "\n", "utf-8")


def cmd_sample(args: argparse.Namespace) -> None:
    ROUNDS.mkdir(parents=True, exist_ok=True)
    if (ROUNDS / f"{args.round}.meta.json").exists():
        raise SystemExit(f"round {args.round} exists; pick a new name")
    files = set_files(args.set)
    report = run_doclint(files)
    sources = Sources()
    found = findings(report, sources)
    wanted = {c.strip() for c in args.codes.split(",")} if args.codes else None
    if wanted:
        found = [f for f in found if f.code in wanted]
    chosen = draw(found, args.per_rule, args.seed, drawn_claims())
    entries = [sheet_entry(item, sources, args.round) for code in chosen for item in chosen[code]]
    random.Random(args.seed).shuffle(entries)  # judges should not read one rule in a row
    meta = {"round": args.round, "set": args.set, "files": len(files), "seed": args.seed,
            "per_rule": args.per_rule, "created": dt.datetime.now(dt.timezone.utc).isoformat(
                timespec="seconds"), "commit": git_commit(),
            "codes": {code: {**pop, "drawn": len(chosen.get(code, []))}
                      for code, pop in population(found).items()}}
    write_round(ROUNDS, args.round, entries, meta)
    print(f"{len(entries)} findings of {len(chosen)} rules drawn from {len(found)} on "
          f"{len(files)} files of the {args.set} set -> {ROUNDS / args.round}.sheet.jsonl")


# ---------------------------------------------------------------- the report


def wilson(right: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """Wilson score interval of a proportion (95% by default)."""
    if n == 0:
        return 0.0, 1.0
    p = right / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class RuleFigure:
    code: str
    round: str
    judged: int
    right: int
    false: int
    style: int
    noisy: int

    @property
    def precision(self) -> float:
        return self.right / self.judged if self.judged else 0.0


def figures(rounds: list[Round], set_name: str, current: list[Found]) -> dict[str, RuleFigure]:
    """Every rule's judged figure on ``set_name``: the verdicts on its current findings.

    A verdict counts while the finding it judged is still reported with the same message (the
    same fingerprint: code, file, flagged text and context); a finding that changed, or a new
    one, waits for a fresh round.
    """
    verdicts: dict[str, tuple[Round, dict[str, Any]]] = {}
    gone = retired()
    for rnd in rounds:
        if rnd.meta["set"] != set_name:
            continue
        for entry in rnd.sheet:
            verdict = rnd.verdicts.get(entry["id"])
            if verdict is not None and rnd.name not in gone.get(entry["code"], ()):
                verdicts[claim(entry["id"], entry["message"])] = (rnd, verdict)
    judged: dict[str, list[tuple[Round, dict[str, Any]]]] = collections.defaultdict(list)
    for item in current:
        found = verdicts.get(claim(item.id, item.raw["message"]))
        if found is not None:
            judged[item.code].append(found)
    result: dict[str, RuleFigure] = {}
    for code, items in judged.items():
        counts = collections.Counter(v["verdict"] for _, v in items)
        names = sorted({r.name for r, _ in items})
        result[code] = RuleFigure(
            code=code, round="+".join(names), judged=len(items), right=counts["right"],
            false=counts["false"], style=counts["style"],
            noisy=sum(1 for _, v in items if v.get("noisy")))
    return result


def registry_rules() -> list[Any]:
    from doclint.testing import default_registry

    return list(default_registry())


def per_100k(count: int, chars: int) -> str:
    return f"{count / chars * 1e5:.1f}" if chars else "-"


def cmd_report(args: argparse.Namespace) -> None:
    rules = registry_rules()
    holdout = set_files(MEASURING_SET)
    sources = Sources()
    report = run_doclint(holdout)
    found = findings(report, sources)
    current = population(found)
    rounds = all_rounds()
    figs = figures(rounds, MEASURING_SET, found)
    dev = run_doclint(set_files("dev"), preview=False)
    real = run_doclint(set_files("real"), preview=False)
    traps = run_doclint(trap_files()) if trap_files() else None
    stable = {r.code for r in rules if r.maturity.value == "stable"}

    data_rules: dict[str, Any] = {}
    for rule in rules:
        code = rule.code
        fig = figs.get(code)
        entry: dict[str, Any] = {"fires": current.get(code, {}).get("count", 0), "judged": 0,
                                 "right": 0, "false": 0, "style": 0, "low": 0.0, "high": 1.0,
                                 "round": ""}
        if fig is not None:
            low, high = wilson(fig.right, fig.judged)
            entry.update(judged=fig.judged, right=fig.right, false=fig.false, style=fig.style,
                         low=round(low, 4), high=round(high, 4), round=fig.round)
        data_rules[code] = entry
    label = f"{SET_LABELS[MEASURING_SET]} ({len(holdout)} documents)"
    DATA_FILE.parent.mkdir(parents=True, exist_ok=True)
    DATA_FILE.write_text(json.dumps({"corpus": label, "rules": data_rules}, ensure_ascii=False,
                                    indent=1, sort_keys=True) + "\n", "utf-8")
    page = render_page(rules, figs, current, stable, label, rounds, dev, real, traps)
    DOC_PAGE.write_text(page, "utf-8")
    print(f"wrote {DOC_PAGE.relative_to(ROOT)} and {DATA_FILE.relative_to(ROOT)}")


def recall_section() -> list[str]:
    """The committed recall results (benchmarks/recall), beside precision."""
    sys.path.insert(0, str(ROOT / "benchmarks" / "recall"))
    try:
        import recall  # type: ignore[import-not-found]
    except ImportError:
        return []
    finally:
        sys.path.pop(0)
    if not any(recall.RESULTS.glob("*.json")):
        return []
    return ["## Recall", "",
            "Anomalies planted one per copy into real documents, for every category doclint",
            "claims; a plant is found when a diagnostic of its category appears on the planted line",
            "and was not there in the untouched copy (`benchmarks/recall/README.md`; rerun with",
            "`python benchmarks/recall/recall.py --set holdout --preview --json",
            "benchmarks/recall/results/holdout.json`). Default rules / with the preview rules.", "",
            recall.markdown()]


def fresh_section() -> list[str]:
    """The fresh-text rounds (fresh.py): judged once, on sources nobody had read."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        import fresh  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    return fresh.section()


def trap_files() -> list[Path]:
    return sorted(TRAPS.glob("*.txt")) if TRAPS.is_dir() else []


def trap_section(report: dict[str, Any] | None, stable: set[str]) -> list[str]:
    """Findings on the trap set: correct texts in tricky phrasing, so every finding is false."""
    if report is None:
        return []
    diags = report["diagnostics"]
    by_code = collections.Counter(d["code"] for d in diags)
    default = sum(n for code, n in by_code.items() if code in stable)
    lines = ["## The trap set", "",
             f"{len(report['files'])} short documents of correct text in the phrasings that make",
             "checkers cry wolf (real growth rates, rounded shares, ranges, retrospectives and",
             "announcements, nested and run-in numbering, intended blanks, padded names …), written",
             "independently of the rules (`benchmarks/precision/traps/README.md`). It is not real",
             "text, so it complements the judged holdout for rules that rarely fire there; every",
             f"finding on it is a false alarm. Default rules: **{default}** findings; with preview "
             f"rules: {len(diags)}.", ""]
    if by_code:
        lines += ["| rule | maturity | findings |", "|---|---|---:|"]
        lines += [f"| {code} | {'stable' if code in stable else 'preview'} | {n} |"
                  for code, n in sorted(by_code.items())]
    return lines


def render_page(rules: list[Any], figs: dict[str, RuleFigure], current: dict[str, Any],
                stable: set[str], label: str, rounds: list[Round], dev: dict[str, Any],
                real: dict[str, Any], traps: dict[str, Any] | None = None) -> str:
    fires = {code: pop["count"] for code, pop in current.items()}
    weighted_num = weighted_den = 0.0
    unjudged_stable = []
    for code in sorted(stable):
        n = fires.get(code, 0)
        if not n:
            continue
        fig = figs.get(code)
        if fig is None or not fig.judged:
            unjudged_stable.append(code)
            continue
        weighted_num += n * fig.precision
        weighted_den += n
    overall = weighted_num / weighted_den if weighted_den else float("nan")
    judged_total = sum(f.judged for f in figs.values())
    out = [
        "# Measured precision",
        "",
        "Generated by `python benchmarks/precision/audit.py report` from the judgements committed",
        "in `benchmarks/precision/rounds/`; do not edit by hand.",
        "",
        "A finding is a claim about a real document. Precision is the share of a rule's claims",
        "that a reader who did not write the rule judged right after reading the line in its file.",
        f"The measuring set is the {label}: real government documents from other",
        "repositories, which no rule was written or tuned on (`../shared/corpus/dev/HOLDOUT.txt`).",
        "",
        "- **How findings are drawn.** `audit.py sample` runs every rule (preview included) and",
        "  draws up to 30 findings per rule, each from a different file while it can, with a fixed",
        "  seed. A finding judged once is never drawn again, so a rule changed after a round is",
        "  judged on fresh findings, not on the ones it was fixed for. The rules were fixed on",
        "  other documents (corpus/real and the rest of corpus/dev); nobody who fixed a rule read",
        "  the measuring set.",
        "- **What counts.** The report runs the rules on the measuring set again: a verdict counts",
        "  while its finding is still reported with the same message. A finding a fix removed",
        "  drops out of the figure, and a new or reworded one waits for a fresh round.",
        "- **Verdicts.** *right*: the text has this defect and the message names it. *false*: the",
        "  text is fine, or the message names the wrong defect. *style*: the text follows its",
        "  period's or source's house style consistently; it counts against precision, because",
        "  a user would want it off by default. *noisy* marks a right finding that should have",
        "  been folded into another. See `benchmarks/precision/README.md`.",
        "- **Interval.** Wilson 95% score interval of the judged share.",
        f"- **Stable** rules (on by default) need at least {STABLE_THRESHOLD:.0%} judged precision",
        f"  on {MIN_JUDGED} or more judged findings, or on all of them when the rule fires fewer",
        "  times than that on the set. Other rules are *preview*: `--preview` runs them.",
        "",
        "## Summary",
        "",
        f"- Default (stable) rules: {len(stable)}; preview rules: {len(rules) - len(stable)}.",
        f"- Verdicts written: {sum(len(r.verdicts) for r in rounds)}, in {len(rounds)} rounds; "
        f"{judged_total} of them are on findings the rules report now and count below.",
        f"- Precision of a default run on the {label}, each rule weighted by how often it fires",
        f"  there: **{overall:.1%}** over {int(weighted_den)} findings"
        + (f"; stable rules not judged yet: {', '.join(unjudged_stable)}." if unjudged_stable
           else "."),
        "",
        "## Per rule",
        "",
        "| rule | maturity | fires | judged | right | false | style | noisy | precision | 95% CI "
        "| rounds | status |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|",
    ]
    for rule in rules:
        code = rule.code
        fig = figs.get(code)
        n = fires.get(code, 0)
        maturity = rule.maturity.value
        if fig is None:
            status = "not judged" if n else "silent on the set"
            out.append(f"| [{code}](rules/{code}.md) | {maturity} | {n} | 0 | | | | | | | | "
                       f"{status} |")
            continue
        low, high = wilson(fig.right, fig.judged)
        enough = fig.judged >= min(MIN_JUDGED, max(n, 1))
        status = ("ok" if fig.precision >= STABLE_THRESHOLD and enough
                  else "too few judged" if not enough else "below 95%")
        out.append(f"| [{code}](rules/{code}.md) | {maturity} | {n} | {fig.judged} | {fig.right} "
                   f"| {fig.false} | {fig.style} | {fig.noisy} | {fig.precision:.0%} | "
                   f"{low:.0%}–{high:.0%} | {fig.round} | {status} |")
    retired_rules = retired()
    if retired_rules:
        out += ["", "Verdicts retired (not counted) because the rule was changed after its fixer "
                "read them; the rule is judged again on its current findings:", ""]
        out += [f"- {code}: {', '.join(sorted(rounds_))}" for code, rounds_ in
                sorted(retired_rules.items())]
    out += ["", *recall_section()]
    trap_lines = trap_section(traps, stable)
    if trap_lines:
        out += ["", *trap_lines]
    out += ["", *fresh_section()]
    out += ["", *density_section(dev, "corpus/dev (all 1,961 documents), default rules"),
            "", *density_section(real, "corpus/real (97 documents), default rules")]
    return "\n".join(out) + "\n"


def density_section(report: dict[str, Any], title: str) -> list[str]:
    chars = sum(f.get("chars") or 0 for f in report["files"])
    diags = report["diagnostics"]
    by_category = collections.Counter(d["category"] for d in diags)
    per_file = collections.Counter((d["path"], d["code"]) for d in diags)
    worst = per_file.most_common(1)
    lines = [f"## Density on {title}", "",
             f"{len(diags)} findings on {chars:,} characters: **{per_100k(len(diags), chars)} per "
             "100,000 characters**. Most findings of one rule in one file: "
             + (f"{worst[0][1]} ({relative(worst[0][0][0])}, {worst[0][0][1]})." if worst
                else "none."), "",
             "| category | findings | per 100k characters |", "|---|---:|---:|"]
    lines += [f"| {cat} | {n} | {per_100k(n, chars)} |" for cat, n in by_category.most_common()]
    return lines


def cmd_counts(args: argparse.Namespace) -> None:
    """Findings per rule on a set: count, files, most in one file, per 100k characters."""
    files = set_files(args.set)
    report = run_doclint(files, preview=not args.default)
    chars = sum(f.get("chars") or 0 for f in report["files"]) or 1
    wanted = {c.strip() for c in args.codes.split(",")} if args.codes else None
    diags = [d for d in report["diagnostics"] if wanted is None or d["code"] in wanted]
    by_code = collections.Counter(d["code"] for d in diags)
    per_file = collections.Counter((d["code"], d["path"]) for d in diags)
    most: dict[str, int] = {}
    spread: collections.Counter[str] = collections.Counter()
    for (code, _), n in per_file.items():
        most[code] = max(most.get(code, 0), n)
        spread[code] += 1
    print(f"{len(diags)} findings on {len(files)} files ({per_100k(len(diags), chars)} per 100k)")
    print("code\tfindings\tfiles\tmost-in-one-file\tper-100k")
    for code in sorted(by_code):
        print(f"{code}\t{by_code[code]}\t{spread[code]}\t{most[code]}\t"
              f"{per_100k(by_code[code], chars)}")


def cmd_show(args: argparse.Namespace) -> None:
    """Print findings with their context, for reading while tuning (never the holdout)."""
    if args.set == MEASURING_SET:
        raise SystemExit("the holdout is for measuring: draw a round and have it judged")
    files = set_files(args.set)
    report = run_doclint(files)
    sources = Sources()
    found = [f for f in findings(report, sources)
             if f.code in {c.strip() for c in args.codes.split(",")}]
    rng = random.Random(args.seed)
    rng.shuffle(found)
    for item in found[: args.limit]:
        entry = sheet_entry(item, sources, "show")
        print(f"{entry['path']}:{entry['line']}:{entry['column']}: {entry['code']} "
              f"{entry['message']}")
        for key in ("before", "flagged", "after"):
            if entry[key]:
                print(f"    {key:>7}: {entry[key]}")
        for rel in entry["related"]:
            print(f"    related {rel['path']}:{rel['line']} {rel['note']}: {rel['text']}")
        print()


def cmd_traps(args: argparse.Namespace) -> None:
    """Every finding on the trap set (each one a false alarm), default rules or all."""
    files = trap_files()
    if not files:
        raise SystemExit(f"no trap texts in {TRAPS}")
    report = run_doclint(files, preview=args.preview)
    for diag in report["diagnostics"]:
        print(f"{Path(diag['path']).name}:{diag['line']}:{diag['column']}: {diag['code']} "
              f"{diag['message']}")
    print(f"{len(report['diagnostics'])} findings on {len(files)} trap texts")


def cmd_status(args: argparse.Namespace) -> None:
    for rnd in all_rounds():
        codes = collections.Counter(e["code"] for e in rnd.sheet)
        done = collections.Counter(e["code"] for e in rnd.sheet if e["id"] in rnd.verdicts)
        print(f"{rnd.name} ({rnd.meta['set']}, {rnd.created}): {sum(done.values())}/"
              f"{len(rnd.sheet)} judged")
        if args.verbose:
            for code in sorted(codes):
                print(f"  {code}: {done[code]}/{codes[code]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sample = sub.add_parser("sample", help="draw a round of findings to judge")
    sample.add_argument("round", help="name of the round, e.g. 2026-12-06-holdout")
    sample.add_argument("--set", default=MEASURING_SET, choices=["holdout", "tune", "real"])
    sample.add_argument("--per-rule", type=int, default=MIN_JUDGED)
    sample.add_argument("--seed", type=int, default=1)
    sample.add_argument("--codes", help="only these rules (comma-separated codes)")
    sample.set_defaults(run=cmd_sample)
    report = sub.add_parser("report", help="write docs/precision.md and doclint/data/precision.json")
    report.set_defaults(run=cmd_report)
    counts = sub.add_parser("counts", help="findings per rule on a set")
    counts.add_argument("--set", default="tune", choices=["holdout", "tune", "dev", "real"])
    counts.add_argument("--codes", help="only these rules (comma-separated codes)")
    counts.add_argument("--default", action="store_true", help="default rules only (no preview)")
    counts.set_defaults(run=cmd_counts)
    show = sub.add_parser("show", help="print findings in context (tuning sets only)")
    show.add_argument("codes", help="comma-separated codes")
    show.add_argument("--set", default="tune", choices=["tune", "real"])
    show.add_argument("--limit", type=int, default=30)
    show.add_argument("--seed", type=int, default=0)
    show.set_defaults(run=cmd_show)
    traps = sub.add_parser("traps", help="findings on the trap set of correct texts")
    traps.add_argument("--preview", action="store_true", help="preview rules too")
    traps.set_defaults(run=cmd_traps)
    status = sub.add_parser("status", help="how far each round is judged")
    status.add_argument("-v", "--verbose", action="store_true")
    status.set_defaults(run=cmd_status)
    args = parser.parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main()
