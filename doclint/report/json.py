"""JSON (one versioned document) and JSON Lines (one diagnostic per line)."""

from __future__ import annotations

import json
from typing import Any

from doclint.core.diagnostic import Diagnostic, FileResult, Fix
from doclint.report.base import Formatter, Summary

SCHEMA_VERSION = 1


def diagnostic_dict(diag: Diagnostic, lang: str) -> dict[str, Any]:
    return {
        "path": diag.path,
        "code": diag.code,
        "name": diag.name,
        "category": diag.category.value,
        "severity": diag.severity.label,
        "message": diag.message.get(lang),
        "line": diag.start.line,
        "column": diag.start.column,
        "end_line": diag.end.line,
        "end_column": diag.end.column,
        "offset": diag.span.start,
        "end_offset": diag.span.end,
        "related": [
            {"path": r.path, "line": r.start.line, "column": r.start.column,
             "end_line": r.end.line, "end_column": r.end.column, "message": r.note.get(lang)}
            for r in diag.related
        ],
        "fix": fix_dict(diag.fix, lang),
        "origin": diag.origin,
    }


def fix_dict(fix: Fix | None, lang: str) -> dict[str, Any] | None:
    if fix is None:
        return None
    return {
        "title": fix.title.get(lang),
        "applicability": fix.applicability.value,
        "safe": fix.safe,
        "edits": [{"offset": e.span.start, "end_offset": e.span.end, "replacement": e.replacement}
                  for e in fix.edits],
    }


class JsonFormatter(Formatter):
    """``{"version": 1, "diagnostics": [...], "files": [...], "summary": {...}}``."""

    def start(self) -> None:
        self._diagnostics: list[dict[str, Any]] = []
        self._files: list[dict[str, Any]] = []

    def handle(self, result: FileResult) -> None:
        info = result.info
        entry: dict[str, Any] = {"path": info.path, "encoding": info.encoding, "sha256": info.sha256,
                                 "chars": info.chars, "newline": info.newline}
        if result.error:
            entry["error"] = result.error
        if result.crashes:
            entry["crashes"] = list(result.crashes)
        self._files.append(entry)
        self._diagnostics.extend(diagnostic_dict(d, self.lang) for d in result.diagnostics)

    def archive(self, diagnostics: list[Diagnostic], lines: dict[str, dict[int, str]]) -> None:
        self._diagnostics.extend(diagnostic_dict(d, self.lang) for d in diagnostics)
        self._diagnostics.sort(key=lambda d: (d["path"], d["line"], d["column"], d["code"]))

    def finish(self, summary: Summary) -> None:
        document = {"version": SCHEMA_VERSION, "diagnostics": self._diagnostics,
                    "files": self._files, "summary": summary.as_dict()}
        json.dump(document, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


class JsonLinesFormatter(Formatter):
    """One diagnostic object per line, streamed as files finish."""

    def handle(self, result: FileResult) -> None:
        for diag in result.diagnostics:
            self.stream.write(json.dumps(diagnostic_dict(diag, self.lang), ensure_ascii=False) + "\n")

    def archive(self, diagnostics: list[Diagnostic], lines: dict[str, dict[int, str]]) -> None:
        for diag in diagnostics:
            self.stream.write(json.dumps(diagnostic_dict(diag, self.lang), ensure_ascii=False) + "\n")
