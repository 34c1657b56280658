"""Drawing plants, linting each mutated copy, and counting what doclint found.

Sampling is seeded and deterministic: for each kind, its budget is split evenly over its
variants; each variant visits the sources of the set in turn (a shuffled queue of documents per
source), takes at most ``MAX_PER_DOC`` plants from one document, and keeps only *admissible*
plants: the mutated copy differs from the original, and the untouched copy has no finding of an
accepted category on the planted lines (anywhere, for a whole-document kind) and no text that a
masking rule removes there. A variant short of plants leaves its share to the others.
"""

from __future__ import annotations

import collections
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any

from recallbench.corpus import Doc, Linter, load, load_dirs
from recallbench.kinds import KINDS, Cand, Kind
from recallbench.plant import Plant

MAX_PER_DOC = 2  # plants of one variant in one document (``Kind.per_doc`` caps the kind's)
_ANOTHER = "another occurrence"  # the note of a grouped finding's other places


def admissible(plant: Plant, kind: Kind) -> bool:
    doc = plant.doc
    if plant.text == doc.text:
        return False
    base = doc.baseline
    if kind.scope == "document":
        return not base.categories & kind.accepted
    if any(base.flags(line, kind.accepted) for line in plant.base_lines):
        return False
    spans = [*plant.targets, *((e.start, e.end) for e in plant.edits)]
    return not any(base.masks(start, end) or doc.unchecked(start, end) for start, end in spans)


