"""The documents a run plants into, read the way doclint reads them, and doclint run in-process.

A document carries what the plants need: its text and lines, the source it came from (plants
are spread across sources), the year its manifest gives when the text states that year too, and
its *baseline*, what doclint reports on the untouched copy (computed when first asked for).
"""

from __future__ import annotations

import bisect
import functools
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import regex

from doclint.core.config import Config
from doclint.core.diagnostic import Diagnostic
from doclint.core.document import Document, LineIndex
from doclint.core.linter import lint_document
from doclint.core.rule import Rule
from doclint.runner.engine import Engine

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "benchmarks" / "precision"))
from audit import corpus_root, set_files  # noqa: E402

SETS = ("tune", "real", "holdout", "sample")


class Linter:
    """doclint run in-process on texts in memory: the plants with the default rules (and the
    preview ones with ``preview``), the untouched copies always with every rule, so that a
    plant is admitted or refused the same way whatever the configuration."""

    def __init__(self, preview: bool) -> None:
        self.preview = preview
        self.full = Engine(Config(preview=True))
        default = Engine(Config())
        self.engine = self.full if preview else default
        self.stable = frozenset(a.rule.code for a in default.rules_for("x.txt")[0])
        self.masking = frozenset(r.code for r in self.full.registry
                                 if issubclass(r, Rule) and r.masks)
        self.crashes = 0

    def lint(self, path: str, text: str, every_rule: bool = False) -> list[Diagnostic]:
        engine = self.full if every_rule else self.engine
        doc = engine.read(path, text.encode("utf-8"))
        rules, _ = engine.rules_for(path)
        diagnostics, crashes = lint_document(doc, rules, engine.maskers_for(path))
        self.crashes += len(crashes)
        return diagnostics

    def read(self, path: Path) -> tuple[str, str]:
        """The text of ``path`` as its reader decodes it, and the text doclint checks: the same
        with metadata (front matter, an archive's record header) blanked."""
        doc = self.full.read(str(path), path.read_bytes())
        return doc.source, doc.text


