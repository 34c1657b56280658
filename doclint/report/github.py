"""GitHub Actions workflow commands: ``::warning file=…,line=…::message``."""

from __future__ import annotations

from doclint.core.diagnostic import Diagnostic, FileResult, Severity
from doclint.report.base import Formatter

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubFormatter(Formatter):
    def handle(self, result: FileResult) -> None:
        for diag in result.diagnostics:
            self._write(diag)

    def archive(self, diagnostics: list[Diagnostic], lines: dict[str, dict[int, str]]) -> None:
        for diag in diagnostics:
            self._write(diag)

    def _write(self, diag: Diagnostic) -> None:
        props = (f"file={_escape_property(diag.path)},line={diag.start.line},"
                 f"col={diag.start.column},endLine={diag.end.line},endColumn={diag.end.column},"
                 f"title={_escape_property(f'{diag.code} [{diag.category.value}]')}")
        message = _escape_data(f"{diag.code} {diag.message.get(self.lang)}")
        self.stream.write(f"::{_LEVEL[diag.severity]} {props}::{message}\n")
