"""A self-contained HTML report: totals and charts, each document's findings highlighted, filters.

One file with inline CSS, JavaScript and charts (CSS bars and an SVG ring), no network. Every
piece of document text goes through Jinja2 autoescaping, so a document containing ``<script>``
shows it and does not run it. The report is written as results stream in: each document's
section is rendered when its result arrives and spooled to a temporary file, and only counts
stay in memory. For large archives the listing is capped (``MAX_PER_DOCUMENT`` findings per
document, ``MAX_LISTED`` in all, ``MAX_ARCHIVE`` cross-document findings); the totals and
charts always count everything, and the report says what it left out.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from doclint import __version__
from doclint.core.diagnostic import Diagnostic, FileResult
from doclint.core.errors import DoclintError
from doclint.report.base import Formatter, Summary

MAX_PER_DOCUMENT = 100
MAX_LISTED = 20_000
MAX_ARCHIVE = 5_000
MAX_ERRORS = 200
CHART_ROWS = 15
_TRACKED = 100_000  # documents whose totals are kept for the chart before pruning to the top
_WINDOW = 80  # characters shown either side of a highlighted span on a long line
_MAX_MARK = 200
_SPOOL = 8 << 20
_TEMPLATES = Path(__file__).parent / "templates"
_SEVERITIES = ("error", "warning", "info")

CATEGORY_ZH = {
    "year-placeholder": "年份占位", "year-contradiction": "年份矛盾", "anachronism": "时代错置",
    "date-invalid": "无效日期", "title-duplicate": "标题重复", "title-sequence": "标题序号",
    "truncation": "截断", "broken-line": "断行", "injected-boilerplate": "注入套话",
    "placeholder": "模板占位", "missing-unit": "缺少单位", "mixed-width": "全半角混用",
    "spacing": "空格", "case": "大小写", "entity-mix": "实体混杂", "arithmetic": "计算错误",
    "punctuation": "标点", "number-format": "数字格式", "duplicate-text": "重复文本",
    "encoding": "编码", "other": "其他",
}


@dataclass(frozen=True, slots=True)
class Snippet:
    """A source line cut around a span: ``before`` + ``marked`` + ``after``."""

    line: int
    before: str
    marked: str
    after: str
    cut_left: bool = False
    cut_right: bool = False


@dataclass
class DocumentTotals:
    counts: dict[str, int] = field(default_factory=lambda: {"error": 0, "warning": 0, "info": 0})

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def snippet(lines: dict[int, str], line: int, column: int, end_line: int,
            end_column: int) -> Snippet | None:
    """The line ``line`` with the span from ``column`` marked, windowed when the line is long."""
    text = lines.get(line)
    if text is None:
        return None
    start = min(column - 1, len(text))
    end = end_column - 1 if end_line == line else len(text)
    end = max(start, min(end, len(text), start + _MAX_MARK))
    left = max(0, start - _WINDOW)
    right = min(len(text), end + _WINDOW)
    return Snippet(line, text[left:start], text[start:end], text[end:right],
                   cut_left=left > 0, cut_right=right < len(text))


class HtmlFormatter(Formatter):
    """``--format html -o report.html``: see the module docstring."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        try:
            import jinja2
        except ImportError:
            raise DoclintError("the html format needs jinja2: pip install 'doclint[archive]'"
                               ) from None
        self._env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(_TEMPLATES)),
                                       autoescape=True, trim_blocks=True, lstrip_blocks=True,
                                       undefined=jinja2.StrictUndefined)
        self._env.globals.update(category_label=self._category_label, text=self._text)
        self._section = self._env.get_template("document.html.j2")
        import tempfile  # NOTE: imported here: only an HTML report needs it

        self._sections = tempfile.SpooledTemporaryFile(_SPOOL, mode="w+", encoding="utf-8")
        self._totals: dict[str, DocumentTotals] = {}
        self._listed = 0
        self._unlisted_documents = 0
        self._archive: list[Diagnostic] = []
        self._archive_hidden = 0
        self._archive_lines: dict[str, dict[int, str]] = {}
        self._errors: list[tuple[str, str]] = []

    def handle(self, result: FileResult) -> None:
        if (result.error or result.crashes) and len(self._errors) < MAX_ERRORS:
            self._errors.extend((result.path, e) for e in (result.error, *result.crashes) if e)
        if not result.diagnostics:
            return
        self._count(result.path, result.diagnostics)
        room = min(MAX_PER_DOCUMENT, MAX_LISTED - self._listed)
        if room <= 0:
            self._unlisted_documents += 1
            return
        shown = result.diagnostics[:room]
        self._listed += len(shown)
        self._sections.write(self._section.render(
            path=result.path, diagnostics=[self._view(d, result.lines) for d in shown],
            totals=self._totals_of(result.diagnostics), hidden=len(result.diagnostics) - len(shown),
            kind="file", caps_per_document=MAX_PER_DOCUMENT))

    def archive(self, diagnostics: list[Diagnostic], lines: dict[str, dict[int, str]]) -> None:
        for diag in diagnostics:
            self._count(diag.path, [diag])
        self._archive = diagnostics[:MAX_ARCHIVE]
        self._archive_hidden = len(diagnostics) - len(self._archive)
        self._archive_lines = lines

    def finish(self, summary: Summary) -> None:
        page = self._env.get_template("report.html.j2")
        for chunk in page.generate(**self._page(summary)):
            self.stream.write(chunk)
        self._sections.close()

    # -- the page ---------------------------------------------------------------------------

    def _page(self, summary: Summary) -> dict[str, Any]:
        registry = self.registry
        rules = [(code, n, registry.get(code)) for code, n in summary.by_code.most_common()]
        return {
            "lang": "en" if self.lang == "en" else "zh-CN",
            "version": __version__,
            "summary": summary,
            "total": summary.total,
            "documents_with_findings": len(self._totals) if len(self._totals) < _TRACKED
            else None,
            "severities": [(s, summary.by_severity.get(s, 0)) for s in _SEVERITIES],
            "ring": _ring([summary.by_severity.get(s, 0) for s in _SEVERITIES]),
            "categories": _bars(summary.by_category.most_common()),
            "rules": _bars([((code, rule.summary.get(self.lang) if rule else ""), n)
                            for code, n, rule in rules][:CHART_ROWS]),
            "rule_choices": [(code, rule.name if rule else code) for code, _, rule in
                             sorted(rules, key=lambda item: item[0])],
            "top_documents": _bars(self._top_documents()),
            "sections": self._spooled(),
            "archive": self._archive_sections(),
            "archive_hidden": self._archive_hidden,
            "caps": {"per_document": MAX_PER_DOCUMENT, "listed": MAX_LISTED,
                     "archive": MAX_ARCHIVE},
            "unlisted_documents": self._unlisted_documents,
            "errors": self._errors[:MAX_ERRORS],
        }

    def _spooled(self) -> Iterator[Any]:
        import markupsafe

        self._sections.seek(0)
        while True:
            chunk = self._sections.read(1 << 16)
            if not chunk:
                return
            yield markupsafe.Markup(chunk)  # already rendered (and escaped) by the section template

    def _archive_sections(self) -> list[dict[str, Any]]:
        by_path: dict[str, list[Diagnostic]] = {}
        for diag in self._archive:
            by_path.setdefault(diag.path, []).append(diag)
        return [{"path": path, "totals": self._totals_of(diags),
                 "diagnostics": [self._view(d, self._archive_lines.get(path, {})) for d in diags]}
                for path, diags in by_path.items()]

    # -- one diagnostic ---------------------------------------------------------------------

    def _view(self, diag: Diagnostic, lines: dict[int, str]) -> dict[str, Any]:
        rule = self.registry.get(diag.code)
        related = []
        for rel in diag.related:
            same = rel.path == diag.path
            related.append({
                "path": rel.path, "same_file": same, "line": rel.start.line,
                "column": rel.start.column, "note": rel.note.get(self.lang),
                "snippet": snippet(lines, rel.start.line, rel.start.column, rel.end.line,
                                   rel.end.column) if same else None})
        return {
            "code": diag.code, "name": diag.name, "category": diag.category.value,
            "severity": diag.severity.label, "message": diag.message.get(self.lang),
            "line": diag.start.line, "column": diag.start.column,
            "end_line": diag.end.line, "end_column": diag.end.column,
            "summary": rule.summary.get(self.lang) if rule else "",
            "snippet": snippet(lines, diag.start.line, diag.start.column, diag.end.line,
                               diag.end.column),
            "related": related, "fixable": diag.fix is not None,
            "fix": diag.fix.applicability.value if diag.fix is not None else None,
        }

    # -- counting ---------------------------------------------------------------------------

    def _count(self, path: str, diagnostics: Sequence[Diagnostic]) -> None:
        totals = self._totals.get(path)
        if totals is None:
            if len(self._totals) >= 2 * _TRACKED:
                # NOTE: keeps memory bounded on huge archives; only the chart's tail is lost.
                keep = heapq.nlargest(_TRACKED, self._totals.items(), key=lambda kv: kv[1].total)
                self._totals = dict(keep)
            totals = self._totals[path] = DocumentTotals()
        for diag in diagnostics:
            totals.counts[diag.severity.label] += 1

    @staticmethod
    def _totals_of(diagnostics: Sequence[Diagnostic]) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for diag in diagnostics:
            counts[diag.severity.label] += 1
        return counts

    def _top_documents(self) -> list[tuple[tuple[str, str], int]]:
        top = heapq.nlargest(CHART_ROWS, self._totals.items(),
                             key=lambda kv: (kv[1].total, _reverse(kv[0])))
        return [((path, _tail(path)), totals.total) for path, totals in top]

    # -- words ------------------------------------------------------------------------------

    def _category_label(self, category: str) -> str:
        return category if self.lang == "en" else f"{CATEGORY_ZH.get(category, category)}"

    def _text(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh


def _bars(rows: Sequence[tuple[Any, int]]) -> list[dict[str, Any]]:
    """Chart rows with their bar length as a share of the largest."""
    peak = max((n for _, n in rows), default=0) or 1
    return [{"label": label, "count": n, "width": round(100 * n / peak, 1)} for label, n in rows]


def _ring(counts: Sequence[int]) -> list[dict[str, float]]:
    """Segments of an SVG ring (circumference 100): offset and length of each severity."""
    total = sum(counts) or 1
    segments, offset = [], 0.0
    for count in counts:
        length = 100 * count / total
        segments.append({"offset": round(25 - offset, 3), "length": round(length, 3)})
        offset += length
    return segments


def _tail(path: str) -> str:
    """The file name, with its archive member if any: what tells files apart in a chart."""
    outer, _, member = path.partition("!")
    name = outer.replace("\\", "/").rsplit("/", 1)[-1]
    return f"{name}!{member}" if member else name


def _reverse(path: str) -> tuple[int, ...]:
    """A key that sorts paths backwards, so ties in ``nlargest`` keep the first path first."""
    return tuple(-ord(c) for c in path)

