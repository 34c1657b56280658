"""Compiler-style text: ``path:line:col: CODE [category] message`` with a caret snippet."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from doclint.core.diagnostic import Diagnostic, FileResult, Severity
from doclint.core.lazyregex import lazy_re
from doclint.report.base import Formatter, Summary, fix_label

_COLORS = {Severity.ERROR: "\033[1;31m", Severity.WARNING: "\033[1;33m", Severity.INFO: "\033[1;36m"}
_BOLD, _DIM, _BLUE, _RESET = "\033[1m", "\033[2m", "\033[1;34m", "\033[0m"
_MAX_SNIPPET = 100  # terminal cells of source shown per snippet line
_LEFT_CONTEXT = 30  # cells of context before the span


# Characters whose width wcwidth gives as their East Asian width: printable ASCII and Latin-1,
# general punctuation, CJK punctuation (without the tone marks U+302A-302F), ideographs and
# full-width forms; those from U+3000 on take two cells. Checked one by one against wcwidth
# 0.9.5. A line made of them alone is measured here: importing wcwidth costs about 35 ms, a
# tenth of a pre-commit run on a small file with findings.
_PLAIN = lazy_re("[ -~\xa1-\xac\xae-\xff\u2010-\u2027\u2030-\u205e\u3000-\u3029"
                    "\u3030-\u303e\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff60\uffe0-\uffe6]*")


def display_width(text: str) -> int:
    """Terminal cells: East Asian wide and full-width characters take two."""
    if _PLAIN.fullmatch(text):
        return len(text) + sum(char > "\u2fff" for char in text)
    from wcwidth import wcswidth  # NOTE: lazily: a clean run never aligns carets

    width = wcswidth(text)
    return width if width >= 0 else sum(max(wcswidth(c), 0) for c in text)


class TextFormatter(Formatter):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.show_source = self.options.get("show_source", True)
        self._lines: dict[int, str] = {}

    def _paint(self, code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text

    def handle(self, result: FileResult) -> None:
        self._lines = result.lines if self.show_source else {}
        self._emit(result.diagnostics)

    def archive(self, diagnostics: list[Diagnostic], lines: dict[str, dict[int, str]]) -> None:
        for diag in diagnostics:
            self._lines = lines.get(diag.path, {}) if self.show_source else {}
            self._emit([diag])

    def _emit(self, diagnostics: Iterable[Diagnostic]) -> None:
        write = self.stream.write
        for diag in diagnostics:
            location = self._paint(_BOLD, f"{diag.path}:{diag.start.line}:{diag.start.column}:")
            code = self._paint(_COLORS[diag.severity], diag.code)
            fix = fix_label(diag.fix, self.lang, self.options.get("unsafe_fixes", False))
            write(f"{location} {code} [{diag.category.value}] {diag.message.get(self.lang)}{fix}\n")
            lines = self._lines
            if lines:
                self._snippet(lines, diag.start.line, diag.start.column,
                              diag.end.line, diag.end.column, _COLORS[diag.severity])
            for rel in diag.related:
                note = rel.note.get(self.lang)
                where = f"{rel.path}:{rel.start.line}:{rel.start.column}"
                write(f"  {self._paint(_BLUE, '= note')}: {where}: {note}\n")
                if lines and rel.path == diag.path:
                    self._snippet(lines, rel.start.line, rel.start.column, rel.end.line,
                                  rel.end.column, _BLUE, marker="-")

    def _snippet(self, lines: dict[int, str], line: int, column: int, end_line: int,
                 end_column: int, color: str, marker: str = "^") -> None:
        if line not in lines:
            return
        # NOTE: tabs are kept as they are: expanding them would shift every column after them.
        text = lines[line].replace("\t", " ")
        end = end_column if end_line == line else len(text) + 1
        start = column - 1
        # Long lines (speeches often have none) are cut to a window around the span, measured
        # in terminal cells so that CJK text fits a terminal too.
        offset = start
        while offset > 0 and display_width(text[offset - 1 : start]) <= _LEFT_CONTEXT:
            offset -= 1
        stop = start
        while stop < len(text) and display_width(text[offset : stop + 1]) <= _MAX_SNIPPET:
            stop += 1
        # A span near the end of the line takes the room it leaves as more context on the left.
        while offset > 0 and display_width(text[offset - 1 : stop]) <= _MAX_SNIPPET:
            offset -= 1
        prefix = "…" if offset else ""
        suffix = "…" if stop < len(text) else ""
        gutter = f"{line:>5} | "
        pad = " " * display_width(prefix + text[offset:start])
        covered = text[start : min(max(start + 1, end - 1), stop)]
        underline = marker * max(1, display_width(covered))
        self.stream.write(self._paint(_DIM, gutter) + prefix + text[offset:stop] + suffix + "\n")
        self.stream.write(" " * 6 + self._paint(_DIM, "| ") + pad + self._paint(color, underline)
                          + "\n")

    def _hidden(self, summary: Summary) -> str:
        """What suppressions and the baseline hid: the summary line says how many."""
        en = self.lang == "en"
        parts = []
        if summary.suppressed:
            parts.append(f"{summary.suppressed} suppressed" if en
                         else f"{summary.suppressed} 个已抑制")
        if summary.baselined:
            parts.append(f"{summary.baselined} hidden by the baseline" if en
                         else f"{summary.baselined} 个由基线隐藏")
        return "; " + ", ".join(parts) if en else "；另有 " + "，".join(parts)

    def finish(self, summary: Summary) -> None:
        if self.options.get("statistics"):
            for code, count in sorted(summary.by_code.items(), key=lambda kv: (-kv[1], kv[0])):
                rule = self.registry.get(code)
                label = f"[{rule.category.value}] {rule.summary.get(self.lang)}" if rule else ""
                self.stream.write(f"{count:>6}  {code:<6} {label}\n")
        total = summary.total
        unsafe = self.options.get("unsafe_fixes", False)
        fixable = summary.fixable + (summary.unsafe_fixable if unsafe else 0)
        hidden = 0 if unsafe else summary.unsafe_fixable
        if self.lang == "en":
            line = (f"Found {total} diagnostic{'s' if total != 1 else ''} in {summary.files} "
                    f"file{'s' if summary.files != 1 else ''}")
            if fixable:
                line += (f" ({fixable} fixable with --fix"
                         + (" --unsafe-fixes)" if unsafe else ")"))
            if hidden:
                line += (f" ({hidden} hidden fix{'es' if hidden != 1 else ''} can be enabled "
                         "with --unsafe-fixes)")
        else:
            line = f"共检查 {summary.files} 个文件，发现 {total} 个问题"
            notes = []
            if fixable:
                notes.append(f"其中 {fixable} 个可用 --fix"
                             + (" --unsafe-fixes 修复" if unsafe else " 修复"))
            if hidden:
                notes.append(f"另有 {hidden} 个不安全修复可用 --unsafe-fixes 启用")
            if notes:
                line += "（" + "；".join(notes) + "）"
        if summary.suppressed or summary.baselined:
            line += self._hidden(summary)
        if summary.unreadable:
            line += (f"; {summary.unreadable} unreadable" if self.lang == "en"
                     else f"；{summary.unreadable} 个文件无法读取")
        self.stream.write(("\n" if total else "") + line + ".\n" if self.lang == "en"
                          else ("\n" if total else "") + line + "。\n")
        if summary.fixed is not None:  # a --fix run ends with what it fixed (ruff's "Fixed N")
            self.stream.write(f"Fixed {summary.fixed} issue{'s' if summary.fixed != 1 else ''}.\n"
                              if self.lang == "en" else f"修复了 {summary.fixed} 个问题。\n")