class _Stream:
    """Plants of one variant, drawn source by source."""

    def __init__(self, kind: Kind, variant: str, docs: list[Doc], seed: int,
                 per_doc: collections.Counter[int]) -> None:
        self.kind, self.variant, self.seed = kind, variant, seed
        self.per_doc = per_doc  # plants of this kind per document, shared by its variants
        rng = Random(f"{seed}|{kind.name}|{variant}")
        groups: dict[str, list[Doc]] = collections.defaultdict(list)
        for doc in docs:
            groups[doc.group].append(doc)
        self.queues = []
        for name in sorted(groups):
            queue = list(groups[name])
            rng.shuffle(queue)
            self.queues.append(collections.deque(queue))
        rng.shuffle(self.queues)
        self.generators: dict[int, Iterator[Cand]] = {}
        self.taken: collections.Counter[int] = collections.Counter()
        self.turn = 0

    def _candidates(self, doc: Doc) -> Iterator[Cand]:
        key = id(doc)
        if key not in self.generators:
            rng = Random(f"{self.seed}|{self.kind.name}|{self.variant}|{doc.rel}")
            self.generators[key] = iter(self.kind.variants[self.variant](doc, rng))
        return self.generators[key]

    def next(self) -> Plant | None:
        while any(self.queues):
            queue = self.queues[self.turn % len(self.queues)]
            self.turn += 1
            if not queue:
                continue
            doc = queue.popleft()
            if self.per_doc[id(doc)] >= self.kind.per_doc:
                continue
            for cand in self._candidates(doc):
                plant = Plant(self.kind.name, self.variant, cand.base or doc, tuple(cand.edits),
                              tuple(cand.targets), self.kind.scope, cand.path, cand.note)
                if admissible(plant, self.kind):
                    self.taken[id(doc)] += 1
                    self.per_doc[id(doc)] += 1
                    if self.taken[id(doc)] < max(MAX_PER_DOC, self.kind.per_doc // 2):
                        queue.append(doc)
                    return plant
        return None


def sample(kind: Kind, docs: list[Doc], budget: int, seed: int) -> list[Plant]:
    """``budget`` plants of ``kind`` (fewer when the documents do not hold enough sites): an
    equal share per variant, then what a variant short of sites leaves goes to the others in
    turn, but no variant takes more than half of a kind's plants when it has three or more."""
    per_doc: collections.Counter[int] = collections.Counter()
    streams = [_Stream(kind, name, docs, seed, per_doc) for name in kind.variants]
    share, extra = divmod(budget, len(streams))
    cap = budget if len(streams) < 3 else max(share + 1, budget // 2)
    taken: collections.Counter[str] = collections.Counter()
    plants: list[Plant] = []
    for index, stream in enumerate(streams):
        for _ in range(share + (index < extra)):
            plant = stream.next()
            if plant is None:
                break
            plants.append(plant)
            taken[stream.variant] += 1
    live = list(streams)
    while len(plants) < budget and live:
        for stream in list(live):
            if len(plants) >= budget:
                break
            plant = stream.next() if taken[stream.variant] < cap else None
            if plant is None:
                live.remove(stream)
            else:
                plants.append(plant)
                taken[stream.variant] += 1
    return plants


@dataclass
class Outcome:
    """What doclint said about one plant, per configuration (``default``, ``preview``)."""

    plant: Plant
    found: dict[str, tuple[str, ...]] = field(default_factory=dict)  # rules that found it
    elsewhere: dict[str, tuple[str, ...]] = field(default_factory=dict)  # other new codes there


def score(plant: Plant, kind: Kind, linter: Linter) -> Outcome:
    """Lint the copy; a plant is found by a new diagnostic of an accepted category on a planted
    line (a grouped finding counts when one of its other places is there)."""
    diagnostics = linter.lint(plant.copy_path, plant.text)
    planted = plant.planted_lines
    before: set[str] = set()
    for line in plant.base_lines:
        before |= plant.doc.baseline.by_line.get(line, set())
    found: set[str] = set()
    elsewhere: set[str] = set()
    for diag in diagnostics:
        category = str(diag.category)
        lines = set(range(diag.start.line, diag.end.line + 1))
        lines.update(r.start.line for r in diag.related if r.note.en == _ANOTHER)
        if category in kind.accepted and (kind.scope == "document" or lines & planted):
            found.add(diag.code)
        elif lines & planted and category not in before:
            elsewhere.add(diag.code)
    outcome = Outcome(plant)
    configs = {"default": linter.stable} | ({"preview": None} if linter.preview else {})
    for name, allowed in configs.items():
        outcome.found[name] = tuple(sorted(c for c in found if allowed is None or c in allowed))
        outcome.elsewhere[name] = tuple(sorted(c for c in elsewhere
                                               if allowed is None or c in allowed))
    return outcome


@dataclass
class Result:
    set: str
    seed: int
    per_kind: int
    preview: bool
    documents: int
    seconds: float
    outcomes: list[Outcome]
    crashes: int = 0

    @property
    def configs(self) -> list[str]:
        return ["default", "preview"] if self.preview else ["default"]

    def summary(self) -> dict[str, Any]:
        """Counts only (no text): per kind, per variant, per category, per rule."""
        kinds: dict[str, Any] = {}
        for name, kind in KINDS.items():
            mine = [o for o in self.outcomes if o.plant.kind == name]
            entry: dict[str, Any] = {"category": kind.category, "accepted": sorted(kind.accepted),
                                     "planted": len(mine)}
            for config in self.configs:
                hits = [o for o in mine if o.found[config]]
                rules = collections.Counter(c for o in mine for c in o.found[config])
                other = collections.Counter(c for o in mine if not o.found[config]
                                            for c in o.elsewhere[config])
                entry[config] = {"found": len(hits), "recall": _ratio(len(hits), len(mine)),
                                 "rules": dict(rules.most_common()),
                                 "missed_but_other_rules": dict(other.most_common())}
            variants: dict[str, Any] = {}
            for variant in kind.variants:
                theirs = [o for o in mine if o.plant.variant == variant]
                variants[variant] = {"planted": len(theirs)} | {
                    config: sum(1 for o in theirs if o.found[config]) for config in self.configs}
            entry["variants"] = variants
            entry["documents"] = len({o.plant.doc.rel for o in mine})
            kinds[name] = entry
        categories: dict[str, Any] = {}
        for name, entry in kinds.items():
            cat = categories.setdefault(entry["category"], {"kinds": [], "planted": 0} | {
                c: {"found": 0} for c in self.configs})
            cat["kinds"].append(name)
            cat["planted"] += entry["planted"]
            for config in self.configs:
                cat[config]["found"] += entry[config]["found"]
        for cat in categories.values():
            for config in self.configs:
                cat[config]["recall"] = _ratio(cat[config]["found"], cat["planted"])
        total = len(self.outcomes)
        overall = {c: {"found": sum(1 for o in self.outcomes if o.found[c])} for c in self.configs}
        for config in self.configs:
            overall[config]["recall"] = _ratio(overall[config]["found"], total)
            overall[config]["mean_recall_per_kind"] = round(
                sum(k[config]["recall"] or 0 for k in kinds.values()) / max(len(kinds), 1), 3)
        from audit import git_commit

        return {"set": self.set, "commit": git_commit(), "seed": self.seed,
                "per_kind": self.per_kind,
                "documents": self.documents, "plants": total, "seconds": round(self.seconds, 1),
                "crashes": self.crashes, "configs": self.configs, "overall": overall,
                "kinds": kinds, "categories": categories}


def _ratio(found: int, planted: int) -> float | None:
    return round(found / planted, 3) if planted else None


def run(set_name: str, *, per_kind: int = 100, seed: int = 1, preview: bool = False,
        kinds: Iterable[str] | None = None, docs: list[Doc] | None = None,
        dirs: Iterable[Path] | None = None,
        progress: Callable[[str], None] | None = None) -> Result:
    """Plant ``per_kind`` anomalies of each kind into the documents of ``set_name`` (or
    ``docs``, or the ``*.txt`` files under ``dirs``) and score them."""
    started = time.perf_counter()
    linter = Linter(preview)
    if dirs:
        docs = load_dirs(dirs, linter)
    elif docs is None:
        docs = load(set_name, linter)
    else:
        for doc in docs:
            doc.linter = linter
    chosen = list(kinds) if kinds else list(KINDS)
    outcomes: list[Outcome] = []
    for name in chosen:
        kind = KINDS[name]
        plants = sample(kind, docs, per_kind, seed)
        outcomes += [score(plant, kind, linter) for plant in plants]
        if progress:
            hits = sum(1 for o in outcomes if o.plant.kind == name and o.found["default"])
            progress(f"{name}: {hits}/{len(plants)} ({time.perf_counter() - started:.0f}s)")
    return Result(set_name, seed, per_kind, preview, len(docs), time.perf_counter() - started,
                  outcomes, linter.crashes)
