"""SARIF 2.1.0, with rules described from the registry and code-point columns."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from doclint import __version__
from doclint.core.diagnostic import Diagnostic, FileResult, Severity
from doclint.report.base import Formatter, Summary

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
HELP_URI = "https://doclint.invalid/rules/{code}"


class SarifFormatter(Formatter):
    def start(self) -> None:
        self._results: list[dict[str, Any]] = []
        self._artifacts: list[dict[str, Any]] = []
        self._notifications: list[dict[str, Any]] = []
        self._used: dict[str, int] = {}

    def handle(self, result: FileResult) -> None:
        # NOTE: SARIF's artifact "length" counts bytes; doclint counts characters: a property.
        artifact: dict[str, Any] = {"location": {"uri": _uri(result.path), "uriBaseId": "%SRCROOT%"},
                                    "properties": {"chars": result.info.chars}}
        if result.info.encoding:
            artifact["encoding"] = result.info.encoding
        if result.info.sha256:
            artifact["hashes"] = {"sha-256": result.info.sha256}
        self._artifacts.append(artifact)
        for problem in ([result.error] if result.error else []) + list(result.crashes):
            self._notifications.append({
                "level": "error",
                "message": {"text": f"{result.path}: {problem}"},
                "locations": [{"physicalLocation": {"artifactLocation": {
                    "uri": _uri(result.path), "uriBaseId": "%SRCROOT%"}}}],
            })
        for diag in result.diagnostics:
            self._results.append(self._result(diag))

    def archive(self, diagnostics: list[Diagnostic], lines: dict[str, dict[int, str]]) -> None:
        self._results.extend(self._result(d) for d in diagnostics)

    def _result(self, diag: Diagnostic) -> dict[str, Any]:
        index = self._used.setdefault(diag.code, len(self._used))
        result: dict[str, Any] = {
            "ruleId": diag.code,
            "ruleIndex": index,
            "level": _LEVEL[diag.severity],
            "message": {"text": diag.message.get(self.lang)},
            "locations": [_location(diag.path, diag.start.line, diag.start.column, diag.end.line,
                                    diag.end.column)],
            "properties": {"category": diag.category.value},
        }
        if diag.related:
            result["relatedLocations"] = [
                {**_location(r.path, r.start.line, r.start.column, r.end.line, r.end.column),
                 "id": number, "message": {"text": r.note.get(self.lang)}}
                for number, r in enumerate(diag.related)
            ]
        if diag.fix is not None:
            result["fixes"] = [{
                "description": {"text": diag.fix.title.get(self.lang)},
                "properties": {"applicability": diag.fix.applicability.value},
                "artifactChanges": [{
                    "artifactLocation": {"uri": _uri(diag.path), "uriBaseId": "%SRCROOT%"},
                    "replacements": [{
                        "deletedRegion": {"charOffset": e.span.start, "charLength": e.span.length},
                        "insertedContent": {"text": e.replacement},
                    } for e in diag.fix.edits],
                }],
            }]
        return result

    def finish(self, summary: Summary) -> None:
        rules = []
        for code in self._used:
            rule = self.registry.get(code)
            descriptor: dict[str, Any] = {"id": code}
            if rule is not None:
                descriptor.update({
                    "name": rule.name,
                    "shortDescription": {"text": rule.summary.get(self.lang)},
                    "fullDescription": {"text": rule.summary.get("en" if self.lang == "zh" else "zh")},
                    "helpUri": HELP_URI.format(code=code),
                    "defaultConfiguration": {"level": _LEVEL[rule.severity]},
                    "properties": {"category": rule.category.value, "origin": rule.origin},
                })
            rules.append(descriptor)
        run: dict[str, Any] = {
            "tool": {"driver": {"name": "doclint", "version": __version__,
                                "informationUri": "https://doclint.invalid/", "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
            "artifacts": self._artifacts,
            "results": self._results,
            "invocations": [{"executionSuccessful": not self._notifications,
                             "toolExecutionNotifications": self._notifications}],
        }
        log = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
        json.dump(log, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")


def _uri(path: str) -> str:
    from urllib.parse import quote

    posix = Path(path).as_posix() if path != "<stdin>" else "stdin"
    return quote(posix, safe="/!:")


def _location(path: str, line: int, column: int, end_line: int, end_column: int) -> dict[str, Any]:
    return {"physicalLocation": {
        "artifactLocation": {"uri": _uri(path), "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": line, "startColumn": column, "endLine": end_line,
                   "endColumn": end_column},
    }}
