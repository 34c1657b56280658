"""One `doclint check` run: inputs, engine, formatter, fixes, and the exit code."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from doclint.core.config import DEFAULT_INCLUDE, Config
from doclint.core.diagnostic import FileResult
from doclint.core.encoding import encode
from doclint.core.errors import DoclintError
from doclint.core.fixes import apply_fixes, write_atomically
from doclint.report.base import Summary
from doclint.runner.batch import lint_paths
from doclint.runner.discovery import discover
from doclint.runner.engine import Engine

EXIT_CLEAN, EXIT_DIAGNOSTICS, EXIT_ERROR = 0, 1, 2


@dataclass
class CheckOptions:
    fmt: str = "text"
    output: str | None = None
    color: str = "auto"
    statistics: bool = False
    stdin_filename: str | None = None
    encoding: str | None = None
    fix: bool = False
    show_source: bool = True


def run_check(config: Config, paths: list[str], options: CheckOptions) -> int:
    engine = Engine(config)
    formatters: dict[str, type] = {}
    for group in reversed(engine.pm.hook.doclint_formatters()):  # plugins override built-ins
        formatters.update(group or {})
    if options.fmt not in formatters:
        raise DoclintError(f'unknown format "{options.fmt}" (known: {", ".join(sorted(formatters))})')
    from doclint.cli.main import open_output

    stream = open_output(options.output)
    color = options.color == "always" or (
        options.color == "auto" and options.output is None and stream.isatty())
    formatter = formatters[options.fmt](
        stream, registry=engine.registry, lang=config.lang, color=color,
        options={"statistics": options.statistics, "show_source": options.show_source})
    summary = Summary()
    problems: list[str] = []

    def on_result(result: FileResult) -> None:
        summary.add(result)
        if result.error:
            problems.append(f"doclint: {result.path}: {result.error}")
        problems.extend(f"doclint: {result.path}: {crash}" for crash in result.crashes)
        for line in problems:
            print(line, file=sys.stderr)
        problems.clear()
        formatter.handle(result)

    started = time.perf_counter()
    formatter.start()
    try:
        if paths == ["-"]:
            data = sys.stdin.buffer.read()
            result, _ = engine.lint_bytes(options.stdin_filename or "<stdin>", data, options.encoding)
            on_result(result)
            results = [result]
        else:
            files = list(discover(paths, _include(config, engine), config.exclude))
            if options.output:  # the report being written is not an input
                report = Path(options.output).resolve()
                files = [f for f in files if Path(f).resolve() != report]
            batch = lint_paths(engine, files, config.jobs, options.encoding, on_result)
            results = batch.files
            if batch.archive:
                summary.count(batch.archive)
                formatter.archive(batch.archive, batch.archive_lines)
        summary.seconds = time.perf_counter() - started
        formatter.finish(summary)
    finally:
        if stream is not sys.stdout:
            stream.close()
    if options.fix and paths != ["-"]:
        _apply_fixes(engine, results, options.encoding)
    if summary.unreadable or summary.crashed:
        return EXIT_ERROR
    return EXIT_DIAGNOSTICS if summary.at_or_above(config.fail_on) else EXIT_CLEAN


def _include(config: Config, engine: Engine) -> list[str]:
    """The configured globs; left at the default, also every suffix a plugin reader handles."""
    if config.include != DEFAULT_INCLUDE:
        return config.include
    extra = [f"*{suffix}" for suffix in engine.readers if f"*{suffix}" not in DEFAULT_INCLUDE]
    return [*config.include, *extra]


def _round_trips(text: str, codec: str, data: bytes) -> bool:
    """Rewriting is safe only when the unchanged text encodes back to the very same bytes."""
    try:
        return encode(text, codec, data) == data
    except (UnicodeError, LookupError):
        return False


def _apply_fixes(engine: Engine, results: list[FileResult], encoding: str | None) -> None:
    for result in results:
        fixes = [d.fix for d in result.diagnostics if d.fix is not None and d.fix.safe]
        if not fixes or result.path.lower().endswith(".docx"):
            continue
        with open(result.path, "rb") as handle:
            data = handle.read()
        doc = engine.read(result.path, data, encoding)
        if not _round_trips(doc.source, doc.encoding, data):
            print(f"doclint: {result.path}: not fixed: its bytes do not survive decoding as "
                  f"{doc.encoding}", file=sys.stderr)
            continue
        text, count = apply_fixes(doc.source, fixes)
        if count and text != doc.source:
            write_atomically(result.path, text, doc.encoding, data)
            print(f"doclint: {result.path}: applied {count} fix{'es' if count > 1 else ''}",
                  file=sys.stderr)