@dataclass
class Baseline:
    """What doclint reports on the untouched copy: categories per line, and masked text."""

    by_line: dict[int, set[str]]
    categories: set[str]
    masked: list[tuple[int, int]]  # sorted, merged spans removed as a whole (chrome, copies …)

    @classmethod
    def of(cls, diagnostics: Iterable[Diagnostic], masking: frozenset[str]) -> Baseline:
        by_line: dict[int, set[str]] = {}
        categories: set[str] = set()
        spans: list[tuple[int, int]] = []
        for diag in diagnostics:
            category = str(diag.category)
            categories.add(category)
            for line in range(diag.start.line, diag.end.line + 1):
                by_line.setdefault(line, set()).add(category)
            if diag.code in masking:
                spans.append((diag.span.start, diag.span.end))
                if diag.fix is not None:
                    spans.extend((e.span.start, e.span.end) for e in diag.fix.edits
                                 if not e.replacement)
        merged: list[tuple[int, int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return cls(by_line, categories, merged)

    def flags(self, line: int, accepted: frozenset[str]) -> bool:
        return bool(self.by_line.get(line, set()) & accepted)

    def masks(self, start: int, end: int) -> bool:
        """Whether ``start..end`` touches text a masking rule removes."""
        index = bisect.bisect_right(self.masked, (end, end)) - 1
        while index >= 0:
            a, b = self.masked[index]
            if b < start:
                return False
            if a <= end and start <= b:
                return True
            index -= 1
        return False


@dataclass(eq=False)
class Doc:
    """One document of a set."""

    path: Path
    rel: str  # relative to the corpus root: dev/…/x.txt, real/x.txt
    group: str  # its source: plants of a kind are spread over sources
    text: str
    year: int | None = None  # from the manifest, kept only when the text states it
    linter: Linter | None = field(default=None, repr=False)
    _baseline: Baseline | None = field(default=None, repr=False)
    siblings: list[Doc] = field(default_factory=list, repr=False)  # the documents of its source
    checked: str | None = field(default=None, repr=False)  # the text doclint checks (see read)

    def __post_init__(self) -> None:
        index = LineIndex(self.text)
        spans = list(index.line_spans())
        self.starts = [start for _, start, _ in spans]
        self.ends = [end for _, _, end in spans]
        self.newline = Document.from_text(self.text).newline

    @property
    def baseline(self) -> Baseline:
        if self._baseline is None:
            assert self.linter is not None
            diagnostics = self.linter.lint(str(self.path), self.text, every_rule=True)
            self._baseline = Baseline.of(diagnostics, self.linter.masking)
        return self._baseline

    def line_of(self, offset: int) -> int:
        """The 1-based line holding ``offset``."""
        return bisect.bisect_right(self.starts, offset) - 1 + 1

    def line(self, number: int) -> str:
        return self.text[self.starts[number - 1]:self.ends[number - 1]]

    @property
    def line_count(self) -> int:
        return len(self.starts)

    @functools.cached_property
    def lines(self) -> list[tuple[int, int, int]]:
        """``(number, start, end)`` of every line doclint checks, without its break: not the
        lines of metadata its reader blanks (a plant there could not be found by design)."""
        hidden = self.hidden_lines
        return [(n + 1, s, e) for n, (s, e) in enumerate(zip(self.starts, self.ends, strict=True))
                if n + 1 not in hidden]

    @functools.cached_property
    def hidden_lines(self) -> frozenset[int]:
        """The lines doclint's reader blanks as metadata (front matter, a record header)."""
        checked = self.checked
        if checked is None:
            return frozenset()
        return frozenset(n + 1 for n, (s, e) in enumerate(zip(self.starts, self.ends, strict=True))
                         if self.text[s:e].strip() and not checked[s:e].strip())

    def unchecked(self, start: int, end: int) -> bool:
        """Whether ``start..end`` touches a line doclint does not check."""
        hidden = self.hidden_lines
        return bool(hidden) and any(line in hidden for line in
                                    range(self.line_of(start), self.line_of(end) + 1))


def _manifest_years() -> dict[str, int]:
    """Manifest years by path relative to the corpus root."""
    root = corpus_root()
    years: dict[str, int] = {}
    for folder, column in (("real", "year_if_known"), ("dev", "year_if_known")):
        manifest = root / folder / "MANIFEST.tsv"
        if not manifest.exists():
            continue
        rows = manifest.read_text("utf-8").splitlines()
        header = rows[0].split("\t")
        at = header.index(column)
        for row in rows[1:]:
            cells = row.split("\t")
            if len(cells) > at and cells[at].strip().isdigit():
                years[f"{folder}/{cells[0]}"] = int(cells[at])
    return years


def _real_groups() -> dict[str, str]:
    manifest = corpus_root() / "real" / "MANIFEST.tsv"
    if not manifest.exists():
        return {}
    rows = [r.split("\t") for r in manifest.read_text("utf-8").splitlines()[1:] if r.strip()]
    return {f"real/{r[0]}": r[1] for r in rows if len(r) > 1}


_NAMED_YEAR = regex.compile(r"(?<![0-9])(?:19[5-9][0-9]|20[0-3][0-9])(?![0-9])")
_STATED = "(?<![0-9]){year}(?:年|〕|[01][0-9][0-3][0-9](?![0-9]))"


# The regression sample (tests/test_recall_sample.py): a few documents of corpus/real of
# different kinds — a county report, provincial and national reports, State Council documents,
# speeches, a local regulation.
SAMPLE = ("dereks-gwr-county-hailar-2014.txt", "dereks-gwr-county-hailar-2019.txt",
          "novice1101-gwr-national-2020.txt", "alexzhu0-gwr-prov-jilin-2025.txt",
          "zhouynf-statecouncil-2018-id007.txt", "zhouynf-statecouncil-1996-id052.txt",
          "plsc-xi-speech-2020-012.txt", "stlaurent-xi-speech-2024-051.txt",
          "mengke25-gongwen-cli-11-4619854.txt", "tw17-gwr-national-1980.txt")


def load(name: str, linter: Linter) -> list[Doc]:
    """The documents of set ``name`` (see ``audit.set_files``; ``sample``: ``SAMPLE``)."""
    if name == "sample":
        return load_files([corpus_root() / "real" / n for n in SAMPLE], linter)
    return load_files(set_files(name), linter)


def load_dirs(folders: Iterable[Path], linter: Linter) -> list[Doc]:
    """Every ``*.txt`` under ``folders`` (documents of your own, or a fresh set): plants are
    spread over the folders that hold the files. A year in the file name stands for the
    manifest's (kept, like it, only when the text states that year)."""
    paths = sorted(p for folder in folders for p in Path(folder).rglob("*.txt") if p.is_file())
    return load_files(paths, linter)


def load_files(paths: Iterable[Path], linter: Linter) -> list[Doc]:
    root = corpus_root()
    years = _manifest_years()
    groups = _real_groups()
    docs = []
    for path in paths:
        path = path.resolve()
        rel = (path.relative_to(root) if path.is_relative_to(root)
               else path.relative_to(path.parent.parent)).as_posix()
        text, checked = linter.read(path)
        if not text.strip():
            continue
        group = groups.get(rel) or path.parent.name
        year = years.get(rel)
        if year is None and not path.is_relative_to(root):
            named = _NAMED_YEAR.search(path.name)
            year = int(named.group()) if named else None
        if year is not None and not regex.search(_STATED.format(year=year), text):
            year = None
        docs.append(Doc(path, rel, group, text, year, linter,
                        checked=None if checked == text else checked))
    by_group: dict[str, list[Doc]] = {}
    for doc in docs:
        by_group.setdefault(doc.group, []).append(doc)
    for doc in docs:
        doc.siblings = by_group[doc.group]
    return docs
